/* textpat.c - compiling and matching the patterns of textpat.h: a tree
 * of nodes in the form's arena, matched by backtracking with the rest of
 * the pattern passed along as a chain of continuations. */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/text.h"
#include "core/textpat.h"

enum { T_LIT, T_SET, T_GAP, T_CAP, T_GROUP, T_NOT, T_BEHIND, T_BOL, T_EOL };

#define GAP_MAX 10
#define WORDS_DEPTH 8
#define UNIT 1000000000LL           /* 1e-9 units per whole */
#define COUNT_MAX 9000000000LL      /* so that units never overflow */

struct nb_tnode {
	int type;
	uint32_t cp;                    /* T_LIT */
	uint32_t *ranges;               /* T_SET: pairs lo, hi */
	size_t nranges;
	int neg;                        /* T_SET: [^...] */
	int cap;                        /* T_CAP: 'n', 'd' or 'y' */
	nb_tnode_t **alts;              /* T_GROUP, T_NOT: sequences */
	size_t nalts;
	uint64_t *alt_starts;           /* T_GROUP: of each alternative, bit
	                                 * c % 64 of each character c it can
	                                 * start with; all set when any */
	uint64_t *alt_by_bit;           /* T_GROUP of up to 64: of each bit
	                                 * c % 64, bit i for each alternative
	                                 * that may start with c; [64] those
	                                 * that may start with anything */
	int opt;                        /* T_GROUP: may be left out */
	int min, max;                   /* T_LIT, T_SET: repetition */
	nb_tnode_t *next;
};

/* ---- characters ---- */

/* The Chinese numerals of numeral_of, for the summaries and for where a
 * count may start. */
static const uint32_t numerals[] = {
	0x96F6, 0x3007, 0x4E00, 0x4E8C, 0x4E24, 0x4E09, 0x56DB, 0x4E94,
	0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x5343, 0x4E07,
};
#define NNUMERALS (sizeof numerals / sizeof numerals[0])

static int
digit_of(uint32_t c)
{
	if (c >= '0' && c <= '9')
		return (int)(c - '0');
	if (c >= 0xFF10 && c <= 0xFF19)     /* full-width digits */
		return (int)(c - 0xFF10);
	return -1;
}

/* Chinese numerals: the digit (0-9) a character stands for, or -1 with
 * *unit the power of ten (10, 100, 1000, 10000) it stands for, or -1 with
 * *unit -1 for neither. */
static int
numeral_of(uint32_t c, int *unit)
{
	static const struct { uint32_t cp; int digit, unit; } tab[] = {
		{ 0x96F6, 0, 0 }, { 0x3007, 0, 0 },        /* 零 〇 */
		{ 0x4E00, 1, 0 }, { 0x4E8C, 2, 0 }, { 0x4E24, 2, 0 },  /* 一 二 两 */
		{ 0x4E09, 3, 0 }, { 0x56DB, 4, 0 }, { 0x4E94, 5, 0 },  /* 三 四 五 */
		{ 0x516D, 6, 0 }, { 0x4E03, 7, 0 }, { 0x516B, 8, 0 },  /* 六 七 八 */
		{ 0x4E5D, 9, 0 },                                      /* 九 */
		{ 0x5341, -1, 10 }, { 0x767E, -1, 100 }, { 0x5343, -1, 1000 }, /* 十 百 千 */
		{ 0x4E07, -1, 10000 },                                 /* 万 */
	};
	size_t i;

	for (i = 0; i < sizeof tab / sizeof tab[0]; i++)
		if (tab[i].cp == c) {
			*unit = tab[i].unit;
			return tab[i].digit;
		}
	*unit = -1;
	return -1;
}

static int
is_numeral(uint32_t c)
{
	int unit;

	return numeral_of(c, &unit) >= 0 || unit > 0;
}

static int
is_stop(const nb_tpat_t *p, uint32_t c)
{
	size_t i;

	if (digit_of(c) >= 0)
		return 1;
	for (i = 0; i < p->nstops; i++)
		if (p->stops[i] == c)
			return 1;
	return 0;
}

/* ---- numbers ---- */

/* Arabic digits from s[i] (thousands may be grouped by commas), and with
 * `decimals` a fraction after a point.  0 when there is no number or it is
 * too large. */
