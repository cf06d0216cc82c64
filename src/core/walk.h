/* walk.h - the drafts a command line names: files as they are given,
 * directories searched.
 *
 * In a directory and those below it, a draft is a regular file whose name
 * ends in .yaml or .yml and does not start with "." (a lock, a recovery
 * file, a temporary file) or end in "~" (a backup), and is not the
 * project's settings (settings.h).  Names are taken in
 * byte order within each directory, so that a run over the same tree
 * always takes the files in the same order.  A symbolic link to a
 * directory is followed, but no directory is entered twice (a loop).
 */
#ifndef NB_WALK_H
#define NB_WALK_H

#include <stddef.h>

typedef struct {
	char **v;       /* malloc'd paths, in order */
	size_t n, cap;
} nb_paths_t;

/* Called for a directory that cannot be read (errnum: its errno); the
 * walk goes on without it. */
typedef void nb_walk_error_fn(const char *path, int errnum, void *ctx);

/* Appends path, or the drafts under it when it is a directory.  A path
 * that does not exist or is not a directory is appended as it is, for the
 * reader to refuse with its own message.  -1 only when out of memory. */
int nb_paths_add(nb_paths_t *p, const char *path, nb_walk_error_fn *on_error,
                 void *ctx);
/* Appends path as it is, a directory too.  -1 only when out of memory. */
int nb_paths_push(nb_paths_t *p, const char *path);
void nb_paths_free(nb_paths_t *p);

/* Whether a file name (not a path) is taken as a draft in a directory. */
int nb_walk_is_draft_name(const char *name);

#endif
