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

/* The three bytes of a well-formed three-byte character whose lead can
 * make no overlong form and no surrogate (E1-EC, EE, EF: CJK and its
 * punctuation, full-width forms; then two of 80-BF), each by its place:
 * the bits it gives the code point, and 0x10000 when it may stand there.
 * A character's three entries add up to 0x30000 and its code point only
 * when all three may; the tables test and decode at once. */
#define B4(f, b) f(b) f((b) + 1) f((b) + 2) f((b) + 3)
#define B16(f, b) B4(f, b) B4(f, (b) + 4) B4(f, (b) + 8) B4(f, (b) + 12)
#define LEAD(b) [b] = 0x10000 | ((b) - 0xE0) << 12,
#define MID(b) [b] = 0x10000 | ((b) - 0x80) << 6,
#define LAST(b) [b] = 0x10000 | ((b) - 0x80),
static const uint32_t cjk_bytes[3][256] = {
	{ B4(LEAD, 0xE1) B4(LEAD, 0xE5) B4(LEAD, 0xE9) LEAD(0xEE) LEAD(0xEF) },
	{ B16(MID, 0x80) B16(MID, 0x90) B16(MID, 0xA0) B16(MID, 0xB0) },
	{ B16(LAST, 0x80) B16(LAST, 0x90) B16(LAST, 0xA0) B16(LAST, 0xB0) },
};
#undef B4
#undef B16
#undef LEAD
#undef MID
#undef LAST

/* Whether u[i] starts such a character (most characters of a text),
 * i + 2 < len known; its code point into *c. */
static inline int
plain_cjk(const unsigned char *u, uint32_t *c)
{
	uint32_t sum = cjk_bytes[0][u[0]] + cjk_bytes[1][u[1]] + cjk_bytes[2][u[2]];

	if (sum < 0x30000)
		return 0;
	*c = sum - 0x30000;
	return 1;
}

/* The character at *p, before end, that is not a well-formed CJK one (or
 * stands too near the end to be read as one), *p moved past it. */
static uint32_t
other_char(const unsigned char **p, const unsigned char *end)
{
	const unsigned char *q = *p;
	uint32_t c;

	if (*q < 0x80) {
		*p = q + 1;
		return *q;
	}
	*p = q + nb_utf8_next((const char *)q, (size_t)(end - q), &c);
	return c;
}

/* The character at *p, before end, *p moved past it: well-formed
 * characters at once, CJK first as most are, the rest through
 * nb_utf8_next (which takes a bad byte for one character).  Texts are
 * decoded by plain_cjk and other_char alike (decode_and_cut), so that
 * nb_content_byte counts the very characters they were cut into. */
static inline uint32_t
next_char(const unsigned char **p, const unsigned char *end)
{
	uint32_t c;

	if (end - *p > 2 && plain_cjk(*p, &c)) {
		*p += 3;
		return c;
	}
	return other_char(p, end);
}

static int
is_blank(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0x3000;   /* 　 */
}

/* What the form's kinds say of c: the table below NB_TKEEP_SIZE; above
 * it every character is kept, and ends a sentence where the form says. */
static inline unsigned
kind_of(const struct nb_content_rules *C, uint32_t c)
{
	size_t i;

	if (c < NB_TKEEP_SIZE)
		return C->kinds[c];
	for (i = 0; i < C->nends; i++)
		if (C->ends[i] == c)
			return NB_TC_END;
	return NB_TKEEP_BIT | NB_TKEEP_FIRST;
}

size_t
nb_content_byte(const nb_treader_t *R, size_t k)
{
	const unsigned char *u = (const unsigned char *)R->text, *p = u;

	while (k--)
		next_char(&p, u + R->t.len);
	return (size_t)(p - u);
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
	int known;              /* looked for yet: only once a check needs it */
	size_t other_at;
	int this_year;
} years_t;

