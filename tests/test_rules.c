#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/file.h"
#include "core/misplaced.h"
#include "core/rules.h"
#include "testutil.h"


static nb_report_t *
seed(void)
{
	return tu_sample(form, "sample-data/jinzhai-2024.yaml");
}

static void
set(nb_report_t *r, const char *path, size_t col, int64_t v)
{
	const nb_field_t *f = nb_form_field(form, path);
	assert_non_null(f);
	nb_report_set_num(r, f->cell + col, v, 0);
}

static nb_findings_t
eval(const nb_report_t *r, const nb_report_t *prev)
{
	nb_findings_t f;

	nb_findings_init(&f);
	assert_int_equal(nb_rules_eval(r, prev, &f), 0);
	return f;
}

static const nb_finding_t *
first_of(const nb_findings_t *f, const char *id)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (!strcmp(f->v[i].rule_id, id))
			return &f->v[i];
	fail_msg("no finding of %s", id);
	return NULL;
}

static void
seed_report_passes(void **state)
{
	nb_report_t *r = seed();
	nb_findings_t f = eval(r, NULL);
	(void)state;

	assert_int_equal(f.n, 0);
	nb_findings_free(&f);
	nb_report_free(r);
}

static void
row_total_is_checked_per_row(void **state)
{
	nb_report_t *r = seed();
	nb_findings_t f;
	const nb_finding_t *x;
	(void)state;

	set(r, "requests.withheld.third_party", 6, 2);
	f = eval(r, NULL);
	x = first_of(&f, "t3-row-total");
	assert_int_equal(x->severity, NB_SEV_ERROR);
	assert_string_equal(x->message,
	    "表三 三（三）4 行：总计 2 不等于各类申请人之和 0+0+0+0+0+0=0");
	assert_int_equal(x->cell, nb_form_field(form, "requests.withheld.third_party")->cell + 6);
	/* the wrong total also breaks 三（七） in its column */
	assert_int_equal(tu_count_rule(&f, "t3-total"), 1);
	nb_findings_free(&f);
	nb_report_free(r);
}

static void
balance_names_both_sides(void **state)
{
	nb_report_t *r = seed();
	nb_findings_t f;
	(void)state;

	set(r, "requests.new", 0, 5);
	set(r, "requests.new", 6, 5);
	set(r, "requests.carried_in", 0, 2);
	set(r, "requests.carried_in", 6, 2);
	f = eval(r, NULL);
	assert_int_equal(tu_count_rule(&f, "t3-balance"), 2);
	assert_string_equal(first_of(&f, "t3-balance")->message,
	    "表三 “自然人”列：一+二 (5+2=7) 不等于 三（七）+四 (1+0=1)");
	assert_int_equal(f.errors, 2);
	nb_findings_free(&f);
	nb_report_free(r);
}

/* 自然人 one short, 其他 one over: 总计 balances, the columns do not. */
static void
each_column_is_checked_on_its_own(void **state)
{
	nb_report_t *r = seed();
	nb_findings_t f;
	size_t i;
	int natural = 0, other = 0;
	(void)state;

	set(r, "requests.public", 0, 0);
	set(r, "requests.public", 5, 1);
	f = eval(r, NULL);
	assert_int_equal(tu_count_rule(&f, "t3-total"), 2);
	assert_int_equal(tu_count_rule(&f, "t3-balance"), 0);  /* 三（七） as filed */
	for (i = 0; i < f.n; i++) {
		if (strcmp(f.v[i].rule_id, "t3-total"))
			continue;       /* the note that names the 1 names both */
		natural += strstr(f.v[i].message, "“自然人”列") != NULL;
		other += strstr(f.v[i].message, "“其他”列") != NULL;
	}
	assert_int_equal(natural, 1);
	assert_int_equal(other, 1);
	nb_findings_free(&f);
	nb_report_free(r);
}

static void
review_totals_are_checked(void **state)
{
	nb_report_t *r = seed();
	nb_findings_t f;
	(void)state;

	set(r, "review.litigation_direct.pending", 0, 3);
	f = eval(r, NULL);
	assert_int_equal(f.errors, 1);
	assert_string_equal(first_of(&f, "t4-total")->message,
	    "表四 行政诉讼（未经复议直接起诉）：总计 0 不等于 结果维持+结果纠正+其他结果+尚未审结 (0+0+0+3=3)");
	nb_findings_free(&f);
	nb_report_free(r);
}

