/* draft_state.h - how far a draft is, for a list of drafts: whose report
 * and for which year, how many errors and unfilled places it has, when it
 * was last changed, or why it cannot be read.
 *
 * The counts are the editor's: the draft is opened as the editor opens it
 * (with last year's draft as the editor finds it, previous.h) and its
 * outline's counts are added up, so that the list and the editor never
 * disagree.
 */
#ifndef NB_DRAFT_STATE_H
#define NB_DRAFT_STATE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/editor.h"
#include "core/error.h"

typedef struct {
	int readable;       /* 0: err says why it cannot be read */
	char *org;          /* 机关名称, "" when not filled in (owned) */
	int64_t year;       /* 0 when not filled in */
	int errors, unfilled;
	nb_sec_state_t state;   /* done, unfilled or with errors */
	time_t mtime;       /* last changed; 0 when not known */
	nb_error_t err;
} nb_draft_state_t;

/* The state of the draft at path, form files looked for in dirs.  0, also
 * for a draft that cannot be read (then `readable` is 0); -1 only when
 * out of memory.  Free with nb_draft_state_free. */
int nb_draft_state(const char *path, const char *const *dirs,
                   nb_draft_state_t *st);
/* The states of the drafts at paths[0..n), all the drafts of one folder
 * (each regular file there that nb_walk_is_draft_name takes), into
 * st[0..n): each what nb_draft_state says of it, but each draft read once
 * and a form once for all of them, where nb_draft_state reads the whole
 * folder for each draft to find last year's.  0; -1 only when out of
 * memory.  Free each with nb_draft_state_free. */
int nb_draft_states(const char *const *paths, size_t n,
                    const char *const *dirs, nb_draft_state_t *st);
void nb_draft_state_free(nb_draft_state_t *st);

#endif
