/* Next year's draft from last year's (nextyear.h) and finding last
 * year's draft again (previous.h). */
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

#include "core/draft.h"
#include "core/file.h"
#include "core/nextyear.h"
#include "core/previous.h"
#include "testutil.h"

static nb_report_t *
seed(void)
{
	return tu_sample(form, "sample-data/jinzhai-2024.yaml");
}

static const nb_field_t *
field(const char *path)
{
	const nb_field_t *f = nb_form_field(form, path);

	assert_non_null(f);
	return f;
}

static const nb_value_t *
value(const nb_report_t *r, const char *path, size_t col)
{
	return &r->values[field(path)->cell + col];
}

static nb_report_t *
next_of(const nb_report_t *last, int64_t year)
{
	nb_report_t *r = NULL;
	nb_error_t err = { 0 };

	if (nb_report_next_year(last, year, &r, &err) < 0)
		fail_msg("%s", err.msg);
	return r;
}

static void
the_form_says_what_is_kept_carried_and_rewritten(void **state)
{
	const nb_next_year_t *ny = &form->next_year;

	(void)state;
	assert_true(ny->given);
	assert_int_equal(ny->nkeep, 3);
	assert_string_equal(ny->keep[0]->path, "organization");
	assert_string_equal(ny->keep[1]->path, "contact");
	assert_string_equal(ny->keep[2]->path, "overview.items");
	assert_int_equal(ny->ncarry, 1);
	assert_string_equal(ny->carry[0].from->path, "requests.carried_out");
	assert_string_equal(ny->carry[0].to->path, "requests.carried_in");
	assert_int_equal(ny->nrewrite, 1);
	assert_string_equal(ny->rewrite[0].from->path, "improvement.measures");
	assert_string_equal(ny->rewrite[0].to->path, "improvement.last_year");
	assert_non_null(strstr(ny->rewrite[0].prompt, "请改写"));
}

static void
the_body_its_contact_and_the_subsection_titles_are_kept(void **state)
{
	static const char *const contact[] = {
		"contact.office", "contact.address", "contact.phone", "contact.postcode",
		"contact.website"
	};
	nb_report_t *last = seed(), *r;
	const nb_value_t *items;
	size_t i, cell = field("overview.items")->cell;

	(void)state;
	assert_int_equal(nb_report_add_item(last, cell, "政务公开专题", "上年的文字"), 0);
	r = next_of(last, 0);
	assert_string_equal(nb_report_org(r), "金寨县公共资源交易中心");
	for (i = 0; i < sizeof contact / sizeof contact[0]; i++) {
		assert_true(value(r, contact[i], 0)->filled);
		assert_string_equal(nb_report_str(r, contact[i]), nb_report_str(last, contact[i]));
		assert_int_equal(value(r, contact[i], 0)->line, 0);   /* not last year's place */
	}
	assert_string_equal(nb_report_str(r, "contact.website"),
	                    "http://www.ahjinzhai.gov.cn/public/column/6603061?type=4&action=list");
	items = value(r, "overview.items", 0);
	assert_int_equal(items->nitems, 6);
	for (i = 0; i < items->nitems; i++) {
		assert_string_equal(items->items[i].title, last->values[cell].items[i].title);
		assert_string_equal(items->items[i].text, "");
	}
	assert_string_equal(items->items[5].title, "政务公开专题");
	nb_report_free(r);
	nb_report_free(last);
}

