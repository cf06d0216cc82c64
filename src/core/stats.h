/* stats.h - figures over a set of reports of one form, and their
 * renderings: aligned text with bar charts, TSV, and one self-contained
 * HTML page with SVG bar charts.
 *
 * What is counted comes from the form's tables alone:
 *   - each table's figures (of a row of figures with a total column, only
 *     that column: 总计), summed over the reports;
 *   - the outcomes: in a table, the rows under a label that spans several
 *     rows and holds the row of a field marked `total` (三、本年度办理结果 …
 *     （七）总计): each of its parts as a share of that total, and the
 *     sub-rows of a part spanning several rows as shares of the part;
 *   - the applicants: the columns of that table's first row of figures
 *     (一、本年新收…) as shares of its total column, which also ranks the
 *     bodies (the top ones are kept).
 * A cell left unfilled in a report adds nothing to a sum and is counted as
 * unfilled where it belongs: never as 0 in silence.
 *
 * Use: nb_stats_init, nb_stats_add for each report (which need not stay in
 * memory), nb_stats_finish, then a renderer; nb_stats_free.
 */
#ifndef NB_STATS_H
#define NB_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/form.h"
#include "core/report.h"

/* The sum of one cell. */
typedef struct {
	size_t cell;
	int64_t sum;            /* counts; amounts in 1e-9 units (number.h) */
	int decimals;           /* amounts: the most places a report gave */
	size_t filled;          /* reports where it is filled in */
	size_t unfilled;        /* reports where it is not */
} nb_stat_sum_t;

typedef struct {
	const nb_section_t *section;    /* the section that places it */
	const nb_table_t *table;
	const nb_stat_sum_t **v;        /* its figures, in the form's order */
	size_t n;
} nb_stat_table_t;

/* A part of a distribution: one or several cells added up. */
typedef struct {
	const char *label;      /* the label of its row, or its column */
	size_t *cells;
	size_t ncells;
	int64_t value;
	size_t unfilled;        /* reports where one of its cells is unfilled */
} nb_stat_part_t;

typedef enum {
	NB_DIST_OUTCOME,        /* the outcomes, of the total */
	NB_DIST_REASON,         /* the sub-rows of one outcome, of it */
	NB_DIST_APPLICANT       /* the columns of the first row, of its total */
} nb_dist_kind_t;

typedef struct {
	nb_dist_kind_t kind;
	const char *label;      /* what is divided: the spanning label, the
	                         * outcome, the first row's label */
	nb_stat_part_t whole;   /* what the shares are of */
	nb_stat_part_t *v;
	size_t n;
	size_t unfilled;        /* reports where one of its cells is unfilled */
} nb_stat_dist_t;

typedef struct {
	char *org;              /* the body's name (its file's when unset) */
	int64_t year;
	int64_t value;          /* its figure of the ranking cell */
	size_t order;           /* the order it was added in */
} nb_stat_body_t;

typedef struct {
	const nb_form_t *form;
	size_t nreports;        /* added */
	size_t nincomplete;     /* of them, with an unfilled figure */
	size_t nunread;         /* set by the caller: not read, not counted */
	int64_t year_min, year_max;     /* 0 when no report gave one */
	nb_stat_sum_t *sums;    /* form->ncells, by cell */
	nb_stat_table_t *tables;
	size_t ntables;
	nb_stat_dist_t *dists;  /* outcomes, reasons, applicants */
	size_t ndists;
	const nb_stat_sum_t *rank;      /* the ranking cell, or NULL */
	nb_stat_body_t *bodies; /* ranked, most first (after finish) */
	size_t nbodies;         /* with the ranking cell filled */
	size_t nbodies_kept;    /* bodies[0, nbodies_kept): the top */
	size_t cap;
	nb_arena_t arena;       /* the tables' and distributions' arrays */
} nb_stats_t;

/* Prepares the figures of a form (which must outlive s). 0, or -1 with
 * err set (out of memory). */
int nb_stats_init(nb_stats_t *s, const nb_form_t *form, nb_error_t *err);
/* Adds a report of that form; `name` names the body when the report does
 * not.  -1 with err set: out of memory, a sum past 64 bits, another form. */
int nb_stats_add(nb_stats_t *s, const nb_report_t *r, const char *name,
                 nb_error_t *err);
/* Ranks the bodies and keeps the top ones. */
void nb_stats_finish(nb_stats_t *s, size_t top);
void nb_stats_free(nb_stats_t *s);

/* part / whole rounded half up to 1/scale (scale 1000: per mille); -1
 * when whole is 0. */
int64_t nb_stats_ratio(int64_t part, int64_t whole, int64_t scale);

/* A sum as the tables print it ("12", "5949.088667"); buf of 32 bytes. */
void nb_stats_format(const nb_stats_t *s, const nb_stat_sum_t *sum, char *buf);

/* ---- names, for the renderers (appended to out) ---- */

/* The sentence that says what was counted: how many reports, which
 * years, how many incomplete, how many not read. */
void nb_stats_describe(const nb_stats_t *s, nb_buf_t *out);
/* A table's heading: its section's, with the column its figures are of
 * when they are all of one (“（总计）”). */
void nb_stats_table_title(const nb_stats_t *s, const nb_stat_table_t *t,
                          nb_buf_t *out);
/* The groups between a table's section and a figure, outermost first:
 * stores up to max, returns how many. */
size_t nb_stats_groups(const nb_stats_t *s, const nb_stat_table_t *t,
                       const nb_stat_sum_t *x, const nb_field_t **chain,
                       size_t max);
/* A figure's own label (its column's too unless the title has it). */
void nb_stats_label(const nb_stats_t *s, const nb_stat_table_t *t,
                    const nb_stat_sum_t *x, nb_buf_t *out);
/* A distribution's heading, and the ranking's. */
void nb_stats_dist_title(const nb_stat_dist_t *d, nb_buf_t *out);
void nb_stats_top_title(const nb_stats_t *s, nb_buf_t *out);
/* A body as the ranking names it: with its year when the set spans more
 * than one. */
void nb_stats_body_name(const nb_stats_t *s, const nb_stat_body_t *b,
                        nb_buf_t *out);
/* A share as a percentage with one decimal ("67.8%"), "-" of nothing. */
void nb_stats_percent(int64_t part, int64_t whole, nb_buf_t *out);
/* The note under a distribution or the ranking about reports left out
 * because a cell was unfilled; nothing when there were none. */
void nb_stats_dist_note(const nb_stat_dist_t *d, nb_buf_t *out);
void nb_stats_top_note(const nb_stats_t *s, nb_buf_t *out);

/* ---- renderers: append to out; 0, or -1 with err set ---- */

/* Text for a terminal of 80 columns, CJK by display width, bar charts
 * drawn with block characters. */
int nb_stats_text(const nb_stats_t *s, nb_buf_t *out, nb_error_t *err);
/* One figure a line: kind, name, value, share (0.0000 to 1.0000, or
 * empty), after a line naming the columns. */
int nb_stats_tsv(const nb_stats_t *s, nb_buf_t *out, nb_error_t *err);
/* One HTML page: inline CSS, SVG charts, nothing fetched. */
int nb_stats_html(const nb_stats_t *s, nb_buf_t *out, nb_error_t *err);

#endif
