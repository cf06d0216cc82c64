/* Comparing the words and figures of a published report loosely enough
 * for the ways it is typed, and no more (import_impl.h). */

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/import_impl.h"
#include "core/number.h"
#include "core/text.h"

/* The code point compared, or 0 to leave it out. */
static uint32_t
fold(uint32_t c)
{
	if (c >= 0xFF01 && c <= 0xFF5E)          /* full-width ASCII */
		c -= 0xFEE0;
	switch (c) {
	case ' ': case '\t': case '\r': case '\n': case 0x3000: case 0xA0:
	case 0x201C: case 0x201D: case 0x2018: case 0x2019: case '"': case '\'':
	case 0x300C: case 0x300D:
		return 0;
	case 0x3010: return '[';                 /* 【】 */
	case 0x3011: return ']';
	case 0x2014: case 0x2013: return '-';
	default: return c;
	}
}

char *
nb_inorm(const char *s)
{
	nb_buf_t b;
	size_t n = strlen(s), i = 0, k;
	uint32_t cp;
	char u[4], *p, *r;

	nb_buf_init(&b);
	while (i < n) {
		i += nb_utf8_next(s + i, n - i, &cp);
		if ((cp = fold(cp)))
			nb_buf_add(&b, u, nb_utf8_put(cp, u));
	}
	nb_buf_puts(&b, "");
	if (!(r = nb_buf_take(&b)))
		return NULL;
	while ((p = strstr(r, "钩稽")))           /* a common misspelling */
		memcpy(p, "勾", 3);
	k = strlen(r);
	if (k >= 3 && !strcmp(r + k - 3, "。"))
		r[k - 3] = '\0';
	return r;
}

int
nb_inum(const char *s, int amount, int decimals, int64_t *v, int *dec)
{
	size_t n = strlen(s);
	char *t, *o, *p;
	int ok;

	/* "1." and "1、" number the rows; they are no figures */
	if (n && (s[n - 1] == '.' || (n >= 3 && (!strcmp(s + n - 3, "．") ||
	          !strcmp(s + n - 3, "、") || !strcmp(s + n - 3, "。")))))
		return 0;
	if (!(t = nb_inorm(s)))
		return 0;
	for (o = p = t; *p; p++)                 /* thousands separators */
		if (*p != ',')
			*o++ = *p;
	*o = '\0';
	*dec = 0;
	ok = *t && (amount ? nb_amount_parse(t, decimals, v, dec)
	                   : nb_count_parse(t, v)) == NB_NUM_OK;
	if (ok && !amount && strchr(t, '.'))
		ok = 0;
	free(t);
	return ok;
}

static int
numeral_at(const char *s, size_t *len)
{
	static const char *const cn[] = { "一", "二", "三", "四", "五", "六",
	                                   "七", "八", "九", "十" };
	size_t i, n = 0;
	int again = 1;

	while (again) {
		again = 0;
		if (s[n] >= '0' && s[n] <= '9') {
			n++;
			again = 1;
			continue;
		}
		for (i = 0; i < 10; i++)
			if (!strncmp(s + n, cn[i], 3)) {
				n += 3;
				again = 1;
				break;
			}
	}
	*len = n;
	return n > 0;
}

const char *
nb_iunnumbered(const char *s)
{
	size_t n;
	const char *p = s;

	if (!strncmp(p, "（", 3) || *p == '(') {
		p += *p == '(' ? 1 : 3;
		if (numeral_at(p, &n) && (!strncmp(p + n, "）", 3) || p[n] == ')'))
			return p + n + (p[n] == ')' ? 1 : 3);
		return s;
	}
	if (!numeral_at(p, &n))
		return s;
	p += n;
	if (!strncmp(p, "、", 3) || !strncmp(p, "．", 3))
		p += 3;
	else if (*p == '.' || *p == ' ')
		p++;
	else
		return s;
	return p;
}

static void
add_line(nb_isummary_t *sum, const char *fmt, va_list ap)
{
	char line[512], **v;

	vsnprintf(line, sizeof line, fmt, ap);
	if (!(v = realloc(sum->left, (sum->nleft + 1) * sizeof *v)))
		return;
	sum->left = v;
	if ((v[sum->nleft] = strdup(line)))
		sum->nleft++;
}

void
nb_isum_left(nb_isummary_t *sum, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_line(sum, fmt, ap);
	va_end(ap);
	sum->unfilled++;
}

void
nb_isum_info(nb_isummary_t *sum, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_line(sum, fmt, ap);
	va_end(ap);
}

void
nb_isummary_free(nb_isummary_t *s)
{
	size_t i;

	for (i = 0; i < s->nleft; i++)
		free(s->left[i]);
	free(s->left);
	memset(s, 0, sizeof *s);
}
