/* Recovery files and file stamps (src/recovery.h). */

#include "config.h"

#include <fcntl.h>
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

#include "core/recovery.h"
#include "testutil.h"

typedef struct {
	char dir[64];
	char draft[128];
	char recover[128];
	nb_report_t *rep;
} fixture_t;

static int
setup(void **state)
{
	fixture_t *fx = calloc(1, sizeof *fx);
	nb_error_t err = { 0 };

	if (!fx)
		return -1;
	snprintf(fx->dir, sizeof fx->dir, "/tmp/nb-recover-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	snprintf(fx->draft, sizeof fx->draft, "%s/d.yaml", fx->dir);
	snprintf(fx->recover, sizeof fx->recover, "%s/.d.yaml.recover", fx->dir);
	fx->rep = tu_sample(form, "sample-data/jinzhai-2024.yaml");
	if (nb_draft_save(fx->rep, fx->draft, &err) < 0)
		return -1;
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	fixture_t *fx = *state;
	char cmd[128];
	int rc;

	nb_report_free(fx->rep);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
	rc = system(cmd);
	free(fx);
	return rc == 0 ? 0 : -1;
}

/* Sets a file's time of last change `ago` seconds back: tests must not
 * depend on how fine the clock of the filesystem is. */
static void
age(const char *path, int ago)
{
	struct timespec t[2];

	clock_gettime(CLOCK_REALTIME, &t[0]);
	t[0].tv_sec -= ago;
	t[1] = t[0];
	assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
}

static void
set_text(nb_report_t *r, const char *path, const char *text)
{
	assert_int_equal(nb_report_set_text(r, nb_form_field(form, path)->cell, text), 0);
}

static void
recovery_file_is_hidden_beside_the_draft(void **state)
{
	char *p;
	(void)state;

	p = nb_recovery_path("/srv/报告/金寨县2024.yaml");
	assert_string_equal(p, "/srv/报告/.金寨县2024.yaml.recover");
	free(p);
	p = nb_recovery_path("d.yaml");
	assert_string_equal(p, ".d.yaml.recover");
	free(p);
}

static void
unsaved_edits_come_back(void **state)
{
	fixture_t *fx = *state;
	nb_error_t err = { 0 };
	nb_report_t *back = NULL;

	assert_int_equal(nb_recovery_pending(fx->draft), 0);
	set_text(fx->rep, "organization", "改过的单位名称");
	age(fx->draft, 60);
	assert_int_equal(nb_recovery_write(fx->rep, fx->draft, &err), 0);
	assert_int_equal(access(fx->recover, F_OK), 0);
	assert_int_equal(nb_recovery_pending(fx->draft), 1);
	assert_int_equal(nb_recovery_load(form, fx->draft, &back, &err), 0);
	assert_true(nb_report_equal(fx->rep, back));
	nb_report_free(back);
	assert_int_equal(nb_recovery_remove(fx->draft, &err), 0);
	assert_int_equal(access(fx->recover, F_OK), -1);
	assert_int_equal(nb_recovery_pending(fx->draft), 0);
	assert_int_equal(nb_recovery_remove(fx->draft, &err), 0);
}

static void
recovery_older_than_the_draft_is_not_pending(void **state)
{
	fixture_t *fx = *state;
	nb_error_t err = { 0 };

	assert_int_equal(nb_recovery_write(fx->rep, fx->draft, &err), 0);
	age(fx->recover, 60);
	assert_int_equal(nb_recovery_pending(fx->draft), 0);
	/* a draft that is gone: the recovery file is all there is */
	assert_int_equal(unlink(fx->draft), 0);
	assert_int_equal(nb_recovery_pending(fx->draft), 1);
}

static void
differences_are_named_in_cell_order(void **state)
{
	fixture_t *fx = *state;
	nb_report_t *edited = tu_sample(form, "sample-data/jinzhai-2024.yaml");
	const nb_field_t *f;
	nb_changes_t ch;

	set_text(edited, "organization", "改过的单位名称");
	f = nb_form_field(form, "requests.new");
	nb_report_set_num(edited, f->cell + 1, 5, 0);
	f = nb_form_field(form, "proactive.fees");
	nb_report_clear(edited, f->cell);
	f = nb_form_field(form, "overview.items");
	nb_report_remove_item(edited, f->cell, 4);
	assert_int_equal(nb_recovery_diff(fx->rep, edited, &ch), 0);
	assert_int_equal(ch.n, 4);
	assert_string_equal(ch.v[0].name, "机关名称");
	assert_string_equal(ch.v[1].name, "总体情况各分项");
	assert_string_equal(ch.v[2].name, "行政事业性收费 本年收费金额（单位：万元）");
	assert_string_equal(ch.v[3].name, "一、本年新收政府信息公开申请数量 商业企业");
	assert_int_equal(ch.v[3].cell, nb_form_field(form, "requests.new")->cell + 1);
	nb_changes_free(&ch);
	assert_int_equal(ch.n, 0);
	nb_report_free(edited);
}

static void
no_differences_and_empty_text_is_unfilled_text(void **state)
{
	fixture_t *fx = *state;
	nb_report_t *same = tu_sample(form, "sample-data/jinzhai-2024.yaml");
	nb_changes_t ch;

	assert_int_equal(nb_recovery_diff(fx->rep, same, &ch), 0);
	assert_int_equal(ch.n, 0);
	set_text(fx->rep, "overview.intro", "");
	nb_report_clear(same, nb_form_field(form, "overview.intro")->cell);
	assert_int_equal(nb_recovery_diff(fx->rep, same, &ch), 0);
	assert_int_equal(ch.n, 0);
	nb_changes_free(&ch);
	nb_report_free(same);
}

static void
stamp_tells_a_changed_draft(void **state)
{
	fixture_t *fx = *state;
	nb_filestamp_t st;
	nb_error_t err = { 0 };

	nb_filestamp_take(fx->draft, &st);
	assert_true(st.exists);
	assert_int_equal(nb_filestamp_changed(fx->draft, &st), 0);
	/* written again with the same bytes: a new file all the same */
	assert_int_equal(nb_draft_save(fx->rep, fx->draft, &err), 0);
	assert_int_equal(nb_filestamp_changed(fx->draft, &st), 1);
	nb_filestamp_take(fx->draft, &st);
	assert_int_equal(nb_filestamp_changed(fx->draft, &st), 0);
	/* touched in place */
	age(fx->draft, 5);
	assert_int_equal(nb_filestamp_changed(fx->draft, &st), 1);
	nb_filestamp_take(fx->draft, &st);
	assert_int_equal(unlink(fx->draft), 0);
	assert_int_equal(nb_filestamp_changed(fx->draft, &st), 1);
	/* none when stamped, one now */
	nb_filestamp_take(fx->draft, &st);
	assert_false(st.exists);
	assert_int_equal(nb_filestamp_changed(fx->draft, &st), 0);
	assert_int_equal(nb_draft_save(fx->rep, fx->draft, &err), 0);
	assert_int_equal(nb_filestamp_changed(fx->draft, &st), 1);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(recovery_file_is_hidden_beside_the_draft),
		T(unsaved_edits_come_back),
		T(recovery_older_than_the_draft_is_not_pending),
		T(differences_are_named_in_cell_order),
		T(no_differences_and_empty_text_is_unfilled_text),
		T(stamp_tells_a_changed_draft),
	};

	return cmocka_run_group_tests_name("recovery", tests, tu_setup, tu_teardown);
}
