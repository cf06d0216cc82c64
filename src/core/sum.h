/* sum.h - the tables of many reports added up, cell by cell.
 *
 * A county's or a city's office publishes tables that are the sums of its
 * bodies' tables.  A sum is a report of the same form whose table cells
 * (the value cells of the form's tables: every count and amount of 二, 三
 * and 四) are the sums of the reports added to it, exactly: amounts in the
 * fixed point of number.h, written with the most decimals any input had.
 * Its text is empty; whose it is and which year, the caller says.  The
 * inputs are listed in the draft under the key `x-sum-of` (path,
 * organization, year of each, and `forced` with the reason when one was
 * taken in spite of it), which drafts keep when they are read and saved.
 *
 * A cell no input filled stays unfilled.  A sum never wraps: an addition
 * that would pass INT64_MAX is refused and leaves the sum as it was.
 */
#ifndef NB_SUM_H
#define NB_SUM_H

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/form.h"
#include "core/report.h"

/* The draft key under which a sum lists its inputs. */
#define NB_SUM_KEY "x-sum-of"

typedef struct nb_sum nb_sum_t;

/* What stands in the way of adding a report (nb_sum_judge). */
typedef struct {
	int other_format;       /* it follows another form: never added */
	int other_year;         /* its year is not the sum's */
	size_t errors;          /* findings of severity error (rules.h) */
	size_t unfilled;        /* table cells not filled */
} nb_sum_judgement_t;

/* One input as the list under NB_SUM_KEY names it. */
typedef struct {
	char *path, *org;       /* owned */
	int64_t year;
	char *forced;           /* why it was refused but taken, or NULL */
} nb_sum_input_t;

/* An empty sum for the body org and the year; NULL when out of memory. */
nb_sum_t *nb_sum_new(const nb_form_t *form, const char *org, int64_t year);
void nb_sum_free(nb_sum_t *s);

/* Whether a cell is one a sum adds up: a value cell of a table. */
int nb_sum_is_table_cell(const nb_sum_t *s, size_t cell);

/* Judges a report before it is added: *out says what is wrong with it.
 * Returns 1 when nothing is, 0 when something is, -1 out of memory. */
int nb_sum_judge(const nb_sum_t *s, const nb_report_t *rep,
                 nb_sum_judgement_t *out);

/* Adds the filled table cells of rep (of the sum's form) and lists it as
 * `path`, with `forced` (NULL, or why it is taken all the same).  -1 with
 * *err naming the cell when a sum would pass INT64_MAX (then nothing of
 * rep is added), or when out of memory. */
int nb_sum_add(nb_sum_t *s, const nb_report_t *rep, const char *path,
               const char *forced, nb_error_t *err);

/* The sum so far: its form, its identity and the cells added up (the
 * totals are computed only by nb_sum_finish).  Owned by the sum. */
const nb_report_t *nb_sum_report(const nb_sum_t *s);

/* The number of reports added so far. */
size_t nb_sum_count(const nb_sum_t *s);

/* The sum as a report: the totals computed from the summed cells as the
 * rules say, the list of inputs under NB_SUM_KEY.  *recomputed (may be
 * NULL) gets how many totals came out other than the sum of the inputs'
 * totals (only an input with errors makes one).  The report is handed
 * over (the caller frees it); the sum can then only be freed.  NULL when
 * out of memory. */
nb_report_t *nb_sum_finish(nb_sum_t *s, size_t *recomputed);

/* The table cells where parent and total (reports of one form) differ:
 * a figure, or filled against unfilled.  *cells is malloc'd (NULL when
 * none); -1 when out of memory. */
int nb_sum_compare(const nb_report_t *parent, const nb_report_t *total,
                   size_t **cells, size_t *n);

/* The inputs a draft lists under NB_SUM_KEY, in order: 1 and *v (the
 * caller frees it with nb_sum_inputs_free) when it has the list, 0 when
 * it has none, -1 with *err when the list is not as a sum writes it. */
int nb_sum_inputs(const nb_report_t *r, nb_sum_input_t **v, size_t *n,
                  nb_error_t *err);
void nb_sum_inputs_free(nb_sum_input_t *v, size_t n);

#endif