static void
unfilled_cells_are_notes_and_block_their_rules(void **state)
{
	nb_report_t *r = seed();
	nb_findings_t f;
	const nb_field_t *row = nb_form_field(form, "requests.new");
	(void)state;

	nb_report_clear(r, row->cell + 1);
	set(r, "requests.new", 6, 9);        /* wrong, but the row is incomplete */
	f = eval(r, NULL);
	assert_int_equal(tu_count_rule(&f, "t3-row-total"), 0);
	assert_int_equal(tu_count_rule(&f, "unfilled"), 1);
	assert_string_equal(first_of(&f, "unfilled")->message, "未填写：一（商业企业）");
	assert_int_equal(first_of(&f, "unfilled")->severity, NB_SEV_NOTE);
	assert_int_equal(f.notes, 1);
	/* columns whose cells are all filled are still judged: 总计 9 != 1 */
	assert_int_equal(tu_count_rule(&f, "t3-balance"), 1);
	assert_non_null(strstr(first_of(&f, "t3-balance")->message, "“总计”列"));
	nb_findings_free(&f);
	nb_report_free(r);
}

static void
previous_year_rules_need_last_years_draft(void **state)
{
	nb_report_t *r = seed(), *prev = seed();
	nb_findings_t f;
	(void)state;

	set(prev, "requests.carried_out", 2, 1);
	set(prev, "proactive.regulations", 2, 4);   /* in_force last year */
	f = eval(r, NULL);
	assert_int_equal(f.n, 0);
	nb_findings_free(&f);
	f = eval(r, prev);
	assert_int_equal(tu_count_rule(&f, "carry-over"), 1);
	assert_string_equal(first_of(&f, "carry-over")->message,
	    "表三 “科研机构”列：二、上年结转 0 不等于上年报告的 四、结转下年度继续办理 1");
	assert_int_equal(tu_count_rule(&f, "t2-in-force"), 1);
	assert_int_equal(first_of(&f, "t2-in-force")->severity, NB_SEV_WARNING);
	assert_non_null(strstr(first_of(&f, "t2-in-force")->message, "(4+0-0=4)"));
	nb_findings_free(&f);
	nb_report_free(prev);
	nb_report_free(r);
}

static void
text_rules_warn(void **state)
{
	nb_report_t *r = seed();
	const nb_field_t *other = nb_form_field(form, "other_matters");
	const nb_field_t *items = nb_form_field(form, "overview.items");
	nb_findings_t f;
	(void)state;

	nb_report_set_text(r, other->cell, "本年度无其他需要报告的事项。\n");
	f = eval(r, NULL);
	assert_int_equal(tu_count_rule(&f, "fee-mention"), 1);
	assert_int_equal(f.warnings, 1);
	assert_int_equal(f.errors, 0);
	nb_findings_free(&f);
	nb_report_set_text(r, other->cell, "  \n");
	nb_report_add_item(r, items->cell, "新分项", "");
	f = eval(r, NULL);
	assert_int_equal(tu_count_rule(&f, "fee-mention"), 0);  /* empty: required says it */
	assert_int_equal(tu_count_rule(&f, "text-required"), 2);
	nb_findings_free(&f);
	nb_report_free(r);
}

static void
totals_are_computed_from_their_parts(void **state)
{
	nb_report_t *r = nb_report_new(form);
	const nb_field_t *total = nb_form_field(form, "requests.total");
	const nb_field_t *row;
	size_t i, c;
	int64_t v;
	(void)state;

	for (i = 0; i < total->parent->nkids; i++) {
		row = total->parent->kids[i];
		for (c = 0; c < row->ncells && row->type == NB_T_ROW; c++)
			if (!form->cells[row->cell + c].total && row != total)
				nb_report_set_num(r, row->cell + c, 1, 0);
		for (c = 0; row->type == NB_T_GROUP && c < row->nkids; c++)
			for (size_t k = 0; k < 6; k++)
				nb_report_set_num(r, row->kids[c]->cell + k, 2, 0);
	}
	assert_false(nb_rules_total(r, total->cell + 6, &v) && v == 0);
	nb_rules_compute(r);
	/* 三（七） 自然人 = 1 (public) + 1 (partial) + 19 rows of 2 */
	assert_int_equal(r->values[total->cell].num, 40);
	assert_int_equal(r->values[total->cell + 6].num, 240);
	assert_true(nb_rules_total(r, total->cell + 6, &v));
	assert_int_equal(v, 240);
	assert_false(nb_rules_total(r, nb_form_field(form, "requests.new")->cell, &v));
	nb_report_free(r);
}

