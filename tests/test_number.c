#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/number.h"

static void
counts_read_plain_decimal(void **state)
{
	int64_t v = -1;
	(void)state;
	assert_int_equal(nb_count_parse("0", &v), NB_NUM_OK);
	assert_int_equal(v, 0);
	assert_int_equal(nb_count_parse("237", &v), NB_NUM_OK);
	assert_int_equal(v, 237);
	assert_int_equal(nb_count_parse("9223372036854775807", &v), NB_NUM_OK);
	assert_true(v == INT64_MAX);
}

static void
counts_refuse_everything_else(void **state)
{
	int64_t v;
	(void)state;
	assert_int_equal(nb_count_parse("", &v), NB_NUM_EMPTY);
	assert_int_equal(nb_count_parse("-1", &v), NB_NUM_NEGATIVE);
	assert_int_equal(nb_count_parse("1.5", &v), NB_NUM_FRACTION);
	assert_int_equal(nb_count_parse("1e3", &v), NB_NUM_EXPONENT);
	assert_int_equal(nb_count_parse("007", &v), NB_NUM_LEADING_ZERO);
	assert_int_equal(nb_count_parse("9223372036854775808", &v), NB_NUM_TOO_LARGE);
	assert_int_equal(nb_count_parse("99999999999999999999999", &v), NB_NUM_TOO_LARGE);
	assert_int_equal(nb_count_parse("0x10", &v), NB_NUM_NOT_NUMBER);
	assert_int_equal(nb_count_parse("十", &v), NB_NUM_NOT_NUMBER);
	assert_int_equal(nb_count_parse("1 000", &v), NB_NUM_NOT_NUMBER);
}

/* nb_count_short takes a count just when nb_count_parse takes it as is,
 * and with the same value; the rest it leaves to nb_count_parse. */
static void
short_counts_agree_with_the_parser(void **state)
{
	static const char *const cases[] = {
		"0", "7", "10", "237", "00", "007", "0123",
		"123456789012345678",          /* 18 digits: taken */
		"999999999999999999",
		"1234567890123456789",         /* 19: left to the parser */
		"9223372036854775807", "9223372036854775808",
		"12345678901234567890",        /* 20 */
		"-1", "+1", "-0", "1-", "1.5", "1e3", "1 ", " 1", "1a", "a1",
		"", "~", "十", "0x10", "１２"
	};
	int64_t v, p;
	size_t i, len;
	(void)state;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		len = strlen(cases[i]);
		v = p = -1;
		if (nb_count_short(cases[i], len, &v)) {
			assert_true(len <= 18);
			assert_int_equal(nb_count_parse(cases[i], &p), NB_NUM_OK);
			assert_true(v == p);
		} else {
			assert_true(v == -1);
			assert_true(len > 18 || nb_count_parse(cases[i], &p) != NB_NUM_OK);
		}
	}
	assert_int_equal(nb_count_short("123456789012345678", 18, &v), 1);
	assert_true(v == 123456789012345678LL);
	assert_int_equal(nb_count_short("0", 1, &v), 1);
	assert_true(v == 0);
	assert_int_equal(nb_count_short("1234567890123456789", 19, &v), 0);
	assert_int_equal(nb_count_short("05", 2, &v), 0);
	/* a NUL within the length is no digit */
	assert_int_equal(nb_count_short("1\0002", 3, &v), 0);
}

static void
amounts_keep_what_was_entered(void **state)
{
	static const char *const cases[] = {
		"0", "12.5", "12.50", "5949.088667", "0.000001", "100.000000", "3"
	};
	char out[32];
	int64_t u;
	int d;
	size_t i;
	(void)state;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(nb_amount_parse(cases[i], 6, &u, &d), NB_NUM_OK);
		nb_amount_format(u, d, out);
		assert_string_equal(out, cases[i]);
	}
	assert_int_equal(nb_amount_parse("5949.088667", 6, &u, &d), NB_NUM_OK);
	assert_true(u == 5949088667000LL);
	assert_int_equal(d, 6);
}

static void
amounts_refuse_noise(void **state)
{
	int64_t u;
	int d;
	(void)state;
	assert_int_equal(nb_amount_parse("12.5000001", 6, &u, &d), NB_NUM_TOO_PRECISE);
	assert_int_equal(nb_amount_parse("1.2e3", 6, &u, &d), NB_NUM_EXPONENT);
	assert_int_equal(nb_amount_parse("-0.5", 6, &u, &d), NB_NUM_NEGATIVE);
	assert_int_equal(nb_amount_parse("12.", 6, &u, &d), NB_NUM_NOT_NUMBER);
	assert_int_equal(nb_amount_parse(".5", 6, &u, &d), NB_NUM_NOT_NUMBER);
	assert_int_equal(nb_amount_parse("1.2.3", 6, &u, &d), NB_NUM_NOT_NUMBER);
	assert_int_equal(nb_amount_parse("01.5", 6, &u, &d), NB_NUM_LEADING_ZERO);
	assert_int_equal(nb_amount_parse("9300000000", 6, &u, &d), NB_NUM_TOO_LARGE);
	/* the largest amount that fits is accepted */
	assert_int_equal(nb_amount_parse("9223372036.854775", 6, &u, &d), NB_NUM_OK);
}

static void
every_error_has_a_message(void **state)
{
	int e;
	(void)state;
	for (e = NB_NUM_EMPTY; e <= NB_NUM_TOO_PRECISE; e++)
		assert_true(nb_numerr_text((nb_numerr_t)e)[0] != '\0');
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts_read_plain_decimal),
		cmocka_unit_test(counts_refuse_everything_else),
		cmocka_unit_test(short_counts_agree_with_the_parser),
		cmocka_unit_test(amounts_keep_what_was_entered),
		cmocka_unit_test(amounts_refuse_noise),
		cmocka_unit_test(every_error_has_a_message),
	};
	return cmocka_run_group_tests_name("number", tests, NULL, NULL);
}
