/* Unit tests of the CSV writer (quoting, the byte-order mark, CRLF, merged
 * labels, text a spreadsheet would run as a formula) and of the summary
 * of many reports it writes: its header rows from the form, a row a
 * report, the row of totals. */

#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/export.h"
#include "core/summary.h"
#include "testutil.h"

/* A 3x3 grid: a head over two columns, a label over two rows with two
 * figures beside it, a label to be quoted, one to be kept from running. */
static nb_doc_t *
small_doc(void)
{
	static nb_gcell_t cells[] = {
		{ "项目", 0, 0, 1, 1, NB_GC_HEAD },
		{ "数量, \"件\"", 0, 1, 1, 2, NB_GC_HEAD },
		{ "合计", 1, 0, 2, 1, NB_GC_LABEL },
		{ "12", 1, 1, 1, 1, NB_GC_VALUE },
		{ "", 1, 2, 1, 1, NB_GC_VALUE },
		{ "=1+1", 2, 1, 1, 1, NB_GC_LABEL },
		{ "5949.088667", 2, 2, 1, 1, NB_GC_VALUE },
	};
	static int slot[] = { 0, 1, 1, 2, 3, 4, 2, 5, 6 };
	static nb_grid_t g = { 3, 3, 1, cells, 7, slot, 0 };
	static nb_block_t blocks[4];
	static nb_doc_t doc;

	memset(&doc, 0, sizeof doc);
	blocks[0].kind = NB_BLK_TITLE;
	blocks[0].text = "某县2024年报告";
	blocks[1].kind = NB_BLK_HEADING;
	blocks[1].level = 1;
	blocks[1].text = "二、表";
	blocks[2].kind = NB_BLK_PARA;
	blocks[2].text = "段落不写入";
	blocks[3].kind = NB_BLK_TABLE;
	blocks[3].text = "";
	blocks[3].grid = &g;
	doc.v = blocks;
	doc.n = 4;
	doc.title = doc.title_lines = "某县2024年报告";
	return &doc;
}

static void
test_csv_small(void **state)
{
	static const char want[] =
		"\xEF\xBB\xBF" "某县2024年报告\r\n"
		"\r\n"
		"二、表\r\n"
		"项目,\"数量, \"\"件\"\"\",\r\n"
		"合计,12,\r\n"
		"合计,'=1+1,5949.088667\r\n";
	nb_error_t err = { 0 };
	nb_buf_t b;

	(void)state;
	nb_buf_init(&b);
	assert_int_equal(nb_render_csv(small_doc(), &b, &err), 0);
	assert_string_equal(b.data, want);
	nb_buf_free(&b);
}

/* The seed report: three tables, each row of table 三 with its labels
 * first and its seven figures after. */
static void
test_csv_seed(void **state)
{
	nb_report_t *r = tu_sample(form, "sample-data/jinzhai-2024.yaml");
	nb_error_t err = { 0 };
	nb_buf_t b;

	(void)state;
	nb_buf_init(&b);
	assert_true(nb_export_render(r, NB_EXPORT_CSV, 0, &b, &err) >= 0);
	assert_memory_equal(b.data, "\xEF\xBB\xBF", 3);
	assert_non_null(strstr(b.data, "\r\n三、收到和处理政府信息公开申请情况\r\n"));
	assert_non_null(strstr(b.data, "\r\n三、本年度办理结果,（三）不予公开,8.属于行政查询事项,"
	                               "0,0,0,0,0,0,0\r\n"));
	assert_non_null(strstr(b.data, "\r\n行政处罚,4,,\r\n"));
	assert_null(strstr(b.data + 3, "\xEF\xBB\xBF"));    /* one mark only */
	nb_buf_free(&b);
	nb_report_free(r);
}

static const nb_report_t *reps[3];

static int
setup_reports(void **state)
{
	tu_setup(state);
	reps[0] = tu_sample(form, "tests/data/stats/a.yaml");
	reps[1] = tu_sample(form, "tests/data/stats/b.yaml");
	reps[2] = tu_sample(form, "tests/data/stats/c.yaml");
	return 0;
}

static int
teardown_reports(void **state)
{
	size_t i;

	for (i = 0; i < 3; i++)
		nb_report_free((nb_report_t *)reps[i]);
	return tu_teardown(state);
}

static int
figure_column(const char *path, int column)
{
	const nb_field_t *f = nb_form_field(form, path);

	/* the figures follow the form's cells, after 机关名称 and 报告年度 */
	return 2 + (int)(f->cell + (size_t)(column < 0 ? 0 : column) -
	                 nb_form_field(form, "proactive.regulations")->cell);
}

