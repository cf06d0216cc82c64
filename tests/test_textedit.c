/* The text buffer of the editor: characters, not bytes; wrapping by
 * display width; cursor moves over double-width characters. */
#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/export.h"
#include "core/text.h"
#include "core/textedit.h"

static nb_text_t
make(const char *s)
{
	nb_text_t t;

	nb_text_init(&t);
	assert_int_equal(nb_text_set(&t, s), 0);
	return t;
}

static void
assert_text(const nb_text_t *t, const char *want)
{
	char *s = nb_text_get(t);

	assert_string_equal(s, want);
	free(s);
}

/* The rows of a layout as "row|row|row". */
static void
assert_rows(const nb_text_t *t, int width, const char *want)
{
	nb_tlayout_t L = { 0 };
	char out[4096] = "";
	size_t i;

	assert_int_equal(nb_text_layout(t, width, &L), 0);
	for (i = 0; i < L.n; i++) {
		nb_text_t row;
		char *s;
		nb_text_init(&row);
		nb_text_insert(&row, t->s + L.v[i].start, L.v[i].end - L.v[i].start);
		s = nb_text_get(&row);
		if (i)
			strcat(out, "|");
		strcat(out, s);
		free(s);
		nb_text_free(&row);
		assert_true(nb_wcswidth(t->s + L.v[i].start, L.v[i].end - L.v[i].start) <= width);
	}
	assert_string_equal(out, want);
	nb_tlayout_free(&L);
}

static void
utf8_round_trip(void **state)
{
	nb_text_t t = make("中文 mixed 文字，“引号”𠀀");

	(void)state;
	assert_int_equal(t.len, 17);
	assert_int_equal(t.cur, t.len);
	assert_text(&t, "中文 mixed 文字，“引号”𠀀");
	nb_text_free(&t);
	t = make("a\xff" "b\xe4\xb8");    /* each bad byte becomes U+FFFD */
	assert_int_equal(t.len, 5);
	assert_int_equal(t.s[1], 0xfffd);
	nb_text_free(&t);
}

static void
widths(void **state)
{
	(void)state;
	assert_int_equal(nb_cp_width(L'中'), 2);
	assert_int_equal(nb_cp_width(L'，'), 2);
	assert_int_equal(nb_cp_width(L'a'), 1);
	assert_int_equal(nb_wcswidth(L"年报ab", 4), 6);
}

static void
insert_and_delete_in_mid_line(void **state)
{
	nb_text_t t = make("本年度收到申请");

	(void)state;
	t.cur = 3;
	assert_int_equal(nb_text_backspace(&t), 1);     /* 度 */
	assert_text(&t, "本年收到申请");
	assert_int_equal(t.cur, 2);
	nb_text_insert(&t, L"共", 1);
	assert_text(&t, "本年共收到申请");
	assert_int_equal(nb_text_delete(&t), 1);        /* 收 */
	assert_text(&t, "本年共到申请");
	t.cur = 0;
	assert_int_equal(nb_text_backspace(&t), 0);
	t.cur = t.len;
	assert_int_equal(nb_text_delete(&t), 0);
	nb_text_free(&t);
}

static void
wraps_chinese_by_width(void **state)
{
	nb_text_t t = make("一二三四五六七八九十");

	(void)state;
	assert_rows(&t, 8, "一二三四|五六七八|九十");
	assert_rows(&t, 9, "一二三四|五六七八|九十");   /* odd width: no half character */
	nb_text_free(&t);
}

static void
keeps_ascii_words_whole(void **state)
{
	nb_text_t t = make("hello world foo");

	(void)state;
	assert_rows(&t, 8, "hello |world |foo");
	nb_text_free(&t);
	t = make("共1234567件");
	assert_rows(&t, 6, "共|123456|7件");   /* a word longer than the row is cut */
	nb_text_free(&t);
}

static void
no_punctuation_at_line_start(void **state)
{
	nb_text_t t = make("一二三，四");

	(void)state;
	assert_rows(&t, 6, "一二|三，四");
	nb_text_free(&t);
}

static void
newlines_make_rows(void **state)
{
	nb_text_t t = make("甲\n\n乙");

	(void)state;
	assert_rows(&t, 10, "甲||乙");
	nb_text_free(&t);
	t = make("");
	assert_rows(&t, 10, "");
	nb_text_free(&t);
}

static void
vertical_moves_keep_the_column(void **state)
{
	nb_text_t t = make("ab中文cd\n中文中文中文");
	nb_tlayout_t L = { 0 };

	(void)state;
	nb_text_layout(&t, 40, &L);
	t.cur = 4;                       /* after 中文: column 6 */
	assert_int_equal(nb_tlayout_col(&t, &L, t.cur), 6);
	assert_int_equal(nb_text_vmove(&t, &L, 1), 1);
	assert_int_equal(t.cur, 7 + 3);  /* after three characters of row 2 */
	assert_int_equal(nb_tlayout_col(&t, &L, t.cur), 6);
	t.cur = 1;                       /* column 1: inside 中 on row 2 */
	t.goal = -1;
	nb_text_vmove(&t, &L, 1);
	assert_int_equal(t.cur, 7);      /* before it, never inside */
	nb_text_vmove(&t, &L, -1);
	assert_int_equal(t.cur, 1);      /* and back to the column kept */
	assert_int_equal(nb_text_vmove(&t, &L, 5), 1);
	assert_int_equal(t.cur, t.len);  /* past the end: to the end */
	nb_tlayout_free(&L);
	nb_text_free(&t);
}

