/* The editing session without a terminal: typing, totals, live checks,
 * undo, subsections, disputed totals, saving. */
#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>
#include <cmocka.h>

#include "core/editor.h"
#include "core/file.h"
#include "core/text.h"
#include "testutil.h"

static nb_editor_t ed;

static int
open_empty(void **state)
{
	nb_form_t *f = tu_form();

	(void)state;
	assert_int_equal(nb_ed_open(&ed, f, nb_report_new(f), "/tmp/nb-editor-test.yaml", 0), 0);
	return 0;
}

static int
open_seed(void **state)
{
	nb_form_t *f = tu_form();

	(void)state;
	assert_int_equal(nb_ed_open(&ed, f, tu_sample(f, "sample-data/jinzhai-2024.yaml"),
	                            "/tmp/nb-editor-test.yaml", 0), 0);
	return 0;
}

static int
close_ed(void **state)
{
	(void)state;
	nb_ed_close(&ed);
	unlink("/tmp/nb-editor-test.yaml");
	unlink("/tmp/nb-editor-test.yaml~");
	rmdir("/tmp/nb-editor-test.yaml~");     /* a_save_without_its_backup_says_so */
	return 0;
}

static size_t
cell(const char *path, size_t col)
{
	const nb_field_t *f = nb_form_field(ed.form, path);

	assert_non_null(f);
	return f->cell + col;
}

static void
go(const char *path, size_t col)
{
	nb_ed_goto(&ed, nb_nav_find(&ed.nav, cell(path, col), -1, 0));
}

static void
type(const char *s)
{
	size_t n, i;
	wchar_t *w = nb_utf8_decode(s, &n);

	for (i = 0; i < n; i++)
		nb_ed_type(&ed, w[i]);
	free(w);
}

static int64_t
num(const char *path, size_t col)
{
	const nb_value_t *v = &ed.rep->values[cell(path, col)];

	assert_true(v->filled);
	return v->num;
}

static size_t
errors_of(const char *rule)
{
	size_t i, n = 0;

	for (i = 0; i < ed.findings.n; i++)
		n += ed.findings.v[i].severity == NB_SEV_ERROR &&
		     !strcmp(ed.findings.v[i].rule_id, rule);
	return n;
}

static void
tab_walks_and_typing_fills(void **state)
{
	(void)state;
	assert_int_equal(nb_ed_stop(&ed)->cell, cell("organization", 0));
	type("某县政府办公室");
	nb_ed_next(&ed);
	type("2024");
	nb_ed_next(&ed);
	assert_string_equal(nb_report_str(ed.rep, "organization"), "某县政府办公室");
	assert_int_equal(num("year", 0), 2024);
	assert_true(ed.dirty);
	assert_int_equal(nb_ed_stop(&ed)->cell, cell("contact.office", 0));
	nb_ed_prev(&ed);
	assert_int_equal(nb_ed_stop(&ed)->cell, cell("year", 0));
}

static void
tab_passes_over_a_filled_title(void **state)
{
	const nb_stop_t *s;

	(void)state;
	go("overview.intro", 0);
	nb_ed_next(&ed);
	s = nb_ed_stop(&ed);
	assert_int_equal(s->kind, NB_STOP_ITEM);
	assert_int_equal(s->item, 0);
	nb_ed_next(&ed);
	assert_int_equal(nb_ed_stop(&ed)->kind, NB_STOP_ITEM);
	assert_int_equal(nb_ed_stop(&ed)->item, 1);
	nb_ed_prev(&ed);
	s = nb_ed_stop(&ed);
	assert_int_equal(s->kind, NB_STOP_TITLE);   /* Shift-Tab reaches it */
	assert_int_equal(s->item, 1);
}

static void
an_empty_title_is_a_stop(void **state)
{
	(void)state;
	go("overview.intro", 0);
	nb_ed_next(&ed);                  /* the text of the first */
	nb_ed_prev(&ed);                  /* its title */
	nb_ed_clear(&ed);
	nb_ed_prev(&ed);                  /* intro */
	nb_ed_next(&ed);
	assert_int_equal(nb_ed_stop(&ed)->kind, NB_STOP_TITLE);
}

static void
a_line_takes_no_more_than_its_max(void **state)
{
	const nb_field_t *f;
	size_t i;

	(void)state;
	f = nb_form_field(ed.form, "contact.postcode");
	assert_int_equal(f->max, 10);
	go("contact.postcode", 0);
	nb_ed_clear(&ed);
	for (i = 0; i < 10; i++)
		assert_int_equal(nb_ed_type(&ed, '1'), 1);
	assert_int_equal(nb_ed_type(&ed, '2'), 0);
	assert_true(ed.msg_error);
	assert_non_null(strstr(ed.msg, "最多 10 个字"));
	nb_ed_next(&ed);
	assert_string_equal(nb_report_str(ed.rep, "contact.postcode"), "1111111111");
	go("contact.postcode", 0);
	nb_ed_clear(&ed);
	nb_ed_paste(&ed, L"123456789012345", 15);
	assert_non_null(strstr(ed.msg, "略去其后的 5 个"));
	nb_ed_next(&ed);
	assert_string_equal(nb_report_str(ed.rep, "contact.postcode"), "1234567890");
}

/* The unfilled figures typed in (not totals) of the report. */
static size_t
unfilled_figures(void)
{
	size_t i, n = 0;

	for (i = 0; i < ed.nav.nstops; i++)
		n += ed.nav.stops[i].kind == NB_STOP_NUM && !ed.nav.stops[i].computed &&
		     !ed.rep->values[ed.nav.stops[i].cell].filled;
	return n;
}

