/* What differs between two reports (src/core/diff.h): nothing for equal
 * ones, and each kind of difference, in order. */

#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "core/buf.h"
#include "core/diff.h"
#include "core/number.h"
#include "testutil.h"

static nb_diffs_t
diff(const nb_report_t *a, const nb_report_t *b)
{
	nb_diffs_t d;

	nb_diffs_init(&d);
	assert_int_equal(nb_diff(a, b, &d), 0);
	return d;
}

/* The differences as lines "kind|old|new|change|para_old|para_new". */
static char *
lines(const nb_diffs_t *d)
{
	nb_buf_t b;
	char change[32];
	size_t i;

	nb_buf_init(&b);
	for (i = 0; i < d->n; i++) {
		nb_diff_change(&d->v[i], change);
		nb_buf_printf(&b, "%s|%s%s%s|%s|%s|%zu|%zu\n",
		              nb_diff_kind_name(d->v[i].kind),
		              d->v[i].item ? d->v[i].item : "", d->v[i].item ? ":" : "",
		              d->v[i].old ? d->v[i].old : "~",
		              d->v[i].new ? d->v[i].new : "~", change,
		              d->v[i].para_old, d->v[i].para_new);
	}
	return nb_buf_take(&b);
}

static void
assert_diff(const nb_report_t *a, const nb_report_t *b, const char *want)
{
	nb_diffs_t d = diff(a, b);
	char *got = lines(&d);

	assert_string_equal(got ? got : "", want);
	free(got);
	nb_diffs_free(&d);
}

static void
equal_reports_have_no_differences(void **state)
{
	nb_report_t *a = tu_seed(), *b = tu_seed();
	nb_diffs_t d;

	(void)state;
	d = diff(a, b);
	assert_int_equal(d.n, 0);
	nb_diffs_free(&d);
	/* the same value written with more decimals is the same figure */
	nb_report_set_num(b, tu_cell("proactive.fees", 0), 0, 2);
	d = diff(a, b);
	assert_int_equal(d.n, 0);
	nb_diffs_free(&d);
	nb_report_free(a);
	nb_report_free(b);
}

static void
the_identity_comes_first(void **state)
{
	nb_report_t *a = tu_seed(), *b = tu_seed();
	nb_diffs_t d;

	(void)state;
	nb_report_set_num(b, tu_cell("proactive.licensing", 0), 2, 0);
	nb_report_set_num(b, form->year_field->cell, 2025, 0);
	nb_report_set_text(b, form->org_field->cell, "新机关");
	assert_diff(a, b, "identity|金寨县公共资源交易中心|新机关||0|0\n"
	                  "identity|2024|2025||0|0\n"
	                  "figure|0|2|新增|0|0\n");
	d = diff(a, b);
	assert_int_equal(d.v[0].cell, form->org_field->cell);
	assert_string_equal(d.v[0].section->heading, "基本信息");
	assert_string_equal(d.v[2].section->heading, "二、主动公开政府信息情况");
	assert_int_equal(d.v[2].cell, tu_cell("proactive.licensing", 0));
	nb_diffs_free(&d);
	nb_report_free(a);
	nb_report_free(b);
}

static void
figures_show_their_change(void **state)
{
	nb_report_t *a = tu_seed(), *b = tu_seed();
	int64_t units;
	int dec;

	(void)state;
	nb_report_set_num(a, tu_cell("proactive.punishment", 0), 8, 0);
	nb_report_set_num(b, tu_cell("proactive.punishment", 0), 9, 0);
	nb_report_set_num(a, tu_cell("requests.new", 0), 3, 0);
	nb_report_set_num(b, tu_cell("requests.new", 0), 5, 0);
	nb_report_set_num(a, tu_cell("requests.new", 6), 3, 0);
	nb_report_set_num(b, tu_cell("requests.new", 6), 2, 0);
	nb_report_clear(b, tu_cell("requests.public", 0));
	nb_report_clear(a, tu_cell("requests.public", 6));
	assert_int_equal(nb_amount_parse("12.5", 6, &units, &dec), NB_NUM_OK);
	nb_report_set_num(a, tu_cell("proactive.fees", 0), units, dec);
	assert_int_equal(nb_amount_parse("10.00", 6, &units, &dec), NB_NUM_OK);
	nb_report_set_num(b, tu_cell("proactive.fees", 0), units, dec);
	assert_diff(a, b, "figure|8|9|+12.5%|0|0\n"
	                  "figure|12.5|10.00|-20.0%|0|0\n"
	                  "figure|3|5|+66.7%|0|0\n"
	                  "figure|3|2|-33.3%|0|0\n"
	                  "figure|1|~|未填|0|0\n"
	                  "figure|~|1|原未填|0|0\n");
	nb_report_free(a);
	nb_report_free(b);
}

static void
a_huge_rise_is_printed_whole(void **state)
{
	nb_diff_t d = { .kind = NB_DIFF_FIGURE, .old = "1", .new = "x",
	                .num_old = 1, .num_new = INT64_MAX };
	char buf[32];

	(void)state;
	nb_diff_change(&d, buf);
	assert_string_equal(buf, "+922337203685477580600.0%");
	d.kind = NB_DIFF_LINE;
	nb_diff_change(&d, buf);
	assert_string_equal(buf, "");
}

