/* The rules part of a form file: templates expanded into checks. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "core/form_load.h"
#include "core/ytree.h"

#define MAX_FOR 256

/* What a rule's `for` runs over: values put into terms, names put into
 * messages. */
typedef struct {
	const char *var;              /* "{c}" */
	const char *vals[MAX_FOR];
	const char *names[MAX_FOR];
	size_t n;
} loop_t;

/* "{var}" replaced by `val` everywhere in s. */
static const char *
subst(nb_formload_t *L, const char *s, const char *var, const char *val)
{
	nb_buf_t b;
	const char *p, *hit, *r;

	if (!var)
		return s;
	nb_buf_init(&b);
	for (p = s; (hit = strstr(p, var)); p = hit + strlen(var)) {
		nb_buf_add(&b, p, (size_t)(hit - p));
		nb_buf_puts(&b, val);
	}
	nb_buf_puts(&b, p);
	r = b.failed ? NULL : nb_fl_dup(L, b.data);
	nb_buf_free(&b);
	if (!r)
		nb_error_set(L->err, L->file, 0, 0, "内存不足");
	return r;
}

static int
add_loop_value(nb_formload_t *L, const nb_ynode_t *at, loop_t *lp, const char *val,
               const char *name)
{
	if (lp->n >= MAX_FOR)
		return nb_fl_bad(L, at, "for 的取值太多");
	lp->vals[lp->n] = val;
	lp->names[lp->n++] = name;
	return 0;
}

static int
collect_rows(nb_formload_t *L, const nb_ynode_t *at, const nb_field_t *f, loop_t *lp)
{
	size_t i;

	if (f->type == NB_T_ROW)
		return add_loop_value(L, at, lp, f->path, f->short_label);
	for (i = 0; i < f->nkids; i++)
		if (collect_rows(L, at, f->kids[i], lp) < 0)
			return -1;
	return 0;
}

static int
loop_over(nb_formload_t *L, const nb_ynode_t *spec, loop_t *lp)
{
	const nb_ynode_t *v;
	const nb_colset_t *cs;
	const nb_field_t *f;
	char num[24];
	size_t i;

	if (spec->type == NB_Y_SEQ) {
		for (i = 0; i < spec->n; i++) {
			v = spec->kids[i];
			if (v->type != NB_Y_SCALAR || !(f = nb_form_field(L->form, v->str)))
				return nb_fl_bad(L, v, "for：没有字段“%s”",
				           v->type == NB_Y_SCALAR ? v->str : "?");
			if (add_loop_value(L, v, lp, f->path, f->short_label) < 0)
				return -1;
		}
		return 0;
	}
	if ((v = nb_ymap_get(spec, "columns"))) {
		if (v->type != NB_Y_SCALAR || !(cs = nb_form_colset(L->form, v->str)))
			return nb_fl_bad(L, v, "for：没有列集");
		for (i = 0; i < cs->n; i++) {
			snprintf(num, sizeof num, "%zu", i);
			if (add_loop_value(L, v, lp, nb_fl_dup(L, num), cs->cols[i].label) < 0)
				return -1;
		}
		return 0;
	}
	if ((v = nb_ymap_get(spec, "rows"))) {
		if (v->type != NB_Y_SCALAR || !(f = nb_form_field(L->form, v->str)))
			return nb_fl_bad(L, v, "for：没有字段");
		return collect_rows(L, v, f, lp);
	}
	return nb_fl_bad(L, spec, "for 的取值应为列表、{columns: 列集} 或 {rows: 字段}");
}

static int
load_loop(nb_formload_t *L, const nb_ynode_t *rule, loop_t *lp)
{
	const nb_ynode_t *m = nb_ymap_get(rule, "for");
	char var[64];

	lp->var = NULL;
	lp->n = 0;
	if (!m)
		return add_loop_value(L, rule, lp, "", "");
	if (m->type != NB_Y_MAP || m->n != 2 || m->kids[0]->type != NB_Y_SCALAR ||
	    strlen(m->kids[0]->str) > 32)
		return nb_fl_bad(L, m, "for 应为只有一个变量的映射");
	snprintf(var, sizeof var, "{%s}", m->kids[0]->str);
	lp->var = nb_fl_dup(L, var);
	return loop_over(L, m->kids[1], lp);
}

