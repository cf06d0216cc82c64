/* misplaced.c - a figure typed in the wrong column or row (misplaced.h). */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/misplaced.h"
#include "core/number.h"

#define DEPTH_MAX 4             /* totals of totals of totals... */
#define NOWHERE ((size_t)-1)    /* a term of last year's report */

/* ---- the cells a side of a check adds up ---- */

typedef struct {
	size_t cell;
	int sign;
} term_t;

typedef struct {
	term_t *v;
	size_t n, cap;
	int failed;
} terms_t;

static void
push(terms_t *t, size_t cell, int sign)
{
	term_t *v;

	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 32;
		if (!(v = realloc(t->v, cap * sizeof *v))) {
			t->failed = 1;
			return;
		}
		t->v = v;
		t->cap = cap;
	}
	t->v[t->n].cell = cell;
	t->v[t->n++].sign = sign;
}

/* A computed total among the terms stands for the cells it adds up,
 * unless kept[] says it disagrees with them (kept NULL: none does).  Last
 * year's figures stay in their place, as NOWHERE, so that the terms of two
 * checks of one rule still match one for one. */
static void
side_cells(const nb_form_t *F, const nb_term_t *t, size_t n, int sign,
           const unsigned char *kept, int depth, terms_t *out)
{
	const nb_check_t *c;
	size_t i;

	for (i = 0; i < n; i++) {
		c = NULL;
		if (t[i].previous) {
			push(out, NOWHERE, 0);
			continue;
		}
		if (depth < DEPTH_MAX && F->cells[t[i].cell].total &&
		    !(kept && kept[t[i].cell]))
			c = nb_rules_computing(F, t[i].cell);
		if (c)
			side_cells(F, c->rhs, c->nrhs, sign * t[i].sign, kept, depth + 1, out);
		else
			push(out, t[i].cell, sign * t[i].sign);
	}
}

/* One side of a check (rhs 0: the lhs); the total a computing check
 * defines is its own and is not taken apart. */
static void
check_cells(const nb_form_t *F, const nb_check_t *c, int rhs,
            const unsigned char *kept, terms_t *out)
{
	if (rhs)
		side_cells(F, c->rhs, c->nrhs, 1, kept, 0, out);
	else
		side_cells(F, c->lhs, c->nlhs, 1, kept,
		           c->rule->computes ? DEPTH_MAX : 0, out);
}

/* ---- trying a move ---- */

typedef struct {
	const nb_report_t *r, *prev;
	unsigned char *kept;    /* per cell: a total that disagrees with its cells */
	size_t *totals;         /* the other totals, in cell order */
	size_t ntotals;
	nb_value_t *scratch;    /* the values with a figure moved */
} judge_t;

static int
judge_init(judge_t *J, const nb_report_t *r, const nb_report_t *prev)
{
	const nb_form_t *F = r->form;
	const nb_check_t *c;
	size_t i;

	memset(J, 0, sizeof *J);
	J->r = r;
	J->prev = prev;
	if (!(J->kept = calloc(F->ncells + 1, 1)) ||
	    !(J->totals = malloc((F->ncells + 1) * sizeof *J->totals)) ||
	    !(J->scratch = malloc((F->ncells + 1) * sizeof *J->scratch)))
		return -1;
	for (i = 0; i < F->ncells; i++) {
		if (!F->cells[i].total || !(c = nb_rules_computing(F, i)))
			continue;
		if (!nb_check_holds(c, r, NULL, NULL))
			J->kept[i] = 1;
		else
			J->totals[J->ntotals++] = i;
	}
	return 0;
}

static void
judge_free(judge_t *J)
{
	free(J->kept);
	free(J->totals);
	free(J->scratch);
}

/* The report with the figure of `from` moved to `to`, its totals computed
 * again where they agreed with their cells (the editor computes them; a
 * draft's own totals that agreed would have been written so). */
static void
move_figure(judge_t *J, size_t from, size_t to, nb_report_t *moved)
{
	size_t i, pass;
	int64_t v;

	*moved = *J->r;
	moved->values = J->scratch;
	memcpy(J->scratch, J->r->values, J->r->form->ncells * sizeof *J->scratch);
	J->scratch[to].num += J->scratch[from].num;
	J->scratch[from].num = 0;
	for (pass = 0; pass < 2; pass++)        /* a total of totals settles */
		for (i = 0; i < J->ntotals; i++)
			if (nb_rules_total(moved, J->totals[i], &v))
				J->scratch[J->totals[i]].num = v;
}

/* Whether moving the figure mends both broken checks and breaks no sum
 * that holds. */
