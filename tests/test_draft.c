#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/file.h"
#include "core/number.h"
#include "testutil.h"


static const nb_value_t *
val(const nb_report_t *r, const char *path, size_t col)
{
	const nb_field_t *f = nb_form_field(form, path);
	assert_non_null(f);
	return &r->values[f->cell + col];
}

static void
seed_draft_reads_every_figure_and_paragraph(void **state)
{
	nb_report_t *r = tu_sample(form, "sample-data/jinzhai-2024.yaml");
	const nb_value_t *items = val(r, "overview.items", 0);
	(void)state;

	assert_string_equal(nb_report_str(r, "organization"), "金寨县公共资源交易中心");
	assert_int_equal(val(r, "year", 0)->num, 2024);
	assert_string_equal(nb_report_str(r, "contact.postcode"), "237300");
	assert_int_equal(val(r, "proactive.punishment", 0)->num, 4);
	assert_true(val(r, "proactive.fees", 0)->filled);
	assert_int_equal(val(r, "requests.new", 0)->num, 1);
	assert_int_equal(val(r, "requests.new", 6)->num, 1);
	assert_int_equal(val(r, "requests.new", 6)->line, 38);
	assert_int_equal(val(r, "requests.new", 6)->col, 27);
	assert_int_equal(items->nitems, 5);
	assert_string_equal(items->items[3].title, "政府信息公开平台建设情况");
	assert_non_null(strstr(items->items[0].text, "公共资源进场交易项目744个"));
	assert_non_null(strstr(nb_report_str(r, "other_matters"), "国办函〔2020〕109号"));
	nb_report_free(r);
}

static void
canonical_draft_round_trips_byte_for_byte(void **state)
{
	const char *samples[] = { "sample-data/jinzhai-2024.yaml", "sample-data/empty.yaml" };
	nb_error_t err = { 0 };
	size_t i, len;
	char *text;
	nb_buf_t b;
	(void)state;

	for (i = 0; i < 2; i++) {
		nb_report_t *r = tu_sample(form, samples[i]);
		assert_int_equal(nb_file_read(tu_path(samples[i]), 1 << 20, &text, &len, &err), 0);
		nb_buf_init(&b);
		assert_int_equal(nb_draft_emit(r, &b, &err), 0);
		assert_int_equal(b.len, len);
		assert_memory_equal(b.data, text, len);
		nb_buf_free(&b);
		free(text);
		nb_report_free(r);
	}
}

/* Save then load gives the same report, whatever its content. */
static void
save_then_load_gives_the_same_report(void **state)
{
	nb_report_t *a = nb_report_new(form), *b = NULL;
	const nb_field_t *f;
	nb_error_t err = { 0 };
	char path[] = "/tmp/nb-draft-XXXXXX";
	int fd = mkstemp(path);
	int64_t u;
	int d;
	(void)state;

	close(fd);
	nb_report_set_text(a, nb_form_field(form, "organization")->cell, "yes");
	nb_report_set_text(a, nb_form_field(form, "contact.phone")->cell, "0564-1234567");
	nb_report_set_text(a, nb_form_field(form, "contact.office")->cell, "#办公室: 二楼");
	nb_report_set_text(a, nb_form_field(form, "preamble")->cell,
	                   "第一段。\r\n第二段，有尾随空格。   \n\n  缩进的第三段\n");
	nb_report_set_text(a, nb_form_field(form, "other_matters")->cell, "单行，无换行");
	f = nb_form_field(form, "proactive.fees");
	assert_int_equal(nb_amount_parse("12.50", 6, &u, &d), NB_NUM_OK);
	nb_report_set_num(a, f->cell, u, d);
	f = nb_form_field(form, "requests.public");
	nb_report_set_num(a, f->cell + 2, INT64_MAX, 0);
	nb_report_set_num(a, f->cell + 3, 0, 0);
	f = nb_form_field(form, "overview.items");
	nb_report_add_item(a, f->cell, "新增的分项：引号\"与反斜杠\\", "内容𠀀（扩展B）\n");
	assert_int_equal(nb_draft_save(a, path, &err), 0);
	assert_int_equal(nb_draft_load(form, path, &b, &err), 0);
	assert_true(nb_report_equal(a, b));
	assert_string_equal(nb_report_str(b, "preamble"),
	                    "第一段。\n第二段，有尾随空格。\n\n  缩进的第三段\n");
	assert_false(val(b, "requests.public", 1)->filled);
	assert_int_equal(val(b, "proactive.fees", 0)->decimals, 2);
	nb_report_free(b);
	nb_report_free(a);
	unlink(path);
}

