/* nextyear.h - next year's draft made from last year's.
 *
 * What is kept, what is carried over and what is put up for rewriting is
 * the form's `next_year` (form.h); every other cell starts unfilled, and
 * the year is last year's plus one unless a later one is asked for.
 * Where last year's draft lies is recorded by previous.h, not here.
 */
#ifndef NB_NEXTYEAR_H
#define NB_NEXTYEAR_H

#include <stdint.h>

#include "core/error.h"
#include "core/report.h"

/* Next year's report from last year's, of the same form (which must
 * outlive it).  year 0: last year's plus one.  -1 with *err (no place in
 * a file) when the form has no next_year or no year field, when last
 * year's year is not filled in and none is given, when year is not after
 * it or past 2999, or when memory runs out. */
int nb_report_next_year(const nb_report_t *last, int64_t year,
                        nb_report_t **out, nb_error_t *err);

/* A name for next year's draft, malloc'd (NULL: out of memory): last
 * year's path with its year in the file name written as the new one
 * ("2024/jinzhai-2024.yaml" gives "2024/jinzhai-2025.yaml"), or, with no
 * such year in it, the year put before the extension ("a.yaml" gives
 * "a-2025.yaml"). */
char *nb_next_year_name(const char *last, int64_t last_year, int64_t year);

#endif
