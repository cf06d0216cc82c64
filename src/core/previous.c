/* Last year's draft of a draft: given, recorded or found beside it
 * (previous.h). */

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/draft.h"
#include "core/previous.h"
#include "core/walk.h"
#include "core/ytree.h"

/* ---- paths ---- */

/* The folder a file is in ("." for a bare name), malloc'd. */
static char *
folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *d;

	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	if ((d = malloc((size_t)(slash - path) + 1)))
		sprintf(d, "%.*s", (int)(slash - path), path);
	return d;
}

/* name in the folder of path (name as it is when absolute), malloc'd. */
static char *
beside(const char *path, const char *name)
{
	const char *slash = strrchr(path, '/');
	size_t n = slash ? (size_t)(slash - path) + 1 : 0;
	char *p;

	if (name[0] == '/' || !n)
		return strdup(name);
	if ((p = malloc(n + strlen(name) + 1)))
		sprintf(p, "%.*s%s", (int)n, path, name);
	return p;
}

/* The way from folder `from` to file `to`, both absolute and resolved. */
static char *
relative(const char *from, const char *to)
{
	size_t i = 0, common = 0, up = 0;
	const char *rest;
	char *out, *o;

	for (; from[i] && from[i] == to[i]; i++)
		if (from[i] == '/')
			common = i + 1;
	if (!from[i] && to[i] == '/') {
		common = i + 1;     /* to lies under from */
	} else {
		for (rest = from + common; *rest; up += *rest++ == '/')
			;
		up += from[common] != '\0';
	}
	if (!(out = malloc(3 * up + strlen(to + common) + 1)))
		return NULL;
	for (o = out; up; up--, o += 3)
		memcpy(o, "../", 3);
	strcpy(o, to + common);
	return out;
}

/* ---- the x-previous key ---- */

const char *
nb_previous_recorded(const nb_report_t *r)
{
	const nb_extra_t *e = nb_report_extra(r, NB_PREVIOUS_KEY);

	if (!e || e->node->type != NB_Y_SCALAR || nb_yscalar_is_null(e->node))
		return NULL;
	return e->node->str;
}

/* Sets the x-previous key of r to path (taken over). */
static int
set_recorded(nb_report_t *r, nb_ynode_t *node)
{
	nb_extra_t *e = nb_report_extra(r, NB_PREVIOUS_KEY), *v;

	if (e) {
		nb_ytree_free(e->node);
		e->node = node;
		return 0;
	}
	if (!(v = realloc(r->extras, (r->nextras + 1) * sizeof *v)))
		return -1;
	r->extras = v;
	e = &v[r->nextras];
	if (!(e->key = strdup(NB_PREVIOUS_KEY)))
		return -1;
	e->parent = r->form->root;
	e->node = node;
	r->nextras++;
	return 0;
}

int
nb_previous_record(nb_report_t *r, const char *draft, const char *last,
                   nb_error_t *err)
{
	char *folder = folder_of(draft), *from = NULL, *to = NULL, *rel = NULL;
	nb_ynode_t *node = NULL;
	int rc = -1;

	if (!folder)
		return nb_error_set(err, NULL, 0, 0, "内存不足");
	if (!(from = realpath(folder, NULL)))
		nb_error_set(err, folder, 0, 0, "找不到草稿所在的文件夹：%s", strerror(errno));
	else if (!(to = realpath(last, NULL)))
		nb_error_set(err, last, 0, 0, "找不到上年报告：%s", strerror(errno));
	else if (!(rel = relative(from, to)) || !(node = nb_ynode_new(NB_Y_SCALAR, rel)) ||
	         set_recorded(r, node) < 0)
		nb_error_set(err, NULL, 0, 0, "内存不足");
	else
		rc = 0;
	if (rc < 0 && node)
		nb_ytree_free(node);
	free(folder);
	free(from);
	free(to);
	free(rel);
	return rc;
}

/* ---- reading last year's ---- */

/* Reads the draft at path with r's form: -1 with *err when it cannot be
 * read, and with *other set too when it is of another format. */
