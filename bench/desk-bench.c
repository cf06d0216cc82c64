/* desk-bench: what the start screen's list costs in the process: the
 * states of every draft of a folder taken one by one (nb_draft_state,
 * which reads the whole folder for each draft to find last year's: the
 * list as it was) and all at once (nb_draft_states, each draft read
 * once), and whether the two agree.  Built and run by
 * bench/desk-bench.sh. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/clock.h"
#include "core/draft_state.h"
#include "core/walk.h"

int main(int argc, char **argv);

static void
free_states(nb_draft_state_t *st, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		nb_draft_state_free(&st[i]);
}

static int
same(const nb_draft_state_t *a, const nb_draft_state_t *b)
{
	return a->readable == b->readable && a->year == b->year && a->errors == b->errors &&
	       a->unfilled == b->unfilled && a->state == b->state && a->mtime == b->mtime &&
	       !strcmp(a->org ? a->org : "", b->org ? b->org : "") &&
	       !strcmp(a->err.msg, b->err.msg);
}

static int
by_ms(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int
main(int argc, char **argv)
{
	const char *dirs[2] = { argc > 2 ? argv[2] : NULL, NULL };
	int rounds = argc > 3 ? atoi(argv[3]) : 5, k, agree = 1, errors = 0;
	nb_paths_t p = { 0 };
	nb_draft_state_t *one, *all;
	double t0, by_one, ms[64];
	size_t i;

	if (argc < 3 || rounds < 1 || rounds > 64 || nb_paths_add(&p, argv[1], NULL, NULL) < 0) {
		fputs("usage: desk-bench FOLDER FORMS [ROUNDS]\n", stderr);
		return 2;
	}
	one = calloc(p.n ? p.n : 1, sizeof *one);
	all = calloc(p.n ? p.n : 1, sizeof *all);
	if (!one || !all)
		return 2;
	t0 = now_ms();
	for (i = 0; i < p.n; i++)
		if (nb_draft_state(p.v[i], dirs, &one[i]) < 0)
			return 2;
	by_one = now_ms() - t0;
	for (k = 0; k < rounds; k++) {
		free_states(all, p.n);
		t0 = now_ms();
		if (nb_draft_states((const char *const *)p.v, p.n, dirs, all) < 0)
			return 2;
		ms[k] = now_ms() - t0;
	}
	for (i = 0; i < p.n; i++) {
		agree &= same(&one[i], &all[i]);
		errors += all[i].errors;
	}
	qsort(ms, (size_t)rounds, sizeof *ms, by_ms);
	printf("%4zu drafts: one by one %9.1f ms (%6.2f ms a draft); at once %7.1f ms "
	       "(%5.2f ms a draft, median of %d); %d errors; the same states: %s\n", p.n,
	       by_one, by_one / (double)p.n, ms[rounds / 2], ms[rounds / 2] / (double)p.n,
	       rounds, errors, agree ? "yes" : "NO");
	free_states(one, p.n);
	free_states(all, p.n);
	free(one);
	free(all);
	nb_paths_free(&p);
	return agree ? 0 : 1;
}
