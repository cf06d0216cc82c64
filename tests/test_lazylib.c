/* Libraries opened when first needed (src/core/lazylib.h): the table
 * filled from the library, and the errors that name what needed it, the
 * library and what failed, for a library not there and a function it
 * lacks, every time asked. */

#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <zip.h>

#include "core/lazylib.h"
#include "core/zip_lib.h"

static void
fills_the_table(void **state)
{
	nb_error_t err = { 0 };
	const nb_zip_t *Z = nb_zip_open("x.docx", &err);

	(void)state;
	assert_non_null(Z);
	/* the very function the program is linked with, as the tests are */
	assert_ptr_equal((void *)Z->zip_close, (void *)zip_close);
	assert_string_equal(err.msg, "");
}

static struct {
	void (*missing)(void);
	void (*also)(void);
} table;

static void
says_what_is_missing(void **state)
{
	const nb_lazysym_t absent[] = { NB_LAZYSYM(table, missing) };
	const nb_lazysym_t lacking[] = { { "zip_close", (void **)&table.also },
	                                 { "nb_no_such_function", (void **)&table.missing } };
	nb_lazylib_t gone = NB_LAZYLIB("libnb-no-such-library.so.0", absent);
	nb_lazylib_t short_of = NB_LAZYLIB(NB_ZIP_SONAME, lacking);
	nb_error_t err = { 0 };
	int k;

	(void)state;
	for (k = 0; k < 2; k++) {       /* tried once, the answer kept */
		memset(&err, 0, sizeof err);
		assert_int_equal(nb_lazylib_load(&gone, "做某事需要某库", "a.pdf", &err), -1);
		assert_string_equal(err.file, "a.pdf");
		assert_non_null(strstr(err.msg, "做某事需要某库（libnb-no-such-library.so.0），它无法载入："));
		assert_non_null(strstr(err.msg, "libnb-no-such-library.so.0"));
	}
	assert_int_equal(nb_lazylib_load(&short_of, "读写需要", NULL, &err), -1);
	assert_non_null(strstr(err.msg, "里没有 nb_no_such_function"));
	assert_ptr_equal((void *)table.also, (void *)zip_close);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fills_the_table),
		cmocka_unit_test(says_what_is_missing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
