/* How far a draft is, for the list of drafts (src/core/draft_state.h):
 * the sample drafts done, with errors, unfilled; one that cannot be read;
 * last year's draft beside judged as the editor judges it. */

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

#include "core/draft_state.h"
#include "testutil.h"

static char top[64];
static const char *dirs[2];

static int
setup(void **state)
{
	static char forms[4096];

	(void)state;
	snprintf(forms, sizeof forms, "%s/forms", tu_srcdir());
	dirs[0] = forms;
	return tu_mkdtemp(top, sizeof top, "state");
}

static int
teardown(void **state)
{
	(void)state;
	return tu_rmtree(top);
}

/* The state of a file of the source tree. */
static nb_draft_state_t
state_of(const char *rel)
{
	nb_draft_state_t st;

	assert_int_equal(nb_draft_state(tu_path(rel), dirs, &st), 0);
	return st;
}

static void
a_finished_draft_is_done(void **state)
{
	nb_draft_state_t st = state_of("sample-data/jinzhai-2024.yaml");
	struct stat sb;

	(void)state;
	assert_true(st.readable);
	assert_string_equal(st.org, "金寨县公共资源交易中心");
	assert_int_equal(st.year, 2024);
	assert_int_equal(st.errors, 0);
	assert_int_equal(st.unfilled, 0);
	assert_int_equal(st.state, NB_SEC_DONE);
	assert_int_equal(stat(tu_path("sample-data/jinzhai-2024.yaml"), &sb), 0);
	assert_int_equal(st.mtime, sb.st_mtime);
	nb_draft_state_free(&st);
}

/* `nianbao check` finds 3 errors in it (and a warning, not counted) and
 * one row unfilled: the editor counts that row's one empty cell. */
static void
a_draft_with_errors_counts_them(void **state)
{
	nb_draft_state_t st = state_of("sample-data/jinzhai-2024-errors.yaml");

	(void)state;
	assert_true(st.readable);
	assert_int_equal(st.errors, 3);
	assert_int_equal(st.unfilled, 1);
	assert_int_equal(st.state, NB_SEC_ERRORS);
	nb_draft_state_free(&st);
}

static void
an_empty_draft_is_unfilled(void **state)
{
	nb_draft_state_t st = state_of("sample-data/empty.yaml");

	(void)state;
	assert_true(st.readable);
	assert_int_equal(st.errors, 0);
	assert_true(st.unfilled > 100);
	assert_int_equal(st.state, NB_SEC_UNFILLED);
	nb_draft_state_free(&st);
}

static void
a_draft_that_cannot_be_read_says_why(void **state)
{
	nb_draft_state_t st = state_of("tests/bad/alias-cycle.yaml");

	(void)state;
	assert_false(st.readable);
	assert_null(st.org);
	assert_string_equal(st.err.msg, "不允许使用锚点（&标记）");
	assert_int_equal(st.err.line, 2);
	assert_true(st.mtime > 0);
	nb_draft_state_free(&st);
}

static void
a_draft_that_is_not_there_cannot_be_read(void **state)
{
	nb_draft_state_t st;

	(void)state;
	assert_int_equal(nb_draft_state("/nonexistent/x.yaml", dirs, &st), 0);
	assert_false(st.readable);
	assert_int_equal(st.mtime, 0);
	assert_true(strlen(st.err.msg) > 0);
	nb_draft_state_free(&st);
}

/* Copies jinzhai-2024.yaml into the folder as name, for another year,
 * with `carried` applications carried in from last year and on to next
 * (table 三 still adds up). */
static void
put_copy(const char *name, const char *year, int carried)
{
	char cmd[8192];

	snprintf(cmd, sizeof cmd, "sed -e 's/^year: 2024$/year: %s/' "
	         "-e 's/^  carried_\\(in\\|out\\): .*/  carried_\\1: [%d, 0, 0, 0, 0, 0, %d]/' "
	         "'%s' > '%s/%s'", year, carried, carried,
	         tu_path("sample-data/jinzhai-2024.yaml"), top, name);
	assert_int_equal(system(cmd), 0);
}

/* 2025's applications carried in are 2024's carried out: judged only with
 * last year's draft, found beside as the editor finds it (one error for
 * the column 自然人, one for 总计). */
static void
last_years_draft_beside_is_judged_with(void **state)
{
	char path[256];
	nb_draft_state_t st;

	(void)state;
	put_copy("a2025.yaml", "2025", 1);
	snprintf(path, sizeof path, "%s/a2025.yaml", top);
	assert_int_equal(nb_draft_state(path, dirs, &st), 0);
	assert_int_equal(st.errors, 0);         /* alone: nothing to compare */
	assert_int_equal(st.state, NB_SEC_DONE);
	nb_draft_state_free(&st);
	put_copy("a2024.yaml", "2024", 0);
	assert_int_equal(nb_draft_state(path, dirs, &st), 0);
	assert_int_equal(st.errors, 2);
	assert_int_equal(st.state, NB_SEC_ERRORS);
	nb_draft_state_free(&st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_finished_draft_is_done),
		cmocka_unit_test(a_draft_with_errors_counts_them),
		cmocka_unit_test(an_empty_draft_is_unfilled),
		cmocka_unit_test(a_draft_that_cannot_be_read_says_why),
		cmocka_unit_test(a_draft_that_is_not_there_cannot_be_read),
		cmocka_unit_test(last_years_draft_beside_is_judged_with),
	};

	return cmocka_run_group_tests_name("draft_state", tests, setup, teardown);
}
