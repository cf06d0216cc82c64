/* The drafts of a run checked in this process or by worker processes
 * (see check.h).  Worker w of n checks the drafts w, w + n, w + 2n... and
 * writes each result down a pipe of its own; the run reads draft i's
 * from worker i mod n, so that it takes them in the order they were
 * named and prints the same bytes as a check in one process.  Processes
 * rather than threads: each worker has its own forms and memory, and
 * nothing of the core needs to be safe to share. */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/check.h"

#define MAX_JOBS 64

/* ---- a result down a pipe: eight numbers, then four lengths and texts ---- */

static int
write_all(int fd, const void *p, size_t n)
{
	const char *c = p;
	ssize_t k;

	while (n) {
		if ((k = write(fd, c, n)) < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		c += k;
		n -= (size_t)k;
	}
	return 0;
}

/* 1 when n bytes were read, 0 at the end of the pipe, -1 on error. */
static int
read_all(int fd, void *p, size_t n)
{
	char *c = p;
	ssize_t k;
	size_t got = 0;

	while (got < n) {
		if ((k = read(fd, c + got, n - got)) < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		if (k == 0)
			return got ? -1 : 0;
		got += (size_t)k;
	}
	return 1;
}

static void
pack_text(nb_buf_t *b, const nb_buf_t *t)
{
	uint64_t n = t->len;

	nb_buf_add(b, (const char *)&n, sizeof n);
	nb_buf_add(b, t->data ? t->data : "", t->len);
}

static int
send_result(int fd, const check_result_t *r, nb_buf_t *b)
{
	int64_t head[9] = { r->status, r->year, r->org_line, r->org_col,
	                    (int64_t)r->errors, (int64_t)r->warnings,
	                    (int64_t)r->suggestions, (int64_t)r->notes,
	                    (int64_t)r->nrules };

	nb_buf_clear(b);
	nb_buf_add(b, (const char *)head, sizeof head);
	pack_text(b, &r->out);
	pack_text(b, &r->err);
	pack_text(b, &r->org);
	pack_text(b, &r->rules);
	return b->failed ? -1 : write_all(fd, b->data, b->len);
}

static int
unpack_text(int fd, nb_buf_t *t)
{
	uint64_t n;
	char chunk[4096];
	size_t k;

	if (read_all(fd, &n, sizeof n) != 1)
		return -1;
	nb_buf_clear(t);
	for (; n; n -= k) {
		k = n < sizeof chunk ? (size_t)n : sizeof chunk;
		if (read_all(fd, chunk, k) != 1)
			return -1;
		nb_buf_add(t, chunk, k);
	}
	return t->failed ? -1 : 0;
}

static int
receive_result(int fd, check_result_t *r)
{
	int64_t head[9];

	if (read_all(fd, head, sizeof head) != 1)
		return -1;
	r->status = (int)head[0];
	r->year = head[1];
	r->org_line = (int)head[2];
	r->org_col = (int)head[3];
	r->errors = (size_t)head[4];
	r->warnings = (size_t)head[5];
	r->suggestions = (size_t)head[6];
	r->notes = (size_t)head[7];
	r->nrules = (size_t)head[8];
	if (unpack_text(fd, &r->out) < 0 || unpack_text(fd, &r->err) < 0 ||
	    unpack_text(fd, &r->org) < 0 || unpack_text(fd, &r->rules) < 0)
		return -1;
	return 0;
}

/* ---- the workers ---- */

/* A worker's life: its share of the drafts, each result down fd. */
static int
work(const check_opts_t *o, const nb_paths_t *paths, size_t first, size_t step,
     int fd)
{
	check_result_t res;
	nb_buf_t packed;
	size_t i;
	int rc = 0;

	check_result_init(&res);
	nb_buf_init(&packed);
	for (i = first; i < paths->n && rc == 0; i += step)
		if (check_draft(o, paths->v[i], &res) < 0 ||
		    send_result(fd, &res, &packed) < 0)
			rc = -1;
	nb_buf_free(&packed);
	check_result_free(&res);
	return rc;
}

typedef struct {
	pid_t pid;
	int fd;                     /* the read end of its pipe */
} worker_t;

/* Starts worker w; the parent keeps the read end of its pipe. */
static int
start_worker(const check_opts_t *o, const nb_paths_t *paths, worker_t *ws,
             int w, int n)
{
	int p[2], k;

	if (pipe(p) < 0)
		return -1;
	fflush(NULL);               /* nothing buffered is printed twice */
	if ((ws[w].pid = fork()) < 0) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (ws[w].pid == 0) {
		close(p[0]);
		for (k = 0; k < w; k++)
			close(ws[k].fd);
		_exit(work(o, paths, (size_t)w, (size_t)n, p[1]) < 0 ? 1 : 0);
	}
	close(p[1]);
	ws[w].fd = p[0];
	return 0;
}

/* Waits for the workers; -1 unless each ended well. */
static int
reap(worker_t *ws, int n)
{
	int w, st, rc = 0;

	for (w = 0; w < n; w++) {
		close(ws[w].fd);
		while (waitpid(ws[w].pid, &st, 0) < 0 && errno == EINTR)
			;
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
			rc = -1;
	}
	return rc;
}

static int
in_parallel(const check_opts_t *o, const nb_paths_t *paths, int n,
            check_run_t *run)
{
	worker_t ws[MAX_JOBS];
	check_result_t res;
	size_t i;
	int w, rc = 0;

	for (w = 0; w < n; w++)
		if (start_worker(o, paths, ws, w, n) < 0) {
			fprintf(stderr, "nianbao check: 无法启动检查进程：%s\n", strerror(errno));
			for (i = 0; i < (size_t)w; i++)
				kill(ws[i].pid, SIGTERM);
			reap(ws, w);
			return -1;
		}
	check_result_init(&res);
	for (i = 0; i < paths->n && rc == 0; i++) {
		if (receive_result(ws[i % (size_t)n].fd, &res) < 0) {
			fputs("nianbao check: 检查进程意外结束\n", stderr);
			rc = -1;
		} else if (check_run_take(run, i, &res) < 0) {
			rc = -1;
		}
	}
	check_result_free(&res);
	if (rc < 0)
		for (w = 0; w < n; w++)
			kill(ws[w].pid, SIGTERM);
	if (reap(ws, n) < 0 && rc == 0) {
		fputs("nianbao check: 检查进程意外结束\n", stderr);
		rc = -1;
	}
	return rc;
}

static int
in_this_process(const check_opts_t *o, const nb_paths_t *paths, check_run_t *run)
{
	check_result_t res;
	size_t i;
	int rc = 0;

	check_result_init(&res);
	for (i = 0; i < paths->n && rc == 0; i++)
		if (check_draft(o, paths->v[i], &res) < 0) {
			fputs("nianbao check: 内存不足\n", stderr);
			rc = -1;
		} else {
			rc = check_run_take(run, i, &res);
		}
	check_result_free(&res);
	return rc;
}

int
check_all(const check_opts_t *o, const nb_paths_t *paths, int jobs,
          check_run_t *run)
{
	if ((size_t)jobs > paths->n)
		jobs = (int)paths->n;
	if (jobs > MAX_JOBS)
		jobs = MAX_JOBS;
	if (jobs <= 1)
		return in_this_process(o, paths, run);
	return in_parallel(o, paths, jobs, run);
}
