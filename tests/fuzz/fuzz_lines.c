/* libFuzzer harness: arbitrary bytes through a reader of published reports
 * into lines of cells: saved web pages, or with NB_FUZZ_DOCX Word files
 * (run.sh builds both).  Every input must either be read into well-formed
 * lines or be refused with a message; nothing may crash or leak. */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/import.h"

#ifdef NB_FUZZ_DOCX
#define READ(data, size, d, err) nb_read_docx("fuzz.docx", data, size, d, err)
#else
#define READ(data, size, d, err) nb_read_html("fuzz.html", data, size, d, err)
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What import.h promises of a document's lines. */
static void
check_lines(const nb_idoc_t *d)
{
	size_t i, j, n;

	for (i = 0; i < d->n; i++)
		for (j = 0; j < d->v[i].n; j++) {
			const nb_icell_t *c = &d->v[i].cells[j];
			if (!c->text || c->span < 1)
				abort();
			n = strlen(c->text);
			if (n && (c->text[0] == ' ' || c->text[n - 1] == ' '))
				abort();        /* not trimmed */
		}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nb_idoc_t d;
	nb_error_t err = { 0 };

	nb_idoc_init(&d);
	if (READ((const char *)data, size, &d, &err) == 0)
		check_lines(&d);
	else if (!err.msg[0])
		abort();                /* a refusal must say why */
	nb_idoc_free(&d);
	return 0;
}
