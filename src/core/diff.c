#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diff.h"
#include "core/number.h"

/* Past this many cells the table of the longest common subsequence is not
 * built (4 MB); the paragraphs between the common start and end are then
 * taken as rewritten in order. */
#define LCS_MAX_CELLS (1u << 20)

void
nb_diffs_init(nb_diffs_t *d)
{
	memset(d, 0, sizeof *d);
}

void
nb_diffs_free(nb_diffs_t *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].item);
		free(d->v[i].old);
		free(d->v[i].new);
	}
	free(d->v);
	nb_diffs_init(d);
}

typedef struct {
	const nb_report_t *a, *b;
	nb_diffs_t *out;
	size_t cell;
	const nb_section_t *section;
	const char *item;       /* the subsection being compared, or NULL */
} differ_t;

static const nb_section_t *
section_of(const nb_form_t *F, size_t cell)
{
	size_t s, k;

	for (s = 0; s < F->nsections; s++)
		for (k = 0; k < F->sections[s].nfields; k++) {
			const nb_field_t *f = F->sections[s].fields[k];
			if (cell >= f->cell && cell < f->cell + f->ncells)
				return &F->sections[s];
		}
	return NULL;
}

/* A copy of n bytes of s, or NULL for no text: *failed is set when out of
 * memory. */
static char *
copy(const char *s, size_t n, int *failed)
{
	char *t;

	if (!s)
		return NULL;
	if (!(t = malloc(n + 1))) {
		*failed = 1;
		return NULL;
	}
	memcpy(t, s, n);
	t[n] = '\0';
	return t;
}

/* Appends a difference; old/new are n bytes each (NULL: none). */
static int
add(differ_t *D, nb_diff_kind_t kind, const char *old, size_t nold,
    const char *new, size_t nnew, nb_diff_t **added)
{
	nb_diffs_t *o = D->out;
	nb_diff_t *d;
	int failed = 0;

	if (o->n == o->cap) {
		size_t cap = o->cap ? 2 * o->cap : 32;
		if (!(d = realloc(o->v, cap * sizeof *d)))
			return -1;
		o->v = d;
		o->cap = cap;
	}
	d = &o->v[o->n];
	memset(d, 0, sizeof *d);
	d->kind = kind;
	d->cell = D->cell;
	d->section = D->section;
	d->item = copy(D->item, D->item ? strlen(D->item) : 0, &failed);
	d->old = copy(old, nold, &failed);
	d->new = copy(new, nnew, &failed);
	o->n++;
	if (added)
		*added = d;
	return failed ? -1 : 0;
}

static int
add_str(differ_t *D, nb_diff_kind_t kind, const char *old, const char *new)
{
	return add(D, kind, old, old ? strlen(old) : 0, new, new ? strlen(new) : 0,
	           NULL);
}

/* ---- figures and one-line fields ---- */

static void
figure_text(const nb_field_t *f, const nb_value_t *v, char *buf)
{
	if (f->type == NB_T_AMOUNT)
		nb_amount_format(v->num, v->decimals, buf);
	else
		snprintf(buf, 32, "%lld", (long long)v->num);
}

static int
diff_figure(differ_t *D, nb_diff_kind_t kind)
{
	const nb_field_t *f = D->a->form->cells[D->cell].field;
	const nb_value_t *x = &D->a->values[D->cell], *y = &D->b->values[D->cell];
	char old[32], new[32];
	nb_diff_t *d;

	if (x->filled == y->filled && (!x->filled || x->num == y->num))
		return 0;
	figure_text(f, x, old);
	figure_text(f, y, new);
	if (add_str(D, kind, x->filled ? old : NULL, y->filled ? new : NULL) < 0)
		return -1;
	d = &D->out->v[D->out->n - 1];
	d->num_old = x->filled ? x->num : 0;
	d->num_new = y->filled ? y->num : 0;
	return 0;
}

static int
diff_line(differ_t *D, nb_diff_kind_t kind)
{
	const char *x = D->a->values[D->cell].text, *y = D->b->values[D->cell].text;

	if (!strcmp(x ? x : "", y ? y : ""))
		return 0;
	return add_str(D, kind, x && *x ? x : NULL, y && *y ? y : NULL);
}

/* ---- paragraphs ---- */

typedef struct {
	const char *s;
	size_t len;
} para_t;

/* The non-empty lines of a text; *n gets their number.  NULL with *n 0
 * for none; -1 out of memory. */
static int
split(const char *text, para_t **out, size_t *n)
{
	const char *p = text ? text : "", *e;
	size_t cap = 0;
	para_t *v = NULL, *w;

	*n = 0;
	for (; *p; p = *e ? e + 1 : e) {
		e = strchr(p, '\n');
		if (!e)
			e = p + strlen(p);
		if (strspn(p, " \t") >= (size_t)(e - p))
			continue;
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			if (!(w = realloc(v, cap * sizeof *w))) {
				free(v);
				return -1;
			}
			v = w;
		}
		v[*n].s = p;
		v[(*n)++].len = (size_t)(e - p);
	}
	*out = v;
	return 0;
}

