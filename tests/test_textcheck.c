/* Which characters a one-line field and a paragraph may hold, and where
 * the first one at fault is. */

#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "core/textcheck.h"

static nb_textcheck_t
refused(const char *s, nb_textcheck_kind_t kind)
{
	nb_textcheck_t bad = { NB_CHAR_OK, 0, 0 };

	assert_int_equal(nb_textcheck(s, strlen(s), kind, &bad), -1);
	return bad;
}

static void
one_line_refuses_line_breaks_and_tabs(void **state)
{
	nb_textcheck_t b;
	char what[64];
	(void)state;

	assert_int_equal(nb_textcheck("金寨县人民政府办公室", 30, NB_TEXTCHECK_ONE_LINE, &b), 0);
	b = refused("金寨县\n人民政府", NB_TEXTCHECK_ONE_LINE);
	assert_int_equal(b.fault, NB_CHAR_NEWLINE);
	assert_int_equal(b.off, 9);
	assert_string_equal(nb_textcheck_what(&b, what, sizeof what), "换行");
	b = refused("a\rb", NB_TEXTCHECK_ONE_LINE);
	assert_int_equal(b.fault, NB_CHAR_NEWLINE);
	b = refused("ab\xE2\x80\xA8", NB_TEXTCHECK_ONE_LINE);
	assert_int_equal(b.fault, NB_CHAR_NEWLINE);
	assert_int_equal(b.off, 2);
	assert_string_equal(nb_textcheck_what(&b, what, sizeof what), "换行符 U+2028");
	b = refused("0564\t1", NB_TEXTCHECK_ONE_LINE);
	assert_int_equal(b.fault, NB_CHAR_CONTROL);
	assert_int_equal(b.cp, '\t');
}

static void
paragraph_allows_tabs_and_line_ends_only(void **state)
{
	nb_textcheck_t b;
	char what[64];
	(void)state;

	assert_int_equal(nb_textcheck("一\t二\r\n三\n", 13, NB_TEXTCHECK_PARAGRAPH, &b), 0);
	b = refused("一\x1b[31m", NB_TEXTCHECK_PARAGRAPH);
	assert_int_equal(b.fault, NB_CHAR_CONTROL);
	assert_int_equal(b.off, 3);
	assert_string_equal(nb_textcheck_what(&b, what, sizeof what), "不可见的控制字符 U+001B");
	assert_int_equal(refused("\x7f", NB_TEXTCHECK_PARAGRAPH).fault, NB_CHAR_CONTROL);
	assert_int_equal(refused("\xC2\x9B", NB_TEXTCHECK_PARAGRAPH).fault, NB_CHAR_CONTROL);
	assert_int_equal(refused("\xC2\x85", NB_TEXTCHECK_PARAGRAPH).fault, NB_CHAR_SEPARATOR);
	assert_int_equal(refused("\xE2\x80\xA9", NB_TEXTCHECK_PARAGRAPH).fault, NB_CHAR_SEPARATOR);
	assert_int_equal(refused("\xEF\xBF\xBE", NB_TEXTCHECK_PARAGRAPH).fault, NB_CHAR_NONCHAR);
	assert_int_equal(refused("\xEF\xB7\x90", NB_TEXTCHECK_PARAGRAPH).fault, NB_CHAR_NONCHAR);
	assert_int_equal(refused("\xF4\x8F\xBF\xBF", NB_TEXTCHECK_PARAGRAPH).fault, NB_CHAR_NONCHAR);
	b = refused("ab\xFF", NB_TEXTCHECK_PARAGRAPH);
	assert_int_equal(b.fault, NB_CHAR_INVALID);
	assert_int_equal(b.cp, 0xFF);
	assert_int_equal(b.off, 2);
	/* a NUL inside the text is judged, not taken for its end */
	assert_int_equal(nb_textcheck("a\0b", 3, NB_TEXTCHECK_PARAGRAPH, &b), -1);
	assert_int_equal(b.off, 1);
	/* U+FFFD itself, ideographic space, CJK Extension B are text */
	assert_int_equal(nb_textcheck("\xEF\xBF\xBD\xE3\x80\x80\xF0\xA0\x80\x80", 10,
	                              NB_TEXTCHECK_ONE_LINE, &b), 0);
}

/* After runs of ASCII and of CJK, which pass without being decoded, a
 * fault is found at its own byte: a broken or cut sequence whose lead
 * is a CJK one, and the three-byte characters refused (a separator,
 * noncharacters, a surrogate, an overlong form). */
static void
faults_after_runs_are_found_where_they_are(void **state)
{
	static const char *const faults[] = { "\x01", "\xE4\xB8", "\xE4\x28\xAD",
	                                      "\xE4\xB8\x28", "\xE2\x80\xA8", "\x7F",
	                                      "\xEF\xBF\xBE", "\xEF\xB7\x90", "\xED\xA0\x80",
	                                      "\xE0\x80\x80" };
	char s[64];
	nb_textcheck_t b;
	size_t i, k, at;
	(void)state;

	for (i = 0; i < sizeof faults / sizeof faults[0]; i++)
		for (k = 0; k < 4; k++) {
			snprintf(s, sizeof s, "%s%s", k & 1 ? "中文" : "ab",
			         k & 2 ? "，一二" : "x y");
			at = strlen(s);
			strcat(s, faults[i]);
			strcat(s, "尾");
			b = refused(s, NB_TEXTCHECK_PARAGRAPH);
			assert_int_equal(b.off, at);
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_line_refuses_line_breaks_and_tabs),
		cmocka_unit_test(paragraph_allows_tabs_and_line_ends_only),
		cmocka_unit_test(faults_after_runs_are_found_where_they_are),
	};

	return cmocka_run_group_tests_name("textcheck", tests, NULL, NULL);
}
