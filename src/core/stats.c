/* The figures over a set of reports (see stats.h): what is counted is
 * found in the form's tables when the set is prepared, then each report
 * adds to the sums. */

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/number.h"
#include "core/stats.h"

#define NO_CELL ((size_t)-1)

static int
oom(nb_error_t *err)
{
	return nb_error_set(err, NULL, 0, 0, "内存不足");
}

static int
is_figure_type(nb_type_t t)
{
	return t == NB_T_COUNT || t == NB_T_AMOUNT || t == NB_T_ROW;
}

/* Whether a cell is in a row's total column. */
static int
in_total_column(const nb_form_t *F, size_t cell)
{
	const nb_cell_t *c = &F->cells[cell];

	return c->column >= 0 && c->field->columns &&
	       c->field->columns->cols[c->column].total;
}

/* Whether a row of figures has a total column at all. */
static int
has_total_column(const nb_field_t *f)
{
	size_t j;

	for (j = 0; f->columns && j < f->columns->n; j++)
		if (f->columns->cols[j].total)
			return 1;
	return 0;
}

/* ---- the tables' figures ---- */

static int
by_cell(const void *a, const void *b)
{
	const nb_stat_sum_t *x = *(const nb_stat_sum_t *const *)a;
	const nb_stat_sum_t *y = *(const nb_stat_sum_t *const *)b;

	return (x->cell > y->cell) - (x->cell < y->cell);
}

/* The figures a table shows in the statistics: of a row with a total
 * column only that column, every other figure as it is. */
static int
shown(const nb_form_t *F, size_t cell)
{
	const nb_cell_t *c = &F->cells[cell];

	return c->column < 0 || !has_total_column(c->field) ||
	       in_total_column(F, cell);
}

static int
table_figures(nb_stats_t *s, const nb_section_t *sec, nb_error_t *err)
{
	const nb_table_t *t = sec->table;
	nb_stat_table_t *st = &s->tables[s->ntables];
	size_t i, j, n = 0;

	for (i = 0; i < t->nbody; i++)
		n += t->body[i].n;
	if (!(st->v = nb_arena_alloc(&s->arena, (n + 1) * sizeof *st->v)))
		return oom(err);
	st->section = sec;
	st->table = t;
	for (i = 0; i < t->nbody; i++)
		for (j = 0; j < t->body[i].n; j++) {
			const nb_tcell_t *x = &t->body[i].cells[j];
			if (!x->text && shown(s->form, x->cell))
				st->v[st->n++] = &s->sums[x->cell];
		}
	qsort(st->v, st->n, sizeof *st->v, by_cell);
	s->ntables++;
	return 0;
}

/* ---- the distributions, from a table's grid ---- */

/* The figure in the total column of grid row r, or NO_CELL. */
static size_t
row_total(const nb_form_t *F, const nb_table_t *t, int r)
{
	const nb_trow_t *row;
	size_t j;

	if (r < (int)t->nhead || r >= (int)(t->nhead + t->nbody))
		return NO_CELL;
	row = &t->body[r - (int)t->nhead];
	for (j = 0; j < row->n; j++)
		if (!row->cells[j].text && in_total_column(F, row->cells[j].cell))
			return row->cells[j].cell;
	return NO_CELL;
}

/* The label cells in column col that start in rows [r0, r1), in order;
 * stores up to max and returns how many there are. */
static size_t
labels_in(const nb_table_t *t, int col, int r0, int r1,
          const nb_tcell_t **out, size_t max)
{
	size_t i, j, n = 0;

	for (i = 0; i < t->nbody; i++)
		for (j = 0; j < t->body[i].n; j++) {
			const nb_tcell_t *x = &t->body[i].cells[j];
			if (x->text && !x->head && x->gcol == col &&
			    x->grow >= r0 && x->grow < r1) {
				if (n < max)
					out[n] = x;
				n++;
			}
		}
	return n;
}