static void
the_rest_of_a_table_is_filled_with_zeros_in_one_step(void **state)
{
	size_t all;

	(void)state;
	all = unfilled_figures();
	go("requests.new", 0);
	type("3");
	nb_ed_fill_zeros(&ed);
	assert_int_equal(ed.ask, NB_ASK_FILL_ZEROS);
	assert_non_null(strstr(ed.msg, "把本表 143 个未填写的数字格都填为 0"));
	nb_ed_answer(&ed, 1);
	assert_int_equal(num("requests.new", 0), 3);
	assert_int_equal(num("requests.new", 1), 0);
	assert_int_equal(num("requests.carried_out", 5), 0);
	assert_int_equal(unfilled_figures(), all - 144);
	assert_true(ed.dirty);
	nb_ed_fill_zeros(&ed);          /* the table is full: the whole report */
	assert_non_null(strstr(ed.msg, "把整个报告"));
	nb_ed_answer(&ed, 0);
	assert_int_equal(unfilled_figures(), all - 144);
	nb_ed_undo(&ed);                /* one step gives all 143 back */
	assert_int_equal(unfilled_figures(), all - 1);
	assert_int_equal(num("requests.new", 0), 3);
	nb_ed_redo(&ed);
	assert_int_equal(unfilled_figures(), all - 144);
	nb_ed_fill_zeros(&ed);
	nb_ed_answer(&ed, 1);
	assert_int_equal(unfilled_figures(), 0);
	nb_ed_fill_zeros(&ed);
	assert_int_equal(ed.ask, NB_ASK_NONE);
	assert_non_null(strstr(ed.msg, "没有未填写的数字格"));
}

static void
typing_over_the_year_replaces_it(void **state)
{
	(void)state;
	go("year", 0);
	type("2025");
	assert_int_equal(num("year", 0), 2025);
	nb_ed_next(&ed);
	nb_ed_prev(&ed);
	type("2026");          /* not 20252026, refused as five digits */
	assert_int_equal(num("year", 0), 2026);
	assert_false(ed.msg_error);
}

static void
numbers_only_what_the_cell_takes(void **state)
{
	(void)state;
	go("requests.new", 0);
	assert_int_equal(nb_ed_type(&ed, 'x'), 0);
	assert_true(ed.msg_error);
	assert_false(ed.rep->values[cell("requests.new", 0)].filled);
	assert_int_equal(nb_ed_type(&ed, L'５'), 1);   /* full-width digit */
	assert_int_equal(num("requests.new", 0), 5);
	go("proactive.fees", 0);
	type("12.5");
	assert_int_equal(nb_ed_type(&ed, '.'), 0);     /* one point only */
	type("00001");
	assert_int_equal(nb_ed_type(&ed, '9'), 0);     /* at most 6 decimals */
	assert_int_equal(ed.rep->values[cell("proactive.fees", 0)].decimals, 6);
	go("proactive.licensing", 0);
	assert_int_equal(nb_ed_type(&ed, '.'), 0);     /* a count has no point */
	type("007");
	assert_int_equal(num("proactive.licensing", 0), 7);
	nb_ed_clear(&ed);
	assert_false(ed.rep->values[cell("proactive.licensing", 0)].filled);
}

static void
totals_follow_every_keystroke(void **state)
{
	size_t c;

	(void)state;
	go("requests.new", 0);
	for (c = 0; c < 6; c++) {
		type("1");
		nb_ed_next(&ed);
	}
	assert_int_equal(num("requests.new", 6), 6);
	go("requests.new", 1);
	type("4");                                     /* 1 -> 4, still editing */
	assert_int_equal(num("requests.new", 6), 9);
	nb_ed_backspace(&ed);                          /* unfilled again */
	assert_false(ed.rep->values[cell("requests.new", 6)].filled);
	nb_ed_cancel(&ed);                             /* Esc: back to 1 */
	assert_int_equal(num("requests.new", 1), 1);
	assert_int_equal(num("requests.new", 6), 6);
	/* a total cannot be typed into */
	go("requests.new", 6);
	assert_int_equal(nb_ed_type(&ed, '3'), 0);
}

static void
live_checks_name_the_broken_rule(void **state)
{
	char line[1024];
	size_t c;

	(void)state;
	assert_int_equal(errors_of("t3-balance"), 0);
	go("requests.new", 0);
	type("5");
	assert_int_equal(errors_of("t3-balance"), 2);   /* 自然人 and 总计 */
	assert_int_equal(nb_ed_rule_line(&ed, line, sizeof line), 1);
	assert_string_equal(line, "表三 “自然人”列：一+二 (5+0=5) 不等于 三（七）+四 (1+0=1)");
	assert_true(ed.mark[cell("requests.total", 0)] & NB_MARK_ERROR);
	assert_int_equal(ed.sec_errors[3], 2);
	nb_ed_backspace(&ed);
	type("1");
	assert_int_equal(errors_of("t3-balance"), 0);
	assert_int_equal(ed.sec_errors[3], 0);
	assert_false(ed.mark[cell("requests.total", 0)] & NB_MARK_ERROR);
	assert_int_equal(nb_ed_rule_line(&ed, line, sizeof line), 0);
	for (c = 0; c < 7; c++)
		assert_int_equal(ed.sec_unfilled[c], 0);
}

/* A rule that holds in the current column is no sign that the report
 * adds up: the errors elsewhere are counted after it, with the request
 * that goes to them. */
static void
a_rule_that_holds_counts_the_errors_elsewhere(void **state)
{
	char line[1024];

	(void)state;
	go("requests.new", 1);
	assert_int_equal(nb_ed_rule_line(&ed, line, sizeof line), 0);
	assert_string_equal(line, "勾稽关系成立：表三 一 行：总计 1 等于各类申请人之和 1+0+0+0+0+0=1");
	go("requests.new", 0);
	type("5");
	go("requests.new", 1);
	assert_int_equal(nb_ed_rule_line(&ed, line, sizeof line), 0);
	assert_string_equal(line, "勾稽关系成立：表三 一 行：总计 5 等于各类申请人之和 "
	                    "5+0+0+0+0+0=5；其他 2 个问题：{next_problem}");
}

