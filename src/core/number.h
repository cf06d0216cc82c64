/* number.h - counts and amounts as the operator writes them.
 *
 * Amounts (the 万元 fee) are fixed-point: an integer count of 10^-9 units
 * plus the number of decimals the operator entered, so "12.50" comes back as
 * "12.50" and no binary fraction ever creeps in.
 */
#ifndef NB_NUMBER_H
#define NB_NUMBER_H

#include <stddef.h>
#include <stdint.h>

#define NB_AMOUNT_SCALE 1000000000LL   /* units per 1 (room for 9 places) */

typedef enum {
	NB_NUM_OK = 0,
	NB_NUM_EMPTY,       /* nothing written */
	NB_NUM_NOT_NUMBER,  /* not digits */
	NB_NUM_NEGATIVE,
	NB_NUM_FRACTION,    /* a count with a decimal point */
	NB_NUM_EXPONENT,    /* 1e3 */
	NB_NUM_LEADING_ZERO,/* 007: YAML 1.1 would read octal */
	NB_NUM_TOO_LARGE,   /* past 2^63 - 1 */
	NB_NUM_TOO_PRECISE  /* more decimals than allowed */
} nb_numerr_t;

/* A whole number >= 0 in plain decimal digits. */
nb_numerr_t nb_count_parse(const char *s, int64_t *out);

/* Whether the len bytes of s (a string: s[len] is its NUL) are a count
 * nb_count_parse takes as written, of at most 18 digits, and then the
 * count in *out; 0 for all else, which nb_count_parse is to judge.
 * Inline: a draft's figures are mostly of this kind, and many. */
static inline int
nb_count_short(const char *s, size_t len, int64_t *out)
{
	int64_t x = 0;
	size_t i;

	if (len == 0 || len > 18 || (s[0] == '0' && len > 1))   /* 18: no overflow */
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		x = x * 10 + (s[i] - '0');
	}
	*out = x;
	return 1;
}

/* A decimal >= 0 with at most max_decimals places (max 9). */
nb_numerr_t nb_amount_parse(const char *s, int max_decimals, int64_t *units,
                            int *decimals);

/* Writes the amount with exactly `decimals` places; buf of 32 bytes. */
void nb_amount_format(int64_t units, int decimals, char *buf);

/* What was expected, for messages: "应为……". */
const char *nb_numerr_text(nb_numerr_t e);

#endif