static void
everything_else_starts_unfilled(void **state)
{
	static const char *const texts[] = {
		"preamble", "overview.intro", "improvement.problems", "improvement.measures",
		"other_matters"
	};
	nb_report_t *last = seed(), *r = next_of(last, 0);
	const nb_field_t *in = field("requests.carried_in");
	size_t c, i;

	(void)state;
	assert_string_equal(nb_report_str(r, "format"), "gov-info-annual-report/2021");
	assert_int_equal(nb_report_year(r), 2025);
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++)
		assert_false(value(r, texts[i], 0)->filled);
	for (c = 0; c < form->ncells; c++) {
		nb_type_t t = form->cells[c].field->type;
		if (t != NB_T_COUNT && t != NB_T_AMOUNT)
			continue;
		if (c >= in->cell && c < in->cell + in->ncells)
			assert_true(r->values[c].filled);
		else
			assert_false(r->values[c].filled);
	}
	assert_int_equal(r->nextras, 0);      /* last year's x- keys stay there */
	nb_report_free(r);
	nb_report_free(last);
}

static void
carried_out_becomes_carried_in_column_by_column(void **state)
{
	nb_report_t *last = seed(), *r;
	size_t out = field("requests.carried_out")->cell, c;

	(void)state;
	for (c = 0; c < 6; c++)
		nb_report_set_num(last, out + c, (int64_t)(c + 1) * 3, 0);
	nb_report_clear(last, out + 6);       /* an unfilled one stays unfilled */
	r = next_of(last, 0);
	for (c = 0; c < 6; c++) {
		assert_true(value(r, "requests.carried_in", c)->filled);
		assert_int_equal(value(r, "requests.carried_in", c)->num, (int64_t)(c + 1) * 3);
		assert_false(value(r, "requests.carried_out", c)->filled);
	}
	assert_false(value(r, "requests.carried_in", 6)->filled);
	nb_report_free(r);
	nb_report_free(last);
}

static void
last_years_measures_start_this_years_last_year_under_the_prompt(void **state)
{
	nb_report_t *last = seed(), *r = next_of(last, 0);
	const char *text = nb_report_str(r, "improvement.last_year");
	const char *prompt = form->next_year.rewrite[0].prompt;
	const char *measures = nb_report_str(last, "improvement.measures");

	(void)state;
	assert_int_equal(strncmp(text, prompt, strlen(prompt)), 0);
	assert_int_equal(text[strlen(prompt)], '\n');
	assert_string_equal(text + strlen(prompt) + 1, measures);
	assert_non_null(strstr(measures, "一是加强组织领导和队伍建设"));
	assert_null(strstr(text, nb_report_str(last, "improvement.last_year")));
	nb_report_free(r);
	nb_report_free(last);
}

static void
no_measures_last_year_no_prompt(void **state)
{
	nb_report_t *last = seed(), *r;

	(void)state;
	assert_int_equal(nb_report_set_text(last, field("improvement.measures")->cell, ""), 0);
	r = next_of(last, 0);
	assert_false(value(r, "improvement.last_year", 0)->filled);
	nb_report_free(r);
	nb_report_free(last);
}

static void
the_year_is_the_next_or_a_later_one(void **state)
{
	nb_report_t *last = seed(), *r = NULL;
	nb_error_t err = { 0 };

	(void)state;
	r = next_of(last, 2027);
	assert_int_equal(nb_report_year(r), 2027);
	nb_report_free(r);
	assert_int_equal(nb_report_next_year(last, 2024, &r, &err), -1);
	assert_null(r);
	assert_string_equal(err.msg, "新报告的年度 2024 应在上年报告的年度 2024 之后");
	assert_int_equal(nb_report_next_year(last, 2023, &r, &err), -1);
	nb_report_clear(last, form->year_field->cell);
	assert_int_equal(nb_report_next_year(last, 0, &r, &err), -1);
	assert_string_equal(err.msg, "上年报告没有填写报告年度，推算不出新报告的年度");
	r = next_of(last, 2025);
	assert_int_equal(nb_report_year(r), 2025);
	nb_report_free(r);
	nb_report_set_num(last, form->year_field->cell, 2999, 0);
	assert_int_equal(nb_report_next_year(last, 0, &r, &err), -1);
	assert_string_equal(err.msg, "新报告的年度 3000 超出了 1900 至 2999");
	nb_report_free(last);
}

