#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "core/idindex.h"

static void
the_first_draft_of_a_body_and_year_is_kept(void **state)
{
	nb_idindex_t *ix = nb_idindex_new();
	size_t first = 99, id = 99;
	(void)state;

	assert_int_equal(nb_idindex_add(ix, "测试县财政局", 2024, 0, &first), 0);
	assert_int_equal(nb_idindex_add(ix, "测试县财政局", 2023, 1, &first), 0);
	assert_int_equal(nb_idindex_add(ix, "测试县教育局", 2024, 2, &first), 0);
	assert_int_equal(first, 99);
	assert_int_equal(nb_idindex_add(ix, "测试县财政局", 2024, 3, &first), 1);
	assert_int_equal(first, 0);
	assert_int_equal(nb_idindex_count(ix), 3);
	assert_int_equal(nb_idindex_find(ix, "测试县财政局", 2023, &id), 1);
	assert_int_equal(id, 1);
	assert_int_equal(nb_idindex_find(ix, "测试县教育局", 2024, &id), 1);
	assert_int_equal(id, 2);
	nb_idindex_free(ix);
}

static void
names_are_compared_exactly(void **state)
{
	nb_idindex_t *ix = nb_idindex_new();
	size_t id = 99, first;
	(void)state;

	assert_int_equal(nb_idindex_find(ix, "甲", 2024, &id), 0);   /* empty */
	assert_int_equal(nb_idindex_add(ix, "甲局", 2024, 5, &first), 0);
	assert_int_equal(nb_idindex_find(ix, "甲", 2024, &id), 0);
	assert_int_equal(nb_idindex_find(ix, "甲局 ", 2024, &id), 0);
	assert_int_equal(nb_idindex_find(ix, "甲局", 2025, &id), 0);
	assert_int_equal(id, 99);
	nb_idindex_free(ix);
}

/* The table grows many times over: every entry is still found, and a
 * repeat of any of them still named. */
static void
many_drafts(void **state)
{
	nb_idindex_t *ix = nb_idindex_new();
	char org[64];
	size_t i, id, first;
	(void)state;

	for (i = 0; i < 30000; i++) {
		snprintf(org, sizeof org, "第%zu单位", i % 15000);
		assert_int_equal(nb_idindex_add(ix, org, 2020 + (int64_t)(i / 15000), i, &first), 0);
	}
	assert_int_equal(nb_idindex_count(ix), 30000);
	for (i = 0; i < 30000; i += 997) {
		snprintf(org, sizeof org, "第%zu单位", i % 15000);
		assert_int_equal(nb_idindex_find(ix, org, 2020 + (int64_t)(i / 15000), &id), 1);
		assert_int_equal(id, i);
		assert_int_equal(nb_idindex_add(ix, org, 2020 + (int64_t)(i / 15000), 1, &first), 1);
		assert_int_equal(first, i);
	}
	nb_idindex_free(ix);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_first_draft_of_a_body_and_year_is_kept),
		cmocka_unit_test(names_are_compared_exactly),
		cmocka_unit_test(many_drafts),
	};
	return cmocka_run_group_tests_name("idindex", tests, NULL, NULL);
}
