/* The next_year part of a form file: what next year's draft keeps, what
 * it carries over, what it asks to have rewritten (form.h). */

#include "config.h"

#include <string.h>

#include "core/form.h"
#include "core/form_load.h"
#include "core/textcheck.h"
#include "core/ytree.h"

/* The field a path under `key` of m names. */
static const nb_field_t *
field_at(nb_formload_t *L, const nb_ynode_t *m, const char *key)
{
	const nb_ynode_t *v = nb_ymap_get(m, key);
	const nb_field_t *f;
	const char *path;

	if (nb_fl_str(L, m, key, 1, &path) < 0)
		return NULL;
	if (!(f = nb_form_field(L->form, path)))
		nb_fl_bad(L, v, "next_year：没有“%s”这个字段", path);
	return f;
}

/* Each field is written to by one entry of next_year only. */
static int
claim(nb_formload_t *L, const nb_ynode_t *at, const nb_field_t *f,
      const nb_field_t **taken, size_t *ntaken)
{
	size_t i;

	for (i = 0; i < *ntaken; i++)
		if (taken[i] == f)
			return nb_fl_bad(L, at, "next_year：字段“%s”出现了两次", f->path);
	taken[(*ntaken)++] = f;
	return 0;
}

static const nb_ynode_t *
list_of(nb_formload_t *L, const nb_ynode_t *m, const char *key)
{
	const nb_ynode_t *v = nb_ymap_get(m, key);

	if (v && v->type != NB_Y_SEQ)
		nb_fl_bad(L, v, "next_year 的“%s”应为列表", key);
	return v && v->type == NB_Y_SEQ ? v : NULL;
}

static int
load_keep(nb_formload_t *L, const nb_ynode_t *list, const nb_field_t **taken,
          size_t *ntaken)
{
	nb_next_year_t *ny = &L->form->next_year;
	const nb_field_t *f;
	size_t i;

	ny->nkeep = list->n;
	if (!(ny->keep = nb_fl_alloc(L, list->n, sizeof *ny->keep)))
		return -1;
	for (i = 0; i < list->n; i++) {
		const nb_ynode_t *p = list->kids[i];
		if (p->type != NB_Y_SCALAR)
			return nb_fl_bad(L, p, "next_year 的 keep 应为字段路径的列表");
		if (!(f = nb_form_field(L->form, p->str)))
			return nb_fl_bad(L, p, "next_year：没有“%s”这个字段", p->str);
		if (f->type == NB_T_FORMAT || f->type == NB_T_YEAR)
			return nb_fl_bad(L, p, "next_year：“%s”由程序填写，不能列在 keep 中", p->str);
		if (claim(L, p, f, taken, ntaken) < 0)
			return -1;
		ny->keep[i] = f;
	}
	return 0;
}

static int
is_figures(nb_type_t t)
{
	return t == NB_T_COUNT || t == NB_T_AMOUNT || t == NB_T_ROW;
}

static int
load_carry(nb_formload_t *L, const nb_ynode_t *m, nb_carry_t *c,
           const nb_field_t **taken, size_t *ntaken)
{
	if (m->type != NB_Y_MAP)
		return nb_fl_bad(L, m, "next_year 的 carry 每项应为 {from: 路径, to: 路径}");
	if (!(c->from = field_at(L, m, "from")) || !(c->to = field_at(L, m, "to")))
		return -1;
	if (!is_figures(c->from->type) || c->from->type != c->to->type ||
	    c->from->columns != c->to->columns)
		return nb_fl_bad(L, m, "next_year：carry 的“%s”和“%s”应为同一种数字（"
		                 "count、amount，或列相同的 row）", c->from->path, c->to->path);
	if (c->to->total)
		return nb_fl_bad(L, m, "next_year：“%s”是计算出的总计，不能由 carry 填写",
		                 c->to->path);
	return claim(L, m, c->to, taken, ntaken);
}

static int
load_rewrite(nb_formload_t *L, const nb_ynode_t *m, nb_rewrite_t *w,
             const nb_field_t **taken, size_t *ntaken)
{
	nb_textcheck_t bad;
	char what[64];

	if (m->type != NB_Y_MAP)
		return nb_fl_bad(L, m, "next_year 的 rewrite 每项应为 {from: 路径, to: 路径, prompt: 提示}");
	if (!(w->from = field_at(L, m, "from")) || !(w->to = field_at(L, m, "to")) ||
	    nb_fl_str(L, m, "prompt", 1, &w->prompt) < 0)
		return -1;
	if (w->from->type != NB_T_TEXT || w->to->type != NB_T_TEXT)
		return nb_fl_bad(L, m, "next_year：rewrite 的“%s”和“%s”应为段落（text）字段",
		                 w->from->path, w->to->path);
	if (!*w->prompt)
		return nb_fl_bad(L, nb_ymap_get(m, "prompt"), "next_year：rewrite 的 prompt 不能为空");
	if (nb_textcheck(w->prompt, strlen(w->prompt), NB_TEXTCHECK_ONE_LINE, &bad) < 0)
		return nb_fl_bad(L, nb_ymap_get(m, "prompt"), "next_year：rewrite 的 prompt "
		                 "应为一行文字（其中有%s）", nb_textcheck_what(&bad, what, sizeof what));
	return claim(L, m, w->to, taken, ntaken);
}

int
nb_fl_next_year(nb_formload_t *L, const nb_ynode_t *root)
{
	const nb_ynode_t *m = nb_ymap_get(root, "next_year"), *keep, *carry, *rewrite;
	nb_next_year_t *ny = &L->form->next_year;
	const nb_field_t **taken;
	size_t i, ntaken = 0;

	if (!m)
		return 0;
	if (m->type != NB_Y_MAP)
		return nb_fl_bad(L, m, "“%s”应为映射", "next_year");
	keep = list_of(L, m, "keep");
	carry = list_of(L, m, "carry");
	rewrite = list_of(L, m, "rewrite");
	if ((nb_ymap_get(m, "keep") && !keep) || (nb_ymap_get(m, "carry") && !carry) ||
	    (nb_ymap_get(m, "rewrite") && !rewrite))
		return -1;
	ny->ncarry = carry ? carry->n : 0;
	ny->nrewrite = rewrite ? rewrite->n : 0;
	if (!(taken = nb_fl_alloc(L, (keep ? keep->n : 0) + ny->ncarry + ny->nrewrite,
	                          sizeof *taken)) ||
	    !(ny->carry = nb_fl_alloc(L, ny->ncarry, sizeof *ny->carry)) ||
	    !(ny->rewrite = nb_fl_alloc(L, ny->nrewrite, sizeof *ny->rewrite)))
		return -1;
	if (keep && load_keep(L, keep, taken, &ntaken) < 0)
		return -1;
	for (i = 0; i < ny->ncarry; i++)
		if (load_carry(L, carry->kids[i], &ny->carry[i], taken, &ntaken) < 0)
			return -1;
	for (i = 0; i < ny->nrewrite; i++)
		if (load_rewrite(L, rewrite->kids[i], &ny->rewrite[i], taken, &ntaken) < 0)
			return -1;
	ny->given = 1;
	return 0;
}