static void
a_form_without_next_year_is_refused(void **state)
{
	static const char text[] =
		"format: t/1\nname: 测试\ntitle: \"{year}\"\n"
		"identity: {organization: org, year: year}\n"
		"columns: {c: [{label: 甲}]}\n"
		"fields:\n  - {key: format, type: format, label: 格式}\n"
		"  - {key: org, type: line, label: 机关}\n"
		"  - {key: year, type: year, label: 年度}\n"
		"tables: []\nsections: []\nrules: []\n";
	nb_form_t *f = NULL;
	nb_report_t *last, *r = NULL;
	nb_error_t err = { 0 };

	(void)state;
	assert_int_equal(nb_form_parse("t.yaml", text, sizeof text - 1, &f, &err), 0);
	assert_false(f->next_year.given);
	last = nb_report_new_for(f, "某局", 2024);
	assert_int_equal(nb_report_next_year(last, 0, &r, &err), -1);
	assert_null(r);
	assert_string_equal(err.file, "t.yaml");
	assert_string_equal(err.msg, "表单“t/1”没有写明下一年度带过去的内容（next_year），不能据上年报告新建");
	nb_report_free(last);
	nb_form_free(f);
}

static void
next_years_file_name(void **state)
{
	static const struct { const char *last, *want; int64_t was; } cases[] = {
		{ "2024/jinzhai-2024.yaml", "2024/jinzhai-2025.yaml", 2024 },
		{ "jinzhai-2024.yaml", "jinzhai-2025.yaml", 2024 },
		{ "2024年报.yaml", "2025年报.yaml", 2024 },
		{ "a-2024-2024.yaml", "a-2024-2025.yaml", 2024 },
		{ "report-20241.yaml", "report-20241-2025.yaml", 2024 },
		{ "dir.d/report.yaml", "dir.d/report-2025.yaml", 2024 },
		{ "report", "report-2025", 2024 },
		{ "x-2024.yaml", "x-2024-2025.yaml", 0 },
	};
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = nb_next_year_name(cases[i].last, cases[i].was, 2025);
		assert_non_null(got);
		assert_string_equal(got, cases[i].want);
		free(got);
	}
}

/* ---- where last year's lies ---- */

static char dir[64];

static int
make_dir(void **state)
{
	(void)state;
	form = tu_form();
	snprintf(dir, sizeof dir, "/tmp/nb-nextyear-XXXXXX");
	assert_non_null(mkdtemp(dir));
	return 0;
}

static int
remove_dir(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	nb_form_free(form);
	return 0;
}

/* dir/rel, in a static buffer (one at a time per slot). */
static const char *
in_dir(int slot, const char *rel)
{
	static char buf[4][256];

	snprintf(buf[slot], sizeof buf[slot], "%s/%s", dir, rel);
	return buf[slot];
}

static void
save(const nb_report_t *r, const char *path)
{
	nb_error_t err = { 0 };
	char *folder = strdup(path);

	*strrchr(folder, '/') = '\0';
	mkdir(folder, 0755);
	free(folder);
	if (nb_draft_save(r, path, &err) < 0)
		fail_msg("%s", err.msg);
}

static nb_report_t *
load(const char *path)
{
	nb_report_t *r = NULL;
	nb_error_t err = { 0 };

	if (nb_draft_load(form, path, &r, &err) < 0)
		fail_msg("%s", err.msg);
	return r;
}

static void
record(nb_report_t *r, const char *draft, const char *last, const char *want)
{
	nb_error_t err = { 0 };

	if (nb_previous_record(r, draft, last, &err) < 0)
		fail_msg("%s", err.msg);
	assert_string_equal(nb_previous_recorded(r), want);
}

