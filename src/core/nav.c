#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/nav.h"

static int
add_stop(nb_nav_t *nav, nb_stop_kind_t kind, size_t cell, int item,
         int section)
{
	nb_stop_t *s;

	if (nav->nstops == nav->cap) {
		size_t cap = nav->cap ? 2 * nav->cap : 128;
		if (!(s = realloc(nav->stops, cap * sizeof *s)))
			return -1;
		nav->stops = s;
		nav->cap = cap;
	}
	s = &nav->stops[nav->nstops++];
	s->kind = kind;
	s->cell = cell;
	s->item = item;
	s->section = section;
	s->computed = nav->form->cells[cell].total;
	s->grow = s->gcol = -1;
	if (cell < nav->form->ncells)
		nav->cell_section[cell] = section;
	return 0;
}

/* ---- sections shown as forms ---- */

static int
add_field(nb_nav_t *nav, const nb_report_t *r, const nb_field_t *f, int sec)
{
	size_t i;

	switch (f->type) {
	case NB_T_GROUP:
		for (i = 0; i < f->nkids; i++)
			if (add_field(nav, r, f->kids[i], sec) < 0)
				return -1;
		return 0;
	case NB_T_FORMAT:
		return 0;
	case NB_T_LINE:
	case NB_T_YEAR:
		return add_stop(nav, NB_STOP_LINE, f->cell, -1, sec);
	case NB_T_TEXT:
		return add_stop(nav, NB_STOP_TEXT, f->cell, -1, sec);
	case NB_T_ITEMS:
		nav->cell_section[f->cell] = sec;
		for (i = 0; i < r->values[f->cell].nitems; i++)
			if (add_stop(nav, NB_STOP_TITLE, f->cell, (int)i, sec) < 0 ||
			    add_stop(nav, NB_STOP_ITEM, f->cell, (int)i, sec) < 0)
				return -1;
		return 0;
	default:
		for (i = 0; i < f->ncells; i++)
			if (add_stop(nav, NB_STOP_NUM, f->cell + i, -1, sec) < 0)
				return -1;
		return 0;
	}
}

/* ---- sections shown as grids ---- */

static int
add_grow(nb_nsec_t *s, const char *label, const nb_field_t *f, int depth,
         size_t first, int ncols)
{
	nb_grow_t *g = realloc(s->rows, (s->nrows + 1) * sizeof *g);

	if (!g)
		return -1;
	s->rows = g;
	g = &g[s->nrows++];
	g->label = label;
	g->brief = f ? f->grid_label : NULL;
	g->field = f;
	g->depth = depth;
	g->first = first;
	g->ncols = ncols;
	g->tcol = -1;
	if (ncols > s->ncols)
		s->ncols = ncols;
	return 0;
}

/* The field a value cell of a table stands for in the grid: a flow group
 * is one grid row, anything else is its own row. */
static const nb_field_t *
grid_field(const nb_form_t *F, size_t cell)
{
	const nb_field_t *f = F->cells[cell].field;

	return f->parent && f->parent->flow ? f->parent : f;
}

/* A grid row of f's figures, the first of them in table column tcol. */
static int
add_grid_field(nb_nav_t *nav, int sec, const nb_field_t *f, const char *label,
               int depth, int tcol)
{
	nb_nsec_t *s = &nav->secs[sec];
	size_t first = nav->nstops, i;

	for (i = 0; i < f->ncells; i++) {
		if (add_stop(nav, NB_STOP_NUM, f->cell + i, -1, sec) < 0)
			return -1;
		nav->stops[nav->nstops - 1].grow = (int)s->nrows;
		nav->stops[nav->nstops - 1].gcol = (int)i;
	}
	if (add_grow(s, label, f, depth, first, (int)f->ncells) < 0)
		return -1;
	s->rows[s->nrows - 1].tcol = tcol;
	return 0;
}

/* Labels that span several rows (the "三、本年度办理结果" of table 三)
 * indent the rows under them; spans[k] counts the rows still under the
 * heading at depth k. */
typedef struct {
	int spans[8];
	int n;
} spans_t;

static int
span_depth(spans_t *sp)
{
	while (sp->n > 0 && sp->spans[sp->n - 1] <= 0)
		sp->n--;
	return sp->n;
}

static void
span_next_row(spans_t *sp)
{
	int k;

	for (k = 0; k < sp->n; k++)
		sp->spans[k]--;
}