/* The rules live in the form file: change one there and the program follows. */
static void
a_changed_rule_in_the_form_file_is_followed(void **state)
{
	nb_error_t err = { 0 };
	nb_form_t *changed = NULL;
	nb_report_t *r;
	nb_findings_t f;
	char *text, *hit;
	const char *path;
	size_t len;
	nb_buf_t b;
	(void)state;

	/* drop 二 from the balance: 一 = 三（七）+四 */
	assert_int_equal(nb_file_read(tu_path("forms/gov-info-annual-report-2021.yaml"),
	                              1 << 20, &text, &len, &err), 0);
	hit = strstr(text, "lhs: [\"requests.new[{c}]\", \"requests.carried_in[{c}]\"]");
	assert_non_null(hit);
	nb_buf_init(&b);
	nb_buf_add(&b, text, (size_t)(hit - text));
	nb_buf_puts(&b, "lhs: [\"requests.new[{c}]\"]");
	nb_buf_puts(&b, strchr(hit, '\n'));
	path = tu_tempfile(b.data, b.len);
	assert_int_equal(nb_form_load(path, &changed, &err), 0);
	unlink(path);
	r = tu_sample(changed, "sample-data/jinzhai-2024.yaml");
	set(r, "requests.carried_in", 0, 1);       /* now irrelevant to the balance */
	set(r, "requests.carried_in", 6, 1);
	nb_findings_init(&f);
	assert_int_equal(nb_rules_eval(r, NULL, &f), 0);
	assert_int_equal(f.n, 0);
	nb_findings_free(&f);
	nb_report_free(r);
	/* with the shipped form the same figures break the balance */
	r = seed();
	set(r, "requests.carried_in", 0, 1);
	set(r, "requests.carried_in", 6, 1);
	f = eval(r, NULL);
	assert_int_equal(tu_count_rule(&f, "t3-balance"), 2);
	nb_findings_free(&f);
	nb_report_free(r);
	nb_form_free(changed);
	nb_buf_free(&b);
	free(text);
}

static const nb_check_t *
first_check(const nb_form_t *f, const char *id)
{
	size_t i;

	for (i = 0; i < f->nrules; i++)
		if (!strcmp(f->rules[i].id, id))
			return &f->rules[i].checks[0];
	fail_msg("no rule %s", id);
	return NULL;
}

/* The form file with `from` (up to the end of its last line) replaced by
 * `to`. */
static nb_form_t *
form_with(const char *from, const char *to)
{
	nb_error_t err = { 0 };
	nb_form_t *f = NULL;
	char *text, *hit;
	const char *path;
	size_t len;
	nb_buf_t b;

	assert_int_equal(nb_file_read(tu_path("forms/gov-info-annual-report-2021.yaml"),
	                              1 << 20, &text, &len, &err), 0);
	assert_non_null(hit = strstr(text, from));
	nb_buf_init(&b);
	nb_buf_add(&b, text, (size_t)(hit - text));
	nb_buf_puts(&b, to);
	nb_buf_puts(&b, strchr(hit + strlen(from), '\n'));
	path = tu_tempfile(b.data, b.len);
	assert_int_equal(nb_form_load(path, &f, &err), 0);
	unlink(path);
	nb_buf_free(&b);
	free(text);
	return f;
}

/* The status line's wording comes from the form file, with the figures
 * written as the rule's own messages write them. */