static void
x_previous_is_written_relative_and_read_back(void **state)
{
	nb_report_t *last = seed(), *r = next_of(last, 0), *back;
	char *text;
	size_t len;
	nb_error_t err = { 0 };

	(void)state;
	save(last, in_dir(0, "2024/jinzhai-2024.yaml"));
	mkdir(in_dir(1, "2025"), 0755);
	mkdir(in_dir(1, "2025/sub"), 0755);
	assert_null(nb_previous_recorded(r));
	record(r, in_dir(1, "2024/next.yaml"), in_dir(0, "2024/jinzhai-2024.yaml"),
	       "jinzhai-2024.yaml");
	record(r, in_dir(1, "2025/sub/next.yaml"), in_dir(0, "2024/jinzhai-2024.yaml"),
	       "../../2024/jinzhai-2024.yaml");
	record(r, in_dir(1, "next.yaml"), in_dir(0, "2024/jinzhai-2024.yaml"),
	       "2024/jinzhai-2024.yaml");
	record(r, in_dir(1, "2025/jinzhai-2025.yaml"), in_dir(0, "2024/jinzhai-2024.yaml"),
	       "../2024/jinzhai-2024.yaml");
	assert_int_equal(r->nextras, 1);      /* recorded again, not twice */
	save(r, in_dir(1, "2025/jinzhai-2025.yaml"));
	assert_int_equal(nb_file_read(in_dir(1, "2025/jinzhai-2025.yaml"), 1 << 20, &text, &len, &err), 0);
	assert_non_null(strstr(text, "\nother_matters: \"\"\nx-previous: ../2024/jinzhai-2024.yaml\n"));
	free(text);
	back = load(in_dir(1, "2025/jinzhai-2025.yaml"));
	assert_string_equal(nb_previous_recorded(back), "../2024/jinzhai-2024.yaml");
	assert_true(nb_report_equal(r, back));
	assert_int_equal(nb_previous_record(r, in_dir(1, "gone/x.yaml"),
	                                    in_dir(0, "2024/jinzhai-2024.yaml"), &err), -1);
	assert_int_equal(nb_previous_record(r, in_dir(1, "2025/x.yaml"),
	                                    in_dir(0, "2024/gone.yaml"), &err), -1);
	assert_string_equal(nb_previous_recorded(r), "../2024/jinzhai-2024.yaml");
	nb_report_free(back);
	nb_report_free(r);
	nb_report_free(last);
}

/* Finds last year's for the draft at path: 0 or -1, *p filled. */
static int
find(const char *path, const char *given, nb_previous_t *p, nb_error_t *err)
{
	nb_report_t *r = load(path);
	int rc = nb_previous_find(r, path, given, p, err);

	nb_report_free(r);
	return rc;
}

static void
last_year_is_the_one_given_else_the_one_recorded(void **state)
{
	nb_report_t *last = seed(), *r = next_of(last, 0);
	nb_previous_t p;
	nb_error_t err = { 0 };

	(void)state;
	save(last, in_dir(0, "2024/jinzhai-2024.yaml"));
	nb_report_set_num(last, field("requests.carried_out")->cell, 9, 0);
	save(last, in_dir(0, "elsewhere/other-2024.yaml"));
	mkdir(in_dir(1, "2025"), 0755);
	record(r, in_dir(1, "2025/jinzhai-2025.yaml"), in_dir(0, "2024/jinzhai-2024.yaml"),
	       "../2024/jinzhai-2024.yaml");
	save(r, in_dir(1, "2025/jinzhai-2025.yaml"));

	assert_int_equal(find(in_dir(1, "2025/jinzhai-2025.yaml"), NULL, &p, &err), 0);
	assert_int_equal(p.how, NB_PREV_RECORDED);
	assert_string_equal(p.name, "../2024/jinzhai-2024.yaml");
	assert_int_equal(nb_report_year(p.rep), 2024);
	assert_ptr_equal(p.rep->form, form);
	assert_int_equal(value(p.rep, "requests.carried_out", 0)->num, 0);
	nb_previous_free(&p);

	assert_int_equal(find(in_dir(1, "2025/jinzhai-2025.yaml"),
	                      in_dir(2, "elsewhere/other-2024.yaml"), &p, &err), 0);
	assert_int_equal(p.how, NB_PREV_GIVEN);
	assert_string_equal(p.name, in_dir(2, "elsewhere/other-2024.yaml"));
	assert_int_equal(value(p.rep, "requests.carried_out", 0)->num, 9);
	nb_previous_free(&p);

	assert_int_equal(find(in_dir(1, "2025/jinzhai-2025.yaml"), in_dir(2, "gone.yaml"),
	                      &p, &err), -1);
	assert_int_equal(p.how, NB_PREV_GIVEN);
	assert_false(p.other_format);
	assert_null(p.rep);
	assert_string_equal(err.file, in_dir(2, "gone.yaml"));
	nb_previous_free(&p);

	unlink(in_dir(0, "2024/jinzhai-2024.yaml"));
	assert_int_equal(find(in_dir(1, "2025/jinzhai-2025.yaml"), NULL, &p, &err), -1);
	assert_int_equal(p.how, NB_PREV_RECORDED);
	assert_string_equal(p.name, "../2024/jinzhai-2024.yaml");
	assert_string_equal(err.file, in_dir(2, "2025/../2024/jinzhai-2024.yaml"));
	nb_previous_free(&p);
	nb_report_free(r);
	nb_report_free(last);
}

