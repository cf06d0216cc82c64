/* content.c - judging the narrative (content.h): each text cut into
 * sentences, the statements of figures in each claimed by the checks in
 * the form's order (content_figure.c judges them), and the checks of
 * placeholders, whole texts, mentions and last year's words. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/content_impl.h"
#include "core/number.h"
#include "core/text.h"

#define MAX_CLAIMS 64

/* ---- texts ---- */

/* Room for a text of len bytes: the buffers are kept for the next text,
 * as every pass over a draft's texts decodes them all again. */
static int
grow(nb_tchars_t *t, size_t len)
{
	uint32_t *cp = realloc(t->cp, (len + 1) * sizeof *cp);
	size_t *off;

	if (!cp)
		return -1;
	t->cp = cp;
	if (!(off = realloc(t->off, (len + 1) * sizeof *off)))
		return -1;
	t->off = off;
	t->cap = len;
	return 0;
}

static int
decode(const char *s, nb_tchars_t *t)
{
	size_t len = strlen(s), i = 0;

	t->n = 0;
	if (len > t->cap && grow(t, len) < 0)
		return -1;
	while (i < len) {
		t->off[t->n] = i;
		i += nb_utf8_next(s + i, len - i, &t->cp[t->n++]);
	}
	t->off[t->n] = len;
	return 0;
}

static void
chars_free(nb_tchars_t *t)
{
	free(t->cp);
	free(t->off);
}

static int
is_blank(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0x3000;   /* 　 */
}

static int
ends_sentence(const struct nb_content_rules *C, uint32_t c)
{
	size_t i;

	if (c == '\n')
		return 1;
	for (i = 0; i < C->nends; i++)
		if (C->ends[i] == c)
			return 1;
	return 0;
}

static int
reads_field(const nb_tcheck_t *c, const nb_field_t *f)
{
	size_t i;

	if (!c->fields)
		return 1;
	for (i = 0; i < c->nfields; i++)
		if (c->fields[i] == f)
			return 1;
	return 0;
}

/* ---- which statements a sentence makes ---- */

static int
reads_year(const nb_report_t *r, const nb_tcheck_t *c)
{
	size_t i, k;

	for (i = 0; i < c->nreadings; i++)
		for (k = 0; k < c->readings[i].nterms; k++)
			if (r->form->cells[c->readings[i].terms[k].cell].field->type == NB_T_YEAR)
				return 1;
	return 0;
}

/* What a sentence says of years, found once: where it first names a
 * year other than the report's (n when nowhere), and whether it names
 * the report's. */
typedef struct {
	size_t other_at;
	int this_year;
} years_t;

static years_t
years_named(const nb_treader_t *R, const uint32_t *s, size_t n)
{
	int64_t year = nb_report_year(R->r);
	years_t y = { n, 0 };
	nb_tmatch_t m;
	size_t at = 0, i;

	while (R->C->other_year && year && nb_tpat_find(R->C->other_year, s, n, at, &m)) {
		for (i = 0; i < m.ncap; i++) {
			if (m.cap[i].value == year * NB_AMOUNT_SCALE)
				y.this_year = 1;
			else if (y.other_at == n)
				y.other_at = m.start;
		}
		at = m.end > m.start ? m.end : m.start + 1;
	}
	return y;
}

static int
is_gap_stop(const nb_tpat_t *p, uint32_t c)
{
	size_t i;

	for (i = 0; i < p->nstops; i++)
		if (p->stops[i] == c)
			return 1;
	return 0;
}

/* Whether a check reads this sentence at all: what it needs and what it
 * must not hold are the sentence's, not a statement's. */
static int
reads_sentence(const nb_tcheck_t *c, const uint32_t *s, size_t n,
               const years_t *y)
{
	nb_tmatch_t x;

	if (c->needs && !nb_tpat_find(c->needs, s, n, 0, &x))
		return 0;
	if (c->unless && nb_tpat_find(c->unless, s, n, 0, &x))
		return 0;
	return !(c->unless_this_year && y->this_year);
}

