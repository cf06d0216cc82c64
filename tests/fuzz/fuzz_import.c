/* libFuzzer harness: arbitrary bytes through the text reader of published
 * reports and the recogniser, against the real form.  Every input must
 * give a report (complete or not) or be refused with a message; nothing
 * may crash or leak, and a report given must be a draft that can be
 * written. */

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/draft.h"
#include "core/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static nb_form_t *
the_form(void)
{
	static nb_form_t *form;
	nb_error_t err = { 0 };
	const char *path = getenv("NB_FUZZ_FORM");

	if (form)
		return form;
	if (!path)
		path = NB_FUZZ_FORM;
	if (nb_form_load(path, &form, &err) < 0) {
		nb_error_print(&err, stderr);
		abort();
	}
	return form;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nb_idoc_t doc;
	nb_isummary_t sum;
	nb_report_t *rep = NULL;
	nb_error_t err = { 0 };
	nb_buf_t out;

	nb_idoc_init(&doc);
	if (nb_read_text("fuzz.txt", (const char *)data, size, &doc, &err) == 0 &&
	    nb_import_recognize(the_form(), &doc, "fuzz.txt", &rep, &sum, &err) >= 0) {
		nb_buf_init(&out);
		if (nb_draft_emit(rep, &out, &err) < 0)
			abort();
		nb_buf_free(&out);
		nb_report_free(rep);
		nb_isummary_free(&sum);
	}
	nb_idoc_free(&doc);
	return 0;
}
