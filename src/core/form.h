/* form.h - the report template, read from a form file under forms/.
 *
 * A form says which keys a draft has (fields), how the published report is
 * laid out (sections, tables) and which arithmetic it must satisfy (rules).
 * The program holds no label and no rule of its own: all of them come from
 * here.  Every scalar value of a draft is a *cell*, numbered in the order the
 * draft writes them; a row of table 三 is seven cells.
 *
 * A loaded form is immutable and owns everything it points to.
 */
#ifndef NB_FORM_H
#define NB_FORM_H

#include <stddef.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/error.h"

typedef enum {
	NB_T_FORMAT, NB_T_LINE, NB_T_YEAR, NB_T_TEXT, NB_T_COUNT,
	NB_T_AMOUNT, NB_T_GROUP, NB_T_ROW, NB_T_ITEMS
} nb_type_t;

typedef struct {
	const char *label;
	const char *group;      /* a heading over several columns, or NULL */
	int total;              /* the sum of the other columns */
} nb_column_t;

typedef struct {
	const char *name;
	nb_column_t *cols;
	size_t n;
} nb_colset_t;

typedef struct nb_field {
	const char *key;
	const char *path;       /* "requests.withheld.state_secret" */
	const char *label;      /* official label */
	const char *short_label;/* name in messages ("三（三）1"); = label if unset */
	const char *grid_label; /* a grid row's label where its own is cut
	                         * ("3.补正后仍不明确"), or NULL */
	const char *hint;       /* help shown while editing, or NULL */
	const char *unit;       /* amount: "万元", or NULL */
	nb_type_t type;
	int flow;               /* group: written as a flow mapping */
	int total;              /* computed from other cells */
	int decimals;           /* amount: places allowed */
	int max;                /* line, items' titles: at most this many
	                         * characters (form `max`); 0: no limit */
	const nb_colset_t *columns;   /* row */
	const char **titles;    /* items: the standard titles */
	size_t ntitles;
	const char **aliases;   /* other titles its text is published under
	                         * (for import), or NULL */
	size_t naliases;
	struct nb_field *parent;
	struct nb_field **kids;
	size_t nkids;
	size_t cell, ncells;    /* the cells of this field: [cell, cell+ncells) */
} nb_field_t;

typedef struct {
	const nb_field_t *field;  /* the leaf or row field */
	int column;               /* column of a row, -1 otherwise */
	int total;                /* computed from other cells */
} nb_cell_t;

typedef struct {
	const char *text;       /* a label, or NULL for a value cell */
	size_t cell;            /* value cells: the cell shown */
	int rows, cols;         /* span, at least 1 */
	int head;               /* a heading cell */
	int grow, gcol;         /* its place in the grid (checked at load) */
	int line, col;          /* where it stands in the form file */
} nb_tcell_t;

typedef struct {
	nb_tcell_t *cells;
	size_t n;
} nb_trow_t;

/* A table's grid is checked when the form is loaded: every grid cell is
 * covered by exactly one table cell, none reaches past the grid. */
typedef struct {
	const char *id;
	int columns;            /* grid width */
	nb_trow_t *head, *body;
	size_t nhead, nbody;
} nb_table_t;

typedef struct {
	const char *id;
	const char *heading;
	const char *short_heading;/* where the heading is cut ("三、依申请"), or NULL */
	const nb_field_t **fields;
	size_t nfields;
	const nb_table_t *table;  /* or NULL */
	int unnumbered;           /* the header part before section 一 */
	const char **aliases;     /* other headings it is published under */
	size_t naliases;
	int inline_labels;        /* paragraphs start with "label：" */
} nb_section_t;

/* In rising order: a cell not filled in, a suggestion, a likely mistake,
 * an error. */
typedef enum {
	NB_SEV_NOTE, NB_SEV_SUGGESTION, NB_SEV_WARNING, NB_SEV_ERROR
} nb_severity_t;
typedef enum { NB_RULE_SUM, NB_RULE_REQUIRED, NB_RULE_MENTIONS } nb_rule_kind_t;

typedef struct {
	size_t cell;
	int sign;               /* +1 or -1 */
	int previous;           /* read from last year's draft */
} nb_term_t;

struct nb_rule;
typedef struct {
	const struct nb_rule *rule;
	nb_term_t *lhs, *rhs;
	size_t nlhs, nrhs;
	int previous;           /* some term reads last year's draft */
	const char *message;    /* {lhs} and {rhs} still to be filled */
	const char *holds;      /* sum: the wording when it holds, or NULL */
} nb_check_t;

