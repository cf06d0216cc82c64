/* One editor per draft: the lock file beside it (see lock.h). */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/file.h"
#include "core/lock.h"

char *
nb_lock_path(const char *draft)
{
	return nb_file_sidecar(draft, "lock");
}

/* Serialises lock operations on one directory: flock() on the directory
 * of path.  Returns the descriptor to pass to unguard, or -1. */
static int
guard(const char *path)
{
	int fd;

	if ((fd = nb_file_open_dir(path)) < 0)
		return -1;
	while (flock(fd, LOCK_EX) < 0)
		if (errno != EINTR) {
			close(fd);
			return -1;
		}
	return fd;
}

static void
unguard(int fd)
{
	flock(fd, LOCK_UN);
	close(fd);
}

static void
whoami(nb_lock_owner_t *o)
{
	const struct passwd *pw = getpwuid(geteuid());
	const char *user = pw ? pw->pw_name : getenv("USER");

	memset(o, 0, sizeof *o);
	snprintf(o->user, sizeof o->user, "%s", user ? user : "?");
	if (gethostname(o->host, sizeof o->host - 1) < 0)
		snprintf(o->host, sizeof o->host, "?");
	o->pid = (long)getpid();
	o->started = (long long)time(NULL);
}

/* Creates the lock file with O_EXCL; -1 with errno on failure (EEXIST when
 * there is one). */
static int
write_lock(const char *path, const nb_lock_owner_t *o)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644), e;

	if (fd < 0)
		return -1;
	if (dprintf(fd, "user: %s\nhost: %s\npid: %ld\nstarted: %lld\n", o->user,
	            o->host, o->pid, o->started) < 0 || fsync(fd) < 0) {
		e = errno;
		close(fd);
		unlink(path);
		errno = e;
		return -1;
	}
	return close(fd);
}

/* One "key: value" line into the owner. */
static void
parse_line(const char *line, nb_lock_owner_t *o)
{
	const char *v = strstr(line, ": ");
	size_t n = v ? (size_t)(v - line) : 0;

	if (!v)
		return;
	v += 2;
	if (n == 4 && !strncmp(line, "user", 4))
		snprintf(o->user, sizeof o->user, "%s", v);
	else if (n == 4 && !strncmp(line, "host", 4))
		snprintf(o->host, sizeof o->host, "%s", v);
	else if (n == 3 && !strncmp(line, "pid", 3))
		o->pid = strtol(v, NULL, 10);
	else if (n == 7 && !strncmp(line, "started", 7))
		o->started = strtoll(v, NULL, 10);
}

/* Why the lock file at path cannot be understood (see nb_lock_owner_t),
 * NULL when it is a file that can be read; *gone when there is none. */
static const char *
problem_of(const char *path, int *gone)
{
	struct stat st;

	*gone = 0;
	if (lstat(path, &st) < 0) {
		*gone = errno == ENOENT;
		return *gone ? NULL : "无法读取";
	}
	if (S_ISLNK(st.st_mode) && stat(path, &st) < 0)
		return "是一个指向不存在的文件的链接";
	if (S_ISDIR(st.st_mode))
		return "是一个目录";
	if (!S_ISREG(st.st_mode))
		return "不是普通文件";
	return access(path, R_OK) < 0 ? "无法读取" : NULL;
}

/* 0 with *o (o->problem set when the lock cannot be understood), 1 when
 * there is no lock file. */
static int
read_owner(const char *path, nb_lock_owner_t *o)
{
	char line[512];
	FILE *f;
	int gone;

	memset(o, 0, sizeof *o);
	if ((o->problem = problem_of(path, &gone)) || gone)
		return gone;
	if (!(f = fopen(path, "r"))) {
		o->problem = "无法读取";
		return 0;
	}
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		parse_line(line, o);
	}
	fclose(f);
	if (o->pid <= 0 || !o->host[0] || o->started <= 0)
		o->problem = "的内容无法识别";
	return 0;
}

static int
same_owner(const nb_lock_owner_t *a, const nb_lock_owner_t *b)
{
	return !strcmp(a->user, b->user) && !strcmp(a->host, b->host) &&
	       a->pid == b->pid && a->started == b->started &&
	       a->problem == b->problem;
}

/* When process pid started, in seconds since 1970: its start in clock
 * ticks after boot (field 22 of /proc/PID/stat) plus the boot time.  0
 * when unknown. */
static long long
process_start(long pid)
{
	char path[64], buf[1024], *p;
	long long boot = 0;
	unsigned long long ticks;
	long hz = sysconf(_SC_CLK_TCK);
	FILE *f;
	int i;

	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	if (hz <= 0 || !(f = fopen(path, "r")))
		return 0;
	p = fgets(buf, sizeof buf, f) ? strrchr(buf, ')') : NULL;   /* past the name */
	fclose(f);
	for (i = 2; p && i < 22; i++)
		p = strchr(p + 1, ' ');
	if (!p || sscanf(p, " %llu", &ticks) != 1 || !(f = fopen("/proc/stat", "r")))
		return 0;
	while (fgets(buf, sizeof buf, f) && sscanf(buf, "btime %lld", &boot) != 1)
		;
	fclose(f);
	return boot > 0 ? boot + (long long)(ticks / (unsigned long long)hz) : 0;
}

int
nb_lock_from_here(const nb_lock_owner_t *o)
{
	char host[256] = "";

	return gethostname(host, sizeof host - 1) == 0 && !strcmp(host, o->host);
}