static int
read_with_form(const nb_report_t *r, const char *path, nb_report_t **out,
               int *other, nb_error_t *err)
{
	const char *format;
	nb_ynode_t *root;
	int rc = -1;

	*out = NULL;
	*other = 0;
	if (nb_ytree_load(path, &root, err) < 0)
		return -1;
	if (nb_draft_format_of(root, path, &format, err) == 0) {
		if (strcmp(format, r->form->format)) {
			const nb_ynode_t *at = nb_ymap_get(root, "format");
			*other = 1;
			nb_error_set(err, path, at->line, at->col, "上年报告的格式是“%s”，本草稿是“%s”："
			             "两种格式不能逐格核对，没有用它核对跨年度的勾稽关系",
			             format, r->form->format);
		} else {
			rc = nb_draft_from_tree(r->form, path, root, out, err);
		}
	}
	nb_ytree_free(root);
	return rc;
}

static int
same_file(const char *a, const struct stat *b)
{
	struct stat st;

	return stat(a, &st) == 0 && st.st_dev == b->st_dev && st.st_ino == b->st_ino;
}

/* A draft in the folder of the same body for the year before: 1 and
 * *out, 0 when it is not one (or cannot be read: then it is no help). */
static int
alike(const nb_report_t *r, const char *path, nb_report_t **out)
{
	nb_error_t err = { 0 };
	int other;

	if (read_with_form(r, path, out, &other, &err) < 0)
		return 0;
	if (!strcmp(nb_report_org(*out), nb_report_org(r)) &&
	    nb_report_year(*out) == nb_report_year(r) - 1)
		return 1;
	nb_report_free(*out);
	*out = NULL;
	return 0;
}

/* The only draft beside path of the same body for the year before. */
static int
find_beside(const nb_report_t *r, const char *path, nb_previous_t *out)
{
	char *folder = folder_of(path), *p;
	struct stat self, st;
	nb_report_t *rep;
	struct dirent *e;
	DIR *d;

	if (!folder)
		return -1;
	if (stat(path, &self) < 0 || !(d = opendir(folder))) {
		free(folder);
		return 0;           /* nothing beside to look at */
	}
	while ((e = readdir(d))) {
		if (!nb_walk_is_draft_name(e->d_name) || !(p = beside(path, e->d_name)))
			continue;
		if (stat(p, &st) == 0 && S_ISREG(st.st_mode) && !same_file(p, &self) &&
		    alike(r, p, &rep)) {
			if (out->alike++) {
				nb_report_free(rep);
			} else {
				out->rep = rep;
				out->name = strdup(e->d_name);
			}
		}
		free(p);
	}
	closedir(d);
	free(folder);
	if (out->alike == 1) {
		out->how = NB_PREV_BESIDE;
		out->alike = 0;
		return out->name ? 0 : -1;
	}
	nb_report_free(out->rep);
	free(out->name);
	out->rep = NULL;
	out->name = NULL;
	return 0;
}

/* The one given or recorded, read from file. */
static int
read_named(const nb_report_t *r, const char *file, nb_previous_t *out,
           nb_error_t *err)
{
	if (!file || !out->name)
		return nb_error_set(err, NULL, 0, 0, "内存不足");
	return read_with_form(r, file, &out->rep, &out->other_format, err);
}

int
nb_previous_find(const nb_report_t *r, const char *path, const char *given,
                 nb_previous_t *out, nb_error_t *err)
{
	const char *rec = nb_previous_recorded(r);
	char *file;
	int rc;

	memset(out, 0, sizeof *out);
	if (given) {
		out->how = NB_PREV_GIVEN;
		out->name = strdup(given);
		return read_named(r, given, out, err);
	}
	if (rec) {
		out->how = NB_PREV_RECORDED;
		out->name = strdup(rec);
		file = beside(path, rec);
		rc = read_named(r, file, out, err);
		free(file);
		return rc;
	}
	if (!*nb_report_org(r) || !nb_report_year(r))
		return 0;
	if (find_beside(r, path, out) < 0)
		return nb_error_set(err, NULL, 0, 0, "内存不足");
	return 0;
}

void
nb_previous_free(nb_previous_t *p)
{
	nb_report_free(p->rep);
	free(p->name);
	memset(p, 0, sizeof *p);
}
