/* The `text_checks` part of a form file (content.h): the words, the
 * sentence ends and the checks, their patterns compiled at load so that
 * a malformed one is refused with its place in the form file. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/content.h"
#include "core/form_load.h"
#include "core/text.h"
#include "core/ytree.h"

typedef struct {
	nb_formload_t *L;
	const nb_ynode_t *words;    /* the mapping of named words, or NULL */
	const nb_ynode_t *share;    /* the share of `share: true`, or NULL */
	nb_tpat_env_t env;
	struct nb_content_rules *C;
} tcload_t;

static const char *
word_text(void *ctx, const char *name)
{
	const tcload_t *T = ctx;
	const nb_ynode_t *v = T->words ? nb_ymap_get(T->words, name) : NULL;

	return v && v->type == NB_Y_SCALAR ? v->str : NULL;
}

/* The characters of a scalar under key, into the arena. */
static int
chars(tcload_t *T, const nb_ynode_t *m, const char *key, uint32_t **out,
      size_t *n)
{
	const char *s;
	size_t i = 0, len;

	*out = NULL;
	*n = 0;
	if (nb_fl_str(T->L, m, key, 0, &s) < 0)
		return -1;
	if (!s)
		return 0;
	len = strlen(s);
	if (!(*out = nb_fl_alloc(T->L, len + 1, sizeof **out)))
		return -1;
	while (i < len)
		i += nb_utf8_next(s + i, len - i, &(*out)[(*n)++]);
	return 0;
}

/* The pattern under key (NULL and 0 when absent and not required). */
static int
pattern(tcload_t *T, const nb_ynode_t *m, const char *key, int required,
        const nb_tpat_t **out)
{
	const nb_ynode_t *v = nb_ymap_get(m, key);
	const char *why;
	size_t at;

	*out = NULL;
	if (!v)
		return required ? nb_fl_bad(T->L, m, "缺少“%s”", key) : 0;
	if (v->type != NB_Y_SCALAR)
		return nb_fl_bad(T->L, v, "“%s”应为模式（文字）", key);
	if (!(*out = nb_tpat_compile(&T->L->form->arena, v->str, &T->env, &why, &at)))
		return nb_fl_bad(T->L, v, "“%s”的模式有误（第 %zu 个字符处）：%s", key,
		                 at + 1, why);
	nb_tpat_keep_add(T->C->kinds, *out);
	return 0;
}

static int
terms(tcload_t *T, const nb_ynode_t *list, nb_term_t **out, size_t *n)
{
	nb_term_t *t = NULL;
	size_t i;
	int prev = 0;

	*n = 0;
	if (list->type != NB_Y_SEQ || !list->n)
		return nb_fl_bad(T->L, list, "cells 应为格的列表，如 [requests.new[6]]");
	for (i = 0; i < list->n; i++) {
		const nb_ynode_t *c = list->kids[i];
		if (c->type != NB_Y_SCALAR) {
			free(t);
			return nb_fl_bad(T->L, c, "格应为文字");
		}
		if (nb_fl_term(T->L, c, c->str, &t, n, &prev) < 0 ||
		    (prev && nb_fl_bad(T->L, c, "正文只与本年的表格比对，不能用 previous:") < 0)) {
			free(t);
			return -1;
		}
	}
	*out = nb_fl_alloc(T->L, *n, sizeof **out);
	if (*out)
		memcpy(*out, t, *n * sizeof *t);
	free(t);
	return *out ? 0 : -1;
}

/* The cells' short names joined by "+", for a reading the form leaves
 * unnamed. */
static const char *
default_name(tcload_t *T, const nb_treading_t *r)
{
	nb_buf_t b;
	const char *s;
	size_t i;

	nb_buf_init(&b);
	for (i = 0; i < r->nterms; i++) {
		if (i)
			nb_buf_puts(&b, r->terms[i].sign < 0 ? "-" : "+");
		nb_cell_name(T->L->form, r->terms[i].cell, 1, &b);
	}
	s = b.failed ? NULL : nb_fl_dup(T->L, b.data ? b.data : "");
	nb_buf_free(&b);
	return s;
}