int
nb_fl_term(nb_formload_t *L, const nb_ynode_t *at, const char *s, nb_term_t **terms,
         size_t *n, int *previous)
{
	char path[256];
	const nb_field_t *f, *g;
	nb_term_t *t;
	size_t plen, i, nf;
	long col = -1;
	int sign = 1, prev = 0, glob = 0;

	if (*s == '-')
		sign = -1, s++;
	if (!strncmp(s, "previous:", 9))
		prev = 1, s += 9;
	plen = strcspn(s, "[");
	if (plen >= sizeof path)
		return nb_fl_bad(L, at, "项“%s”太长", s);
	memcpy(path, s, plen);
	path[plen] = '\0';
	if (s[plen] == '[') {
		char *end;
		col = strtol(s + plen + 1, &end, 10);
		if (end == s + plen + 1 || strcmp(end, "]") || col < 0)
			return nb_fl_bad(L, at, "项“%s”的列号不对", s);
	}
	if (plen > 2 && !strcmp(path + plen - 2, ".*"))
		glob = 1, path[plen - 2] = '\0';
	if (!(f = nb_form_field(L->form, path)))
		return nb_fl_bad(L, at, "项中没有字段“%s”", path);
	nf = glob ? f->nkids : 1;
	if (!(t = realloc(*terms, (*n + nf) * sizeof *t)))
		return nb_error_set(L->err, L->file, 0, 0, "内存不足");
	*terms = t;
	for (i = 0; i < nf; i++) {
		g = glob ? f->kids[i] : f;
		if (col >= 0 && (g->type != NB_T_ROW || (size_t)col >= g->ncells))
			return nb_fl_bad(L, at, "“%s”没有这一列", g->path);
		if (col < 0 && g->type != NB_T_COUNT && g->type != NB_T_AMOUNT &&
		    g->type != NB_T_YEAR)
			return nb_fl_bad(L, at, "“%s”不是一个数字，需要指明列号 [n]", g->path);
		t[*n].cell = g->cell + (col >= 0 ? (size_t)col : 0);
		t[*n].sign = sign;
		t[*n].previous = prev;
		(*n)++;
	}
	*previous |= prev;
	return 0;
}

/* Copies a term list built with realloc into the arena. */
static nb_term_t *
keep_terms(nb_formload_t *L, nb_term_t *terms, size_t n)
{
	nb_term_t *p = nb_fl_alloc(L, n, sizeof *p);

	if (p)
		memcpy(p, terms, n * sizeof *p);
	free(terms);
	return p;
}

static int
load_side(nb_formload_t *L, const nb_ynode_t *rule, const char *key, const loop_t *lp,
          size_t k, nb_term_t **out, size_t *n, int *previous)
{
	const nb_ynode_t *list = nb_fl_node(L, rule, key, NB_Y_SEQ);
	nb_term_t *terms = NULL;
	const char *s;
	size_t i;

	*n = 0;
	if (!list || !list->n)
		return list ? nb_fl_bad(L, list, "“%s”不能为空", key) : -1;
	for (i = 0; i < list->n; i++) {
		if (list->kids[i]->type != NB_Y_SCALAR) {
			free(terms);
			return nb_fl_bad(L, list->kids[i], "项应为文字");
		}
		s = subst(L, list->kids[i]->str, lp->var, lp->vals[k]);
		if (!s || nb_fl_term(L, list->kids[i], s, &terms, n, previous) < 0) {
			free(terms);
			return -1;
		}
	}
	*out = keep_terms(L, terms, *n);
	return *out ? 0 : -1;
}

/* A sum adds like with like: amounts (kept in 1e-9 units) with amounts,
 * counts with counts; a total the editor computes is a count, as it is
 * written without decimals. */
static int
check_types(nb_formload_t *L, const nb_ynode_t *m, const nb_rule_t *r,
            const nb_check_t *c)
{
	const nb_form_t *F = L->form;
	size_t i, n = c->nlhs + c->nrhs;
	int amounts = 0;

	for (i = 0; i < n; i++) {
		const nb_term_t *t = i < c->nlhs ? &c->lhs[i] : &c->rhs[i - c->nlhs];
		amounts += F->cells[t->cell].field->type == NB_T_AMOUNT;
	}
	if (amounts && r->computes)
		return nb_fl_bad(L, m, "规则“%s”：computes 只能计算件数，不能计算金额", r->id);
	if (amounts && amounts != (int)n)
		return nb_fl_bad(L, m, "规则“%s”把金额和件数加在一起", r->id);
	return 0;
}

