/* The figures of an official table, read from the lines of its section
 * (import_impl.h).
 *
 * The cells of the section, in reading order, make runs: some labels,
 * then the figures after them.  Each body row of the form's table is
 * looked for in the form's order, by its own label (the last label of its
 * row in the form file), which must equal the end of a run's labels (a
 * label broken over several cells or lines is joined back); when it is
 * not found after the row before, anywhere in the section, if only once.
 * Its figures are taken only when the run holds exactly as many as the
 * row has cells, or one fewer when only the row's total is missing (then
 * the total is computed from its parts, as the editor does).  Otherwise
 * the row stays unfilled and the summary says why: a figure is never
 * shifted to another cell. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/import_impl.h"
#include "core/rules.h"

#define MAX_JOIN 8              /* cells a broken label may come in */

typedef struct {
	size_t first_label, nlabels;    /* into the texts */
	size_t first_num, nnums;
	int used;
} run_t;

typedef struct {
	const char **text;      /* every cell of the section, in order */
	char **norm;            /* the same, normalised */
	size_t n;
	run_t *runs;
	size_t nruns;
} cells_t;

static int
is_figure(const char *s)
{
	int64_t v;
	int dec;

	return nb_inum(s, 1, 9, &v, &dec);
}

static void
cells_free(cells_t *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->norm[i]);
	free(c->norm);
	free(c->text);
	free(c->runs);
	memset(c, 0, sizeof *c);
}

static int
collect(const nb_idoc_t *doc, nb_irange_t r, cells_t *c)
{
	size_t i, k, n = 0;

	for (i = r.from; i < r.to; i++)
		n += doc->v[i].n;
	memset(c, 0, sizeof *c);
	if (!(c->text = calloc(n + 1, sizeof *c->text)) ||
	    !(c->norm = calloc(n + 1, sizeof *c->norm)) ||
	    !(c->runs = calloc(n + 1, sizeof *c->runs)))
		return -1;
	for (i = r.from; i < r.to; i++)
		for (k = 0; k < doc->v[i].n; k++) {
			const char *t = doc->v[i].cells[k].text;
			if (!*t)
				continue;       /* an empty cell is no figure */
			c->text[c->n] = t;
			if (!(c->norm[c->n++] = nb_inorm(t)))
				return -1;
		}
	return 0;
}

/* Labels followed by figures, as runs. */
static void
make_runs(cells_t *c)
{
	size_t i = 0;
	run_t *r;

	while (i < c->n) {
		r = &c->runs[c->nruns++];
		r->first_label = i;
		while (i < c->n && !is_figure(c->text[i]))
			i++;
		r->nlabels = i - r->first_label;
		r->first_num = i;
		while (i < c->n && is_figure(c->text[i]))
			i++;
		r->nnums = i - r->first_num;
	}
}

/* Whether labels [from, from + k) of the section, joined, are `want`, or
 * its start when they run on into the labels after the figures (a label
 * wrapped inside its cell, drawn as a row of its own: `next` of them). */
static int
joined_is(const cells_t *c, size_t from, size_t k, const run_t *next,
          const char *want)
{
	size_t j, got = 0, len = strlen(want);
	char buf[1024] = "";

	for (j = from; j < from + k; j++) {
		if ((got += strlen(c->norm[j])) >= sizeof buf || got > len)
			return 0;
		strcat(buf, c->norm[j]);
	}
	if (!strcmp(buf, want))
		return 1;
	/* the rest of a wrapped label: one of the next labels (the cells of
	 * other columns may come first), or several in a row */
	for (j = 0; next && j < next->nlabels && j < MAX_JOIN; j++) {
		const char *more = c->norm[next->first_label + j];
		if (got + strlen(more) == len && !strncmp(want, buf, got) &&
		    !strcmp(want + got, more))
			return 1;
	}
	for (j = 0; next && j < next->nlabels && j < MAX_JOIN; j++) {
		if ((got += strlen(c->norm[next->first_label + j])) >= sizeof buf || got > len)
			return 0;
		strcat(buf, c->norm[next->first_label + j]);
		if (!strcmp(buf, want))
			return 1;
	}
	return 0;
}

