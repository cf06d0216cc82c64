/* Every malformed draft under tests/bad and every malformed form file
 * under tests/bad-forms (plus the big ones tests/gen-bad.sh writes at test
 * time) is refused by the library with exactly the diagnostic its .expect
 * file holds: one test per file.
 *
 * The files are loaded from inside their directory, by name, the way
 * tests/bad-files.sh runs `nianbao check NAME.yaml`, so both compare the
 * same line.  "@top_srcdir@" in an expectation stands for the source tree
 * (it appears where the message names the forms directory). */

#include "config.h"

#include <dirent.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/file.h"
#include "testutil.h"

typedef enum { DRAFT, FORM } kind_t;

typedef struct {
	kind_t kind;
	char dir[PATH_MAX];
	char name[256];         /* NAME.yaml */
	char title[300];        /* the test's name: "bad/NAME.yaml" */
} bad_case_t;

static char srcdir[PATH_MAX];

/* The first line of the .expect beside the case, with @top_srcdir@
 * replaced; a malloc'd string. */
static char *
expectation(const bad_case_t *c)
{
	char path[PATH_MAX + 300], line[2048], *at;
	FILE *f;
	nb_buf_t b;

	snprintf(path, sizeof path, "%s/%.*s.expect", c->dir,
	         (int)(strlen(c->name) - 5), c->name);
	f = fopen(path, "r");
	if (!f)
		fail_msg("no expectation %s", path);
	if (!fgets(line, sizeof line, f))
		line[0] = '\0';
	fclose(f);
	line[strcspn(line, "\n")] = '\0';
	nb_buf_init(&b);
	if ((at = strstr(line, "@top_srcdir@"))) {
		nb_buf_add(&b, line, (size_t)(at - line));
		nb_buf_puts(&b, srcdir);
		nb_buf_puts(&b, at + strlen("@top_srcdir@"));
	} else {
		nb_buf_puts(&b, line);
	}
	return nb_buf_take(&b);
}

/* The diagnostic as `nianbao check` prints it, without the newline. */
static char *
diagnostic(const nb_error_t *err)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	assert_non_null(f);
	nb_error_print(err, f);
	fclose(f);
	text[strcspn(text, "\n")] = '\0';
	return text;
}

static void
load_draft(const bad_case_t *c, nb_error_t *err)
{
	char forms[PATH_MAX + 8];
	/* two places, like the command line: the message says "等" */
	const char *dirs[] = { forms, "/nonexistent/nianbao/forms", NULL };
	nb_form_t *fm = NULL;
	nb_report_t *rep = NULL;

	snprintf(forms, sizeof forms, "%s/forms", srcdir);
	assert_int_equal(nb_draft_open(c->name, dirs, &fm, &rep, err), -1);
	assert_null(fm);
	assert_null(rep);
}

static void
load_form(const bad_case_t *c, nb_error_t *err)
{
	char path[300];
	nb_form_t *fm = NULL;

	/* as `nianbao --forms . check` finds it */
	snprintf(path, sizeof path, "./%s", c->name);
	assert_int_equal(nb_form_load(path, &fm, err), -1);
	assert_null(fm);
}

/* The same bytes in a buffer of exactly their size (the file reader adds
 * a NUL the parser must not rely on; ASan and valgrind see any read past
 * the end): a refusal by the parser is the same refusal. */
static void
parse_exact_buffer(const bad_case_t *c, const nb_error_t *open_err)
{
	nb_error_t err = { 0 };
	nb_ynode_t *root = NULL;
	char *text, *exact;
	size_t len;

	if (nb_file_read(c->name, NB_YTREE_MAX_BYTES, &text, &len, &err) < 0)
		return;                 /* too big: refused before parsing */
	exact = malloc(len ? len : 1);
	assert_non_null(exact);
	memcpy(exact, text, len);
	free(text);
	if (nb_ytree_parse(c->name, exact, len, &root, &err) < 0) {
		assert_null(root);
		assert_string_equal(err.msg, open_err->msg);
		assert_int_equal(err.line, open_err->line);
		assert_int_equal(err.col, open_err->col);
	}
	nb_ytree_free(root);
	free(exact);
}