typedef struct nb_rule {
	const char *id;
	nb_rule_kind_t kind;
	nb_severity_t severity;
	int computes;           /* lhs is a total the editor computes */
	const char *text;       /* mentions: the text looked for */
	const char *message;    /* the form's wording, its {…} not filled in */
	nb_check_t *checks;     /* the rule repeated over its `for` */
	size_t nchecks;
} nb_rule_t;

/* Templates of the text an export generates (the form's optional `export`
 * mapping; see nb_template_expand in export.h). */
typedef struct {
	const char *title_lines;  /* the title as printed, lines split by \n */
	const char *opening;      /* opening paragraph when the preamble is empty */
	const char *item_heading; /* subsection heading: "（{n}）{title}。" */
	const char *inline_label; /* paragraph start in inline_labels sections */
	const char *draft_mark;   /* the mark on a draft's output */
	const char *summary_title;/* a summary of many reports ({year}) */
	const char *summary_total;/* the label of its row of totals */
} nb_form_text_t;

struct nb_content_rules;     /* content.h */

/* How next year's draft is made from this year's (the form's optional
 * `next_year`; nextyear.h does it): fields kept as they are, figures
 * carried over to other fields, and text put under a prompt into another
 * field for the operator to rewrite.  Checked at load: every path is a
 * field, and none is named twice as a target; the draft's format and
 * year are not kept (they are the program's to set); a carry joins two
 * fields of the same kind of figures (rows of the same columns) and does
 * not write into a computed total; a rewrite joins two paragraph fields
 * and has a one-line prompt. */
typedef struct {
	const nb_field_t *from, *to;
} nb_carry_t;

typedef struct {
	const nb_field_t *from, *to;
	const char *prompt;
} nb_rewrite_t;

typedef struct {
	int given;                /* the form has a next_year */
	const nb_field_t **keep;  /* items: their titles only */
	size_t nkeep;
	nb_carry_t *carry;
	size_t ncarry;
	nb_rewrite_t *rewrite;
	size_t nrewrite;
} nb_next_year_t;

typedef struct {
	nb_arena_t arena;
	const char *file;       /* the form file */
	const char *format;     /* "gov-info-annual-report/2021" */
	const char *name;
	const char *title;      /* "{organization}{year}年…" */
	const char *period;
	nb_colset_t *colsets;
	size_t ncolsets;
	nb_field_t *root;       /* a group holding the top-level fields */
	nb_cell_t *cells;
	size_t ncells;
	nb_section_t *sections;
	size_t nsections;
	nb_table_t *tables;
	size_t ntables;
	nb_rule_t *rules;
	size_t nrules;
	nb_form_text_t text;    /* generated text (`export`); NULL if unset */
	/* The checks of the narrative (`text_checks`), or NULL. */
	const struct nb_content_rules *content;
	/* The fields that say whose report it is and for which year (the
	 * form's `identity`): a line field and a year field, or NULL. */
	const nb_field_t *org_field, *year_field;
	nb_next_year_t next_year;
} nb_form_t;

/* The format a new draft follows unless told otherwise. */
#define NB_FORMAT_DEFAULT "gov-info-annual-report/2021"

int nb_form_load(const char *path, nb_form_t **out, nb_error_t *err);
/* The same from len bytes in memory; `name` names them in errors. */
int nb_form_parse(const char *name, const char *buf, size_t len,
                  nb_form_t **out, nb_error_t *err);
void nb_form_free(nb_form_t *form);

/* The field at a dotted path, or NULL. */
/* A column set by name, or NULL. */
const nb_colset_t *nb_form_colset(const nb_form_t *form, const char *name);
const nb_field_t *nb_form_field(const nb_form_t *form, const char *path);

/* The full name of a cell, e.g. "三、本年度办理结果（三）不予公开 1.属于国家秘密
 * / 自然人"; `brief` gives the short form ("三（三）1 自然人"). */
void nb_cell_name(const nb_form_t *form, size_t cell, int brief, nb_buf_t *out);

/* The form file for a draft format: "a/b" is looked for as "a-b.yaml" in
 * each of dirs (NULL-terminated) in turn.  Returns a malloc'd path. */
/* Locates and loads the form file for a format (nb_form_locate). */
int nb_form_open(const char *format, const char *const *dirs, nb_form_t **out,
                 nb_error_t *err);
char *nb_form_locate(const char *format, const char *const *dirs,
                     nb_error_t *err);

#endif
