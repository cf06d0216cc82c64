#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/misplaced.h"
#include "core/number.h"
#include "core/rules.h"

void
nb_findings_init(nb_findings_t *f)
{
	memset(f, 0, sizeof *f);
}

void
nb_findings_free(nb_findings_t *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free(f->v[i].message);
	free(f->v);
	nb_findings_init(f);
}

/* Notes count unfilled cells only: a "misplaced" note (pair[0] set) is
 * a hint about a figure that is there, not a cell still to fill. */
static void
count(nb_findings_t *out, const nb_finding_t *f)
{
	switch (f->severity) {
	case NB_SEV_ERROR:      out->errors++; break;
	case NB_SEV_WARNING:    out->warnings++; break;
	case NB_SEV_SUGGESTION: out->suggestions++; break;
	default:                out->notes += !f->pair[0]; break;
	}
}

int
nb_findings_put(nb_findings_t *out, const nb_report_t *r, nb_finding_t f)
{
	nb_finding_t *v;

	if (!f.message)
		return -1;
	if (out->n == out->cap) {
		size_t cap = out->cap ? 2 * out->cap : 32;
		if (!(v = realloc(out->v, cap * sizeof *v))) {
			free(f.message);
			return -1;
		}
		out->v = v;
		out->cap = cap;
	}
	if (!f.in_text) {
		f.line = r->values[f.cell].line;
		f.col = r->values[f.cell].col;
		f.item = -1;
	}
	out->v[out->n++] = f;
	count(out, &f);
	return 0;
}

void
nb_findings_recount(nb_findings_t *f)
{
	size_t i;

	f->errors = f->warnings = f->suggestions = f->notes = 0;
	for (i = 0; i < f->n; i++)
		count(f, &f->v[i]);
}

static int
add(nb_findings_t *out, const nb_report_t *r, nb_severity_t sev,
    const char *id, const nb_check_t *c, size_t cell, char *msg)
{
	nb_finding_t f;

	memset(&f, 0, sizeof f);
	f.severity = sev;
	f.rule_id = id;
	f.check = c;
	f.cell = cell;
	f.message = msg;
	return nb_findings_put(out, r, f);
}

int
nb_findings_add(nb_findings_t *f, const nb_report_t *r, nb_severity_t sev,
                const char *rule_id, size_t cell, char *message)
{
	if (add(f, r, sev, rule_id, NULL, cell, message) < 0)
		return -1;
	nb_findings_sort(f);
	return 0;
}

const char *
nb_severity_name(nb_severity_t sev)
{
	static const char *const names[] = { "note", "suggestion", "warning", "error" };

	return names[sev];
}

char *
nb_rule_wording(const char *message)
{
	const char *p = message, *end;
	nb_buf_t b;

	nb_buf_init(&b);
	while (*p) {
		if (*p == '{' && (end = strchr(p, '}'))) {
			nb_buf_puts(&b, "…");
			p = end + 1;
		} else {
			end = p + 1 + strcspn(p + 1, "{");
			nb_buf_add(&b, p, (size_t)(end - p));
			p = end;
		}
	}
	return nb_buf_take(&b);
}

/* ---- sums ---- */

typedef __int128 wide_t;    /* sums of many int64 values cannot overflow */

static const nb_value_t *
term_value(const nb_term_t *t, const nb_report_t *r, const nb_report_t *prev)
{
	return t->previous ? &prev->values[t->cell] : &r->values[t->cell];
}

/* A side's sum in *sum when every term of it is filled, in one pass
 * over its terms; 0 when one is not (or reads last year's draft, and
 * there is none). */
static int
side_total(const nb_term_t *t, size_t n, const nb_report_t *r,
           const nb_report_t *prev, wide_t *sum)
{
	const nb_value_t *v;
	wide_t s = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (t[i].previous && !prev)
			return 0;
		v = term_value(&t[i], r, prev);
		if (!v->filled)
			return 0;
		s += (wide_t)t[i].sign * v->num;
	}
	*sum = s;
	return 1;
}

static int
side_filled(const nb_term_t *t, size_t n, const nb_report_t *r,
            const nb_report_t *prev)
{
	wide_t ignored;

	return side_total(t, n, r, prev, &ignored);
}

/* The widest number of decimals among the amounts of a side, so that
 * amounts print as entered ("12.5", not "12.500000000"). */
static int
side_decimals(const nb_term_t *t, size_t n, const nb_report_t *r,
              const nb_report_t *prev, int *is_amount)
{
	int d = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		const nb_field_t *f = r->form->cells[t[i].cell].field;
		if (f->type != NB_T_AMOUNT)
			continue;
		*is_amount = 1;
		if (term_value(&t[i], r, prev)->decimals > d)
			d = term_value(&t[i], r, prev)->decimals;
	}
	return d;
}

