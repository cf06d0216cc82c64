/* Sums of reports (src/core/sum.h): exact amounts, overflow refused, the
 * totals, the list of inputs, and the sum of correct reports correct. */

#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/draft.h"
#include "core/number.h"
#include "core/rules.h"
#include "core/sum.h"
#include "testutil.h"

static void
set_amount(nb_report_t *r, const char *text)
{
	int64_t units;
	int dec;

	assert_int_equal(nb_amount_parse(text, 6, &units, &dec), NB_NUM_OK);
	nb_report_set_num(r, tu_cell("proactive.fees", 0), units, dec);
}

static const char *
fees_of(const nb_report_t *r)
{
	static char buf[32];
	const nb_value_t *v = &r->values[tu_cell("proactive.fees", 0)];

	nb_amount_format(v->num, v->decimals, buf);
	return buf;
}

/* The sum of reports with these fees, as the draft writes it. */
static const char *
sum_of_fees(const char *a, const char *b)
{
	static char out[32];
	nb_sum_t *s = nb_sum_new(form, "某县", 2024);
	nb_report_t *x = tu_seed(), *y = tu_seed(), *t;
	nb_error_t err = { 0 };

	set_amount(x, a);
	set_amount(y, b);
	assert_int_equal(nb_sum_add(s, x, "a.yaml", NULL, &err), 0);
	assert_int_equal(nb_sum_add(s, y, "b.yaml", NULL, &err), 0);
	assert_non_null(t = nb_sum_finish(s, NULL));
	snprintf(out, sizeof out, "%s", fees_of(t));
	nb_report_free(t);
	nb_report_free(x);
	nb_report_free(y);
	nb_sum_free(s);
	return out;
}

static void
amounts_add_exactly(void **state)
{
	(void)state;
	assert_string_equal(sum_of_fees("0.3", "0.7"), "1.0");
	assert_string_equal(sum_of_fees("1.25", "2.005"), "3.255");
	assert_string_equal(sum_of_fees("5949.088667", "0"), "5949.088667");
	assert_string_equal(sum_of_fees("0.1", "0.2"), "0.3");
}

static void
counts_and_totals_add_up(void **state)
{
	nb_sum_t *s = nb_sum_new(form, "某县", 2024);
	nb_report_t *x = tu_seed(), *t;
	nb_error_t err = { 0 };
	size_t recomputed = 99, i;

	(void)state;
	for (i = 0; i < 3; i++)
		assert_int_equal(nb_sum_add(s, x, "x.yaml", NULL, &err), 0);
	assert_int_equal(nb_sum_count(s), 3);
	assert_non_null(t = nb_sum_finish(s, &recomputed));
	assert_int_equal(recomputed, 0);
	assert_int_equal(t->values[tu_cell("proactive.punishment", 0)].num, 12);
	assert_int_equal(t->values[tu_cell("requests.new", 0)].num, 3);
	assert_int_equal(t->values[tu_cell("requests.total", 6)].num, 3);
	assert_string_equal(nb_report_org(t), "某县");
	assert_int_equal(nb_report_year(t), 2024);
	/* text is not summed: the paragraphs are empty */
	assert_null(t->values[tu_cell("other_matters", 0)].text);
	nb_report_free(t);
	nb_report_free(x);
	nb_sum_free(s);
}

static void
a_cell_no_input_filled_stays_unfilled(void **state)
{
	nb_sum_t *s = nb_sum_new(form, "某县", 2024);
	nb_report_t *x = tu_seed(), *t;
	nb_error_t err = { 0 };
	size_t c = tu_cell("proactive.licensing", 0);

	(void)state;
	nb_report_clear(x, c);
	assert_int_equal(nb_sum_add(s, x, "x.yaml", NULL, &err), 0);
	assert_non_null(t = nb_sum_finish(s, NULL));
	assert_false(t->values[c].filled);
	nb_report_free(t);
	nb_report_free(x);
	nb_sum_free(s);
}

