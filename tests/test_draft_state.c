/* How far a draft is, for the list of drafts (src/core/draft_state.h):
 * the sample drafts done, with errors, unfilled; one that cannot be read;
 * last year's draft beside judged as the editor judges it; a folder's
 * drafts taken at once as each is taken alone. */

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
#include "core/walk.h"
#include "testutil.h"

static char top[64];
static const char *dirs[3];

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

/* ---- a folder's drafts at once ---- */

/* A copy of jinzhai-2024.yaml at top/rel: org's report for year, with
 * `carried` applications carried in and out (see put_copy), then the
 * lines `more` (x-previous, say). */
static void
put_draft(const char *rel, const char *org, int year, int carried, const char *more)
{
	char cmd[8192];

	snprintf(cmd, sizeof cmd, "mkdir -p \"$(dirname '%s/%s')\" && sed -e 's/^year: 2024$/year: %d/' "
	         "-e 's/^organization: .*/organization: %s/' "
	         "-e 's/^  carried_\\(in\\|out\\): .*/  carried_\\1: [%d, 0, 0, 0, 0, 0, %d]/' "
	         "'%s' > '%s/%s' && printf '%%s' '%s' >> '%s/%s'", top, rel, year, org, carried,
	         carried, tu_path("sample-data/jinzhai-2024.yaml"), top, rel, more, top, rel);
	assert_int_equal(system(cmd), 0);
}

/* A second form beside the shipped one, of the format test/other, and
 * top/rel a draft of it. */
static void
put_other_format(const char *rel, const char *org, int year)
{
	static char other[128];
	char cmd[8192];

	snprintf(other, sizeof other, "%s/forms", top);
	dirs[1] = other;
	snprintf(cmd, sizeof cmd, "mkdir -p '%s' && sed 's|^format: .*|format: test/other|' "
	         "'%s' > '%s/test-other.yaml'", other, tu_path("forms/gov-info-annual-report-2021.yaml"),
	         other);
	assert_int_equal(system(cmd), 0);
	put_draft(rel, org, year, 0, "");
	snprintf(cmd, sizeof cmd, "sed -i 's|^format: .*|format: test/other|' '%s/%s'", top, rel);
	assert_int_equal(system(cmd), 0);
}

/* The folder of a county's reviewer: bodies 甲 and 乙 over three years
 * (甲 2025 carries one more application in than 2024 carried out, 乙 2024
 * one more than 2023: two errors each, judged with last year's only);
 * 丙 2025 with two drafts of 2024 beside (none taken); 丁 2025 recording
 * 甲 2024; 戊 2025 recording its 2024 in another folder, with another
 * 戊 2024 beside; 己 2025 recording one that is gone; 庚 2025 with its
 * 2024 beside of another format, and 辛 2025 recording it; a draft that
 * cannot be read. */
static void
make_desk(void)
{
	put_draft("desk/jia-2023.yaml", "甲", 2023, 0, "");
	put_draft("desk/jia-2024.yaml", "甲", 2024, 0, "");
	put_draft("desk/jia-2025.yaml", "甲", 2025, 1, "");
	put_draft("desk/yi-2023.yaml", "乙", 2023, 2, "");
	put_draft("desk/yi-2024.yaml", "乙", 2024, 3, "");
	put_draft("desk/yi-2025.yaml", "乙", 2025, 3, "");
	put_draft("desk/bing-2024a.yaml", "丙", 2024, 0, "");
	put_draft("desk/bing-2024b.yaml", "丙", 2024, 0, "");
	put_draft("desk/bing-2025.yaml", "丙", 2025, 1, "");
	put_draft("desk/ding-2025.yaml", "丁", 2025, 1, "x-previous: jia-2024.yaml\n");
	put_draft("old/wu-2024.yaml", "戊", 2024, 0, "");
	put_draft("desk/wu-2024.yaml", "戊", 2024, 1, "");
	put_draft("desk/wu-2025.yaml", "戊", 2025, 1, "x-previous: ../old/wu-2024.yaml\n");
	put_draft("desk/ji-2025.yaml", "己", 2025, 1, "x-previous: ../old/gone.yaml\n");
	put_other_format("desk/geng-2024.yaml", "庚", 2024);
	put_draft("desk/geng-2025.yaml", "庚", 2025, 1, "");
	put_draft("desk/xin-2025.yaml", "辛", 2025, 1, "x-previous: geng-2024.yaml\n");
	put_draft("desk/broken.yaml", "", 0, 0, "  - not: [a mapping\n");
}

