/* rules.h - judging a report by its form's rules.
 *
 * Findings come in four kinds: errors (arithmetic that does not add up),
 * warnings (likely mistakes), suggestions and notes: cells not yet filled
 * in (rule id "unfilled") and figures that were probably typed in the
 * wrong column or row (rule id "misplaced", see misplaced.h).  A sum rule
 * is judged only when every one of its cells is filled.  A finding about
 * the narrative (content.h) points at a sentence of a text as well as at
 * its cell.  Nothing here prints; the caller decides how to show findings.
 */
#ifndef NB_RULES_H
#define NB_RULES_H

#include <stddef.h>

#include "core/form.h"
#include "core/report.h"

typedef struct {
	nb_severity_t severity;
	const char *rule_id;        /* from the form; "unfilled" for notes */
	const nb_check_t *check;    /* the check that failed, NULL for notes */
	size_t cell;                /* the cell the finding points at */
	int line, col;              /* its place in the draft file (0 if new) */
	char *message;              /* owned */
	/* About a sentence: bytes [start, end) of the cell's text (of its
	 * subsection `item` for items, else item is -1). */
	int in_text;
	int item;
	size_t start, end;
	/* "misplaced": the cell the figure probably belongs in, and the two
	 * broken checks that moving it there would mend (pair[0] NULL for
	 * every other finding) */
	size_t to;
	const nb_check_t *pair[2];
} nb_finding_t;

typedef struct {
	nb_finding_t *v;
	size_t n, cap;
	size_t errors, warnings, suggestions;
	size_t notes;               /* unfilled cells; "misplaced" is not counted */
	size_t acknowledged;        /* left out as the draft acknowledges them */
} nb_findings_t;

void nb_findings_init(nb_findings_t *f);
void nb_findings_free(nb_findings_t *f);
/* Appends f (taking over its message, freed on failure) and counts it by
 * its severity; the caller keeps the order.  A finding about a cell gets
 * the place of that cell in the draft (and item -1); one about a sentence
 * (in_text) keeps the place it was given.  -1 when out of memory or the
 * message is NULL. */
int nb_findings_put(nb_findings_t *out, const nb_report_t *r, nb_finding_t f);
/* Counts the findings by severity again (after severities changed). */
void nb_findings_recount(nb_findings_t *f);
/* Puts findings in the order of the places they point at. */
void nb_findings_sort(nb_findings_t *f);

/* Evaluates every rule of r's form.  prev (may be NULL) is last year's
 * report, for the rules that read it; without it they are skipped.
 * Findings are in the order of the cells they point at.  Returns -1 only
 * when out of memory. */
int nb_rules_eval(const nb_report_t *r, const nb_report_t *prev,
                  nb_findings_t *out);

/* Adds a finding of the caller's own (a check the form does not hold,
 * such as a draft of another year than expected) at a cell of r, keeping
 * the order of nb_rules_eval.  rule_id must outlive f; message is taken
 * over (freed on failure).  -1 only when out of memory. */
int nb_findings_add(nb_findings_t *f, const nb_report_t *r, nb_severity_t sev,
                    const char *rule_id, size_t cell, char *message);

/* "error", "warning", "suggestion" or "note": the word of compiler-style
 * diagnostics. */
const char *nb_severity_name(nb_severity_t sev);

/* A rule's wording for a list of rules rather than for one place: its
 * message from the form (a rule's or a text check's), each part still to
 * be filled in ({row}, {lhs}, {field}...) shown as "…".  malloc'd; NULL
 * when out of memory. */
char *nb_rule_wording(const char *message);

/* Evaluates one check: 1 when it holds or cannot be judged yet, 0 when it
 * is broken (then *message, if given, gets a malloc'd description). */
int nb_check_holds(const nb_check_t *c, const nb_report_t *r,
                   const nb_report_t *prev, char **message);

/* A sum check's lhs minus its rhs: 1 and *d when every cell of it is
 * filled and the difference fits, 0 otherwise. */
int nb_check_difference(const nb_check_t *c, const nb_report_t *r,
                        const nb_report_t *prev, int64_t *d);

/* What a check says now, malloc'd (NULL when out of memory): broken, its
 * message (*state 0); holding, the form's wording for that (`holds`, else
 * "{lhs} = {rhs}") with the figures (*state 1); not yet judged because
 * cells are unfilled, the same with "…" for a side not filled (*state -1).
 * A text rule that holds says nothing (""). */
char *nb_check_describe(const nb_check_t *c, const nb_report_t *r,
                        const nb_report_t *prev, int *state);

/* Fills every cell that a `computes` rule defines from its other cells,
 * where those are all filled; leaves it unfilled otherwise.  Rules are
 * applied in form order, so a total of totals comes out right. */
void nb_rules_compute(nb_report_t *r);

/* The `computes` check that defines a total cell (the first in form
 * order), or NULL when it is not a computed cell. */
const nb_check_t *nb_rules_computing(const nb_form_t *form, size_t cell);

/* The computed value of a total cell: 1 and *value when its rule can be
 * evaluated, 0 when it is not a computed cell or its inputs are unfilled. */
int nb_rules_total(const nb_report_t *r, size_t cell, int64_t *value);

#endif
