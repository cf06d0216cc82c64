#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/number.h"
#include "core/rules.h"
#include "core/sum.h"

struct nb_sum {
	const nb_form_t *form;
	nb_report_t *total;
	char *in_table;         /* form->ncells flags: a value cell of a table */
	nb_sum_input_t *inputs;
	size_t n, cap;
};

/* The value cells of the form's tables, as one flag per cell. */
static char *
table_cells(const nb_form_t *form)
{
	char *in = calloc(form->ncells ? form->ncells : 1, 1);
	size_t t, r, c;

	if (!in)
		return NULL;
	for (t = 0; t < form->ntables; t++)
		for (r = 0; r < form->tables[t].nbody; r++) {
			const nb_trow_t *row = &form->tables[t].body[r];
			for (c = 0; c < row->n; c++)
				if (!row->cells[c].text)
					in[row->cells[c].cell] = 1;
		}
	return in;
}

nb_sum_t *
nb_sum_new(const nb_form_t *form, const char *org, int64_t year)
{
	nb_sum_t *s = calloc(1, sizeof *s);

	if (!s)
		return NULL;
	s->form = form;
	if (!(s->total = nb_report_new_for(form, org, year)) ||
	    !(s->in_table = table_cells(form))) {
		nb_sum_free(s);
		return NULL;
	}
	return s;
}

void
nb_sum_inputs_free(nb_sum_input_t *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].path);
		free(v[i].org);
		free(v[i].forced);
	}
	free(v);
}

void
nb_sum_free(nb_sum_t *s)
{
	if (!s)
		return;
	nb_report_free(s->total);
	free(s->in_table);
	nb_sum_inputs_free(s->inputs, s->n);
	free(s);
}

int
nb_sum_is_table_cell(const nb_sum_t *s, size_t cell)
{
	return cell < s->form->ncells && s->in_table[cell];
}

const nb_report_t *
nb_sum_report(const nb_sum_t *s)
{
	return s->total;
}

size_t
nb_sum_count(const nb_sum_t *s)
{
	return s->n;
}

int
nb_sum_judge(const nb_sum_t *s, const nb_report_t *rep,
             nb_sum_judgement_t *out)
{
	nb_findings_t f;
	size_t i;

	memset(out, 0, sizeof *out);
	if (rep->form != s->form) {
		out->other_format = 1;
		return 0;
	}
	out->other_year = nb_report_year(rep) != nb_report_year(s->total);
	for (i = 0; i < s->form->ncells; i++)
		if (s->in_table[i] && !rep->values[i].filled)
			out->unfilled++;
	nb_findings_init(&f);
	if (nb_rules_eval(rep, NULL, &f) < 0) {
		nb_findings_free(&f);
		return -1;
	}
	out->errors = f.errors;
	nb_findings_free(&f);
	return !out->other_year && !out->unfilled && !out->errors;
}

static int
list_input(nb_sum_t *s, const nb_report_t *rep, const char *path,
           const char *forced)
{
	nb_sum_input_t *in;

	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 64;
		if (!(in = realloc(s->inputs, cap * sizeof *in)))
			return -1;
		s->inputs = in;
		s->cap = cap;
	}
	in = &s->inputs[s->n];
	in->path = strdup(path);
	in->org = strdup(nb_report_org(rep));
	in->year = nb_report_year(rep);
	in->forced = forced ? strdup(forced) : NULL;
	if (!in->path || !in->org || (forced && !in->forced)) {
		free(in->path);
		free(in->org);
		free(in->forced);
		return -1;
	}
	s->n++;
	return 0;
}

/* The first table cell whose sum would pass INT64_MAX, or ncells. */
static size_t
first_overflow(const nb_sum_t *s, const nb_report_t *rep)
{
	const nb_value_t *t = s->total->values, *v = rep->values;
	size_t i;
	int64_t sum;

	for (i = 0; i < s->form->ncells; i++)
		if (s->in_table[i] && v[i].filled &&
		    __builtin_add_overflow(t[i].num, v[i].num, &sum))
			return i;
	return s->form->ncells;
}