/* Whether the last 1..MAX_JOIN labels of run r, joined, are `want`. */
static int
ends_with_label(const cells_t *c, const run_t *r, const char *want)
{
	const run_t *next = r + 1 < c->runs + c->nruns ? r + 1 : NULL;
	size_t k;

	for (k = 1; k <= MAX_JOIN && k <= r->nlabels; k++)
		if (joined_is(c, r->first_label + r->nlabels - k, k, next, want))
			return 1;
	return 0;
}

/* The run holding a row: the first after `from` with its label, else the
 * only one anywhere; -1 when none (or more than one and none after). */
static long
find_run(const cells_t *c, size_t from, const char *want)
{
	size_t i;
	long found = -1;

	for (i = from; i < c->nruns; i++)
		if (!c->runs[i].used && ends_with_label(c, &c->runs[i], want))
			return (long)i;
	for (i = 0; i < from && i < c->nruns; i++)
		if (!c->runs[i].used && ends_with_label(c, &c->runs[i], want)) {
			if (found >= 0)
				return -1;
			found = (long)i;
		}
	return found;
}

/* A row of the form's table: its own label and its value cells. */
typedef struct {
	const char *label;      /* NULL for a row of figures only (表四) */
	size_t cells[64];
	size_t n;
} row_t;

static int
row_of(const nb_trow_t *tr, row_t *row)
{
	size_t i;

	row->label = NULL;
	row->n = 0;
	for (i = 0; i < tr->n; i++) {
		if (tr->cells[i].text)
			row->label = tr->cells[i].text;
		else if (row->n < 64)
			row->cells[row->n++] = tr->cells[i].cell;
	}
	return row->n > 0;
}

#define LOOSE_MIN 15            /* bytes: five Chinese characters */

static int
ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), k = strlen(end);

	return k <= n && !strcmp(s + n - k, end);
}

/* Whether a label as published, shorter than the form's (规范性文件 for
 * 行政规范性文件), is the end of `want` and of no other row's label. */
static int
loosely(const nb_table_t *t, const char *want, const char *got)
{
	size_t i;
	row_t row;
	char *w;
	int other = 0;

	if (strlen(got) < LOOSE_MIN || !ends_with(want, got))
		return 0;
	for (i = 0; i < t->nbody && !other; i++)
		if (row_of(&t->body[i], &row) && row.label && (w = nb_inorm(row.label))) {
			other = strcmp(w, want) && ends_with(w, got);
			free(w);
		}
	return !other;
}

/* The first unused run after `from` whose last label is `want` loosely. */
static long
find_loose(const nb_table_t *t, const cells_t *c, size_t from, const char *want)
{
	size_t i;

	for (i = from; i < c->nruns; i++) {
		const run_t *r = &c->runs[i];
		if (!r->used && r->nlabels &&
		    loosely(t, want, c->norm[r->first_label + r->nlabels - 1]))
			return (long)i;
	}
	return -1;
}

static int
set_figure(nb_report_t *rep, size_t cell, const char *text)
{
	const nb_field_t *f = rep->form->cells[cell].field;
	int amount = f->type == NB_T_AMOUNT, dec;
	int64_t v;

	if (!nb_inum(text, amount, amount ? f->decimals : 0, &v, &dec))
		return 0;
	nb_report_set_num(rep, cell, v, dec);
	return 1;
}

/* The row as the form names it: its field's label ("规章" of table 二
 * is the group of its three cells). */
static const char *
row_name(const nb_report_t *rep, const row_t *row, nb_buf_t *b)
{
	const nb_field_t *f = rep->form->cells[row->cells[0]].field;

	nb_buf_init(b);
	if (f->parent && f->parent->flow)
		f = f->parent;
	nb_buf_puts(b, f->label);
	return b->data ? b->data : "?";
}

