/* Unit tests of the statistics: sums over three drafts with known figures
 * (tests/data/stats: two complete, one with most cells unfilled), the
 * unfilled counted apart, the distributions found in the form's table 三,
 * shares and their rounding, the ranking, and what is refused. */

#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/stats.h"
#include "testutil.h"

static const char *const drafts[] = {
	"tests/data/stats/a.yaml",      /* 测试县人民政府办公室: 12 new */
	"tests/data/stats/b.yaml",      /* 某某市<数据>&"资源"局: 26 new */
	"tests/data/stats/c.yaml",      /* 某某镇人民政府: 3 new, most unfilled */
};

/* The statistics of the three drafts (of the shipped form). */
static void
stats_of(nb_stats_t *s, size_t top)
{
	nb_error_t err = { 0 };
	size_t i;

	assert_int_equal(nb_stats_init(s, form, &err), 0);
	for (i = 0; i < 3; i++) {
		nb_report_t *r = tu_sample(form, drafts[i]);
		assert_int_equal(nb_stats_add(s, r, drafts[i], &err), 0);
		nb_report_free(r);
	}
	nb_stats_finish(s, top);
}

static const nb_stat_sum_t *
sum_at(const nb_stats_t *s, const char *path, int column)
{
	const nb_field_t *f = nb_form_field(form, path);

	assert_non_null(f);
	return &s->sums[f->cell + (column < 0 ? 0 : (size_t)column)];
}

static void
test_sums(void **state)
{
	nb_stats_t s;
	char num[32];

	(void)state;
	stats_of(&s, 10);
	assert_int_equal(s.nreports, 3);
	assert_int_equal(s.nincomplete, 1);
	assert_int_equal(s.year_min, 2024);
	assert_int_equal(s.year_max, 2024);
	assert_int_equal(sum_at(&s, "requests.new", 6)->sum, 41);
	assert_int_equal(sum_at(&s, "requests.new", 0)->sum, 31);
	assert_int_equal(sum_at(&s, "requests.total", 6)->sum, 41);
	assert_int_equal(sum_at(&s, "proactive.licensing", -1)->sum, 165);
	assert_int_equal(sum_at(&s, "proactive.licensing", -1)->unfilled, 0);
	/* 12.5 + 0.25, written with the most places given */
	nb_stats_format(&s, sum_at(&s, "proactive.fees", -1), num);
	assert_string_equal(num, "12.75");
	nb_stats_free(&s);
}

static void
test_unfilled_apart(void **state)
{
	const nb_stat_sum_t *x;
	nb_stats_t s;

	(void)state;
	stats_of(&s, 10);
	/* c.yaml leaves the fee and 三（二） unfilled: two drafts add, one is
	 * counted as unfilled, none as 0 */
	x = sum_at(&s, "proactive.fees", -1);
	assert_int_equal(x->filled, 2);
	assert_int_equal(x->unfilled, 1);
	x = sum_at(&s, "requests.partial", 6);
	assert_int_equal(x->sum, 3);
	assert_int_equal(x->unfilled, 1);
	x = sum_at(&s, "review.reconsideration.total", -1);
	assert_int_equal(x->sum, 2);
	assert_int_equal(x->unfilled, 1);
	/* the outcome chart knows a draft is missing from it */
	assert_int_equal(s.dists[0].unfilled, 1);
	assert_int_equal(s.dists[0].v[0].unfilled, 0);      /* （一）: filled in all */
	assert_int_equal(s.dists[0].v[1].unfilled, 1);      /* （二）: not in c */
	nb_stats_free(&s);
}

static void
test_tables(void **state)
{
	nb_stats_t s;
	size_t i;

	(void)state;
	stats_of(&s, 10);
	assert_int_equal(s.ntables, 3);
	assert_int_equal(s.tables[0].n, 10);    /* 二: every figure */
	assert_int_equal(s.tables[1].n, 25);    /* 三: the 总计 of each row */
	assert_int_equal(s.tables[2].n, 15);    /* 四: every figure */
	for (i = 0; i < s.tables[1].n; i++)
		assert_int_equal(form->cells[s.tables[1].v[i]->cell].column, 6);
	for (i = 1; i < s.tables[1].n; i++)     /* in the form's order */
		assert_true(s.tables[1].v[i - 1]->cell < s.tables[1].v[i]->cell);
	nb_stats_free(&s);
}