static void
same_state(const nb_draft_state_t *a, const nb_draft_state_t *b)
{
	assert_int_equal(a->readable, b->readable);
	assert_string_equal(a->org ? a->org : "(none)", b->org ? b->org : "(none)");
	assert_int_equal(a->year, b->year);
	assert_int_equal(a->errors, b->errors);
	assert_int_equal(a->unfilled, b->unfilled);
	assert_int_equal(a->state, b->state);
	assert_int_equal(a->mtime, b->mtime);
	assert_string_equal(a->err.msg, b->err.msg);
	assert_string_equal(a->err.file, b->err.file);
	assert_int_equal(a->err.line, b->err.line);
	assert_int_equal(a->err.col, b->err.col);
}

/* The errors of the draft named name in the list. */
static int
errors_of(const nb_paths_t *p, const nb_draft_state_t *st, const char *name)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (!strcmp(strrchr(p->v[i], '/') + 1, name))
			return st[i].readable ? st[i].errors : -1;
	fail_msg("%s is not in the list", name);
	return -2;
}

static void
a_folder_at_once_is_each_draft_alone(void **state)
{
	char desk[128];
	nb_paths_t p = { 0 };
	nb_draft_state_t *all, one;
	size_t i;

	(void)state;
	make_desk();
	snprintf(desk, sizeof desk, "%s/desk", top);
	assert_int_equal(nb_paths_add(&p, desk, NULL, NULL), 0);
	assert_int_equal(p.n, 17);
	assert_non_null(all = calloc(p.n, sizeof *all));
	assert_int_equal(nb_draft_states((const char *const *)p.v, p.n, dirs, all), 0);
	for (i = 0; i < p.n; i++) {
		assert_int_equal(nb_draft_state(p.v[i], dirs, &one), 0);
		same_state(&all[i], &one);
		nb_draft_state_free(&one);
	}
	assert_int_equal(errors_of(&p, all, "jia-2023.yaml"), 0);
	assert_int_equal(errors_of(&p, all, "jia-2024.yaml"), 0);
	assert_int_equal(errors_of(&p, all, "jia-2025.yaml"), 2);
	assert_int_equal(errors_of(&p, all, "yi-2024.yaml"), 2);
	assert_int_equal(errors_of(&p, all, "yi-2025.yaml"), 0);
	assert_int_equal(errors_of(&p, all, "bing-2025.yaml"), 0);   /* which of two? */
	assert_int_equal(errors_of(&p, all, "ding-2025.yaml"), 2);   /* 甲 2024's */
	assert_int_equal(errors_of(&p, all, "wu-2025.yaml"), 2);     /* not the one beside */
	assert_int_equal(errors_of(&p, all, "ji-2025.yaml"), 0);
	assert_int_equal(errors_of(&p, all, "geng-2024.yaml"), 0);   /* its own form's */
	assert_int_equal(errors_of(&p, all, "geng-2025.yaml"), 0);
	assert_int_equal(errors_of(&p, all, "xin-2025.yaml"), 0);
	assert_int_equal(errors_of(&p, all, "broken.yaml"), -1);
	for (i = 0; i < p.n; i++)
		nb_draft_state_free(&all[i]);
	free(all);
	nb_paths_free(&p);
}

/* Taken in any order, and one at a time, the drafts are judged alike:
 * the order of the list is the folder's, never a draft's rule. */
static void
the_order_of_the_list_does_not_matter(void **state)
{
	char desk[128];
	nb_paths_t p = { 0 };
	nb_draft_state_t *fwd, *back;
	const char **rev;
	size_t i, n;

	(void)state;
	make_desk();
	snprintf(desk, sizeof desk, "%s/desk", top);
	assert_int_equal(nb_paths_add(&p, desk, NULL, NULL), 0);
	n = p.n;
	assert_non_null(fwd = calloc(n, sizeof *fwd));
	assert_non_null(back = calloc(n, sizeof *back));
	assert_non_null(rev = calloc(n, sizeof *rev));
	for (i = 0; i < n; i++)
		rev[i] = p.v[n - 1 - i];
	assert_int_equal(nb_draft_states((const char *const *)p.v, n, dirs, fwd), 0);
	assert_int_equal(nb_draft_states(rev, n, dirs, back), 0);
	for (i = 0; i < n; i++) {
		same_state(&fwd[i], &back[n - 1 - i]);
		nb_draft_state_free(&fwd[i]);
		nb_draft_state_free(&back[n - 1 - i]);
	}
	assert_int_equal(nb_draft_states(NULL, 0, dirs, NULL), 0);     /* an empty folder */
	free(rev);
	free(fwd);
	free(back);
	nb_paths_free(&p);
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
		cmocka_unit_test(a_folder_at_once_is_each_draft_alone),
		cmocka_unit_test(the_order_of_the_list_does_not_matter),
	};

	return cmocka_run_group_tests_name("draft_state", tests, setup, teardown);
}