static int
reading(tcload_t *T, const nb_ynode_t *m, nb_treading_t *r)
{
	const nb_ynode_t *cells = m->type == NB_Y_MAP ? nb_ymap_get(m, "cells") : m;

	if (!cells)
		return nb_fl_bad(T->L, m, "读法缺少“cells”");
	if (terms(T, cells, &r->terms, &r->nterms) < 0 ||
	    (m->type == NB_Y_MAP && nb_fl_str(T->L, m, "name", 0, &r->name) < 0))
		return -1;
	if (!r->name && !(r->name = default_name(T, r)))
		return -1;
	return 0;
}

/* `readings: [{name, cells}, ...]`, or `cells: [...]` for just one. */
static int
readings(tcload_t *T, const nb_ynode_t *m, const char *key, nb_treading_t **out,
         size_t *n)
{
	const nb_ynode_t *list = nb_ymap_get(m, key), *cells;
	size_t i;

	*out = NULL;
	*n = 0;
	if (!list && !strcmp(key, "readings") && (cells = nb_ymap_get(m, "cells"))) {
		*n = 1;
		return (*out = nb_fl_alloc(T->L, 1, sizeof **out)) ? reading(T, cells, *out) : -1;
	}
	if (!list)
		return 0;
	if (list->type != NB_Y_SEQ || !list->n)
		return nb_fl_bad(T->L, list, "“%s”应为读法的列表（每项有 name 和 cells）", key);
	if (!(*out = nb_fl_alloc(T->L, list->n, sizeof **out)))
		return -1;
	for (i = 0; i < list->n; i++, (*n)++)
		if (reading(T, list->kids[i], &(*out)[i]) < 0)
			return -1;
	return 0;
}

static int
fields(tcload_t *T, const nb_ynode_t *m, nb_tcheck_t *c)
{
	const nb_ynode_t *list = nb_ymap_get(m, "fields");
	const nb_field_t *f;
	size_t i;

	if (!list)
		return 0;
	if (list->type != NB_Y_SEQ || !list->n)
		return nb_fl_bad(T->L, list, "fields 应为文字字段的列表");
	if (!(c->fields = nb_fl_alloc(T->L, list->n, sizeof *c->fields)))
		return -1;
	for (i = 0; i < list->n; i++) {
		const nb_ynode_t *p = list->kids[i];
		if (p->type != NB_Y_SCALAR || !(f = nb_form_field(T->L->form, p->str)) ||
		    (f->type != NB_T_TEXT && f->type != NB_T_ITEMS))
			return nb_fl_bad(T->L, p, "“%s”不是段落字段",
			                 p->type == NB_Y_SCALAR ? p->str : "?");
		c->fields[c->nfields++] = f;
	}
	return 0;
}

static int
parts(tcload_t *T, const nb_ynode_t *m, nb_tcheck_t *c)
{
	const nb_ynode_t *list = nb_ymap_get(m, "parts");
	size_t i;

	if (!list)
		return 0;
	if (list->type != NB_Y_SEQ || !list->n)
		return nb_fl_bad(T->L, list, "parts 应为列表");
	if (!(c->parts = nb_fl_alloc(T->L, list->n, sizeof *c->parts)))
		return -1;
	for (i = 0; i < list->n; i++, c->nparts++) {
		const nb_ynode_t *p = list->kids[i];
		nb_tpart_t *t = &c->parts[i];
		if (p->type != NB_Y_MAP)
			return nb_fl_bad(T->L, p, "parts 的每项应为映射");
		if (pattern(T, p, "pattern", 1, &t->pat) < 0 ||
		    readings(T, p, "readings", &t->readings, &t->nreadings) < 0 ||
		    nb_fl_str(T->L, p, "whole", 0, &t->whole) < 0 ||
		    nb_fl_str(T->L, p, "message", 0, &t->message) < 0)
			return -1;
	}
	return nb_fl_str(T->L, m, "parts_message", 0, &c->parts_message);
}

