/* import-bench: the time of nb_import_file (reading and recognising) on
 * each report given, the mean of N runs, in the process (the form loaded
 * once).  Built and run by bench/import-bench.sh. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "bench/clock.h"
#include "core/form.h"
#include "core/import.h"

int main(int argc, char **argv);

int
main(int argc, char **argv)
{
	nb_form_t *f;
	nb_error_t err = { 0 };
	int i, k, n = argc > 2 ? atoi(argv[1]) : 0;
	double t0;

	if (n <= 0 || nb_form_load("forms/gov-info-annual-report-2021.yaml", &f, &err) < 0) {
		fputs("usage: import-bench N REPORT... (from the top of the tree)\n", stderr);
		return 2;
	}
	for (k = 2; k < argc; k++) {
		t0 = now_ms();
		for (i = 0; i < n; i++) {
			nb_report_t *r;
			nb_isummary_t s;
			if (nb_import_file(f, argv[k], &r, &s, &err) < 0)
				return nb_error_print(&err, stderr), 2;
			nb_report_free(r);
			nb_isummary_free(&s);
		}
		printf("nb_import_file %-28s %8.3f ms (mean of %d, in the process)\n", argv[k],
		       (now_ms() - t0) / n, n);
	}
	nb_form_free(f);
	return 0;
}