static void
overflow_is_refused_and_adds_nothing(void **state)
{
	nb_sum_t *s = nb_sum_new(form, "某县", 2024);
	nb_report_t *x = tu_seed(), *y = tu_seed();
	nb_error_t err = { 0 };
	size_t c = tu_cell("proactive.punishment", 0);

	(void)state;
	nb_report_set_num(x, c, INT64_MAX, 0);
	assert_int_equal(nb_sum_add(s, x, "x.yaml", NULL, &err), 0);
	assert_int_equal(nb_sum_add(s, y, "y.yaml", NULL, &err), -1);
	assert_string_equal(err.file, "y.yaml");
	assert_non_null(strstr(err.msg, "行政处罚 本年处理决定数量"));
	assert_non_null(strstr(err.msg, "超出"));
	assert_int_equal(nb_sum_count(s), 1);
	assert_int_equal(nb_sum_report(s)->values[c].num, INT64_MAX);
	/* nothing of y went in: not even its other cells */
	assert_int_equal(nb_sum_report(s)->values[tu_cell("requests.new", 0)].num, 1);
	nb_report_free(x);
	nb_report_free(y);
	nb_sum_free(s);
}

static void
judging_says_what_is_wrong(void **state)
{
	nb_sum_t *s = nb_sum_new(form, "某县", 2024);
	nb_report_t *good = tu_seed(), *bad = tu_sample(form, "sample-data/jinzhai-2024-errors.yaml");
	nb_report_t *empty = tu_sample(form, "sample-data/empty.yaml");
	nb_form_t *other = tu_form();
	nb_report_t *alien = nb_report_new_for(other, "乙", 2024);
	nb_sum_judgement_t j;

	(void)state;
	assert_int_equal(nb_sum_judge(s, good, &j), 1);
	assert_int_equal(j.errors + j.unfilled + j.other_year + j.other_format, 0);
	assert_int_equal(nb_sum_judge(s, bad, &j), 0);
	assert_int_equal(j.errors, 3);
	assert_int_equal(j.unfilled, 1);
	assert_int_equal(nb_sum_judge(s, empty, &j), 0);
	assert_int_equal(j.unfilled, 200);          /* 10 + 25 rows of 7 + 15 */
	assert_true(j.other_year);                  /* it is for 2025 */
	assert_int_equal(nb_sum_judge(s, alien, &j), 0);
	assert_true(j.other_format);
	nb_report_free(alien);
	nb_form_free(other);
	nb_report_free(good);
	nb_report_free(bad);
	nb_report_free(empty);
	nb_sum_free(s);
}

/* Every cell the sum adds is a count or an amount, and there are 200. */
static void
the_table_cells_are_the_figures(void **state)
{
	nb_sum_t *s = nb_sum_new(form, "某县", 2024);
	size_t i, n = 0;

	(void)state;
	for (i = 0; i < form->ncells; i++) {
		nb_type_t t = form->cells[i].field->type;
		if (!nb_sum_is_table_cell(s, i))
			continue;
		n++;
		assert_true(t == NB_T_COUNT || t == NB_T_AMOUNT || t == NB_T_ROW);
	}
	assert_int_equal(n, 200);
	assert_false(nb_sum_is_table_cell(s, form->year_field->cell));
	nb_sum_free(s);
}

