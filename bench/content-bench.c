/* content-bench: what the content checks cost in the process, the mean
 * of N runs: reading the form (with and without its text_checks part),
 * reading the seed draft, and judging it with the rules alone and with
 * the content checks too.  Built and run by bench/content-bench.sh. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "bench/clock.h"
#include "core/content.h"
#include "core/draft.h"
#include "core/form.h"
#include "core/judge.h"

int main(int argc, char **argv);

/* The mean time of reading the form at path, in ms. */
static double
form_ms(const char *path, int n)
{
	nb_error_t err = { 0 };
	nb_form_t *f;
	double t0 = now_ms();
	int i;

	for (i = 0; i < n; i++) {
		if (nb_form_load(path, &f, &err) < 0)
			return nb_error_print(&err, stderr), exit(2), 0;
		nb_form_free(f);
	}
	return (now_ms() - t0) / n;
}

/* The mean time of judging r, in ms: with the content checks or not. */
static double
judge_ms(const nb_report_t *r, int content, int n)
{
	nb_error_t err = { 0 };
	nb_findings_t f;
	double t0 = now_ms();
	int i;

	for (i = 0; i < n; i++) {
		nb_findings_init(&f);
		if (content ? nb_judge(r, NULL, NULL, "seed", &f, &err) < 0
		            : nb_rules_eval(r, NULL, &f) < 0)
			return exit(2), 0;
		nb_findings_free(&f);
	}
	return (now_ms() - t0) / n;
}

int
main(int argc, char **argv)
{
	nb_error_t err = { 0 };
	nb_form_t *f;
	nb_report_t *r;
	int n = argc == 4 ? atoi(argv[1]) : 0;
	double with, bare, rules, all, draft, t0;

	if (n <= 0 || nb_form_load(argv[2], &f, &err) < 0) {
		fputs("usage: content-bench N FORM FORM-WITHOUT-TEXT-CHECKS\n", stderr);
		return 2;
	}
	t0 = now_ms();
	for (int i = 0; i < n; i++) {
		if (nb_draft_load(f, "sample-data/jinzhai-2024.yaml", &r, &err) < 0)
			return nb_error_print(&err, stderr), 2;
		nb_report_free(r);
	}
	draft = (now_ms() - t0) / n;
	nb_draft_load(f, "sample-data/jinzhai-2024.yaml", &r, &err);
	with = form_ms(argv[2], n);
	bare = form_ms(argv[3], n);
	rules = judge_ms(r, 0, n * 10);
	all = judge_ms(r, 1, n * 10);
	printf("in the process, mean of %d runs:\n", n);
	printf("  reading the form:   %.3f ms without text_checks, %.3f ms with\n", bare, with);
	printf("  reading the draft:  %.3f ms\n", draft);
	printf("  judging the seed:   %.4f ms the rules alone, %.4f ms with the content checks\n",
	       rules, all);
	printf("  check's work (form + draft + judging): %.3f ms before, %.3f ms now: +%.1f%%\n",
	       bare + draft + rules, with + draft + all,
	       ((with + draft + all) - (bare + draft + rules)) * 100 / (bare + draft + rules));
	nb_report_free(r);
	nb_form_free(f);
	return 0;
}