/* The row's figures with figures j and j + 1 of the run written as one
 * ("1" and "62" as 162); 0 when a cell cannot take them. */
static int
set_joined(const cells_t *c, const run_t *r, const row_t *row, size_t j,
           nb_report_t *rep)
{
	char joined[128];
	size_t i, k = r->first_num;

	for (i = 0; i < row->n; i++, k++) {
		const char *t = c->text[k];
		if (i == j) {
			snprintf(joined, sizeof joined, "%s%s", t, c->text[++k]);
			t = joined;
		}
		if (!set_figure(rep, row->cells[i], t))
			return 0;
	}
	return 1;
}

static void
clear_row(const row_t *row, nb_report_t *rep)
{
	size_t i;

	for (i = 0; i < row->n; i++)
		nb_report_clear(rep, row->cells[i]);
}

/* Whether every rule a row's cells take part in holds (or waits for cells
 * still unfilled). */
static int
rules_hold(const row_t *row, const nb_report_t *rep)
{
	const nb_form_t *F = rep->form;
	size_t i, k, t, n;

	for (i = 0; i < F->nrules; i++)
		for (k = 0; k < F->rules[i].nchecks; k++) {
			const nb_check_t *ch = &F->rules[i].checks[k];
			int mine = 0;
			if (ch->previous || F->rules[i].kind != NB_RULE_SUM)
				continue;
			for (t = 0; t < ch->nlhs + ch->nrhs && !mine; t++) {
				size_t cell = t < ch->nlhs ? ch->lhs[t].cell : ch->rhs[t - ch->nlhs].cell;
				for (n = 0; n < row->n && !mine; n++)
					mine = cell == row->cells[n];
			}
			if (mine && !nb_check_holds(ch, rep, NULL, NULL))
				return 0;
		}
	return 1;
}

/* A run with one figure too many, as when the source broke a number over
 * two lines: joined back only when exactly one join makes the row's sum
 * hold, and then only if the other rules of its cells hold too (checked
 * against the rows read before it, and again once the table is read). */
static int
rejoin(const cells_t *c, const run_t *r, const row_t *row, nb_report_t *rep)
{
	const nb_form_t *F = rep->form;
	size_t total = row->cells[row->n - 1], j, found = 0, at = 0;
	int64_t sum;

	if (!F->cells[total].total)
		return 0;
	for (j = 0; j + 1 < r->nnums; j++) {
		if (set_joined(c, r, row, j, rep) && nb_rules_total(rep, total, &sum) &&
		    sum == rep->values[total].num) {
			found++;
			at = j;
		}
		clear_row(row, rep);
	}
	if (found != 1 || !set_joined(c, r, row, at, rep) || !rules_hold(row, rep)) {
		clear_row(row, rep);
		return 0;
	}
	return 1;
}

/* Takes the figures of a run into a row, if their number is right: one
 * fewer only when the table has no 总计 column (no_total) and the row's
 * last cell is its total, else a figure would move to another column. */
static void
take(const cells_t *c, run_t *r, const row_t *row, int no_total,
     nb_report_t *rep, nb_isummary_t *sum)
{
	const nb_form_t *F = rep->form;
	int total_missing = no_total && r->nnums + 1 == row->n &&
	                    F->cells[row->cells[row->n - 1]].total;
	size_t i, ok = 0, n = total_missing ? row->n - 1 : row->n;
	nb_buf_t b;
	int64_t v;

	r->used = 1;
	if (r->nnums == row->n + 1 && rejoin(c, r, row, rep)) {
		nb_isum_info(sum, "%s：一个数字被断成两行，已按本行总计接回", row_name(rep, row, &b));
		nb_buf_free(&b);
		sum->repaired++;
		return;
	}
	if (r->nnums != row->n && !total_missing) {
		nb_isum_left(sum, "%s：应有 %zu 个数字，找到 %zu 个，未填", row_name(rep, row, &b),
		             row->n, r->nnums);
		nb_buf_free(&b);
		return;
	}
	for (i = 0; i < n; i++)
		ok += set_figure(rep, row->cells[i], c->text[r->first_num + i]);
	if (ok < n) {                   /* a figure the cell cannot take */
		for (i = 0; i < n; i++)
			nb_report_clear(rep, row->cells[i]);
		nb_isum_left(sum, "%s：数字不合要求（如金额的小数位数），未填", row_name(rep, row, &b));
		nb_buf_free(&b);
		return;
	}
	if (total_missing && nb_rules_total(rep, row->cells[row->n - 1], &v)) {
		nb_report_set_num(rep, row->cells[row->n - 1], v, 0);
		nb_isum_info(sum, "%s：未印出总计，已按各项计算", row_name(rep, row, &b));
		nb_buf_free(&b);
	}
}

