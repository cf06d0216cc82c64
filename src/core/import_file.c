/* A published report file into a report (import.h): its kind told, its
 * reader run, the recogniser after it. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/file.h"
#include "core/import.h"

#define MAX_SOURCE (64u << 20)

int
nb_import_is_report(const char *name)
{
	return nb_import_kind(name, "", 0) != NB_SRC_UNKNOWN;   /* by its name */
}

char *
nb_import_draft_name(const char *dir, const char *src)
{
	const char *slash = strrchr(src, '/'), *name = slash ? slash + 1 : src;
	const char *dot = strrchr(name, '.');
	size_t n = dot && dot != name ? (size_t)(dot - name) : strlen(name);
	size_t pre = dir ? strlen(dir) + 1 : (size_t)(name - src);
	char *p = malloc(pre + n + 6);

	if (!p)
		return NULL;
	if (dir)
		sprintf(p, "%s/", dir);
	else
		memcpy(p, src, pre);            /* beside the report */
	sprintf(p + pre, "%.*s.yaml", (int)n, name);
	return p;
}

static int
read_source(const char *path, nb_idoc_t *doc, nb_error_t *err)
{
	char *buf;
	size_t len;
	int rc;

	if (nb_file_read(path, MAX_SOURCE, &buf, &len, err) < 0)
		return -1;
	switch (nb_import_kind(path, buf, len)) {
	case NB_SRC_PDF: rc = nb_read_pdf(path, buf, len, doc, err); break;
	case NB_SRC_HTML: rc = nb_read_html(path, buf, len, doc, err); break;
	case NB_SRC_DOCX: rc = nb_read_docx(path, buf, len, doc, err); break;
	default: rc = nb_read_text(path, buf, len, doc, err); break;
	}
	free(buf);
	return rc;
}

int
nb_import_file(const nb_form_t *form, const char *path, nb_report_t **out,
               nb_isummary_t *sum, nb_error_t *err)
{
	nb_idoc_t doc;
	int rc;

	*out = NULL;
	memset(sum, 0, sizeof *sum);
	nb_idoc_init(&doc);
	rc = read_source(path, &doc, err);
	if (rc == 0)
		rc = nb_import_recognize(form, &doc, path, out, sum, err);
	nb_idoc_free(&doc);
	return rc;
}
