#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "textedit.h"

void
nb_text_init(nb_text_t *t)
{
	memset(t, 0, sizeof *t);
	t->goal = -1;
}

void
nb_text_free(nb_text_t *t)
{
	free(t->s);
	nb_text_init(t);
}

static int
reserve(nb_text_t *t, size_t n)
{
	size_t cap;
	wchar_t *s;

	if (t->len + n + 1 <= t->cap)
		return 0;
	cap = t->cap ? t->cap : 64;
	while (cap < t->len + n + 1)
		cap *= 2;
	if (!(s = realloc(t->s, cap * sizeof *s)))
		return -1;
	t->s = s;
	t->cap = cap;
	return 0;
}

/* One UTF-8 sequence at s; *used gets its length.  Bad bytes give U+FFFD. */
static wchar_t
utf8_one(const unsigned char *s, size_t *used)
{
	static const unsigned char lead_bits[] = { 0, 0, 0x1f, 0x0f, 0x07 };
	static const wchar_t min[] = { 0, 0, 0x80, 0x800, 0x10000 };
	size_t n, i;
	wchar_t c;

	*used = 1;
	if (s[0] < 0x80)
		return s[0];
	n = s[0] >= 0xf0 && s[0] < 0xf5 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 ? 2 : 0;
	if (s[0] >= 0xf5 || !n)
		return 0xfffd;
	c = s[0] & lead_bits[n];
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0xfffd;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min[n] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0xfffd;
	*used = n;
	return c;
}

wchar_t *
nb_utf8_decode(const char *s, size_t *n)
{
	size_t len = strlen(s), i = 0, o = 0, used;
	wchar_t *w = malloc((len + 1) * sizeof *w);

	if (!w)
		return NULL;
	while (i < len) {
		w[o++] = utf8_one((const unsigned char *)s + i, &used);
		i += used;
	}
	w[o] = 0;
	*n = o;
	return w;
}

int
nb_text_set(nb_text_t *t, const char *utf8)
{
	size_t n;
	wchar_t *w = nb_utf8_decode(utf8 ? utf8 : "", &n);

	if (!w)
		return -1;
	free(t->s);
	t->s = w;
	t->len = n;
	t->cap = n + 1;
	t->cur = n;
	t->goal = -1;
	return 0;
}

