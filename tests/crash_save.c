/* The driver of tests/crash-save.sh: saves two big versions of a report
 * over the same draft, one after the other, until it is killed.
 *
 *   crash_save emit DIR     writes the two versions' exact text to
 *                           DIR/A.yaml and DIR/B.yaml (a plain write, for
 *                           comparing), and prints nothing
 *   crash_save loop DRAFT   saves A, B, A, B... over DRAFT with
 *                           nb_draft_save, forever
 *
 * The versions differ throughout (some 270 KB of text each), so a torn or
 * half-renamed save cannot pass for either of them. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/draft.h"

/* About 90 KB of paragraphs: `seed` makes each version's text its own. */
static char *
big_text(const char *seed)
{
	nb_buf_t b;
	int i;

	nb_buf_init(&b);
	for (i = 0; i < 350; i++)
		nb_buf_printf(&b, "第%d段（%s）：本年度政府信息公开工作稳步推进，"
		              "主动公开、依申请公开、平台建设和监督保障各项工作均按计划完成，"
		              "信息处理费依法未收取。\n", i, seed);
	return nb_buf_take(&b);
}

static nb_report_t *
version(const nb_form_t *form, const char *seed)
{
	nb_report_t *r = nb_report_new(form);
	const char *keys[] = { "other_matters", "preamble", "improvement.problems" };
	char *text;
	size_t i;

	if (!r)
		return NULL;
	nb_report_set_text(r, nb_form_field(form, "organization")->cell, seed);
	nb_report_set_num(r, nb_form_field(form, "year")->cell, 2024, 0);
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		if (!(text = big_text(seed))) {
			nb_report_free(r);
			return NULL;
		}
		nb_report_set_text(r, nb_form_field(form, keys[i])->cell, text);
		free(text);
	}
	return r;
}

static int
emit_to(const nb_report_t *r, const char *dir, const char *name)
{
	char path[4096];
	nb_error_t err = { 0 };
	nb_buf_t b;
	FILE *f;
	int rc = 0;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	nb_buf_init(&b);
	if (nb_draft_emit(r, &b, &err) < 0 || !(f = fopen(path, "wb")))
		rc = -1;
	else if (fwrite(b.data, 1, b.len, f) != b.len || fclose(f) != 0)
		rc = -1;
	nb_buf_free(&b);
	return rc;
}

int
main(int argc, char **argv)
{
	const char *form_path = getenv("NB_FORM");
	nb_form_t *form;
	nb_report_t *v[2];
	nb_error_t err = { 0 };
	unsigned long n;
	int rc;

	if (argc != 3 || !form_path) {
		fputs("usage: NB_FORM=FORM.yaml crash_save emit DIR | loop DRAFT\n", stderr);
		return 2;
	}
	if (nb_form_load(form_path, &form, &err) < 0 ||
	    !(v[0] = version(form, "版本甲")) || !(v[1] = version(form, "版本乙"))) {
		nb_error_print(&err, stderr);
		return 2;
	}
	if (!strcmp(argv[1], "emit")) {
		rc = emit_to(v[0], argv[2], "A.yaml") < 0 ||
		     emit_to(v[1], argv[2], "B.yaml") < 0 ? 2 : 0;
		nb_report_free(v[0]);
		nb_report_free(v[1]);
		nb_form_free(form);
		return rc;
	}
	for (n = 0;; n++) {
		if (nb_draft_save(v[n % 2], argv[2], &err) < 0) {
			nb_error_print(&err, stderr);
			return 2;
		}
	}
}