#define CLAUSE_MAX 64   /* what a clause says before a statement, at most */

/* Whether a statement at m is to be compared: its clause says nothing
 * that makes it another's figure, and the sentence has named no other
 * year before it. */
static int
takes(const nb_treader_t *R, const nb_tcheck_t *c, const uint32_t *s,
      const nb_tmatch_t *m, const years_t *y)
{
	nb_tmatch_t x;
	size_t k = m->start;

	while (k > 0 && m->start - k < CLAUSE_MAX && !is_gap_stop(c->pat, s[k - 1]))
		k--;
	if (c->unless_before && nb_tpat_find(c->unless_before, s + k, m->start - k, 0, &x))
		return 0;
	return reads_year(R->r, c) || y->other_at >= m->start;
}

static int
overlaps(const nb_tclaim_t *cl, size_t n, const nb_tmatch_t *m)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (m->start < cl[i].m.end && cl[i].m.start < m->end)
			return 1;
	return 0;
}

static size_t
claim(const nb_treader_t *R, const uint32_t *s, size_t n, nb_tclaim_t *cl)
{
	years_t y = years_named(R, s, n);
	size_t i, at, got = 0;
	nb_tmatch_t m;
	nb_tseen_t z;

	nb_tpat_seen(&z, s, n);     /* most checks are ruled out by it */
	for (i = 0; i < R->C->n && got < MAX_CLAIMS; i++) {
		const nb_tcheck_t *c = &R->C->v[i];
		if (c->kind != NB_TC_FIGURE || !reads_field(c, R->field) ||
		    !nb_tpat_may_occur(c->pat, &z) ||
		    !nb_tpat_find(c->pat, s, n, 0, &m) || !reads_sentence(c, s, n, &y))
			continue;
		do {
			at = m.end > m.start ? m.end : m.start + 1;
			if (overlaps(cl, got, &m) || !takes(R, c, s, &m, &y))
				continue;
			cl[got].c = c;
			cl[got++].m = m;
		} while (got < MAX_CLAIMS && nb_tpat_find(c->pat, s, n, at, &m));
	}
	return got;
}

static int
by_start(const void *a, const void *b)
{
	const nb_tclaim_t *x = a, *y = b;

	return x->m.start < y->m.start ? -1 : x->m.start > y->m.start;
}

static int
figures(nb_treader_t *R, size_t a, size_t z)
{
	nb_tclaim_t cl[MAX_CLAIMS];
	size_t n, i, to;

	n = claim(R, R->t.cp + a, z - a, cl);
	if (n)
		qsort(cl, n, sizeof *cl, by_start);
	for (i = 0; i < n; i++) {
		to = i + 1 < n ? cl[i + 1].m.start : z - a;
		if (nb_content_figure(R, &cl[i], a, z, to) < 0)
			return -1;
	}
	return 0;
}

static int
forbidden(nb_treader_t *R, size_t a, size_t z)
{
	nb_tmatch_t m;
	size_t i;

	for (i = 0; i < R->C->n; i++) {
		const nb_tcheck_t *c = &R->C->v[i];
		if (c->kind != NB_TC_FORBIDDEN || !reads_field(c, R->field) ||
		    !nb_tpat_find(c->pat, R->t.cp + a, z - a, 0, &m))
			continue;
		nb_tsay_t say = { c->message, "", a + m.start, a + m.end, NULL, 0,
		                  NULL, NULL };
		if (nb_content_say(R, c, a, z, &say) < 0)
			return -1;
	}
	return 0;
}

static int
sentences(nb_treader_t *R)
{
	size_t a = 0, z, e;

	while (a < R->t.n) {
		for (e = a; e < R->t.n && !ends_sentence(R->C, R->t.cp[e]); e++)
			;
		z = e;
		while (a < z && is_blank(R->t.cp[a]))
			a++;
		while (z > a && is_blank(R->t.cp[z - 1]))
			z--;
		if (a < z && (figures(R, a, z) < 0 || forbidden(R, a, z) < 0))
			return -1;
		a = e + 1;
	}
	return 0;
}

