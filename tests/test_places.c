/* Where drafts were left (src/core/places.h): the file found, written,
 * read back, bounded, and a file that cannot be written or read; the
 * editor's description of a stop and going back to it
 * (src/core/editor_place.c). */

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

#include "core/editor.h"
#include "core/places.h"
#include "testutil.h"

static char top[64], file[128];

/* A places file of its own for a test. */
static void
use_file(const char *name)
{
	snprintf(file, sizeof file, "%s/%s/nianbao/places", top, name);
}

static int
setup(void **state)
{
	(void)state;
	if (tu_mkdtemp(top, sizeof top, "places") < 0)
		return -1;
	use_file("state");
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	return tu_rmtree(top);
}

/* An empty file under top, its path in a static buffer. */
static const char *
draft(const char *name)
{
	static char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", top, name);
	assert_non_null(f = fopen(path, "a"));
	fclose(f);
	return path;
}

static void
expect_file(const char *state, const char *home, const char *want)
{
	char *got;

	if (state)
		setenv("XDG_STATE_HOME", state, 1);
	else
		unsetenv("XDG_STATE_HOME");
	if (home)
		setenv("HOME", home, 1);
	else
		unsetenv("HOME");
	got = nb_places_file();
	if (want) {
		assert_non_null(got);
		assert_string_equal(got, want);
	} else {
		assert_null(got);
	}
	free(got);
}

static void
the_file_is_in_the_state_folder(void **state)
{
	char *home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;

	(void)state;
	expect_file("/s", "/h", "/s/nianbao/places");
	expect_file(NULL, "/h", "/h/.local/state/nianbao/places");
	expect_file("", "/h", "/h/.local/state/nianbao/places");
	expect_file("rel/s", "/h", "/h/.local/state/nianbao/places");
	expect_file(NULL, NULL, NULL);
	if (home)
		setenv("HOME", home, 1);
	free(home);
}

static char *
get(const char *path)
{
	nb_error_t err = { 0 };
	char *place = NULL;

	assert_int_equal(nb_places_get(file, path, &place, &err), 0);
	return place;
}

static void
put(const char *path, const char *place)
{
	nb_error_t err = { 0 };

	if (nb_places_put(file, path, place, &err) < 0)
		fail_msg("%s", err.msg);
}

static void
a_place_is_read_back(void **state)
{
	char path[256], *place;
	struct stat st;

	(void)state;
	snprintf(path, sizeof path, "%s", draft("a.yaml"));
	assert_null(get(path));                 /* no file yet */
	put(path, "requests.new[2]");
	assert_non_null(place = get(path));
	assert_string_equal(place, "requests.new[2]");
	free(place);
	assert_null(get(draft("b.yaml")));      /* another draft */
	snprintf(path, sizeof path, "%s/state/nianbao", top);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
}

/* A relative path, and a symbolic link, name the same draft. */
static void
a_draft_is_known_by_its_resolved_path(void **state)
{
	char link[256], here[4096], *place;

	(void)state;
	put(draft("c.yaml"), "overview/2");
	snprintf(link, sizeof link, "%s/link.yaml", top);
	assert_int_equal(symlink("c.yaml", link), 0);
	assert_non_null(place = get(link));
	assert_string_equal(place, "overview/2");
	free(place);
	assert_non_null(getcwd(here, sizeof here));
	assert_int_equal(chdir(top), 0);
	assert_non_null(place = get("./c.yaml"));
	assert_string_equal(place, "overview/2");
	free(place);
	assert_int_equal(chdir(here), 0);
}

static size_t
lines_of(const char *path)
{
	char line[8192];
	size_t n = 0;
	FILE *f = fopen(path, "r");

	assert_non_null(f);
	while (fgets(line, sizeof line, f))
		n += line[0] != '#';
	fclose(f);
	return n;
}

/* Leaving a draft again moves its line to the end, replaced; the file
 * keeps the 200 drafts left last. */
static void
the_file_keeps_the_drafts_left_last(void **state)
{
	char name[32], first[256], *place;
	int i;

	(void)state;
	use_file("bounded");
	snprintf(first, sizeof first, "%s", draft("d0.yaml"));
	put(first, "organization");
	put(first, "year");
	assert_int_equal(lines_of(file), 1);
	for (i = 1; i <= NB_PLACES_MAX; i++) {
		snprintf(name, sizeof name, "d%d.yaml", i);
		put(draft(name), "organization");
	}
	assert_int_equal(lines_of(file), NB_PLACES_MAX);
	assert_null(get(first));                /* the oldest, dropped */
	put(draft("d1.yaml"), "requests.total[6]");
	assert_int_equal(lines_of(file), NB_PLACES_MAX);
	assert_non_null(place = get(draft("d1.yaml")));
	assert_string_equal(place, "requests.total[6]");
	free(place);
	assert_non_null(place = get(draft("d2.yaml")));
	free(place);
}

/* Lines that are not the file's own are passed over, and dropped by the
 * next write. */
static void
lines_of_another_kind_are_passed_over(void **state)
{
	FILE *f;
	char *place;

	(void)state;
	use_file("other");
	put(draft("e.yaml"), "year");
	assert_non_null(f = fopen(file, "a"));
	fputs("garbage\n\tno place\nno path\t\n", f);
	fclose(f);
	assert_non_null(place = get(draft("e.yaml")));
	assert_string_equal(place, "year");
	free(place);
	put(draft("e.yaml"), "organization");
	assert_int_equal(lines_of(file), 1);
}