static int
read_arabic(const uint32_t *s, size_t n, size_t i, int decimals, nb_tcap_t *c)
{
	int64_t whole = 0, frac = 0, scale = UNIT;
	int d, places = 0;

	c->start = i;
	if (i >= n || digit_of(s[i]) < 0)
		return 0;
	for (;;) {
		while (i < n && (d = digit_of(s[i])) >= 0) {
			if ((whole = whole * 10 + d) > COUNT_MAX)
				return 0;
			i++;
		}
		if (!(i + 3 < n && s[i] == ',' && digit_of(s[i + 1]) >= 0 &&
		      digit_of(s[i + 2]) >= 0 && digit_of(s[i + 3]) >= 0 &&
		      (i + 4 >= n || digit_of(s[i + 4]) < 0)))
			break;
		i++;
	}
	if (i + 1 < n && s[i] == '.' && digit_of(s[i + 1]) >= 0) {
		if (!decimals)
			return 0;           /* 1.5 is not a count */
		for (i++; i < n && (d = digit_of(s[i])) >= 0; i++, places++)
			if (places < 9)
				frac += d * (scale /= 10);
	}
	c->value = whole * UNIT + frac;
	c->decimals = places;
	c->end = i;
	return 1;
}

/* Chinese numerals from s[i]: 十二, 一百零三, 两万; digits alone (二〇二四)
 * are read digit by digit. */
static int
read_chinese(const uint32_t *s, size_t n, size_t i, nb_tcap_t *c)
{
	int64_t total = 0, section = 0, digit = 0, plain = 0;
	int d, unit, units = 0, digits = 0, after_digit = 0;

	c->start = i;
	for (; i < n && ((d = numeral_of(s[i], &unit)) >= 0 || unit > 0); i++) {
		if (d >= 0) {
			digit = d;
			plain = plain * 10 + d;
			digits++;
		} else if (unit == 10000) {
			total = (total + section + digit) * 10000;
			section = digit = 0;
			units++;
		} else {           /* 十 alone is ten, 二十 twenty */
			section += (after_digit ? digit : 1) * unit;
			digit = 0;
			units++;
		}
		after_digit = d > 0;
		if (total > COUNT_MAX || plain > COUNT_MAX)
			return 0;
	}
	if (!digits && !units)
		return 0;
	if (units + digits > 12 || (units && !(total + section + digit)))
		return 0;
	c->value = (units ? total + section + digit : plain) * UNIT;
	c->decimals = 0;
	c->end = i;
	return 1;
}

/* A capture at s[i]: never a number begun before i. */
static int
read_capture(int kind, const uint32_t *s, size_t n, size_t i, nb_tcap_t *c)
{
	if (i > 0 && (digit_of(s[i - 1]) >= 0 ||
	              (s[i - 1] == '.' && i > 1 && digit_of(s[i - 2]) >= 0)))
		return 0;
	if (kind == 'y')
		return read_arabic(s, n, i, 0, c) && c->end - c->start == 4 &&
		       c->value >= 1000 * UNIT;
	if (read_arabic(s, n, i, kind == 'd', c))
		return 1;
	if (kind == 'n' && !(i > 0 && is_numeral(s[i - 1])))
		return read_chinese(s, n, i, c);
	return 0;
}

/* ---- matching ---- */

typedef struct cont {
	const nb_tnode_t *node;
	const struct cont *up;
} cont_t;

typedef struct {
	const nb_tpat_t *p;
	const uint32_t *s;
	size_t n;
	nb_tmatch_t *m;
	int whole;              /* the match must reach the end */
} run_t;

static int run(run_t *R, const nb_tnode_t *t, size_t pos, const cont_t *k);

static int
one_char(const nb_tnode_t *t, uint32_t c)
{
	size_t i;
	int in = 0;

	if (t->type == T_LIT)
		return c == t->cp;
	for (i = 0; i + 1 < t->nranges * 2 && !in; i += 2)
		in = c >= t->ranges[i] && c <= t->ranges[i + 1];
	return in != t->neg;
}

static int
run_repeat(run_t *R, const nb_tnode_t *t, size_t pos, const cont_t *k)
{
	size_t got = 0;

	while (pos + got < R->n && (int)got < t->max && one_char(t, R->s[pos + got]))
		got++;
	for (;;) {
		if ((int)got < t->min)
			return 0;
		if (run(R, t->next, pos + got, k))
			return 1;
		if (!got--)
			return 0;
	}
}

static int
run_gap(run_t *R, const nb_tnode_t *t, size_t pos, const cont_t *k)
{
	size_t i;

	for (i = 0; i <= GAP_MAX && pos + i <= R->n; i++) {
		if (i && is_stop(R->p, R->s[pos + i - 1]))
			return 0;
		if (run(R, t->next, pos + i, k))
			return 1;
	}
	return 0;
}

static int
run_capture(run_t *R, const nb_tnode_t *t, size_t pos, const cont_t *k)
{
	nb_tmatch_t *m = R->m;
	nb_tcap_t c;

	if (m->ncap >= NB_TPAT_MAXCAP || !read_capture(t->cap, R->s, R->n, pos, &c))
		return 0;
	if (c.end < R->n && digit_of(R->s[c.end]) >= 0)
		return 0;
	m->cap[m->ncap++] = c;
	if (run(R, t->next, c.end, k))
		return 1;
	m->ncap--;
	return 0;
}