static int
figure(tcload_t *T, const nb_ynode_t *m, nb_tcheck_t *c)
{
	const nb_ynode_t *share = nb_ymap_get(m, "share");
	const char *per;
	char *end;
	long n = 1;

	if (pattern(T, m, "needs", 0, &c->needs) < 0 ||
	    pattern(T, m, "unless", 0, &c->unless) < 0 ||
	    pattern(T, m, "unless_before", 0, &c->unless_before) < 0 ||
	    readings(T, m, "readings", &c->readings, &c->nreadings) < 0 ||
	    nb_fl_flag(T->L, m, "each", &c->each) < 0 ||
	    nb_fl_flag(T->L, m, "unless_this_year", &c->unless_this_year) < 0 ||
	    nb_fl_str(T->L, m, "per", 0, &per) < 0 || parts(T, m, c) < 0)
		return -1;
	if (!c->nreadings)
		return nb_fl_bad(T->L, m, "检查“%s”缺少 readings 或 cells", c->id);
	if (per && ((n = strtol(per, &end, 10)) < 1 || n > 1000000000 || *end))
		return nb_fl_bad(T->L, nb_ymap_get(m, "per"), "per 应为 1 到 1000000000 的整数");
	c->per = n;
	if (!share)
		return 0;
	if (share->type == NB_Y_SCALAR && !strcmp(share->str, "true")) {
		if (!T->share)
			return nb_fl_bad(T->L, share, "share: true 要用 text_checks 的 share，而它没有给出");
		share = T->share;
	}
	if (share->type != NB_Y_MAP)
		return nb_fl_bad(T->L, share, "share 应为映射（pattern、of、message）或 true");
	if (pattern(T, share, "pattern", 1, &c->share) < 0 ||
	    readings(T, share, "of", &c->share_of, &c->nshare_of) < 0 ||
	    nb_fl_str(T->L, share, "message", 1, &c->share_message) < 0)
		return -1;
	return c->nshare_of ? 0 : nb_fl_bad(T->L, share, "share 缺少“of”");
}

static int
nonzero(tcload_t *T, const nb_ynode_t *m, nb_tcheck_t *c)
{
	const nb_ynode_t *list = nb_ymap_get(m, "nonzero");

	return list ? terms(T, list, &c->nonzero, &c->nnonzero) : 0;
}

static int
kind_of(tcload_t *T, const nb_ynode_t *m, nb_tcheck_t *c)
{
	static const char *const names[] = {
		"figure", "forbidden", "whole", "mentions", "previous"
	};
	const char *kind;
	size_t i;

	if (nb_fl_str(T->L, m, "kind", 1, &kind) < 0)
		return -1;
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(kind, names[i])) {
			c->kind = (nb_tc_kind_t)i;
			return 0;
		}
	return nb_fl_bad(T->L, m, "未知的检查类型“%s”（应为 figure、forbidden、whole、"
	                 "mentions 或 previous）", kind);
}

static int
check(tcload_t *T, const nb_ynode_t *m, nb_tcheck_t *c)
{
	if (m->type != NB_Y_MAP)
		return nb_fl_bad(T->L, m, "检查应为映射");
	if (nb_fl_str(T->L, m, "id", 1, &c->id) < 0 || kind_of(T, m, c) < 0 ||
	    nb_fl_str(T->L, m, "message", 1, &c->message) < 0 ||
	    fields(T, m, c) < 0)
		return -1;
	if (!nb_ymap_get(m, "severity"))
		c->severity = NB_SEV_WARNING;
	else if (nb_fl_severity(T->L, m, &c->severity) < 0)
		return -1;
	switch (c->kind) {
	case NB_TC_PREVIOUS:
		return nb_fl_int(T->L, m, "min_chars", 1, &c->min_chars);
	case NB_TC_FIGURE:
		return pattern(T, m, "pattern", 1, &c->pat) < 0 ? -1 : figure(T, m, c);
	case NB_TC_MENTIONS:
		if (nonzero(T, m, c) < 0)
			return -1;
		/* fall through */
	default:
		return pattern(T, m, "pattern", 1, &c->pat);
	}
}