static void
next_problem_goes_to_the_cell(void **state)
{
	(void)state;
	go("requests.carried_in", 3);
	type("2");
	go("organization", 0);
	nb_ed_next_problem(&ed);
	assert_int_equal(nb_ed_section(&ed), 3);
	assert_true(ed.mark[nb_ed_stop(&ed)->cell] & NB_MARK_ERROR);
	assert_true(ed.msg_error);
}

static int
open_content(void **state)
{
	nb_form_t *f = tu_form();

	(void)state;
	assert_int_equal(nb_ed_open(&ed, f, tu_sample(f, "sample-data/jinzhai-2024-content.yaml"),
	                            "/tmp/nb-editor-test.yaml", 0), 0);
	return 0;
}

/* The planted faults of the content sample: the period of the opening
 * paragraph, then the count of 依申请公开. */
static void
sentences_are_marked_and_reached(void **state)
{
	static const char period[] = "本报告依据《中华人民共和国政府信息公开条例》"
		"（国务院令第711号）《关于做好2024年度政府信息公开年度报告编制和发布的工作"
		"提示》等要求编制而成。";
	nb_mark_span_t m[4];
	char line[512];
	size_t applied = nb_nav_find(&ed.nav, cell("overview.items", 0), 1, 0), n = 0, i;

	(void)state;
	assert_int_equal(nb_ed_text_marks(&ed, applied, m, 4), 1);
	assert_int_equal(m[0].start, 0);
	assert_int_equal(m[0].severity, NB_SEV_WARNING);
	assert_true(ed.mark[cell("overview.items", 0)] & NB_MARK_WARNING);
	go("organization", 0);
	nb_ed_next_problem(&ed);
	assert_int_equal(nb_ed_stop(&ed)->cell, cell("preamble", 0));
	for (i = 0; period[i]; i++)
		n += ((unsigned char)period[i] & 0xC0) != 0x80;
	assert_int_equal(ed.buf.cur, n);      /* at the start of its sentence */
	assert_string_equal(ed.msg, "统计期限写的是 2023 年，而本报告是 2024 年度的");
	assert_int_equal(nb_ed_rule_line(&ed, line, sizeof line), 1);
	assert_string_equal(line, "统计期限写的是 2023 年，而本报告是 2024 年度的");
	nb_ed_next_problem(&ed);
	assert_int_equal(nb_ed_stop(&ed)->item, 1);
	assert_int_equal(ed.buf.cur, 0);
	nb_ed_replace_text(&ed, "2024年共受理依申请公开线上申请1件，线下申请0件。");
	assert_int_equal(nb_ed_text_marks(&ed, ed.cur, m, 4), 0);
	assert_int_equal(nb_ed_rule_line(&ed, line, sizeof line), -1);
}

/* 6 new requests from 自然人, one made public, and the 5 not made public
 * typed under 商业企业: that cell is marked apart from the others of the
 * two columns, the status line says so there and in the columns, and
 * Ctrl-G goes to it before the rules it breaks. */
static void
a_figure_in_the_wrong_column_stands_out(void **state)
{
	size_t likely = cell("requests.withheld.state_secret", 1);
	char line[1024];

	(void)state;
	go("requests.new", 0);
	type("6");
	go("requests.withheld.state_secret", 1);
	type("5");
	nb_ed_next(&ed);
	assert_int_equal(errors_of("t3-balance"), 2);
	assert_true(ed.mark[likely] & NB_MARK_LIKELY);
	assert_false(ed.mark[cell("requests.new", 0)] & NB_MARK_ERROR);
	assert_true(ed.mark[cell("requests.new", 0)] & NB_MARK_EXPLAINED);
	assert_true(ed.mark[cell("requests.total", 1)] & NB_MARK_EXPLAINED);
	assert_int_equal(ed.mark[cell("requests.new", 2)], 0);
	assert_int_equal(ed.sec_errors[3], 2);        /* still two broken rules */
	go("requests.carried_out", 0);
	assert_int_equal(nb_ed_rule_line(&ed, line, sizeof line), 1);
	assert_string_equal(line, "可能填错了列：三（三）1 “商业企业”列的 5 也许应在“自然人”列");
	go("requests.carried_out", 2);
	assert_int_equal(nb_ed_rule_line(&ed, line, sizeof line), 0);
	go("organization", 0);
	nb_ed_next_problem(&ed);
	assert_int_equal(nb_ed_stop(&ed)->cell, likely);
	assert_true(ed.msg_error);
	assert_string_equal(ed.msg, "可能填错了列：三（三）1 “商业企业”列的 5 也许应在“自然人”列");
	nb_ed_next_problem(&ed);                        /* nothing else to see */
	assert_int_equal(nb_ed_stop(&ed)->cell, likely);
	/* moved where it belongs, every mark goes */
	nb_ed_clear(&ed);
	type("0");
	go("requests.withheld.state_secret", 0);
	type("5");
	nb_ed_next(&ed);
	/* but the narrative's count of requests (1) against the 6 typed */
	assert_int_equal(ed.findings.n, 1);
	assert_string_equal(ed.findings.v[0].rule_id, "text-requests-received-by-channel");
	assert_int_equal(ed.mark[likely], 0);
	assert_null(nb_ed_misplaced(&ed, cell("requests.new", 0)));
}

