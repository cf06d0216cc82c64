/* import_impl.h - what the parts of the recogniser share (private to
 * import_recognize.c, import_tables.c and import_norm.c). */
#ifndef NB_IMPORT_IMPL_H
#define NB_IMPORT_IMPL_H

#include <stdint.h>

#include "core/import.h"

/* Lines [from, to) of a document: one section of the report. */
typedef struct {
	size_t from, to;
} nb_irange_t;

/* Text as compared with a label: full-width letters, digits and signs as
 * ASCII, no blanks or quotes, 钩稽 as 勾稽, no final 。.
 * malloc'd; NULL when out of memory. */
char *nb_inorm(const char *s);
/* Whether s is a figure as published ("12", "１２", "1,234", "5949.088667"
 * for an amount of up to `decimals` places): 1 and *v, *dec; else 0. */
int nb_inum(const char *s, int amount, int decimals, int64_t *v, int *dec);
/* s with its numbering cut off ("一、", "1、", "1.", "（一）", "(1)"):
 * a pointer into s. */
const char *nb_iunnumbered(const char *s);

/* A line of the summary: what was left unfilled and why. */
void nb_isum_left(nb_isummary_t *sum, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A line of the summary that says what was worked out, not left. */
void nb_isum_info(nb_isummary_t *sum, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The figures of a table of the form from the lines of its section:
 * each row found by its label, its figures taken only when their number
 * is the row's.  Returns -1 when out of memory. */
int nb_import_table(const nb_table_t *t, const nb_idoc_t *doc, nb_irange_t r,
                    nb_report_t *rep, nb_isummary_t *sum);

#endif