/* Ids name rules in messages and in the project's config: one id, one
 * rule, across `rules` and `text_checks`. */
static int
unique_id(tcload_t *T, const nb_ynode_t *at, size_t upto)
{
	const nb_form_t *F = T->L->form;
	const char *id = T->C->v[upto].id;
	size_t i;

	for (i = 0; i < F->nrules; i++)
		if (!strcmp(F->rules[i].id, id))
			return nb_fl_bad(T->L, at, "检查 id“%s”与规则重复", id);
	for (i = 0; i < upto; i++)
		if (!strcmp(T->C->v[i].id, id))
			return nb_fl_bad(T->L, at, "检查 id“%s”重复", id);
	return 0;
}

static int
load_checks(tcload_t *T, const nb_ynode_t *part)
{
	const nb_ynode_t *list = nb_fl_node(T->L, part, "checks", NB_Y_SEQ);
	size_t i;

	if (!list)
		return -1;
	if (!(T->C->v = nb_fl_alloc(T->L, list->n, sizeof *T->C->v)))
		return -1;
	for (i = 0; i < list->n; i++, T->C->n++)
		if (check(T, list->kids[i], &T->C->v[i]) < 0 ||
		    unique_id(T, list->kids[i], i) < 0)
			return -1;
	return 0;
}

static void
mark_ends(struct nb_content_rules *C)
{
	size_t i;

	C->kinds['\n'] |= NB_TC_END;
	for (i = 0; i < C->nends; i++)
		if (C->ends[i] < NB_TKEEP_SIZE)
			C->kinds[C->ends[i]] |= NB_TC_END;
}

/* The cells whose texts are read, listed once for every report. */
static int
text_cells(nb_formload_t *L, struct nb_content_rules *C)
{
	const nb_form_t *F = L->form;
	size_t i;

	if (!(C->text_cells = nb_fl_alloc(L, F->ncells ? F->ncells : 1, sizeof *C->text_cells)))
		return -1;
	for (i = 0; i < F->ncells; i++)
		if (F->cells[i].field->type == NB_T_TEXT || F->cells[i].field->type == NB_T_ITEMS)
			C->text_cells[C->ntext_cells++] = i;
	return 0;
}

int
nb_fl_text_checks(nb_formload_t *L, const nb_ynode_t *root)
{
	const nb_ynode_t *part = nb_ymap_get(root, "text_checks");
	tcload_t T;
	uint32_t *stops;
	size_t nstops;

	if (!part)
		return 0;
	if (part->type != NB_Y_MAP)
		return nb_fl_bad(L, part, "text_checks 应为映射");
	memset(&T, 0, sizeof T);
	T.L = L;
	T.words = nb_ymap_get(part, "words");
	T.share = nb_ymap_get(part, "share");
	if (T.words && T.words->type != NB_Y_MAP)
		return nb_fl_bad(L, T.words, "words 应为映射（名称: 模式）");
	if (!(T.C = nb_fl_alloc(L, 1, sizeof *T.C)) ||
	    chars(&T, part, "sentence_ends", &T.C->ends, &T.C->nends) < 0 ||
	    chars(&T, part, "gap_stops", &stops, &nstops) < 0 ||
	    !(T.C->kinds = nb_fl_alloc(L, NB_TKEEP_SIZE, 1)) || text_cells(L, T.C) < 0)
		return -1;
	mark_ends(T.C);
	T.env.words = word_text;
	T.env.ctx = &T;
	T.env.stops = stops;
	T.env.nstops = nstops;
	if (pattern(&T, part, "other_year", 0, &T.C->other_year) < 0 ||
	    load_checks(&T, part) < 0)
		return -1;
	L->form->content = T.C;
	return 0;
}