/* The same in a draft whose totals disagree: Ctrl-G goes to the 1 in
 * 其他, not to the totals, and 三（七） does not invite taking the
 * computed total there. */
static void
a_misplaced_figure_comes_before_the_totals_it_breaks(void **state)
{
	nb_form_t *f = tu_form();
	char line[1024];

	(void)state;
	nb_ed_close(&ed);
	assert_int_equal(nb_ed_open(&ed, f, tu_sample(f, "sample-data/jinzhai-2024-errors.yaml"),
	                            "/tmp/nb-editor-test.yaml", 0), 0);
	nb_ed_next_problem(&ed);
	assert_int_equal(nb_ed_stop(&ed)->cell, cell("requests.public", 5));
	nb_ed_next_problem(&ed);                        /* then the rest */
	assert_int_equal(nb_ed_stop(&ed)->cell, cell("review.litigation_direct.total", 0));
	nb_ed_next_problem(&ed);
	assert_int_equal(nb_ed_stop(&ed)->cell, cell("requests.public", 5));
	assert_true(ed.mismatch[cell("requests.total", 0)]);
	assert_non_null(nb_ed_misplaced(&ed, cell("requests.total", 0)));
	go("requests.total", 0);
	assert_int_equal(nb_ed_rule_line(&ed, line, sizeof line), 1);
	assert_string_equal(line, "可能填错了列：三（一） “其他”列的 1 也许应在“自然人”列");
}

static void
a_disputed_total_waits_to_be_accepted(void **state)
{
	nb_form_t *f = tu_form();
	nb_report_t *r = tu_sample(f, "sample-data/jinzhai-2024.yaml");
	char text[64];

	(void)state;
	nb_ed_close(&ed);
	nb_report_set_num(r, nb_form_field(f, "requests.new")->cell + 6, 4, 0);
	assert_int_equal(nb_ed_open(&ed, f, r, "/tmp/nb-editor-test.yaml", 0), 0);
	assert_int_equal(num("requests.new", 6), 4);          /* kept as read */
	nb_ed_cell_text(&ed, cell("requests.new", 6), text, sizeof text);
	assert_string_equal(text, "4(1)");                     /* both shown */
	assert_int_equal(errors_of("t3-row-total"), 1);
	go("requests.new", 6);
	nb_ed_enter(&ed);                                      /* accept */
	assert_int_equal(num("requests.new", 6), 1);
	assert_int_equal(errors_of("t3-row-total"), 0);
	nb_ed_undo(&ed);
	assert_int_equal(num("requests.new", 6), 4);
}

static void
undo_a_hundred_steps(void **state)
{
	int i;

	(void)state;
	go("requests.withheld.state_secret", 0);
	for (i = 0; i < 120; i++) {
		nb_ed_clear(&ed);
		type(i % 2 ? "3" : "7");
		nb_ed_next(&ed);
		nb_ed_prev(&ed);
	}
	assert_int_equal(num("requests.withheld.state_secret", 0), 3);
	for (i = 0; i < 119; i++)
		nb_ed_undo(&ed);
	assert_int_equal(num("requests.withheld.state_secret", 0), 7);
	nb_ed_undo(&ed);
	assert_false(ed.rep->values[cell("requests.withheld.state_secret", 0)].filled);
}

static void
subsections_added_renamed_removed(void **state)
{
	size_t items = cell("overview.items", 0);

	(void)state;
	nb_ed_goto(&ed, nb_nav_find(&ed.nav, items, 1, 0));
	nb_ed_add_item(&ed);
	assert_int_equal(ed.rep->values[items].nitems, 6);
	assert_int_equal(nb_ed_stop(&ed)->kind, NB_STOP_TITLE);
	assert_int_equal(nb_ed_stop(&ed)->item, 2);
	/* the title typed replaces the 新分项 it starts with */
	type("疫情防控信息公开");
	nb_ed_next(&ed);
	type("第一行\n第二行");
	nb_ed_next(&ed);
	assert_string_equal(ed.rep->values[items].items[2].title, "疫情防控信息公开");
	assert_string_equal(ed.rep->values[items].items[2].text, "第一行\n第二行\n");
	nb_ed_goto(&ed, nb_nav_find(&ed.nav, items, 2, 1));
	nb_ed_remove_item(&ed);
	assert_int_equal(ed.ask, NB_ASK_REMOVE_ITEM);
	nb_ed_answer(&ed, 1);
	assert_int_equal(ed.rep->values[items].nitems, 5);
	nb_ed_undo(&ed);
	assert_int_equal(ed.rep->values[items].nitems, 6);
}

static void
save_and_reopen_give_the_same_report(void **state)
{
	nb_report_t *back = NULL;
	nb_error_t err = { 0 };

	(void)state;
	go("other_matters", 0);
	nb_ed_clear(&ed);
	type("本年度未收取信息处理费。\n第二段，含 ASCII text 和数字 123。");
	go("proactive.fees", 0);
	type("5949.088667");
	assert_int_equal(nb_ed_save(&ed), 0);
	assert_false(ed.dirty);
	assert_int_equal(nb_draft_load(ed.form, "/tmp/nb-editor-test.yaml", &back, &err), 0);
	assert_true(nb_report_equal(ed.rep, back));
	nb_report_free(back);
}

static void
a_save_without_its_backup_says_so(void **state)
{
	(void)state;
	assert_int_equal(nb_ed_save(&ed), 0);
	assert_int_equal(mkdir("/tmp/nb-editor-test.yaml~", 0700), 0);
	go("contact.office", 0);
	type("办公室");
	assert_int_equal(nb_ed_save(&ed), 0);
	assert_false(ed.dirty);
	assert_true(ed.msg_error);
	assert_non_null(strstr(ed.msg, "已保存；但无法建立备份文件 /tmp/nb-editor-test.yaml~"));
}