static void
writes_the_layout_of_the_spec(void **state)
{
	nb_report_t *r = tu_sample(form, "sample-data/jinzhai-2024.yaml");
	nb_error_t err = { 0 };
	nb_buf_t b;
	(void)state;

	nb_buf_init(&b);
	assert_int_equal(nb_draft_emit(r, &b, &err), 0);
	assert_non_null(strstr(b.data, "\n  new: [1, 0, 0, 0, 0, 0, 1]\n"));
	assert_non_null(strstr(b.data, "\n  regulations: {issued: 0, repealed: 0, in_force: 0}\n"));
	assert_non_null(strstr(b.data, "\n  postcode: \"237300\"\n"));
	assert_non_null(strstr(b.data, "\npreamble: |\n  本报告依据"));
	assert_null(strstr(b.data, "\\u"));
	/* keys in the order of the format */
	assert_true(strstr(b.data, "\nrequests:") < strstr(b.data, "\nreview:"));
	assert_true(strstr(b.data, "\n    unclear:") < strstr(b.data, "\n    complaint:"));
	nb_buf_free(&b);
	nb_report_free(r);
}

static void
x_keys_are_kept(void **state)
{
	const char *text =
	    "format: gov-info-annual-report/2021\n"
	    "x-reviewer: 张三\n"
	    "overview:\n"
	    "  items:\n"
	    "  - title: 主动公开情况\n"
	    "    x-source: 办公室\n"
	    "    text: |\n"
	    "      正文\n"
	    "requests:\n"
	    "  x-note: {checked: yes, by: [a, b]}\n";
	nb_ynode_t *root;
	nb_report_t *r;
	nb_error_t err = { 0 };
	nb_buf_t b;
	(void)state;

	assert_int_equal(nb_ytree_parse("x.yaml", text, strlen(text), &root, &err), 0);
	assert_int_equal(nb_draft_from_tree(form, "x.yaml", root, &r, &err), 0);
	nb_ytree_free(root);
	assert_int_equal(r->nextras, 2);
	nb_buf_init(&b);
	assert_int_equal(nb_draft_emit(r, &b, &err), 0);
	assert_non_null(strstr(b.data, "\nx-reviewer: 张三\n"));
	assert_non_null(strstr(b.data, "  x-note: {checked: yes, by: [a, b]}\n"));
	assert_non_null(strstr(b.data, "    text: |\n      正文\n    x-source: 办公室\n"));
	nb_buf_free(&b);
	nb_report_free(r);
}

/* A copy outlives its original, and is written as the original is, its
 * x- keys too. */
static void
a_copy_is_the_same_report_and_its_own(void **state)
{
	const char *text =
	    "format: gov-info-annual-report/2021\n"
	    "organization: 某县人民政府办公室\n"
	    "year: 2024\n"
	    "x-previous: ../2023/a.yaml\n"
	    "overview:\n"
	    "  items:\n"
	    "  - title: 主动公开情况\n"
	    "    x-source: 办公室\n"
	    "    text: |\n"
	    "      正文\n"
	    "requests:\n"
	    "  new: [1, ~, 0, 0, 0, 0, 1]\n";
	nb_ynode_t *root;
	nb_report_t *r, *copy;
	nb_error_t err = { 0 };
	nb_buf_t a, b;
	(void)state;

	assert_int_equal(nb_ytree_parse("c.yaml", text, strlen(text), &root, &err), 0);
	assert_int_equal(nb_draft_from_tree(form, "c.yaml", root, &r, &err), 0);
	nb_ytree_free(root);
	assert_non_null(copy = nb_report_copy(r));
	nb_buf_init(&a);
	assert_int_equal(nb_draft_emit(r, &a, &err), 0);
	nb_report_free(r);
	assert_true(copy->form == form);
	nb_buf_init(&b);
	assert_int_equal(nb_draft_emit(copy, &b, &err), 0);
	assert_string_equal(b.data, a.data);
	assert_non_null(strstr(b.data, "\nx-previous: ../2023/a.yaml\n"));
	assert_int_equal(val(copy, "requests.new", 0)->line, 12);
	nb_buf_free(&a);
	nb_buf_free(&b);
	nb_report_free(copy);
}

