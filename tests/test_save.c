/* Saving a draft: the previous version kept as DRAFT.yaml~, and every way
 * a save can fail (full disk, no permission, read-only disk, a missing
 * directory, a directory in place of the file) leaves the old draft and
 * its backup as they were, with a message in Chinese.
 *
 * A full disk and a filesystem without hard links are simulated with
 * nb_file_test_faults (a test cannot fill a disk without mounting one);
 * missing permission is real: as root the save runs in a child that has
 * given up root, since root may write anywhere. */

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/file.h"
#include "testutil.h"

typedef struct {
	char dir[64];
	char path[128];         /* dir/d.yaml */
	char bak[128];          /* dir/d.yaml~ */
	nb_report_t *rep;
} fixture_t;

static int
setup(void **state)
{
	fixture_t *fx = calloc(1, sizeof *fx);

	if (!fx)
		return -1;
	snprintf(fx->dir, sizeof fx->dir, "/tmp/nb-save-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	snprintf(fx->path, sizeof fx->path, "%s/d.yaml", fx->dir);
	snprintf(fx->bak, sizeof fx->bak, "%s/d.yaml~", fx->dir);
	fx->rep = tu_sample(form, "sample-data/jinzhai-2024.yaml");
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	fixture_t *fx = *state;
	char cmd[128];
	int rc;

	nb_file_test_faults(0, 0, 0);
	nb_report_free(fx->rep);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
	rc = system(cmd);
	free(fx);
	return rc == 0 ? 0 : -1;
}

/* A pid that is certainly not running: a child that has exited and been
 * reaped. */
static long
dead_pid(void)
{
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (pid == 0)
		_exit(0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return (long)pid;
}

/* The whole file, or NULL when there is none. */
static char *
slurp(const char *path)
{
	nb_error_t err;
	char *data;
	size_t len;

	return nb_file_read(path, 1u << 24, &data, &len, &err) < 0 ? NULL : data;
}

/* Sets the organization (the first line that differs between versions)
 * and saves; returns the status. */
static int
save_as(fixture_t *fx, const char *org, nb_error_t *err)
{
	const nb_field_t *f = nb_form_field(form, "organization");

	assert_int_equal(nb_report_set_text(fx->rep, f->cell, org), 0);
	return nb_draft_save(fx->rep, fx->path, err);
}

static int
contains(const char *path, const char *text)
{
	char *data = slurp(path);
	int yes = data && strstr(data, text);

	free(data);
	return yes;
}

/* Entries in the directory other than . and ..: no temporary file left. */
static int
entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return n;
}

static void
first_save_makes_no_backup(void **state)
{
	fixture_t *fx = *state;
	nb_error_t err = { 0 };

	assert_int_equal(save_as(fx, "甲单位", &err), 0);
	assert_true(contains(fx->path, "organization: 甲单位\n"));
	assert_int_equal(access(fx->bak, F_OK), -1);
	assert_int_equal(entries(fx->dir), 1);
}

static void
each_save_keeps_the_previous_version(void **state)
{
	fixture_t *fx = *state;
	nb_error_t err = { 0 };

	assert_int_equal(save_as(fx, "甲单位", &err), 0);
	assert_int_equal(save_as(fx, "乙单位", &err), 0);
	assert_true(contains(fx->path, "organization: 乙单位\n"));
	assert_true(contains(fx->bak, "organization: 甲单位\n"));
	assert_int_equal(save_as(fx, "丙单位", &err), 0);
	assert_true(contains(fx->path, "organization: 丙单位\n"));
	assert_true(contains(fx->bak, "organization: 乙单位\n"));
	assert_int_equal(entries(fx->dir), 2);
}

static void
backup_is_a_copy_without_hard_links(void **state)
{
	fixture_t *fx = *state;
	nb_error_t err = { 0 };
	struct stat a, b;

	assert_int_equal(save_as(fx, "甲单位", &err), 0);
	assert_int_equal(chmod(fx->path, 0640), 0);
	nb_file_test_faults(0, 0, EPERM);
	assert_int_equal(save_as(fx, "乙单位", &err), 0);
	assert_true(contains(fx->bak, "organization: 甲单位\n"));
	assert_true(contains(fx->path, "organization: 乙单位\n"));
	/* both keep the draft's permissions */
	assert_int_equal(stat(fx->path, &a), 0);
	assert_int_equal(stat(fx->bak, &b), 0);
	assert_int_equal(a.st_mode & 0777, 0640);
	assert_int_equal(b.st_mode & 0777, 0640);
	assert_int_equal(entries(fx->dir), 2);
}

/* Saves 甲 and 乙, then fails saving 丙: 乙 and its backup 甲 remain. */
static void
assert_old_versions_kept(fixture_t *fx)
{
	assert_true(contains(fx->path, "organization: 乙单位\n"));
	assert_true(contains(fx->bak, "organization: 甲单位\n"));
	assert_int_equal(entries(fx->dir), 2);
}

static void
full_disk_leaves_draft_and_backup(void **state)
{
	fixture_t *fx = *state;
	nb_error_t err = { 0 };

	assert_int_equal(save_as(fx, "甲单位", &err), 0);
	assert_int_equal(save_as(fx, "乙单位", &err), 0);
	nb_file_test_faults(ENOSPC, 100, 0);
	assert_int_equal(save_as(fx, "丙单位", &err), -1);
	assert_string_equal(err.file, fx->path);
	assert_string_equal(err.msg, "无法保存：磁盘已满（写入临时文件时）；原文件未改动");
	assert_old_versions_kept(fx);
}

static void
full_disk_while_copying_the_backup(void **state)
{
	fixture_t *fx = *state;
	nb_error_t err = { 0 };
	char *draft;
	size_t len;

	assert_int_equal(save_as(fx, "甲单位", &err), 0);
	assert_int_equal(save_as(fx, "乙单位", &err), 0);
	/* room for the new draft, but not for a copy of the old one too */
	draft = slurp(fx->path);
	len = strlen(draft);
	free(draft);
	nb_file_test_faults(ENOSPC, len + 10, EXDEV);
	assert_int_equal(save_as(fx, "丙单位", &err), 1);
	assert_string_equal(err.file, fx->path);
	assert_non_null(strstr(err.msg, "已保存；但无法建立备份文件"));
	assert_non_null(strstr(err.msg, "（磁盘已满）"));
	/* saved all the same; the backup is the one from before */
	assert_true(contains(fx->path, "organization: 丙单位\n"));
	assert_true(contains(fx->bak, "organization: 甲单位\n"));
	assert_int_equal(entries(fx->dir), 2);
}

static void
directory_in_place_of_the_backup_does_not_stop_the_save(void **state)
{
	fixture_t *fx = *state;
	nb_error_t err = { 0 };
	char want[256];
	struct stat st;

	assert_int_equal(save_as(fx, "甲单位", &err), 0);
	assert_int_equal(mkdir(fx->bak, 0700), 0);
	assert_int_equal(save_as(fx, "乙单位", &err), 1);
	snprintf(want, sizeof want, "已保存；但无法建立备份文件 %s（这个名字已经是一个目录），"
	         "保存前的版本没有留下", fx->bak);
	assert_string_equal(err.msg, want);
	assert_true(contains(fx->path, "organization: 乙单位\n"));
	assert_int_equal(stat(fx->bak, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(entries(fx->dir), 2);      /* no temporary file left */
}

static void
full_disk_for_a_new_draft(void **state)
{
	fixture_t *fx = *state;
	nb_error_t err = { 0 };

	nb_file_test_faults(ENOSPC, 0, 0);
	assert_int_equal(save_as(fx, "甲单位", &err), -1);
	assert_string_equal(err.msg, "无法保存：磁盘已满（写入临时文件时）；没有写入任何文件");
	assert_int_equal(entries(fx->dir), 0);
}

static void
read_only_disk_is_named(void **state)
{
	fixture_t *fx = *state;
	nb_error_t err = { 0 };

	assert_int_equal(save_as(fx, "甲单位", &err), 0);
	assert_int_equal(save_as(fx, "乙单位", &err), 0);
	nb_file_test_faults(EROFS, 0, 0);
	assert_int_equal(save_as(fx, "丙单位", &err), -1);
	assert_string_equal(err.msg,
	    "无法保存：磁盘或目录是只读的（写入临时文件时）；原文件未改动");
	assert_old_versions_kept(fx);
}

static void
missing_directory(void **state)
{
	fixture_t *fx = *state;
	nb_error_t err = { 0 };

	snprintf(fx->path, sizeof fx->path, "%s/没有这个目录/d.yaml", fx->dir);
	assert_int_equal(save_as(fx, "甲单位", &err), -1);
	assert_string_equal(err.file, fx->path);
	assert_string_equal(err.msg,
	    "无法保存：文件所在的目录不存在（写入临时文件时）；没有写入任何文件");
	assert_int_equal(entries(fx->dir), 0);
}

static void
directory_in_place_of_the_draft(void **state)
{
	fixture_t *fx = *state;
	nb_error_t err = { 0 };
	struct stat st;

	assert_int_equal(mkdir(fx->path, 0700), 0);
	assert_int_equal(save_as(fx, "甲单位", &err), -1);
	assert_string_equal(err.msg,
	    "无法保存：这个名字已经是一个目录（检查文件时）；没有写入任何文件");
	assert_int_equal(stat(fx->path, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(entries(fx->dir), 1);
}

/* In a child without write permission on the directory: exit status 0
 * when the save failed with the expected message. */
static int
save_without_permission(fixture_t *fx)
{
	nb_error_t err = { 0 };

	if (geteuid() == 0 && (setgid(65534) < 0 || setuid(65534) < 0))
		return 10;
	if (save_as(fx, "丙单位", &err) != -1)
		return 11;
	if (strcmp(err.msg, "无法保存：没有在这个目录里写文件的权限（写入临时文件时）；"
	                    "原文件未改动")) {
		fprintf(stderr, "# %s\n", err.msg);
		return 12;
	}
	return 0;
}

static void
no_permission_leaves_draft_and_backup(void **state)
{
	fixture_t *fx = *state;
	nb_error_t err = { 0 };
	pid_t pid;
	int status;

	assert_int_equal(save_as(fx, "甲单位", &err), 0);
	assert_int_equal(save_as(fx, "乙单位", &err), 0);
	assert_int_equal(chmod(fx->dir, 0555), 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(save_without_permission(fx));
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(chmod(fx->dir, 0700), 0);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_old_versions_kept(fx);
}

static void
other_files_get_no_backup(void **state)
{
	fixture_t *fx = *state;
	nb_error_t err = { 0 };

	assert_int_equal(nb_file_replace(fx->path, "一\n", 4, &err), 0);
	assert_int_equal(nb_file_replace(fx->path, "二\n", 4, &err), 0);
	assert_true(contains(fx->path, "二\n"));
	assert_int_equal(access(fx->bak, F_OK), -1);
}

/* A name of n Chinese characters (3 bytes each) and suffix. */
static void
long_name(char *out, size_t size, const char *dir, int n, const char *suffix)
{
	size_t len = (size_t)snprintf(out, size, "%s/", dir);

	while (n-- > 0)
		len += (size_t)snprintf(out + len, size - len, "%s", n % 2 ? "金" : "寨");
	snprintf(out + len, size - len, "%s", suffix);
}

static const char *
base(const char *path)
{
	return strrchr(path, '/') + 1;
}

static void
symlinked_draft_is_saved_into_its_target(void **state)
{
	fixture_t *fx = *state;
	nb_error_t err = { 0 };
	char real[128], link[128], to[160];
	struct stat st;
	ssize_t n;

	snprintf(real, sizeof real, "%s/real", fx->dir);
	assert_int_equal(mkdir(real, 0700), 0);
	snprintf(real, sizeof real, "%s/real/d.yaml", fx->dir);
	assert_int_equal(save_as(fx, "甲单位", &err), 0);
	assert_int_equal(rename(fx->path, real), 0);
	/* a relative link, to a link */
	snprintf(link, sizeof link, "%s/mid.yaml", fx->dir);
	assert_int_equal(symlink("real/d.yaml", link), 0);
	assert_int_equal(symlink("mid.yaml", fx->path), 0);
	assert_int_equal(save_as(fx, "乙单位", &err), 0);
	assert_int_equal(lstat(fx->path, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	n = readlink(fx->path, to, sizeof to - 1);
	assert_int_equal(n, 8);
	assert_true(contains(real, "organization: 乙单位\n"));
	snprintf(to, sizeof to, "%s~", real);
	assert_true(contains(to, "organization: 甲单位\n"));
	/* beside the target: no backup beside the links, no stray files */
	assert_int_equal(access(fx->bak, F_OK), -1);
	assert_int_equal(entries(fx->dir), 3);
	snprintf(to, sizeof to, "%s/real", fx->dir);
	assert_int_equal(entries(to), 2);
}

static void
dangling_link_is_saved_through(void **state)
{
	fixture_t *fx = *state;
	nb_error_t err = { 0 };
	char real[128];
	struct stat st;

	snprintf(real, sizeof real, "%s/new.yaml", fx->dir);
	assert_int_equal(symlink("new.yaml", fx->path), 0);
	assert_int_equal(nb_file_replace(fx->path, "一\n", 4, &err), 0);
	assert_int_equal(lstat(fx->path, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_true(contains(real, "一\n"));
}

static void
side_files_of_a_link_are_those_of_its_target(void **state)
{
	fixture_t *fx = *state;
	char want[128], *p;

	assert_int_equal(symlink("sub/real.yaml", fx->path), 0);
	p = nb_file_sidecar(fx->path, "lock");
	snprintf(want, sizeof want, "%s/sub/.real.yaml.lock", fx->dir);
	assert_string_equal(p, want);
	free(p);
}

static void
fifo_is_written_in_place(void **state)
{
	fixture_t *fx = *state;
	nb_error_t err = { 0 };
	char got[16] = "";
	struct stat st;
	pid_t pid;
	int fd, status;

	assert_int_equal(mkfifo(fx->path, 0600), 0);
	/* the reader first, so that the writer's open does not wait */
	fd = open(fx->path, O_RDONLY | O_NONBLOCK);
	assert_true(fd >= 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(nb_file_replace(fx->path, "一\n", 4, &err) == 0 ? 0 : 1);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_int_equal(read(fd, got, sizeof got - 1), 4);
	close(fd);
	assert_string_equal(got, "一\n");
	assert_int_equal(lstat(fx->path, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	assert_int_equal(entries(fx->dir), 1);
}

static void
longest_names_save_with_backup_and_side_files(void **state)
{
	fixture_t *fx = *state;
	nb_error_t err = { 0 };
	char path[512], bak[520], *rec, *rec2;

	/* 81 characters + .yaml: 248 bytes, a legal name */
	long_name(path, sizeof path, fx->dir, 81, ".yaml");
	assert_int_equal(strlen(base(path)), 248);
	assert_int_equal(nb_draft_save(fx->rep, path, &err), 0);
	assert_int_equal(nb_draft_save(fx->rep, path, &err), 0);
	snprintf(bak, sizeof bak, "%s~", path);
	assert_int_equal(access(bak, F_OK), 0);
	rec = nb_file_sidecar(path, "recover");
	assert_true(strlen(base(rec)) <= 255);
	assert_int_equal(base(rec)[0], '.');
	assert_non_null(strstr(rec, "~"));
	assert_non_null(strstr(rec, ".recover"));
	rec2 = nb_file_sidecar(path, "recover");
	assert_string_equal(rec, rec2);         /* the same name each time */
	assert_int_equal(nb_file_replace(rec, "x\n", 2, &err), 0);
	free(rec);
	free(rec2);
	assert_int_equal(entries(fx->dir), 3);
	/* 85 characters: 255 bytes; then even the backup is shortened */
	long_name(path, sizeof path, fx->dir, 85, "");
	assert_int_equal(nb_file_replace(path, "1\n", 2, &err), 0);
	assert_int_equal(nb_draft_save(fx->rep, path, &err), 0);
	assert_int_equal(entries(fx->dir), 5);
}

/* FNV-1a, as the temporary names use (draft.h). */
static unsigned long
fnv1a(const char *s)
{
	unsigned long h = 2166136261u;

	while (*s)
		h = ((h ^ (unsigned char)*s++) * 16777619u) & 0xffffffffu;
	return h;
}

static void
temporary_file_of_a_killed_save_is_removed(void **state)
{
	fixture_t *fx = *state;
	nb_error_t err = { 0 };
	char dead[160], live[160], other[160];
	FILE *f;

	snprintf(dead, sizeof dead, "%s/.nb-%08lx-%ld-Ab12Cd", fx->dir, fnv1a("d.yaml"),
	         dead_pid());
	snprintf(live, sizeof live, "%s/.nb-%08lx-%ld-Ab12Cd", fx->dir, fnv1a("d.yaml"),
	         (long)getppid());
	snprintf(other, sizeof other, "%s/.nb-%08lx-%ld-Ab12Cd", fx->dir, fnv1a("e.yaml"),
	         dead_pid());
	assert_non_null(f = fopen(dead, "w"));
	fclose(f);
	assert_non_null(f = fopen(live, "w"));
	fclose(f);
	assert_non_null(f = fopen(other, "w"));
	fclose(f);
	assert_int_equal(save_as(fx, "甲单位", &err), 0);
	assert_int_equal(access(dead, F_OK), -1);
	assert_int_equal(access(live, F_OK), 0);    /* another save, under way */
	assert_int_equal(access(other, F_OK), 0);   /* another file's */
	assert_int_equal(entries(fx->dir), 3);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(first_save_makes_no_backup),
		T(each_save_keeps_the_previous_version),
		T(backup_is_a_copy_without_hard_links),
		T(full_disk_leaves_draft_and_backup),
		T(full_disk_while_copying_the_backup),
		T(directory_in_place_of_the_backup_does_not_stop_the_save),
		T(symlinked_draft_is_saved_into_its_target),
		T(dangling_link_is_saved_through),
		T(side_files_of_a_link_are_those_of_its_target),
		T(fifo_is_written_in_place),
		T(longest_names_save_with_backup_and_side_files),
		T(temporary_file_of_a_killed_save_is_removed),
		T(full_disk_for_a_new_draft),
		T(read_only_disk_is_named),
		T(missing_directory),
		T(directory_in_place_of_the_draft),
		T(no_permission_leaves_draft_and_backup),
		T(other_files_get_no_backup),
	};

	return cmocka_run_group_tests_name("save", tests, tu_setup,
	                                   tu_teardown);
}