static const years_t *
years_named(const nb_treader_t *R, const uint32_t *s, size_t n, years_t *y)
{
	int64_t year = nb_report_year(R->r);
	nb_tmatch_t m;
	size_t at = 0, i;

	if (y->known)
		return y;
	y->known = 1;
	y->other_at = n;
	y->this_year = 0;
	while (R->C->other_year && year &&
	       nb_tpat_find_seen(R->C->other_year, R->seen, &R->places, s, n, at, &m)) {
		for (i = 0; i < m.ncap; i++) {
			if (m.cap[i].value == year * NB_AMOUNT_SCALE)
				y->this_year = 1;
			else if (y->other_at == n)
				y->other_at = m.start;
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
reads_sentence(const nb_treader_t *R, const nb_tcheck_t *c, const uint32_t *s,
               size_t n, years_t *y)
{
	nb_tmatch_t x;

	if (c->needs && !nb_tpat_find_seen(c->needs, R->seen, &R->places, s, n, 0, &x))
		return 0;
	if (c->unless && nb_tpat_find_seen(c->unless, R->seen, &R->places, s, n, 0, &x))
		return 0;
	return !(c->unless_this_year && years_named(R, s, n, y)->this_year);
}

#define CLAUSE_MAX 64   /* what a clause says before a statement, at most */

/* Whether a statement at m is to be compared: its clause says nothing
 * that makes it another's figure, and the sentence has named no other
 * year before it. */
static int
takes(const nb_treader_t *R, const nb_tcheck_t *c, const uint32_t *s, size_t n,
      const nb_tmatch_t *m, years_t *y)
{
	nb_tplaces_t clause = R->places;
	nb_tmatch_t x;
	size_t k = m->start;

	while (k > 0 && m->start - k < CLAUSE_MAX && !is_gap_stop(c->pat, s[k - 1]))
		k--;
	clause.base += k;
	if (c->unless_before &&
	    nb_tpat_find_seen(c->unless_before, R->seen, &clause, s + k, m->start - k, 0, &x))
		return 0;
	return reads_year(R->r, c) || years_named(R, s, n, y)->other_at >= m->start;
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

/* The checks that may find something in the sentence being read (the
 * figure checks first, in the form's order, then the forbidden ones),
 * each with the places where it may start a match. */
#define ACTIVE_MAX 64           /* checks held on the stack; more on the heap */
#define ACTIVE_PLACES 2048      /* places split, at most */
#define SPLIT_MIN 3             /* fewer checks pass over the places each */

typedef struct {
	const nb_tcheck_t **c;
	const nb_tpat_t **p;
	nb_tplaces_t *pl;
	size_t n, nfigure;
	size_t *buf;            /* ACTIVE_PLACES */
} active_t;

static size_t
claim(const nb_treader_t *R, const active_t *A, const uint32_t *s, size_t n,
      nb_tclaim_t *cl)
{
	years_t y = { 0, 0, 0 };
	size_t i, at, got = 0;
	nb_tmatch_t m;

	for (i = 0; i < A->nfigure && got < MAX_CLAIMS; i++) {
		const nb_tcheck_t *c = A->c[i];
		const nb_tplaces_t *pl = &A->pl[i];
		if (!nb_tpat_find_places(c->pat, pl, s, n, 0, &m) ||
		    !reads_sentence(R, c, s, n, &y))
			continue;
		do {
			at = m.end > m.start ? m.end : m.start + 1;
			if (overlaps(cl, got, &m) || !takes(R, c, s, n, &m, &y))
				continue;
			cl[got].c = c;
			cl[got++].m = m;
		} while (got < MAX_CLAIMS && nb_tpat_find_places(c->pat, pl, s, n, at, &m));
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
figures(nb_treader_t *R, const active_t *A, size_t a, size_t z)
{
	nb_tclaim_t cl[MAX_CLAIMS];
	size_t n, i, to;

	n = claim(R, A, R->t.cp + a, z - a, cl);
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
forbidden(nb_treader_t *R, const active_t *A, size_t a, size_t z)
{
	nb_tmatch_t m;
	size_t i;

	for (i = A->nfigure; i < A->n; i++) {
		const nb_tcheck_t *c = A->c[i];
		if (!nb_tpat_find_places(c->pat, &A->pl[i], R->t.cp + a, z - a, 0, &m))
			continue;
		nb_tsay_t say = { c->message, "", a + m.start, a + m.end, NULL, 0,
		                  NULL, NULL };
		if (nb_content_say(R, c, a, z, &say) < 0)
			return -1;
	}
	return 0;
}

/* The checks of a kind that are on, into out: their number. */
static size_t
checks_on(const nb_treader_t *R, nb_tc_kind_t kind, const nb_tcheck_t **out)
{
	size_t i, n = 0;

	for (i = 0; i < R->C->n; i++)
		if (R->C->v[i].kind == kind && !R->switched_off[i])
			out[n++] = &R->C->v[i];
	return n;
}

/* Those of the checks on[0..n) that read the text being read and may find
 * something in it: the rest need not be tried on any of its sentences. */
static size_t
candidates(const nb_treader_t *R, const nb_tcheck_t *const *on, size_t n,
           const nb_tcheck_t **out)
{
	size_t i, got = 0;

	for (i = 0; i < n; i++)
		if (reads_field(on[i], R->field) && nb_tpat_may_occur(on[i]->pat, R->seen))
			out[got++] = on[i];
	return got;
}

/* The reader's summary and places those of the whole text being read. */
static void
text_places(nb_treader_t *R)
{
	R->seen = &R->cur->seen;
	R->places.at = R->t.places;
	R->places.n = R->t.nplaces;
	R->places.base = 0;
}

/* Those of the text's candidates on[0..n) that may match the sentence
 * being read, added to A. */
static void
add_active(const nb_treader_t *R, const nb_tcheck_t *const *on, size_t n,
           active_t *A)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (nb_tpat_may_occur(on[i]->pat, R->seen)) {
			A->p[A->n] = on[i]->pat;
			A->c[A->n++] = on[i];
		}
}

/* The checks that may match the sentence being read, of n characters,
 * and their places: the sentence's places split among them in one pass
 * (or, when that would take more room than there is, all of them for
 * each). */
static void
active(const nb_treader_t *R, size_t n, active_t *A)
{
	size_t k;

	A->n = 0;
	add_active(R, R->figure, R->nfigure, A);
	A->nfigure = A->n;
	add_active(R, R->forbidden, R->nforbidden, A);
	if (!A->n)
		return;
	if (A->n >= SPLIT_MIN && A->n * R->places.n <= ACTIVE_PLACES) {
		nb_tpat_split_places(A->p, A->n, &R->places, R->t.cp + R->places.base,
		                     n, A->buf, A->pl);
		return;
	}
	for (k = 0; k < A->n; k++)
		A->pl[k] = R->places;
}

/* The sentences of the text being read, each with the reader's `seen`
 * and places on it while it is read. */
static int
sentences(nb_treader_t *R)
{
	const nb_tsentence_t *S = R->sents + R->cur->sent;
	const nb_tcheck_t *c[ACTIVE_MAX];
	const nb_tpat_t *p[ACTIVE_MAX];
	nb_tplaces_t pl[ACTIVE_MAX];
	size_t buf[ACTIVE_PLACES], i, most;
	active_t A = { c, p, pl, 0, 0, buf };
	int rc = 0;

	R->nfigure = candidates(R, R->figure_on, R->nfigure_on, R->figure);
	R->nforbidden = candidates(R, R->forbidden_on, R->nforbidden_on, R->forbidden);
	if ((most = R->nfigure + R->nforbidden) > ACTIVE_MAX) {
		A.c = malloc(most * sizeof *A.c);
		A.p = malloc(most * sizeof *A.p);
		A.pl = malloc(most * sizeof *A.pl);
		if (!A.c || !A.p || !A.pl) {
			R->failed = 1;
			rc = -1;
		}
	}
	for (i = 0; i < R->cur->nsent && rc == 0; i++) {
		R->seen = &S[i].seen;
		R->places.at = R->t.places + S[i].ka;
		R->places.n = S[i].kz - S[i].ka;
		R->places.base = S[i].a;
		active(R, S[i].z - S[i].a, &A);
		if (A.n && (figures(R, &A, S[i].a, S[i].z) < 0 ||
		            forbidden(R, &A, S[i].a, S[i].z) < 0))
			rc = -1;
	}
	if (most > ACTIVE_MAX) {
		free(A.c);
		free(A.p);
		free(A.pl);
	}
	text_places(R);
	return rc;
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
		if (c->kind != NB_TC_WHOLE || R->switched_off[i] || !reads_field(c, R->field) ||
		    !nb_tpat_match_whole(c->pat, R->t.cp + a, z - a, &m))
			continue;
		nb_tsay_t say = { c->message, "", a, z, NULL, 0, NULL, NULL };
		if (nb_content_say(R, c, a, z, &say) < 0)
			return -1;
	}
	return 0;
}

/* ---- every text of the report ---- */

typedef int (*text_visit_fn)(const nb_report_t *r, const nb_field_t *f, int item,
                             const char *text, const nb_textpos_t *tpos,
                             const char *where, void *ctx);

/* Calls fn for every paragraph text of r that is not empty, in cell
 * order (r's form has text checks). */
static int
visit_texts(const nb_report_t *r, text_visit_fn fn, void *ctx)
{
	const nb_form_t *F = r->form;
	const struct nb_content_rules *C = F->content;
	size_t j, k;

	for (j = 0; j < C->ntext_cells; j++) {
		const nb_field_t *f = F->cells[C->text_cells[j]].field;
		const nb_value_t *v = &r->values[C->text_cells[j]];
		int items = f->type == NB_T_ITEMS;
		for (k = 0; k < (items ? v->nitems : 1); k++) {
			const char *text = items ? v->items[k].text : v->text;
			if (text && *text &&
			    fn(r, f, items ? (int)k : -1, text, items ? &v->items[k].tpos : &v->tpos,
			       items ? v->items[k].title : f->label, ctx) < 0)
				return -1;
		}
	}
	return 0;
}

static int
count_text(const nb_report_t *r, const nb_field_t *f, int item, const char *text,
           const nb_textpos_t *tpos, const char *where, void *ctx)
{
	size_t *n = ctx;

	(void)r, (void)f, (void)item, (void)tpos, (void)where;
	n[0]++;
	n[1] += strlen(text);
	return 0;
}

/* The sentence [a, z) of T with the summary of its kept characters,
 * `held` what they were (NB_TKEEP_*), and T's kept [ka, kz) of them. */
static inline int
add_sentence(nb_treader_t *R, size_t *cap, const nb_ttext_t *T, size_t a, size_t z,
             size_t ka, size_t kz, const nb_tseen_t *seen, unsigned held)
{
	nb_tsentence_t *s;

	while (a < z && is_blank(T->t.cp[a]))
		a++;
	while (z > a && is_blank(T->t.cp[z - 1]))
		z--;
	if (a == z)
		return 0;
	if (R->nsents == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		if (!(s = realloc(R->sents, *cap * sizeof *s)))
			return -1;
		R->sents = s;
	}
	s = &R->sents[R->nsents++];
	s->a = a;
	s->z = z;
	s->ka = ka;
	s->kz = kz;
	s->seen = *seen;
	s->seen.digit = !!(held & NB_TKEEP_DIGIT);
	s->seen.numeral = !!(held & NB_TKEEP_NUMERAL);
	return 0;
}

/* Decodes into o the CJK characters from *p on, up to the first other
 * character (*k 0) or up to and with the first the form's kinds say *k
 * (not 0) of: most characters of a text, at the least cost.  Where o
 * ends. */
static inline uint32_t *
plain_run(const unsigned char *kind, const unsigned char **p,
          const unsigned char *end3, uint32_t *o, unsigned *k)
{
	const unsigned char *q = *p;
	unsigned kc = 0;
	uint32_t c;

	while (q < end3 && plain_cjk(q, &c)) {
		q += 3;
		*o++ = c;
		if ((kc = kind[c]))
			break;
	}
	*p = q;
	*k = kc;
	return o;
}

/* Decodes a text of len bytes into cp and cuts it into its sentences,
 * blanks trimmed, empty ones left out; of each sentence's characters
 * only those the form's patterns look for are summed up, and the places
 * where a match may start kept.  One pass. */
static int
decode_and_cut(nb_treader_t *R, nb_ttext_t *T, size_t len, uint32_t *cp,
               size_t *places, size_t *cap)
{
	const unsigned char *kind = R->C->kinds, *p = (const unsigned char *)T->text;
	const unsigned char *end = p + len, *end3 = len > 2 ? end - 2 : p;
	size_t a = 0, from = 0, n, np = 0;
	uint32_t *o = cp, c;
	unsigned k, held = 0;
	nb_tseen_t z;

	T->t.cp = cp;
	T->t.len = len;
	T->t.places = places;
	T->sent = R->nsents;
	memset(&z, 0, sizeof z);
	while (p < end) {
		o = plain_run(kind, &p, end3, o, &k);
		if (!k) {
			if (p == end)
				break;
			*o++ = other_char(&p, end);
			if (!(k = kind_of(R->C, o[-1])))
				continue;
		}
		c = o[-1];
		if (k & NB_TC_END) {
			n = (size_t)(o - cp) - 1;
			if (add_sentence(R, cap, T, a, n, from, np, &z, held) < 0)
				return -1;
			memset(&z, 0, sizeof z);
			held = 0;
			a = n + 1;
			from = np + ((k & NB_TKEEP_FIRST) != 0);
		} else {
			nb_tpat_seen_char(&z, c);
			held |= k;
		}
		if (k & NB_TKEEP_FIRST)
			places[np++] = (size_t)(o - cp) - 1;
	}
	T->t.n = (size_t)(o - cp);
	T->t.nplaces = np;
	if (add_sentence(R, cap, T, a, T->t.n, from, np, &z, held) < 0)
		return -1;
	T->nsent = R->nsents - T->sent;
	return 0;
}

/* What a text holds: its sentences' kept characters, and every character
 * that ends a sentence or is trimmed from one, which those leave out and a
 * pattern over the whole text may need (some of them a harmless excess). */
static void
text_seen(const nb_treader_t *R, nb_ttext_t *T)
{
	const nb_tsentence_t *S = R->sents + T->sent;
	size_t i, k;

	T->seen = R->ends;
	for (i = 0; i < T->nsent; i++) {
		for (k = 0; k < 16; k++)
			T->seen.bits[k] |= S[i].seen.bits[k];
		T->seen.digit |= S[i].seen.digit;
		T->seen.numeral |= S[i].seen.numeral;
	}
}

typedef struct {
	nb_treader_t *R;
	size_t used, cap;       /* characters decoded, sentences room */
} loading_t;

static int
load_text(const nb_report_t *r, const nb_field_t *f, int item, const char *text,
          const nb_textpos_t *tpos, const char *where, void *ctx)
{
	loading_t *L = ctx;
	nb_treader_t *R = L->R;
	nb_ttext_t *T = &R->texts[R->ntexts++];
	uint32_t *cp = R->cp + L->used;

	(void)r;
	T->field = f;
	T->item = item;
	T->text = text;
	T->tpos = tpos;
	T->where = where;
	if (decode_and_cut(R, T, strlen(text), cp, R->place_at + L->used, &L->cap) < 0)
		return -1;
	L->used += T->t.n;
	text_seen(R, T);
	return 0;
}

/* The characters that end a sentence or are trimmed from one. */
static void
ends_seen(nb_treader_t *R)
{
	uint32_t more[] = { '\n', ' ', '\t', 0x3000 };
	nb_tseen_t z;
	size_t k;

	nb_tpat_seen(&R->ends, R->C->ends, R->C->nends);
	nb_tpat_seen(&z, more, sizeof more / sizeof more[0]);
	for (k = 0; k < 16; k++)
		R->ends.bits[k] |= z.bits[k];
}

/* Decodes every text of the report once, and cuts it into sentences. */
static int
load_texts(nb_treader_t *R)
{
	size_t count[2] = { 0, 0 };     /* texts, bytes */
	loading_t L = { R, 0, 0 };

	visit_texts(R->r, count_text, count);
	if (!count[0])
		return 0;
	ends_seen(R);
	R->figure = malloc(R->C->n * sizeof *R->figure);
	R->forbidden = malloc(R->C->n * sizeof *R->forbidden);
	R->figure_on = malloc(R->C->n * sizeof *R->figure_on);
	R->forbidden_on = malloc(R->C->n * sizeof *R->forbidden_on);
	R->texts = calloc(count[0], sizeof *R->texts);
	R->cp = malloc(count[1] * sizeof *R->cp);
	R->place_at = malloc(count[1] * sizeof *R->place_at);
	if (!R->figure || !R->forbidden || !R->figure_on || !R->forbidden_on ||
	    !R->texts || !R->cp || !R->place_at)
		return -1;
	R->nfigure_on = checks_on(R, NB_TC_FIGURE, R->figure_on);
	R->nforbidden_on = checks_on(R, NB_TC_FORBIDDEN, R->forbidden_on);
	return visit_texts(R->r, load_text, &L);
}

static void
texts_free(nb_treader_t *R)
{
	free(R->figure);
	free(R->forbidden);
	free(R->figure_on);
	free(R->forbidden_on);
	free(R->texts);
	free(R->sents);
	free(R->cp);
	free(R->place_at);
}

typedef int (*text_fn)(nb_treader_t *R, void *ctx);

/* Calls fn for every text with the reader on it. */
static int
each_text(nb_treader_t *R, text_fn fn, void *ctx)
{
	size_t i;

	for (i = 0; i < R->ntexts; i++) {
		const nb_ttext_t *T = &R->texts[i];
		R->field = T->field;
		R->item = T->item;
		R->text = T->text;
		R->tpos = T->tpos;
		R->where = T->where;
		R->t = T->t;
		R->cur = T;
		text_places(R);
		if (fn(R, ctx) < 0 || R->failed)
			return -1;
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
	M->said |= nb_tpat_find_seen(M->c->pat, R->seen, &R->places, R->t.cp, R->t.n, 0, &m);
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
	size_t a = 0, z, from = 0, to, nth = 0;
	char num[24];

	if (!reads_field(P->c, R->field))
		return 0;
	/* a line end is one byte and one character: the lines' bytes are
	 * found alongside their characters */
	for (; a < R->t.n; a = z + 1, from = to + 1) {
		for (z = a; z < R->t.n && R->t.cp[z] != '\n'; z++)
			;
		to = from + strcspn(R->text + from, "\n");
		nth += z > a;
		if ((int)(z - a) >= P->c->min_chars && z > a &&
		    in_previous(P->prev, R->text + from, to - from)) {
			snprintf(num, sizeof num, "%zu", nth);
			nb_tsay_t say = { P->c->message, num, a, z, NULL, 0, "{n}", num };
			if (nb_content_say(R, P->c, a, z, &say) < 0)
				return -1;
		}
	}
	return 0;
}

/* Which checks are switched off: 1 for those named in off.  The number
 * left on, or -1 when out of memory. */
static long
switch_off(nb_treader_t *R, const char *const *off, size_t noff)
{
	size_t i, k;
	long on = 0;

	if (!(R->switched_off = calloc(R->C->n ? R->C->n : 1, 1)))
		return -1;
	for (i = 0; i < R->C->n; i++) {
		for (k = 0; k < noff && !R->switched_off[i]; k++)
			R->switched_off[i] = !strcmp(R->C->v[i].id, off[k]);
		on += !R->switched_off[i];
	}
	return on;
}

int
nb_content_eval_without(const nb_report_t *r, const nb_report_t *prev,
                        const char *const *off, size_t noff, nb_findings_t *out)
{
	nb_treader_t R;
	size_t i;
	long on;
	int rc;

	memset(&R, 0, sizeof R);
	R.r = r;
	R.C = r->form->content;
	R.out = out;
	if (!R.C)
		return 0;
	if ((on = switch_off(&R, off, noff)) <= 0) {
		free(R.switched_off);
		return on < 0 ? -1 : 0;     /* with all off, not a text is read */
	}
	rc = load_texts(&R) < 0 ? -1 : each_text(&R, read_text, NULL);
	for (i = 0; i < R.C->n && rc == 0; i++) {
		const nb_tcheck_t *c = &R.C->v[i];
		previous_t P = { c, prev };
		if (R.switched_off[i])
			continue;
		if (c->kind == NB_TC_MENTIONS && mentions(&R, c) < 0)
			rc = -1;
		else if (c->kind == NB_TC_PREVIOUS && prev && prev->form == r->form &&
		         each_text(&R, same_as_previous, &P) < 0)
			rc = -1;
	}
	free(R.switched_off);
	texts_free(&R);
	return rc;
}

int
nb_content_eval(const nb_report_t *r, const nb_report_t *prev,
                nb_findings_t *out)
{
	return nb_content_eval_without(r, prev, NULL, 0, out);
}
