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

/* ---- which one: the only one of the drafts beside ---- */

/* Whether c is of the same body as r for the year before, of r's format
 * (else it cannot be compared cell by cell, and is no help). */
static int
last_years(const nb_report_t *r, const nb_report_t *c)
{
	return !strcmp(c->form->format, r->form->format) &&
	       !strcmp(nb_report_org(c), nb_report_org(r)) &&
	       nb_report_year(c) == nb_report_year(r) - 1;
}

static int
same_file(const nb_previous_draft_t *d, dev_t dev, ino_t ino)
{
	return d->dev == dev && d->ino == ino;
}

static const char *
file_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* Of the drafts ds[0..n) beside r, the file at (dev, ino) not counted (r
 * itself): the only one of the same body for the year before, copied
 * when it was read with r's form, else read with it.  More than one:
 * none is taken, and out->alike says how many.  -1 when out of memory. */
static int
choose(const nb_report_t *r, dev_t dev, ino_t ino, const nb_previous_draft_t *ds,
       size_t n, nb_previous_t *out)
{
	const nb_previous_draft_t *one = NULL;
	nb_error_t err = { 0 };
	int other;
	size_t i;

	for (i = 0; i < n; i++)
		if (ds[i].rep && !same_file(&ds[i], dev, ino) && last_years(r, ds[i].rep)) {
			one = &ds[i];
			out->alike++;
		}
	if (out->alike != 1)
		return 0;
	out->alike = 0;
	if (one->rep->form == r->form)
		out->rep = nb_report_copy(one->rep);
	else if (read_with_form(r, one->path, &out->rep, &other, &err) < 0)
		return 0;               /* gone since it was read: no help */
	out->how = NB_PREV_BESIDE;
	out->name = strdup(file_name(one->path));
	return out->rep && out->name ? 0 : -1;
}

/* ---- the drafts beside, read from the folder ---- */

typedef struct {
	nb_previous_draft_t *v;
	size_t n, cap;
} drafts_t;

static void
drafts_free(drafts_t *ds)
{
	size_t i;

	for (i = 0; i < ds->n; i++) {     /* read here: ours */
		free((char *)ds->v[i].path);
		nb_report_free((nb_report_t *)ds->v[i].rep);
	}
	free(ds->v);
}

/* Keeps the draft at path (taken over) when it is last year's of r. */
static int
keep_if_alike(drafts_t *ds, const nb_report_t *r, char *path, const struct stat *st)
{
	nb_previous_draft_t *v;
	nb_report_t *rep;
	nb_error_t err = { 0 };
	int other;

	if (read_with_form(r, path, &rep, &other, &err) < 0 || !last_years(r, rep)) {
		nb_report_free(rep);
		free(path);
		return 0;               /* cannot be read or is not: no help */
	}
	if (ds->n == ds->cap) {
		size_t cap = ds->cap ? 2 * ds->cap : 4;
		if (!(v = realloc(ds->v, cap * sizeof *v))) {
			nb_report_free(rep);
			free(path);
			return -1;
		}
		ds->v = v;
		ds->cap = cap;
	}
	ds->v[ds->n++] = (nb_previous_draft_t){ path, rep, st->st_dev, st->st_ino };
	return 0;
}

/* The drafts in the folder of path that are last year's of r, read with
 * its form; the draft itself is left out when it is seen. */
static int
read_beside(const nb_report_t *r, const char *path, const struct stat *self,
            drafts_t *ds)
{
	char *folder = folder_of(path), *p;
	struct dirent *e;
	struct stat st;
	DIR *d;
	int rc = 0;

	if (!folder)
		return -1;
	if ((d = opendir(folder))) {
		while (rc == 0 && (e = readdir(d))) {
			if (!nb_walk_is_draft_name(e->d_name))
				continue;
			if (!(p = beside(path, e->d_name)))
				rc = -1;
			else if (stat(p, &st) < 0 || !S_ISREG(st.st_mode) ||
			         (st.st_dev == self->st_dev && st.st_ino == self->st_ino))
				free(p);
			else
				rc = keep_if_alike(ds, r, p, &st);
		}
		closedir(d);
	}
	free(folder);
	return rc;
}