/* ---- whole texts ---- */

static int
whole(nb_treader_t *R)
{
	size_t a = 0, z = R->t.n, i;
	nb_tmatch_t m;

	while (a < z && (is_blank(R->t.cp[a]) || R->t.cp[a] == '\n'))
		a++;
	while (z > a && (is_blank(R->t.cp[z - 1]) || R->t.cp[z - 1] == '\n'))
		z--;
	if (a == z)
		return 0;
	for (i = 0; i < R->C->n; i++) {
		const nb_tcheck_t *c = &R->C->v[i];
		if (c->kind != NB_TC_WHOLE || !reads_field(c, R->field) ||
		    !nb_tpat_match_whole(c->pat, R->t.cp + a, z - a, &m))
			continue;
		nb_tsay_t say = { c->message, "", a, z, NULL, 0, NULL, NULL };
		if (nb_content_say(R, c, a, z, &say) < 0)
			return -1;
	}
	return 0;
}

/* ---- every text of the report ---- */

typedef int (*text_fn)(nb_treader_t *R, void *ctx);

/* Calls fn for every paragraph text of r, in cell order. */
static int
each_text(nb_treader_t *R, text_fn fn, void *ctx)
{
	const nb_form_t *F = R->r->form;
	size_t i, k;
	int rc;

	for (i = 0; i < F->ncells; i++) {
		const nb_field_t *f = F->cells[i].field;
		const nb_value_t *v = &R->r->values[i];
		if (f->type != NB_T_TEXT && f->type != NB_T_ITEMS)
			continue;
		R->field = f;
		for (k = 0; k < (f->type == NB_T_ITEMS ? v->nitems : 1); k++) {
			const char *text = f->type == NB_T_ITEMS ? v->items[k].text : v->text;
			if (!text || !*text)
				continue;
			R->item = f->type == NB_T_ITEMS ? (int)k : -1;
			R->text = text;
			R->tpos = f->type == NB_T_ITEMS ? &v->items[k].tpos : &v->tpos;
			R->where = f->type == NB_T_ITEMS ? v->items[k].title : f->label;
			if (decode(text, &R->t) < 0)
				rc = -1;
			else
				rc = fn(R, ctx);
			if (rc < 0 || R->failed)
				return -1;
		}
	}
	return 0;
}

static int
read_text(nb_treader_t *R, void *ctx)
{
	(void)ctx;
	return sentences(R) < 0 || whole(R) < 0 ? -1 : 0;
}

/* ---- what must be said ---- */

typedef struct {
	const nb_tcheck_t *c;
	int said, texts;
	const nb_field_t *first;  /* the first text read: the finding's place */
	int first_item;
} mention_t;

static int
look_for(nb_treader_t *R, void *ctx)
{
	mention_t *M = ctx;
	nb_tmatch_t m;

	if (!reads_field(M->c, R->field))
		return 0;
	if (!M->texts++) {
		M->first = R->field;
		M->first_item = R->item;
	}
	M->said |= nb_tpat_find(M->c->pat, R->t.cp, R->t.n, 0, &m);
	return 0;
}

/* The first of the `nonzero` cells that is not 0, or (size_t)-1. */
static size_t
nonzero_cell(const nb_report_t *r, const nb_tcheck_t *c)
{
	size_t i;

	for (i = 0; i < c->nnonzero; i++) {
		const nb_value_t *v = &r->values[c->nonzero[i].cell];
		if (v->filled && v->num)
			return c->nonzero[i].cell;
	}
	return (size_t)-1;
}

static int
report_cell(nb_treader_t *R, const nb_tcheck_t *c, size_t cell)
{
	nb_finding_t f;

	memset(&f, 0, sizeof f);
	f.severity = c->severity;
	f.rule_id = c->id;
	f.cell = cell;
	if (!(f.message = strdup(c->message)) || nb_findings_put(R->out, R->r, f) < 0)
		return -1;
	return 0;
}