static int
mends(judge_t *J, const nb_check_t *const pair[2], size_t from, size_t to)
{
	const nb_form_t *F = J->r->form;
	nb_report_t moved;
	size_t i, k;

	move_figure(J, from, to, &moved);
	for (i = 0; i < F->nrules; i++)
		for (k = 0; k < F->rules[i].nchecks; k++) {
			const nb_check_t *c = &F->rules[i].checks[k];
			if (c->rule->kind != NB_RULE_SUM || (c->previous && !J->prev))
				continue;
			if ((c == pair[0] || c == pair[1] ||
			     nb_check_holds(c, J->r, J->prev, NULL)) &&
			    !nb_check_holds(c, &moved, J->prev, NULL))
				return 0;
		}
	return 1;
}

/* ---- the cells that qualify ---- */

typedef struct {
	size_t from, to;
	const nb_check_t *pair[2];
} move_t;

typedef struct {
	move_t *v;
	size_t n, cap;
	int failed;
} moves_t;

static void
add_move(moves_t *m, size_t from, size_t to, const nb_check_t *const pair[2])
{
	move_t *v;
	size_t i;

	for (i = 0; i < m->n; i++)
		if (m->v[i].from == from && m->v[i].to == to)
			return;
	if (m->n == m->cap) {
		size_t cap = m->cap ? 2 * m->cap : 8;
		if (!(v = realloc(m->v, cap * sizeof *v))) {
			m->failed = 1;
			return;
		}
		m->v = v;
		m->cap = cap;
	}
	m->v[m->n].from = from;
	m->v[m->n].to = to;
	m->v[m->n].pair[0] = pair[0];
	m->v[m->n++].pair[1] = pair[1];
}

/* Cell a holds a whole figure of d and b, its place in the other check,
 * is empty (0); both are typed in rather than computed. */
static int
whole_figure(const nb_report_t *r, size_t a, size_t b, int64_t d)
{
	const nb_value_t *va = &r->values[a], *vb = &r->values[b];

	return a != b && !r->form->cells[a].total && !r->form->cells[b].total &&
	       va->filled && vb->filled && va->num == d && vb->num == 0;
}

/* The moves out of the over side of x (by dx, nonzero) into the same
 * places of y that mend both. */
static void
moves_out_of(judge_t *J, const nb_check_t *const pair[2], int x, int64_t dx,
             moves_t *found)
{
	const nb_form_t *F = J->r->form;
	terms_t tx = { 0 }, ty = { 0 };
	int64_t d = dx < 0 ? -dx : dx;
	size_t k;

	check_cells(F, pair[x], dx < 0, J->kept, &tx);
	check_cells(F, pair[!x], dx < 0, J->kept, &ty);
	if (tx.failed || ty.failed)
		found->failed = 1;
	else if (tx.n == ty.n)
		for (k = 0; k < tx.n; k++) {
			size_t a = tx.v[k].cell, b = ty.v[k].cell;
			if (a == NOWHERE || b == NOWHERE || tx.v[k].sign < 0 ||
			    ty.v[k].sign < 0 || !whole_figure(J->r, a, b, d))
				continue;
			if (mends(J, pair, a, b))
				add_move(found, a, b, pair);
		}
	free(tx.v);
	free(ty.v);
}

/* The two checks of a rule that are broken, when there are exactly two,
 * from the findings before `n`. */
static int
broken_pair(const nb_findings_t *out, size_t n, const nb_rule_t *rule,
            const nb_check_t *pair[2])
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (!out->v[i].check || out->v[i].check->rule != rule)
			continue;
		if (k == 2)
			return 0;
		pair[k++] = out->v[i].check;
	}
	return k == 2;
}

/* The one move that explains the two broken checks of a rule, into all;
 * nothing when there are none or several. */
static void
judge_rule(judge_t *J, const nb_findings_t *out, size_t n, const nb_rule_t *rule,
           moves_t *all)
{
	const nb_check_t *pair[2];
	moves_t found = { 0 };
	int64_t d0, d1;

	if (rule->kind != NB_RULE_SUM || !broken_pair(out, n, rule, pair) ||
	    !nb_check_difference(pair[0], J->r, J->prev, &d0) ||
	    !nb_check_difference(pair[1], J->r, J->prev, &d1) || !d0 || d0 != -d1)
		return;
	moves_out_of(J, pair, 0, d0, &found);
	moves_out_of(J, pair, 1, d1, &found);
	if (found.failed)
		all->failed = 1;
	else if (found.n == 1)
		add_move(all, found.v[0].from, found.v[0].to, found.v[0].pair);
	free(found.v);
}

/* ---- the words ---- */

/* The row a cell stands in - a row field, or the flow group its figure is
 * part of - and its column there (-1 for a figure of its own). */