static int
para_eq(const para_t *x, const para_t *y)
{
	return x->len == y->len && !memcmp(x->s, y->s, x->len);
}

/* One step of the walk through two lists of paragraphs. */
typedef enum { OP_SAME, OP_DEL, OP_INS } op_t;

/* The steps that turn x[0..n) into y[0..m), by the longest common
 * subsequence; *steps gets n + m at most.  -1 out of memory. */
static int
lcs_steps(const para_t *x, size_t n, const para_t *y, size_t m, op_t *ops,
          size_t *steps)
{
	uint32_t *L = NULL;
	size_t i = 0, j = 0, k = 0, w = m + 1;

	if (n && m && (uint64_t)(n + 1) * w <= LCS_MAX_CELLS) {
		/* L[i*w+j]: the length of the LCS of x[i..n) and y[j..m) */
		if (!(L = calloc((n + 1) * w, sizeof *L)))
			return -1;
		for (i = n; i-- > 0;)
			for (j = m; j-- > 0;) {
				uint32_t down = L[(i + 1) * w + j], right = L[i * w + j + 1];
				L[i * w + j] = para_eq(&x[i], &y[j]) ? L[(i + 1) * w + j + 1] + 1
				             : down > right ? down : right;
			}
		i = j = 0;
	}
	while (i < n || j < m) {
		if (L && i < n && j < m && para_eq(&x[i], &y[j])) {
			ops[k++] = OP_SAME;
			i++, j++;
		} else if (i < n && (j == m || !L || L[(i + 1) * w + j] >= L[i * w + j + 1])) {
			ops[k++] = OP_DEL;
			i++;
		} else {
			ops[k++] = OP_INS;
			j++;
		}
	}
	free(L);
	*steps = k;
	return 0;
}

static int
add_para(differ_t *D, nb_diff_kind_t kind, const para_t *x, size_t xi,
         const para_t *y, size_t yi)
{
	nb_diff_t *d;

	if (add(D, kind, x ? x->s : NULL, x ? x->len : 0, y ? y->s : NULL,
	        y ? y->len : 0, &d) < 0)
		return -1;
	d->para_old = x ? xi + 1 : 0;
	d->para_new = y ? yi + 1 : 0;
	return 0;
}

/* A run of ndel paragraphs removed at x[i] and nins added at y[j]: paired
 * as rewritten, the rest removed or added. */