static void
the_inputs_are_listed_and_read_back(void **state)
{
	nb_sum_t *s = nb_sum_new(form, "某县", 2024);
	nb_report_t *x = tu_seed(), *t, *back = NULL;
	nb_error_t err = { 0 };
	nb_sum_input_t *in;
	size_t n;
	nb_buf_t b1, b2;
	const char *path;

	(void)state;
	assert_int_equal(nb_sum_add(s, x, "dir/a.yaml", NULL, &err), 0);
	assert_int_equal(nb_sum_add(s, x, "0012", "有 1 个错误", &err), 0);
	assert_non_null(t = nb_sum_finish(s, NULL));
	nb_buf_init(&b1);
	assert_int_equal(nb_draft_emit(t, &b1, &err), 0);
	assert_non_null(strstr(b1.data, "\nx-sum-of:\n- {path: 'dir/a.yaml', "
	                       "organization: '金寨县公共资源交易中心', year: 2024}\n"));
	path = tu_tempfile(b1.data, b1.len);
	assert_int_equal(nb_draft_load(form, path, &back, &err), 0);
	unlink(path);
	assert_int_equal(nb_sum_inputs(back, &in, &n, &err), 1);
	assert_int_equal(n, 2);
	assert_string_equal(in[0].path, "dir/a.yaml");
	assert_string_equal(in[0].org, "金寨县公共资源交易中心");
	assert_int_equal(in[0].year, 2024);
	assert_null(in[0].forced);
	assert_string_equal(in[1].path, "0012");   /* still a name, not a number */
	assert_string_equal(in[1].forced, "有 1 个错误");
	/* and saved again, byte for byte */
	nb_buf_init(&b2);
	assert_int_equal(nb_draft_emit(back, &b2, &err), 0);
	assert_string_equal(b1.data, b2.data);
	nb_sum_inputs_free(in, n);
	assert_int_equal(nb_sum_inputs(x, &in, &n, &err), 0);
	nb_buf_free(&b1);
	nb_buf_free(&b2);
	nb_report_free(back);
	nb_report_free(t);
	nb_report_free(x);
	nb_sum_free(s);
}

static void
a_list_not_as_written_is_refused(void **state)
{
	static const char text[] = "format: gov-info-annual-report/2021\n"
	                           "x-sum-of: [{path: a.yaml, year: x}]\n";
	const char *path = tu_tempfile(text, sizeof text - 1);
	nb_report_t *r = NULL;
	nb_error_t err = { 0 };
	nb_sum_input_t *in;
	size_t n;

	(void)state;
	assert_int_equal(nb_draft_load(form, path, &r, &err), 0);
	unlink(path);
	assert_int_equal(nb_sum_inputs(r, &in, &n, &err), -1);
	assert_int_equal(err.line, 2);
	assert_non_null(strstr(err.msg, "x-sum-of"));
	nb_report_free(r);
}

/* ---- the sum of correct reports is correct ---- */

static uint32_t rnd_state = 12345;

static int64_t
rnd(int64_t n)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return (int64_t)((rnd_state >> 8) % (uint32_t)n);
}

static void
fill_lines(nb_report_t *r)
{
	size_t i;

	for (i = 0; i < form->ncells; i++)
		if (form->cells[i].field->type == NB_T_LINE && form->cells[i].field != form->org_field)
			assert_int_equal(nb_report_set_text(r, i, "一行"), 0);
}

/* A report whose figures are random and add up: the parts at random, the
 * totals computed, and 一 made to balance 三（七）+四 against 二. */
static nb_report_t *
random_correct(void)
{
	nb_report_t *r = nb_report_new_for(form, "某局", 2024);
	size_t i, c;
	int64_t in, out, unit = NB_AMOUNT_SCALE;
	int dec = (int)rnd(7), d;

	for (i = 0; i < form->ncells; i++)
		if (form->cells[i].field->type == NB_T_COUNT ||
		    form->cells[i].field->type == NB_T_ROW)
			nb_report_set_num(r, i, rnd(20), 0);
	for (d = 0; d < dec; d++)
		unit /= 10;
	nb_report_set_num(r, tu_cell("proactive.fees", 0), rnd(100000000) * unit, dec);
	nb_rules_compute(r);
	for (c = 0; c < 6; c++) {
		out = r->values[tu_cell("requests.total", c)].num +
		      r->values[tu_cell("requests.carried_out", c)].num;
		in = rnd(out + 1);
		nb_report_set_num(r, tu_cell("requests.carried_in", c), in, 0);
		nb_report_set_num(r, tu_cell("requests.new", c), out - in, 0);
	}
	nb_rules_compute(r);
	fill_lines(r);
	return r;
}

