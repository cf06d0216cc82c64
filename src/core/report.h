/* report.h - one year's report of one body: the values of a form's cells.
 *
 * A report points at the form it follows (which must outlive it) and owns
 * its values.  Every cell may be unfilled, which is not the same as 0.  Keys
 * a draft carries under "x-" names are kept, untouched, to be written back.
 */
#ifndef NB_REPORT_H
#define NB_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "core/form.h"
#include "core/ytree.h"

/* Where the characters of a text stood in the draft file (ytree.h's
 * text_line, text_col, text_lines); all 0 for a text not read from a file. */
typedef struct {
	int line, col;
	int lines;              /* line k of the text is line `line` + k */
} nb_textpos_t;

typedef struct {
	char *title;            /* owned */
	char *text;             /* owned */
	int line, col;          /* where the item stood in the file */
	nb_textpos_t tpos;      /* where its text stood */
	nb_ynode_t *extras;     /* its "x-" keys as a mapping, or NULL (owned) */
} nb_item_t;

typedef struct {         /* 64 bytes: a line of the cache each */
	int filled;
	int decimals;           /* amount: places as entered */
	int64_t num;            /* count, year; amount in 1e-9 units */
	char *text;             /* format, line, text (owned; NULL = unfilled) */
	nb_item_t *items;       /* items (owned) */
	size_t nitems;
	int line, col;          /* where it stood in the file (or its parent) */
	nb_textpos_t tpos;      /* text: where its characters stood */
} nb_value_t;

typedef struct {
	const nb_field_t *parent;   /* the group it stood in (root for top) */
	char *key;
	nb_ynode_t *node;
} nb_extra_t;

typedef struct {
	const nb_form_t *form;
	nb_value_t *values;     /* form->ncells */
	nb_extra_t *extras;
	size_t nextras;
} nb_report_t;

/* The report's own key (an "x-" key) at the top level of its draft, or
 * NULL. */
nb_extra_t *nb_report_extra(const nb_report_t *r, const char *key);

/* An empty report: every cell unfilled, format set, standard item titles. */
nb_report_t *nb_report_new(const nb_form_t *form);
/* The same without the item titles, for a reader that fills each items
 * cell itself: nb_report_add_titles then gives every items cell still
 * unfilled the form's titles (with empty texts); -1 when out of memory. */
nb_report_t *nb_report_new_bare(const nb_form_t *form);
int nb_report_add_titles(nb_report_t *r);
void nb_report_free(nb_report_t *r);

/* Setters used by the editor and the loader; they copy strings and return
 * -1 only when out of memory. */
static inline void
nb_report_set_num(nb_report_t *r, size_t cell, int64_t v, int decimals)
{
	nb_value_t *val = &r->values[cell];   /* inline: a draft has hundreds */

	val->filled = 1;
	val->num = v;
	val->decimals = decimals;
}
int nb_report_set_text(nb_report_t *r, size_t cell, const char *text);
void nb_report_clear(nb_report_t *r, size_t cell);
int nb_report_add_item(nb_report_t *r, size_t cell, const char *title,
                       const char *text);
void nb_report_remove_item(nb_report_t *r, size_t cell, size_t index);

/* A deep copy of one value (for undo); -1 when out of memory, leaving
 * *to partly filled but safe to clear. */
int nb_value_copy(const nb_value_t *from, nb_value_t *to);
/* Frees what a value owns and leaves it unfilled. */
void nb_value_clear(nb_value_t *v);
/* A deep copy of a report, following the same form (which must outlive
 * it too); NULL when out of memory. */
nb_report_t *nb_report_copy(const nb_report_t *r);

/* A new report with its identity (form.h) filled in: the body's name and
 * the year; NULL when out of memory. */
nb_report_t *nb_report_new_for(const nb_form_t *form, const char *org,
                               int64_t year);
/* The identity of a report: the body's name ("" when unset or unfilled);
 * the year, 0 when unset or unfilled. */
const char *nb_report_org(const nb_report_t *r);
int64_t nb_report_year(const nb_report_t *r);

/* The text of a line or text field by its path ("contact.phone"), or "". */
const char *nb_report_str(const nb_report_t *r, const char *path);

/* Whether a cell of type t holds the same in both, as the operator sees
 * it: an unfilled text is an empty one; positions are ignored. */
int nb_value_equal(nb_type_t t, const nb_value_t *a, const nb_value_t *b);

/* Deep comparison of two reports of the same form (positions ignored). */
int nb_report_equal(const nb_report_t *a, const nb_report_t *b);

/* The place in the draft file of the character at byte `off` of text
 * (which the file gave at p): line and 1-based column in characters.
 * Where the file's layout is not known line by line, the text's start;
 * 0, 0 for a text that was not read from a file. */
void nb_textpos_locate(const nb_textpos_t *p, const char *text, size_t off,
                       int *line, int *col);

/* Normalises text the way a draft stores it: CRLF and CR become LF, blanks
 * at line ends are dropped.  Returns a malloc'd string. */
char *nb_text_normalize(const char *s);

#endif