static void
refused_as_expected(void **state)
{
	const bad_case_t *c = *state;
	nb_error_t err = { 0 };
	char *want, *got;

	assert_int_equal(chdir(c->dir), 0);
	if (c->kind == DRAFT)
		load_draft(c, &err);
	else
		load_form(c, &err);
	parse_exact_buffer(c, &err);
	want = expectation(c);
	got = diagnostic(&err);
	if (strcmp(want, got))
		print_error("expected: %s\n     got: %s\n", want, got);
	assert_string_equal(got, want);
	free(want);
	free(got);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const bad_case_t *)a)->name, ((const bad_case_t *)b)->name);
}

/* Appends a case for every NAME.yaml in dir (sorted); returns how many. */
static size_t
collect(const char *dir, const char *label, kind_t kind, bad_case_t **cases,
        size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t len, first = *n;

	if (!d)
		return 0;
	while ((e = readdir(d))) {
		len = strlen(e->d_name);
		if (len < 6 || len >= 256 || strcmp(e->d_name + len - 5, ".yaml"))
			continue;
		*cases = realloc(*cases, (*n + 1) * sizeof **cases);
		if (!*cases)
			abort();
		(*cases)[*n].kind = kind;
		snprintf((*cases)[*n].dir, sizeof (*cases)[*n].dir, "%s", dir);
		snprintf((*cases)[*n].name, sizeof (*cases)[*n].name, "%s", e->d_name);
		snprintf((*cases)[*n].title, sizeof (*cases)[*n].title, "%s/%s",
		         label, e->d_name);
		(*n)++;
	}
	closedir(d);
	qsort(*cases + first, *n - first, sizeof **cases, by_name);
	return *n - first;
}

/* A message too long for the error is cut between characters. */
static void
long_message_is_cut_at_a_character(void **state)
{
	nb_error_t err = { 0 };
	nb_buf_t b;
	int i;
	(void)state;

	nb_buf_init(&b);
	for (i = 0; i < 600; i++)
		nb_buf_puts(&b, "字");
	nb_error_set(&err, "f.yaml", 1, 1, "x%s", b.data);   /* 1 + 3 * 600 bytes */
	nb_buf_free(&b);
	assert_int_equal(strlen(err.msg), 1 + 3 * 340);    /* 1022 would split one */
}

/* The corpus must be there: a loop over an empty directory proves nothing. */
static size_t ndrafts, nforms, nbig;

static void
corpus_is_complete(void **state)
{
	(void)state;
	assert_true(ndrafts >= 100);
	assert_true(nforms >= 10);
	assert_int_equal(nbig, 6);
}

int
main(void)
{
	char dir[PATH_MAX + 32], big[] = "/tmp/nb-bad-XXXXXX", cmd[2 * PATH_MAX + 64];
	bad_case_t *cases = NULL;
	struct CMUnitTest *tests;
	size_t n = 0, i;
	int rc;

	/* as given, not normalised: it is the binary's abs_top_srcdir */
	if (tu_srcdir()[0] == '/')
		snprintf(srcdir, sizeof srcdir, "%s", tu_srcdir());
	else if (!realpath(tu_srcdir(), srcdir))
		return 2;
	if (!mkdtemp(big))
		return 2;
	snprintf(cmd, sizeof cmd, "sh '%s/tests/gen-bad.sh' '%s'", srcdir, big);
	if (system(cmd) != 0)
		return 2;
	snprintf(dir, sizeof dir, "%s/tests/bad", srcdir);
	ndrafts = collect(dir, "bad", DRAFT, &cases, &n);
	snprintf(dir, sizeof dir, "%s/tests/bad-forms", srcdir);
	nforms = collect(dir, "bad-forms", FORM, &cases, &n);
	nbig = collect(big, "generated", DRAFT, &cases, &n);
	tests = calloc(n + 2, sizeof *tests);
	if (!tests)
		return 2;
	tests[0].name = "corpus_is_complete";
	tests[0].test_func = corpus_is_complete;
	tests[1].name = "long_message_is_cut_at_a_character";
	tests[1].test_func = long_message_is_cut_at_a_character;
	for (i = 0; i < n; i++) {
		tests[i + 2].name = cases[i].title;
		tests[i + 2].test_func = refused_as_expected;
		tests[i + 2].initial_state = &cases[i];
	}
	rc = _cmocka_run_group_tests("malformed", tests, n + 2, NULL, NULL);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", big);
	if (system(cmd) != 0)
		rc = 2;
	free(tests);
	free(cases);
	return rc;
}