static void
one_of_another_format_is_not_read(void **state)
{
	static const char other[] = "format: gov-info-annual-report/2019\norganization: 某局\n";
	nb_report_t *last = seed(), *r = next_of(last, 0);
	nb_previous_t p;
	nb_error_t err = { 0 };
	FILE *f;

	(void)state;
	save(r, in_dir(0, "2025/draft.yaml"));
	assert_non_null(f = fopen(in_dir(1, "2025/old.yaml"), "w"));
	fputs(other, f);
	fclose(f);
	assert_int_equal(find(in_dir(0, "2025/draft.yaml"), in_dir(1, "2025/old.yaml"),
	                      &p, &err), -1);
	assert_true(p.other_format);
	assert_null(p.rep);
	assert_int_equal(err.line, 1);
	assert_string_equal(err.msg, "上年报告的格式是“gov-info-annual-report/2019”，本草稿是"
	                    "“gov-info-annual-report/2021”：两种格式不能逐格核对，没有用它核对"
	                    "跨年度的勾稽关系");
	nb_previous_free(&p);
	nb_report_free(r);
	nb_report_free(last);
}

static void
else_the_only_one_beside_of_the_same_body_and_the_year_before(void **state)
{
	nb_report_t *last = seed(), *r = next_of(last, 0);
	nb_previous_t p;
	nb_error_t err = { 0 };

	(void)state;
	save(r, in_dir(0, "f/jinzhai-2025.yaml"));
	assert_int_equal(find(in_dir(0, "f/jinzhai-2025.yaml"), NULL, &p, &err), 0);
	assert_int_equal(p.how, NB_PREV_NONE);          /* nothing beside */
	assert_int_equal(p.alike, 0);

	nb_report_set_num(last, form->year_field->cell, 2023, 0);
	save(last, in_dir(0, "f/jinzhai-2023.yaml"));   /* two years before */
	assert_int_equal(nb_report_set_text(last, form->org_field->cell, "别的机关"), 0);
	nb_report_set_num(last, form->year_field->cell, 2024, 0);
	save(last, in_dir(0, "f/other-2024.yaml"));     /* another body */
	assert_int_equal(find(in_dir(0, "f/jinzhai-2025.yaml"), NULL, &p, &err), 0);
	assert_int_equal(p.how, NB_PREV_NONE);
	nb_previous_free(&p);

	nb_report_free(last);
	last = seed();
	save(last, in_dir(0, "f/.jinzhai-2024.yaml"));  /* hidden: not a draft */
	save(last, in_dir(0, "f/jinzhai-2024.yaml"));
	save(last, in_dir(0, "f/jinzhai-2024.yaml"));   /* and its backup~ */
	assert_int_equal(find(in_dir(0, "f/jinzhai-2025.yaml"), NULL, &p, &err), 0);
	assert_int_equal(p.how, NB_PREV_BESIDE);
	assert_string_equal(p.name, "jinzhai-2024.yaml");
	assert_int_equal(nb_report_year(p.rep), 2024);
	nb_previous_free(&p);

	save(last, in_dir(0, "f/copy-2024.yaml"));      /* which of two? */
	assert_int_equal(find(in_dir(0, "f/jinzhai-2025.yaml"), NULL, &p, &err), 0);
	assert_int_equal(p.how, NB_PREV_NONE);
	assert_int_equal(p.alike, 2);
	assert_null(p.rep);
	assert_null(p.name);
	nb_previous_free(&p);
	nb_report_free(r);
	nb_report_free(last);
}