static size_t
utf8_put(wchar_t c, char *o)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xc0 | (c >> 6));
		o[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xe0 | (c >> 12));
		o[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		o[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | (c >> 18));
	o[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	o[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	o[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

char *
nb_text_get(const nb_text_t *t)
{
	char *s = malloc(t->len * 4 + 1);
	size_t i, o = 0;

	if (!s)
		return NULL;
	for (i = 0; i < t->len; i++)
		o += utf8_put(t->s[i], s + o);
	s[o] = '\0';
	return s;
}

int
nb_wcwidth(wchar_t c)
{
	int w;

	if (c == '\t')
		return 1;
	w = wcwidth(c);
	if (w >= 0)
		return w;
	/* no UTF-8 locale, or an unassigned character: guess from the block */
	if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) ||
	    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
	    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd))
		return 2;
	return 1;
}

int
nb_wcswidth(const wchar_t *s, size_t n)
{
	int w = 0;
	size_t i;

	for (i = 0; i < n; i++)
		w += nb_wcwidth(s[i]);
	return w;
}

/* ---- editing ---- */

int
nb_text_insert(nb_text_t *t, const wchar_t *s, size_t n)
{
	if (!n)
		return 0;
	if (reserve(t, n) < 0)
		return -1;
	memmove(t->s + t->cur + n, t->s + t->cur,
	        (t->len - t->cur + 1) * sizeof *t->s);
	memcpy(t->s + t->cur, s, n * sizeof *s);
	t->len += n;
	t->cur += n;
	t->goal = -1;
	return 1;
}

static void
erase(nb_text_t *t, size_t at)
{
	memmove(t->s + at, t->s + at + 1, (t->len - at) * sizeof *t->s);
	t->len--;
	t->goal = -1;
}

int
nb_text_backspace(nb_text_t *t)
{
	if (!t->cur)
		return 0;
	erase(t, --t->cur);
	return 1;
}

int
nb_text_delete(nb_text_t *t)
{
	if (t->cur >= t->len)
		return 0;
	erase(t, t->cur);
	return 1;
}

/* ---- moving along the text ---- */

static int
move_to(nb_text_t *t, size_t pos, int keep_goal)
{
	int moved = pos != t->cur;

	t->cur = pos;
	if (!keep_goal)
		t->goal = -1;
	return moved;
}

int
nb_text_left(nb_text_t *t)
{
	return t->cur ? move_to(t, t->cur - 1, 0) : 0;
}

int
nb_text_right(nb_text_t *t)
{
	return t->cur < t->len ? move_to(t, t->cur + 1, 0) : 0;
}

int
nb_text_start(nb_text_t *t)
{
	return move_to(t, 0, 0);
}

int
nb_text_end(nb_text_t *t)
{
	return move_to(t, t->len, 0);
}

/* A character after which a jump stops: clause ends and line ends. */
static int
is_stop(wchar_t c)
{
	return c == '\n' || (c && wcschr(L"，。；：！？、,.;:!?", c) != NULL);
}

static int
is_blank(wchar_t c)
{
	return c == ' ' || c == '\t' || c == 0x3000;
}

int
nb_text_word_right(nb_text_t *t)
{
	size_t p = t->cur;

	if (p >= t->len)
		return 0;
	p++;
	/* stop after a clause end, or at the start of the next word */
	while (p < t->len && !is_stop(t->s[p - 1]) &&
	       !(is_blank(t->s[p - 1]) && !is_blank(t->s[p])))
		p++;
	return move_to(t, p, 0);
}

int
nb_text_word_left(nb_text_t *t)
{
	size_t p = t->cur;

	if (!p)
		return 0;
	p--;
	while (p > 0 && (is_blank(t->s[p]) || is_stop(t->s[p])) && p + 1 == t->cur)
		p--;
	while (p > 0 && !is_stop(t->s[p - 1]) &&
	       !(is_blank(t->s[p - 1]) && !is_blank(t->s[p])))
		p--;
	return move_to(t, p, 0);
}

/* ---- wrapping ---- */

static int
add_row(nb_tlayout_t *L, size_t start, size_t end)
{
	if (L->n == L->cap) {
		size_t cap = L->cap ? 2 * L->cap : 16;
		nb_tline_t *v = realloc(L->v, cap * sizeof *v);
		if (!v)
			return -1;
		L->v = v;
		L->cap = cap;
	}
	L->v[L->n].start = start;
	L->v[L->n].end = end;
	L->n++;
	return 0;
}

/* Characters that must not begin a line (避头点). */
static int
no_line_start(wchar_t c)
{
	return c && wcschr(L"，。、；：！？）》」』”’…—,.;:!?)]", c) != NULL;
}

static int
is_word_char(wchar_t c)
{
	return c < 0x80 && c > ' ';
}

/* Where to break a row that runs from `start` and would overflow at
 * `over` (the first character that does not fit). */
static size_t
break_at(const wchar_t *s, size_t start, size_t over)
{
	size_t p;

	if (is_word_char(s[over]) && is_word_char(s[over - 1])) {
		for (p = over - 1; p > start; p--)
			if (!is_word_char(s[p - 1]))
				return p;     /* keep the ASCII word whole */
		return over;
	}
	if (no_line_start(s[over]) && over - 1 > start)
		return over - 1;      /* take the last character along */
	return over;
}

/* Wraps one logical line [from, to). */
static int
wrap_line(const nb_text_t *t, size_t from, size_t to, int width,
          nb_tlayout_t *L)
{
	size_t start = from, p = from;
	int x = 0, w;

	while (p < to) {
		w = nb_wcwidth(t->s[p]);
		if (x + w > width && p > start) {
			size_t b = break_at(t->s, start, p);
			if (add_row(L, start, b) < 0)
				return -1;
			start = p = b;
			x = 0;
			continue;
		}
		x += w;
		p++;
	}
	return add_row(L, start, to);
}

int
nb_text_layout(const nb_text_t *t, int width, nb_tlayout_t *L)
{
	size_t from = 0, p;

	L->n = 0;
	L->width = width < 2 ? 2 : width;
	for (p = 0; p <= t->len; p++) {
		if (p < t->len && t->s[p] != '\n')
			continue;
		if (wrap_line(t, from, p, L->width, L) < 0)
			return -1;
		from = p + 1;
	}
	return 0;
}

void
nb_tlayout_free(nb_tlayout_t *L)
{
	free(L->v);
	memset(L, 0, sizeof *L);
}

size_t
nb_tlayout_row(const nb_tlayout_t *L, size_t pos)
{
	size_t lo = 0, hi = L->n;

	/* the last row starting at or before pos */
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (L->v[mid].start <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

int
nb_tlayout_col(const nb_text_t *t, const nb_tlayout_t *L, size_t pos)
{
	size_t r;

	if (!L->n)
		return 0;
	r = nb_tlayout_row(L, pos);
	return nb_wcswidth(t->s + L->v[r].start, pos - L->v[r].start);
}

/* The last position the cursor can take on row r: a wrapped row's end is
 * shown at the start of the next row, so stop before its last character. */
static size_t
row_last(const nb_tlayout_t *L, size_t r)
{
	const nb_tline_t *row = &L->v[r];

	if (r + 1 < L->n && L->v[r + 1].start == row->end && row->end > row->start)
		return row->end - 1;
	return row->end;
}

/* The position in row r nearest to column x without passing it. */
static size_t
pos_at_col(const nb_text_t *t, const nb_tlayout_t *L, size_t r, int x)
{
	size_t p = L->v[r].start, last = row_last(L, r);
	int c = 0;

	while (p < last && c + nb_wcwidth(t->s[p]) <= x) {
		c += nb_wcwidth(t->s[p]);
		p++;
	}
	return p;
}

int
nb_text_vmove(nb_text_t *t, const nb_tlayout_t *L, int rows)
{
	long r;
	int goal;

	if (!L->n)
		return 0;
	r = (long)nb_tlayout_row(L, t->cur);
	goal = t->goal >= 0 ? t->goal : nb_tlayout_col(t, L, t->cur);
	r += rows;
	if (r < 0)
		return move_to(t, 0, 0);
	if (r >= (long)L->n)
		return move_to(t, t->len, 0);
	t->goal = goal;
	return move_to(t, pos_at_col(t, L, (size_t)r, goal), 1);
}

int
nb_text_row_home(nb_text_t *t, const nb_tlayout_t *L)
{
	if (!L->n)
		return 0;
	return move_to(t, L->v[nb_tlayout_row(L, t->cur)].start, 0);
}

int
nb_text_row_end(nb_text_t *t, const nb_tlayout_t *L)
{
	if (!L->n)
		return 0;
	return move_to(t, row_last(L, nb_tlayout_row(L, t->cur)), 0);
}
