/* content.c - judging the narrative (content.h): each text cut into
 * sentences, each sentence read by the form's text checks. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/content.h"
#include "core/number.h"
#include "core/text.h"

#define MAX_CLAIMS 64

typedef __int128 wide_t;

/* A text decoded: its characters and the byte where each starts. */
typedef struct {
	uint32_t *cp;
	size_t *off;            /* off[n] is the text's length */
	size_t n;
} chars_t;

/* The text being read and where it stands. */
typedef struct {
	const nb_report_t *r;
	const struct nb_content_rules *C;
	nb_findings_t *out;
	const nb_field_t *field;
	int item;
	const char *text;
	const nb_textpos_t *tpos;
	const char *where;      /* its name in messages */
	chars_t t;
	int failed;             /* out of memory */
} reader_t;

/* A figure stated in a sentence, claimed by a check. */
typedef struct {
	const nb_tcheck_t *c;
	nb_tmatch_t m;
} claim_t;

/* ---- texts ---- */

static int
decode(const char *s, chars_t *t)
{
	size_t len = strlen(s), i = 0;

	t->n = 0;
	t->cp = malloc((len + 1) * sizeof *t->cp);
	t->off = malloc((len + 1) * sizeof *t->off);
	if (!t->cp || !t->off)
		return -1;
	while (i < len) {
		t->off[t->n] = i;
		i += nb_utf8_next(s + i, len - i, &t->cp[t->n++]);
	}
	t->off[t->n] = len;
	return 0;
}

static void
chars_free(chars_t *t)
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

/* ---- the table's figures ---- */

/* The value of a reading in 1e-9 units: 1, or 0 when a cell is unfilled. */
static int
reading_value(const nb_report_t *r, const nb_treading_t *rd, wide_t *v,
              int *decimals)
{
	size_t i;

	*v = 0;
	*decimals = 0;
	for (i = 0; i < rd->nterms; i++) {
		const nb_value_t *x = &r->values[rd->terms[i].cell];
		int amount = r->form->cells[rd->terms[i].cell].field->type == NB_T_AMOUNT;
		if (!x->filled)
			return 0;
		*v += (wide_t)rd->terms[i].sign * (amount ? x->num : x->num * NB_AMOUNT_SCALE);
		if (amount && x->decimals > *decimals)
			*decimals = x->decimals;
	}
	return 1;
}

static wide_t
place_unit(int decimals)
{
	wide_t u = NB_AMOUNT_SCALE;

	while (decimals-- > 0 && u > 1)
		u /= 10;
	return u;
}

/* The text's figure agrees with the table's to the last digit it gives. */
static int
agrees(wide_t stated, int decimals, int64_t per, wide_t table)
{
	wide_t d = stated - table * per;

	return (d < 0 ? -d : d) < place_unit(decimals);
}

static void
put_units(nb_buf_t *b, wide_t v, int decimals)
{
	char tmp[40];

	if (v < 0) {
		nb_buf_puts(b, "-");
		v = -v;
	}
	if (v > INT64_MAX) {
		nb_buf_puts(b, "?");
		return;
	}
	nb_amount_format((int64_t)v, decimals, tmp);
	nb_buf_puts(b, tmp);
}

/* "NAME为V，NAME为V" of the readings that can be judged. */
static void
put_readings(nb_buf_t *b, const nb_report_t *r, const nb_treading_t *rd, size_t n)
{
	size_t i, shown = 0;
	wide_t v;
	int d;

	for (i = 0; i < n; i++) {
		if (!reading_value(r, &rd[i], &v, &d))
			continue;
		nb_buf_printf(b, "%s%s为", shown++ ? "，" : "", rd[i].name);
		put_units(b, v, d);
	}
}

/* 1 any reading agrees, 0 none does, -1 some cannot be judged (unfilled)
 * and none of the others agrees. */
static int
judge_readings(const nb_report_t *r, const nb_treading_t *rd, size_t n,
               wide_t stated, int decimals, int64_t per)
{
	size_t i;
	int unjudged = 0, d;
	wide_t v;

	for (i = 0; i < n; i++) {
		if (!reading_value(r, &rd[i], &v, &d))
			unjudged = 1;
		else if (agrees(stated, decimals, per, v))
			return 1;
	}
	return unjudged ? -1 : 0;
}

/* ---- messages ---- */

typedef struct {
	const char *name;       /* "{text}" */
	const char *value;
} var_t;