static void
a_rule_that_holds_is_described_in_the_forms_words(void **state)
{
	const nb_check_t *c = first_check(form, "t3-balance");
	nb_report_t *r = seed();
	nb_form_t *neutral, *amounts;
	char *text;
	int st;

	(void)state;
	text = nb_check_describe(c, r, NULL, &st);
	assert_int_equal(st, 1);
	assert_string_equal(text, "表三 “自然人”列：一+二 (1+0=1) 等于 三（七）+四 (1+0=1)");
	free(text);
	nb_report_clear(r, nb_form_field(form, "requests.new")->cell);
	text = nb_check_describe(c, r, NULL, &st);
	assert_int_equal(st, -1);
	assert_string_equal(text, "表三 “自然人”列：一+二 (…) 等于 三（七）+四 (1+0=1)");
	free(text);
	set(r, "requests.new", 0, 5);
	text = nb_check_describe(c, r, NULL, &st);
	assert_int_equal(st, 0);
	assert_string_equal(text, "表三 “自然人”列：一+二 (5+0=5) 不等于 三（七）+四 (1+0=1)");
	free(text);
	nb_report_free(r);

	/* without `holds`, a neutral "{lhs} = {rhs}" */
	neutral = form_with("    holds: \"表三 “{c}”列：一+二", "    x-no-holds: 1");
	r = tu_sample(neutral, "sample-data/jinzhai-2024.yaml");
	text = nb_check_describe(first_check(neutral, "t3-balance"), r, NULL, &st);
	assert_string_equal(text, "1+0=1 = 1+0=1");
	free(text);
	nb_report_free(r);
	nb_form_free(neutral);

	/* amounts as decimals, not as the 1e-9 units they are kept in */
	amounts = form_with("  - id: t3-balance", "  - id: fees-twice\n"
	                    "    lhs: [proactive.fees]\n    rhs: [proactive.fees]\n"
	                    "    message: \"{lhs} != {rhs}\"\n  - id: t3-balance");
	r = tu_sample(amounts, "sample-data/jinzhai-2024.yaml");
	nb_report_set_num(r, nb_form_field(amounts, "proactive.fees")->cell,
	                  5949088667000LL, 6);
	text = nb_check_describe(first_check(amounts, "fees-twice"), r, NULL, &st);
	assert_int_equal(st, 1);
	assert_string_equal(text, "5949.088667 = 5949.088667");
	free(text);
	nb_report_free(r);
	nb_form_free(amounts);
}

/* A rule named in a list of rules: the form's message, with what would be
 * filled in for one place shown as "…". */
static void
a_rule_is_worded_for_a_list_of_rules(void **state)
{
	char *w;
	size_t i;
	(void)state;

	for (i = 0; i < form->nrules; i++) {
		w = nb_rule_wording(form->rules[i].message);
		assert_non_null(w);
		assert_null(strchr(w, '{'));
		if (!strcmp(form->rules[i].id, "t3-balance"))
			assert_string_equal(w, "表三 “…”列：一+二 (…) 不等于 三（七）+四 (…)");
		if (!strcmp(form->rules[i].id, "text-required"))
			assert_string_equal(w, "… 尚未填写");
		free(w);
	}
}

/* A finding of the caller's own takes its place among the form's. */
static void
a_finding_of_the_callers_own_is_put_in_place(void **state)
{
	nb_report_t *r = seed();
	const nb_field_t *year = nb_form_field(form, "year");
	nb_findings_t f;
	(void)state;

	set(r, "requests.new", 0, 2);
	f = eval(r, NULL);
	assert_true(f.n > 0);
	assert_int_equal(nb_findings_add(&f, r, NB_SEV_ERROR, "year", year->cell,
	                                 strdup("报告年度不对")), 0);
	assert_string_equal(f.v[0].rule_id, "year");
	assert_string_equal(f.v[0].message, "报告年度不对");
	assert_int_equal(f.v[0].line, r->values[year->cell].line);
	assert_null(f.v[0].check);
	assert_int_equal(f.errors, 3);
	assert_string_equal(nb_severity_name(f.v[0].severity), "error");
	assert_string_equal(nb_severity_name(NB_SEV_NOTE), "note");
	nb_findings_free(&f);
	nb_report_free(r);
}

/* ---- a figure in the wrong column or row ---- */

static const nb_field_t *
field(const char *path)
{
	const nb_field_t *f = nb_form_field(form, path);

	assert_non_null(f);
	return f;
}

static size_t
cell_of(const char *path, size_t col)
{
	return field(path)->cell + col;
}

/* The seed with 6 new requests from 自然人, 1 made public and the other 5
 * not (国家秘密) - but typed in the 商业企业 column; totals as the editor
 * computes them. */
static nb_report_t *
five_in_the_wrong_column(void)
{
	nb_report_t *r = seed();

	set(r, "requests.new", 0, 6);
	set(r, "requests.withheld.state_secret", 1, 5);
	nb_rules_compute(r);
	return r;
}

