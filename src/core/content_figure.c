/* content_figure.c - one figure the text states against the table: its
 * readings, the parts that follow it, its share; and what a finding of
 * the content checks says (content_impl.h). */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/content_impl.h"
#include "core/number.h"

/* ---- the table's figures ---- */

/* The value of a reading in 1e-9 units: 1, or 0 when a cell is unfilled. */
static int
reading_value(const nb_report_t *r, const nb_treading_t *rd, nb_wide_t *v,
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
		*v += (nb_wide_t)rd->terms[i].sign * (amount ? x->num : x->num * NB_AMOUNT_SCALE);
		if (amount && x->decimals > *decimals)
			*decimals = x->decimals;
	}
	return 1;
}

static nb_wide_t
place_unit(int decimals)
{
	nb_wide_t u = NB_AMOUNT_SCALE;

	while (decimals-- > 0 && u > 1)
		u /= 10;
	return u;
}

/* The text's figure agrees with the table's to the last digit it gives. */
static int
agrees(nb_wide_t stated, int decimals, int64_t per, nb_wide_t table)
{
	nb_wide_t d = stated - table * per;

	return (d < 0 ? -d : d) < place_unit(decimals);
}

static void
put_units(nb_buf_t *b, nb_wide_t v, int decimals)
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
	nb_wide_t v;
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
               nb_wide_t stated, int decimals, int64_t per)
{
	size_t i;
	int unjudged = 0, d;
	nb_wide_t v;

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
put_chars(nb_buf_t *b, const nb_treader_t *R, size_t a, size_t z)
{
	size_t from = nb_content_byte(R, a);

	nb_buf_add(b, R->text + from, nb_content_byte(R, z) - from);
}

static int
report(nb_treader_t *R, const nb_tcheck_t *c, size_t a, size_t z, char *msg)
{
	nb_finding_t f;

	memset(&f, 0, sizeof f);
	f.severity = c->severity;
	f.rule_id = c->id;
	f.cell = R->field->cell;
	f.message = msg;
	f.in_text = 1;
	f.item = R->item;
	f.start = nb_content_byte(R, a);
	f.end = nb_content_byte(R, z);
	nb_textpos_locate(R->tpos, R->text, f.start, &f.line, &f.col);
	if (nb_findings_put(R->out, R->r, f) < 0)
		R->failed = 1;
	return R->failed ? -1 : 0;
}

int
nb_content_say(nb_treader_t *R, const nb_tcheck_t *c, size_t a, size_t z,
               const nb_tsay_t *say)
{
	nb_buf_t match, table, first, year;
	nb_wide_t v;
	int d, rc;
	char *msg;

	nb_buf_init(&match);
	nb_buf_init(&table);
	nb_buf_init(&first);
	nb_buf_init(&year);
	put_chars(&match, R, say->from, say->to);
	put_readings(&table, R->r, say->readings, say->nreadings);
	if (say->nreadings && reading_value(R->r, say->readings, &v, &d))
		put_units(&first, v, d);
	nb_buf_printf(&year, "%lld", (long long)nb_report_year(R->r));
	{
		var_t vars[] = {
			{ "{text}", say->text }, { "{match}", match.data },
			{ "{readings}", table.data }, { "{table}", first.data },
			{ "{field}", R->where }, { "{year}", year.data },
			{ say->extra_name ? say->extra_name : "{}", say->extra },
		};
		msg = expand(say->tmpl, vars, sizeof vars / sizeof vars[0]);
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
static nb_wide_t
sum_captures(const nb_treader_t *R, size_t base, const nb_tmatch_t *m, int *decimals,
             nb_buf_t *b)
{
	nb_wide_t s = 0;
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
compare(nb_treader_t *R, const nb_tcheck_t *c, const char *tmpl, size_t a, size_t z,
        size_t base, const nb_tmatch_t *m, const nb_treading_t *rd, size_t nrd,
        nb_wide_t stated, int decimals, const char *text)
{
	nb_tsay_t say = { tmpl, text, base + m->start, base + m->end, rd, nrd,
	                  NULL, NULL };

	if (judge_readings(R->r, rd, nrd, stated, decimals, c->per) != 0)
		return 0;
	return nb_content_say(R, c, a, z, &say);
}

static int
judge_main(nb_treader_t *R, const nb_tclaim_t *cl, size_t a, size_t z, nb_wide_t *stated,
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
find_parts(const nb_tcheck_t *c, const nb_tseen_t *z, const nb_tplaces_t *pl,
           const uint32_t *s, size_t to, size_t from, part_hit_t *hit)
{
	size_t i, k, at;
	nb_tmatch_t m;

	for (i = 0; i < c->nparts; i++) {
		hit[i].found = 0;
		for (at = from; nb_tpat_find_seen(c->parts[i].pat, z, pl, s, to, at, &m); ) {
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
judge_whole(nb_treader_t *R, const nb_tclaim_t *cl, size_t a, size_t z,
            const part_hit_t *hit, const char *whole, nb_wide_t stated, int decimals)
{
	const nb_tcheck_t *c = cl->c;
	nb_tsay_t say = { NULL, NULL, 0, 0, NULL, 0, NULL, NULL };
	nb_buf_t parts, text;
	nb_wide_t sum = 0;
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
	say.tmpl = c->parts_message ? c->parts_message : c->message;
	say.text = text.data;
	say.from = a + cl->m.start;
	say.to = a + cl->m.end;
	say.extra_name = "{parts}";
	say.extra = parts.data;
	rc = parts.failed || text.failed ? -1 : nb_content_say(R, c, a, z, &say);
	nb_buf_free(&parts);
	nb_buf_free(&text);
	return rc;
}

static int
judge_parts(nb_treader_t *R, const nb_tclaim_t *cl, size_t a, size_t z, size_t to,
            nb_wide_t stated, int decimals)
{
	const nb_tcheck_t *c = cl->c;
	part_hit_t hit[32];
	nb_buf_t text;
	size_t i, k;
	int d, rc = 0;
	nb_wide_t v;

	if (!c->nparts || c->nparts > 32)
		return 0;
	find_parts(c, R->seen, &R->places, R->t.cp + a, to, cl->m.end, hit);
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
share_agrees(nb_wide_t pct, int decimals, nb_wide_t part, nb_wide_t whole)
{
	nb_wide_t d = pct * whole - 100 * part * NB_AMOUNT_SCALE;

	return (d < 0 ? -d : d) < place_unit(decimals) * whole;
}

static int
judge_share(nb_treader_t *R, const nb_tclaim_t *cl, size_t a, size_t z, size_t to)
{
	const nb_tcheck_t *c = cl->c;
	nb_tsay_t say = { NULL, NULL, 0, 0, NULL, 0, NULL, NULL };
	nb_tmatch_t m;
	nb_wide_t part, whole;
	int d, rc, judged = 0;
	size_t i;
	nb_buf_t text, computed;

	if (!c->share || !nb_tpat_find_seen(c->share, R->seen, &R->places, R->t.cp + a, to, cl->m.end, &m) ||
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
	say.tmpl = c->share_message;
	say.text = text.data;
	say.from = a + m.start;
	say.to = a + m.end;
	say.readings = c->share_of;
	say.nreadings = c->nshare_of;
	say.extra_name = "{computed}";
	say.extra = computed.data;
	rc = text.failed || computed.failed ? -1 : nb_content_say(R, c, a, z, &say);
	nb_buf_free(&text);
	nb_buf_free(&computed);
	return rc;
}

int
nb_content_figure(nb_treader_t *R, const nb_tclaim_t *cl, size_t a, size_t z,
                  size_t to)
{
	nb_wide_t stated;
	int d;

	if (judge_main(R, cl, a, z, &stated, &d) < 0 ||
	    (!cl->c->each && judge_parts(R, cl, a, z, to, stated, d) < 0))
		return -1;
	return judge_share(R, cl, a, z, to);
}
