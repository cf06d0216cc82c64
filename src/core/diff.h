/* diff.h - what differs between two reports of one form.
 *
 * The reviewer's common case is last year's report against this year's:
 * the identity (whose report, which year) then differs as expected, and
 * comes first; then every figure, one-line field and paragraph that
 * differs, in the order of the form.  Figures are compared by value (12.5
 * and 12.50 are the same), text by paragraph: the paragraphs of a text
 * field (its non-empty lines) are matched by a longest common subsequence,
 * and what is left is removed, added, or, where a run of removed ones
 * meets a run of added ones, changed pairwise.  The subsections of an
 * `items` field are matched by title.
 *
 * The list owns its strings and points into the reports' form, which must
 * outlive it.  Nothing here prints.
 */
#ifndef NB_DIFF_H
#define NB_DIFF_H

#include <stddef.h>

#include "core/form.h"
#include "core/report.h"

typedef enum {
	NB_DIFF_IDENTITY,       /* the body or the year */
	NB_DIFF_FIGURE,         /* a count or an amount */
	NB_DIFF_LINE,           /* a one-line field */
	NB_DIFF_REMOVED,        /* a paragraph only in the first */
	NB_DIFF_ADDED,          /* a paragraph only in the second */
	NB_DIFF_CHANGED,        /* a paragraph that was rewritten */
	NB_DIFF_ITEM_REMOVED,   /* a subsection only in the first */
	NB_DIFF_ITEM_ADDED      /* a subsection only in the second */
} nb_diff_kind_t;

typedef struct {
	nb_diff_kind_t kind;
	size_t cell;
	const nb_section_t *section;  /* the section showing the cell, or NULL */
	char *item;             /* the subsection's title, or NULL (owned) */
	size_t para_old, para_new;    /* paragraphs: 1-based, 0 where none */
	char *old, *new;        /* as written; NULL: unfilled or none (owned) */
	int64_t num_old, num_new;     /* figures, in their units */
} nb_diff_t;

typedef struct {
	nb_diff_t *v;
	size_t n, cap;
} nb_diffs_t;

void nb_diffs_init(nb_diffs_t *d);
void nb_diffs_free(nb_diffs_t *d);

/* Appends what differs from a to b (reports of one form).  -1 only when
 * out of memory. */
int nb_diff(const nb_report_t *a, const nb_report_t *b, nb_diffs_t *out);

/* The change of a figure, in at most 32 bytes: "+12.5%", "-100.0%";
 * "新增" from 0, "未填" to unfilled, "原未填" from unfilled; "" for
 * anything but a figure. */
void nb_diff_change(const nb_diff_t *d, char *buf);

/* The kind as one word for machines: "identity", "figure", "line",
 * "removed", "added", "changed", "item-removed", "item-added". */
const char *nb_diff_kind_name(nb_diff_kind_t kind);

#endif
