/* The walk-through: the order of the stops comes from the form alone. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/nav.h"
#include "testutil.h"

static size_t
cell_of(const char *path, size_t col)
{
	const nb_field_t *f = nb_form_field(form, path);

	assert_non_null(f);
	return f->cell + col;
}

static void
count(const nb_nav_t *nav, int sec, size_t *all, size_t *typed)
{
	size_t i;

	*all = nav->secs[sec].n;
	*typed = 0;
	for (i = nav->secs[sec].first; i < nav->secs[sec].first + *all; i++)
		*typed += !nav->stops[i].computed;
}

static void
stops_per_section(void **state)
{
	nb_report_t *r = nb_report_new(form);
	nb_nav_t nav = { 0 };
	size_t all, typed;

	(void)state;
	assert_int_equal(nb_nav_build(&nav, r), 0);
	assert_int_equal(nav.nsecs, 7);
	count(&nav, 0, &all, &typed);
	assert_int_equal(typed, 8);        /* 机关, 年度, 5 contact lines, 开头段落 */
	count(&nav, 1, &all, &typed);
	assert_int_equal(typed, 11);       /* 引言 + 5 subsections x (title, text) */
	count(&nav, 2, &all, &typed);
	assert_int_equal(typed, 10);
	count(&nav, 3, &all, &typed);
	assert_int_equal(all, 25 * 7);
	assert_int_equal(typed, 24 * 6);   /* not the 总计 column nor 三（七） */
	count(&nav, 4, &all, &typed);
	assert_int_equal(all, 15);
	assert_int_equal(typed, 12);
	count(&nav, 5, &all, &typed);
	assert_int_equal(typed, 3);
	count(&nav, 6, &all, &typed);
	assert_int_equal(typed, 1);
	nb_nav_free(&nav);
	nb_report_free(r);
}

static void
order_of_the_report(void **state)
{
	nb_report_t *r = nb_report_new(form);
	nb_nav_t nav = { 0 };
	size_t s = 0, i;

	(void)state;
	nb_nav_build(&nav, r);
	assert_int_equal(nav.stops[0].cell, cell_of("organization", 0));
	assert_int_equal(nav.stops[1].cell, cell_of("year", 0));
	assert_int_equal(nav.stops[2].cell, cell_of("contact.office", 0));
	assert_int_equal(nav.stops[7].kind, NB_STOP_TEXT);   /* preamble */
	assert_int_equal(nav.stops[8].cell, cell_of("overview.intro", 0));
	assert_int_equal(nav.stops[9].kind, NB_STOP_TITLE);
	assert_int_equal(nav.stops[10].kind, NB_STOP_ITEM);
	assert_int_equal(nav.stops[10].item, 0);
	/* Tab from the last figure of 三's last typed row goes on to 四 */
	s = nb_nav_find(&nav, cell_of("requests.carried_out", 5), -1, 0);
	s = nb_nav_step(&nav, s, 1);
	assert_int_equal(nav.stops[s].cell, cell_of("review.reconsideration.upheld", 0));
	/* the 三（七）总计 row is never a Tab stop */
	for (s = nb_nav_section_start(&nav, 3); nav.stops[s].section == 3;
	     s = nb_nav_step(&nav, s, 1))
		assert_false(nav.stops[s].cell >= cell_of("requests.total", 0) &&
		             nav.stops[s].cell <= cell_of("requests.total", 6));
	/* every cell of the stops is in increasing order inside table 三 */
	for (i = nav.secs[3].first + 1; i < nav.secs[3].first + nav.secs[3].n; i++)
		assert_true(nav.stops[i].cell > nav.stops[i - 1].cell);
	nb_nav_free(&nav);
	nb_report_free(r);
}

static void
subsections_follow_the_report(void **state)
{
	nb_report_t *r = nb_report_new(form);
	nb_nav_t nav = { 0 };
	size_t all, typed;

	(void)state;
	nb_report_add_item(r, cell_of("overview.items", 0), "其他", "");
	nb_nav_build(&nav, r);
	count(&nav, 1, &all, &typed);
	assert_int_equal(typed, 13);
	assert_int_equal(nav.stops[nb_nav_find(&nav, cell_of("overview.items", 0), 5, 1)].item, 5);
	nb_nav_free(&nav);
	nb_report_free(r);
}