static void
quitting_asks_when_unsaved(void **state)
{
	(void)state;
	go("contact.office", 0);
	type("办公室");
	nb_ed_quit(&ed);
	assert_false(ed.done);
	assert_int_equal(ed.ask, NB_ASK_QUIT);
	nb_ed_answer(&ed, -1);                  /* Esc: stay */
	assert_false(ed.done);
	nb_ed_quit(&ed);
	nb_ed_answer(&ed, 0);                   /* N: leave without saving */
	assert_true(ed.done);
	assert_int_equal(access("/tmp/nb-editor-test.yaml", F_OK), -1);
}

static void
paragraph_cursor_over_wide_characters(void **state)
{
	(void)state;
	go("other_matters", 0);
	nb_ed_clear(&ed);
	nb_ed_set_width(&ed, 10);
	type("一二三四五六七八九十甲乙");        /* rows of five */
	nb_ed_move(&ed, NB_MV_UP, 1);
	assert_int_equal(ed.buf.cur, 7);        /* row 2 of 3, same column */
	nb_ed_move(&ed, NB_MV_LEFT, 1);
	nb_ed_backspace(&ed);                   /* 六 */
	assert_string_equal(ed.rep->values[cell("other_matters", 0)].text,
	                    "一二三四五七八九十甲乙\n");
}

static void
unsaved_edits_kept_and_changes_on_disk_noticed(void **state)
{
	FILE *f;

	(void)state;
	assert_int_equal(nb_ed_save(&ed), 0);
	go("contact.office", 0);
	type("甲");
	nb_ed_keep(&ed, 1000, 5);
	assert_int_equal(access("/tmp/.nb-editor-test.yaml.recover", F_OK), 0);
	type("乙");
	nb_ed_keep(&ed, 1002, 5);                /* too soon: not again */
	assert_int_equal(ed.kept_at, 1000);
	f = fopen("/tmp/nb-editor-test.yaml", "a");   /* someone else writes */
	assert_non_null(f);
	fputs("# changed\n", f);
	fclose(f);
	assert_int_equal(nb_ed_save(&ed), -1);
	assert_int_equal(ed.ask, NB_ASK_OVERWRITE);
	nb_ed_answer(&ed, 1);
	assert_false(ed.dirty);
	assert_int_equal(access("/tmp/.nb-editor-test.yaml.recover", F_OK), -1);
	assert_int_equal(nb_ed_save(&ed), 0);   /* our own save is no change */
	/* quitting without saving removes the recovery file for good: the
	 * keep that follows the answer must not write it again */
	type("丙");
	nb_ed_quit(&ed);
	nb_ed_answer(&ed, 0);
	assert_true(ed.done);
	nb_ed_keep(&ed, 5000, 5);
	assert_int_equal(access("/tmp/.nb-editor-test.yaml.recover", F_OK), -1);
	ed.done = 0;
}

static void
a_recovery_file_that_cannot_be_written_is_said(void **state)
{
	const char *rec = "/tmp/.nb-editor-test.yaml.recover";

	(void)state;
	unlink(rec);
	assert_int_equal(mkdir(rec, 0700), 0);  /* a directory in its place */
	go("contact.office", 0);
	type("甲");
	nb_ed_keep(&ed, 1000, 5);
	assert_true(ed.keep_error[0] != '\0');
	assert_non_null(strstr(ed.msg, "无法写入恢复文件"));
	assert_true(ed.msg_error);
	type("乙");
	ed.msg[0] = '\0';
	nb_ed_keep(&ed, 1002, 5);                /* too soon to try again */
	nb_ed_keep(&ed, 1010, 5);                /* the same reason: said once */
	assert_string_equal(ed.msg, "");
	assert_true(ed.keep_error[0] != '\0');
	assert_int_equal(rmdir(rec), 0);
	nb_ed_keep(&ed, 1020, 5);
	assert_string_equal(ed.keep_error, "");
	assert_string_equal(ed.msg, "恢复文件又能写入了");
	assert_int_equal(ed.kept, ed.changes);
	assert_int_equal(unlink(rec), 0);
}

static void
numbers_pasted_from_a_spreadsheet(void **state)
{
	const wchar_t *block = L"1\t2\t0\t0\t0\t0\t3\r\n1,000\t0\t0\t0\t0\t1\t1001\n";

	(void)state;
	go("requests.new", 0);
	assert_int_equal(nb_ed_paste(&ed, block, wcslen(block)), 1);
	assert_int_equal(num("requests.new", 0), 1);
	assert_int_equal(num("requests.new", 1), 2);
	assert_int_equal(num("requests.new", 5), 0);
	assert_int_equal(num("requests.new", 6), 3);        /* computed, not pasted */
	assert_int_equal(num("requests.carried_in", 0), 1000);
	assert_int_equal(num("requests.carried_in", 5), 1);
	assert_int_equal(num("requests.carried_in", 6), 1001);
	assert_int_equal(nb_ed_stop(&ed)->cell, cell("requests.public", 0));
}

static const char *
text_of(const char *path)
{
	const char *t = ed.rep->values[cell(path, 0)].text;

	return t ? t : "";
}

static void
esc_in_a_paragraph_keeps_the_text(void **state)
{
	size_t at;

	(void)state;
	go("preamble", 0);
	at = ed.cur;
	type("输入法用户习惯按 Esc。");
	nb_ed_cancel(&ed);
	assert_string_equal(text_of("preamble"), "输入法用户习惯按 Esc。\n");
	assert_int_not_equal(ed.cur, at);              /* left, as Tab does */
	nb_ed_goto(&ed, at);
	nb_ed_move(&ed, NB_MV_BOTTOM, 1);
	type("再写一句。");
	nb_ed_cancel(&ed);
	assert_string_equal(text_of("preamble"), "输入法用户习惯按 Esc。再写一句。\n");
	nb_ed_undo(&ed);                               /* one step per visit */
	assert_string_equal(text_of("preamble"), "输入法用户习惯按 Esc。\n");
}

