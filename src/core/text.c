/* UTF-8, display width and line breaking (see text.h). */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"

/* Every code point fits in a wchar_t, as on glibc. */
_Static_assert(WCHAR_MAX >= 0x10FFFF, "wchar_t holds a code point");

typedef struct {
	uint32_t lo, hi;
} range_t;

/* East Asian Width W and F (Unicode 15), merged into ranges. */
static const range_t wide[] = {
	{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A },
	{ 0x23E9, 0x23EC }, { 0x23F0, 0x23F0 }, { 0x23F3, 0x23F3 },
	{ 0x25FD, 0x25FE }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 },
	{ 0x267F, 0x267F }, { 0x2693, 0x2693 }, { 0x26A1, 0x26A1 },
	{ 0x26AA, 0x26AB }, { 0x26BD, 0x26BE }, { 0x26C4, 0x26C5 },
	{ 0x26CE, 0x26CE }, { 0x26D4, 0x26D4 }, { 0x26EA, 0x26EA },
	{ 0x26F2, 0x26F3 }, { 0x26F5, 0x26F5 }, { 0x26FA, 0x26FA },
	{ 0x26FD, 0x26FD }, { 0x2705, 0x2705 }, { 0x270A, 0x270B },
	{ 0x2728, 0x2728 }, { 0x274C, 0x274C }, { 0x274E, 0x274E },
	{ 0x2753, 0x2755 }, { 0x2757, 0x2757 }, { 0x2795, 0x2797 },
	{ 0x27B0, 0x27B0 }, { 0x27BF, 0x27BF }, { 0x2B1B, 0x2B1C },
	{ 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 }, { 0x2E80, 0x303E },
	{ 0x3041, 0x33FF }, { 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF },
	{ 0xA000, 0xA4CF }, { 0xA960, 0xA97F }, { 0xAC00, 0xD7A3 },
	{ 0xF900, 0xFAFF }, { 0xFE10, 0xFE19 }, { 0xFE30, 0xFE6F },
	{ 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x16FE0, 0x16FE4 },
	{ 0x17000, 0x18CFF }, { 0x1B000, 0x1B2FF }, { 0x1F004, 0x1F004 },
	{ 0x1F0CF, 0x1F0CF }, { 0x1F18E, 0x1F18E }, { 0x1F191, 0x1F19A },
	{ 0x1F200, 0x1F202 }, { 0x1F210, 0x1F23B }, { 0x1F240, 0x1F248 },
	{ 0x1F250, 0x1F251 }, { 0x1F260, 0x1F265 }, { 0x1F300, 0x1F64F },
	{ 0x1F680, 0x1F6FF }, { 0x1F900, 0x1F9FF }, { 0x1FA70, 0x1FAFF },
	{ 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
};

/* Combining marks and zero-width characters. */
static const range_t zero[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD },
	{ 0x0610, 0x061A }, { 0x064B, 0x065F }, { 0x1160, 0x11FF },
	{ 0x1AB0, 0x1AFF }, { 0x1DC0, 0x1DFF }, { 0x200B, 0x200F },
	{ 0x2028, 0x202E }, { 0x2060, 0x2064 }, { 0x20D0, 0x20FF },
	{ 0x302A, 0x302D }, { 0x3099, 0x309A }, { 0xFE00, 0xFE0F },
	{ 0xFE20, 0xFE2F }, { 0xFEFF, 0xFEFF }, { 0xE0000, 0xE0FFF },
};

static int
in_ranges(uint32_t cp, const range_t *r, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < r[mid].lo)
			hi = mid;
		else if (cp > r[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

int
nb_cp_width(uint32_t cp)
{
	if (cp == '\t')
		return 1;
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	if (cp < 0x300)
		return 1;
	if (in_ranges(cp, zero, sizeof zero / sizeof zero[0]))
		return 0;
	if (in_ranges(cp, wide, sizeof wide / sizeof wide[0]))
		return 2;
	return 1;
}

size_t
nb_utf8_next(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len, i;
	uint32_t c;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		len = 2;
		c = u[0] & 0x1F;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		len = 3;
		c = u[0] & 0x0F;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		len = 4;
		c = u[0] & 0x07;
	} else {
		goto bad;
	}
	if (len > n)
		goto bad;
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80)
			goto bad;
		c = c << 6 | (u[i] & 0x3F);
	}
	/* overlong forms, surrogates and values past U+10FFFF */
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = 0xFFFD;
	return 1;
}