static int
emit_run(differ_t *D, const para_t *x, size_t i, size_t ndel, const para_t *y,
         size_t j, size_t nins)
{
	size_t k;

	for (k = 0; k < ndel || k < nins; k++) {
		int rc = k < ndel && k < nins
		         ? add_para(D, NB_DIFF_CHANGED, &x[i + k], i + k, &y[j + k], j + k)
		         : k < ndel ? add_para(D, NB_DIFF_REMOVED, &x[i + k], i + k, NULL, 0)
		                    : add_para(D, NB_DIFF_ADDED, NULL, 0, &y[j + k], j + k);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* The steps of x against y, with the common start and end skipped. */
static int
walk_paras(differ_t *D, const para_t *x, size_t n, const para_t *y, size_t m)
{
	size_t head = 0, tail = 0, steps, k, i, j;
	op_t *ops;
	int rc = 0;

	while (head < n && head < m && para_eq(&x[head], &y[head]))
		head++;
	while (tail < n - head && tail < m - head &&
	       para_eq(&x[n - 1 - tail], &y[m - 1 - tail]))
		tail++;
	if (!(ops = malloc((n + m - 2 * head - 2 * tail + 1) * sizeof *ops)) ||
	    lcs_steps(x + head, n - head - tail, y + head, m - head - tail, ops,
	              &steps) < 0) {
		free(ops);
		return -1;
	}
	for (k = 0, i = head, j = head; k < steps && rc == 0;) {
		size_t ndel = 0, nins = 0;
		if (ops[k] == OP_SAME) {
			k++, i++, j++;
			continue;
		}
		for (; k < steps && ops[k] != OP_SAME; k++)
			ops[k] == OP_DEL ? ndel++ : nins++;
		rc = emit_run(D, x, i, ndel, y, j, nins);
		i += ndel;
		j += nins;
	}
	free(ops);
	return rc;
}

static int
diff_text(differ_t *D, const char *old, const char *new)
{
	para_t *x = NULL, *y = NULL;
	size_t n, m;
	int rc = -1;

	if (!strcmp(old ? old : "", new ? new : ""))
		return 0;
	if (split(old, &x, &n) == 0 && split(new, &y, &m) == 0)
		rc = walk_paras(D, x, n, y, m);
	free(x);
	free(y);
	return rc;
}

/* ---- subsections, by title ---- */

/* The first of b's items titled like it that is not matched yet. */
static size_t
match_title(const nb_value_t *b, const char *title, const char *taken)
{
	size_t j;

	for (j = 0; j < b->nitems; j++)
		if (!taken[j] && !strcmp(b->items[j].title, title))
			return j;
	return b->nitems;
}

static int
item_alone(differ_t *D, nb_diff_kind_t kind, const nb_item_t *it)
{
	int removed = kind == NB_DIFF_ITEM_REMOVED;

	D->item = it->title;
	if (add_str(D, kind, removed ? it->title : NULL, removed ? NULL : it->title) < 0)
		return -1;
	return removed ? diff_text(D, it->text, NULL) : diff_text(D, NULL, it->text);
}

static int
diff_items(differ_t *D)
{
	const nb_value_t *a = &D->a->values[D->cell], *b = &D->b->values[D->cell];
	char *taken = calloc(b->nitems + 1, 1);
	size_t i, j;
	int rc = 0;

	if (!taken)
		return -1;
	for (i = 0; i < a->nitems && rc == 0; i++) {
		j = match_title(b, a->items[i].title, taken);
		if (j == b->nitems) {
			rc = item_alone(D, NB_DIFF_ITEM_REMOVED, &a->items[i]);
			continue;
		}
		taken[j] = 1;
		D->item = a->items[i].title;
		rc = diff_text(D, a->items[i].text, b->items[j].text);
	}
	for (j = 0; j < b->nitems && rc == 0; j++)
		if (!taken[j])
			rc = item_alone(D, NB_DIFF_ITEM_ADDED, &b->items[j]);
	D->item = NULL;
	free(taken);
	return rc;
}

/* ---- the whole ---- */

static int
is_identity(const nb_form_t *F, size_t cell)
{
	return (F->org_field && F->org_field->cell == cell) ||
	       (F->year_field && F->year_field->cell == cell);
}

static int
diff_cell(differ_t *D)
{
	const nb_report_t *a = D->a, *b = D->b;

	switch (a->form->cells[D->cell].field->type) {
	case NB_T_COUNT:
	case NB_T_AMOUNT:
	case NB_T_ROW:
	case NB_T_YEAR:
		return diff_figure(D, NB_DIFF_FIGURE);
	case NB_T_LINE:
		return diff_line(D, NB_DIFF_LINE);
	case NB_T_TEXT:
		return diff_text(D, a->values[D->cell].text, b->values[D->cell].text);
	case NB_T_ITEMS:
		return diff_items(D);
	default:                /* the format: one form, one format */
		return 0;
	}
}

static int
diff_identity(differ_t *D, const nb_field_t *f)
{
	if (!f)
		return 0;
	D->cell = f->cell;
	D->section = section_of(D->a->form, f->cell);
	return f->type == NB_T_YEAR ? diff_figure(D, NB_DIFF_IDENTITY)
	                            : diff_line(D, NB_DIFF_IDENTITY);
}

int
nb_diff(const nb_report_t *a, const nb_report_t *b, nb_diffs_t *out)
{
	const nb_form_t *F = a->form;
	differ_t D = { a, b, out, 0, NULL, NULL };
	size_t i;

	if (diff_identity(&D, F->org_field) < 0 || diff_identity(&D, F->year_field) < 0)
		return -1;
	for (i = 0; i < F->ncells; i++) {
		if (is_identity(F, i))
			continue;
		D.cell = i;
		D.section = section_of(F, i);
		if (diff_cell(&D) < 0)
			return -1;
	}
	return 0;
}

/* ---- for the reader ---- */

/* The change from old to new in percent with one decimal, rounded half
 * away from zero; old is not 0.  new is never negative, so the change is
 * never below -100%, but a rise can pass 64 bits in tenths. */
static void
percent(int64_t old, int64_t new, char *buf)
{
	__int128 t = ((__int128)new - old) * 1000;
	__int128 q = (t + (t < 0 ? -(__int128)(old / 2) : (__int128)(old / 2))) / old;
	unsigned __int128 m = (unsigned __int128)(q < 0 ? -q : q), whole = m / 10;
	const unsigned long long e18 = 1000000000000000000ULL;
	char sign = q < 0 ? '-' : '+';

	if (whole >= e18)
		snprintf(buf, 32, "%c%llu%018llu.%u%%", sign,
		         (unsigned long long)(whole / e18),
		         (unsigned long long)(whole % e18), (unsigned)(m % 10));
	else
		snprintf(buf, 32, "%c%llu.%u%%", sign, (unsigned long long)whole,
		         (unsigned)(m % 10));
}

void
nb_diff_change(const nb_diff_t *d, char *buf)
{
	buf[0] = '\0';
	if (d->kind != NB_DIFF_FIGURE)
		return;
	if (!d->new)
		snprintf(buf, 32, "未填");
	else if (!d->old)
		snprintf(buf, 32, "原未填");
	else if (d->num_old == 0)
		snprintf(buf, 32, "新增");
	else
		percent(d->num_old, d->num_new, buf);
}

const char *
nb_diff_kind_name(nb_diff_kind_t kind)
{
	static const char *const names[] = {
		"identity", "figure", "line", "removed", "added", "changed",
		"item-removed", "item-added"
	};

	return kind < sizeof names / sizeof names[0] ? names[kind] : "?";
}
