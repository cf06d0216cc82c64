/* export-bench: renders the seed report N times in each format but PDF (or
 * in the one named) with nb_export_render() (the form and the draft are
 * loaded once) and prints the mean time of one rendering, the first apart
 * when a format is named (it loads the fonts).  The PDF is left out of the
 * round: at its 100 ms, 1000 runs would take minutes, and
 * bench/export-pdf-bench.sh names it with fewer.  Built and run by
 * bench/export-bench.sh and bench/export-pdf-bench.sh. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "bench/clock.h"
#include "core/draft.h"
#include "core/export.h"

int
main(int argc, char **argv)
{
	const char *form_path = argc > 1 ? argv[1] : "forms/gov-info-annual-report-2021.yaml";
	const char *draft = argc > 2 ? argv[2] : "sample-data/jinzhai-2024.yaml";
	int n = argc > 3 ? atoi(argv[3]) : 1000, i, f, last = NB_EXPORT_XLSX;
	int skip = NB_EXPORT_PDF;
	nb_export_format_t only;
	nb_form_t *form;
	nb_report_t *r;
	nb_error_t err = { 0 };

	if (nb_form_load(form_path, &form, &err) < 0 ||
	    nb_draft_load(form, draft, &r, &err) < 0) {
		nb_error_print(&err, stderr);
		return 2;
	}
	f = NB_EXPORT_TXT;
	if (argc > 4 && nb_export_format_parse(argv[4], &only) == 0) {
		nb_buf_t out;
		double t0 = now_ms(), c0 = cpu_ms();
		f = last = (int)only;
		skip = -1;
		nb_buf_init(&out);
		nb_export_render(r, only, 0, &out, &err);
		printf("export %-4s %6zu bytes  %8.3f ms the first rendering (fonts loaded; "
		       "CPU %.3f ms)\n", argv[4], out.len, now_ms() - t0, cpu_ms() - c0);
		nb_buf_free(&out);
	}
	for (; f <= last; f++) {
		double target = f == NB_EXPORT_PDF ? 100.0 : 5.0;
		size_t bytes = 0;
		double t0 = now_ms(), c0 = cpu_ms(), t, c;
		if (f == skip)
			continue;
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
		c = (cpu_ms() - c0) / n;
		printf("export %-4s %6zu bytes  %8.3f ms per rendering, CPU %.3f ms (%d runs)%s\n",
		       nb_export_format_name((nb_export_format_t)f), bytes, t, c, n,
		       c < target ? "" : target > 5 ? "  ** over the 100 ms target **"
		                                    : "  ** over the 5 ms target **");
	}
	nb_report_free(r);
	nb_form_free(form);
	return 0;
}