static void
a_figure_in_the_wrong_column_is_named(void **state)
{
	nb_report_t *r = five_in_the_wrong_column();
	nb_findings_t f = eval(r, NULL);
	const nb_finding_t *x = first_of(&f, "misplaced");
	(void)state;

	assert_int_equal(tu_count_rule(&f, "misplaced"), 1);
	assert_int_equal(tu_count_rule(&f, "t3-balance"), 2);
	assert_int_equal(x->severity, NB_SEV_NOTE);
	assert_int_equal(x->cell, cell_of("requests.withheld.state_secret", 1));
	assert_int_equal(x->to, cell_of("requests.withheld.state_secret", 0));
	assert_string_equal(x->message,
	    "可能填错了列：三（三）1 “商业企业”列的 5 也许应在“自然人”列");
	assert_ptr_equal(x->pair[0]->rule, x->pair[1]->rule);
	assert_string_equal(x->pair[0]->rule->id, "t3-balance");
	/* it is not an unfilled cell */
	assert_int_equal(f.notes, 0);
	assert_int_equal(f.errors, 2);
	nb_findings_free(&f);
	nb_report_free(r);
}

/* Totals kept as a draft has them (as an import or another program wrote
 * them): the sums of 三（七） break, and the note points at the 1 in 其他
 * at its own line and column. */
static void
a_figure_in_the_wrong_column_of_a_draft_is_named_where_it_stands(void **state)
{
	nb_report_t *r = tu_sample(form, "sample-data/jinzhai-2024-errors.yaml");
	nb_findings_t f = eval(r, NULL);
	const nb_finding_t *x = first_of(&f, "misplaced");
	(void)state;

	assert_int_equal(tu_count_rule(&f, "misplaced"), 1);
	assert_int_equal(x->cell, cell_of("requests.public", 5));
	assert_int_equal(x->to, cell_of("requests.public", 0));
	assert_string_equal(x->message,
	    "可能填错了列：三（一） “其他”列的 1 也许应在“自然人”列");
	assert_string_equal(x->pair[0]->rule->id, "t3-total");
	assert_int_equal(x->line, 40);
	assert_int_equal(x->col, 27);      /* "  public: [0, 0, 0, 0, 0, 1, 1]" */
	nb_findings_free(&f);
	nb_report_free(r);
}

/* A row's figure typed a row too high, its totals written as they should
 * be: the two row totals break, the columns hold. */
static void
a_figure_in_the_wrong_row_is_named(void **state)
{
	nb_report_t *r = seed();
	nb_findings_t f;
	const nb_finding_t *x;
	(void)state;

	set(r, "requests.new", 0, 3);
	set(r, "requests.new", 6, 3);
	set(r, "requests.withheld.state_secret", 0, 2);
	set(r, "requests.withheld.law_forbidden", 6, 2);
	set(r, "requests.total", 0, 3);
	set(r, "requests.total", 6, 3);
	f = eval(r, NULL);
	assert_int_equal(tu_count_rule(&f, "t3-row-total"), 2);
	assert_int_equal(tu_count_rule(&f, "misplaced"), 1);
	x = first_of(&f, "misplaced");
	assert_int_equal(x->cell, cell_of("requests.withheld.state_secret", 0));
	assert_int_equal(x->to, cell_of("requests.withheld.law_forbidden", 0));
	assert_string_equal(x->message,
	    "可能填错了行：三（三）1 “自然人”列的 2 也许应在 三（三）2 行");
	nb_findings_free(&f);
	nb_report_free(r);
}

/* Table 四's rows are flow groups: their figures are the columns. */
static void
a_figure_in_the_wrong_row_of_table_four_is_named(void **state)
{
	nb_report_t *r = seed();
	nb_findings_t f;
	const nb_finding_t *x;
	(void)state;

	set(r, "review.reconsideration.upheld", 0, 2);
	set(r, "review.litigation_direct.total", 0, 2);
	f = eval(r, NULL);
	assert_int_equal(tu_count_rule(&f, "t4-total"), 2);
	x = first_of(&f, "misplaced");
	assert_int_equal(x->cell, cell_of("review.reconsideration.upheld", 0));
	assert_int_equal(x->to, cell_of("review.litigation_direct.upheld", 0));
	assert_string_equal(x->message, "可能填错了行：行政复议 “结果维持”列的 2 "
	                    "也许应在 行政诉讼（未经复议直接起诉） 行");
	nb_findings_free(&f);
	nb_report_free(r);
}