static char *
expand(const char *tmpl, const var_t *vars, size_t n)
{
	nb_buf_t b;
	size_t i, len;

	nb_buf_init(&b);
	while (*tmpl) {
		for (i = 0; i < n; i++) {
			len = strlen(vars[i].name);
			if (!strncmp(tmpl, vars[i].name, len))
				break;
		}
		if (i < n) {
			nb_buf_puts(&b, vars[i].value ? vars[i].value : "");
			tmpl += len;
		} else {
			nb_buf_add(&b, tmpl++, 1);
		}
	}
	return nb_buf_take(&b);
}

/* Characters [a, b) of the text (a, b count characters). */
static void
put_chars(nb_buf_t *b, const reader_t *R, size_t a, size_t z)
{
	nb_buf_add(b, R->text + R->t.off[a], R->t.off[z] - R->t.off[a]);
}

static int
report(reader_t *R, const nb_tcheck_t *c, size_t a, size_t z, char *msg)
{
	nb_finding_t f;

	memset(&f, 0, sizeof f);
	f.severity = c->severity;
	f.rule_id = c->id;
	f.cell = R->field->cell;
	f.message = msg;
	f.in_text = 1;
	f.item = R->item;
	f.start = R->t.off[a];
	f.end = R->t.off[z];
	nb_textpos_locate(R->tpos, R->text, f.start, &f.line, &f.col);
	if (nb_findings_add(R->out, &f) < 0)
		R->failed = 1;
	return R->failed ? -1 : 0;
}

/* A finding with the usual variables: {text} the figure as written,
 * {match} the statement, {readings} and {table} the table's side,
 * {field} the text's name, {year} the report's year. */
static int
report_figure(reader_t *R, const nb_tcheck_t *c, const char *tmpl,
              size_t a, size_t z, const char *text, size_t m0, size_t m1,
              const nb_treading_t *rd, size_t nrd, const char *extra_name,
              const char *extra)
{
	nb_buf_t match, table, first, year;
	wide_t v;
	int d, rc;
	char *msg;

	nb_buf_init(&match);
	nb_buf_init(&table);
	nb_buf_init(&first);
	nb_buf_init(&year);
	put_chars(&match, R, m0, m1);
	put_readings(&table, R->r, rd, nrd);
	if (nrd && reading_value(R->r, rd, &v, &d))
		put_units(&first, v, d);
	nb_buf_printf(&year, "%lld", (long long)nb_report_year(R->r));
	{
		var_t vars[] = {
			{ "{text}", text }, { "{match}", match.data },
			{ "{readings}", table.data }, { "{table}", first.data },
			{ "{field}", R->where }, { "{year}", year.data },
			{ extra_name ? extra_name : "{}", extra },
		};
		msg = expand(tmpl, vars, sizeof vars / sizeof vars[0]);
	}
	rc = match.failed || table.failed || first.failed ? (free(msg), -1)
	     : report(R, c, a, z, msg);
	nb_buf_free(&match);
	nb_buf_free(&table);
	nb_buf_free(&first);
	nb_buf_free(&year);
	if (rc < 0)
		R->failed = 1;
	return rc;
}

/* ---- figures ---- */

/* The captures of a match summed, as written ("1+0") into b. */
static wide_t
sum_captures(const reader_t *R, size_t base, const nb_tmatch_t *m, int *decimals,
             nb_buf_t *b)
{
	wide_t s = 0;
	size_t i;

	*decimals = 0;
	for (i = 0; i < m->ncap; i++) {
		if (i)
			nb_buf_puts(b, "+");
		put_chars(b, R, base + m->cap[i].start, base + m->cap[i].end);
		s += m->cap[i].value;
		if (m->cap[i].decimals > *decimals)
			*decimals = m->cap[i].decimals;
	}
	if (!m->ncap)
		nb_buf_puts(b, "0");
	return s;
}

/* Compares one stated figure with the readings; a finding when none
 * agrees. */
static int
compare(reader_t *R, const nb_tcheck_t *c, const char *tmpl, size_t a, size_t z,
        size_t base, const nb_tmatch_t *m, const nb_treading_t *rd, size_t nrd,
        wide_t stated, int decimals, const char *text)
{
	if (judge_readings(R->r, rd, nrd, stated, decimals, c->per) != 0)
		return 0;
	return report_figure(R, c, tmpl, a, z, text, base + m->start, base + m->end,
	                     rd, nrd, NULL, NULL);
}