static int
run_group(run_t *R, const nb_tnode_t *t, size_t pos, const cont_t *k)
{
	cont_t after = { t->next, k };
	uint64_t which;
	size_t i;

	if (t->alt_by_bit) {        /* those that may start here, in order */
		which = t->alt_by_bit[pos < R->n ? R->s[pos] % 64 : 64];
		for (; which; which &= which - 1)
			if (run(R, t->alts[__builtin_ctzll(which)], pos, &after))
				return 1;
		return t->opt && run(R, t->next, pos, k);
	}
	for (i = 0; i < t->nalts; i++) {
		uint64_t starts = t->alt_starts[i];
		if (starts != UINT64_MAX &&
		    (pos >= R->n || !(starts >> (R->s[pos] % 64) & 1)))
			continue;   /* most alternatives, at their first character */
		if (run(R, t->alts[i], pos, &after))
			return 1;
	}
	return t->opt && run(R, t->next, pos, k);
}

static int
run_not(run_t *R, const nb_tnode_t *t, size_t pos, const cont_t *k)
{
	nb_tmatch_t scratch;
	run_t sub = { R->p, R->s, R->n, &scratch, 0 };
	size_t i;

	for (i = 0; i < t->nalts; i++) {
		scratch.ncap = 0;
		if (run(&sub, t->alts[i], pos, NULL))
			return 0;
	}
	return run(R, t->next, pos, k);
}

/* The steps that consume a plain character, end a sequence or only look
 * are taken in a loop: a call per step would cost more than the step. */
static int
run(run_t *R, const nb_tnode_t *t, size_t pos, const cont_t *k)
{
	for (;;) {
		if (!t) {
			if (k) {
				t = k->node;
				k = k->up;
				continue;
			}
			if (R->whole && pos != R->n)
				return 0;
			R->m->end = pos;
			return 1;
		}
		switch (t->type) {
		case T_LIT:
			if (t->min != 1 || t->max != 1)
				return run_repeat(R, t, pos, k);
			if (pos >= R->n || R->s[pos] != t->cp)
				return 0;   /* a plain character */
			pos++;
			break;
		case T_SET:   return run_repeat(R, t, pos, k);
		case T_GAP:   return run_gap(R, t, pos, k);
		case T_CAP:   return run_capture(R, t, pos, k);
		case T_GROUP: return run_group(R, t, pos, k);
		case T_NOT:   return run_not(R, t, pos, k);
		case T_BEHIND:
			if (pos > 0 && one_char(t->alts[0], R->s[pos - 1]))
				return 0;
			break;
		case T_BOL:
			if (pos != 0)
				return 0;
			break;
		default:
			if (pos != R->n)
				return 0;
			break;
		}
		t = t->next;
	}
}

int
nb_tpat_match_at(const nb_tpat_t *p, const uint32_t *s, size_t n, size_t pos,
                 nb_tmatch_t *m)
{
	run_t R = { p, s, n, m, 0 };

	m->ncap = 0;
	m->start = pos;
	return run(&R, p->head, pos, NULL);
}

int
nb_tpat_match_whole(const nb_tpat_t *p, const uint32_t *s, size_t n,
                    nb_tmatch_t *m)
{
	run_t R = { p, s, n, m, 1 };

	m->ncap = 0;
	m->start = 0;
	return run(&R, p->head, 0, NULL);
}

static int
seen_has(const nb_tseen_t *z, uint32_t c)
{
	return z->bits[c / 64 % 16] >> (c % 64) & 1;
}

/* Whether the sentence may hold a digit or a Chinese numeral, from its
 * bits: that another character shares a bit only lets a sentence through
 * that the matcher then rejects. */
static void
seen_end(nb_tseen_t *z)
{
	uint32_t c;
	size_t i;

	z->digit = z->numeral = 0;
	for (c = 0; c < 10 && !z->digit; c++)
		z->digit = seen_has(z, '0' + c) || seen_has(z, 0xFF10 + c);
	for (i = 0; i < NNUMERALS && !z->numeral; i++)
		z->numeral = seen_has(z, numerals[i]);
}

void
nb_tpat_seen(nb_tseen_t *z, const uint32_t *s, size_t n)
{
	size_t i;

	memset(z, 0, sizeof *z);
	for (i = 0; i < n; i++)
		nb_tpat_seen_char(z, s[i]);
	seen_end(z);
}

static void
keep(unsigned char *k, uint32_t c, unsigned what)
{
	if (c < NB_TKEEP_SIZE)
		k[c] |= (unsigned char)what;
}

/* The characters p's summary test looks at, and the digits and numerals
 * whose flags it reads. */