/* Whether the section shows a 总计 column: a label with 总计 in it that
 * is no row's own label ("（七）总计" is a row). */
static int
has_total_column(const nb_table_t *t, const cells_t *c)
{
	size_t i, j;
	row_t row;
	int row_label;
	char *w;

	for (i = 0; i < c->n; i++) {
		if (is_figure(c->text[i]) || !strstr(c->norm[i], "总计"))
			continue;
		row_label = 0;
		for (j = 0; j < t->nbody && !row_label; j++)
			if (row_of(&t->body[j], &row) && row.label && (w = nb_inorm(row.label))) {
				row_label = !strcmp(w, c->norm[i]);
				free(w);
			}
		if (!row_label)
			return 1;
	}
	return 0;
}

/* The rows joined back, checked again now that every row is read. */
static void
recheck(const nb_table_t *t, const unsigned char *joined, nb_report_t *rep,
        nb_isummary_t *sum)
{
	size_t i;
	row_t row;
	nb_buf_t b;

	for (i = 0; i < t->nbody; i++) {
		if (!joined[i] || !row_of(&t->body[i], &row) || rules_hold(&row, rep))
			continue;
		clear_row(&row, rep);
		nb_isum_left(sum, "%s：断行的数字接回后勾稽关系不成立，未填", row_name(rep, &row, &b));
		nb_buf_free(&b);
	}
}

static int
read_rows(const nb_table_t *t, cells_t *c, nb_report_t *rep, nb_isummary_t *sum)
{
	unsigned char *joined = calloc(t->nbody + 1, 1);
	size_t i, from = 0;
	int before;
	int no_total = !has_total_column(t, c);
	row_t row;
	nb_buf_t b;
	long k;
	char *want;

	if (!joined)
		return -1;
	for (i = 0; i < t->nbody; i++) {
		if (!row_of(&t->body[i], &row))
			continue;
		want = row.label ? nb_inorm(row.label) : strdup("");
		if (!want) {
			free(joined);
			return -1;
		}
		k = row.label ? find_run(c, from, want) : -1;
		if (row.label && k < 0)
			k = find_loose(t, c, from, want);
		if (!row.label)         /* figures only: the first run of as many */
			for (k = (long)from; k < (long)c->nruns && c->runs[k].nnums != row.n; k++)
				;
		free(want);
		if (k < 0 || k >= (long)c->nruns) {
			nb_isum_left(sum, "%s：未找到这一行，未填", row_name(rep, &row, &b));
			nb_buf_free(&b);
			continue;
		}
		before = sum->repaired;
		take(c, &c->runs[k], &row, no_total, rep, sum);
		joined[i] = sum->repaired != before;
		from = (size_t)k + 1;
	}
	recheck(t, joined, rep, sum);
	free(joined);
	return 0;
}

int
nb_import_table(const nb_table_t *t, const nb_idoc_t *doc, nb_irange_t r,
                nb_report_t *rep, nb_isummary_t *sum)
{
	cells_t c;
	int rc = -1;

	if (collect(doc, r, &c) == 0) {
		make_runs(&c);
		rc = read_rows(t, &c, rep, sum);
	}
	cells_free(&c);
	return rc;
}