static void
missing_and_null_mean_unfilled(void **state)
{
	const char *text =
	    "format: gov-info-annual-report/2021\n"
	    "year: ~\n"
	    "requests:\n"
	    "  new: [1, ~, 0, 0, 0, 0, 1]\n";
	nb_ynode_t *root;
	nb_report_t *r;
	nb_error_t err = { 0 };
	(void)state;

	assert_int_equal(nb_ytree_parse("n.yaml", text, strlen(text), &root, &err), 0);
	assert_int_equal(nb_draft_from_tree(form, "n.yaml", root, &r, &err), 0);
	nb_ytree_free(root);
	assert_false(val(r, "year", 0)->filled);
	assert_true(val(r, "requests.new", 0)->filled);
	assert_false(val(r, "requests.new", 1)->filled);
	assert_true(val(r, "requests.new", 2)->filled);
	assert_int_equal(val(r, "requests.new", 2)->num, 0);
	assert_false(val(r, "requests.carried_in", 0)->filled);
	assert_false(val(r, "proactive.licensing", 0)->filled);
	/* the standard titles stay when the file has no items */
	assert_int_equal(val(r, "overview.items", 0)->nitems, 5);
	nb_report_free(r);
}

/* Reads one row of numbers; 0, or -1 with the error in *err. */
static int
read_row_of(const char *row, nb_report_t **r, nb_error_t *err)
{
	char text[512];
	nb_ynode_t *root;
	int rc;

	snprintf(text, sizeof text,
	         "format: gov-info-annual-report/2021\n"
	         "requests:\n"
	         "  new: %s\n", row);
	assert_int_equal(nb_ytree_parse("n.yaml", text, strlen(text), &root, err), 0);
	rc = nb_draft_from_tree(form, "n.yaml", root, r, err);
	nb_ytree_free(root);
	return rc;
}

/* Counts up to 2^63 - 1 are read, whatever their number of digits; what
 * is past it, signed, led by a zero or not digits is refused, at its place. */
static void
numbers_at_the_limits(void **state)
{
	static const struct { const char *num; const char *says; } bad[] = {
		{ "9223372036854775808", "数字太大" },
		{ "12345678901234567890", "数字太大" },
		{ "-1", "不能为负数" },
		{ "+1", "不是数字" },
		{ "007", "不能以 0 开头" },
		{ "00", "不能以 0 开头" },
		{ "1.5", "不能有小数" },
		{ "1e3", "科学计数法" },
		{ "12a", "不是数字" },
		{ "'12'", "不带引号" },
	};
	char row[128];
	nb_report_t *r;
	nb_error_t err = { 0 };
	size_t i;
	(void)state;

	assert_int_equal(read_row_of("[0, 7, 123456789012345678, 1234567890123456789, "
	                             "9223372036854775807, 10, ~]", &r, &err), 0);
	assert_true(val(r, "requests.new", 0)->filled);
	assert_int_equal(val(r, "requests.new", 0)->num, 0);
	assert_int_equal(val(r, "requests.new", 1)->num, 7);
	assert_true(val(r, "requests.new", 2)->num == 123456789012345678LL);
	assert_true(val(r, "requests.new", 3)->num == 1234567890123456789LL);
	assert_true(val(r, "requests.new", 4)->num == INT64_MAX);
	assert_int_equal(val(r, "requests.new", 5)->num, 10);
	assert_int_equal(val(r, "requests.new", 5)->decimals, 0);
	assert_false(val(r, "requests.new", 6)->filled);
	assert_int_equal(val(r, "requests.new", 6)->line, 3);
	assert_int_equal(val(r, "requests.new", 6)->col, 81);
	nb_report_free(r);

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(row, sizeof row, "[1, 2, %s, 4, 5, 6, 7]", bad[i].num);
		memset(&err, 0, sizeof err);
		assert_int_equal(read_row_of(row, &r, &err), -1);
		assert_null(r);
		assert_int_equal(err.line, 3);
		assert_int_equal(err.col, 15);
		assert_non_null(strstr(err.msg, bad[i].says));
	}
}

/* A group's keys are read in any order; the ones it leaves out stand
 * where its mapping starts, those of a null group where the null does. */