void
nb_tpat_keep_add(unsigned char *k, const nb_tpat_t *p)
{
	uint32_t c;
	size_t i;

	for (c = 0; c < 10; c++) {
		keep(k, '0' + c, NB_TKEEP_BIT | NB_TKEEP_DIGIT);
		keep(k, 0xFF10 + c, NB_TKEEP_BIT | NB_TKEEP_DIGIT);
	}
	for (i = 0; i < NNUMERALS; i++)
		keep(k, numerals[i], NB_TKEEP_BIT | NB_TKEEP_NUMERAL);
	for (i = 0; i < (size_t)p->nneed; i++)
		keep(k, p->need[i], NB_TKEEP_BIT);
	for (i = 0; p->nfirst > 0 && i < (size_t)p->nfirst; i++)
		keep(k, p->first[i], NB_TKEEP_BIT | NB_TKEEP_FIRST);
}

/* Where a pair of characters falls in pair_bits. */
static inline unsigned
pair_hash(uint32_t c, uint32_t d)
{
	return (c * 31u + d) % 256;
}

/* Whether a match can start at s[pos], as far as the first two
 * characters that p's matches start with go: by their bits, so that a
 * few places pass that the matcher then rejects. */
static inline int
may_start(const nb_tpat_t *p, const uint32_t *s, size_t n, size_t pos)
{
	uint32_t c = s[pos];
	unsigned w = c / 64 % 16, h;

	if (!(p->first_bits[w] >> (c % 64) & 1))
		return 0;           /* most characters, at once */
	if (p->any_bits[w] >> (c % 64) & 1)
		return 1;
	if (++pos == n)
		return 0;
	h = pair_hash(c, s[pos]);
	return p->pair_bits[h / 64] >> (h % 64) & 1;
}

