/* The outcome of a check of many drafts (see tally.h). */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/tally.h"

void
nb_tally_init(nb_tally_t *t)
{
	memset(t, 0, sizeof *t);
	nb_arena_init(&t->mem);
}

void
nb_tally_free(nb_tally_t *t)
{
	free(t->rules);
	nb_arena_free(&t->mem);
	nb_tally_init(t);
}

nb_outcome_t
nb_outcome_of(size_t errors, size_t notes)
{
	if (errors)
		return NB_OUTCOME_ERRORS;
	return notes ? NB_OUTCOME_INCOMPLETE : NB_OUTCOME_PASSED;
}

void
nb_tally_draft(nb_tally_t *t, nb_outcome_t outcome, int warned, int suggested)
{
	t->files++;
	t->outcome[outcome]++;
	if (outcome == NB_OUTCOME_PASSED && warned)
		t->warned++;
	if (outcome == NB_OUTCOME_PASSED && suggested)
		t->suggested++;
}

int
nb_tally_rule(nb_tally_t *t, const char *id, const char *wording)
{
	nb_tally_rule_t *r;
	size_t i;

	/* a form has tens of rules: a search is quicker than a table */
	for (i = 0; i < t->nrules; i++)
		if (!strcmp(t->rules[i].id, id)) {
			t->rules[i].drafts++;
			return 0;
		}
	if (t->nrules == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 16;

		if (!(r = realloc(t->rules, cap * sizeof *r)))
			return -1;
		t->rules = r;
		t->cap = cap;
	}
	r = &t->rules[t->nrules];
	if (!(r->id = nb_arena_strdup(&t->mem, id)) ||
	    !(r->wording = nb_arena_strdup(&t->mem, wording ? wording : "")))
		return -1;
	r->drafts = 1;
	t->nrules++;
	return 0;
}

static int
most_first(const void *a, const void *b)
{
	const nb_tally_rule_t *x = *(const nb_tally_rule_t *const *)a;
	const nb_tally_rule_t *y = *(const nb_tally_rule_t *const *)b;

	if (x->drafts != y->drafts)
		return x->drafts > y->drafts ? -1 : 1;
	return strcmp(x->id, y->id);
}

size_t
nb_tally_top(const nb_tally_t *t, size_t max, const nb_tally_rule_t **top)
{
	const nb_tally_rule_t **all;
	size_t i, n;

	if (!t->nrules || !max)
		return 0;
	if (!(all = malloc(t->nrules * sizeof *all)))
		return 0;
	for (i = 0; i < t->nrules; i++)
		all[i] = &t->rules[i];
	qsort(all, t->nrules, sizeof *all, most_first);
	n = t->nrules < max ? t->nrules : max;
	memcpy(top, all, n * sizeof *top);
	free(all);
	return n;
}