static void
a_file_that_cannot_be_written_says_why(void **state)
{
	nb_error_t err = { 0 };
	char blocked[256];
	FILE *f;

	(void)state;
	/* a plain file where the state folder should be: even root cannot
	 * make a folder inside it */
	snprintf(blocked, sizeof blocked, "%s/plain", top);
	assert_non_null(f = fopen(blocked, "w"));
	fclose(f);
	snprintf(file, sizeof file, "%s/plain/nianbao/places", top);
	assert_int_equal(nb_places_put(file, draft("f.yaml"), "year", &err), -1);
	assert_non_null(strstr(err.msg, "无法建立文件夹"));
	assert_int_equal(nb_places_put(file, draft("f.yaml"), "a\tb", &err), -1);
	assert_string_equal(err.msg, "位置中不能有制表符或换行");
	snprintf(blocked, sizeof blocked, "%s/gone.yaml", top);
	assert_int_equal(nb_places_put(file, blocked, "year", &err), -1);
	assert_non_null(strstr(err.msg, "找不到草稿"));
	use_file("state");
}

static void
a_file_that_cannot_be_read_says_why(void **state)
{
	nb_error_t err = { 0 };
	char *place = NULL;

	(void)state;
	snprintf(file, sizeof file, "%s/dir", top);
	assert_int_equal(mkdir(file, 0755), 0);
	assert_int_equal(nb_places_get(file, draft("g.yaml"), &place, &err), -1);
	assert_null(place);
	assert_true(strlen(err.msg) > 0);
	assert_int_equal(nb_places_put(file, draft("g.yaml"), "year", &err), -1);
	use_file("state");
}

/* ---- the editor's places ---- */

static nb_editor_t ed;

static int
open_seed(void **state)
{
	nb_form_t *f = tu_form();

	(void)state;
	assert_int_equal(nb_ed_open(&ed, f, tu_sample(f, "sample-data/jinzhai-2024.yaml"),
	                            "/tmp/nb-places-test.yaml", 0), 0);
	return 0;
}

static int
close_ed(void **state)
{
	(void)state;
	nb_ed_close(&ed);
	return 0;
}

static void
expect_place(size_t cell, int item, int title, const char *want)
{
	char buf[256];
	size_t stop = nb_nav_find(&ed.nav, cell, item, title);

	nb_ed_goto(&ed, stop);
	assert_int_equal(nb_ed_place(&ed, buf, sizeof buf), 0);
	assert_string_equal(buf, want);
	nb_ed_goto(&ed, 0);
	assert_int_equal(nb_ed_goto_place(&ed, buf), 0);
	assert_int_equal(ed.cur, stop);
}

static size_t
cell_of(const char *path)
{
	const nb_field_t *f = nb_form_field(ed.form, path);

	assert_non_null(f);
	return f->cell;
}

static void
a_stop_is_described_by_its_field(void **state)
{
	(void)state;
	expect_place(cell_of("organization"), -1, 0, "organization");
	expect_place(cell_of("contact.phone"), -1, 0, "contact.phone");
	expect_place(cell_of("requests.withheld.state_secret") + 2, -1, 0,
	             "requests.withheld.state_secret[2]");
	expect_place(cell_of("requests.new"), -1, 0, "requests.new[0]");
	expect_place(cell_of("overview.items"), 1, 1, "overview.items/2/title");
	expect_place(cell_of("overview.items"), 4, 0, "overview.items/5");
	expect_place(cell_of("proactive.regulations.in_force"), -1, 0,
	             "proactive.regulations.in_force");
}

/* A place the report or the form no longer has: the cursor stays. */
static void
an_unknown_place_is_refused(void **state)
{
	static const char *const unknown[] = {
		"", "nothing.here", "organization[0]", "requests.new", "requests.new[7]",
		"requests.new[-1]", "requests.new[x]", "overview.items/6", "overview.items/0",
		"overview.items/1/text", "overview", "organization/1", "requests.new[1]x",
	};
	size_t i, at = nb_nav_find(&ed.nav, cell_of("contact.phone"), -1, 0);

	(void)state;
	nb_ed_goto(&ed, at);
	for (i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
		if (nb_ed_goto_place(&ed, unknown[i]) != -1)
			fail_msg("place \"%s\" taken", unknown[i]);
		assert_int_equal(ed.cur, at);
	}
}

/* Subsections added before it do not move a grid cell's place. */
static void
a_place_survives_added_subsections(void **state)
{
	char buf[256];
	size_t cell = cell_of("requests.public") + 3;

	(void)state;
	nb_ed_goto(&ed, nb_nav_find(&ed.nav, cell, -1, 0));
	assert_int_equal(nb_ed_place(&ed, buf, sizeof buf), 0);
	nb_ed_goto(&ed, nb_nav_find(&ed.nav, cell_of("overview.items"), 0, 0));
	nb_ed_add_item(&ed);
	nb_ed_add_item(&ed);
	nb_ed_goto(&ed, 0);
	assert_int_equal(nb_ed_goto_place(&ed, buf), 0);
	assert_int_equal(nb_ed_stop(&ed)->cell, cell);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_file_is_in_the_state_folder),
		cmocka_unit_test(a_place_is_read_back),
		cmocka_unit_test(a_draft_is_known_by_its_resolved_path),
		cmocka_unit_test(the_file_keeps_the_drafts_left_last),
		cmocka_unit_test(lines_of_another_kind_are_passed_over),
		cmocka_unit_test(a_file_that_cannot_be_written_says_why),
		cmocka_unit_test(a_file_that_cannot_be_read_says_why),
		cmocka_unit_test_setup_teardown(a_stop_is_described_by_its_field, open_seed, close_ed),
		cmocka_unit_test_setup_teardown(an_unknown_place_is_refused, open_seed, close_ed),
		cmocka_unit_test_setup_teardown(a_place_survives_added_subsections, open_seed, close_ed),
	};

	return cmocka_run_group_tests_name("places", tests, setup, teardown);
}
