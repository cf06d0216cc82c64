/* places.h - where each draft was left, so that it opens there again.
 *
 * Kept with the operator's own state, not in the draft (which others read
 * and send on): the file $XDG_STATE_HOME/nianbao/places, by default
 * ~/.local/state/nianbao/places.  One line per draft: the place, a tab,
 * and the draft's absolute path with its symbolic links resolved; the
 * draft left last is the last line, and only the NB_PLACES_MAX drafts
 * left most recently are kept.  A place is the editor's description of a
 * stop (nb_ed_place); it is kept here as it is given.
 *
 * The file is a convenience: when it cannot be read or written, *err says
 * why and the caller goes on without it.
 */
#ifndef NB_PLACES_H
#define NB_PLACES_H

#include "core/error.h"

#define NB_PLACES_MAX 200

/* The places file (malloc'd), or NULL when neither XDG_STATE_HOME (an
 * absolute path) nor HOME says where it is, or memory ran out. */
char *nb_places_file(void);

/* The place recorded for the draft at draft: 0 with *place (malloc'd),
 * or NULL when none is (no file yet, or no line for it); -1 with *err
 * when the file cannot be read. */
int nb_places_get(const char *file, const char *draft, char **place,
                  nb_error_t *err);

/* Records the place of the draft at draft (an existing file): its line
 * replaced and moved to the end, the oldest beyond NB_PLACES_MAX dropped,
 * the file replaced atomically (its folders made when missing).  A place
 * cannot hold a tab or a line break.  -1 with *err when it was not
 * written. */
int nb_places_put(const char *file, const char *draft, const char *place,
                  nb_error_t *err);

#endif