static int
overflow_error(const nb_sum_t *s, const nb_report_t *rep, size_t cell,
               const char *path, nb_error_t *err)
{
	nb_buf_t name;
	int rc;

	nb_buf_init(&name);
	nb_cell_name(s->form, cell, 0, &name);
	rc = nb_error_set(err, path, rep->values[cell].line, rep->values[cell].col,
	                  "加上这一份，“%s”的合计超出了 64 位整数的范围，无法合计",
	                  name.failed ? "?" : name.data);
	nb_buf_free(&name);
	return rc;
}

int
nb_sum_add(nb_sum_t *s, const nb_report_t *rep, const char *path,
           const char *forced, nb_error_t *err)
{
	nb_value_t *t = s->total->values;
	const nb_value_t *v = rep->values;
	size_t i = first_overflow(s, rep);

	if (i < s->form->ncells)
		return overflow_error(s, rep, i, path, err);
	if (list_input(s, rep, path, forced) < 0)
		return nb_error_set(err, path, 0, 0, "内存不足");
	for (i = 0; i < s->form->ncells; i++) {
		if (!s->in_table[i] || !v[i].filled)
			continue;
		t[i].filled = 1;
		t[i].num += v[i].num;
		if (v[i].decimals > t[i].decimals)
			t[i].decimals = v[i].decimals;
	}
	return 0;
}

/* Computes the totals from the summed cells; a total whose inputs are not
 * all filled keeps the sum of the totals.  Returns how many differ from
 * that sum. */
static size_t
recompute(nb_report_t *r)
{
	const nb_form_t *F = r->form;
	nb_value_t *saved = malloc((F->ncells ? F->ncells : 1) * sizeof *saved);
	size_t i, differ = 0;

	if (!saved)
		return 0;
	memcpy(saved, r->values, F->ncells * sizeof *saved);
	nb_rules_compute(r);
	for (i = 0; i < F->ncells; i++) {
		if (!F->cells[i].total || !saved[i].filled)
			continue;
		if (!r->values[i].filled)
			r->values[i] = saved[i];
		else if (r->values[i].num != saved[i].num)
			differ++;
	}
	free(saved);
	return differ;
}

/* ---- the list of inputs, as YAML nodes ---- */

/* key: value; strings quoted, so that no name reads back as a number. */
static int
ymap_put(nb_ynode_t *map, const char *key, const char *value, int plain)
{
	nb_ynode_t *v = nb_ynode_new(NB_Y_SCALAR, value);

	if (v)
		v->plain = plain;
	if (nb_ynode_add(map, nb_ynode_new(NB_Y_SCALAR, key)) < 0) {
		nb_ytree_free(v);
		return -1;
	}
	return nb_ynode_add(map, v);
}

static nb_ynode_t *
input_node(const nb_sum_input_t *in)
{
	nb_ynode_t *m = nb_ynode_new(NB_Y_MAP, NULL);
	char year[24];

	snprintf(year, sizeof year, "%lld", (long long)in->year);
	if (!m || ymap_put(m, "path", in->path, 0) < 0 ||
	    ymap_put(m, "organization", in->org, 0) < 0 ||
	    ymap_put(m, "year", year, 1) < 0 ||
	    (in->forced && ymap_put(m, "forced", in->forced, 0) < 0)) {
		nb_ytree_free(m);
		return NULL;
	}
	m->flow = 1;
	return m;
}

