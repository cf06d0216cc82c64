/* The drafts a sum adds up, as `sum` and `check --children` read them:
 * files and directories named, each draft judged (sum.h) and added, or
 * refused with its reasons on standard error. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/progress.h"
#include "core/buf.h"
#include "core/readmany.h"
#include "core/walk.h"

typedef struct {
	int rc;                 /* the worst status so far */
} walk_state_t;

static void
unreadable_dir(const char *path, int errnum, void *ctx)
{
	walk_state_t *w = ctx;

	fprintf(stderr, "%s: error: 无法读取目录：%s\n", path, strerror(errnum));
	w->rc = 2;
}

/* Why rep cannot simply be added, in words ("" when it can). */
static void
reasons(const nb_sum_judgement_t *j, const nb_report_t *rep,
        const nb_report_t *like, nb_buf_t *out)
{
	const char *sep = "";

	if (j->errors) {
		nb_buf_printf(out, "有 %zu 个错误", j->errors);
		sep = "；";
	}
	if (j->unfilled) {
		nb_buf_printf(out, "%s有 %zu 个表格数字未填写", sep, j->unfilled);
		sep = "；";
	}
	if (j->other_year && nb_report_year(rep))
		nb_buf_printf(out, "%s年度为 %lld，不是 %lld", sep,
		              (long long)nb_report_year(rep), (long long)nb_report_year(like));
	else if (j->other_year)
		nb_buf_printf(out, "%s年度未填写", sep);
}

static int
same_file(const struct stat *skip, const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && st.st_dev == skip->st_dev &&
	       st.st_ino == skip->st_ino;
}

/* Judges and adds one draft; returns its status (0, 1 refused), what it
 * has to say about it in msg. */
static int
add_one(nb_sum_t *s, const nb_report_t *rep, const char *path, int force,
        nb_buf_t *msg)
{
	const nb_report_t *like = nb_sum_report(s);
	nb_sum_judgement_t j;
	nb_error_t err = { 0 };
	char said[NB_ERROR_LINE_MAX];
	nb_buf_t why;
	int ok = nb_sum_judge(s, rep, &j), rc = 0;

	if (ok < 0) {
		nb_buf_printf(msg, "%s: error: 内存不足\n", path);
		return 2;
	}
	if (j.other_format) {
		nb_buf_printf(msg, "%s: error: 不能计入合计：格式为“%s”，不是“%s”\n", path,
		              rep->form->format, like->form->format);
		return 1;
	}
	nb_buf_init(&why);
	reasons(&j, rep, like, &why);
	if (!ok && !force) {
		nb_buf_printf(msg, "%s: error: 不能计入合计：%s\n", path, why.data);
		rc = 1;
	} else if (nb_sum_add(s, rep, path, ok ? NULL : why.data, &err) < 0) {
		nb_error_format(&err, "error", said, sizeof said);
		nb_buf_puts(msg, said);
		rc = 1;
	} else if (!ok) {
		nb_buf_printf(msg, "%s: warning: 已强行计入合计（只计已填写的格）：%s\n",
		              path, why.data);
	}
	nb_buf_free(&why);
	return rc;
}

typedef struct {
	nb_sum_t *sum;
	int force;
	int rc;                 /* the worst status so far */
	size_t done;
	nb_progress_t progress;
} adding_t;

static int
take_draft(const char *path, nb_report_t *rep, const nb_error_t *err, void *ctx)
{
	adding_t *A = ctx;
	char said[NB_ERROR_LINE_MAX];
	nb_buf_t msg;
	int rc = 2;

	nb_buf_init(&msg);
	if (!rep) {
		nb_error_format(err, "error", said, sizeof said);
		nb_buf_puts(&msg, said);
	} else {
		rc = add_one(A->sum, rep, path, A->force, &msg);
	}
	nb_report_free(rep);
	if (msg.len || msg.failed) {
		nb_progress_clear(&A->progress);
		fputs(msg.failed ? "nianbao: 内存不足\n" : msg.data, stderr);
	}
	nb_buf_free(&msg);
	if (rc > A->rc)
		A->rc = rc;
	nb_progress_tick(&A->progress, ++A->done);
	return 0;
}

/* Drops the paths that name the file skip (it may not exist yet). */
static void
drop_file(nb_paths_t *p, const char *skip)
{
	struct stat st;
	size_t i, o = 0;

	if (!skip || stat(skip, &st) != 0)
		return;
	for (i = 0; i < p->n; i++) {
		if (same_file(&st, p->v[i]))
			free(p->v[i]);
		else
			p->v[o++] = p->v[i];
	}
	p->n = o;
}

typedef struct {
	dev_t dev;
	ino_t ino;
	size_t index;           /* in the list of paths */
} file_id_t;

static int
by_file(const void *a, const void *b)
{
	const file_id_t *x = a, *y = b;

	if (x->dev != y->dev)
		return x->dev < y->dev ? -1 : 1;
	if (x->ino != y->ino)
		return x->ino < y->ino ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* A file named twice (a directory and a file in it, two links) would be
 * added twice: the first name is kept, the others refused.  Returns 1
 * when one was. */
static int
drop_twice(nb_paths_t *p)
{
	file_id_t *ids = malloc((p->n ? p->n : 1) * sizeof *ids);
	struct stat st;
	size_t i, n = 0, o = 0, first = 0;
	int refused = 0;

	if (!ids)
		return 0;       /* then each is read as it is named */
	for (i = 0; i < p->n; i++)
		if (stat(p->v[i], &st) == 0)
			ids[n++] = (file_id_t){ st.st_dev, st.st_ino, i };
	if (n)
		qsort(ids, n, sizeof *ids, by_file);
	for (i = 1; i < n; i++) {
		if (ids[i].dev != ids[first].dev || ids[i].ino != ids[first].ino) {
			first = i;
			continue;
		}
		fprintf(stderr, "%s: error: 不能计入合计：与 %s 是同一个文件\n",
		        p->v[ids[i].index], p->v[ids[first].index]);
		free(p->v[ids[i].index]);
		p->v[ids[i].index] = NULL;
		refused = 1;
	}
	free(ids);
	for (i = 0; i < p->n; i++)
		if (p->v[i])
			p->v[o++] = p->v[i];
	p->n = o;
	return refused;
}

int
nb_cli_sum_drafts(const nb_cli_t *cli, nb_sum_t *s, char **args, int n,
                  int force, const char *skip)
{
	walk_state_t w = { 0 };
	nb_paths_t paths = { 0 };
	adding_t A = { s, force, 0, 0, { 0 } };
	int i;

	for (i = 0; i < n; i++)
		if (nb_paths_add(&paths, args[i], unreadable_dir, &w) < 0) {
			fputs("nianbao: 内存不足\n", stderr);
			nb_paths_free(&paths);
			return 2;
		}
	drop_file(&paths, skip);
	if (drop_twice(&paths))
		A.rc = 1;
	nb_progress_init(&A.progress, "已读取", paths.n);
	nb_read_drafts(cli->forms, paths.v, paths.n, 0, take_draft, &A);
	nb_progress_clear(&A.progress);
	nb_paths_free(&paths);
	return A.rc > w.rc ? A.rc : w.rc;
}
