#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/settings.h"
#include "core/walk.h"

/* The directories entered so far, by device and inode. */
typedef struct {
	struct { dev_t dev; ino_t ino; } *v;
	size_t n, cap;
} seen_t;

static int
push(nb_paths_t *p, char *path)
{
	if (!path)
		return -1;
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 64;
		char **v = realloc(p->v, cap * sizeof *v);

		if (!v) {
			free(path);
			return -1;
		}
		p->v = v;
		p->cap = cap;
	}
	p->v[p->n++] = path;
	return 0;
}

int
nb_walk_is_draft_name(const char *name)
{
	size_t n = strlen(name);

	if (name[0] == '.' || (n && name[n - 1] == '~') || !strcmp(name, NB_SETTINGS_NAME))
		return 0;
	return (n > 5 && !strcmp(name + n - 5, ".yaml")) ||
	       (n > 4 && !strcmp(name + n - 4, ".yml"));
}

static int
first_visit(seen_t *s, const struct stat *st)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->v[i].dev == st->st_dev && s->v[i].ino == st->st_ino)
			return 0;
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		void *v = realloc(s->v, cap * sizeof *s->v);

		if (!v)
			return -1;
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n].dev = st->st_dev;
	s->v[s->n++].ino = st->st_ino;
	return 1;
}

static char *
join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	char *s = malloc(a + b + 2);

	if (s) {
		memcpy(s, dir, a);
		/* "dir/" given with its slash keeps one */
		if (a && dir[a - 1] != '/')
			s[a++] = '/';
		memcpy(s + a, name, b + 1);
	}
	return s;
}

/* A name in a directory, with the type readdir() gives (DT_UNKNOWN on
 * file systems that do not say): a regular file or a directory is known
 * without a stat() of its own. */
typedef struct {
	char *name;
	unsigned char type;
} entry_t;

typedef struct {
	entry_t *v;
	size_t n, cap;
} entries_t;

static void
entries_free(entries_t *e)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		free(e->v[i].name);
	free(e->v);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const entry_t *)a)->name, ((const entry_t *)b)->name);
}

static int
add_entry(entries_t *e, const struct dirent *d)
{
	if (e->n == e->cap) {
		size_t cap = e->cap ? e->cap * 2 : 64;
		entry_t *v = realloc(e->v, cap * sizeof *v);

		if (!v)
			return -1;
		e->v = v;
		e->cap = cap;
	}
	if (!(e->v[e->n].name = strdup(d->d_name)))
		return -1;
	e->v[e->n++].type = d->d_type;
	return 0;
}

static int walk(nb_paths_t *p, seen_t *s, const char *dir,
                nb_walk_error_fn *on_error, void *ctx);

/* The entries of dir, sorted by name; -1 with errno when unreadable. */
static int
read_names(const char *dir, entries_t *out)
{
	struct dirent *d;
	DIR *dp = opendir(dir);

	memset(out, 0, sizeof *out);
	if (!dp)
		return -1;
	while ((errno = 0, d = readdir(dp)))
		if (strcmp(d->d_name, ".") && strcmp(d->d_name, "..") &&
		    add_entry(out, d) < 0) {
			entries_free(out);
			closedir(dp);
			errno = ENOMEM;
			return -1;
		}
	closedir(dp);
	if (out->n)
		qsort(out->v, out->n, sizeof *out->v, by_name);
	return 0;
}

/* What an entry is: a directory to search, a draft to take, or neither
 * (0); stat() only when readdir() did not say, or for a link. */
static int
kind_of(const char *path, const entry_t *e)
{
	struct stat st;

	if (e->type == DT_DIR || e->type == DT_REG)
		return e->type == DT_DIR ? 'd' : 'f';
	if (stat(path, &st) < 0)
		return 0;
	return S_ISDIR(st.st_mode) ? 'd' : S_ISREG(st.st_mode) ? 'f' : 0;
}

static int
walk_names(nb_paths_t *p, seen_t *s, const char *dir, const entries_t *e,
           nb_walk_error_fn *on_error, void *ctx)
{
	size_t i;
	char *path;
	int rc = 0, kind;

	for (i = 0; i < e->n && rc == 0; i++) {
		const char *name = e->v[i].name;
		/* hidden directories and side files are never wanted */
		if (name[0] == '.' || (e->v[i].type == DT_REG && !nb_walk_is_draft_name(name)))
			continue;
		if (!(path = join(dir, name)))
			return -1;
		kind = kind_of(path, &e->v[i]);
		if (kind == 'f' && nb_walk_is_draft_name(name)) {
			rc = push(p, path);     /* which keeps path, or frees it */
			continue;
		}
		if (kind == 'd')
			rc = walk(p, s, path, on_error, ctx);
		free(path);
	}
	return rc;
}

static int
walk(nb_paths_t *p, seen_t *s, const char *dir, nb_walk_error_fn *on_error,
     void *ctx)
{
	struct stat st;
	entries_t e;
	int rc, seen;

	if (stat(dir, &st) < 0 || (seen = first_visit(s, &st)) == 0)
		return 0;
	if (seen < 0)
		return -1;
	if (read_names(dir, &e) < 0) {
		if (errno == ENOMEM)
			return -1;
		if (on_error)
			on_error(dir, errno, ctx);
		return 0;
	}
	rc = walk_names(p, s, dir, &e, on_error, ctx);
	entries_free(&e);
	return rc;
}

int
nb_paths_add(nb_paths_t *p, const char *path, nb_walk_error_fn *on_error,
             void *ctx)
{
	seen_t s = { 0 };
	struct stat st;
	int rc;

	if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode))
		return push(p, strdup(path));
	rc = walk(p, &s, path, on_error, ctx);
	free(s.v);
	return rc;
}

int
nb_paths_push(nb_paths_t *p, const char *path)
{
	return push(p, strdup(path));
}

void
nb_paths_free(nb_paths_t *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
	p->v = NULL;
	p->n = p->cap = 0;
}
