/* testutil.h - what the unit tests share: paths to the source tree's forms
 * and sample data, and loading them. */
#ifndef NB_TESTUTIL_H
#define NB_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/draft.h"
#include "core/form.h"
#include "core/rules.h"

static inline const char *
tu_srcdir(void)
{
	const char *d = getenv("NB_TOP_SRCDIR");
	return d && *d ? d : ".";
}

/* A path under the source tree, in a static buffer (one at a time). */
static inline const char *
tu_path(const char *rel)
{
	static char buf[4096];
	snprintf(buf, sizeof buf, "%s/%s", tu_srcdir(), rel);
	return buf;
}

static inline nb_form_t *
tu_form(void)
{
	nb_form_t *f = NULL;
	nb_error_t err = { 0 };

	if (nb_form_load(tu_path("forms/gov-info-annual-report-2021.yaml"), &f, &err) < 0) {
		nb_error_print(&err, stderr);
		abort();
	}
	return f;
}

static inline nb_report_t *
tu_sample(const nb_form_t *form, const char *rel)
{
	nb_report_t *r = NULL;
	nb_error_t err = { 0 };

	if (nb_draft_load(form, tu_path(rel), &r, &err) < 0) {
		nb_error_print(&err, stderr);
		abort();
	}
	return r;
}

/* The shipped form, loaded once per test group (cmocka setup/teardown). */
static nb_form_t *form;

/* The cell of the shipped form's field at path, in column col (0 for a
 * field of one cell). */
static inline size_t
tu_cell(const char *path, size_t col)
{
	const nb_field_t *f = nb_form_field(form, path);

	if (!f)
		abort();
	return f->cell + col;
}

/* The seed report, sample-data/jinzhai-2024.yaml, read against it. */
static inline nb_report_t *
tu_seed(void)
{
	return tu_sample(form, "sample-data/jinzhai-2024.yaml");
}

static inline int
tu_setup(void **state)
{
	(void)state;
	form = tu_form();
	return 0;
}

static inline int
tu_teardown(void **state)
{
	(void)state;
	nb_form_free(form);
	return 0;
}

/* How many of the findings are of rule `id`. */
static inline size_t
tu_count_rule(const nb_findings_t *f, const char *id)
{
	size_t i, n = 0;

	for (i = 0; i < f->n; i++)
		n += !strcmp(f->v[i].rule_id, id);
	return n;
}

/* A fresh folder /tmp/nb-TAG-XXXXXX, its path into dir of `size`; 0 or
 * -1. */
static inline int
tu_mkdtemp(char *dir, size_t size, const char *tag)
{
	snprintf(dir, size, "/tmp/nb-%s-XXXXXX", tag);
	return mkdtemp(dir) ? 0 : -1;
}

/* Removes a folder and everything in it; 0 or -1. */
static inline int
tu_rmtree(const char *dir)
{
	char cmd[4200];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Writes text to the file dir/rel (made or emptied). */
static inline void
tu_put(const char *dir, const char *rel, const char *text)
{
	char path[4200];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, rel);
	if (!(f = fopen(path, "w")) || fputs(text, f) < 0 || fclose(f) != 0)
		abort();
}

/* Writes text to a fresh temporary file and returns its path (static). */
static inline const char *
tu_tempfile(const char *text, size_t len)
{
	static char path[64];
	FILE *f;

	snprintf(path, sizeof path, "/tmp/nb-test-XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0 || !(f = fdopen(fd, "wb")))
		abort();
	fwrite(text, 1, len, f);
	fclose(f);
	return path;
}

#endif
