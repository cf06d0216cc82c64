/* number.h - counts and amounts as the operator writes them.
 *
 * Amounts (the 万元 fee) are fixed-point: an integer count of 10^-9 units
 * plus the number of decimals the operator entered, so "12.50" comes back as
 * "12.50" and no binary fraction ever creeps in.
 */
#ifndef NB_NUMBER_H
#define NB_NUMBER_H

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

/* A decimal >= 0 with at most max_decimals places (max 9). */
nb_numerr_t nb_amount_parse(const char *s, int max_decimals, int64_t *units,
                            int *decimals);

/* Writes the amount with exactly `decimals` places; buf of 32 bytes. */
void nb_amount_format(int64_t units, int decimals, char *buf);

/* What was expected, for messages: "应为……". */
const char *nb_numerr_text(nb_numerr_t e);

#endif
