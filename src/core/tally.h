/* tally.h - the outcome of a check of many drafts, counted as it goes.
 *
 * Each draft ends in one outcome: it passed (nothing wrong, though it may
 * carry warnings and suggestions), it has errors, it is incomplete (cells unfilled, no
 * error), or it could not be read.  Beside the counts, the tally keeps
 * every rule some draft breaks, with the rule's wording and how many
 * drafts break it, so that the rules broken most often can be named at
 * the end.  Its size grows with the rules, never with the drafts.
 */
#ifndef NB_TALLY_H
#define NB_TALLY_H

#include <stddef.h>

#include "core/arena.h"

typedef enum {
	NB_OUTCOME_PASSED, NB_OUTCOME_ERRORS, NB_OUTCOME_INCOMPLETE,
	NB_OUTCOME_UNREADABLE, NB_OUTCOME_N
} nb_outcome_t;

typedef struct {
	const char *id;         /* the rule's id (kept by the tally) */
	const char *wording;    /* as first given (kept by the tally) */
	size_t drafts;          /* how many drafts break it */
} nb_tally_rule_t;

typedef struct {
	size_t files;
	size_t outcome[NB_OUTCOME_N];
	size_t warned;          /* drafts that passed with warnings */
	size_t suggested;       /* drafts that passed with suggestions */
	nb_tally_rule_t *rules;
	size_t nrules, cap;
	nb_arena_t mem;
} nb_tally_t;

void nb_tally_init(nb_tally_t *t);
void nb_tally_free(nb_tally_t *t);

/* The outcome of a draft read, from its counts of findings. */
nb_outcome_t nb_outcome_of(size_t errors, size_t notes);

/* One more draft, with its outcome; warned, suggested: it has warnings,
 * suggestions. */
void nb_tally_draft(nb_tally_t *t, nb_outcome_t outcome, int warned,
                    int suggested);

/* One more draft breaks rule id (call once a draft for each rule it
 * breaks); wording is kept from the first call.  -1 when out of memory. */
int nb_tally_rule(nb_tally_t *t, const char *id, const char *wording);

/* The rules broken by the most drafts, at most max of them, into top:
 * most drafts first, equal counts by id.  Returns how many. */
size_t nb_tally_top(const nb_tally_t *t, size_t max, const nb_tally_rule_t **top);

#endif