static int
point_at_text(nb_treader_t *R, void *ctx)
{
	mention_t *M = ctx;
	nb_tsay_t say = { M->c->message, "", 0, 0, NULL, 0, NULL, NULL };
	size_t z = 0;

	if (R->field != M->first || R->item != M->first_item)
		return 0;
	while (z < R->t.n && R->t.cp[z] != '\n')
		z++;
	say.to = z;
	return nb_content_say(R, M->c, 0, z, &say);
}

static int
mentions(nb_treader_t *R, const nb_tcheck_t *c)
{
	mention_t M = { c, 0, 0, NULL, -1 };
	size_t cell = nonzero_cell(R->r, c);

	if (c->nnonzero && cell == (size_t)-1)
		return 0;
	if (each_text(R, look_for, &M) < 0)
		return -1;
	if (M.said || !M.texts)
		return 0;
	return c->nnonzero ? report_cell(R, c, cell) : each_text(R, point_at_text, &M);
}

/* ---- last year's words ---- */

typedef struct {
	const nb_tcheck_t *c;
	const nb_report_t *prev;
} previous_t;

/* Whether the line [s, s+n) is a paragraph of one of prev's texts. */
static int
in_previous(const nb_report_t *prev, const char *s, size_t n)
{
	const nb_form_t *F = prev->form;
	size_t i, k;

	for (i = 0; i < F->ncells; i++) {
		const nb_field_t *f = F->cells[i].field;
		const nb_value_t *v = &prev->values[i];
		if (f->type != NB_T_TEXT && f->type != NB_T_ITEMS)
			continue;
		for (k = 0; k < (f->type == NB_T_ITEMS ? v->nitems : 1); k++) {
			const char *p = f->type == NB_T_ITEMS ? v->items[k].text : v->text;
			while (p && *p) {
				size_t len = strcspn(p, "\n");
				if (len == n && !memcmp(p, s, n))
					return 1;
				p += len + (p[len] == '\n');
			}
		}
	}
	return 0;
}

static int
same_as_previous(nb_treader_t *R, void *ctx)
{
	const previous_t *P = ctx;
	size_t a = 0, z, nth = 0;
	char num[24];

	if (!reads_field(P->c, R->field))
		return 0;
	while (a < R->t.n) {
		for (z = a; z < R->t.n && R->t.cp[z] != '\n'; z++)
			;
		nth += z > a;
		if ((int)(z - a) >= P->c->min_chars && z > a &&
		    in_previous(P->prev, R->text + R->t.off[a], R->t.off[z] - R->t.off[a])) {
			snprintf(num, sizeof num, "%zu", nth);
			nb_tsay_t say = { P->c->message, num, a, z, NULL, 0, "{n}", num };
			if (nb_content_say(R, P->c, a, z, &say) < 0)
				return -1;
		}
		a = z + 1;
	}
	return 0;
}

int
nb_content_eval(const nb_report_t *r, const nb_report_t *prev,
                nb_findings_t *out)
{
	nb_treader_t R;
	size_t i;
	int rc;

	memset(&R, 0, sizeof R);
	R.r = r;
	R.C = r->form->content;
	R.out = out;
	if (!R.C)
		return 0;
	rc = each_text(&R, read_text, NULL);
	for (i = 0; i < R.C->n && rc == 0; i++) {
		const nb_tcheck_t *c = &R.C->v[i];
		previous_t P = { c, prev };
		if (c->kind == NB_TC_MENTIONS && mentions(&R, c) < 0)
			rc = -1;
		else if (c->kind == NB_TC_PREVIOUS && prev && prev->form == r->form &&
		         each_text(&R, same_as_previous, &P) < 0)
			rc = -1;
	}
	chars_free(&R.t);
	return rc;
}