size_t
nb_str_width(const char *s, size_t n)
{
	size_t i = 0, w = 0;
	uint32_t cp;

	while (i < n) {
		i += nb_utf8_next(s + i, n - i, &cp);
		w += (size_t)nb_cp_width(cp);
	}
	return w;
}

size_t
nb_utf8_put(uint32_t c, char *o)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xC0 | c >> 6);
		o[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xE0 | c >> 12);
		o[1] = (char)(0x80 | (c >> 6 & 0x3F));
		o[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | c >> 18);
	o[1] = (char)(0x80 | (c >> 12 & 0x3F));
	o[2] = (char)(0x80 | (c >> 6 & 0x3F));
	o[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

wchar_t *
nb_utf8_decode(const char *s, size_t *n)
{
	size_t len = strlen(s), i = 0, o = 0;
	wchar_t *w = malloc((len + 1) * sizeof *w);
	uint32_t cp;

	if (!w)
		return NULL;
	while (i < len) {
		i += nb_utf8_next(s + i, len - i, &cp);
		w[o++] = (wchar_t)cp;
	}
	w[o] = 0;
	*n = o;
	return w;
}

int
nb_wcswidth(const wchar_t *s, size_t n)
{
	int w = 0;
	size_t i;

	for (i = 0; i < n; i++)
		w += nb_cp_width((uint32_t)s[i]);
	return w;
}

/* ---- line breaking ---- */

/* 避头: what must not start a row. */
static int
is_closing(wchar_t c)
{
	return c && wcschr(L"，。、；：！？）》」』】〕〉”’…—％］｝·", c) != NULL;
}

/* 避尾: what must not end a row. */
static int
is_opening(wchar_t c)
{
	return c && wcschr(L"（《「『【〔〈“‘［｛", c) != NULL;
}

static int
is_word(wchar_t c)
{
	return c > ' ' && c < 0x7F;
}

/* Where to break a row that runs from `start` and would overflow at
 * `over` (the first character that does not fit; over > start). */
static size_t
break_at(const wchar_t *s, size_t start, size_t over)
{
	size_t b = over;

	if (is_word(s[over]) && is_word(s[over - 1])) {
		while (b > start && is_word(s[b - 1]))
			b--;
		if (b == start)
			return over;      /* a word longer than the row */
	}
	while (b - 1 > start && is_closing(s[b]))
		b--;                  /* take the characters before it along */
	while (b - 1 > start && is_opening(s[b - 1]))
		b--;
	return b;
}

/* The rows' common walk: adv NULL measures by display width. */
static size_t
wrap_row(const wchar_t *s, size_t n, size_t start, const int *adv, long width)
{
	size_t p = start;
	long x = 0;
	int w;

	while (p < n) {
		w = adv ? adv[p] : nb_cp_width((uint32_t)s[p]);
		if (x + w > width && p > start)
			return break_at(s, start, p);
		x += w;
		p++;
	}
	return n;
}

size_t
nb_wrap_row(const wchar_t *s, size_t n, size_t start, int width)
{
	return wrap_row(s, n, start, NULL, width);
}

/* Whether the ASCII word around s[at] is wider than a whole row. */
static int
longer_than_row(const wchar_t *s, size_t n, size_t at, const int *adv, long width)
{
	size_t a = at, b = at;
	long w = 0;

	if (!is_word(s[at]))
		return 0;
	while (a > 0 && is_word(s[a - 1]))
		a--;
	while (b < n && is_word(s[b]))
		b++;
	while (a < b)
		w += adv[a++];
	return w > width;
}

size_t
nb_wrap_row_measured(const wchar_t *s, size_t n, size_t start, const int *adv,
                     long width, long first)
{
	size_t p = start;
	long x = 0;

	while (p < n && (p == start || x + adv[p] <= first))
		x += adv[p++];
	if (p >= n)
		return n;
	if (!longer_than_row(s, n, p, adv, width))
		return break_at(s, start, p);
	/* a long web address: fill the row instead of carrying it over */
	while (p - 1 > start && is_opening(s[p - 1]))
		p--;
	return p;
}