static void
test_summary_grid(void **state)
{
	const nb_gcell_t *x;
	const nb_grid_t *g;
	nb_error_t err = { 0 };
	nb_doc_t doc;

	(void)state;
	assert_int_equal(nb_summary_build(reps, 3, &doc, &err), 0);
	assert_string_equal(doc.title, "2024年政府信息公开工作年度报告汇总表");
	g = doc.v[1].grid;
	assert_int_equal(doc.v[1].kind, NB_BLK_TABLE);
	assert_int_equal(g->ncols, 2 + 200);
	assert_int_equal(g->nhead, 5);
	assert_int_equal(g->nrows, 5 + 3 + 1);
	assert_int_equal(g->nkeep, 2);
	x = nb_grid_at(g, 0, 0);
	assert_string_equal(x->text, "机关名称");
	assert_int_equal(x->rows, 5);
	x = nb_grid_at(g, 0, 2);
	assert_string_equal(x->text, "二、主动公开政府信息情况");
	assert_int_equal(x->cols, 10);
	x = nb_grid_at(g, 1, figure_column("requests.withheld.state_secret", 1));
	assert_string_equal(x->text, "三、本年度办理结果（三）不予公开");
	assert_int_equal(x->cols, 8 * 7);
	x = nb_grid_at(g, 2, figure_column("requests.withheld.state_secret", 1));
	assert_string_equal(x->text, "1.属于国家秘密");
	assert_int_equal(x->cols, 7);
	x = nb_grid_at(g, 3, figure_column("requests.withheld.state_secret", 1));
	assert_string_equal(x->text, "法人或其他组织");
	assert_int_equal(x->cols, 5);
	x = nb_grid_at(g, 3, figure_column("requests.withheld.state_secret", 0));
	assert_string_equal(x->text, "自然人");
	assert_int_equal(x->rows, 2);           /* down to the last header row */
	x = nb_grid_at(g, 1, figure_column("proactive.fees", -1));
	assert_string_equal(x->text, "行政事业性收费 本年收费金额（单位：万元）");
	assert_int_equal(x->rows, 4);
	nb_doc_free(&doc);
}

static void
test_summary_rows(void **state)
{
	const nb_grid_t *g;
	nb_error_t err = { 0 };
	nb_doc_t doc;
	int fees = figure_column("proactive.fees", -1);
	int total_new = figure_column("requests.new", 6);

	(void)state;
	assert_int_equal(nb_summary_build(reps, 3, &doc, &err), 0);
	g = doc.v[1].grid;
	assert_string_equal(nb_grid_at(g, 5, 0)->text, "测试县人民政府办公室");
	assert_string_equal(nb_grid_at(g, 5, 1)->text, "2024");
	assert_string_equal(nb_grid_at(g, 5, fees)->text, "12.5");
	assert_string_equal(nb_grid_at(g, 6, fees)->text, "0.25");
	assert_string_equal(nb_grid_at(g, 7, fees)->text, "");       /* unfilled */
	assert_string_equal(nb_grid_at(g, 7, total_new)->text, "3");
	assert_string_equal(nb_grid_at(g, 8, 0)->text, "合计");
	assert_string_equal(nb_grid_at(g, 8, 1)->text, "");
	assert_string_equal(nb_grid_at(g, 8, fees)->text, "12.75");
	assert_string_equal(nb_grid_at(g, 8, total_new)->text, "41");
	assert_int_equal(nb_grid_at(g, 8, total_new)->kind, NB_GC_VALUE);
	nb_doc_free(&doc);
}

static void
test_summary_refused(void **state)
{
	nb_form_t *other = tu_form();
	nb_report_t *r = nb_report_new_for(other, "甲", 2024);
	const nb_report_t *mixed[2] = { reps[0], r };
	nb_error_t err = { 0 };
	nb_doc_t doc;
	nb_buf_t b;

	(void)state;
	assert_int_equal(nb_summary_build(mixed, 2, &doc, &err), -1);
	assert_int_equal(nb_summary_build(reps, 0, &doc, &err), -1);
	nb_buf_init(&b);
	assert_int_equal(nb_summary_render(reps, 3, NB_EXPORT_DOCX, &b, &err), -1);
	assert_int_equal(b.len, 0);
	nb_buf_free(&b);
	nb_report_free(r);
	nb_form_free(other);
}

static void
test_summary_csv(void **state)
{
	nb_error_t err = { 0 };
	nb_buf_t b;
	const char *p;
	size_t lines = 0;

	(void)state;
	nb_buf_init(&b);
	assert_int_equal(nb_summary_render(reps, 3, NB_EXPORT_CSV, &b, &err), 0);
	for (p = b.data; (p = strstr(p, "\r\n")); p += 2)
		lines++;
	assert_int_equal(lines, 2 + 5 + 3 + 1);  /* title, blank, the grid */
	assert_non_null(strstr(b.data, "\r\n\"某某市<数据>&\"\"资源\"\"局\",2024,"));
	assert_non_null(strstr(b.data, "\r\n合计,,"));
	nb_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_small),
		cmocka_unit_test(test_csv_seed),
		cmocka_unit_test(test_summary_grid),
		cmocka_unit_test(test_summary_rows),
		cmocka_unit_test(test_summary_refused),
		cmocka_unit_test(test_summary_csv),
	};

	return cmocka_run_group_tests(tests, setup_reports, teardown_reports);
}