static int
load_sum_checks(nb_formload_t *L, const nb_ynode_t *m, nb_rule_t *r, const loop_t *lp,
                const char *msg)
{
	const char *holds;
	size_t k;

	if (nb_fl_str(L, m, "holds", 0, &holds) < 0)
		return -1;
	for (k = 0; k < lp->n; k++) {
		nb_check_t *c = &r->checks[k];
		c->rule = r;
		if (load_side(L, m, "lhs", lp, k, &c->lhs, &c->nlhs, &c->previous) < 0 ||
		    load_side(L, m, "rhs", lp, k, &c->rhs, &c->nrhs, &c->previous) < 0 ||
		    !(c->message = subst(L, msg, lp->var, lp->names[k])) ||
		    (holds && !(c->holds = subst(L, holds, lp->var, lp->names[k]))))
			return -1;
		if (r->computes && (c->nlhs != 1 || c->previous))
			return nb_fl_bad(L, m, "computes 规则的 lhs 只能是一个本年的格");
		if (check_types(L, m, r, c) < 0)
			return -1;
	}
	return 0;
}

/* `required` and `mentions`: one check per text field. */
static int
load_text_checks(nb_formload_t *L, const nb_ynode_t *m, nb_rule_t *r, const char *msg)
{
	const nb_ynode_t *list = r->kind == NB_RULE_REQUIRED
	                         ? nb_fl_node(L, m, "fields", NB_Y_SEQ)
	                         : nb_ymap_get(m, "field");
	size_t k, n = r->kind == NB_RULE_REQUIRED && list ? list->n : 1;
	const nb_field_t *f;

	if (!list)
		return nb_fl_bad(L, m, "缺少“%s”", r->kind == NB_RULE_REQUIRED ? "fields" : "field");
	if (r->kind == NB_RULE_MENTIONS && nb_fl_str(L, m, "text", 1, &r->text) < 0)
		return -1;
	r->nchecks = n;
	if (!(r->checks = nb_fl_alloc(L, n, sizeof *r->checks)))
		return -1;
	for (k = 0; k < n; k++) {
		const nb_ynode_t *p = list->type == NB_Y_SEQ ? list->kids[k] : list;
		nb_check_t *c = &r->checks[k];
		if (p->type != NB_Y_SCALAR || !(f = nb_form_field(L->form, p->str)) ||
		    (f->type != NB_T_TEXT && f->type != NB_T_LINE && f->type != NB_T_ITEMS))
			return nb_fl_bad(L, p, "“%s”不是文字字段",
			           p->type == NB_Y_SCALAR ? p->str : "?");
		c->rule = r;
		if (!(c->lhs = nb_fl_alloc(L, 1, sizeof *c->lhs)))
			return -1;
		c->lhs->cell = f->cell;
		c->lhs->sign = 1;
		c->nlhs = 1;
		if (!(c->message = subst(L, msg, "{field}", f->label)))
			return -1;
	}
	return 0;
}

static int
load_rule(nb_formload_t *L, const nb_ynode_t *m, nb_rule_t *r)
{
	const char *kind, *msg;
	loop_t lp;

	if (m->type != NB_Y_MAP)
		return nb_fl_bad(L, m, "规则应为映射");
	if (nb_fl_str(L, m, "id", 1, &r->id) < 0 ||
	    nb_fl_str(L, m, "kind", 0, &kind) < 0 ||
	    nb_fl_str(L, m, "message", 1, &msg) < 0 ||
	    nb_fl_flag(L, m, "computes", &r->computes) < 0)
		return -1;
	r->message = msg;
	if (nb_fl_severity(L, m, &r->severity) < 0)
		return -1;
	if (kind && !strcmp(kind, "required"))
		r->kind = NB_RULE_REQUIRED;
	else if (kind && !strcmp(kind, "mentions"))
		r->kind = NB_RULE_MENTIONS;
	else if (kind && strcmp(kind, "sum"))
		return nb_fl_bad(L, m, "未知的规则类型“%s”（应为 sum、required 或 mentions）", kind);
	if (r->kind != NB_RULE_SUM)
		return load_text_checks(L, m, r, msg);
	if (load_loop(L, m, &lp) < 0)
		return -1;
	r->nchecks = lp.n;
	if (!(r->checks = nb_fl_alloc(L, lp.n, sizeof *r->checks)))
		return -1;
	return load_sum_checks(L, m, r, &lp, msg);
}

int
nb_fl_rules(nb_formload_t *L, const nb_ynode_t *root)
{
	const nb_ynode_t *list = nb_fl_node(L, root, "rules", NB_Y_SEQ);
	nb_form_t *F = L->form;
	size_t i, j;

	if (!list)
		return -1;
	F->nrules = list->n;
	if (!(F->rules = nb_fl_alloc(L, list->n, sizeof *F->rules)))
		return -1;
	for (i = 0; i < list->n; i++) {
		if (load_rule(L, list->kids[i], &F->rules[i]) < 0)
			return -1;
		for (j = 0; j < i; j++)
			if (!strcmp(F->rules[j].id, F->rules[i].id))
				return nb_fl_bad(L, list->kids[i], "规则 id“%s”重复", F->rules[i].id);
	}
	return 0;
}