static void
grid_of_table_three(void **state)
{
	nb_report_t *r = nb_report_new(form);
	nb_nav_t nav = { 0 };
	const nb_nsec_t *s;
	size_t from, to, i;
	int headings = 0;

	(void)state;
	nb_nav_build(&nav, r);
	s = &nav.secs[3];
	assert_true(s->grid);
	assert_int_equal(s->ncols, 7);
	for (i = 0; i < s->nrows; i++)
		headings += s->rows[i].field == NULL;
	assert_int_equal(s->nrows - (size_t)headings, 25);
	assert_string_equal(nb_nav_colname(&s->rows[0], 0), "自然人");
	assert_string_equal(nb_nav_colname(&s->rows[0], 6), "总计");
	/* down from 二 over the heading 三、本年度办理结果 to （一） */
	from = nb_nav_find(&nav, cell_of("requests.carried_in", 2), -1, 0);
	to = nb_nav_grid_move(&nav, from, 1, 0);
	assert_int_equal(nav.stops[to].cell, cell_of("requests.public", 2));
	to = nb_nav_grid_move(&nav, to, -1, 0);
	assert_int_equal(nav.stops[to].cell, cell_of("requests.carried_in", 2));
	/* right to the computed total, and no further */
	from = nb_nav_find(&nav, cell_of("requests.new", 5), -1, 0);
	to = nb_nav_grid_move(&nav, from, 0, 1);
	assert_true(nav.stops[to].computed);
	assert_int_equal(nb_nav_grid_move(&nav, to, 0, 1), to);
	/* 四 is three rows of five */
	s = &nav.secs[4];
	assert_int_equal(s->nrows, 3);
	assert_string_equal(nb_nav_colname(&s->rows[1], 3), "尚未审结");
	assert_string_equal(s->rows[2].label, "行政诉讼（复议后起诉）");
	nb_nav_free(&nav);
	nb_report_free(r);
}

/* The head's labels over several columns of 三 come with the grid: 申请人
 * 情况 over all seven, 法人或其他组织 a line below over five; 四's rows
 * stand in other columns of the table, so its head gives none. */
static void
group_headings_over_the_columns(void **state)
{
	nb_report_t *r = nb_report_new(form);
	nb_nav_t nav = { 0 };
	const nb_nsec_t *s;

	(void)state;
	assert_int_equal(nb_nav_build(&nav, r), 0);
	s = &nav.secs[3];
	assert_int_equal(s->nspans, 2);
	assert_int_equal(s->span_levels, 2);
	assert_string_equal(s->spans[0].label, "申请人情况");
	assert_int_equal(s->spans[0].level, 0);
	assert_int_equal(s->spans[0].col, 0);
	assert_int_equal(s->spans[0].ncols, 7);
	assert_string_equal(s->spans[1].label, "法人或其他组织");
	assert_int_equal(s->spans[1].level, 1);
	assert_int_equal(s->spans[1].col, 1);
	assert_int_equal(s->spans[1].ncols, 5);
	assert_int_equal(s->rows[0].tcol, s->span_tcol);
	assert_int_equal(nav.secs[4].nspans, 0);
	assert_int_equal(nav.secs[4].span_tcol, -1);
	assert_int_equal(nav.secs[2].nspans, 0);
	nb_nav_free(&nav);
	nb_report_free(r);
}

/* A grid row carries its field's short label for when its own is cut. */
static void
grid_rows_have_their_short_labels(void **state)
{
	nb_report_t *r = nb_report_new(form);
	nb_nav_t nav = { 0 };
	const nb_nsec_t *s;
	size_t i;
	int seen = 0;

	(void)state;
	assert_int_equal(nb_nav_build(&nav, r), 0);
	s = &nav.secs[3];
	for (i = 0; i < s->nrows; i++) {
		const nb_grow_t *g = &s->rows[i];
		if (g->field && !strcmp(g->field->key, "unclear")) {
			assert_string_equal(g->label, "3.补正后申请内容仍不明确");
			assert_string_equal(g->brief, "3.补正后仍不明确");
			seen++;
		}
		if (g->field && !strcmp(g->field->key, "state_secret")) {
			assert_null(g->brief);
			seen++;
		}
	}
	assert_int_equal(seen, 2);
	nb_nav_free(&nav);
	nb_report_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(stops_per_section),
		cmocka_unit_test(order_of_the_report),
		cmocka_unit_test(subsections_follow_the_report),
		cmocka_unit_test(grid_of_table_three),
		cmocka_unit_test(group_headings_over_the_columns),
		cmocka_unit_test(grid_rows_have_their_short_labels),
	};

	return cmocka_run_group_tests_name("nav", tests, tu_setup, tu_teardown);
}