static void
keys_out_of_order_or_missing(void **state)
{
	const char *text =
	    "format: gov-info-annual-report/2021\n"
	    "requests:\n"
	    "  partial: [3, 0, 0, 0, 0, 0, 3]\n"
	    "  new: [1, 0, 0, 0, 0, 0, 1]\n"
	    "  withheld: ~\n";
	const char *twice =
	    "format: gov-info-annual-report/2021\n"
	    "requests:\n"
	    "  new: [1, 0, 0, 0, 0, 0, 1]\n"
	    "  new: [2, 0, 0, 0, 0, 0, 2]\n";
	nb_ynode_t *root;
	nb_report_t *r;
	nb_error_t err = { 0 };
	(void)state;

	assert_int_equal(nb_ytree_parse("n.yaml", text, strlen(text), &root, &err), 0);
	assert_int_equal(nb_draft_from_tree(form, "n.yaml", root, &r, &err), 0);
	nb_ytree_free(root);
	assert_int_equal(val(r, "requests.partial", 0)->num, 3);
	assert_int_equal(val(r, "requests.partial", 0)->line, 3);
	assert_int_equal(val(r, "requests.new", 6)->num, 1);
	assert_int_equal(val(r, "requests.new", 6)->line, 4);
	assert_false(val(r, "requests.carried_in", 0)->filled);
	assert_int_equal(val(r, "requests.carried_in", 0)->line, 3);
	assert_int_equal(val(r, "requests.carried_in", 0)->col, 3);
	assert_false(val(r, "requests.withheld.state_secret", 0)->filled);
	assert_int_equal(val(r, "requests.withheld.state_secret", 0)->line, 5);
	assert_int_equal(val(r, "requests.withheld.state_secret", 0)->col, 13);
	assert_int_equal(val(r, "proactive.licensing", 0)->line, 1);
	nb_report_free(r);

	/* a key given twice is the parser's to refuse */
	assert_int_equal(nb_ytree_parse("n.yaml", twice, strlen(twice), &root, &err), -1);
	assert_int_equal(err.line, 4);
}

/* A bare report has no items until a cell is given the form's titles;
 * a draft's null items leave none, marked as the titles would have. */
static void
titles_come_with_the_cells_a_draft_leaves(void **state)
{
	const char *text =
	    "format: gov-info-annual-report/2021\n"
	    "overview:\n"
	    "  items: ~\n";
	nb_report_t *full = nb_report_new(form), *bare = nb_report_new_bare(form), *r;
	const nb_field_t *f = nb_form_field(form, "overview.items");
	nb_ynode_t *root;
	nb_error_t err = { 0 };
	size_t i;
	(void)state;

	assert_int_equal(bare->values[f->cell].nitems, 0);
	assert_false(bare->values[f->cell].filled);
	assert_string_equal(nb_report_str(bare, "format"), nb_report_str(full, "format"));
	assert_int_equal(nb_report_add_titles(bare), 0);
	assert_int_equal(bare->values[f->cell].nitems, 5);
	for (i = 0; i < 5; i++)
		assert_string_equal(bare->values[f->cell].items[i].title,
		                    full->values[f->cell].items[i].title);
	assert_true(nb_report_equal(bare, full));
	nb_report_free(full);
	nb_report_free(bare);

	assert_int_equal(nb_ytree_parse("n.yaml", text, strlen(text), &root, &err), 0);
	assert_int_equal(nb_draft_from_tree(form, "n.yaml", root, &r, &err), 0);
	nb_ytree_free(root);
	assert_int_equal(val(r, "overview.items", 0)->nitems, 0);
	assert_true(val(r, "overview.items", 0)->filled);
	nb_report_free(r);
}

static void
failed_save_leaves_the_old_file(void **state)
{
	nb_report_t *r = tu_sample(form, "sample-data/jinzhai-2024.yaml");
	nb_error_t err = { 0 };
	char dir[] = "/tmp/nb-save-XXXXXX";
	char path[128];
	(void)state;

	assert_non_null(mkdtemp(dir));
	/* a directory where the file should be: rename fails */
	snprintf(path, sizeof path, "%s/d.yaml", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(nb_draft_save(r, path, &err), -1);
	assert_non_null(strstr(err.msg, "无法保存"));
	assert_string_equal(err.file, path);
	rmdir(path);
	/* a directory that does not exist */
	snprintf(path, sizeof path, "%s/none/d.yaml", dir);
	assert_int_equal(nb_draft_save(r, path, &err), -1);
	assert_int_equal(rmdir(dir), 0);   /* nothing was left behind */
	nb_report_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(seed_draft_reads_every_figure_and_paragraph),
		cmocka_unit_test(canonical_draft_round_trips_byte_for_byte),
		cmocka_unit_test(save_then_load_gives_the_same_report),
		cmocka_unit_test(writes_the_layout_of_the_spec),
		cmocka_unit_test(x_keys_are_kept),
		cmocka_unit_test(a_copy_is_the_same_report_and_its_own),
		cmocka_unit_test(missing_and_null_mean_unfilled),
		cmocka_unit_test(numbers_at_the_limits),
		cmocka_unit_test(keys_out_of_order_or_missing),
		cmocka_unit_test(titles_come_with_the_cells_a_draft_leaves),
		cmocka_unit_test(failed_save_leaves_the_old_file),
	};
	return cmocka_run_group_tests_name("draft", tests, tu_setup, tu_teardown);
}