static const nb_field_t *
row_of(const nb_form_t *F, size_t cell, int *col)
{
	const nb_field_t *f = F->cells[cell].field, *g = f->parent;
	size_t i;

	*col = F->cells[cell].column;
	if (f->type == NB_T_ROW || !g || !g->flow)
		return f;
	for (i = 0; i < g->nkids && g->kids[i] != f; i++)
		;
	*col = (int)i;
	return g;
}

static const char *
column_label(const nb_field_t *row, int col)
{
	return row->type == NB_T_ROW ? row->columns->cols[col].label
	                             : row->kids[col]->label;
}

static char *
describe(const nb_report_t *r, size_t from, size_t to)
{
	const nb_form_t *F = r->form;
	const nb_value_t *v = &r->values[from];
	int ca, cb;
	const nb_field_t *ra = row_of(F, from, &ca), *rb = row_of(F, to, &cb);
	char fig[32];
	nb_buf_t b;

	if (F->cells[from].field->type == NB_T_AMOUNT)
		nb_amount_format(v->num, v->decimals, fig);
	else
		snprintf(fig, sizeof fig, "%lld", (long long)v->num);
	nb_buf_init(&b);
	if (ra == rb && ca >= 0 && cb >= 0) {
		nb_buf_printf(&b, "可能填错了列：%s “%s”列的 %s 也许应在“%s”列",
		              ra->short_label, column_label(ra, ca), fig,
		              column_label(rb, cb));
	} else if (ca >= 0 && cb >= 0 &&
	           !strcmp(column_label(ra, ca), column_label(rb, cb))) {
		nb_buf_printf(&b, "可能填错了行：%s “%s”列的 %s 也许应在 %s 行",
		              ra->short_label, column_label(ra, ca), fig, rb->short_label);
	} else {
		nb_buf_puts(&b, "可能填错了格：");
		nb_cell_name(F, from, 1, &b);
		nb_buf_printf(&b, " 的 %s 也许应在 ", fig);
		nb_cell_name(F, to, 1, &b);
	}
	return nb_buf_take(&b);
}

/* ---- the notes ---- */

/* A cell named by two rules with two different places to go is named by
 * neither; named twice with the same place, once. */
static int
named_once(const moves_t *all, size_t i)
{
	size_t j;

	for (j = 0; j < all->n; j++)
		if (j != i && all->v[j].from == all->v[i].from &&
		    (all->v[j].to != all->v[i].to || j < i))
			return 0;
	return 1;
}

static int
add_notes(const nb_report_t *r, const moves_t *all, nb_findings_t *out)
{
	nb_finding_t f;
	size_t i;

	for (i = 0; i < all->n; i++) {
		if (!named_once(all, i))
			continue;
		memset(&f, 0, sizeof f);
		f.severity = NB_SEV_NOTE;
		f.rule_id = "misplaced";
		f.cell = all->v[i].from;
		f.to = all->v[i].to;
		f.pair[0] = all->v[i].pair[0];
		f.pair[1] = all->v[i].pair[1];
		f.message = describe(r, f.cell, f.to);
		if (nb_findings_put(out, r, f) < 0)
			return -1;
	}
	return 0;
}

int
nb_misplaced_find(const nb_report_t *r, const nb_report_t *prev,
                  nb_findings_t *out)
{
	const nb_form_t *F = r->form;
	size_t i, n = out->n;
	moves_t all = { 0 };
	judge_t J;
	int rc = -1;

	if (!out->errors && !out->warnings)
		return 0;                   /* nothing is broken */
	if (judge_init(&J, r, prev) == 0) {
		for (i = 0; i < F->nrules && !all.failed; i++)
			judge_rule(&J, out, n, &F->rules[i], &all);
		if (!all.failed)
			rc = add_notes(r, &all, out);
	}
	judge_free(&J);
	free(all.v);
	return rc;
}

static int
among(const nb_form_t *F, const nb_check_t *c, size_t cell)
{
	terms_t t = { 0 };
	size_t i;
	int found = 0;

	for (i = 0; i < c->nlhs; i++)
		found |= !c->lhs[i].previous && c->lhs[i].cell == cell;
	for (i = 0; i < c->nrhs; i++)
		found |= !c->rhs[i].previous && c->rhs[i].cell == cell;
	check_cells(F, c, 0, NULL, &t);
	check_cells(F, c, 1, NULL, &t);
	for (i = 0; i < t.n && !found; i++)
		found = t.v[i].cell == cell;
	free(t.v);
	return found;
}

int
nb_misplaced_concerns(const nb_form_t *form, const nb_finding_t *f,
                      size_t cell)
{
	if (!f->pair[0])
		return 0;
	return cell == f->cell || cell == f->to || among(form, f->pair[0], cell) ||
	       among(form, f->pair[1], cell);
}