static size_t
misplaced_after(nb_report_t *r)
{
	nb_findings_t f = eval(r, NULL);
	size_t n = tu_count_rule(&f, "misplaced");

	nb_findings_free(&f);
	nb_report_free(r);
	return n;
}

/* Two cells could each be the one typed in the wrong column: 一 商业企业
 * belongs under 自然人, or 三（一） 自然人 under 商业企业.  Neither is
 * named. */
static void
two_cells_that_could_be_misplaced_name_none(void **state)
{
	nb_report_t *r = seed();
	(void)state;

	set(r, "requests.new", 0, 0);
	set(r, "requests.new", 1, 5);
	set(r, "requests.public", 0, 5);
	nb_rules_compute(r);
	assert_int_equal(misplaced_after(r), 0);
	/* the 5 of 三（三）1 and a 一 of exactly 5 */
	r = five_in_the_wrong_column();
	set(r, "requests.new", 0, 5);
	set(r, "requests.public", 0, 0);
	nb_rules_compute(r);
	assert_int_equal(misplaced_after(r), 0);
}

/* A figure is moved whole: a cell holding more than the difference (3)
 * is not one typed in the wrong place, nor is one whose place is taken. */
static void
only_a_whole_figure_into_an_empty_place_is_named(void **state)
{
	nb_report_t *r = seed();
	(void)state;

	set(r, "requests.new", 0, 2);
	set(r, "requests.carried_in", 0, 2);
	set(r, "requests.new", 1, 2);
	set(r, "requests.withheld.state_secret", 1, 5);
	nb_rules_compute(r);
	assert_int_equal(misplaced_after(r), 0);
	r = five_in_the_wrong_column();
	set(r, "requests.new", 0, 8);
	set(r, "requests.withheld.state_secret", 0, 2);
	nb_rules_compute(r);
	assert_int_equal(misplaced_after(r), 0);
}

/* 二 商业企业 holds what last year left for 自然人, but this year's
 * 自然人 column adds up without it: moving it would break the balance,
 * so it is not named. */
static void
a_move_that_breaks_a_sum_is_not_named(void **state)
{
	nb_report_t *r = seed(), *prev = seed();
	nb_findings_t f;
	(void)state;

	set(prev, "requests.carried_out", 0, 5);
	set(prev, "requests.carried_out", 6, 5);
	set(r, "requests.carried_in", 1, 5);
	set(r, "requests.new", 1, 0);
	set(r, "requests.withheld.state_secret", 1, 5);
	nb_rules_compute(r);
	f = eval(r, prev);
	assert_int_equal(tu_count_rule(&f, "carry-over"), 2);
	assert_int_equal(tu_count_rule(&f, "misplaced"), 0);
	nb_findings_free(&f);
	nb_report_free(prev);
	nb_report_free(r);
}

/* Not two checks broken by +d and -d: no note. */
static void
other_broken_sums_name_none(void **state)
{
	nb_report_t *r = five_in_the_wrong_column();
	(void)state;

	set(r, "requests.new", 2, 1);              /* a third column broken */
	assert_int_equal(misplaced_after(r), 0);
	r = five_in_the_wrong_column();
	set(r, "requests.new", 0, 7);              /* +6 and -5 */
	nb_rules_compute(r);
	assert_int_equal(misplaced_after(r), 0);
	r = seed();
	set(r, "requests.new", 0, 5);              /* one column, and 总计 */
	nb_rules_compute(r);
	assert_int_equal(misplaced_after(r), 0);
}

/* Reports that add up get no note, nor does one with nothing judged. */
static void
a_report_that_adds_up_gets_no_note(void **state)
{
	(void)state;

	assert_int_equal(misplaced_after(seed()), 0);
	assert_int_equal(misplaced_after(tu_sample(form, "sample-data/empty.yaml")), 0);
	assert_int_equal(misplaced_after(tu_sample(form, "sample-data/jinzhai-2024.yaml")), 0);
}

/* Rows and columns come from the form: renamed columns give the new
 * words, a balance written the other way round the same cell. */
