/* Many drafts read side by side (src/core/readmany.h): handed over in
 * the order of the paths whatever the number of threads, a draft that
 * cannot be read with its error, and a stop leaving nothing behind. */

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
#include "core/readmany.h"
#include "testutil.h"

#define NDRAFTS 150             /* more than NB_READ_WINDOW */

static char top[64];
static char *paths[NDRAFTS];

static int
setup(void **state)
{
	size_t i;
	FILE *f;

	(void)state;
	snprintf(top, sizeof top, "/tmp/nb-readmany-XXXXXX");
	if (!mkdtemp(top))
		return -1;
	for (i = 0; i < NDRAFTS; i++) {
		if (!(paths[i] = malloc(128)))
			return -1;
		snprintf(paths[i], 128, "%s/%03zu.yaml", top, i);
		if (!(f = fopen(paths[i], "w")))
			return -1;
		/* every seventh is malformed */
		fprintf(f, "format: gov-info-annual-report/2021\norganization: 第%zu局\n%s",
		        i, i % 7 == 3 ? "year: [1]\n" : "year: 2024\n");
		fclose(f);
	}
	return 0;
}

static int
teardown(void **state)
{
	char cmd[128];
	size_t i;

	(void)state;
	for (i = 0; i < NDRAFTS; i++)
		free(paths[i]);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", top);
	return system(cmd) == 0 ? 0 : -1;
}

typedef struct {
	nb_buf_t seen;
	size_t calls, stop_at;
} seen_t;

/* Notes "NAME ok" or "NAME error LINE" per draft. */
static int
note(const char *path, nb_report_t *rep, const nb_error_t *err, void *ctx)
{
	seen_t *S = ctx;

	S->calls++;
	if (rep)
		nb_buf_printf(&S->seen, "%s ok %s\n", path, nb_report_org(rep));
	else
		nb_buf_printf(&S->seen, "%s error %d\n", path, err->line);
	nb_report_free(rep);
	return S->stop_at && S->calls == S->stop_at ? -1 : 0;
}

static char *
read_all(unsigned threads, size_t stop_at, int want_rc)
{
	const char *dirs[] = { tu_path("forms"), NULL };
	nb_formset_t *set;
	seen_t S = { .stop_at = stop_at };

	nb_buf_init(&S.seen);
	assert_non_null(set = nb_formset_new(dirs));
	assert_int_equal(nb_read_drafts(set, paths, NDRAFTS, threads, note, &S), want_rc);
	assert_int_equal(S.calls, stop_at ? stop_at : NDRAFTS);
	nb_formset_free(set);
	return nb_buf_take(&S.seen);
}

static void
drafts_come_in_order_whatever_the_threads(void **state)
{
	char *one = read_all(1, 0, 0), *three = read_all(3, 0, 0), *any = read_all(0, 0, 0);
	char line[256];

	(void)state;
	snprintf(line, sizeof line, "%s/000.yaml ok 第0局\n%s/001.yaml ok 第1局\n"
	         "%s/002.yaml ok 第2局\n%s/003.yaml error 3\n", top, top, top, top);
	assert_memory_equal(one, line, strlen(line));
	snprintf(line, sizeof line, "%s/149.yaml ok 第149局\n", top);
	assert_string_equal(one + strlen(one) - strlen(line), line);
	assert_string_equal(three, one);
	assert_string_equal(any, one);
	free(one);
	free(three);
	free(any);
}

static void
a_stop_leaves_nothing_behind(void **state)
{
	char *seen = read_all(4, 10, -1);   /* valgrind sees what is left */

	(void)state;
	assert_non_null(strstr(seen, "/009.yaml ok"));
	assert_null(strstr(seen, "/010.yaml"));
	free(seen);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(drafts_come_in_order_whatever_the_threads),
		cmocka_unit_test(a_stop_leaves_nothing_behind),
	};

	return cmocka_run_group_tests_name("readmany", tests, setup, teardown);
}