/* The same outcome of the two ways of finding last year's. */
static void
same_outcome(int rc, const nb_previous_t *p, const nb_error_t *e, int rc2,
             const nb_previous_t *q, const nb_error_t *f)
{
	assert_int_equal(rc, rc2);
	assert_int_equal(p->how, q->how);
	assert_string_equal(p->name ? p->name : "(none)", q->name ? q->name : "(none)");
	assert_int_equal(p->alike, q->alike);
	assert_int_equal(p->other_format, q->other_format);
	assert_int_equal(!p->rep, !q->rep);
	if (p->rep) {
		assert_ptr_equal(p->rep->form, q->rep->form);
		assert_true(nb_report_equal(p->rep, q->rep));
	}
	assert_string_equal(e->msg, f->msg);
	assert_string_equal(e->file, f->file);
}

/* Each draft of folder g, read with `with` (mine: with `form`), its
 * last year's found among them as it is found alone, and as `how` (-1:
 * recorded but not to be read; -2: two alike, none taken); what is taken
 * from them a copy of its own. */
static void
find_each_among(const char *const *names, size_t n, const nb_form_t *with, size_t mine,
                int how)
{
	nb_previous_draft_t v[8];
	nb_report_t *reps[8];
	char paths[8][256];
	nb_previous_t p, q;
	nb_error_t e = { 0 }, f = { 0 };
	struct stat st;
	size_t i, k;
	int rc;

	for (i = 0; i < n; i++) {
		nb_error_t err = { 0 };
		snprintf(paths[i], sizeof paths[i], "%s", in_dir(0, names[i]));
		assert_int_equal(stat(paths[i], &st), 0);
		if (nb_draft_load(i == mine ? form : with, paths[i], &reps[i], &err) < 0)
			reps[i] = NULL;
		v[i] = (nb_previous_draft_t){ paths[i], reps[i], st.st_dev, st.st_ino };
	}
	if (!reps[mine])
		fail_msg("%s cannot be read", names[mine]);
	rc = nb_previous_find(reps[mine], paths[mine], NULL, &p, &e);
	same_outcome(rc, &p, &e, nb_previous_find_among(v, n, mine, &q, &f), &q, &f);
	if (how == -1)
		assert_true(rc < 0 && q.how == NB_PREV_RECORDED);
	else if (how == -2)
		assert_true(q.how == NB_PREV_NONE && q.alike == 2);
	else
		assert_true(rc == 0 && q.how == (nb_prev_how_t)how && !q.alike);
	for (k = 0; q.rep && k < n; k++)
		assert_ptr_not_equal(q.rep, reps[k]);
	nb_previous_free(&p);
	nb_previous_free(&q);
	for (i = 0; i < n; i++)
		nb_report_free(reps[i]);
}

