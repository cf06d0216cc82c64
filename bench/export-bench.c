/* export-bench: renders the seed report N times in each format with
 * nb_export_render() (the form and the draft are loaded once) and prints
 * the mean time of one rendering.  Built and run by bench/export-bench.sh. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/draft.h"
#include "core/export.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int
main(int argc, char **argv)
{
	const char *form_path = argc > 1 ? argv[1] : "forms/gov-info-annual-report-2021.yaml";
	const char *draft = argc > 2 ? argv[2] : "sample-data/jinzhai-2024.yaml";
	int n = argc > 3 ? atoi(argv[3]) : 1000, i, f;
	nb_form_t *form;
	nb_report_t *r;
	nb_error_t err = { 0 };

	if (nb_form_load(form_path, &form, &err) < 0 ||
	    nb_draft_load(form, draft, &r, &err) < 0) {
		nb_error_print(&err, stderr);
		return 2;
	}
	for (f = NB_EXPORT_TXT; f <= NB_EXPORT_XLSX; f++) {
		size_t bytes = 0;
		double t0 = now_ms(), t;
		for (i = 0; i < n; i++) {
			nb_buf_t out;
			nb_buf_init(&out);
			if (nb_export_render(r, (nb_export_format_t)f, 0, &out, &err) < 0) {
				nb_error_print(&err, stderr);
				return 2;
			}
			bytes = out.len;
			nb_buf_free(&out);
		}
		t = (now_ms() - t0) / n;
		printf("export %-4s %6zu bytes  %8.3f ms per rendering (%d runs)%s\n",
		       nb_export_format_name((nb_export_format_t)f), bytes, t, n,
		       t < 5.0 ? "" : "  ** over the 5 ms target **");
	}
	nb_report_free(r);
	nb_form_free(form);
	return 0;
}