static void
a_revised_form_is_followed(void **state)
{
	nb_form_t *renamed = form_with("    - {label: 自然人}", "    - {label: 个人}");
	nb_form_t *swapped = form_with(
	    "    lhs: [\"requests.new[{c}]\", \"requests.carried_in[{c}]\"]\n"
	    "    rhs: [\"requests.total[{c}]\", \"requests.carried_out[{c}]\"]",
	    "    lhs: [\"requests.carried_out[{c}]\", \"requests.total[{c}]\"]\n"
	    "    rhs: [\"requests.carried_in[{c}]\", \"requests.new[{c}]\"]");
	nb_form_t *forms[] = { renamed, swapped };
	const char *want[] = {
		"可能填错了列：三（三）1 “商业企业”列的 5 也许应在“个人”列",
		"可能填错了列：三（三）1 “商业企业”列的 5 也许应在“自然人”列",
	};
	size_t i;
	(void)state;

	for (i = 0; i < 2; i++) {
		nb_report_t *r = tu_sample(forms[i], "sample-data/jinzhai-2024.yaml");
		nb_findings_t f;
		nb_report_set_num(r, nb_form_field(forms[i], "requests.new")->cell, 6, 0);
		nb_report_set_num(r, nb_form_field(forms[i], "requests.withheld.state_secret")->cell + 1, 5, 0);
		nb_rules_compute(r);
		nb_findings_init(&f);
		assert_int_equal(nb_rules_eval(r, NULL, &f), 0);
		assert_int_equal(tu_count_rule(&f, "misplaced"), 1);
		assert_string_equal(first_of(&f, "misplaced")->message, want[i]);
		nb_findings_free(&f);
		nb_report_free(r);
		nb_form_free(forms[i]);
	}
}

/* What a note is about: the cell, its place, the cells of both columns. */
static void
a_note_concerns_the_columns_it_explains(void **state)
{
	nb_report_t *r = five_in_the_wrong_column();
	nb_findings_t f = eval(r, NULL);
	const nb_finding_t *x = first_of(&f, "misplaced"), *broken = first_of(&f, "t3-balance");
	(void)state;

	assert_true(nb_misplaced_concerns(form, x, x->cell));
	assert_true(nb_misplaced_concerns(form, x, x->to));
	assert_true(nb_misplaced_concerns(form, x, cell_of("requests.new", 1)));
	assert_true(nb_misplaced_concerns(form, x, cell_of("requests.total", 0)));
	assert_true(nb_misplaced_concerns(form, x, cell_of("requests.rejected.duplicate", 1)));
	assert_false(nb_misplaced_concerns(form, x, cell_of("requests.new", 2)));
	assert_false(nb_misplaced_concerns(form, x, cell_of("requests.public", 6)));
	assert_false(nb_misplaced_concerns(form, broken, x->cell));
	nb_findings_free(&f);
	nb_report_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(seed_report_passes),
		cmocka_unit_test(row_total_is_checked_per_row),
		cmocka_unit_test(balance_names_both_sides),
		cmocka_unit_test(each_column_is_checked_on_its_own),
		cmocka_unit_test(review_totals_are_checked),
		cmocka_unit_test(unfilled_cells_are_notes_and_block_their_rules),
		cmocka_unit_test(previous_year_rules_need_last_years_draft),
		cmocka_unit_test(text_rules_warn),
		cmocka_unit_test(totals_are_computed_from_their_parts),
		cmocka_unit_test(a_changed_rule_in_the_form_file_is_followed),
		cmocka_unit_test(a_rule_that_holds_is_described_in_the_forms_words),
		cmocka_unit_test(a_rule_is_worded_for_a_list_of_rules),
		cmocka_unit_test(a_finding_of_the_callers_own_is_put_in_place),
		cmocka_unit_test(a_figure_in_the_wrong_column_is_named),
		cmocka_unit_test(a_figure_in_the_wrong_column_of_a_draft_is_named_where_it_stands),
		cmocka_unit_test(a_figure_in_the_wrong_row_is_named),
		cmocka_unit_test(a_figure_in_the_wrong_row_of_table_four_is_named),
		cmocka_unit_test(two_cells_that_could_be_misplaced_name_none),
		cmocka_unit_test(only_a_whole_figure_into_an_empty_place_is_named),
		cmocka_unit_test(a_move_that_breaks_a_sum_is_not_named),
		cmocka_unit_test(other_broken_sums_name_none),
		cmocka_unit_test(a_report_that_adds_up_gets_no_note),
		cmocka_unit_test(a_revised_form_is_followed),
		cmocka_unit_test(a_note_concerns_the_columns_it_explains),
	};
	return cmocka_run_group_tests_name("rules", tests, tu_setup, tu_teardown);
}
