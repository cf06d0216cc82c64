/* The drafts a command line names (src/core/walk.h) and the forms read
 * once per process (src/core/formset.h). */

#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/formset.h"
#include "core/walk.h"
#include "testutil.h"

static char top[64];

static void
dir(const char *rel)
{
	char path[256];

	snprintf(path, sizeof path, "%s/%s", top, rel);
	assert_int_equal(mkdir(path, 0755), 0);
}

static int
setup(void **state)
{
	(void)state;
	return tu_mkdtemp(top, sizeof top, "walk");
}

static int
teardown(void **state)
{
	(void)state;
	return tu_rmtree(top);
}

/* The paths under top, without its prefix, joined by spaces. */
static const char *
names_of(const nb_paths_t *p)
{
	static char out[1024];
	size_t i, k = strlen(top) + 1;

	out[0] = '\0';
	for (i = 0; i < p->n; i++) {
		assert_true(strlen(p->v[i]) > k);
		strcat(out, i ? " " : "");
		strcat(out, p->v[i] + k);
	}
	return out;
}

static void
a_directory_gives_its_drafts_in_order(void **state)
{
	nb_paths_t p = { 0 };

	(void)state;
	dir("b");
	dir("a");
	tu_put(top, "z.yaml", "");
	tu_put(top, "b/2.yaml", "");
	tu_put(top, "b/1.yml", "");
	tu_put(top, "a/x.yaml", "");
	tu_put(top, "m.yaml", "");
	assert_int_equal(nb_paths_add(&p, top, NULL, NULL), 0);
	assert_string_equal(names_of(&p), "a/x.yaml b/1.yml b/2.yaml m.yaml z.yaml");
	nb_paths_free(&p);
}

static void
side_files_backups_and_other_files_are_passed_over(void **state)
{
	nb_paths_t p = { 0 };

	(void)state;
	tu_put(top, "d.yaml", "");
	tu_put(top, "d.yaml~", "");
	tu_put(top, ".d.yaml.recover", "");
	tu_put(top, ".d.yaml.lock", "");
	tu_put(top, "notes.txt", "");
	tu_put(top, "nianbao.yaml", "rules: {}\n");   /* the project's settings */
	dir(".hidden");
	tu_put(top, ".hidden/e.yaml", "");
	dir("dir.yaml");
	assert_int_equal(nb_paths_add(&p, top, NULL, NULL), 0);
	assert_string_equal(names_of(&p), "d.yaml");
	nb_paths_free(&p);
}

static void
a_file_named_is_taken_whatever_its_name(void **state)
{
	nb_paths_t p = { 0 };
	char path[256];

	(void)state;
	tu_put(top, "report.txt", "");
	snprintf(path, sizeof path, "%s/report.txt", top);
	assert_int_equal(nb_paths_add(&p, path, NULL, NULL), 0);
	snprintf(path, sizeof path, "%s/missing.yaml", top);
	assert_int_equal(nb_paths_add(&p, path, NULL, NULL), 0);
	assert_string_equal(names_of(&p), "report.txt missing.yaml");
	nb_paths_free(&p);
}

static void
a_link_loop_is_entered_once(void **state)
{
	nb_paths_t p = { 0 };
	char target[256], link[256];

	(void)state;
	dir("a");
	tu_put(top, "a/x.yaml", "");
	snprintf(target, sizeof target, "%s", top);
	snprintf(link, sizeof link, "%s/a/up", top);
	assert_int_equal(symlink(target, link), 0);
	assert_int_equal(nb_paths_add(&p, top, NULL, NULL), 0);
	assert_string_equal(names_of(&p), "a/x.yaml");
	nb_paths_free(&p);
}

static void
a_form_is_read_once_for_many_drafts(void **state)
{
	const char *dirs[] = { tu_path("forms"), NULL };
	nb_formset_t *set;
	nb_report_t *a = NULL, *b = NULL;
	nb_error_t err = { 0 };
	char forms[4096];

	(void)state;
	snprintf(forms, sizeof forms, "%s", dirs[0]);
	dirs[0] = forms;
	assert_non_null(set = nb_formset_new(dirs));
	assert_int_equal(nb_formset_open_draft(set, tu_path("sample-data/jinzhai-2024.yaml"),
	                                       &a, &err), 0);
	assert_int_equal(nb_formset_open_draft(set, tu_path("sample-data/jinzhai-2024.yaml"),
	                                       &b, &err), 0);
	assert_ptr_equal(a->form, b->form);
	nb_report_free(a);
	nb_report_free(b);
	nb_formset_free(set);
}

static void
an_unknown_format_is_the_drafts_fault_at_its_line(void **state)
{
	const char *dirs[] = { NULL, NULL };
	char forms[4096], path[256];
	nb_formset_t *set;
	nb_report_t *r = NULL;
	nb_error_t err = { 0 };

	(void)state;
	snprintf(forms, sizeof forms, "%s", tu_path("forms"));
	dirs[0] = forms;
	tu_put(top, "d.yaml", "# a draft\nformat: no-such/1\n");
	snprintf(path, sizeof path, "%s/d.yaml", top);
	assert_non_null(set = nb_formset_new(dirs));
	assert_int_equal(nb_formset_open_draft(set, path, &r, &err), -1);
	assert_null(r);
	assert_string_equal(err.file, path);
	assert_int_equal(err.line, 2);
	assert_non_null(strstr(err.msg, "no-such/1"));
	nb_formset_free(set);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_directory_gives_its_drafts_in_order, setup, teardown),
		cmocka_unit_test_setup_teardown(side_files_backups_and_other_files_are_passed_over, setup, teardown),
		cmocka_unit_test_setup_teardown(a_file_named_is_taken_whatever_its_name, setup, teardown),
		cmocka_unit_test_setup_teardown(a_link_loop_is_entered_once, setup, teardown),
		cmocka_unit_test_setup_teardown(a_form_is_read_once_for_many_drafts, setup, teardown),
		cmocka_unit_test_setup_teardown(an_unknown_format_is_the_drafts_fault_at_its_line, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