static void
put_number(nb_buf_t *b, wide_t v, int amount, int decimals)
{
	char tmp[32];
	int neg = v < 0;

	if (neg)
		v = -v;
	if (v > INT64_MAX) {
		nb_buf_puts(b, neg ? "-(超出范围)" : "(超出范围)");
		return;
	}
	if (amount)
		nb_amount_format((int64_t)v, decimals, tmp);
	else
		snprintf(tmp, sizeof tmp, "%lld", (long long)v);
	if (neg)
		nb_buf_puts(b, "-");
	nb_buf_puts(b, tmp);
}

/* "5+2=7", or just "7" for one term; long sides show only the sum, the
 * side's total (side_total). */
static void
describe_side(nb_buf_t *b, const nb_term_t *t, size_t n, const nb_report_t *r,
              const nb_report_t *prev, wide_t sum)
{
	int amount = 0, dec = side_decimals(t, n, r, prev, &amount);
	size_t i;

	if (n > 1 && n <= 8) {
		for (i = 0; i < n; i++) {
			const nb_value_t *v = term_value(&t[i], r, prev);
			if (i || t[i].sign < 0)
				nb_buf_puts(b, t[i].sign < 0 ? "-" : "+");
			put_number(b, v->num, amount, dec);
		}
		nb_buf_puts(b, "=");
	}
	put_number(b, sum, amount, dec);
}

/* A wording with {lhs} and {rhs} filled in; "…" for a side not filled. */
static char *
describe(const char *p, const nb_check_t *c, const nb_report_t *r,
         const nb_report_t *prev)
{
	nb_buf_t b;
	wide_t sum;

	nb_buf_init(&b);
	while (*p) {
		int lhs = !strncmp(p, "{lhs}", 5), rhs = !strncmp(p, "{rhs}", 5);
		const nb_term_t *t = lhs ? c->lhs : c->rhs;
		size_t n = lhs ? c->nlhs : c->nrhs;
		if (!lhs && !rhs) {     /* the wording up to the next brace */
			size_t run = strcspn(p + 1, "{") + 1;

			nb_buf_add(&b, p, run);
			p += run;
			continue;
		}
		if (side_total(t, n, r, prev, &sum))
			describe_side(&b, t, n, r, prev, sum);
		else
			nb_buf_puts(&b, "…");
		p += 5;
	}
	return nb_buf_take(&b);
}

/* ---- text rules ---- */

static int
text_present(const nb_report_t *r, size_t cell)
{
	const nb_value_t *v = &r->values[cell];
	size_t i;

	if (r->form->cells[cell].field->type != NB_T_ITEMS)
		return v->text && v->text[strspn(v->text, " \t\n")];
	if (!v->nitems)
		return 0;
	for (i = 0; i < v->nitems; i++)
		if (!v->items[i].text[strspn(v->items[i].text, " \t\n")])
			return 0;
	return 1;
}

int
nb_check_holds(const nb_check_t *c, const nb_report_t *r,
               const nb_report_t *prev, char **message)
{
	const nb_value_t *v = &r->values[c->lhs[0].cell];
	wide_t lhs, rhs;
	int holds;

	switch (c->rule->kind) {
	case NB_RULE_REQUIRED:
		holds = text_present(r, c->lhs[0].cell);
		break;
	case NB_RULE_MENTIONS:
		holds = !text_present(r, c->lhs[0].cell) ||   /* `required`'s job */
		        strstr(v->text, c->rule->text) != NULL;
		break;
	default:
		if (!side_total(c->lhs, c->nlhs, r, prev, &lhs) ||
		    !side_total(c->rhs, c->nrhs, r, prev, &rhs))
			return 1;
		holds = lhs == rhs;
	}
	if (!holds && message)
		*message = c->rule->kind == NB_RULE_SUM ? describe(c->message, c, r, prev)
		                                         : strdup(c->message);
	return holds;
}

int
nb_check_difference(const nb_check_t *c, const nb_report_t *r,
                    const nb_report_t *prev, int64_t *d)
{
	wide_t lhs, rhs, w;

	if (c->rule->kind != NB_RULE_SUM || !side_total(c->lhs, c->nlhs, r, prev, &lhs) ||
	    !side_total(c->rhs, c->nrhs, r, prev, &rhs))
		return 0;
	w = lhs - rhs;
	if (w > INT64_MAX || w < -INT64_MAX)
		return 0;
	*d = (int64_t)w;
	return 1;
}

char *
nb_check_describe(const nb_check_t *c, const nb_report_t *r,
                  const nb_report_t *prev, int *state)
{
	char *broken = NULL;

	if (!nb_check_holds(c, r, prev, &broken)) {
		*state = 0;
		return broken;
	}
	*state = c->rule->kind != NB_RULE_SUM ||
	         (side_filled(c->lhs, c->nlhs, r, prev) &&
	          side_filled(c->rhs, c->nrhs, r, prev)) ? 1 : -1;
	if (c->rule->kind != NB_RULE_SUM)
		return strdup("");
	return describe(c->holds ? c->holds : "{lhs} = {rhs}", c, r, prev);
}

