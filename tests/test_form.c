#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/file.h"
#include "testutil.h"

static const nb_rule_t *
rule(const nb_form_t *f, const char *id)
{
	size_t i;

	for (i = 0; i < f->nrules; i++)
		if (!strcmp(f->rules[i].id, id))
			return &f->rules[i];
	fail_msg("no rule %s", id);
	return NULL;
}

static void
fields_follow_the_draft_format(void **state)
{
	nb_form_t *f = tu_form();
	const nb_field_t *x;
	(void)state;

	assert_string_equal(f->format, "gov-info-annual-report/2021");
	/* 25 rows of 7 in table 三, 15 in table 四, 10 in table 二, 14 others */
	x = nb_form_field(f, "requests");
	assert_int_equal(x->ncells, 25 * 7);
	assert_int_equal(nb_form_field(f, "review")->ncells, 15);
	assert_int_equal(nb_form_field(f, "proactive")->ncells, 10);
	x = nb_form_field(f, "requests.withheld.three_safety");
	assert_non_null(x);
	assert_int_equal(x->type, NB_T_ROW);
	assert_string_equal(x->label, "3.危及“三安全一稳定”");
	assert_string_equal(x->short_label, "三（三）3");
	assert_null(x->grid_label);
	x = nb_form_field(f, "requests.rejected.excessive");
	assert_string_equal(x->grid_label, "4.大量反复申请");
	assert_string_equal(f->sections[3].short_heading, "三、依申请");
	assert_null(f->sections[0].short_heading);
	x = nb_form_field(f, "proactive.fees");
	assert_int_equal(x->type, NB_T_AMOUNT);
	assert_int_equal(x->decimals, 6);
	assert_string_equal(x->unit, "万元");
	assert_null(nb_form_field(f, "requests.nothing"));
	assert_null(nb_form_field(f, ""));
	nb_form_free(f);
}

static void
cells_know_their_totals(void **state)
{
	nb_form_t *f = tu_form();
	const nb_field_t *row = nb_form_field(f, "requests.new");
	const nb_field_t *t4 = nb_form_field(f, "review.litigation_direct.total");
	nb_buf_t b;
	(void)state;

	assert_false(f->cells[row->cell].total);
	assert_true(f->cells[row->cell + 6].total);
	assert_true(f->cells[nb_form_field(f, "requests.total")->cell].total);
	assert_true(f->cells[t4->cell].total);
	nb_buf_init(&b);
	nb_cell_name(f, nb_form_field(f, "requests.withheld.state_secret")->cell + 1, 0, &b);
	assert_string_equal(b.data, "三、本年度办理结果（三）不予公开 1.属于国家秘密 商业企业");
	nb_buf_free(&b);
	nb_buf_init(&b);
	nb_cell_name(f, row->cell, 1, &b);
	assert_string_equal(b.data, "一 自然人");
	nb_buf_free(&b);
	nb_form_free(f);
}

static void
rules_expand_over_rows_and_columns(void **state)
{
	nb_form_t *f = tu_form();
	const nb_rule_t *r;
	(void)state;

	assert_int_equal(f->nrules, 8);
	assert_int_equal(rule(f, "t3-row-total")->nchecks, 25);
	assert_int_equal(rule(f, "t3-balance")->nchecks, 7);
	assert_int_equal(rule(f, "t4-total")->nchecks, 3);
	assert_int_equal(rule(f, "text-required")->nchecks, 5);
	r = rule(f, "t3-total");
	assert_int_equal(r->nchecks, 7);
	assert_true(r->computes);
	/* public + partial + 8 withheld + 3 unable + 5 rejected + 3 other */
	assert_int_equal(r->checks[0].nrhs, 21);
	assert_non_null(strstr(r->checks[2].message, "“科研机构”列"));
	r = rule(f, "t2-in-force");
	assert_int_equal(r->severity, NB_SEV_WARNING);
	assert_true(r->checks[0].previous);
	assert_int_equal(r->checks[0].rhs[2].sign, -1);
	assert_int_equal(rule(f, "carry-over")->checks[0].rhs[0].previous, 1);
	nb_form_free(f);
}

static void
tables_carry_the_official_layout(void **state)
{
	nb_form_t *f = tu_form();
	const nb_table_t *t3 = NULL;
	size_t i;
	(void)state;

	for (i = 0; i < f->ntables; i++)
		if (!strcmp(f->tables[i].id, "t3"))
			t3 = &f->tables[i];
	assert_non_null(t3);
	assert_int_equal(t3->nhead, 3);
	assert_int_equal(t3->nbody, 25);
	assert_int_equal(t3->head[0].cells[0].rows, 3);
	assert_int_equal(t3->head[0].cells[0].cols, 3);
	assert_string_equal(t3->head[0].cells[1].text, "申请人情况");
	assert_string_equal(t3->body[2].cells[0].text, "三、本年度办理结果");
	assert_int_equal(t3->body[2].cells[0].rows, 22);
	/* label, label, 7 figures */
	assert_int_equal(t3->body[2].n, 9);
	assert_null(t3->body[2].cells[2].text);
	assert_int_equal(t3->body[2].cells[2].cell, nb_form_field(f, "requests.public")->cell);
	assert_int_equal(f->nsections, 7);
	assert_string_equal(f->sections[3].heading, "三、收到和处理政府信息公开申请情况");
	assert_ptr_equal(f->sections[3].table, t3);
	nb_form_free(f);
}

