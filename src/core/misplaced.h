/* misplaced.h - a figure typed in the wrong column or row, found from the
 * sums it breaks.
 *
 * A figure typed one column (or one row) off breaks two checks of the same
 * rule the opposite way: in one the side it belongs to is short by d, in
 * the other the side it went to is over by d, and every mark of both checks
 * points at the same mistake.  So when exactly two checks of a sum rule are
 * broken by +d and -d, the cells that may hold the misplaced figure are
 * those on the over side of one (reached through the totals they add up
 * to, where a total agrees with its cells) that hold exactly d while their
 * counterpart in the other check - the term in the same place of the same
 * rule - holds 0; moving the figure there must mend both checks and break
 * none that holds.  A cell that holds more than d could explain the sums
 * too, but then the figure was not typed in the wrong place: it was wrong.
 * Totals are never named, as they are computed, not typed.  Only when
 * exactly one cell qualifies is it named, in a note of rule "misplaced";
 * several, or a cell named twice with two places to go, give none.
 *
 * Nothing here knows a table: a cell's row is its row field (or the flow
 * group its figure is part of) and its column is its place in that row,
 * all from the form's fields; the words come from the form's labels.
 */
#ifndef NB_MISPLACED_H
#define NB_MISPLACED_H

#include "core/report.h"
#include "core/rules.h"

/* Adds a note of rule "misplaced" for every figure likely typed in the
 * wrong place, judging the broken checks already in out (nb_rules_eval
 * calls it after the other rules).  -1 only when out of memory. */
int nb_misplaced_find(const nb_report_t *r, const nb_report_t *prev,
                      nb_findings_t *out);

/* Whether a cell is one a "misplaced" note is about: the cell named, the
 * one it probably belongs in, or any cell the two broken checks add up
 * (directly or through the totals of their terms). */
int nb_misplaced_concerns(const nb_form_t *form, const nb_finding_t *f,
                          size_t cell);

#endif