static void
assert_correct(const nb_report_t *r)
{
	nb_findings_t f;

	nb_findings_init(&f);
	assert_int_equal(nb_rules_eval(r, NULL, &f), 0);
	assert_int_equal(f.errors, 0);
	assert_int_equal(f.notes, 0);
	nb_findings_free(&f);
}

static void
the_sum_of_correct_reports_is_correct(void **state)
{
	int round, k;

	(void)state;
	for (round = 0; round < 20; round++) {
		nb_sum_t *s = nb_sum_new(form, "某县", 2024);
		nb_error_t err = { 0 };
		size_t recomputed = 99;
		nb_report_t *t;

		for (k = 0; k < 1 + round * 3; k++) {
			nb_report_t *r = k ? random_correct() : tu_seed();
			assert_correct(r);
			assert_int_equal(nb_sum_add(s, r, "r.yaml", NULL, &err), 0);
			nb_report_free(r);
		}
		assert_non_null(t = nb_sum_finish(s, &recomputed));
		assert_int_equal(recomputed, 0);    /* the summed totals were right */
		fill_lines(t);
		assert_correct(t);
		nb_report_free(t);
		nb_sum_free(s);
	}
}

static void
a_forced_total_is_recomputed(void **state)
{
	nb_sum_t *s = nb_sum_new(form, "某县", 2024);
	nb_report_t *x = tu_seed(), *t;
	nb_error_t err = { 0 };
	size_t recomputed = 0;

	(void)state;
	nb_report_set_num(x, tu_cell("requests.new", 6), 5, 0);   /* 1 by its parts */
	assert_int_equal(nb_sum_add(s, x, "x.yaml", "有 1 个错误", &err), 0);
	assert_non_null(t = nb_sum_finish(s, &recomputed));
	assert_int_equal(recomputed, 1);
	assert_int_equal(t->values[tu_cell("requests.new", 6)].num, 1);
	nb_report_free(t);
	nb_report_free(x);
	nb_sum_free(s);
}

static void
a_parent_is_compared_cell_by_cell(void **state)
{
	nb_report_t *p = tu_seed(), *q = tu_seed();
	size_t *cells, n;

	(void)state;
	assert_int_equal(nb_sum_compare(p, q, &cells, &n), 0);
	assert_int_equal(n, 0);
	assert_null(cells);
	nb_report_set_num(q, tu_cell("proactive.punishment", 0), 5, 0);
	nb_report_clear(q, tu_cell("review.reconsideration.total", 0));
	nb_report_set_text(q, tu_cell("other_matters", 0), "别的");  /* not a table */
	assert_int_equal(nb_sum_compare(p, q, &cells, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(cells[0], tu_cell("proactive.punishment", 0));
	assert_int_equal(cells[1], tu_cell("review.reconsideration.total", 0));
	free(cells);
	nb_report_free(p);
	nb_report_free(q);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(amounts_add_exactly),
		cmocka_unit_test(counts_and_totals_add_up),
		cmocka_unit_test(a_cell_no_input_filled_stays_unfilled),
		cmocka_unit_test(overflow_is_refused_and_adds_nothing),
		cmocka_unit_test(judging_says_what_is_wrong),
		cmocka_unit_test(the_table_cells_are_the_figures),
		cmocka_unit_test(the_inputs_are_listed_and_read_back),
		cmocka_unit_test(a_list_not_as_written_is_refused),
		cmocka_unit_test(the_sum_of_correct_reports_is_correct),
		cmocka_unit_test(a_forced_total_is_recomputed),
		cmocka_unit_test(a_parent_is_compared_cell_by_cell),
	};

	return cmocka_run_group_tests_name("sum", tests, tu_setup, tu_teardown);
}
