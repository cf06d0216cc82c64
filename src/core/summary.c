/* The 汇总表 of many reports (see summary.h): a grid built from the form's
 * fields, a row a report, the sums from the statistics' (stats.h). */

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/stats.h"
#include "core/summary.h"

#define MAX_DEPTH 8

/* A header over a figure's column, level by level: the labels of its
 * fields from the top, then its column's group and label. */
typedef struct {
	const char *label[MAX_DEPTH];
	const void *id[MAX_DEPTH];      /* what it is the label of; NULL:
	                                 * a column group, told by its text */
	int n;
} path_t;

typedef struct {
	nb_doc_t *doc;
	nb_grid_t *g;
	const nb_form_t *form;
	size_t *figures;        /* the cells of the figure columns */
	size_t nfig;
	path_t *paths;
	int depth;              /* header rows */
} build_t;

static int
oom(nb_error_t *err)
{
	return nb_error_set(err, NULL, 0, 0, "内存不足");
}

/* ---- which columns ---- */

/* The cells the form's tables show, in the form's order. */
static size_t *
table_cells(const nb_form_t *F, nb_arena_t *a, size_t *n)
{
	char *shown = nb_arena_alloc(a, F->ncells + 1);
	size_t *v = nb_arena_alloc(a, (F->ncells + 1) * sizeof *v), i, j, k;

	if (!shown || !v)
		return NULL;
	for (i = 0; i < F->ntables; i++)
		for (j = 0; j < F->tables[i].nbody; j++)
			for (k = 0; k < F->tables[i].body[j].n; k++)
				if (!F->tables[i].body[j].cells[k].text)
					shown[F->tables[i].body[j].cells[k].cell] = 1;
	for (*n = 0, i = 0; i < F->ncells; i++)
		if (shown[i])
			v[(*n)++] = i;
	return v;
}

static void
path_add(path_t *p, const char *label, const void *id)
{
	if (p->n < MAX_DEPTH) {
		p->label[p->n] = label;
		p->id[p->n] = id;
		p->n++;
	}
}

static void
path_of(const nb_form_t *F, size_t cell, path_t *p)
{
	const nb_cell_t *c = &F->cells[cell];
	const nb_field_t *chain[MAX_DEPTH], *f;
	int n = 0;

	for (f = c->field; f && f->parent && n < MAX_DEPTH; f = f->parent)
		chain[n++] = f;
	p->n = 0;
	while (n > 0) {
		n--;
		path_add(p, chain[n]->label, chain[n]);
	}
	if (c->column >= 0) {
		const nb_column_t *col = &c->field->columns->cols[c->column];
		if (col->group)
			path_add(p, col->group, NULL);
		path_add(p, col->label, col);
	}
}

/* Whether two columns share their headers down to level r. */
static int
same_to(const path_t *a, const path_t *b, int r)
{
	int k;

	if (a->n <= r || b->n <= r)
		return 0;
	for (k = 0; k <= r; k++)
		if (a->id[k] != b->id[k] ||
		    (!a->id[k] && strcmp(a->label[k], b->label[k])))
			return 0;
	return 1;
}

/* ---- the grid ---- */

static int
put(build_t *B, int row, int col, int rows, int cols, nb_gcell_kind_t kind,
    const char *text)
{
	nb_grid_t *g = B->g;
	nb_gcell_t *c = &g->cells[g->ncells];
	int i, j;

	if (!(c->text = nb_arena_strdup(&B->doc->arena, text ? text : "")))
		return -1;
	c->row = row;
	c->col = col;
	c->rows = rows;
	c->cols = cols;
	c->kind = kind;
	for (i = row; i < row + rows; i++)
		for (j = col; j < col + cols; j++)
			g->slot[i * g->ncols + j] = (int)g->ncells;
	g->ncells++;
	return 0;
}

static int
covered(const build_t *B, int row, int col)
{
	return B->g->slot[row * B->g->ncols + col] >= 0;
}

