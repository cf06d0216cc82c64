/* textpat.h - the patterns of the content checks: a small language over
 * characters (not bytes) in which the form file says what a sentence that
 * states a figure looks like.
 *
 *   text        stands for itself; \c for the character c itself
 *   (a|b|c)     one of the alternatives; (...)? may also be left out
 *   [abc] [a-z] one character of the set; [^...] one not in it
 *   x? x* x+    after a character or a set: at most one, any number, at
 *               least one
 *   ~           a gap: up to 10 characters, none of them a digit or one of
 *               the gap stops (the marks that end a clause)
 *   <name>      the words of that name (a pattern of its own)
 *   <n>         a count, captured: 12, 1,234, 12 in full-width digits,
 *               十二, 两, 一百零三
 *   <d>         a decimal number, captured: 57.1
 *   <y>         a year, captured: four digits
 *   !x          not followed by x (a character, a set, a group or words)
 *   !^x         not just after x (a character or a set)
 *   ^ $         the start and the end of the sentence
 *
 * A number is never taken from the middle of another: a capture fails when
 * a digit stands just before it or just after it.  Patterns are compiled
 * into the arena they are given (the form's) and matched against
 * sentences as arrays of code points.
 */
#ifndef NB_TEXTPAT_H
#define NB_TEXTPAT_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"

#define NB_TPAT_MAXCAP 8
#define NB_TPAT_MAXNEED 8
#define NB_TPAT_MAXPAIR 32

typedef struct nb_tnode nb_tnode_t;

typedef struct {
	const nb_tnode_t *head;
	uint32_t first[48];     /* the characters a match can start with... */
	int nfirst;             /* ...how many; -1 when it can start with any */
	uint64_t first_bits[16]; /* bit c % 1024 of each: most are ruled out here */
	unsigned first_words;   /* bit i when first_bits[i] is not 0 */
	uint64_t first_any;     /* bit i: after first[i] a match may go on
	                         * with any character (or end)... */
	uint32_t pair[NB_TPAT_MAXPAIR][2]; /* ...else one of these pairs is
	                         * what it starts with */
	int npair;
	uint64_t any_bits[16];  /* first_bits of those in first_any... */
	uint64_t pair_bits[4];  /* ...and the pairs, by a hash of each: a
	                         * place rules itself out at two lookups */
	uint32_t need[NB_TPAT_MAXNEED]; /* characters every match contains... */
	int nneed;              /* ...how many of them are kept */
	int need_num;           /* every match has a digit (2), or a digit or a
	                         * Chinese numeral (1), or neither need be (0) */
	int at_start;           /* ...or it can match at the sentence's start */
	const uint32_t *stops;  /* the gap stops */
	size_t nstops;
} nb_tpat_t;

typedef struct {
	int64_t value;          /* in units of 1e-9 (a count of 3 is 3e9) */
	int decimals;           /* places as written */
	size_t start, end;      /* its characters */
} nb_tcap_t;

typedef struct {
	size_t start, end;      /* the characters matched */
	nb_tcap_t cap[NB_TPAT_MAXCAP];
	size_t ncap;
} nb_tmatch_t;

/* What a pattern is compiled with: the named words (a lookup of the
 * pattern text under a name, NULL when there is none) and the gap stops. */
typedef struct {
	const char *(*words)(void *ctx, const char *name);
	void *ctx;
	const uint32_t *stops;
	size_t nstops;
} nb_tpat_env_t;

/* Compiles a pattern into `a`.  NULL when it is malformed (or memory ran
 * out): *why says what is wrong (static text) and *at at which character
 * of the pattern. */
nb_tpat_t *nb_tpat_compile(nb_arena_t *a, const char *pattern,
                           const nb_tpat_env_t *env, const char **why,
                           size_t *at);

/* Whether p matches s[0..n) starting at character pos (1, with *m) or
 * not (0). */
int nb_tpat_match_at(const nb_tpat_t *p, const uint32_t *s, size_t n,
                     size_t pos, nb_tmatch_t *m);

/* Whether p matches the whole of s[0..n) (1, with *m) or not. */
int nb_tpat_match_whole(const nb_tpat_t *p, const uint32_t *s, size_t n,
                        nb_tmatch_t *m);

/* The first match at or after `from`: 1 with *m, 0 when there is none. */
int nb_tpat_find(const nb_tpat_t *p, const uint32_t *s, size_t n, size_t from,
                 nb_tmatch_t *m);

