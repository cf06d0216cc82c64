/* Names for new drafts (src/core/draft_name.h): proposed from 机关名称 and
 * 年度, completed with .yaml, refused with the reason. */

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

#include "core/draft_name.h"
#include "core/text.h"
#include "testutil.h"

static char top[64], back[4096];

static int
setup(void **state)
{
	(void)state;
	if (tu_mkdtemp(top, sizeof top, "name") < 0 || !getcwd(back, sizeof back))
		return -1;
	return chdir(top);
}

static int
teardown(void **state)
{
	(void)state;
	return chdir(back) < 0 ? -1 : tu_rmtree(top);
}

static void
expect_name(const char *org, int64_t year, const char *want)
{
	char *name = nb_draft_name_for(org, year);

	assert_non_null(name);
	assert_string_equal(name, want);
	free(name);
}

static void
the_name_is_the_organization_and_the_year(void **state)
{
	(void)state;
	expect_name("金寨县公共资源交易中心", 2024, "金寨县公共资源交易中心2024年报.yaml");
}

static void
what_a_file_name_cannot_hold_is_replaced(void **state)
{
	(void)state;
	expect_name("某县/某局\t办公室\x7f", 2025, "某县_某局_办公室_2025年报.yaml");
	expect_name(".隐藏", 2025, "_隐藏2025年报.yaml");
	expect_name("", 2025, "2025年报.yaml");
}

/* 100 characters of 3 bytes: cut at a character so that the name fits
 * in 255 bytes, the year and the extension kept. */
static void
a_long_organization_is_cut_at_a_character(void **state)
{
	char org[400] = "";
	char *name;
	size_t i, n;
	wchar_t *w;

	(void)state;
	for (i = 0; i < 100; i++)
		strcat(org, "县");
	assert_non_null(name = nb_draft_name_for(org, 2024));
	n = strlen(name);
	assert_true(n <= 255 && n > 240);
	assert_string_equal(name + n - strlen("2024年报.yaml"), "2024年报.yaml");
	assert_non_null(w = nb_utf8_decode(name, &n));
	for (i = 0; i < n; i++)
		assert_true(w[i] != 0xfffd);
	free(w);
	free(name);
}

static void
expect_completed(const char *typed, const char *want)
{
	char *name = nb_draft_name_complete(typed);

	assert_non_null(name);
	assert_string_equal(name, want);
	free(name);
}

static void
yaml_is_added_when_left_out(void **state)
{
	(void)state;
	expect_completed("年报草稿", "年报草稿.yaml");
	expect_completed("年报草稿.yaml", "年报草稿.yaml");
	expect_completed("old.yml", "old.yml");
	expect_completed("报告.txt", "报告.txt.yaml");
}

static void
expect_refused(const char *name, const char *why)
{
	nb_error_t err = { 0 };

	assert_int_equal(nb_draft_name_check(name, &err), -1);
	assert_string_equal(err.msg, why);
}

static void
a_name_that_will_not_do_says_why(void **state)
{
	char big[300];
	FILE *f;

	(void)state;
	expect_refused("", "文件名不能为空");
	expect_refused(".yaml", "文件名不能为空");
	expect_refused("a/b.yaml", "文件名中不能有“/”：草稿存在当前文件夹里");
	expect_refused("a\033b.yaml", "文件名中不能有控制字符");
	expect_refused(".a.yaml", "以“.”开头的是隐藏文件，草稿列表里会看不到它");
	memset(big, 'a', 251);
	strcpy(big + 251, ".yaml");
	expect_refused(big, "文件名太长（最多 255 个字节，约 85 个汉字）");
	assert_non_null(f = fopen("有了.yaml", "w"));
	fclose(f);
	expect_refused("有了.yaml", "这个文件已经存在，请换一个名字（或在列表中直接打开它）");
	assert_int_equal(mkdir("目录.yaml", 0755), 0);
	expect_refused("目录.yaml", "这个文件已经存在，请换一个名字（或在列表中直接打开它）");
}

static void
a_new_name_in_a_writable_folder_will_do(void **state)
{
	nb_error_t err = { 0 };

	(void)state;
	assert_int_equal(nb_draft_name_check("金寨县公共资源交易中心2024年报.yaml", &err), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_name_is_the_organization_and_the_year),
		cmocka_unit_test(what_a_file_name_cannot_hold_is_replaced),
		cmocka_unit_test(a_long_organization_is_cut_at_a_character),
		cmocka_unit_test(yaml_is_added_when_left_out),
		cmocka_unit_test(a_name_that_will_not_do_says_why),
		cmocka_unit_test(a_new_name_in_a_writable_folder_will_do),
	};

	return cmocka_run_group_tests_name("draft_name", tests, setup, teardown);
}
