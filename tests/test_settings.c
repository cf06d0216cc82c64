/* A project's settings (src/core/settings.h): nianbao.yaml found beside a
 * draft, and the cache that reads each directory's once while its drafts
 * come one after another. */

#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "core/settings.h"
#include "testutil.h"

static char top[64];

/* top/rel as a path. */
static const char *
at(const char *rel)
{
	static char path[256];

	snprintf(path, sizeof path, "%s/%s", top, rel);
	return path;
}

static int
setup(void **state)
{
	char dir[128];

	(void)state;
	if (tu_mkdtemp(top, sizeof top, "settings") < 0)
		return -1;
	snprintf(dir, sizeof dir, "%s/a", top);
	mkdir(dir, 0700);
	snprintf(dir, sizeof dir, "%s/b", top);
	mkdir(dir, 0700);
	snprintf(dir, sizeof dir, "%s/c", top);
	mkdir(dir, 0700);
	tu_put(top, "a/nianbao.yaml", "rules:\n  t3-total: warning\n");
	tu_put(top, "b/nianbao.yaml", "rules:\n  t3-total: loud\n");
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	tu_rmtree(top);
	return 0;
}

static void
found_beside(void **state)
{
	nb_settings_t *cfg;
	nb_error_t err = { 0 };

	(void)state;
	assert_int_equal(nb_settings_find(at("a/x.yaml"), &cfg, &err), 0);
	assert_non_null(cfg);
	assert_int_equal(cfg->nrules, 1);
	assert_string_equal(cfg->rules[0].id, "t3-total");
	nb_settings_free(cfg);
	assert_int_equal(nb_settings_find(at("c/x.yaml"), &cfg, &err), 0);
	assert_null(cfg);
	assert_int_equal(nb_settings_find(at("b/x.yaml"), &cfg, &err), -1);
	assert_non_null(strstr(err.file, "b/nianbao.yaml"));
	assert_int_equal(err.line, 2);
}

/* Each directory's config as nb_settings_find has it, for drafts that
 * leave a directory and come back to it. */
static void
cached_by_directory(void **state)
{
	static const char *const drafts[] = {
		"a/1.yaml", "a/2.yaml", "c/1.yaml", "b/1.yaml", "b/2.yaml", "a/3.yaml",
		"c/2.yaml",
	};
	nb_settings_cache_t cache;
	const nb_settings_t *cfg;
	nb_error_t err;
	size_t i;
	int rc;

	(void)state;
	nb_settings_cache_init(&cache);
	for (i = 0; i < sizeof drafts / sizeof drafts[0]; i++) {
		memset(&err, 0, sizeof err);
		rc = nb_settings_cached(&cache, at(drafts[i]), &cfg, &err);
		switch (drafts[i][0]) {
		case 'a':
			assert_int_equal(rc, 0);
			assert_non_null(cfg);
			assert_int_equal(cfg->rules[0].severity, NB_SEV_WARNING);
			break;
		case 'b':       /* refused for every draft of it, with its place */
			assert_int_equal(rc, -1);
			assert_non_null(strstr(err.file, "b/nianbao.yaml"));
			assert_int_equal(err.line, 2);
			break;
		default:
			assert_int_equal(rc, 0);
			assert_null(cfg);
		}
	}
	nb_settings_cache_free(&cache);
}

/* A config changed between two runs is read anew by a new cache; within
 * one directory's run of drafts the first reading stands. */
static void
read_once_a_run(void **state)
{
	nb_settings_cache_t cache;
	const nb_settings_t *cfg;
	nb_error_t err = { 0 };

	(void)state;
	tu_put(top, "c/nianbao.yaml", "rules:\n  t3-total: off\n");
	nb_settings_cache_init(&cache);
	assert_int_equal(nb_settings_cached(&cache, at("c/1.yaml"), &cfg, &err), 0);
	assert_int_equal(cfg->rules[0].severity, NB_SETTINGS_OFF);
	tu_put(top, "c/nianbao.yaml", "rules:\n  t3-total: error\n");
	assert_int_equal(nb_settings_cached(&cache, at("c/2.yaml"), &cfg, &err), 0);
	assert_int_equal(cfg->rules[0].severity, NB_SETTINGS_OFF);
	nb_settings_cache_free(&cache);
	nb_settings_cache_init(&cache);
	assert_int_equal(nb_settings_cached(&cache, at("c/2.yaml"), &cfg, &err), 0);
	assert_int_equal(cfg->rules[0].severity, NB_SEV_ERROR);
	nb_settings_cache_free(&cache);
	remove(at("c/nianbao.yaml"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(found_beside),
		cmocka_unit_test(cached_by_directory),
		cmocka_unit_test(read_once_a_run),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
