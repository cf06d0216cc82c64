/* libFuzzer harness: arbitrary bytes through the YAML tree reader and the
 * draft reader, against the real form.  Every input must either load or be
 * refused with a positioned message; nothing may crash or leak.  What
 * loads is also read by the content checks, whose sentences are the
 * input's. */

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/content.h"
#include "core/draft.h"

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

/* Emits rep into out, or aborts. */
static void
emit_or_die(const nb_report_t *rep, nb_buf_t *out)
{
	nb_error_t err = { 0 };

	nb_buf_init(out);
	if (nb_draft_emit(rep, out, &err) < 0) {
		fprintf(stderr, "cannot write a draft that loaded: %s\n", err.msg);
		abort();
	}
}

/* What loads must write out, and the written text must be canonical:
 * reading it back and writing again gives the same bytes (draft.h).  (The
 * report itself may differ: an absent text key is written as "".) */
static void
round_trip(const nb_form_t *form, const nb_report_t *rep)
{
	nb_ynode_t *root = NULL;
	nb_report_t *again = NULL;
	nb_error_t err = { 0 };
	nb_buf_t one, two;

	emit_or_die(rep, &one);
	if (nb_ytree_parse("again.yaml", one.data, one.len, &root, &err) < 0 ||
	    nb_draft_from_tree(form, "again.yaml", root, &again, &err) < 0) {
		fprintf(stderr, "written draft does not read back: %d:%d: %s\n%s",
		        err.line, err.col, err.msg, one.data);
		abort();
	}
	emit_or_die(again, &two);
	if (one.len != two.len || memcmp(one.data, two.data, one.len)) {
		fprintf(stderr, "not canonical:\n%s\n----\n%s", one.data, two.data);
		abort();
	}
	nb_report_free(again);
	nb_ytree_free(root);
	nb_buf_free(&one);
	nb_buf_free(&two);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const nb_form_t *form = the_form();
	nb_ynode_t *root = NULL;
	nb_report_t *rep = NULL;
	nb_error_t err = { 0 };

	if (nb_ytree_parse("fuzz.yaml", (const char *)data, size, &root, &err) < 0) {
		if (!err.msg[0])
			abort();        /* a refusal must say why */
		return 0;
	}
	if (nb_draft_from_tree(form, "fuzz.yaml", root, &rep, &err) == 0) {
		nb_findings_t f;
		round_trip(form, rep);
		nb_findings_init(&f);
		if (nb_content_eval(rep, rep, &f) < 0)
			abort();
		nb_findings_free(&f);
		nb_report_free(rep);
	} else if (!err.msg[0] || err.line <= 0) {
		abort();                /* a refusal must say where and why */
	}
	nb_ytree_free(root);
	return 0;
}