/* The only draft beside path of the same body for the year before. */
static int
find_beside(const nb_report_t *r, const char *path, nb_previous_t *out)
{
	drafts_t ds = { 0 };
	struct stat self;
	int rc;

	if (stat(path, &self) < 0)
		return 0;               /* nothing beside to look at */
	rc = read_beside(r, path, &self, &ds);
	if (rc == 0)
		rc = choose(r, self.st_dev, self.st_ino, ds.v, ds.n, out);
	drafts_free(&ds);
	return rc;
}

/* ---- given, recorded, or beside ---- */

/* The drafts of the folder as the caller has read them, or NULL: the
 * folder is to be read. */
typedef struct {
	const nb_previous_draft_t *v;
	size_t n, self;
} among_t;

/* The one of `among` that is the file at path, read with r's form. */
static const nb_previous_draft_t *
listed(const nb_report_t *r, const char *path, const among_t *among)
{
	struct stat st;
	size_t i;

	if (!among || stat(path, &st) < 0)
		return NULL;
	for (i = 0; i < among->n; i++)
		if (among->v[i].rep && same_file(&among->v[i], st.st_dev, st.st_ino) &&
		    among->v[i].rep->form == r->form)
			return &among->v[i];
	return NULL;
}

/* The one given or recorded: from `among` when it is one of them, else
 * read from file. */
static int
read_named(const nb_report_t *r, const char *file, const among_t *among,
           nb_previous_t *out, nb_error_t *err)
{
	const nb_previous_draft_t *d;

	if (!file || !out->name)
		return nb_error_set(err, NULL, 0, 0, "内存不足");
	if ((d = listed(r, file, among)))
		return (out->rep = nb_report_copy(d->rep)) ? 0
		       : nb_error_set(err, NULL, 0, 0, "内存不足");
	return read_with_form(r, file, &out->rep, &out->other_format, err);
}

/* The one decision, for nb_previous_find and nb_previous_find_among. */
static int
find(const nb_report_t *r, const char *path, const char *given,
     const among_t *among, nb_previous_t *out, nb_error_t *err)
{
	const char *rec = nb_previous_recorded(r);
	const nb_previous_draft_t *self;
	char *file;
	int rc;

	memset(out, 0, sizeof *out);
	if (given) {
		out->how = NB_PREV_GIVEN;
		out->name = strdup(given);
		return read_named(r, given, among, out, err);
	}
	if (rec) {
		out->how = NB_PREV_RECORDED;
		out->name = strdup(rec);
		file = beside(path, rec);
		rc = read_named(r, file, among, out, err);
		free(file);
		return rc;
	}
	if (!*nb_report_org(r) || !nb_report_year(r))
		return 0;
	if (among) {
		self = &among->v[among->self];
		rc = choose(r, self->dev, self->ino, among->v, among->n, out);
	} else {
		rc = find_beside(r, path, out);
	}
	return rc < 0 ? nb_error_set(err, NULL, 0, 0, "内存不足") : 0;
}

int
nb_previous_find(const nb_report_t *r, const char *path, const char *given,
                 nb_previous_t *out, nb_error_t *err)
{
	return find(r, path, given, NULL, out, err);
}

int
nb_previous_find_among(const nb_previous_draft_t *v, size_t n, size_t self,
                       nb_previous_t *out, nb_error_t *err)
{
	among_t among = { v, n, self };

	return find(v[self].rep, v[self].path, NULL, &among, out, err);
}

void
nb_previous_free(nb_previous_t *p)
{
	nb_report_free(p->rep);
	free(p->name);
	memset(p, 0, sizeof *p);
}
