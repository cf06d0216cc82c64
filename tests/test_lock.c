/* The lock that keeps a draft to one editor (src/lock.h). */

#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/lock.h"

typedef struct {
	char dir[64];
	char draft[128];        /* dir/d.yaml (need not exist) */
	char lockfile[128];     /* dir/.d.yaml.lock */
	char host[256];
} fixture_t;

static int
setup(void **state)
{
	fixture_t *fx = calloc(1, sizeof *fx);

	if (!fx)
		return -1;
	snprintf(fx->dir, sizeof fx->dir, "/tmp/nb-lock-XXXXXX");
	if (!mkdtemp(fx->dir) || gethostname(fx->host, sizeof fx->host - 1) < 0)
		return -1;
	snprintf(fx->draft, sizeof fx->draft, "%s/d.yaml", fx->dir);
	snprintf(fx->lockfile, sizeof fx->lockfile, "%s/.d.yaml.lock", fx->dir);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	fixture_t *fx = *state;
	char cmd[128];
	int rc;

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

static void
write_lock_at(const fixture_t *fx, const char *user, const char *host,
              long pid, long long started)
{
	FILE *f = fopen(fx->lockfile, "w");

	assert_non_null(f);
	fprintf(f, "user: %s\nhost: %s\npid: %ld\nstarted: %lld\n", user, host, pid,
	        started);
	assert_int_equal(fclose(f), 0);
}

/* A lock taken now. */
static void
write_lock_file(const fixture_t *fx, const char *user, const char *host,
                long pid)
{
	write_lock_at(fx, user, host, pid, (long long)time(NULL));
}

static void
lock_file_is_hidden_beside_the_draft(void **state)
{
	char *p;
	(void)state;

	p = nb_lock_path("/srv/报告/金寨县2024.yaml");
	assert_string_equal(p, "/srv/报告/.金寨县2024.yaml.lock");
	free(p);
	p = nb_lock_path("d.yaml");
	assert_string_equal(p, ".d.yaml.lock");
	free(p);
}

static void
first_editor_takes_it_second_is_told_who(void **state)
{
	fixture_t *fx = *state;
	nb_lock_t a = { 0 }, b = { 0 };
	nb_lock_owner_t who;
	nb_error_t err = { 0 };
	nb_buf_t text;
	char want[64];

	assert_int_equal(nb_lock_acquire(&a, fx->draft, NULL, &err), NB_LOCK_OK);
	assert_int_equal(access(fx->lockfile, F_OK), 0);
	assert_int_equal(nb_lock_acquire(&b, fx->draft, &who, &err), NB_LOCK_BUSY);
	assert_null(b.path);
	assert_int_equal(who.pid, (long)getpid());
	assert_string_equal(who.host, fx->host);
	assert_string_equal(who.user, a.me.user);
	nb_buf_init(&text);
	nb_lock_describe(&who, &text);
	snprintf(want, sizeof want, "，进程 %ld，", (long)getpid());
	assert_non_null(strstr(text.data, want));
	assert_non_null(strstr(text.data, fx->host));
	nb_buf_free(&text);
	assert_int_equal(nb_lock_read(fx->draft, &who, &err), 0);
	assert_int_equal(who.started, a.me.started);
	assert_int_equal(nb_lock_release(&a, &err), 0);
	assert_null(a.path);
	assert_int_equal(access(fx->lockfile, F_OK), -1);
	assert_int_equal(nb_lock_read(fx->draft, &who, &err), 1);
	assert_int_equal(nb_lock_acquire(&b, fx->draft, NULL, &err), NB_LOCK_OK);
	assert_int_equal(nb_lock_release(&b, &err), 0);
}

static void
lock_of_a_dead_process_is_stale_and_can_be_taken_over(void **state)
{
	fixture_t *fx = *state;
	nb_lock_t l = { 0 };
	nb_lock_owner_t who;
	nb_error_t err = { 0 };
	long gone = dead_pid();

	write_lock_file(fx, "lisi", fx->host, gone);
	assert_int_equal(nb_lock_acquire(&l, fx->draft, &who, &err), NB_LOCK_STALE);
	assert_int_equal(who.pid, gone);
	assert_string_equal(who.user, "lisi");
	assert_true(nb_lock_is_stale(&who));
	assert_int_equal(nb_lock_take_over(&l, fx->draft, &who, NULL, &err), NB_LOCK_OK);
	assert_int_equal(nb_lock_read(fx->draft, &who, &err), 0);
	assert_int_equal(who.pid, (long)getpid());
	assert_int_equal(nb_lock_release(&l, &err), 0);
	assert_int_equal(access(fx->lockfile, F_OK), -1);
}

static void
take_over_refuses_a_lock_that_changed(void **state)
{
	fixture_t *fx = *state;
	nb_lock_t l = { 0 };
	nb_lock_owner_t stale, now;
	nb_error_t err = { 0 };

	write_lock_file(fx, "lisi", fx->host, dead_pid());
	assert_int_equal(nb_lock_acquire(&l, fx->draft, &stale, &err), NB_LOCK_STALE);
	/* meanwhile another editor (alive: this process) took it over */
	write_lock_file(fx, "wangwu", fx->host, (long)getpid());
	assert_int_equal(nb_lock_take_over(&l, fx->draft, &stale, &now, &err),
	                 NB_LOCK_BUSY);
	assert_string_equal(now.user, "wangwu");
	assert_null(l.path);
	assert_int_equal(nb_lock_read(fx->draft, &now, &err), 0);
	assert_string_equal(now.user, "wangwu");
}

static void
lock_from_another_host_is_not_stale(void **state)
{
	fixture_t *fx = *state;
	nb_lock_t l = { 0 };
	nb_lock_owner_t who;
	nb_error_t err = { 0 };

	write_lock_file(fx, "lisi", "another-host.example", dead_pid());
	assert_int_equal(nb_lock_acquire(&l, fx->draft, &who, &err), NB_LOCK_FOREIGN);
	assert_string_equal(who.host, "another-host.example");
	assert_false(nb_lock_is_stale(&who));
	assert_false(nb_lock_from_here(&who));
	assert_null(l.path);
	/* the operator, told the risk, may take it */
	assert_int_equal(nb_lock_take_over(&l, fx->draft, &who, NULL, &err), NB_LOCK_OK);
	assert_int_equal(nb_lock_read(fx->draft, &who, &err), 0);
	assert_int_equal(who.pid, (long)getpid());
	assert_int_equal(nb_lock_release(&l, &err), 0);
}

/* With the lock file made unintelligible: acquire finds it cannot be
 * understood, says why, and take-over replaces it with a lock. */
static void
assert_unknown_then_taken(fixture_t *fx, const char *problem)
{
	nb_lock_t l = { 0 };
	nb_lock_owner_t who;
	nb_error_t err = { 0 };

	assert_int_equal(nb_lock_acquire(&l, fx->draft, &who, &err), NB_LOCK_UNKNOWN);
	assert_non_null(who.problem);
	assert_string_equal(who.problem, problem);
	assert_null(l.path);
	assert_int_equal(nb_lock_take_over(&l, fx->draft, &who, NULL, &err), NB_LOCK_OK);
	assert_int_equal(nb_lock_read(fx->draft, &who, &err), 0);
	assert_null(who.problem);
	assert_int_equal(who.pid, (long)getpid());
	assert_int_equal(nb_lock_release(&l, &err), 0);
	assert_int_equal(access(fx->lockfile, F_OK), -1);
}

static void
garbage_lock_is_unknown(void **state)
{
	fixture_t *fx = *state;
	FILE *f = fopen(fx->lockfile, "w");

	assert_non_null(f);
	fputs("\x01garbage", f);
	fclose(f);
	assert_unknown_then_taken(fx, "的内容无法识别");
}

static void
directory_in_place_of_the_lock_is_unknown(void **state)
{
	fixture_t *fx = *state;

	assert_int_equal(mkdir(fx->lockfile, 0700), 0);
	assert_unknown_then_taken(fx, "是一个目录");
}

static void
dangling_link_in_place_of_the_lock_is_unknown(void **state)
{
	fixture_t *fx = *state;

	assert_int_equal(symlink("nowhere", fx->lockfile), 0);
	assert_unknown_then_taken(fx, "是一个指向不存在的文件的链接");
}

/* As someone who may not read the lock file (root may read anything):
 * exit status 0 when it was found unreadable. */
static int
acquire_unreadable(fixture_t *fx)
{
	nb_lock_t l = { 0 };
	nb_lock_owner_t who;
	nb_error_t err = { 0 };

	if (geteuid() == 0 && (setgid(65534) < 0 || setuid(65534) < 0))
		return 10;
	if (nb_lock_acquire(&l, fx->draft, &who, &err) != NB_LOCK_UNKNOWN)
		return 11;
	return who.problem && !strcmp(who.problem, "无法读取") ? 0 : 12;
}

static void
unreadable_lock_is_unknown(void **state)
{
	fixture_t *fx = *state;
	pid_t pid;
	int status;

	write_lock_file(fx, "lisi", fx->host, (long)getpid());
	assert_int_equal(chmod(fx->lockfile, 0), 0);
	assert_int_equal(chmod(fx->dir, 0777), 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(acquire_unreadable(fx));
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

static void
pid_of_another_process_now_is_stale(void **state)
{
	fixture_t *fx = *state;
	nb_lock_t l = { 0 };
	nb_lock_owner_t who;
	nb_error_t err = { 0 };

	/* this process has the pid, but started long after the lock's time */
	write_lock_at(fx, "lisi", fx->host, (long)getpid(), 1000000000LL);
	assert_int_equal(nb_lock_acquire(&l, fx->draft, &who, &err), NB_LOCK_REUSED);
	assert_int_equal(nb_lock_is_stale(&who), 2);
	assert_int_equal(nb_lock_take_over(&l, fx->draft, &who, NULL, &err), NB_LOCK_OK);
	assert_int_equal(nb_lock_release(&l, &err), 0);
	/* and a lock taken now by the same live process is not stale */
	write_lock_file(fx, "lisi", fx->host, (long)getpid());
	assert_int_equal(nb_lock_acquire(&l, fx->draft, &who, &err), NB_LOCK_BUSY);
}

static void
two_names_of_one_draft_are_one_lock(void **state)
{
	fixture_t *fx = *state;
	nb_lock_t a = { 0 }, b = { 0 };
	nb_error_t err = { 0 };
	char link[160];

	snprintf(link, sizeof link, "%s/link.yaml", fx->dir);
	assert_int_equal(symlink("d.yaml", link), 0);
	assert_int_equal(nb_lock_acquire(&a, link, NULL, &err), NB_LOCK_OK);
	assert_string_equal(a.path, fx->lockfile);
	assert_int_equal(nb_lock_acquire(&b, fx->draft, NULL, &err), NB_LOCK_BUSY);
	assert_int_equal(nb_lock_release(&a, &err), 0);
}

static void
release_leaves_a_lock_taken_over(void **state)
{
	fixture_t *fx = *state;
	nb_lock_t l = { 0 };
	nb_lock_owner_t who;
	nb_error_t err = { 0 };

	assert_int_equal(nb_lock_acquire(&l, fx->draft, NULL, &err), NB_LOCK_OK);
	unlink(fx->lockfile);
	write_lock_file(fx, "wangwu", fx->host, (long)getpid());
	assert_int_equal(nb_lock_release(&l, &err), 0);
	assert_int_equal(nb_lock_read(fx->draft, &who, &err), 0);
	assert_string_equal(who.user, "wangwu");
}

static void
only_one_of_two_racing_editors_takes_over(void **state)
{
	fixture_t *fx = *state;
	nb_lock_t l = { 0 };
	nb_lock_owner_t stale;
	nb_error_t err = { 0 };
	pid_t kids[2];
	int i, status, won = 0;

	write_lock_file(fx, "lisi", fx->host, dead_pid());
	assert_int_equal(nb_lock_acquire(&l, fx->draft, &stale, &err), NB_LOCK_STALE);
	for (i = 0; i < 2; i++) {
		kids[i] = fork();
		assert_true(kids[i] >= 0);
		if (kids[i] == 0)       /* keeps the lock: exits without release */
			_exit(nb_lock_take_over(&l, fx->draft, &stale, NULL, &err));
	}
	for (i = 0; i < 2; i++) {
		assert_int_equal(waitpid(kids[i], &status, 0), kids[i]);
		assert_true(WIFEXITED(status));
		won += WEXITSTATUS(status) == NB_LOCK_OK;
	}
	assert_int_equal(won, 1);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lock_file_is_hidden_beside_the_draft),
		T(first_editor_takes_it_second_is_told_who),
		T(lock_of_a_dead_process_is_stale_and_can_be_taken_over),
		T(take_over_refuses_a_lock_that_changed),
		T(lock_from_another_host_is_not_stale),
		T(garbage_lock_is_unknown),
		T(directory_in_place_of_the_lock_is_unknown),
		T(dangling_link_in_place_of_the_lock_is_unknown),
		T(unreadable_lock_is_unknown),
		T(pid_of_another_process_now_is_stale),
		T(two_names_of_one_draft_are_one_lock),
		T(release_leaves_a_lock_taken_over),
		T(only_one_of_two_racing_editors_takes_over),
	};

	return cmocka_run_group_tests_name("lock", tests, NULL, NULL);
}
