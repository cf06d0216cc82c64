/* nav.h - the walk-through: every place the operator fills in, in report
 * order, derived from the form alone.
 *
 * A *stop* is one place the cursor can be: a one-line field, a paragraph,
 * the title or the text of a subsection of 一, or one number cell.  The
 * stops run in the order of the form's `sections`; a section that has a
 * table is shown as a grid, whose rows are the row fields, flow groups and
 * single figures of the table in table order, with headings taken from the
 * table's label cells.  Computed totals are stops too (so that arrows can
 * reach them and a mismatch can be accepted) but Tab passes over them.
 *
 * The stops of subsections depend on the report (they can be added and
 * removed), so the nav is rebuilt whenever items change.  A nav points into
 * the form and owns its arrays.
 */
#ifndef NB_NAV_H
#define NB_NAV_H

#include <stddef.h>

#include "core/form.h"
#include "core/report.h"

typedef enum {
	NB_STOP_LINE,       /* one line of text, or the year */
	NB_STOP_TEXT,       /* paragraphs */
	NB_STOP_TITLE,      /* the title of a subsection (items) */
	NB_STOP_ITEM,       /* the text of a subsection */
	NB_STOP_NUM         /* a count or an amount */
} nb_stop_kind_t;

typedef struct {
	nb_stop_kind_t kind;
	size_t cell;
	int item;           /* subsections: the index, else -1 */
	int section;        /* index into form->sections */
	int computed;       /* a total: shown, not typed in */
	int grow, gcol;     /* in a grid: row and column, else -1 */
} nb_stop_t;

/* One row of a grid: a heading (field NULL) or a row of cells. */
typedef struct {
	const char *label;
	const char *brief;        /* the field's `grid` label, for when label
	                           * is cut, or NULL */
	const nb_field_t *field;  /* row, flow group or single figure */
	int depth;                /* headings above it */
	size_t first;             /* the stop of its first cell */
	int ncols;
	int tcol;                 /* the table column of its first cell */
} nb_grow_t;

/* A heading of the table's head over several grid columns ("申请人情况"
 * over all seven, "法人或其他组织" over five), on line `level` of the
 * headings above the column names (0 the top). */
typedef struct {
	const char *label;
	int level;
	int col, ncols;           /* the grid columns under it */
} nb_gspan_t;

typedef struct {
	const nb_section_t *sec;
	size_t first, n;          /* its stops */
	int grid;                 /* shown as a grid */
	nb_grow_t *rows;
	size_t nrows;
	int ncols;                /* widest grid row */
	/* The head's headings over several columns: they stand over the grid
	 * rows whose first cell is in table column span_tcol (the rows of
	 * table 三; table 四's rows stand in different columns, so none). */
	nb_gspan_t *spans;
	size_t nspans;
	int span_levels;          /* lines they take */
	int span_tcol;
} nb_nsec_t;

typedef struct {
	const nb_form_t *form;
	nb_stop_t *stops;
	size_t nstops, cap;
	nb_nsec_t *secs;          /* one per form section */
	size_t nsecs;
	int *cell_section;        /* section of each cell, -1 if none */
} nb_nav_t;

/* Builds the stops for a report (its subsections).  -1: out of memory. */
int nb_nav_build(nb_nav_t *nav, const nb_report_t *r);
void nb_nav_free(nb_nav_t *nav);

/* The next (dir 1) or previous (dir -1) stop that is not computed, from
 * cur; cur itself when there is none. */
size_t nb_nav_step(const nb_nav_t *nav, size_t cur, int dir);
/* The first typed-in stop of a section. */
size_t nb_nav_section_start(const nb_nav_t *nav, int section);
/* The stop showing a cell (for items: item index and whether the title). */
size_t nb_nav_find(const nb_nav_t *nav, size_t cell, int item, int title);
/* Moves in a grid by rows and columns, keeping the column where it can;
 * cur itself when there is nowhere to go. */
size_t nb_nav_grid_move(const nb_nav_t *nav, size_t cur, int drow, int dcol);
/* The header of grid column `col` of a grid row, or NULL. */
const char *nb_nav_colname(const nb_grow_t *row, int col);
/* The label shown for a stop ("机关名称", "分项 2 标题", …), into buf. */
void nb_nav_label(const nb_nav_t *nav, const nb_report_t *r, size_t stop,
                  char *buf, size_t size);

#endif