static void
esc_in_a_number_is_an_undo_step(void **state)
{
	(void)state;
	go("requests.new", 0);
	type("42");
	nb_ed_cancel(&ed);
	assert_int_equal(num("requests.new", 0), 1);   /* back to the seed's */
	assert_int_equal(num("requests.new", 6), 1);
	nb_ed_undo(&ed);                               /* the typing comes back */
	assert_int_equal(num("requests.new", 0), 42);
	assert_int_equal(num("requests.new", 6), 42);
	nb_ed_undo(&ed);
	assert_int_equal(num("requests.new", 0), 1);
	nb_ed_redo(&ed);
	nb_ed_redo(&ed);
	assert_int_equal(num("requests.new", 0), 1);   /* the Esc done again */
	nb_ed_redo(&ed);
	assert_true(ed.msg_error);
	assert_string_equal(ed.msg, "没有可以重做的修改");
}

static void
one_paste_is_one_undo_step(void **state)
{
	const wchar_t *block = L"1\t2\t3\t4\t5\t6\n7\t8\n";
	size_t c;

	(void)state;
	go("requests.new", 0);
	type("9");
	nb_ed_next(&ed);
	assert_int_equal(nb_ed_paste(&ed, block, wcslen(block)), 1);
	assert_int_equal(num("requests.new", 1), 1);
	assert_int_equal(num("requests.carried_in", 2), 8);
	nb_ed_undo(&ed);
	for (c = 1; c < 6; c++)
		assert_false(ed.rep->values[cell("requests.new", c)].filled);
	assert_false(ed.rep->values[cell("requests.carried_in", 1)].filled);
	assert_false(ed.rep->values[cell("requests.carried_in", 2)].filled);
	assert_int_equal(num("requests.new", 0), 9);   /* the typing before stays */
	assert_false(ed.rep->values[cell("requests.new", 6)].filled);
	nb_ed_redo(&ed);
	assert_int_equal(num("requests.new", 5), 5);
	assert_int_equal(num("requests.carried_in", 2), 8);
	assert_int_equal(num("requests.new", 6), 24);
}

static void
undo_brings_back_a_total_kept_from_the_file(void **state)
{
	nb_form_t *f = tu_form();
	nb_report_t *r = tu_sample(f, "sample-data/jinzhai-2024.yaml");
	char text[64];

	(void)state;
	nb_ed_close(&ed);
	nb_report_set_num(r, nb_form_field(f, "requests.new")->cell + 6, 4, 0);
	assert_int_equal(nb_ed_open(&ed, f, r, "/tmp/nb-editor-test.yaml", 0), 0);
	go("requests.new", 0);
	type("4");                      /* 4 = the file's total: it agrees */
	assert_false(ed.mismatch[cell("requests.new", 6)]);
	type("0");                      /* 40: the total follows the cells */
	assert_int_equal(num("requests.new", 6), 40);
	nb_ed_next(&ed);
	nb_ed_undo(&ed);
	assert_int_equal(num("requests.new", 0), 1);
	assert_int_equal(num("requests.new", 6), 4);   /* the file's, disputed */
	assert_true(ed.mismatch[cell("requests.new", 6)]);
	nb_ed_cell_text(&ed, cell("requests.new", 6), text, sizeof text);
	assert_string_equal(text, "4(1)");
	nb_ed_redo(&ed);
	assert_int_equal(num("requests.new", 6), 40);
	assert_false(ed.mismatch[cell("requests.new", 6)]);
	nb_ed_undo(&ed);
	go("requests.new", 6);
	nb_ed_enter(&ed);                              /* accepted */
	assert_int_equal(num("requests.new", 6), 1);
	nb_ed_undo(&ed);
	assert_int_equal(num("requests.new", 6), 4);
	assert_true(ed.mismatch[cell("requests.new", 6)]);
}

static void
no_undo_step_is_a_no_op(void **state)
{
	size_t n;

	(void)state;
	nb_ed_undo(&ed);
	assert_true(ed.msg_error);
	assert_string_equal(ed.msg, "没有可以撤销的修改");
	go("requests.new", 0);
	type("3");
	nb_ed_next(&ed);
	n = ed.nundo;
	go("requests.new", 2);
	type("5");
	nb_ed_backspace(&ed);                          /* typed and taken back */
	nb_ed_next(&ed);
	go("organization", 0);
	type("x");
	nb_ed_backspace(&ed);
	nb_ed_cancel(&ed);
	assert_int_equal(ed.nundo, n);
	nb_ed_undo(&ed);                               /* straight to the 3 */
	assert_false(ed.rep->values[cell("requests.new", 0)].filled);
	assert_false(ed.msg_error);
	assert_non_null(strstr(ed.msg, "已撤销："));
}

