/* places.c - the file of the places where drafts were left (places.h). */

#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/buf.h"
#include "core/file.h"
#include "core/places.h"

/* NB_PLACES_MAX lines of the longest paths, with room to spare: anything
 * larger is not a file this program wrote. */
#define PLACES_MAX_BYTES (2u << 20)

static const char header[] =
	"# nianbao：每份草稿上次停留的位置（位置、制表符、草稿的完整路径），最近的在最后\n";

typedef struct {
	char *place, *path;     /* into text */
} line_t;

typedef struct {
	char *text;             /* owned */
	line_t *v;              /* owned */
	size_t n;
} places_t;

char *
nb_places_file(void)
{
	const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	nb_buf_t b;

	nb_buf_init(&b);
	/* the XDG rule: a relative path there is no path at all */
	if (state && state[0] == '/')
		nb_buf_printf(&b, "%s/nianbao/places", state);
	else if (home && *home)
		nb_buf_printf(&b, "%s/.local/state/nianbao/places", home);
	else
		return NULL;
	return nb_buf_take(&b);
}

static void
places_free(places_t *p)
{
	free(p->text);
	free(p->v);
	memset(p, 0, sizeof *p);
}

/* One line "PLACE\tPATH" into *l; 0 for a comment or a line that is not
 * one of ours. */
static int
parse_line(char *s, line_t *l)
{
	char *tab = strchr(s, '\t');

	if (*s == '#' || !tab || tab == s || !tab[1])
		return 0;
	*tab = '\0';
	l->place = s;
	l->path = tab + 1;
	return 1;
}

/* The lines of the file; none when it is not there yet. */
static int
read_places(const char *file, places_t *p, nb_error_t *err)
{
	struct stat st;
	size_t len, lines = 1, i;
	char *s, *nl;

	memset(p, 0, sizeof *p);
	if (stat(file, &st) < 0 && (errno == ENOENT || errno == ENOTDIR))
		return 0;
	if (nb_file_read(file, PLACES_MAX_BYTES, &p->text, &len, err) < 0)
		return -1;
	for (i = 0; i < len; i++)
		lines += p->text[i] == '\n';
	if (!(p->v = calloc(lines, sizeof *p->v))) {
		places_free(p);
		return nb_error_set(err, file, 0, 0, "内存不足");
	}
	for (s = p->text; s; s = nl) {
		if ((nl = strchr(s, '\n')))
			*nl++ = '\0';
		p->n += parse_line(s, &p->v[p->n]);
	}
	return 0;
}

/* The draft as the file names it: absolute, its links resolved; NULL
 * (*err set) when it cannot be. */
static char *
draft_key(const char *draft, nb_error_t *err)
{
	char *key = realpath(draft, NULL);

	if (!key)
		nb_error_set(err, draft, 0, 0, "找不到草稿：%s", strerror(errno));
	return key;
}

int
nb_places_get(const char *file, const char *draft, char **place,
              nb_error_t *err)
{
	places_t p;
	char *key = draft_key(draft, err);
	size_t i;
	int rc = 0;

	*place = NULL;
	if (!key || read_places(file, &p, err) < 0) {
		free(key);
		return -1;
	}
	for (i = p.n; i-- > 0 && !*place; )
		if (!strcmp(p.v[i].path, key) && !(*place = strdup(p.v[i].place)))
			rc = nb_error_set(err, file, 0, 0, "内存不足");
	places_free(&p);
	free(key);
	return rc;
}

/* The folders file is to be in, made as needed (private to the operator,
 * as the XDG rule asks of the state folder). */
static int
make_folders(const char *file, nb_error_t *err)
{
	char dir[PATH_MAX];
	char *slash;

	if (snprintf(dir, sizeof dir, "%s", file) >= (int)sizeof dir)
		return nb_error_set(err, file, 0, 0, "路径太长");
	for (slash = strchr(dir + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST)
			return nb_error_set(err, dir, 0, 0, "无法建立文件夹：%s", strerror(errno));
		*slash = '/';
	}
	return 0;
}

/* The file's new text: the lines of other drafts, the oldest dropped so
 * that with the new one there are NB_PLACES_MAX at most, then the new. */
static void
emit(const places_t *p, const char *key, const char *place, nb_buf_t *b)
{
	size_t i, others = 0, skip;

	for (i = 0; i < p->n; i++)
		others += strcmp(p->v[i].path, key) != 0;
	skip = others >= NB_PLACES_MAX ? others - (NB_PLACES_MAX - 1) : 0;
	nb_buf_puts(b, header);
	for (i = 0; i < p->n; i++) {
		if (!strcmp(p->v[i].path, key))
			continue;
		if (skip) {
			skip--;
			continue;
		}
		nb_buf_printf(b, "%s\t%s\n", p->v[i].place, p->v[i].path);
	}
	nb_buf_printf(b, "%s\t%s\n", place, key);
}

int
nb_places_put(const char *file, const char *draft, const char *place,
              nb_error_t *err)
{
	places_t p;
	nb_buf_t b;
	char *key;
	int rc;

	if (!*place || strpbrk(place, "\t\n"))
		return nb_error_set(err, file, 0, 0, "位置中不能有制表符或换行");
	if (!(key = draft_key(draft, err)))
		return -1;
	if (strchr(key, '\n')) {
		free(key);
		return nb_error_set(err, draft, 0, 0, "草稿的路径中有换行，记不下它的位置");
	}
	if (read_places(file, &p, err) < 0 || make_folders(file, err) < 0) {
		places_free(&p);
		free(key);
		return -1;
	}
	nb_buf_init(&b);
	emit(&p, key, place, &b);
	rc = b.failed ? nb_error_set(err, file, 0, 0, "内存不足")
	              : nb_file_replace(file, b.data, b.len, err);
	nb_buf_free(&b);
	places_free(&p);
	free(key);
	return rc;
}
