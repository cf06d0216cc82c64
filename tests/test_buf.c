#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/buf.h"

/* Whatever the room left, a formatted append is the whole text once:
 * short ones that fit, and ones longer than the room, at every length
 * around the buffer's growth. */
static void
printf_appends_whole_text_at_any_length(void **state)
{
	char want[9000], piece[4200];
	size_t n, w = 0;
	nb_buf_t b;

	(void)state;
	nb_buf_init(&b);
	for (n = 0; n < sizeof piece - 1; n += 37) {
		memset(piece, 'a' + (int)(n % 26), n);
		piece[n] = '\0';
		nb_buf_clear(&b);
		w = 0;
		nb_buf_puts(&b, "x");
		w += (size_t)snprintf(want + w, sizeof want - w, "x");
		nb_buf_printf(&b, "%s:%d:%zu|", piece, -7, n);
		w += (size_t)snprintf(want + w, sizeof want - w, "%s:%d:%zu|", piece, -7, n);
		nb_buf_printf(&b, "%s", piece);
		w += (size_t)snprintf(want + w, sizeof want - w, "%s", piece);
		assert_false(b.failed);
		assert_int_equal(b.len, w);
		assert_string_equal(b.data, want);
	}
	nb_buf_free(&b);
}

static void
printf_of_nothing_leaves_an_empty_string(void **state)
{
	nb_buf_t b;

	(void)state;
	nb_buf_init(&b);
	nb_buf_printf(&b, "%s", "");
	assert_non_null(b.data);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.data, "");
	nb_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(printf_appends_whole_text_at_any_length),
		cmocka_unit_test(printf_of_nothing_leaves_an_empty_string),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