static void
test_outcomes(void **state)
{
	const nb_stat_dist_t *d;
	nb_stats_t s;

	(void)state;
	stats_of(&s, 10);
	assert_int_equal(s.ndists, 6);  /* outcomes, 4 reasons, applicants */
	d = &s.dists[0];
	assert_int_equal(d->kind, NB_DIST_OUTCOME);
	assert_string_equal(d->label, "三、本年度办理结果");
	assert_string_equal(d->whole.label, "（七）总计");
	assert_int_equal(d->whole.value, 41);
	assert_int_equal(d->n, 6);
	assert_string_equal(d->v[0].label, "（一）予以公开");
	assert_int_equal(d->v[0].value, 27);
	assert_string_equal(d->v[3].label, "（四）无法提供");
	assert_int_equal(d->v[3].value, 6);     /* its three rows added */
	assert_int_equal(nb_stats_ratio(d->v[0].value, d->whole.value, 1000), 659);
	nb_stats_free(&s);
}

static void
test_reasons_and_applicants(void **state)
{
	static const size_t nparts[] = { 8, 3, 5, 3 };
	const nb_stat_dist_t *d;
	nb_stats_t s;
	size_t i;

	(void)state;
	stats_of(&s, 10);
	for (i = 0; i < 4; i++) {
		d = &s.dists[1 + i];
		assert_int_equal(d->kind, NB_DIST_REASON);
		assert_int_equal(d->n, nparts[i]);
		assert_string_equal(d->label, s.dists[0].v[2 + i].label);
		assert_int_equal(d->whole.value, s.dists[0].v[2 + i].value);
	}
	d = &s.dists[2];                        /* （四）无法提供 */
	assert_string_equal(d->v[0].label, "1.本机关不掌握相关政府信息");
	assert_int_equal(d->v[0].value, 5);
	assert_int_equal(nb_stats_ratio(d->v[0].value, d->whole.value, 10000), 8333);
	d = &s.dists[5];
	assert_int_equal(d->kind, NB_DIST_APPLICANT);
	assert_string_equal(d->label, "一、本年新收政府信息公开申请数量");
	assert_int_equal(d->n, 6);              /* the total column is the whole */
	assert_string_equal(d->v[1].label, "商业企业");
	assert_int_equal(d->v[1].value, 7);
	assert_int_equal(d->whole.value, 41);
	nb_stats_free(&s);
}

static void
test_ranking(void **state)
{
	nb_stats_t s;

	(void)state;
	stats_of(&s, 2);
	assert_int_equal(s.nbodies, 3);
	assert_int_equal(s.nbodies_kept, 2);
	assert_string_equal(s.bodies[0].org, "某某市<数据>&\"资源\"局");
	assert_int_equal(s.bodies[0].value, 26);
	assert_string_equal(s.bodies[1].org, "测试县人民政府办公室");
	assert_ptr_equal(s.rank, sum_at(&s, "requests.new", 6));
	nb_stats_free(&s);
}

/* Equal figures keep the order the drafts came in; a draft whose ranking
 * cell is unfilled is not ranked. */
static void
test_ranking_ties(void **state)
{
	nb_report_t *r[3];
	nb_error_t err = { 0 };
	nb_stats_t s;
	size_t i;

	(void)state;
	r[0] = nb_report_new_for(form, "甲", 2024);
	r[1] = nb_report_new_for(form, "乙", 2024);
	r[2] = nb_report_new_for(form, "丙", 2024);
	nb_report_set_num(r[0], nb_form_field(form, "requests.new")->cell + 6, 5, 0);
	nb_report_set_num(r[1], nb_form_field(form, "requests.new")->cell + 6, 5, 0);
	assert_int_equal(nb_stats_init(&s, form, &err), 0);
	for (i = 0; i < 3; i++)
		assert_int_equal(nb_stats_add(&s, r[i], NULL, &err), 0);
	nb_stats_finish(&s, 10);
	assert_int_equal(s.nbodies, 2);
	assert_string_equal(s.bodies[0].org, "甲");
	assert_string_equal(s.bodies[1].org, "乙");
	assert_int_equal(s.nincomplete, 3);
	for (i = 0; i < 3; i++)
		nb_report_free(r[i]);
	nb_stats_free(&s);
}