static void
a_line_is_compared_as_text(void **state)
{
	nb_report_t *a = tu_seed(), *b = tu_seed();

	(void)state;
	nb_report_set_text(b, tu_cell("contact.office", 0), "县政务公开办");
	nb_report_set_text(b, tu_cell("contact.phone", 0), "");
	assert_diff(a, b, "line|县交易中心办公室|县政务公开办||0|0\n"
	                  "line|0564--7350826|~||0|0\n");
	nb_report_free(a);
	nb_report_free(b);
}

static void
paragraphs_are_removed_added_and_changed(void **state)
{
	nb_report_t *a = tu_seed(), *b = tu_seed();
	size_t c = tu_cell("improvement.problems", 0);

	(void)state;
	nb_report_set_text(a, c, "甲\n乙\n丙\n丁");
	nb_report_set_text(b, c, "甲\n\n戊\n丙\n己\n庚");
	assert_diff(a, b, "changed|乙|戊||2|2\n"
	                  "changed|丁|己||4|4\n"
	                  "added|~|庚||0|5\n");
	nb_report_set_text(b, c, "乙\n丁");
	assert_diff(a, b, "removed|甲|~||1|0\n"
	                  "removed|丙|~||3|0\n");
	/* blank lines and blanks at line ends are no paragraphs */
	nb_report_set_text(b, c, "甲\n\n乙\n   \n丙\n丁\n");
	assert_diff(a, b, "");
	nb_report_free(a);
	nb_report_free(b);
}

static void
subsections_are_matched_by_title(void **state)
{
	nb_report_t *a = tu_seed(), *b = tu_seed();
	size_t c = tu_cell("overview.items", 0);
	nb_value_t *v = &b->values[c];

	(void)state;
	/* b: 依申请公开 moved last, 监督保障 removed, 新分项 added, one text changed */
	nb_report_remove_item(b, c, 4);
	assert_int_equal(nb_report_add_item(b, c, a->values[c].items[1].title,
	                                    a->values[c].items[1].text), 0);
	nb_report_remove_item(b, c, 1);
	assert_int_equal(nb_report_add_item(b, c, "新分项", "第一段\n第二段"), 0);
	free(v->items[0].text);
	v->items[0].text = strdup("改写了。");
	{
		nb_diffs_t d = diff(a, b);
		char want[4096];
		char *got = lines(&d);

		snprintf(want, sizeof want,
		         "changed|主动公开情况:%.*s|改写了。||1|1\n"
		         "item-removed|监督保障:监督保障|~||0|0\n"
		         "removed|监督保障:%.*s|~||1|0\n"
		         "item-added|新分项:~|新分项||0|0\n"
		         "added|新分项:~|第一段||0|1\n"
		         "added|新分项:~|第二段||0|2\n",
		         (int)strcspn(a->values[c].items[0].text, "\n"), a->values[c].items[0].text,
		         (int)strcspn(a->values[c].items[4].text, "\n"), a->values[c].items[4].text);
		assert_string_equal(got, want);
		free(got);
		nb_diffs_free(&d);
	}
	nb_report_free(a);
	nb_report_free(b);
}

/* Past the size of the table of the longest common subsequence, the
 * paragraphs between the common start and end are paired in order. */
static void
a_very_long_text_is_compared_in_bounded_memory(void **state)
{
	nb_report_t *a = tu_seed(), *b = tu_seed();
	size_t c = tu_cell("other_matters", 0), i, changed = 0;
	nb_buf_t x, y;
	nb_diffs_t d;

	(void)state;
	nb_buf_init(&x);
	nb_buf_init(&y);
	for (i = 0; i < 1200; i++) {
		nb_buf_printf(&x, "段%zu\n", i);
		nb_buf_printf(&y, "段%zu\n", 1199 - i);
	}
	nb_report_set_text(a, c, x.data);
	nb_report_set_text(b, c, y.data);
	d = diff(a, b);
	assert_int_equal(d.n, 1200);
	for (i = 0; i < d.n; i++)
		changed += d.v[i].kind == NB_DIFF_CHANGED;
	assert_int_equal(changed, 1200);
	nb_diffs_free(&d);
	nb_buf_free(&x);
	nb_buf_free(&y);
	nb_report_free(a);
	nb_report_free(b);
}

static void
kinds_have_names(void **state)
{
	(void)state;
	assert_string_equal(nb_diff_kind_name(NB_DIFF_IDENTITY), "identity");
	assert_string_equal(nb_diff_kind_name(NB_DIFF_ITEM_ADDED), "item-added");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(equal_reports_have_no_differences),
		cmocka_unit_test(the_identity_comes_first),
		cmocka_unit_test(figures_show_their_change),
		cmocka_unit_test(a_huge_rise_is_printed_whole),
		cmocka_unit_test(a_line_is_compared_as_text),
		cmocka_unit_test(paragraphs_are_removed_added_and_changed),
		cmocka_unit_test(subsections_are_matched_by_title),
		cmocka_unit_test(a_very_long_text_is_compared_in_bounded_memory),
		cmocka_unit_test(kinds_have_names),
	};

	return cmocka_run_group_tests_name("diff", tests, tu_setup, tu_teardown);
}