/* The header cell of figure column j at level r: across the neighbours
 * that share it, and down to the last header row when it is the last. */
static int
header_cell(build_t *B, int r, size_t j)
{
	const path_t *p = &B->paths[j];
	int ends = p->n == r + 1;
	size_t k = j + 1;

	while (k < B->nfig && same_to(p, &B->paths[k], r) &&
	       (B->paths[k].n == r + 1) == ends)
		k++;
	return put(B, r, 2 + (int)j, ends ? B->depth - r : 1, (int)(k - j),
	           NB_GC_HEAD, p->label[r]);
}

static int
header(build_t *B)
{
	const nb_form_t *F = B->form;
	size_t j;
	int r;

	if (put(B, 0, 0, B->depth, 1, NB_GC_HEAD, F->org_field ? F->org_field->label : "") < 0 ||
	    put(B, 0, 1, B->depth, 1, NB_GC_HEAD, F->year_field ? F->year_field->label : "") < 0)
		return -1;
	for (r = 0; r < B->depth; r++)
		for (j = 0; j < B->nfig; j++)
			if (!covered(B, r, 2 + (int)j) && B->paths[j].n > r &&
			    header_cell(B, r, j) < 0)
				return -1;
	return 0;
}

static int
report_row(build_t *B, int row, const nb_report_t *r)
{
	nb_buf_t b;
	size_t j;
	int rc = 0;

	nb_buf_init(&b);
	nb_buf_puts(&b, "");
	if (B->form->year_field)
		nb_value_text(r, B->form->year_field->cell, &b);
	if (put(B, row, 0, 1, 1, NB_GC_LABEL, nb_report_org(r)) < 0 ||
	    put(B, row, 1, 1, 1, NB_GC_VALUE, b.data) < 0)
		rc = -1;
	for (j = 0; rc == 0 && j < B->nfig; j++) {
		b.len = 0;
		b.data[0] = '\0';
		nb_value_text(r, B->figures[j], &b);
		if (b.failed || put(B, row, 2 + (int)j, 1, 1, NB_GC_VALUE, b.data) < 0)
			rc = -1;
	}
	nb_buf_free(&b);
	return rc;
}

static int
total_row(build_t *B, int row, const nb_stats_t *s)
{
	const char *label = B->form->text.summary_total;
	char num[32];
	size_t j;

	if (put(B, row, 0, 1, 1, NB_GC_HEAD, label ? label : "") < 0 ||
	    put(B, row, 1, 1, 1, NB_GC_VALUE, "") < 0)
		return -1;
	for (j = 0; j < B->nfig; j++) {
		const nb_stat_sum_t *x = &s->sums[B->figures[j]];
		num[0] = '\0';
		if (x->filled)
			nb_stats_format(s, x, num);
		if (put(B, row, 2 + (int)j, 1, 1, NB_GC_VALUE, num) < 0)
			return -1;
	}
	return 0;
}

/* ---- the document ---- */

static int
grid(build_t *B, size_t nrep)
{
	nb_grid_t *g = nb_arena_alloc(&B->doc->arena, sizeof *g);
	size_t nslots, j;

	if (!g)
		return -1;
	B->g = g;
	g->ncols = 2 + (int)B->nfig;
	g->nhead = B->depth;
	g->nrows = B->depth + (int)nrep + 1;
	g->nkeep = 2;
	nslots = (size_t)g->nrows * (size_t)g->ncols;
	g->cells = nb_arena_alloc(&B->doc->arena, (nslots + 1) * sizeof *g->cells);
	g->slot = nb_arena_alloc(&B->doc->arena, (nslots + 1) * sizeof *g->slot);
	if (!g->cells || !g->slot)
		return -1;
	for (j = 0; j < nslots; j++)
		g->slot[j] = -1;
	return 0;
}

