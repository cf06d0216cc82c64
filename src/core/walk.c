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

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(nb_paths_t *p, seen_t *s, const char *dir,
                nb_walk_error_fn *on_error, void *ctx);

/* The names in dir, sorted; NULL with *n = 0 and errno when unreadable. */
static char **
read_names(const char *dir, size_t *n)
{
	nb_paths_t names = { 0 };
	struct dirent *e;
	DIR *d = opendir(dir);

	*n = 0;
	if (!d)
		return NULL;
	while ((errno = 0, e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
		    push(&names, strdup(e->d_name)) < 0) {
			nb_paths_free(&names);
			closedir(d);
			errno = ENOMEM;
			return NULL;
		}
	closedir(d);
	qsort(names.v, names.n, sizeof *names.v, by_name);
	*n = names.n;
	if (!names.v)
		names.v = calloc(1, sizeof *names.v);
	return names.v;
}

static int
walk_names(nb_paths_t *p, seen_t *s, const char *dir, char **names, size_t n,
           nb_walk_error_fn *on_error, void *ctx)
{
	struct stat st;
	size_t i;
	char *path;
	int rc = 0;

	for (i = 0; i < n && rc == 0; i++) {
		if (!(path = join(dir, names[i]))) {
			rc = -1;
			break;
		}
		if (stat(path, &st) < 0) {
			free(path);
		} else if (S_ISDIR(st.st_mode) && names[i][0] != '.') {
			rc = walk(p, s, path, on_error, ctx);
			free(path);
		} else if (S_ISREG(st.st_mode) && nb_walk_is_draft_name(names[i])) {
			rc = push(p, path);
		} else {
			free(path);
		}
	}
	return rc;
}

static int
walk(nb_paths_t *p, seen_t *s, const char *dir, nb_walk_error_fn *on_error,
     void *ctx)
{
	struct stat st;
	char **names;
	size_t n, i;
	int rc, seen;

	if (stat(dir, &st) < 0 || (seen = first_visit(s, &st)) == 0)
		return 0;
	if (seen < 0)
		return -1;
	if (!(names = read_names(dir, &n))) {
		if (errno == ENOMEM)
			return -1;
		if (on_error)
			on_error(dir, errno, ctx);
		return 0;
	}
	rc = walk_names(p, s, dir, names, n, on_error, ctx);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
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