/* One body row of a table: full-width labels become headings; value cells
 * become grid rows labelled by the label cell just before them, the labels
 * before that becoming headings. */
static int
add_table_row(nb_nav_t *nav, int sec, const nb_trow_t *tr, int cols,
              spans_t *sp)
{
	nb_nsec_t *s = &nav->secs[sec];
	const nb_form_t *F = nav->form;
	const nb_tcell_t *labels[8];
	const nb_field_t *last = NULL, *f;
	size_t i, nl = 0, k;
	int depth = span_depth(sp);

	for (i = 0; i < tr->n; i++) {
		const nb_tcell_t *c = &tr->cells[i];
		if (c->text) {
			if (c->head && c->cols < cols)
				continue;           /* column headings */
			if (nl < 8)
				labels[nl++] = c;
			continue;
		}
		f = grid_field(F, c->cell);
		if (f == last)
			continue;
		for (k = 0; nl > 1 && k + 1 < nl; k++) {
			if (add_grow(s, labels[k]->text, NULL, depth, 0, 0) < 0)
				return -1;
			if (labels[k]->rows > 1 && sp->n < 8) {
				sp->spans[sp->n++] = labels[k]->rows;
				depth++;
			}
		}
		if (add_grid_field(nav, sec, f, nl && f->ncells > 1 ? labels[nl - 1]->text
		                   : f->label, depth, c->gcol) < 0)
			return -1;
		last = f;
		nl = 0;
	}
	for (k = 0; k < nl; k++)            /* a row of labels only */
		if (add_grow(s, labels[k]->text, NULL, depth, 0, 0) < 0)
			return -1;
	span_next_row(sp);
	return 0;
}

/* The table column where every grid row of several figures starts, or
 * -1 when they start in different ones; its width into *width. */
static int
common_tcol(const nb_nsec_t *s, int *width)
{
	int base = -1;
	size_t i;

	*width = 0;
	for (i = 0; i < s->nrows; i++) {
		const nb_grow_t *g = &s->rows[i];
		if (!g->field || g->ncols < 2)
			continue;
		if (base >= 0 && g->tcol != base)
			return -1;
		base = g->tcol;
		if (g->ncols > *width)
			*width = g->ncols;
	}
	return base;
}

static int
add_span(nb_nsec_t *s, const nb_tcell_t *c, int level)
{
	nb_gspan_t *v = realloc(s->spans, (s->nspans + 1) * sizeof *v);

	if (!v)
		return -1;
	s->spans = v;
	v = &v[s->nspans++];
	v->label = c->text;
	v->level = level;
	v->col = c->gcol - s->span_tcol;
	v->ncols = c->cols;
	s->span_levels = level + 1;
	return 0;
}

/* The head's labels over several of the grid's columns, a level for each
 * head row that has some. */
static int
add_spans(nb_nsec_t *s)
{
	const nb_table_t *t = s->sec->table;
	int width, level = -1;
	size_t i, k;

	if ((s->span_tcol = common_tcol(s, &width)) < 0)
		return 0;
	for (i = 0; i < t->nhead; i++) {
		int here = 0;
		for (k = 0; k < t->head[i].n; k++) {
			const nb_tcell_t *c = &t->head[i].cells[k];
			if (!c->text || c->cols < 2 || c->gcol < s->span_tcol ||
			    c->gcol + c->cols > s->span_tcol + width)
				continue;
			if (!here++)
				level++;
			if (add_span(s, c, level) < 0)
				return -1;
		}
	}
	return 0;
}

static int
add_grid(nb_nav_t *nav, int sec)
{
	const nb_table_t *t = nav->secs[sec].sec->table;
	spans_t sp = { { 0 }, 0 };
	size_t i;

	nav->secs[sec].grid = 1;
	for (i = 0; i < t->nbody; i++)
		if (add_table_row(nav, sec, &t->body[i], t->columns, &sp) < 0)
			return -1;
	return add_spans(&nav->secs[sec]);
}

void
nb_nav_free(nb_nav_t *nav)
{
	size_t i;

	for (i = 0; i < nav->nsecs; i++) {
		free(nav->secs[i].rows);
		free(nav->secs[i].spans);
	}
	free(nav->secs);
	free(nav->stops);
	free(nav->cell_section);
	memset(nav, 0, sizeof *nav);
}