/* A part made of the total figures of the rows a label spans. */
static int
make_part(nb_stats_t *s, const nb_table_t *t, const nb_tcell_t *label,
          nb_stat_part_t *p)
{
	int r;

	p->label = label->text;
	if (!(p->cells = nb_arena_alloc(&s->arena, (size_t)label->rows * sizeof *p->cells)))
		return -1;
	for (r = label->grow; r < label->grow + label->rows; r++)
		if ((p->cells[p->ncells] = row_total(s->form, t, r)) != NO_CELL)
			p->ncells++;
	return 0;
}

static nb_stat_dist_t *
add_dist(nb_stats_t *s, nb_dist_kind_t kind, const char *label, size_t nparts)
{
	nb_stat_dist_t *d = &s->dists[s->ndists];

	if (!(d->v = nb_arena_alloc(&s->arena, (nparts + 1) * sizeof *d->v)))
		return NULL;
	d->kind = kind;
	d->label = label;
	s->ndists++;
	return d;
}

/* The sub-rows of an outcome that spans several rows: the reasons. */
static int
reasons(nb_stats_t *s, const nb_table_t *t, const nb_tcell_t *outcome,
        const nb_stat_part_t *whole)
{
	const nb_tcell_t *sub[64];
	size_t n, i;
	nb_stat_dist_t *d;

	n = labels_in(t, outcome->gcol + outcome->cols, outcome->grow,
	              outcome->grow + outcome->rows, sub, 64);
	if (n < 2 || n > 64)
		return 0;
	if (!(d = add_dist(s, NB_DIST_REASON, outcome->text, n)))
		return -1;
	d->whole = *whole;
	for (i = 0; i < n; i++)
		if (make_part(s, t, sub[i], &d->v[d->n++]) < 0)
			return -1;
	return 0;
}

/* A label spanning several rows, when the labels beside it are outcomes:
 * one of them is the row of a `total` field.  Returns 1 when it was. */
static int
outcomes(nb_stats_t *s, const nb_table_t *t, const nb_tcell_t *span)
{
	const nb_tcell_t *part[64];
	size_t n, i, whole = NO_CELL, cell;
	nb_stat_dist_t *d;

	n = labels_in(t, span->gcol + span->cols, span->grow,
	              span->grow + span->rows, part, 64);
	for (i = 0; i < n && i < 64; i++)
		if (part[i]->rows == 1 &&
		    (cell = row_total(s->form, t, part[i]->grow)) != NO_CELL &&
		    s->form->cells[cell].field->total)
			whole = i;
	if (whole == NO_CELL || n > 64)
		return 0;
	if (!(d = add_dist(s, NB_DIST_OUTCOME, span->text, n)) ||
	    make_part(s, t, part[whole], &d->whole) < 0)
		return -1;
	for (i = 0; i < n; i++)
		if (i != whole && make_part(s, t, part[i], &d->v[d->n++]) < 0)
			return -1;
	for (i = 0; i < d->n; i++)
		if (part[i < whole ? i : i + 1]->rows > 1 &&
		    reasons(s, t, part[i < whole ? i : i + 1], &d->v[i]) < 0)
			return -1;
	return 1;
}

/* The columns of the table's first row of figures with a total column:
 * who asked; its total ranks the bodies. */