static void
home_and_end_of_wrapped_rows(void **state)
{
	nb_text_t t = make("一二三四五六七八九十");
	nb_tlayout_t L = { 0 };

	(void)state;
	nb_text_layout(&t, 8, &L);
	t.cur = 5;
	nb_text_row_home(&t, &L);
	assert_int_equal(t.cur, 4);
	nb_text_row_end(&t, &L);
	assert_int_equal(t.cur, 7);      /* stays on the row */
	assert_int_equal(nb_tlayout_row(&L, t.cur), 1);
	nb_tlayout_free(&L);
	nb_text_free(&t);
}

static void
word_and_clause_jumps(void **state)
{
	nb_text_t t = make("第一句，第二句。end word");

	(void)state;
	t.cur = 0;
	nb_text_word_right(&t);
	assert_int_equal(t.cur, 4);      /* after ， */
	nb_text_word_right(&t);
	assert_int_equal(t.cur, 8);      /* after 。 */
	nb_text_word_right(&t);
	assert_int_equal(t.cur, 12);     /* start of "word" */
	nb_text_word_left(&t);
	assert_int_equal(t.cur, 8);
	nb_text_word_left(&t);
	assert_int_equal(t.cur, 4);
	nb_text_free(&t);
}

static void
a_long_paste_keeps_every_character_in_order(void **state)
{
	wchar_t *w = malloc(3001 * sizeof *w);
	nb_text_t t = make("前后");
	size_t i;

	(void)state;
	for (i = 0; i < 3000; i++)
		w[i] = (wchar_t)(0x4e00 + i);
	t.cur = 1;
	assert_int_equal(nb_text_insert(&t, w, 3000), 1);
	assert_int_equal(t.len, 3002);
	assert_int_equal(t.cur, 3001);
	assert_int_equal(t.s[0], L'前');
	for (i = 0; i < 3000; i++)
		assert_int_equal(t.s[i + 1], (wchar_t)(0x4e00 + i));
	assert_int_equal(t.s[3001], L'后');
	free(w);
	nb_text_free(&t);
}

/* 避头尾 the way the export keeps it: （ and “ do not end a row, 】 ％ 〉
 * do not start one. */
static void
opening_and_closing_punctuation_stay_with_their_words(void **state)
{
	nb_text_t t = make("一二三（四五");
	(void)state;
	assert_rows(&t, 8, "一二三|（四五");          /* not "一二三（" */
	nb_text_free(&t);
	t = make("一二三“四");
	assert_rows(&t, 8, "一二三|“四");
	nb_text_free(&t);
	t = make("一二三四】五");
	assert_rows(&t, 8, "一二三|四】五");
	nb_text_free(&t);
	t = make("五十一％的");
	assert_rows(&t, 6, "五十|一％的");
	nb_text_free(&t);
	t = make("一二三四〉五");
	assert_rows(&t, 8, "一二三|四〉五");
	nb_text_free(&t);
}

/* The editor's rows are the plain-text export's rows: one function. */
static void
the_editor_wraps_as_the_export_does(void **state)
{
	static const char *texts[] = {
		"本机关严格落实《中华人民共和国政府信息公开条例》（国务院令第711号），"
		"全年主动公开信息1234条，其中“政策解读”56条、【图解】7条，占比达到百分之五十％。",
		"依申请公开：收到申请12件，办结（含上年结转）11件；结转下年度1件……"
		"网址http://www.example.gov.cn/zwgk/index.html可查。",
	};
	size_t i, k;
	int width;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++)
		for (width = 4; width <= 40; width++) {
			nb_text_t t = make(texts[i]);
			nb_tlayout_t L = { 0 };
			nb_span_t lines[256];
			size_t n = nb_txt_wrap(texts[i], width, lines, 256);
			assert_int_equal(nb_text_layout(&t, width, &L), 0);
			assert_int_equal(L.n, n);
			for (k = 0; k < n; k++) {
				char *row;
				nb_text_t r;
				nb_text_init(&r);
				nb_text_insert(&r, t.s + L.v[k].start, L.v[k].end - L.v[k].start);
				row = nb_text_get(&r);
				assert_int_equal(strlen(row), lines[k].end - lines[k].start);
				assert_memory_equal(row, texts[i] + lines[k].start, strlen(row));
				free(row);
				nb_text_free(&r);
			}
			nb_tlayout_free(&L);
			nb_text_free(&t);
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(utf8_round_trip),
		cmocka_unit_test(widths),
		cmocka_unit_test(insert_and_delete_in_mid_line),
		cmocka_unit_test(wraps_chinese_by_width),
		cmocka_unit_test(keeps_ascii_words_whole),
		cmocka_unit_test(no_punctuation_at_line_start),
		cmocka_unit_test(opening_and_closing_punctuation_stay_with_their_words),
		cmocka_unit_test(the_editor_wraps_as_the_export_does),
		cmocka_unit_test(newlines_make_rows),
		cmocka_unit_test(vertical_moves_keep_the_column),
		cmocka_unit_test(home_and_end_of_wrapped_rows),
		cmocka_unit_test(word_and_clause_jumps),
		cmocka_unit_test(a_long_paste_keeps_every_character_in_order),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("textedit", tests, NULL, NULL);
}