int
nb_nav_build(nb_nav_t *nav, const nb_report_t *r)
{
	const nb_form_t *F = r->form;
	size_t i, k;

	nb_nav_free(nav);
	nav->form = F;
	nav->nsecs = F->nsections;
	if (!(nav->secs = calloc(F->nsections + 1, sizeof *nav->secs)) ||
	    !(nav->cell_section = malloc((F->ncells + 1) * sizeof(int))))
		goto fail;
	for (i = 0; i < F->ncells; i++)
		nav->cell_section[i] = -1;
	for (i = 0; i < F->nsections; i++) {
		nb_nsec_t *s = &nav->secs[i];
		s->sec = &F->sections[i];
		s->first = nav->nstops;
		s->span_tcol = -1;
		if (s->sec->table) {
			if (add_grid(nav, (int)i) < 0)
				goto fail;
		} else {
			for (k = 0; k < s->sec->nfields; k++)
				if (add_field(nav, r, s->sec->fields[k], (int)i) < 0)
					goto fail;
		}
		s->n = nav->nstops - s->first;
	}
	return 0;
fail:
	nb_nav_free(nav);
	return -1;
}

size_t
nb_nav_step(const nb_nav_t *nav, size_t cur, int dir)
{
	size_t p = cur;

	for (;;) {
		if ((dir < 0 && p == 0) || (dir > 0 && p + 1 >= nav->nstops))
			return cur;
		p += dir;
		if (!nav->stops[p].computed)
			return p;
	}
}

size_t
nb_nav_section_start(const nb_nav_t *nav, int section)
{
	const nb_nsec_t *s = &nav->secs[section];
	size_t i;

	for (i = s->first; i < s->first + s->n; i++)
		if (!nav->stops[i].computed)
			return i;
	return s->n ? s->first : 0;
}

size_t
nb_nav_find(const nb_nav_t *nav, size_t cell, int item, int title)
{
	size_t i;

	for (i = 0; i < nav->nstops; i++) {
		const nb_stop_t *s = &nav->stops[i];
		if (s->cell != cell)
			continue;
		if (s->item < 0 || item < 0)
			return i;
		if (s->item == item && (s->kind == NB_STOP_TITLE) == !!title)
			return i;
	}
	/* an item cell without items, or a cell outside the walk */
	for (i = 0; i < nav->nsecs; i++)
		if (nav->cell_section[cell] == (int)i)
			return nb_nav_section_start(nav, (int)i);
	return 0;
}

size_t
nb_nav_grid_move(const nb_nav_t *nav, size_t cur, int drow, int dcol)
{
	const nb_stop_t *s = &nav->stops[cur];
	const nb_nsec_t *sec;
	long r;
	int c;

	if (s->grow < 0)
		return cur;
	sec = &nav->secs[s->section];
	c = s->gcol + dcol;
	if (dcol) {
		if (c < 0 || c >= sec->rows[s->grow].ncols)
			return cur;
		return sec->rows[s->grow].first + (size_t)c;
	}
	for (r = s->grow + drow; r >= 0 && r < (long)sec->nrows; r += drow) {
		const nb_grow_t *g = &sec->rows[r];
		if (!g->field)
			continue;
		return g->first + (size_t)(c < g->ncols ? c : g->ncols - 1);
	}
	return cur;
}

const char *
nb_nav_colname(const nb_grow_t *row, int col)
{
	const nb_field_t *f = row->field;

	if (!f || col < 0 || col >= row->ncols)
		return NULL;
	if (f->type == NB_T_ROW)
		return f->columns->cols[col].label;
	if (f->type == NB_T_GROUP && (size_t)col < f->nkids)
		return f->kids[col]->label;
	return NULL;
}

void
nb_nav_label(const nb_nav_t *nav, const nb_report_t *r, size_t stop,
             char *buf, size_t size)
{
	const nb_stop_t *s = &nav->stops[stop];
	const nb_field_t *f = nav->form->cells[s->cell].field;
	const nb_value_t *v = &r->values[s->cell];

	if (s->kind == NB_STOP_TITLE)
		snprintf(buf, size, "分项%d 标题", s->item + 1);
	else if (s->kind == NB_STOP_ITEM)
		snprintf(buf, size, "%d. %s", s->item + 1,
		         (size_t)s->item < v->nitems ? v->items[s->item].title : "");
	else
		snprintf(buf, size, "%s", f->label);
}
