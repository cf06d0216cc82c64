/* content_impl.h - what content.c (texts, sentences, the other kinds of
 * check) and content_figure.c (a figure against the table) share. */
#ifndef NB_CONTENT_IMPL_H
#define NB_CONTENT_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "core/content.h"

typedef __int128 nb_wide_t;     /* sums of many figures cannot overflow */

/* A text decoded: its characters, its length in bytes, and the places of
 * the characters that a match of the form's patterns may start with
 * (NB_TKEEP_FIRST), in order. */
typedef struct {
	const uint32_t *cp;
	size_t n, len;
	const size_t *places;
	size_t nplaces;
} nb_tchars_t;

/* A sentence: characters [a, z) of its text, blanks trimmed, and the
 * text's places[ka, kz) in it (with those of the blanks). */
typedef struct {
	size_t a, z, ka, kz;
	nb_tseen_t seen;
} nb_tsentence_t;

/* A text of the report, decoded once for every pass over the texts. */
typedef struct {
	const nb_field_t *field;
	int item;               /* its subsection, or -1 */
	const char *text;
	const nb_textpos_t *tpos;
	const char *where;      /* its name in messages */
	nb_tchars_t t;
	nb_tseen_t seen;        /* of all its characters */
	size_t sent, nsent;     /* its sentences in the reader's list */
} nb_ttext_t;

/* The report's texts and the one being read. */
typedef struct {
	const nb_report_t *r;
	const struct nb_content_rules *C;
	nb_findings_t *out;
	char *switched_off;     /* 1 for each check the project switched off */
	nb_ttext_t *texts;
	size_t ntexts;
	nb_tsentence_t *sents;
	size_t nsents;
	nb_tseen_t ends;        /* the characters that end or trim a sentence,
	                         * which no sentence's summary holds */
	const nb_tcheck_t **figure_on, **forbidden_on;  /* those switched on */
	size_t nfigure_on, nforbidden_on;
	const nb_tcheck_t **figure, **forbidden;  /* of them, those that may */
	size_t nfigure, nforbidden;               /* find something in the text */
	uint32_t *cp;           /* the characters of all texts, end to end */
	size_t *place_at;       /* the texts' places, at their offsets */
	/* the text being read (a copy of its entry) and its sentence */
	const nb_field_t *field;
	int item;
	const char *text;
	const nb_textpos_t *tpos;
	const char *where;
	nb_tchars_t t;
	const nb_ttext_t *cur;
	const nb_tseen_t *seen; /* of the sentence being read, else of the text */
	nb_tplaces_t places;    /* its kept places, the same */
	int failed;             /* out of memory */
} nb_treader_t;

/* A figure stated in a sentence, claimed by a check. */
typedef struct {
	const nb_tcheck_t *c;
	nb_tmatch_t m;          /* characters from the sentence's start */
} nb_tclaim_t;

/* What a finding says: the check's template (or another) with
 * {text} the figure as written, {match} characters [from, to) of the
 * text, {readings} and {table} the table's side, {field} the text's name,
 * {year} the report's year, and one more variable when `extra_name`. */
typedef struct {
	const char *tmpl;
	const char *text;
	size_t from, to;
	const nb_treading_t *readings;
	size_t nreadings;
	const char *extra_name, *extra;
} nb_tsay_t;

/* The byte of the text being read where its character k starts (its
 * length for k == t.n): counted from its start, as findings are few. */
size_t nb_content_byte(const nb_treader_t *R, size_t k);

/* A finding about the sentence of characters [a, z): -1 (and R->failed)
 * when out of memory. */
int nb_content_say(nb_treader_t *R, const nb_tcheck_t *c, size_t a, size_t z,
                   const nb_tsay_t *say);

/* Judges a statement claimed in the sentence [a, z) whose parts stand
 * before character `to` of it: the figure, its parts, its share. */
int nb_content_figure(nb_treader_t *R, const nb_tclaim_t *cl, size_t a,
                      size_t z, size_t to);

#endif