/* The editor refuses what `check` would refuse in a draft. */
static void
one_line_fields_refuse_line_breaks(void **state)
{
	const wchar_t *paste = L"甲\n乙\u2028丙\x01丁";

	(void)state;
	go("organization", 0);
	assert_int_equal(nb_ed_type(&ed, '\n'), 0);
	assert_non_null(strstr(ed.msg, "换行"));
	assert_non_null(strstr(ed.msg, "只能是一行文字"));
	assert_int_equal(nb_ed_type(&ed, 0x2028), 0);
	assert_int_equal(nb_ed_type(&ed, 0x85), 0);
	assert_int_equal(nb_ed_type(&ed, 0xFFFE), 0);
	assert_int_equal(nb_ed_paste(&ed, paste, wcslen(paste)), 1);
	assert_non_null(strstr(ed.msg, "略去 1 个"));
	nb_ed_next(&ed);
	assert_string_equal(text_of("organization"), "甲 乙 丙丁");
	go("preamble", 0);
	assert_int_equal(nb_ed_type(&ed, 0x2029), 0);   /* not as a line end */
	assert_int_equal(nb_ed_type(&ed, '\n'), 1);
	assert_int_equal(nb_ed_paste(&ed, paste, wcslen(paste)), 1);
	nb_ed_next(&ed);
	assert_string_equal(text_of("preamble"), "\n甲\n乙\n丙丁\n");
}

/* Reading the draft again starts afresh on the same form and path. */
static void
reload_starts_again_on_the_draft_read(void **state)
{
	nb_error_t err = { 0 };
	const nb_form_t *f = ed.form;
	char *rec = nb_recovery_path(ed.path);

	(void)state;
	go("requests.new", 0);
	type("7");
	nb_ed_next(&ed);
	assert_int_equal(nb_recovery_write(ed.rep, ed.path, &err), 0);
	assert_int_equal(access(rec, F_OK), 0);
	ed.readonly = 0;
	assert_int_equal(nb_ed_reload(&ed, tu_sample(f, "sample-data/jinzhai-2024.yaml")), 0);
	assert_ptr_equal(ed.form, f);
	assert_string_equal(ed.path, "/tmp/nb-editor-test.yaml");
	assert_int_equal(num("requests.new", 0), 1);
	assert_false(ed.dirty);
	assert_int_equal(ed.nundo, 0);
	assert_int_not_equal(access(rec, F_OK), 0);    /* the edits are given up */
	free(rec);
}

/* A lent form is the caller's: the sessions on it, reloaded too, leave
 * it for the next one (and the memory checkers find it freed once). */
static void
a_lent_form_outlives_its_sessions(void **state)
{
	nb_form_t *f = tu_form();
	int round;

	(void)state;
	for (round = 0; round < 2; round++) {
		nb_ed_close(&ed);
		assert_int_equal(nb_ed_open_lent(&ed, f, tu_sample(f, "sample-data/jinzhai-2024.yaml"),
		                                 "/tmp/nb-editor-test.yaml", NB_ED_READONLY), 0);
		assert_ptr_equal(ed.form, f);
		assert_null(ed.own_form);
		assert_int_equal(nb_ed_reload(&ed, tu_sample(f, "sample-data/jinzhai-2024.yaml")), 0);
		assert_ptr_equal(ed.form, f);
		assert_null(ed.own_form);
		assert_int_equal(num("requests.new", 0), 1);
	}
	nb_ed_close(&ed);
	nb_form_free(f);
}

/* Read-only and recovered are how a draft is opened, not fields the screen
 * writes afterwards. */
static void
open_flags_say_how_it_was_opened(void **state)
{
	nb_form_t *f = tu_form();

	(void)state;
	nb_ed_close(&ed);
	assert_int_equal(nb_ed_open(&ed, f, tu_sample(f, "sample-data/jinzhai-2024.yaml"),
	                            "/tmp/nb-editor-test.yaml",
	                            NB_ED_READONLY | NB_ED_RECOVERED), 0);
	assert_true(ed.readonly);
	assert_true(ed.dirty);                    /* recovered edits to save */
	assert_int_equal(nb_ed_save(&ed), -1);    /* but not here */
	assert_true(ed.msg_error);
}

/* Last year's seed with one request carried over for 自然人. */
static nb_report_t *
last_year(void)
{
	nb_report_t *prev = tu_sample(ed.form, "sample-data/jinzhai-2024.yaml");

	nb_report_set_num(prev, cell("requests.carried_out", 0), 1, 0);
	nb_report_set_num(prev, cell("requests.carried_out", 6), 1, 0);
	return prev;
}

static void
cross_year_rules_are_judged_with_last_years_report(void **state)
{
	char line[1024];
	unsigned long changes = ed.changes;

	(void)state;
	assert_int_equal(errors_of("carry-over"), 0);
	go("requests.carried_in", 0);
	assert_int_equal(nb_ed_rule_line(&ed, line, sizeof line), 0);
	assert_null(strstr(line, "上年报告"));
	assert_int_equal(nb_ed_set_previous(&ed, last_year(), "上年.yaml"), 0);
	assert_string_equal(ed.prev_name, "上年.yaml");
	assert_int_equal(errors_of("carry-over"), 2);      /* 自然人 and 总计 */
	assert_true(ed.mark[cell("requests.carried_in", 0)] & NB_MARK_ERROR);
	assert_false(ed.mark[cell("requests.carried_out", 0)] & NB_MARK_ERROR);
	assert_int_equal(ed.sec_errors[3], 2);
	assert_int_equal(nb_ed_rule_line(&ed, line, sizeof line), 1);
	assert_string_equal(line, "表三 “自然人”列：二、上年结转 0 不等于上年报告的 "
	                    "四、结转下年度继续办理 1");
	assert_false(ed.dirty);
	assert_int_equal(ed.kept, ed.changes);  /* judging again is no edit */
	assert_true(ed.changes > changes);
	type("1");
	assert_int_equal(errors_of("carry-over"), 0);
	assert_int_equal(errors_of("t3-balance"), 2);
}