/* The summary's title: the form's summary_title, {year} the years. */
static const char *
title(build_t *B, const nb_stats_t *s, const nb_report_t *first)
{
	char years[64] = "";
	const char *vars[] = { "year", years };
	const char *tmpl = B->form->text.summary_title;
	nb_buf_t b;
	const char *t;

	if (s->year_min && s->year_min != s->year_max)
		snprintf(years, sizeof years, "%" PRId64 "-%" PRId64, s->year_min, s->year_max);
	else if (s->year_min)
		snprintf(years, sizeof years, "%" PRId64, s->year_min);
	nb_buf_init(&b);
	nb_buf_puts(&b, "");
	nb_template_expand(first, tmpl ? tmpl : B->form->name, vars, 1, &b);
	t = b.failed ? NULL : nb_arena_strdup(&B->doc->arena, b.data);
	nb_buf_free(&b);
	return t;
}

static int
blocks(build_t *B, const char *text)
{
	nb_doc_t *d = B->doc;

	if (!(d->v = calloc(2, sizeof *d->v)))
		return -1;
	d->cap = 2;
	d->n = 2;
	d->title = d->title_lines = text;
	d->v[0].kind = NB_BLK_TITLE;
	d->v[0].text = text;
	d->v[1].kind = NB_BLK_TABLE;
	d->v[1].text = "";
	d->v[1].grid = B->g;
	return 0;
}

static int
fill(build_t *B, const nb_report_t *const *reps, size_t n, const nb_stats_t *s)
{
	const char *t;
	size_t i, j;

	if (!(B->figures = table_cells(B->form, &B->doc->arena, &B->nfig)) ||
	    !(B->paths = nb_arena_alloc(&B->doc->arena, (B->nfig + 1) * sizeof *B->paths)))
		return -1;
	for (j = 0; j < B->nfig; j++) {
		path_of(B->form, B->figures[j], &B->paths[j]);
		if (B->paths[j].n > B->depth)
			B->depth = B->paths[j].n;
	}
	if (grid(B, n) < 0 || header(B) < 0)
		return -1;
	for (i = 0; i < n; i++)
		if (report_row(B, B->depth + (int)i, reps[i]) < 0)
			return -1;
	if (total_row(B, B->depth + (int)n, s) < 0 || !(t = title(B, s, reps[0])))
		return -1;
	return blocks(B, t);
}

int
nb_summary_build(const nb_report_t *const *reps, size_t n, nb_doc_t *doc,
                 nb_error_t *err)
{
	build_t B = { 0 };
	nb_stats_t s;
	size_t i;
	int rc;

	memset(doc, 0, sizeof *doc);
	nb_arena_init(&doc->arena);
	if (!n)
		return nb_error_set(err, NULL, 0, 0, "没有可汇总的报告");
	if (nb_stats_init(&s, reps[0]->form, err) < 0)
		return -1;
	for (i = 0; i < n; i++)
		if (nb_stats_add(&s, reps[i], NULL, err) < 0) {
			nb_stats_free(&s);
			return -1;
		}
	B.doc = doc;
	B.form = reps[0]->form;
	rc = fill(&B, reps, n, &s);
	nb_stats_free(&s);
	if (rc < 0) {
		nb_doc_free(doc);
		return oom(err);
	}
	return 0;
}

int
nb_summary_render(const nb_report_t *const *reps, size_t n,
                  nb_export_format_t fmt, nb_buf_t *out, nb_error_t *err)
{
	nb_doc_t doc;
	int rc;

	if (fmt != NB_EXPORT_XLSX && fmt != NB_EXPORT_CSV)
		return nb_error_set(err, NULL, 0, 0, "汇总表只能写成 xlsx 或 csv");
	if (nb_summary_build(reps, n, &doc, err) < 0)
		return -1;
	rc = fmt == NB_EXPORT_XLSX ? nb_render_xlsx(&doc, out, err)
	                           : nb_render_csv(&doc, out, err);
	if (rc == 0 && out->failed)
		rc = nb_error_set(err, NULL, 0, 0, "内存不足");
	nb_doc_free(&doc);
	return rc;
}
