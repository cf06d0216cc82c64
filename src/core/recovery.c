/* Unsaved edits beside the draft, and file stamps (see recovery.h). */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/draft.h"
#include "core/file.h"
#include "core/recovery.h"

char *
nb_recovery_path(const char *draft)
{
	return nb_file_sidecar(draft, "recover");
}

int
nb_recovery_write(const nb_report_t *r, const char *draft, nb_error_t *err)
{
	char *path = nb_recovery_path(draft);
	nb_buf_t b;
	int rc = -1;

	if (!path)
		return nb_error_set(err, draft, 0, 0, "内存不足");
	nb_buf_init(&b);
	if (nb_draft_emit(r, &b, err) == 0)
		rc = nb_file_replace(path, b.data ? b.data : "", b.len, err);
	else
		snprintf(err->file, sizeof err->file, "%s", path);
	nb_buf_free(&b);
	free(path);
	return rc;
}

static int
newer(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec > b->tv_sec ||
	       (a->tv_sec == b->tv_sec && a->tv_nsec > b->tv_nsec);
}

int
nb_recovery_pending(const char *draft)
{
	char *path = nb_recovery_path(draft);
	struct stat rs, ds;
	int pending = 0;

	if (path && stat(path, &rs) == 0)
		pending = stat(draft, &ds) < 0 || newer(&rs.st_mtim, &ds.st_mtim);
	free(path);
	return pending;
}

int
nb_recovery_load(const nb_form_t *form, const char *draft, nb_report_t **out,
                 nb_error_t *err)
{
	char *path = nb_recovery_path(draft);
	int rc;

	*out = NULL;
	if (!path)
		return nb_error_set(err, draft, 0, 0, "内存不足");
	rc = nb_draft_load(form, path, out, err);
	free(path);
	return rc;
}

int
nb_recovery_remove(const char *draft, nb_error_t *err)
{
	char *path = nb_recovery_path(draft);
	int rc = 0;

	if (!path)
		return nb_error_set(err, draft, 0, 0, "内存不足");
	if (unlink(path) < 0 && errno != ENOENT)
		rc = nb_error_set(err, path, 0, 0, "无法删除恢复文件：%s", strerror(errno));
	free(path);
	return rc;
}

static int
add_change(const nb_form_t *form, size_t cell, nb_changes_t *out)
{
	nb_change_t *v = realloc(out->v, (out->n + 1) * sizeof *v);
	nb_buf_t name;

	if (!v)
		return -1;
	out->v = v;
	nb_buf_init(&name);
	nb_cell_name(form, cell, 0, &name);
	if (name.failed || !(v[out->n].name = nb_buf_take(&name))) {
		nb_buf_free(&name);
		return -1;
	}
	v[out->n++].cell = cell;
	return 0;
}

int
nb_recovery_diff(const nb_report_t *a, const nb_report_t *b, nb_changes_t *out)
{
	const nb_form_t *form = a->form;
	size_t i;

	out->v = NULL;
	out->n = 0;
	for (i = 0; i < form->ncells; i++) {
		if (nb_value_equal(form->cells[i].field->type, &a->values[i], &b->values[i]))
			continue;
		if (add_change(form, i, out) < 0) {
			nb_changes_free(out);
			return -1;
		}
	}
	return 0;
}

void
nb_changes_free(nb_changes_t *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->v[i].name);
	free(c->v);
	c->v = NULL;
	c->n = 0;
}

void
nb_filestamp_take(const char *path, nb_filestamp_t *out)
{
	struct stat st;

	memset(out, 0, sizeof *out);
	if (stat(path, &st) < 0)
		return;
	out->exists = 1;
	out->dev = st.st_dev;
	out->ino = st.st_ino;
	out->size = st.st_size;
	out->mtime = st.st_mtim;
}

int
nb_filestamp_changed(const char *path, const nb_filestamp_t *stamp)
{
	nb_filestamp_t now;

	nb_filestamp_take(path, &now);
	if (now.exists != stamp->exists)
		return 1;
	return now.exists &&
	       (now.dev != stamp->dev || now.ino != stamp->ino ||
	        now.size != stamp->size || now.mtime.tv_sec != stamp->mtime.tv_sec ||
	        now.mtime.tv_nsec != stamp->mtime.tv_nsec);
}