static int
judge_main(reader_t *R, const claim_t *cl, size_t a, size_t z, wide_t *stated,
           int *decimals)
{
	const nb_tcheck_t *c = cl->c;
	nb_buf_t text;
	size_t i;
	int rc = 0;

	if (c->each) {              /* the first capture that disagrees */
		for (i = 0; i < cl->m.ncap; i++) {
			nb_tmatch_t one = cl->m;
			one.cap[0] = cl->m.cap[i];
			one.ncap = 1;
			*stated = one.cap[0].value;
			if (judge_readings(R->r, c->readings, c->nreadings, *stated,
			                   one.cap[0].decimals, c->per) != 0)
				continue;
			nb_buf_init(&text);
			*stated = sum_captures(R, a, &one, decimals, &text);
			rc = text.failed ? -1 : compare(R, c, c->message, a, z, a, &cl->m,
			         c->readings, c->nreadings, *stated, *decimals, text.data);
			nb_buf_free(&text);
			return rc;
		}
		return 0;
	}
	nb_buf_init(&text);
	*stated = sum_captures(R, a, &cl->m, decimals, &text);
	rc = text.failed ? -1 : compare(R, c, c->message, a, z, a, &cl->m,
	                                c->readings, c->nreadings, *stated,
	                                *decimals, text.data);
	nb_buf_free(&text);
	return rc;
}

/* The parts that follow a figure in [from, to) of sentence s: each compared
 * with its readings; those of a `whole` added up and compared with the
 * figure, once every part of it has been found, and only once. */
typedef struct {
	int found;
	nb_tmatch_t m;
} part_hit_t;

static int
find_parts(const nb_tcheck_t *c, const uint32_t *s, size_t to, size_t from,
           part_hit_t *hit)
{
	size_t i, k, at;
	nb_tmatch_t m;

	for (i = 0; i < c->nparts; i++) {
		hit[i].found = 0;
		for (at = from; nb_tpat_find(c->parts[i].pat, s, to, at, &m); ) {
			int free_span = 1;
			at = m.end > m.start ? m.end : m.start + 1;
			for (k = 0; k < i; k++)
				if (hit[k].found == 1 && m.start < hit[k].m.end &&
				    hit[k].m.start < m.end)
					free_span = 0;
			if (!free_span)
				continue;
			if (hit[i].found++ == 0)
				hit[i].m = m;
		}
	}
	return 0;
}

static int
judge_whole(reader_t *R, const claim_t *cl, size_t a, size_t z,
            const part_hit_t *hit, const char *whole, wide_t stated, int decimals)
{
	const nb_tcheck_t *c = cl->c;
	nb_buf_t parts, text;
	wide_t sum = 0;
	size_t i;
	int rc = 0, d = decimals, pd;

	nb_buf_init(&parts);
	for (i = 0; i < c->nparts; i++) {
		if (!c->parts[i].whole || strcmp(c->parts[i].whole, whole))
			continue;
		if (hit[i].found != 1) {
			nb_buf_free(&parts);
			return 0;
		}
		if (parts.len)
			nb_buf_puts(&parts, "+");
		sum += sum_captures(R, a, &hit[i].m, &pd, &parts);
		if (pd > d)
			d = pd;
	}
	if (!parts.len || (sum - stated < 0 ? stated - sum : sum - stated) < place_unit(d)) {
		nb_buf_free(&parts);
		return 0;
	}
	nb_buf_init(&text);
	sum_captures(R, a, &cl->m, &pd, &text);
	rc = parts.failed || text.failed ? -1
	     : report_figure(R, c, c->parts_message ? c->parts_message : c->message,
	                     a, z, text.data, a + cl->m.start, a + cl->m.end, NULL, 0,
	                     "{parts}", parts.data);
	nb_buf_free(&parts);
	nb_buf_free(&text);
	return rc;
}

static int
judge_parts(reader_t *R, const claim_t *cl, size_t a, size_t z, size_t to,
            wide_t stated, int decimals)
{
	const nb_tcheck_t *c = cl->c;
	part_hit_t hit[32];
	nb_buf_t text;
	size_t i, k;
	int d, rc = 0;
	wide_t v;

	if (!c->nparts || c->nparts > 32)
		return 0;
	find_parts(c, R->t.cp + a, to, cl->m.end, hit);
	for (i = 0; i < c->nparts && rc == 0; i++) {
		const nb_tpart_t *p = &c->parts[i];
		if (hit[i].found != 1 || !p->nreadings)
			continue;
		nb_buf_init(&text);
		v = sum_captures(R, a, &hit[i].m, &d, &text);
		rc = text.failed ? -1 : compare(R, c, p->message ? p->message : c->message,
		                                a, z, a, &hit[i].m, p->readings,
		                                p->nreadings, v, d, text.data);
		nb_buf_free(&text);
	}
	for (i = 0; i < c->nparts && rc == 0 && cl->m.ncap; i++) {
		if (!c->parts[i].whole)
			continue;
		for (k = 0; k < i; k++)     /* each whole once */
			if (c->parts[k].whole && !strcmp(c->parts[k].whole, c->parts[i].whole))
				break;
		if (k == i)
			rc = judge_whole(R, cl, a, z, hit, c->parts[i].whole, stated, decimals);
	}
	return rc;
}