static int
applicants(nb_stats_t *s, const nb_table_t *t)
{
	const nb_field_t *f;
	const char *label = NULL;
	nb_stat_dist_t *d;
	size_t cell = NO_CELL, j;
	int r;

	for (r = (int)t->nhead; cell == NO_CELL && r < (int)(t->nhead + t->nbody); r++)
		cell = row_total(s->form, t, r);
	if (cell == NO_CELL)
		return 0;
	f = s->form->cells[cell].field;
	for (j = 0; !label && j < t->body[r - 1 - (int)t->nhead].n; j++)
		label = t->body[r - 1 - (int)t->nhead].cells[j].text;
	if (!(d = add_dist(s, NB_DIST_APPLICANT, label ? label : f->label,
	                   f->columns->n)))
		return -1;
	d->whole.label = f->columns->cols[s->form->cells[cell].column].label;
	d->whole.cells = &s->sums[cell].cell;
	d->whole.ncells = 1;
	for (j = 0; j < f->columns->n; j++) {
		nb_stat_part_t *p = &d->v[d->n];
		if (f->columns->cols[j].total)
			continue;
		p->label = f->columns->cols[j].label;
		p->cells = &s->sums[f->cell + j].cell;
		p->ncells = 1;
		d->n++;
	}
	s->rank = &s->sums[cell];
	return 0;
}

static int
distributions(nb_stats_t *s, const nb_table_t *t)
{
	size_t i, j;
	int found = 0, rc;

	for (i = 0; i < t->nbody; i++)
		for (j = 0; j < t->body[i].n; j++) {
			const nb_tcell_t *x = &t->body[i].cells[j];
			if (!x->text || x->head || x->rows < 2)
				continue;
			if ((rc = outcomes(s, t, x)) < 0)
				return -1;
			found |= rc;
		}
	if (found && !s->rank && applicants(s, t) < 0)
		return -1;
	return 0;
}

/* ---- the set ---- */

int
nb_stats_init(nb_stats_t *s, const nb_form_t *form, nb_error_t *err)
{
	size_t i, j, ndist = 0;

	memset(s, 0, sizeof *s);
	nb_arena_init(&s->arena);
	s->form = form;
	/* a distribution for each label over several rows, at most */
	for (i = 0; i < form->ntables; i++)
		for (j = 0, ndist++; j < form->tables[i].nbody; j++)
			ndist += form->tables[i].body[j].n;
	s->sums = nb_arena_alloc(&s->arena, (form->ncells + 1) * sizeof *s->sums);
	s->tables = nb_arena_alloc(&s->arena, (form->nsections + 1) * sizeof *s->tables);
	s->dists = nb_arena_alloc(&s->arena, (ndist + 1) * sizeof *s->dists);
	if (!s->sums || !s->tables || !s->dists)
		goto fail;
	for (i = 0; i < form->ncells; i++)
		s->sums[i].cell = i;
	for (i = 0; i < form->nsections; i++)
		if (form->sections[i].table &&
		    (table_figures(s, &form->sections[i], err) < 0 ||
		     distributions(s, form->sections[i].table) < 0))
			goto fail;
	return 0;
fail:
	nb_stats_free(s);
	return oom(err);
}

/* Adds a part's filled cells; -1 on overflow, else whether one of them
 * was unfilled. */
static int
add_part(const nb_report_t *r, nb_stat_part_t *p)
{
	size_t i;
	int unfilled = 0;

	for (i = 0; i < p->ncells; i++) {
		const nb_value_t *v = &r->values[p->cells[i]];
		if (!v->filled)
			unfilled = 1;
		else if (__builtin_add_overflow(p->value, v->num, &p->value))
			return -1;
	}
	p->unfilled += (size_t)unfilled;
	return unfilled;
}

static int
add_dist_parts(const nb_report_t *r, nb_stat_dist_t *d)
{
	size_t j;
	int rc, unfilled;

	if ((unfilled = add_part(r, &d->whole)) < 0)
		return -1;
	for (j = 0; j < d->n; j++) {
		if ((rc = add_part(r, &d->v[j])) < 0)
			return -1;
		unfilled |= rc;
	}
	d->unfilled += (size_t)unfilled;
	return 0;
}

/* Adds every figure of the report; returns -1 on overflow, else whether
 * one was unfilled. */