static int
attach_inputs(nb_sum_t *s)
{
	nb_report_t *r = s->total;
	nb_ynode_t *seq = nb_ynode_new(NB_Y_SEQ, NULL);
	nb_extra_t *e;
	size_t i;

	for (i = 0; seq && i < s->n; i++)
		if (nb_ynode_add(seq, input_node(&s->inputs[i])) < 0)
			break;
	if (!seq || i < s->n ||
	    !(e = realloc(r->extras, (r->nextras + 1) * sizeof *e))) {
		nb_ytree_free(seq);
		return -1;
	}
	r->extras = e;
	e += r->nextras;
	if (!(e->key = strdup(NB_SUM_KEY))) {
		nb_ytree_free(seq);
		return -1;
	}
	e->parent = s->form->root;
	e->node = seq;
	r->nextras++;
	return 0;
}

nb_report_t *
nb_sum_finish(nb_sum_t *s, size_t *recomputed)
{
	nb_report_t *r = s->total;
	size_t differ = recompute(r);

	if (recomputed)
		*recomputed = differ;
	if (attach_inputs(s) < 0)
		return NULL;
	s->total = NULL;
	return r;
}

int
nb_sum_compare(const nb_report_t *parent, const nb_report_t *total,
               size_t **cells, size_t *n)
{
	const nb_form_t *F = parent->form;
	char *in = table_cells(F);
	const nb_value_t *a = parent->values, *b = total->values;
	size_t i;

	*cells = NULL;
	*n = 0;
	if (!in || !(*cells = malloc((F->ncells ? F->ncells : 1) * sizeof **cells))) {
		free(in);
		return -1;
	}
	for (i = 0; i < F->ncells; i++)
		if (in[i] && (a[i].filled != b[i].filled ||
		              (a[i].filled && a[i].num != b[i].num)))
			(*cells)[(*n)++] = i;
	free(in);
	if (!*n) {
		free(*cells);
		*cells = NULL;
	}
	return 0;
}

/* ---- reading the list back ---- */

static int
bad_list(const nb_ynode_t *at, nb_error_t *err)
{
	return nb_error_set(err, NULL, at->line, at->col,
	                    NB_SUM_KEY " 应为各份草稿的列表（path、organization、year）");
}

static int
read_input(const nb_ynode_t *m, nb_sum_input_t *in, nb_error_t *err)
{
	const nb_ynode_t *path = nb_ymap_get(m, "path"), *org = nb_ymap_get(m, "organization");
	const nb_ynode_t *year = nb_ymap_get(m, "year"), *forced = nb_ymap_get(m, "forced");

	memset(in, 0, sizeof *in);
	if (m->type != NB_Y_MAP || !path || path->type != NB_Y_SCALAR ||
	    !org || org->type != NB_Y_SCALAR || !year ||
	    year->type != NB_Y_SCALAR || nb_count_parse(year->str, &in->year) ||
	    (forced && forced->type != NB_Y_SCALAR))
		return bad_list(m, err);
	in->path = strdup(path->str);
	in->org = strdup(org->str);
	in->forced = forced ? strdup(forced->str) : NULL;
	if (!in->path || !in->org || (forced && !in->forced))
		return nb_error_set(err, NULL, 0, 0, "内存不足");
	return 0;
}

int
nb_sum_inputs(const nb_report_t *r, nb_sum_input_t **v, size_t *n,
              nb_error_t *err)
{
	const nb_extra_t *x = nb_report_extra(r, NB_SUM_KEY);
	const nb_ynode_t *seq = x ? x->node : NULL;
	size_t i;

	*v = NULL;
	*n = 0;
	if (!seq)
		return 0;
	if (seq->type != NB_Y_SEQ)
		return bad_list(seq, err);
	if (seq->n && !(*v = calloc(seq->n, sizeof **v)))
		return nb_error_set(err, NULL, 0, 0, "内存不足");
	for (i = 0; i < seq->n; i++) {
		(*n)++;
		if (read_input(seq->kids[i], &(*v)[i], err) < 0) {
			nb_sum_inputs_free(*v, *n);
			*v = NULL;
			*n = 0;
			return -1;
		}
	}
	return 1;
}
