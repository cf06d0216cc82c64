#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/number.h"

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads digits into *v; NB_NUM_TOO_LARGE past INT64_MAX.  The first 18
 * digits cannot pass it, and are taken without the division. */
static nb_numerr_t
digits(const char **s, int64_t *v)
{
	const char *p = *s;
	int64_t x = 0;

	for (; is_digit(*p); p++) {
		if (p - *s >= 18 && x > (INT64_MAX - (*p - '0')) / 10)
			return NB_NUM_TOO_LARGE;
		x = x * 10 + (*p - '0');
	}
	*s = p;
	*v = x;
	return NB_NUM_OK;
}

static nb_numerr_t
classify_bad(const char *s)
{
	if (!*s)
		return NB_NUM_EMPTY;
	if (*s == '-' && (is_digit(s[1]) || s[1] == '.'))
		return NB_NUM_NEGATIVE;
	if (strpbrk(s, "eE") && is_digit(*s))
		return NB_NUM_EXPONENT;
	return NB_NUM_NOT_NUMBER;
}

nb_numerr_t
nb_count_parse(const char *s, int64_t *out)
{
	const char *p = s;
	nb_numerr_t e;

	if (!is_digit(*s))
		return classify_bad(s);
	if ((e = digits(&p, out)) != NB_NUM_OK)
		return e;
	if (*p == '.')
		return NB_NUM_FRACTION;
	if (*p)
		return classify_bad(s) == NB_NUM_EXPONENT ? NB_NUM_EXPONENT
		                                          : NB_NUM_NOT_NUMBER;
	if (s[0] == '0' && s[1])
		return NB_NUM_LEADING_ZERO;
	return NB_NUM_OK;
}

nb_numerr_t
nb_amount_parse(const char *s, int max_decimals, int64_t *units, int *decimals)
{
	const char *p = s;
	int64_t whole, frac = 0, scale = NB_AMOUNT_SCALE;
	nb_numerr_t e;
	int n = 0;

	if (!is_digit(*s))
		return classify_bad(s);
	if ((e = digits(&p, &whole)) != NB_NUM_OK)
		return e;
	if (s[0] == '0' && is_digit(s[1]))
		return NB_NUM_LEADING_ZERO;
	if (*p == '.') {
		for (p++; is_digit(*p); p++, n++) {
			if (n >= max_decimals || n >= 9)
				return NB_NUM_TOO_PRECISE;
			scale /= 10;
			frac += (*p - '0') * scale;
		}
		if (!n)
			return NB_NUM_NOT_NUMBER;
	}
	if (*p)
		return classify_bad(s) == NB_NUM_EXPONENT ? NB_NUM_EXPONENT
		                                          : NB_NUM_NOT_NUMBER;
	if (whole > (INT64_MAX - frac) / NB_AMOUNT_SCALE)
		return NB_NUM_TOO_LARGE;
	*units = whole * NB_AMOUNT_SCALE + frac;
	*decimals = n;
	return NB_NUM_OK;
}

void
nb_amount_format(int64_t units, int decimals, char *buf)
{
	int64_t whole = units / NB_AMOUNT_SCALE, frac = units % NB_AMOUNT_SCALE;
	char f[16];

	if (decimals <= 0) {
		snprintf(buf, 32, "%lld", (long long)whole);
		return;
	}
	snprintf(f, sizeof f, "%09lld", (long long)frac);
	snprintf(buf, 32, "%lld.%.*s", (long long)whole, decimals > 9 ? 9 : decimals, f);
}

const char *
nb_numerr_text(nb_numerr_t e)
{
	switch (e) {
	case NB_NUM_OK:           return "";
	case NB_NUM_EMPTY:        return "没有填写数字";
	case NB_NUM_NOT_NUMBER:   return "不是数字";
	case NB_NUM_NEGATIVE:     return "不能为负数";
	case NB_NUM_FRACTION:     return "件数应为整数，不能有小数";
	case NB_NUM_EXPONENT:     return "不能使用科学计数法";
	case NB_NUM_LEADING_ZERO: return "不能以 0 开头";
	case NB_NUM_TOO_LARGE:    return "数字太大（超过 64 位整数的范围）";
	case NB_NUM_TOO_PRECISE:  return "小数位数太多";
	}
	return "?";
}