static void
last_year_of_another_format_is_refused(void **state)
{
	static const char from[] = "format: gov-info-annual-report/2021\nname:";
	nb_error_t err = { 0 };
	nb_form_t *other;
	char *text, *at;
	size_t len;

	(void)state;
	assert_int_equal(nb_file_read(tu_path("forms/gov-info-annual-report-2021.yaml"),
	                              1 << 20, &text, &len, &err), 0);
	assert_non_null(at = strstr(text, from));
	memcpy(at, "format: gov-info-annual-report/2099", sizeof from - 7);
	assert_int_equal(nb_form_parse("other.yaml", text, len, &other, &err), 0);
	free(text);
	assert_int_equal(nb_ed_set_previous(&ed, nb_report_new(other), "旧.yaml"), -1);
	assert_null(ed.prev);
	assert_null(ed.prev_name);
	assert_true(ed.msg_error);
	assert_string_equal(ed.msg, "上年报告 旧.yaml 的格式是“gov-info-annual-report/2099”，与本草稿的"
	                    "“gov-info-annual-report/2021”不同，不能逐格核对；跨年度的勾稽关系没有核对");
	nb_form_free(other);
}

static void
reload_keeps_last_years_report(void **state)
{
	(void)state;
	assert_int_equal(nb_ed_set_previous(&ed, last_year(), "上年.yaml"), 0);
	ed.readonly = 1;                /* no recovery file to give up */
	assert_int_equal(nb_ed_reload(&ed, tu_sample(ed.form, "sample-data/jinzhai-2024.yaml")), 0);
	assert_non_null(ed.prev);
	assert_string_equal(ed.prev_name, "上年.yaml");
	assert_int_equal(errors_of("carry-over"), 2);
	assert_int_equal(ed.kept, ed.changes);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(tab_walks_and_typing_fills, open_empty, close_ed),
		cmocka_unit_test_setup_teardown(typing_over_the_year_replaces_it, open_seed, close_ed),
		cmocka_unit_test_setup_teardown(tab_passes_over_a_filled_title, open_seed, close_ed),
		cmocka_unit_test_setup_teardown(the_rest_of_a_table_is_filled_with_zeros_in_one_step, open_empty, close_ed),
		cmocka_unit_test_setup_teardown(an_empty_title_is_a_stop, open_seed, close_ed),
		cmocka_unit_test_setup_teardown(a_line_takes_no_more_than_its_max, open_seed, close_ed),
		cmocka_unit_test_setup_teardown(numbers_only_what_the_cell_takes, open_empty, close_ed),
		cmocka_unit_test_setup_teardown(totals_follow_every_keystroke, open_empty, close_ed),
		cmocka_unit_test_setup_teardown(live_checks_name_the_broken_rule, open_seed, close_ed),
		cmocka_unit_test_setup_teardown(next_problem_goes_to_the_cell, open_seed, close_ed),
		cmocka_unit_test_setup_teardown(sentences_are_marked_and_reached, open_content, close_ed),
		cmocka_unit_test_setup_teardown(a_figure_in_the_wrong_column_stands_out, open_seed, close_ed),
		cmocka_unit_test_setup_teardown(a_misplaced_figure_comes_before_the_totals_it_breaks, open_seed, close_ed),
		cmocka_unit_test_setup_teardown(a_disputed_total_waits_to_be_accepted, open_seed, close_ed),
		cmocka_unit_test_setup_teardown(undo_a_hundred_steps, open_empty, close_ed),
		cmocka_unit_test_setup_teardown(subsections_added_renamed_removed, open_empty, close_ed),
		cmocka_unit_test_setup_teardown(save_and_reopen_give_the_same_report, open_seed, close_ed),
		cmocka_unit_test_setup_teardown(a_save_without_its_backup_says_so, open_seed, close_ed),
		cmocka_unit_test_setup_teardown(quitting_asks_when_unsaved, open_empty, close_ed),
		cmocka_unit_test_setup_teardown(paragraph_cursor_over_wide_characters, open_empty, close_ed),
		cmocka_unit_test_setup_teardown(unsaved_edits_kept_and_changes_on_disk_noticed, open_seed, close_ed),
		cmocka_unit_test_setup_teardown(numbers_pasted_from_a_spreadsheet, open_empty, close_ed),
		cmocka_unit_test_setup_teardown(esc_in_a_paragraph_keeps_the_text, open_empty, close_ed),
		cmocka_unit_test_setup_teardown(esc_in_a_number_is_an_undo_step, open_seed, close_ed),
		cmocka_unit_test_setup_teardown(one_paste_is_one_undo_step, open_empty, close_ed),
		cmocka_unit_test_setup_teardown(undo_brings_back_a_total_kept_from_the_file, open_seed, close_ed),
		cmocka_unit_test_setup_teardown(no_undo_step_is_a_no_op, open_empty, close_ed),
		cmocka_unit_test_setup_teardown(one_line_fields_refuse_line_breaks, open_empty, close_ed),
		cmocka_unit_test_setup_teardown(reload_starts_again_on_the_draft_read, open_seed, close_ed),
		cmocka_unit_test_setup_teardown(open_flags_say_how_it_was_opened, open_seed, close_ed),
		cmocka_unit_test_setup_teardown(cross_year_rules_are_judged_with_last_years_report, open_seed, close_ed),
		cmocka_unit_test_setup_teardown(last_year_of_another_format_is_refused, open_seed, close_ed),
		cmocka_unit_test_setup_teardown(reload_keeps_last_years_report, open_seed, close_ed),
		cmocka_unit_test_setup_teardown(a_lent_form_outlives_its_sessions, open_seed, close_ed),
		cmocka_unit_test_setup_teardown(a_recovery_file_that_cannot_be_written_is_said, open_seed, close_ed),
		cmocka_unit_test_setup_teardown(a_rule_that_holds_counts_the_errors_elsewhere, open_seed, close_ed),
	};

	(void)form;             /* testutil's shared form: each test loads its own */
	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("editor", tests, NULL, NULL);
}