int
nb_lock_is_stale(const nb_lock_owner_t *o)
{
	long long start;

	if (o->problem || o->pid <= 0 || !nb_lock_from_here(o))
		return 0;
	if (kill((pid_t)o->pid, 0) < 0 && errno == ESRCH)
		return 1;
	/* the pid now belongs to a process that started after the lock was
	 * taken; the margin allows for the clock being set forward since */
	start = process_start(o->pid);
	return start > 0 && start > o->started + NB_LOCK_CLOCK_SLACK ? 2 : 0;
}

static nb_lock_status_t
lock_error(nb_error_t *err, const char *path, const char *what, int e)
{
	nb_error_set(err, path, 0, 0, "%s锁文件失败：%s", what, strerror(e));
	return NB_LOCK_ERROR;
}

/* Under the guard: creates our lock, or reports who holds it. */
static nb_lock_status_t
try_take(nb_lock_t *lock, char *path, nb_lock_owner_t *other, nb_error_t *err)
{
	nb_lock_owner_t held;

	whoami(&lock->me);
	if (write_lock(path, &lock->me) == 0) {
		lock->path = path;
		return NB_LOCK_OK;
	}
	if (errno != EEXIST)
		return lock_error(err, path, "建立", errno);
	if (read_owner(path, &held) == 1)
		return lock_error(err, path, "建立", EAGAIN);   /* gone meanwhile */
	if (other)
		*other = held;
	if (held.problem)
		return NB_LOCK_UNKNOWN;
	if (!nb_lock_from_here(&held))
		return NB_LOCK_FOREIGN;
	switch (nb_lock_is_stale(&held)) {
	case 1: return NB_LOCK_STALE;
	case 2: return NB_LOCK_REUSED;
	default: return NB_LOCK_BUSY;
	}
}

/* The lock file's path, with the guard held that keeps two editors from
 * taking the same lock at once; NB_LOCK_OK or an error with nothing held. */
static nb_lock_status_t
enter(const char *draft, char **path, int *g, nb_error_t *err)
{
	nb_lock_status_t st;

	if (!(*path = nb_lock_path(draft)))
		return nb_error_set(err, draft, 0, 0, "内存不足"), NB_LOCK_ERROR;
	if ((*g = guard(*path)) < 0) {
		st = lock_error(err, *path, "建立", errno);
		free(*path);
		return st;
	}
	return NB_LOCK_OK;
}

nb_lock_status_t
nb_lock_acquire(nb_lock_t *lock, const char *draft, nb_lock_owner_t *other,
                nb_error_t *err)
{
	char *path;
	nb_lock_status_t st;
	int g;

	if ((st = enter(draft, &path, &g, err)) != NB_LOCK_OK)
		return st;
	st = try_take(lock, path, other, err);
	unguard(g);
	if (st != NB_LOCK_OK)
		free(path);
	return st;
}

/* The lock file, or the directory in its place. */
static int
remove_lock(const char *path)
{
	struct stat st;

	if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return rmdir(path);
	return unlink(path);
}

nb_lock_status_t
nb_lock_take_over(nb_lock_t *lock, const char *draft,
                  const nb_lock_owner_t *holder, nb_lock_owner_t *other,
                  nb_error_t *err)
{
	char *path;
	nb_lock_owner_t now;
	nb_lock_status_t st;
	int g, rc;

	if ((st = enter(draft, &path, &g, err)) != NB_LOCK_OK)
		return st;
	rc = read_owner(path, &now);
	if (rc == 0 && !same_owner(&now, holder)) {
		if (other)
			*other = now;
		st = NB_LOCK_BUSY;      /* not the lock the operator agreed to take */
	} else if (rc == 0 && remove_lock(path) < 0 && errno != ENOENT) {
		st = lock_error(err, path, "删除旧", errno);
	} else {
		st = try_take(lock, path, other, err);
	}
	unguard(g);
	if (st != NB_LOCK_OK)
		free(path);
	return st;
}

int
nb_lock_read(const char *draft, nb_lock_owner_t *owner, nb_error_t *err)
{
	char *path = nb_lock_path(draft);
	int rc;

	if (!path)
		return nb_error_set(err, draft, 0, 0, "内存不足");
	rc = read_owner(path, owner);
	free(path);
	return rc;
}

void
nb_lock_describe(const nb_lock_owner_t *o, nb_buf_t *out)
{
	char when[32] = "";
	time_t t = (time_t)o->started;
	struct tm tm;

	nb_buf_puts(out, o->user[0] ? o->user : "（不明用户）");
	if (o->started > 0 && localtime_r(&t, &tm))
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
	nb_buf_puts(out, "（");
	nb_buf_printf(out, "主机 %s", o->host[0] ? o->host : "不明");
	if (o->pid > 0)
		nb_buf_printf(out, "，进程 %ld", o->pid);
	if (when[0])
		nb_buf_printf(out, "，%s 起", when);
	nb_buf_puts(out, "）");
}

int
nb_lock_release(nb_lock_t *lock, nb_error_t *err)
{
	nb_lock_owner_t now;
	int g, rc = 0;

	if (!lock->path)
		return 0;
	if ((g = guard(lock->path)) >= 0) {
		/* only our own lock: it may have been taken over meanwhile */
		if (read_owner(lock->path, &now) == 0 && same_owner(&now, &lock->me) &&
		    unlink(lock->path) < 0 && errno != ENOENT)
			rc = (lock_error(err, lock->path, "删除", errno), -1);
		unguard(g);
	} else {
		rc = (lock_error(err, lock->path, "删除", errno), -1);
	}
	free(lock->path);
	lock->path = NULL;
	return rc;
}