static void
among_the_drafts_read_the_same_one_is_found(void **state)
{
	static const char *const names[] = {
		"g/jinzhai-2025.yaml", "g/jinzhai-2024.yaml", "g/other-2025.yaml",
		"g/gone-2025.yaml", "g/b-2025.yaml", "g/b1-2024.yaml", "g/b2-2024.yaml",
		"g/broken.yaml",
	};
	static const int how[] = {
		NB_PREV_BESIDE, NB_PREV_NONE, NB_PREV_RECORDED, -1, -2,
		NB_PREV_NONE, NB_PREV_NONE,
	};
	size_t n = sizeof names / sizeof names[0], mine;
	nb_report_t *last = seed(), *r = next_of(last, 0), *b = next_of(last, 0);
	nb_form_t *other = tu_form();
	FILE *fp;

	(void)state;
	save(last, in_dir(0, names[1]));
	save(r, in_dir(0, names[0]));               /* the only one beside */
	assert_int_equal(nb_report_set_text(r, form->org_field->cell, "别的机关"), 0);
	record(r, in_dir(0, names[2]), in_dir(1, names[1]), "jinzhai-2024.yaml");
	save(r, in_dir(0, names[2]));               /* recorded, one of them */
	save(last, in_dir(0, "h/x.yaml"));
	record(r, in_dir(0, names[3]), in_dir(1, "h/x.yaml"), "../h/x.yaml");
	save(r, in_dir(0, names[3]));               /* recorded, then gone */
	unlink(in_dir(0, "h/x.yaml"));
	assert_int_equal(nb_report_set_text(b, form->org_field->cell, "乙"), 0);
	save(b, in_dir(0, names[4]));
	assert_int_equal(nb_report_set_text(last, form->org_field->cell, "乙"), 0);
	save(last, in_dir(0, names[5]));            /* two of them: none */
	save(last, in_dir(0, names[6]));
	assert_non_null(fp = fopen(in_dir(0, names[7]), "w"));
	fputs("format: [\n", fp);
	fclose(fp);
	for (mine = 0; mine + 1 < n; mine++) {
		find_each_among(names, n, form, mine, how[mine]);
		find_each_among(names, n, other, mine, how[mine]);  /* read again */
	}
	nb_form_free(other);
	nb_report_free(b);
	nb_report_free(r);
	nb_report_free(last);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(the_form_says_what_is_kept_carried_and_rewritten, tu_setup, tu_teardown),
		cmocka_unit_test_setup_teardown(the_body_its_contact_and_the_subsection_titles_are_kept, tu_setup, tu_teardown),
		cmocka_unit_test_setup_teardown(everything_else_starts_unfilled, tu_setup, tu_teardown),
		cmocka_unit_test_setup_teardown(carried_out_becomes_carried_in_column_by_column, tu_setup, tu_teardown),
		cmocka_unit_test_setup_teardown(last_years_measures_start_this_years_last_year_under_the_prompt, tu_setup, tu_teardown),
		cmocka_unit_test_setup_teardown(no_measures_last_year_no_prompt, tu_setup, tu_teardown),
		cmocka_unit_test_setup_teardown(the_year_is_the_next_or_a_later_one, tu_setup, tu_teardown),
		cmocka_unit_test_setup_teardown(a_form_without_next_year_is_refused, tu_setup, tu_teardown),
		cmocka_unit_test_setup_teardown(next_years_file_name, tu_setup, tu_teardown),
		cmocka_unit_test_setup_teardown(x_previous_is_written_relative_and_read_back, make_dir, remove_dir),
		cmocka_unit_test_setup_teardown(last_year_is_the_one_given_else_the_one_recorded, make_dir, remove_dir),
		cmocka_unit_test_setup_teardown(one_of_another_format_is_not_read, make_dir, remove_dir),
		cmocka_unit_test_setup_teardown(else_the_only_one_beside_of_the_same_body_and_the_year_before, make_dir, remove_dir),
		cmocka_unit_test_setup_teardown(among_the_drafts_read_the_same_one_is_found, make_dir, remove_dir),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