/* The first of the places at or after character `from` of s. */
static size_t
first_place(const nb_tplaces_t *pl, size_t from)
{
	size_t lo = 0, hi = pl->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (pl->at[mid] < pl->base + from)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The first match at or after `from`, tried only where a match can
 * start: the loop over places is the matcher's hot path, and over the
 * places pl gives (when it does) rather than every character. */
static int
scan(const nb_tpat_t *p, const nb_tplaces_t *pl, const uint32_t *s, size_t n,
     size_t from, nb_tmatch_t *m)
{
	size_t pos = from, i;

	if (p->nfirst < 0) {
		for (; pos <= n; pos++)
			if (nb_tpat_match_at(p, s, n, pos, m))
				return 1;
		return 0;
	}
	if (pos == 0 && p->at_start && nb_tpat_match_at(p, s, n, pos++, m))
		return 1;
	if (pl) {
		for (i = first_place(pl, pos); i < pl->n && (pos = pl->at[i] - pl->base) < n; i++)
			if (may_start(p, s, n, pos) && nb_tpat_match_at(p, s, n, pos, m))
				return 1;
		return 0;
	}
	for (; pos < n; pos++)
		if (may_start(p, s, n, pos) && nb_tpat_match_at(p, s, n, pos, m))
			return 1;
	return 0;
}

/* At most 64 patterns: of each word of bits, which of them have any
 * there, so that a place is looked at by those alone. */
static void
split_some(const nb_tpat_t *const *p, size_t np, const nb_tplaces_t *pl,
           const uint32_t *s, size_t n, size_t *buf, nb_tplaces_t *out)
{
	uint64_t any[16] = { 0 }, who[16] = { 0 }, k_of;
	size_t i, k, pos;
	unsigned w, words;
	uint32_t c;

	for (k = 0; k < np; k++) {
		out[k].at = buf + k * pl->n;
		out[k].n = 0;
		out[k].base = pl->base;
		for (words = p[k]->first_words; words; words &= words - 1) {
			w = (unsigned)__builtin_ctz(words);
			any[w] |= p[k]->first_bits[w];
			who[w] |= (uint64_t)1 << k;
		}
	}
	for (i = 0; i < pl->n; i++) {
		if ((pos = pl->at[i] - pl->base) >= n)
			continue;
		c = s[pos];
		w = c / 64 % 16;
		if (!(any[w] >> (c % 64) & 1))
			continue;   /* most places, for a few patterns */
		for (k_of = who[w]; k_of; k_of &= k_of - 1) {
			k = (size_t)__builtin_ctzll(k_of);
			if (p[k]->first_bits[w] >> (c % 64) & 1)
				buf[k * pl->n + out[k].n++] = pl->at[i];
		}
	}
}

/* The places outside s[0..n) (the blanks trimmed from a sentence) are
 * left out, as scan passes over them; of those in it each pattern keeps
 * the ones whose character's bit is among its first characters', the
 * test may_start makes first. */
void
nb_tpat_split_places(const nb_tpat_t *const *p, size_t np,
                     const nb_tplaces_t *pl, const uint32_t *s, size_t n,
                     size_t *buf, nb_tplaces_t *out)
{
	size_t k, some;

	for (k = 0; k < np; k += some) {
		some = np - k < 64 ? np - k : 64;
		split_some(p + k, some, pl, s, n, buf + k * pl->n, out + k);
	}
}

int
nb_tpat_find(const nb_tpat_t *p, const uint32_t *s, size_t n, size_t from,
             nb_tmatch_t *m)
{
	nb_tseen_t z;

	if (from > n)
		return 0;
	nb_tpat_seen(&z, s + from, n - from);
	return nb_tpat_find_seen(p, &z, NULL, s, n, from, m);
}

int
nb_tpat_find_places(const nb_tpat_t *p, const nb_tplaces_t *pl,
                    const uint32_t *s, size_t n, size_t from, nb_tmatch_t *m)
{
	return from <= n && scan(p, pl, s, n, from, m);
}

int
nb_tpat_find_seen(const nb_tpat_t *p, const nb_tseen_t *z, const nb_tplaces_t *pl,
                  const uint32_t *s, size_t n, size_t from, nb_tmatch_t *m)
{
	if (from > n || !nb_tpat_may_occur(p, z))
		return 0;
	return scan(p, pl, s, n, from, m);
}

/* ---- compiling ---- */

typedef struct {
	nb_arena_t *a;
	const nb_tpat_env_t *env;
	const wchar_t *p;       /* the pattern's characters (text.h) */
	size_t n, i;
	int depth;                      /* words inside words */
	const char *why;
	size_t at;
} parser_t;

static nb_tnode_t *parse_seq(parser_t *P, int in_group);
static uint64_t starts_of(const nb_tnode_t *alt);

static void *
fail(parser_t *P, const char *why)
{
	if (!P->why) {
		P->why = why;
		P->at = P->i;
	}
	return NULL;
}

static nb_tnode_t *
new_node(parser_t *P, int type)
{
	nb_tnode_t *t = nb_arena_alloc(P->a, sizeof *t);

	if (!t)
		return fail(P, "内存不足");
	t->type = type;
	t->min = t->max = 1;
	return t;
}

static int
take(parser_t *P, uint32_t c)
{
	if (P->i < P->n && (uint32_t)P->p[P->i] == c) {
		P->i++;
		return 1;
	}
	return 0;
}

static nb_tnode_t *
parse_set(parser_t *P)
{
	uint32_t tmp[128];
	size_t n = 0;
	nb_tnode_t *t = new_node(P, T_SET);

	if (!t)
		return NULL;
	t->neg = take(P, '^');
	while (P->i < P->n && P->p[P->i] != ']') {
		uint32_t lo, hi;
		take(P, '\\');
		if (P->i >= P->n || n + 2 > sizeof tmp / sizeof tmp[0])
			break;
		lo = hi = (uint32_t)P->p[P->i++];
		if (P->i + 1 < P->n && P->p[P->i] == '-' && P->p[P->i + 1] != ']') {
			P->i++;
			take(P, '\\');
			hi = (uint32_t)P->p[P->i++];
		}
		tmp[n++] = lo;
		tmp[n++] = hi;
	}
	if (!take(P, ']') || !n)
		return fail(P, "字符集 [...] 不完整或为空");
	if (!(t->ranges = nb_arena_alloc(P->a, n * sizeof *t->ranges)))
		return fail(P, "内存不足");
	memcpy(t->ranges, tmp, n * sizeof *tmp);
	t->nranges = n / 2;
	return t;
}

/* A group's alternatives by the bits of the characters they may start
 * with, so that at a place it looks at those alone. */
static int
by_bit(parser_t *P, nb_tnode_t *g)
{
	uint64_t starts, one;
	size_t i, b;

	if (!(g->alt_by_bit = nb_arena_alloc(P->a, 65 * sizeof *g->alt_by_bit))) {
		fail(P, "内存不足");
		return 0;
	}
	for (i = 0; i < g->nalts; i++) {
		starts = g->alt_starts[i];
		one = (uint64_t)1 << i;
		if (starts == UINT64_MAX)
			for (b = 0; b <= 64; b++)
				g->alt_by_bit[b] |= one;
		for (; starts != UINT64_MAX && starts; starts &= starts - 1)
			g->alt_by_bit[__builtin_ctzll(starts)] |= one;
	}
	return 1;
}

/* A group of the alternatives of one sequence each (words, or a (...)). */
static nb_tnode_t *
group_of(parser_t *P, nb_tnode_t **alts, size_t n)
{
	nb_tnode_t *g = new_node(P, T_GROUP);
	size_t i;

	if (!g || !(g->alts = nb_arena_alloc(P->a, (n ? n : 1) * sizeof *alts)) ||
	    !(g->alt_starts = nb_arena_alloc(P->a, (n ? n : 1) * sizeof *g->alt_starts)))
		return fail(P, "内存不足");
	memcpy(g->alts, alts, n * sizeof *alts);
	g->nalts = n;
	for (i = 0; i < n; i++)
		g->alt_starts[i] = starts_of(alts[i]);
	if (n <= 64 && !by_bit(P, g))
		return NULL;
	return g;
}

static nb_tnode_t *
parse_group(parser_t *P)
{
	nb_tnode_t *alts[256], *g;
	size_t n = 0;

	do {
		if (n == sizeof alts / sizeof alts[0])
			return fail(P, "一组中的选项太多（最多 256 个）");
		alts[n++] = parse_seq(P, 1);
		if (P->why)
			return NULL;
	} while (take(P, '|'));
	if (!take(P, ')'))
		return fail(P, "括号 ( 没有配对的 )");
	g = group_of(P, alts, n);
	if (g)
		g->opt = take(P, '?');
	return g;
}

/* <name>: a capture, or the named words compiled in place. */
static nb_tnode_t *
parse_name(parser_t *P)
{
	char name[64];
	size_t len = 0, sub_n, at = P->i - 1;     /* the '<' */
	const char *text;
	parser_t sub;
	nb_tnode_t *t, *seq;

	while (P->i < P->n && P->p[P->i] != '>' && len + 5 < sizeof name)
		len += nb_utf8_put((uint32_t)P->p[P->i++], name + len);
	name[len] = '\0';
	if (!take(P, '>') || !len)
		return fail(P, "<...> 不完整");
	if (len == 1 && strchr("ndy", name[0])) {
		if ((t = new_node(P, T_CAP)))
			t->cap = name[0];
		return t;
	}
	if (!P->env->words || !(text = P->env->words(P->env->ctx, name))) {
		P->i = at;
		return fail(P, "没有这样的词表 <...>（见 words）");
	}
	if (P->depth >= WORDS_DEPTH)
		return fail(P, "词表套用得太深（是否互相引用？）");
	sub = *P;
	sub.depth++;
	sub.i = 0;
	if (!(sub.p = nb_utf8_decode(text, &sub_n)))
		return fail(P, "内存不足");
	sub.n = sub_n;
	seq = parse_seq(&sub, 0);
	free((void *)sub.p);
	if (sub.why)
		return fail(P, sub.why);
	if (!(t = group_of(P, &seq, 1)))
		return NULL;
	t->opt = take(P, '?');
	return t;
}

static void
repetition(parser_t *P, nb_tnode_t *t)
{
	if (take(P, '?'))
		t->min = 0;
	else if (take(P, '*'))
		t->min = 0, t->max = 1 << 20;
	else if (take(P, '+'))
		t->max = 1 << 20;
}

static nb_tnode_t *parse_atom(parser_t *P);

/* !^x: x is one character or a set. */
static nb_tnode_t *
parse_behind(parser_t *P)
{
	nb_tnode_t *t = new_node(P, T_BEHIND), *x;

	if (!t || P->i >= P->n || !(t->alts = nb_arena_alloc(P->a, sizeof *t->alts)))
		return fail(P, "!^ 后面缺少字符或字符集");
	if (!(x = parse_atom(P)))
		return NULL;
	if ((x->type != T_LIT && x->type != T_SET) || x->min != 1 || x->max != 1)
		return fail(P, "!^ 后面只能是一个字符或字符集");
	t->alts[0] = x;
	t->nalts = 1;
	return t;
}

static nb_tnode_t *
parse_atom(parser_t *P)
{
	uint32_t c = (uint32_t)P->p[P->i++];
	nb_tnode_t *t;

	switch (c) {
	case '(': return parse_group(P);
	case '[':
		if ((t = parse_set(P)))
			repetition(P, t);
		return t;
	case '<': return parse_name(P);
	case '~': return new_node(P, T_GAP);
	case '^': return new_node(P, T_BOL);
	case '$': return new_node(P, T_EOL);
	case '?': case '*': case '+': case ')': case '|':
		P->i--;
		return fail(P, "这里不能用 ? * + ) |");
	case '!':
		if (take(P, '^'))
			return parse_behind(P);
		if (P->i >= P->n || !(t = new_node(P, T_NOT)))
			return fail(P, "! 后面缺少要排除的内容");
		if (!(t->alts = nb_arena_alloc(P->a, sizeof *t->alts)) ||
		    !(t->alts[0] = parse_atom(P)))
			return fail(P, "! 后面缺少要排除的内容");
		t->nalts = 1;
		return t;
	case '\\':
		if (P->i >= P->n)
			return fail(P, "\\ 后面缺少字符");
		c = (uint32_t)P->p[P->i++];
		/* fall through */
	default:
		if ((t = new_node(P, T_LIT))) {
			t->cp = c;
			repetition(P, t);
		}
		return t;
	}
}

static nb_tnode_t *
parse_seq(parser_t *P, int in_group)
{
	nb_tnode_t *head = NULL, **tail = &head, *t;

	while (P->i < P->n && !P->why) {
		if (in_group && (P->p[P->i] == '|' || P->p[P->i] == ')'))
			break;
		if (!(t = parse_atom(P)))
			return NULL;
		*tail = t;
		tail = &t->next;
	}
	return head;
}

/* ---- where a match can start ---- */

static int
add_first(nb_tpat_t *p, uint32_t c)
{
	int i;

	for (i = 0; i < p->nfirst; i++)
		if (p->first[i] == c)
			return 1;
	if (p->nfirst == (int)(sizeof p->first / sizeof p->first[0]))
		return 0;
	p->first[p->nfirst++] = c;
	p->first_bits[c / 64 % 16] |= (uint64_t)1 << (c % 64);
	p->first_words |= 1u << (c / 64 % 16);
	return 1;
}

/* A capture starts with a digit (or a Chinese numeral, for a count). */
static int
add_capture_firsts(nb_tpat_t *p, int kind)
{
	uint32_t c;
	size_t i;

	for (c = 0; c < 10; c++)
		if (!add_first(p, '0' + c) || !add_first(p, 0xFF10 + c))
			return 0;
	for (i = 0; kind == 'n' && i < NNUMERALS; i++)
		if (!add_first(p, numerals[i]))
			return 0;
	return 1;
}

/* Adds what a match from t (then k) can start with; 0 when it can start
 * with any character, or be empty. */
static int
firsts(nb_tpat_t *p, const nb_tnode_t *t, const cont_t *k)
{
	cont_t after;
	size_t i;

	if (!t)
		return k ? firsts(p, k->node, k->up) : 0;
	switch (t->type) {
	case T_LIT:
		if (!add_first(p, t->cp))
			return 0;
		return t->min ? 1 : firsts(p, t->next, k);
	case T_SET:
		if (t->neg)
			return 0;
		for (i = 0; i < t->nranges; i++) {
			uint32_t c;
			if (t->ranges[2 * i + 1] - t->ranges[2 * i] > 16)
				return 0;
			for (c = t->ranges[2 * i]; c <= t->ranges[2 * i + 1]; c++)
				if (!add_first(p, c))
					return 0;
		}
		return t->min ? 1 : firsts(p, t->next, k);
	case T_GROUP:
		after.node = t->next;
		after.up = k;
		for (i = 0; i < t->nalts; i++)
			if (!firsts(p, t->alts[i], &after))
				return 0;
		return !t->opt || firsts(p, t->next, k);
	case T_NOT:
	case T_BEHIND:
		return firsts(p, t->next, k);
	case T_BOL:            /* only at the start, whatever follows */
		p->at_start = 1;
		return 1;
	case T_CAP:
		return add_capture_firsts(p, t->cap);
	default:
		return 0;
	}
}

/* The pairs a match can start with: c, consumed by t, then what can
 * follow it (t again when it repeats).  0 when there are too many. */
static int
add_pairs(nb_tpat_t *p, uint32_t c, const nb_tnode_t *t, const cont_t *k)
{
	nb_tpat_t next;
	int i, any;

	memset(&next, 0, sizeof next);
	any = t->type == T_CAP || !firsts(&next, t->next, k) ||
	      (t->max > 1 && !firsts(&next, t, NULL));
	for (i = 0; i < p->nfirst && p->first[i] != c; i++)
		;
	if (i == p->nfirst || any) {
		p->first_any |= (uint64_t)1 << i;
		return 1;
	}
	for (i = 0; i < next.nfirst; i++) {
		if (p->npair == NB_TPAT_MAXPAIR)
			return 0;
		p->pair[p->npair][0] = c;
		p->pair[p->npair++][1] = next.first[i];
	}
	return 1;
}

/* Adds the pairs of characters a match from t (then k) can start with,
 * along the ways firsts takes; 0 when there are too many to keep. */
static int
pairs(nb_tpat_t *p, const nb_tnode_t *t, const cont_t *k)
{
	cont_t after;
	uint32_t c;
	size_t i;

	if (!t)
		return k ? pairs(p, k->node, k->up) : 1;
	switch (t->type) {
	case T_LIT:
		if (!add_pairs(p, t->cp, t, k))
			return 0;
		return t->min ? 1 : pairs(p, t->next, k);
	case T_SET:
		for (i = 0; i < t->nranges; i++)
			for (c = t->ranges[2 * i]; c <= t->ranges[2 * i + 1]; c++)
				if (!add_pairs(p, c, t, k))
					return 0;
		return t->min ? 1 : pairs(p, t->next, k);
	case T_GROUP:
		after.node = t->next;
		after.up = k;
		for (i = 0; i < t->nalts; i++)
			if (!pairs(p, t->alts[i], &after))
				return 0;
		return !t->opt || pairs(p, t->next, k);
	case T_NOT:
	case T_BEHIND:
		return pairs(p, t->next, k);
	case T_CAP:
		for (i = 0; i < (size_t)p->nfirst; i++)
			if (digit_of(p->first[i]) >= 0 ||
			    (t->cap == 'n' && is_numeral(p->first[i])))
				p->first_any |= (uint64_t)1 << i;
		return 1;
	default:                /* the start: tried there without this */
		return 1;
	}
}

/* The pairs of p's first characters and what follows them, when p's
 * first characters are known; every one of them may be followed by
 * anything when the pairs are too many. */
static void
set_pairs(nb_tpat_t *p)
{
	unsigned h;
	int i;

	if (p->nfirst > 0 && !pairs(p, p->head, NULL)) {
		p->first_any = ~(uint64_t)0;
		p->npair = 0;
	}
	for (i = 0; i < p->nfirst; i++)
		if (p->first_any >> i & 1)
			p->any_bits[p->first[i] / 64 % 16] |= (uint64_t)1 << (p->first[i] % 64);
	for (i = 0; i < p->npair; i++) {
		h = pair_hash(p->pair[i][0], p->pair[i][1]);
		p->pair_bits[h / 64] |= (uint64_t)1 << (h % 64);
	}
}

/* What an alternative can start with, folded to bits c % 64 (a few
 * characters rarely share one): a lookbehind or a group in front rules
 * out as many places as a plain character does. */
static uint64_t
starts_of(const nb_tnode_t *alt)
{
	nb_tpat_t scratch;
	uint64_t bits = 0;
	int i;

	memset(&scratch, 0, sizeof scratch);
	if (!firsts(&scratch, alt, NULL) || scratch.at_start)
		return UINT64_MAX;      /* any, nothing, or only at the start */
	for (i = 0; i < scratch.nfirst; i++)
		bits |= (uint64_t)1 << (scratch.first[i] % 64);
	return bits;
}

/* ---- what every match contains ---- */

#define NEED_MAX 64     /* while working it out; the pattern keeps fewer */

typedef struct {
	uint32_t c[NEED_MAX];
	int n;
	int num;                /* as need_num in textpat.h */
} need_t;

static void
need_add(need_t *d, uint32_t c)
{
	int i;

	for (i = 0; i < d->n; i++)
		if (d->c[i] == c)
			return;
	if (d->n < NEED_MAX)    /* fewer kept is still true of every match */
		d->c[d->n++] = c;
}

/* What both a and b need, into a. */
static void
need_meet(need_t *a, const need_t *b)
{
	int i, j, k = 0;

	for (i = 0; i < a->n; i++)
		for (j = 0; j < b->n; j++)
			if (a->c[i] == b->c[j]) {
				a->c[k++] = a->c[i];
				break;
			}
	a->n = k;
	if (b->num < a->num)
		a->num = b->num;
}

/* What a match of the sequence from t consumes for certain: lookarounds
 * consume nothing, and a group only what all its alternatives do. */
static void
needs(const nb_tnode_t *t, need_t *d)
{
	need_t alt, all;
	size_t i;

	for (; t; t = t->next) {
		if (t->type == T_LIT && t->min > 0)
			need_add(d, t->cp);
		else if (t->type == T_CAP && d->num < (t->cap == 'n' ? 1 : 2))
			d->num = t->cap == 'n' ? 1 : 2;
		else if (t->type == T_GROUP && !t->opt && t->nalts) {
			for (i = 0; i < t->nalts; i++) {
				memset(&alt, 0, sizeof alt);
				needs(t->alts[i], &alt);
				if (i == 0)
					all = alt;
				else
					need_meet(&all, &alt);
			}
			for (i = 0; i < (size_t)all.n; i++)
				need_add(d, all.c[i]);
			if (d->num < all.num)
				d->num = all.num;
		}
	}
}

static void
set_needs(nb_tpat_t *p)
{
	need_t d;

	memset(&d, 0, sizeof d);
	needs(p->head, &d);
	p->nneed = d.n < NB_TPAT_MAXNEED ? d.n : NB_TPAT_MAXNEED;
	memcpy(p->need, d.c, (size_t)p->nneed * sizeof *d.c);
	p->need_num = d.num;
}

nb_tpat_t *
nb_tpat_compile(nb_arena_t *a, const char *pattern, const nb_tpat_env_t *env,
                const char **why, size_t *at)
{
	parser_t P = { a, env, NULL, 0, 0, 0, NULL, 0 };
	nb_tpat_t *p = nb_arena_alloc(a, sizeof *p);
	size_t n;

	*why = NULL;
	*at = 0;
	if (!p || !(P.p = nb_utf8_decode(pattern, &n))) {
		*why = "内存不足";
		return NULL;
	}
	P.n = n;
	p->head = parse_seq(&P, 0);
	free((void *)P.p);
	if (!P.why && !p->head)
		P.why = "模式为空";
	if (P.why) {
		*why = P.why;
		*at = P.at;
		return NULL;
	}
	p->stops = env->stops;
	p->nstops = env->nstops;
	if (!firsts(p, p->head, NULL))
		p->nfirst = -1;
	set_pairs(p);
	set_needs(p);
	return p;
}
