/* rules.h - judging a report by its form's rules.
 *
 * Findings come in four kinds: errors (arithmetic that does not add up),
 * warnings (likely mistakes), suggestions and notes (cells not yet filled
 * in).  A sum rule is judged only when every one of its cells is filled.
 * A finding about the narrative (content.h) points at a sentence of a
 * text as well as at its cell.  Nothing here prints; the caller decides
 * how to show findings.
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
} nb_finding_t;

typedef struct {
	nb_finding_t *v;
	size_t n, cap;
	size_t errors, warnings, suggestions, notes;
	size_t acknowledged;        /* left out as the draft acknowledges them */
} nb_findings_t;

void nb_findings_init(nb_findings_t *f);
void nb_findings_free(nb_findings_t *f);
/* Appends a copy of *f, taking over its message (freed when this fails);
 * counts it by its severity.  -1 when out of memory or message is NULL. */
int nb_findings_add(nb_findings_t *out, const nb_finding_t *f);
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

/* Evaluates one check: 1 when it holds or cannot be judged yet, 0 when it
 * is broken (then *message, if given, gets a malloc'd description). */
int nb_check_holds(const nb_check_t *c, const nb_report_t *r,
                   const nb_report_t *prev, char **message);

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

/* The computed value of a total cell: 1 and *value when its rule can be
 * evaluated, 0 when it is not a computed cell or its inputs are unfilled. */
int nb_rules_total(const nb_report_t *r, size_t cell, int64_t *value);

#endif