/* A share (57.1%) after the figure: 100 times the first reading over any
 * of `share_of`, to the last digit given. */
static int
share_agrees(wide_t pct, int decimals, wide_t part, wide_t whole)
{
	wide_t d = pct * whole - 100 * part * NB_AMOUNT_SCALE;

	return (d < 0 ? -d : d) < place_unit(decimals) * whole;
}

static int
judge_share(reader_t *R, const claim_t *cl, size_t a, size_t z, size_t to)
{
	const nb_tcheck_t *c = cl->c;
	nb_tmatch_t m;
	wide_t part, whole;
	int d, rc, judged = 0;
	size_t i;
	nb_buf_t text, computed;

	if (!c->share || !nb_tpat_find(c->share, R->t.cp + a, to, cl->m.end, &m) ||
	    !m.ncap || !reading_value(R->r, c->readings, &part, &d))
		return 0;
	nb_buf_init(&computed);
	for (i = 0; i < c->nshare_of; i++) {
		if (!reading_value(R->r, &c->share_of[i], &whole, &d) || whole <= 0)
			continue;
		if (share_agrees(m.cap[0].value, m.cap[0].decimals, part, whole)) {
			nb_buf_free(&computed);
			return 0;
		}
		if (!judged++) {
			put_units(&computed, 100 * part * NB_AMOUNT_SCALE / whole,
			          m.cap[0].decimals + 1);
			nb_buf_puts(&computed, "%");
		}
	}
	if (!judged) {
		nb_buf_free(&computed);
		return 0;
	}
	nb_buf_init(&text);
	put_chars(&text, R, a + m.cap[0].start, a + m.cap[0].end);
	rc = text.failed || computed.failed ? -1
	     : report_figure(R, c, c->share_message, a, z, text.data, a + m.start,
	                     a + m.end, c->share_of, c->nshare_of, "{computed}",
	                     computed.data);
	nb_buf_free(&text);
	nb_buf_free(&computed);
	return rc;
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

/* Before `upto`, the sentence names a year other than the report's
 * (same 0), or the report's year (same 1). */
static int
names_year(const reader_t *R, const uint32_t *s, size_t upto, int same)
{
	int64_t year = nb_report_year(R->r);
	nb_tmatch_t m;
	size_t at = 0, i;

	if (!R->C->other_year || !year)
		return 0;
	while (nb_tpat_find(R->C->other_year, s, upto, at, &m)) {
		for (i = 0; i < m.ncap; i++)
			if ((m.cap[i].value == year * NB_AMOUNT_SCALE) == same)
				return 1;
		at = m.end > m.start ? m.end : m.start + 1;
	}
	return 0;
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

/* Whether a figure's statement at m is to be compared. */
static int
takes(const reader_t *R, const nb_tcheck_t *c, const uint32_t *s, size_t n,
      const nb_tmatch_t *m)
{
	nb_tmatch_t x;
	size_t k = m->start;

	if (c->needs && !nb_tpat_find(c->needs, s, n, 0, &x))
		return 0;
	if (c->unless && nb_tpat_find(c->unless, s, n, 0, &x))
		return 0;
	while (k > 0 && !is_gap_stop(c->pat, s[k - 1]))
		k--;
	if (c->unless_before && nb_tpat_find(c->unless_before, s + k, m->start - k, 0, &x))
		return 0;
	if (c->unless_this_year && names_year(R, s, n, 1))
		return 0;
	return reads_year(R->r, c) || !names_year(R, s, m->start, 0);
}

static int
overlaps(const claim_t *cl, size_t n, const nb_tmatch_t *m)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (m->start < cl[i].m.end && cl[i].m.start < m->end)
			return 1;
	return 0;
}

static size_t
claim(const reader_t *R, const uint32_t *s, size_t n, claim_t *cl)
{
	size_t i, at, got = 0;
	nb_tmatch_t m;

	for (i = 0; i < R->C->n; i++) {
		const nb_tcheck_t *c = &R->C->v[i];
		if (c->kind != NB_TC_FIGURE || !reads_field(c, R->field))
			continue;
		for (at = 0; got < MAX_CLAIMS && nb_tpat_find(c->pat, s, n, at, &m); ) {
			at = m.end > m.start ? m.end : m.start + 1;
			if (overlaps(cl, got, &m) || !takes(R, c, s, n, &m))
				continue;
			cl[got].c = c;
			cl[got++].m = m;
		}
	}
	return got;
}

static int
by_start(const void *a, const void *b)
{
	const claim_t *x = a, *y = b;

	return x->m.start < y->m.start ? -1 : x->m.start > y->m.start;
}

static int
figures(reader_t *R, size_t a, size_t z)
{
	claim_t cl[MAX_CLAIMS];
	size_t n, i, to;
	wide_t stated;
	int d;

	n = claim(R, R->t.cp + a, z - a, cl);
	if (n)
		qsort(cl, n, sizeof *cl, by_start);
	for (i = 0; i < n; i++) {
		to = i + 1 < n ? cl[i + 1].m.start : z - a;
		if (judge_main(R, &cl[i], a, z, &stated, &d) < 0 ||
		    (!cl[i].c->each && judge_parts(R, &cl[i], a, z, to, stated, d) < 0) ||
		    judge_share(R, &cl[i], a, z, to) < 0)
			return -1;
	}
	return 0;
}

static int
forbidden(reader_t *R, size_t a, size_t z)
{
	nb_tmatch_t m;
	size_t i;

	for (i = 0; i < R->C->n; i++) {
		const nb_tcheck_t *c = &R->C->v[i];
		if (c->kind != NB_TC_FORBIDDEN || !reads_field(c, R->field) ||
		    !nb_tpat_find(c->pat, R->t.cp + a, z - a, 0, &m))
			continue;
		if (report_figure(R, c, c->message, a, z, "", a + m.start, a + m.end,
		                  NULL, 0, NULL, NULL) < 0)
			return -1;
	}
	return 0;
}

static int
sentences(reader_t *R)
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
whole(reader_t *R)
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
		if (report_figure(R, c, c->message, a, z, "", a, z, NULL, 0, NULL, NULL) < 0)
			return -1;
	}
	return 0;
}