/* A copy of the form file with one substitution, loaded. */
static int
load_changed(const char *from, const char *to, nb_form_t **out, nb_error_t *err)
{
	char *text, *hit;
	const char *path;
	size_t len;
	nb_buf_t b;
	int rc;

	assert_int_equal(nb_file_read(tu_path("forms/gov-info-annual-report-2021.yaml"),
	                              1 << 20, &text, &len, err), 0);
	hit = strstr(text, from);
	assert_non_null(hit);
	nb_buf_init(&b);
	nb_buf_add(&b, text, (size_t)(hit - text));
	nb_buf_puts(&b, to);
	nb_buf_puts(&b, hit + strlen(from));
	path = tu_tempfile(b.data, b.len);
	rc = nb_form_load(path, out, err);
	unlink(path);
	nb_buf_free(&b);
	free(text);
	return rc;
}

static void
form_errors_point_into_the_form_file(void **state)
{
	nb_form_t *f = NULL;
	nb_error_t err = { 0 };
	(void)state;

	assert_int_equal(load_changed("\"requests.partial[{c}]\"", "\"requests.partal[{c}]\"",
	                              &f, &err), -1);
	assert_null(f);
	assert_true(err.line > 100);
	assert_non_null(strstr(err.msg, "requests.partal"));
	assert_int_equal(load_changed("type: count, label: 本年制发件数",
	                              "type: counter, label: 本年制发件数", &f, &err), -1);
	assert_non_null(strstr(err.msg, "未知的字段类型"));
	assert_int_equal(load_changed("id: t3-balance", "id: t3-total", &f, &err), -1);
	assert_non_null(strstr(err.msg, "重复"));
	assert_int_equal(load_changed("lhs: [\"{g}.total\"]", "lhs: [\"{g}.total[3]\"]",
	                              &f, &err), -1);
	assert_non_null(strstr(err.msg, "没有这一列"));
	/* a grid label as long as the label it stands for is no shorter */
	assert_int_equal(load_changed("grid: \"4.大量反复申请\"",
	                              "grid: \"4.无正当理由大量反复申请\"", &f, &err), -1);
	assert_non_null(strstr(err.msg, "应比它代替的“4.无正当理由大量反复申请”短"));
}

/* The form file as Notepad saves it, with a byte-order mark in front,
 * and an error in it reported where it is without the mark. */
static void
form_file_may_start_with_a_byte_order_mark(void **state)
{
	nb_form_t *f = NULL, *plain = NULL;
	nb_error_t err = { 0 }, want = { 0 };
	char *text, *hit;
	size_t len;
	nb_buf_t b;
	(void)state;

	assert_int_equal(nb_file_read(tu_path("forms/gov-info-annual-report-2021.yaml"),
	                              1 << 20, &text, &len, &err), 0);
	nb_buf_init(&b);
	nb_buf_puts(&b, "\xEF\xBB\xBF");
	nb_buf_add(&b, text, len);
	assert_int_equal(nb_form_parse("bom.yaml", b.data, b.len, &f, &err), 0);
	assert_int_equal(nb_form_parse("bom.yaml", text, len, &plain, &err), 0);
	assert_int_equal(f->ncells, plain->ncells);
	assert_int_equal(f->nrules, plain->nrules);
	nb_form_free(f);
	nb_form_free(plain);
	hit = strstr(b.data, "type: count, label: 本年制发件数");
	assert_non_null(hit);
	memcpy(hit + 6, "COUNT", 5);
	assert_int_equal(nb_form_parse("bom.yaml", b.data, b.len, &f, &err), -1);
	assert_int_equal(nb_form_parse("bom.yaml", b.data + 3, b.len - 3, &f, &want), -1);
	assert_string_equal(err.msg, want.msg);
	assert_int_equal(err.line, want.line);
	assert_int_equal(err.col, want.col);
	nb_buf_free(&b);
	free(text);
}

static void
locates_form_files_by_format(void **state)
{
	const char *dirs[] = { "/nonexistent", tu_path("forms"), NULL };
	nb_error_t err = { 0 };
	char *p;
	(void)state;

	p = nb_form_locate("gov-info-annual-report/2021", dirs, &err);
	assert_non_null(p);
	assert_non_null(strstr(p, "/forms/gov-info-annual-report-2021.yaml"));
	free(p);
	assert_null(nb_form_locate("gov-info-annual-report/1999", dirs, &err));
	assert_non_null(strstr(err.msg, "找不到"));
	assert_null(nb_form_locate("../../etc/passwd", dirs, &err));
	assert_non_null(strstr(err.msg, "不允许"));
}

/* Whose report and which year: named by the form, not by the program. */
static void
identity_comes_from_the_form(void **state)
{
	nb_form_t *f = tu_form();
	nb_report_t *r;

	(void)state;
	assert_non_null(f->org_field);
	assert_string_equal(f->org_field->path, "organization");
	assert_string_equal(f->year_field->path, "year");
	r = nb_report_new_for(f, "测试县人民政府办公室", 2025);
	assert_string_equal(nb_report_org(r), "测试县人民政府办公室");
	assert_int_equal(nb_report_year(r), 2025);
	nb_report_free(r);
	nb_form_free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fields_follow_the_draft_format),
		cmocka_unit_test(cells_know_their_totals),
		cmocka_unit_test(rules_expand_over_rows_and_columns),
		cmocka_unit_test(tables_carry_the_official_layout),
		cmocka_unit_test(form_errors_point_into_the_form_file),
		cmocka_unit_test(locates_form_files_by_format),
		cmocka_unit_test(form_file_may_start_with_a_byte_order_mark),
		cmocka_unit_test(identity_comes_from_the_form),
	};
	return cmocka_run_group_tests_name("form", tests, NULL, NULL);
}