static int
add_sums(nb_stats_t *s, const nb_report_t *r)
{
	size_t i;
	int unfilled = 0;

	for (i = 0; i < s->form->ncells; i++) {
		const nb_value_t *v = &r->values[i];
		nb_stat_sum_t *x = &s->sums[i];
		if (!is_figure_type(s->form->cells[i].field->type))
			continue;
		if (!v->filled) {
			x->unfilled++;
			unfilled = 1;
			continue;
		}
		if (__builtin_add_overflow(x->sum, v->num, &x->sum))
			return -1;
		x->filled++;
		if (v->decimals > x->decimals)
			x->decimals = v->decimals;
	}
	return unfilled;
}

static int
add_body(nb_stats_t *s, const nb_report_t *r, const char *name)
{
	const nb_value_t *v = &r->values[s->rank->cell];
	const char *org = nb_report_org(r);
	nb_stat_body_t *b;

	if (!v->filled)
		return 0;
	if (s->nbodies == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 64;
		nb_stat_body_t *p = realloc(s->bodies, cap * sizeof *p);
		if (!p)
			return -1;
		s->bodies = p;
		s->cap = cap;
	}
	b = &s->bodies[s->nbodies];
	if (!(b->org = nb_strdup(*org ? org : name ? name : "")))
		return -1;
	b->year = nb_report_year(r);
	b->value = v->num;
	b->order = s->nreports;
	s->nbodies++;
	return 0;
}

static void
add_year(nb_stats_t *s, int64_t year)
{
	if (!year)
		return;
	if (!s->year_min || year < s->year_min)
		s->year_min = year;
	if (year > s->year_max)
		s->year_max = year;
}

int
nb_stats_add(nb_stats_t *s, const nb_report_t *r, const char *name,
             nb_error_t *err)
{
	size_t i;
	int unfilled;

	if (r->form != s->form)
		return nb_error_set(err, name, 0, 0, "格式“%s”与其他报告的“%s”不同，无法合计",
		                    r->form->format, s->form->format);
	if ((unfilled = add_sums(s, r)) < 0)
		goto overflow;
	for (i = 0; i < s->ndists; i++)
		if (add_dist_parts(r, &s->dists[i]) < 0)
			goto overflow;
	if (s->rank && add_body(s, r, name) < 0)
		return oom(err);
	add_year(s, nb_report_year(r));
	s->nincomplete += (size_t)unfilled;
	s->nreports++;
	return 0;
overflow:
	return nb_error_set(err, name, 0, 0, "合计超出了 64 位整数的范围");
}

static int
by_rank(const void *a, const void *b)
{
	const nb_stat_body_t *x = a, *y = b;

	if (x->value != y->value)
		return x->value < y->value ? 1 : -1;
	return (x->order > y->order) - (x->order < y->order);
}

void
nb_stats_finish(nb_stats_t *s, size_t top)
{
	if (s->nbodies)
		qsort(s->bodies, s->nbodies, sizeof *s->bodies, by_rank);
	s->nbodies_kept = s->nbodies < top ? s->nbodies : top;
}

void
nb_stats_free(nb_stats_t *s)
{
	size_t i;

	for (i = 0; i < s->nbodies; i++)
		free(s->bodies[i].org);
	free(s->bodies);
	nb_arena_free(&s->arena);
	memset(s, 0, sizeof *s);
}

int64_t
nb_stats_ratio(int64_t part, int64_t whole, int64_t scale)
{
	if (whole <= 0)
		return -1;
	if (part <= INT64_MAX / 2 / scale && whole <= INT64_MAX / 2)
		return (2 * part * scale + whole) / (2 * whole);
	return (int64_t)((long double)part * scale / whole + 0.5L);
}

void
nb_stats_format(const nb_stats_t *s, const nb_stat_sum_t *sum, char *buf)
{
	if (s->form->cells[sum->cell].field->type == NB_T_AMOUNT)
		nb_amount_format(sum->sum, sum->decimals, buf);
	else
		snprintf(buf, 32, "%" PRId64, sum->sum);
}