/* ---- every text of the report ---- */

typedef int (*text_fn)(reader_t *R, void *ctx);

/* Calls fn for every paragraph text of r, in cell order. */
static int
each_text(reader_t *R, text_fn fn, void *ctx)
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
			chars_free(&R->t);
			if (rc < 0 || R->failed)
				return -1;
		}
	}
	return 0;
}

static int
read_text(reader_t *R, void *ctx)
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
look_for(reader_t *R, void *ctx)
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
report_cell(reader_t *R, const nb_tcheck_t *c, size_t cell)
{
	nb_finding_t f;

	memset(&f, 0, sizeof f);
	f.severity = c->severity;
	f.rule_id = c->id;
	f.cell = cell;
	f.line = R->r->values[cell].line;
	f.col = R->r->values[cell].col;
	f.item = -1;
	if (!(f.message = strdup(c->message)) || nb_findings_add(R->out, &f) < 0)
		return -1;
	return 0;
}

static int
point_at_text(reader_t *R, void *ctx)
{
	mention_t *M = ctx;
	size_t z = 0;

	if (R->field != M->first || R->item != M->first_item)
		return 0;
	while (z < R->t.n && R->t.cp[z] != '\n')
		z++;
	return report_figure(R, M->c, M->c->message, 0, z, "", 0, z, NULL, 0, NULL, NULL);
}

static int
mentions(reader_t *R, const nb_tcheck_t *c)
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
same_as_previous(reader_t *R, void *ctx)
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
			if (report_figure(R, P->c, P->c->message, a, z, num, a, z, NULL, 0,
			                  "{n}", num) < 0)
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
	reader_t R;
	size_t i;

	memset(&R, 0, sizeof R);
	R.r = r;
	R.C = r->form->content;
	R.out = out;
	if (!R.C)
		return 0;
	if (each_text(&R, read_text, NULL) < 0)
		return -1;
	for (i = 0; i < R.C->n; i++) {
		const nb_tcheck_t *c = &R.C->v[i];
		previous_t P = { c, prev };
		if (c->kind == NB_TC_MENTIONS && mentions(&R, c) < 0)
			return -1;
		if (c->kind == NB_TC_PREVIOUS && prev && prev->form == r->form &&
		    each_text(&R, same_as_previous, &P) < 0)
			return -1;
	}
	return 0;
}
