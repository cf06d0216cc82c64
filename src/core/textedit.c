#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/text.h"
#include "core/textedit.h"

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

char *
nb_text_get(const nb_text_t *t)
{
	char *s = malloc(t->len * 4 + 1);
	size_t i, o = 0;

	if (!s)
		return NULL;
	for (i = 0; i < t->len; i++)
		o += nb_utf8_put((uint32_t)t->s[i], s + o);
	s[o] = '\0';
	return s;
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

/* Wraps one logical line [from, to). */
static int
wrap_line(const nb_text_t *t, size_t from, size_t to, int width,
          nb_tlayout_t *L)
{
	size_t start = from, end;

	while ((end = nb_wrap_row(t->s, to, start, width)) < to) {
		if (add_row(L, start, end) < 0)
			return -1;
		start = end;
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

	while (p < last && c + nb_cp_width(t->s[p]) <= x) {
		c += nb_cp_width(t->s[p]);
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