/* One note per field with unfilled cells: "未填写：… （自然人、其他）". */
static int
note_unfilled(const nb_report_t *r, const nb_field_t *f, nb_findings_t *out)
{
	nb_buf_t b;
	size_t i, first = (size_t)-1, n = 0;

	for (i = 0; i < f->ncells; i++)
		if (!r->values[f->cell + i].filled) {
			if (first == (size_t)-1)
				first = f->cell + i;
			n++;
		}
	if (!n)
		return 0;
	nb_buf_init(&b);
	nb_buf_puts(&b, "未填写：");
	if (f->type != NB_T_ROW)
		nb_cell_name(r->form, f->cell, 0, &b);
	else
		nb_buf_puts(&b, f->short_label);
	if (f->type == NB_T_ROW) {
		nb_buf_puts(&b, "（");
		for (i = 0, n = 0; i < f->ncells; i++)
			if (!r->values[f->cell + i].filled) {
				nb_buf_puts(&b, n++ ? "、" : "");
				nb_buf_puts(&b, f->columns->cols[i].label);
			}
		nb_buf_puts(&b, "）");
	}
	return add(out, r, NB_SEV_NOTE, "unfilled", NULL, first, nb_buf_take(&b));
}

static int
notes(const nb_report_t *r, const nb_field_t *f, nb_findings_t *out)
{
	size_t i;

	if (f->type == NB_T_GROUP) {
		for (i = 0; i < f->nkids; i++)
			if (notes(r, f->kids[i], out) < 0)
				return -1;
		return 0;
	}
	/* paragraphs may be empty: the `required` rules warn about them */
	if (f->type == NB_T_TEXT || f->type == NB_T_ITEMS || f->type == NB_T_FORMAT)
		return 0;
	return note_unfilled(r, f, out);
}

/* By cell, a sentence by its subsection and its place in the text; then
 * the gravest first. */
static int
by_place(const void *a, const void *b)
{
	const nb_finding_t *x = a, *y = b;

	if (x->cell != y->cell)
		return x->cell < y->cell ? -1 : 1;
	if (x->in_text != y->in_text)
		return x->in_text - y->in_text;
	if (x->item != y->item)
		return x->item < y->item ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->severity != y->severity)
		return x->severity > y->severity ? -1 : 1;
	return strcmp(x->rule_id, y->rule_id);
}

void
nb_findings_sort(nb_findings_t *f)
{
	if (f->n)           /* qsort(NULL, 0) is undefined behaviour */
		qsort(f->v, f->n, sizeof *f->v, by_place);
}

int
nb_rules_eval(const nb_report_t *r, const nb_report_t *prev,
              nb_findings_t *out)
{
	const nb_form_t *F = r->form;
	size_t i, k;
	char *msg;

	for (i = 0; i < F->nrules; i++) {
		const nb_rule_t *rule = &F->rules[i];
		for (k = 0; k < rule->nchecks; k++) {
			const nb_check_t *c = &rule->checks[k];
			if (c->previous && !prev)
				continue;
			msg = NULL;
			if (nb_check_holds(c, r, prev, &msg))
				continue;
			if (add(out, r, rule->severity, rule->id, c, c->lhs[0].cell, msg) < 0)
				return -1;
		}
	}
	if (notes(r, F->root, out) < 0 || nb_misplaced_find(r, prev, out) < 0)
		return -1;
	nb_findings_sort(out);
	return 0;
}

static int
compute_one(const nb_check_t *c, const nb_report_t *r, int64_t *value)
{
	wide_t s;

	if (!side_total(c->rhs, c->nrhs, r, NULL, &s))
		return 0;
	if (s < 0 || s > INT64_MAX)
		return 0;
	*value = (int64_t)s;
	return 1;
}

void
nb_rules_compute(nb_report_t *r)
{
	const nb_form_t *F = r->form;
	size_t i, k;
	int64_t v;

	for (i = 0; i < F->nrules; i++) {
		if (!F->rules[i].computes)
			continue;
		for (k = 0; k < F->rules[i].nchecks; k++) {
			const nb_check_t *c = &F->rules[i].checks[k];
			if (compute_one(c, r, &v))
				nb_report_set_num(r, c->lhs[0].cell, v, 0);
			else
				nb_report_clear(r, c->lhs[0].cell);
		}
	}
}

const nb_check_t *
nb_rules_computing(const nb_form_t *F, size_t cell)
{
	size_t i, k;

	for (i = 0; i < F->nrules; i++) {
		if (!F->rules[i].computes)
			continue;
		for (k = 0; k < F->rules[i].nchecks; k++)
			if (F->rules[i].checks[k].lhs[0].cell == cell)
				return &F->rules[i].checks[k];
	}
	return NULL;
}

int
nb_rules_total(const nb_report_t *r, size_t cell, int64_t *value)
{
	const nb_check_t *c = nb_rules_computing(r->form, cell);

	return c ? compute_one(c, r, value) : 0;
}