/* The characters of a sentence, roughly (by c % 1024), to rule out at
 * once the many patterns that cannot match it. */
typedef struct {
	uint64_t bits[16];
	int digit, numeral;     /* it may have a digit, a Chinese numeral */
} nb_tseen_t;

void nb_tpat_seen(nb_tseen_t *z, const uint32_t *s, size_t n);

/* c's bit in z. */
static inline void
nb_tpat_seen_char(nb_tseen_t *z, uint32_t c)
{
	z->bits[c / 64 % 16] |= (uint64_t)1 << (c % 64);
}

/* What a summary must keep of each character, for a set of patterns:
 * nb_tpat_may_occur looks only at the bits of the characters a match may
 * start with or needs and at whether there is a digit or a numeral, so a
 * summary that leaves out every other character rules out just as much.
 * A table of this (NB_TKEEP_SIZE entries, zeroed, then one
 * nb_tpat_keep_add a pattern) sums up a text at one lookup a character;
 * characters from NB_TKEEP_SIZE up are always to be kept.  Bits from
 * 0x10 up are the caller's. */
#define NB_TKEEP_SIZE 0x10000
#define NB_TKEEP_BIT 0x1        /* its bit in nb_tseen_t.bits */
#define NB_TKEEP_DIGIT 0x2      /* a digit: nb_tseen_t.digit */
#define NB_TKEEP_NUMERAL 0x4    /* a Chinese numeral: nb_tseen_t.numeral */
#define NB_TKEEP_FIRST 0x8      /* a match may start with it: nb_tplaces_t */

void nb_tpat_keep_add(unsigned char *keep, const nb_tpat_t *p);

/* Whether z has one of the characters a match of p starts with: true of
 * every match but one at the sentence's start where p allows that. */
static inline int
nb_tpat_may_begin(const nb_tpat_t *p, const nb_tseen_t *z)
{
	unsigned w;
	int i;

	if (p->nfirst < 0 || p->at_start)
		return 1;
	for (w = p->first_words; w; w &= w - 1) {  /* a few words of 16 */
		i = __builtin_ctz(w);
		if (p->first_bits[i] & z->bits[i])
			return 1;
	}
	return 0;
}

/* 0 when p has no match in the sentence z was taken of (of all its
 * characters, or of those a keep table that p was added to keeps); 1 when
 * it may.  Inline: it is made for every check on every text and
 * sentence, and most often fails at once. */
static inline int
nb_tpat_may_occur(const nb_tpat_t *p, const nb_tseen_t *z)
{
	int i;

	for (i = 0; i < p->nneed; i++)
		if (!(z->bits[p->need[i] / 64 % 16] >> (p->need[i] % 64) & 1))
			return 0;
	if (!nb_tpat_may_begin(p, z))
		return 0;
	if (p->need_num == 2)
		return z->digit;
	return p->need_num != 1 || z->digit || z->numeral;
}

/* Where in s a match may start: at[i] - base for each character of s
 * that a keep table keeps as NB_TKEEP_FIRST, and each from NB_TKEEP_SIZE
 * up (maybe more), in ascending order. */
typedef struct {
	const size_t *at;
	size_t n, base;
} nb_tplaces_t;

/* nb_tpat_find in characters that z was taken of (or of a text holding
 * them): the characters a match needs are looked up in z, not sought.
 * With pl (may be NULL) of a keep table p was added to, a match is
 * tried only at those places. */
int nb_tpat_find_seen(const nb_tpat_t *p, const nb_tseen_t *z, const nb_tplaces_t *pl,
                      const uint32_t *s, size_t n, size_t from, nb_tmatch_t *m);

/* nb_tpat_find_seen for a caller that has seen nb_tpat_may_occur(p, z)
 * hold, and holds to it for every `from`. */
int nb_tpat_find_places(const nb_tpat_t *p, const nb_tplaces_t *pl,
                        const uint32_t *s, size_t n, size_t from, nb_tmatch_t *m);

/* The places of pl in s[0..n) split among the patterns p[0..np): into
 * out[k] (its entries in buf[k * pl->n ...]) those where p[k] may start
 * a match by the characters it starts with.  With out[k], as with pl,
 * nb_tpat_find_seen finds what it finds, trying only those places: one
 * pass over a sentence's places for all its patterns, not one each. */
void nb_tpat_split_places(const nb_tpat_t *const *p, size_t np,
                          const nb_tplaces_t *pl, const uint32_t *s, size_t n,
                          size_t *buf, nb_tplaces_t *out);

#endif