static void
test_ratio(void **state)
{
	(void)state;
	assert_int_equal(nb_stats_ratio(1, 3, 10000), 3333);
	assert_int_equal(nb_stats_ratio(2, 3, 10000), 6667);
	assert_int_equal(nb_stats_ratio(1, 8, 100), 13);      /* half up */
	assert_int_equal(nb_stats_ratio(0, 5, 1000), 0);
	assert_int_equal(nb_stats_ratio(5, 5, 1000), 1000);
	assert_int_equal(nb_stats_ratio(3, 0, 1000), -1);     /* of nothing */
	assert_int_equal(nb_stats_ratio(INT64_MAX / 2, INT64_MAX, 1000), 500);
}

static void
test_refused(void **state)
{
	nb_form_t *other = tu_form();
	nb_report_t *r = nb_report_new_for(other, "甲", 2024);
	nb_report_t *big = nb_report_new_for(form, "乙", 2024);
	size_t cell = nb_form_field(form, "proactive.licensing")->cell;
	nb_error_t err = { 0 };
	nb_stats_t s;

	(void)state;
	assert_int_equal(nb_stats_init(&s, form, &err), 0);
	assert_int_equal(nb_stats_add(&s, r, "x.yaml", &err), -1);
	assert_non_null(strstr(err.msg, "不同"));
	assert_string_equal(err.file, "x.yaml");
	nb_report_set_num(big, cell, INT64_MAX, 0);
	assert_int_equal(nb_stats_add(&s, big, "big.yaml", &err), 0);
	assert_int_equal(nb_stats_add(&s, big, "big.yaml", &err), -1);
	assert_non_null(strstr(err.msg, "64"));
	assert_int_equal(s.nreports, 1);        /* neither refused one counted */
	nb_stats_free(&s);
	nb_report_free(big);
	nb_report_free(r);
	nb_form_free(other);
}

/* The renderings say what was left out, and the TSV gives every figure. */
static void
test_renderings(void **state)
{
	nb_error_t err = { 0 };
	nb_stats_t s;
	nb_buf_t b;

	(void)state;
	stats_of(&s, 10);
	s.nunread = 2;
	nb_buf_init(&b);
	assert_int_equal(nb_stats_tsv(&s, &b, &err), 0);
	assert_non_null(strstr(b.data, "kind\tname\tvalue\tshare\nreports\t\t3\t\n"
	                               "incomplete\t\t1\t\nunread\t\t2\t\n"));
	assert_non_null(strstr(b.data, "\nfigure\t行政事业性收费 本年收费金额（单位：万元）\t12.75\t\n"
	                               "unfilled\t行政事业性收费 本年收费金额（单位：万元）\t1\t\n"));
	assert_non_null(strstr(b.data, "\noutcome\t（一）予以公开\t27\t0.6585\n"));
	assert_non_null(strstr(b.data, "\nreason\t（四）无法提供 1.本机关不掌握相关政府信息\t5\t0.8333\n"));
	assert_non_null(strstr(b.data, "\nbody\t某某市<数据>&\"资源\"局\t26\t0.6341\n"));
	nb_buf_free(&b);
	nb_buf_init(&b);
	assert_int_equal(nb_stats_text(&s, &b, &err), 0);
	assert_non_null(strstr(b.data, "另有 2 份无法读取，未计入"));
	assert_non_null(strstr(b.data, "  未填 1 份\n"));
	nb_buf_free(&b);
	nb_buf_init(&b);
	assert_int_equal(nb_stats_html(&s, &b, &err), 0);
	assert_non_null(strstr(b.data, "某某市&lt;数据&gt;&amp;&quot;资源&quot;局"));
	assert_null(strstr(b.data, "<数据>"));
	nb_buf_free(&b);
	nb_stats_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sums),
		cmocka_unit_test(test_unfilled_apart),
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_outcomes),
		cmocka_unit_test(test_reasons_and_applicants),
		cmocka_unit_test(test_ranking),
		cmocka_unit_test(test_ranking_ties),
		cmocka_unit_test(test_ratio),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_renderings),
	};

	return cmocka_run_group_tests(tests, tu_setup, tu_teardown);
}
