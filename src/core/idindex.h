/* idindex.h - drafts known by whose report they are and for which year.
 *
 * A check of many drafts asks two questions of the ones read before: was
 * a draft of this body and year already among them (the same report
 * twice), and which one is this body's report of last year.  An index
 * answers both in constant time, holding only the body's name and a
 * number the caller gives each draft (its place in a list of paths), so
 * that it stays small over tens of thousands of drafts.  Names are
 * compared byte for byte, as they are written in the drafts.
 */
#ifndef NB_IDINDEX_H
#define NB_IDINDEX_H

#include <stddef.h>
#include <stdint.h>

typedef struct nb_idindex nb_idindex_t;

/* An empty index; NULL when out of memory. */
nb_idindex_t *nb_idindex_new(void);
void nb_idindex_free(nb_idindex_t *ix);

/* Records draft `id` as org's report for year, unless one is recorded
 * already: then returns 1 and leaves that one's id in *first.  Returns 0
 * when recorded, -1 when out of memory. */
int nb_idindex_add(nb_idindex_t *ix, const char *org, int64_t year, size_t id,
                   size_t *first);

/* The id recorded for org and year: 1 and *id, or 0 when there is none. */
int nb_idindex_find(const nb_idindex_t *ix, const char *org, int64_t year,
                    size_t *id);

/* How many drafts are recorded. */
size_t nb_idindex_count(const nb_idindex_t *ix);

#endif
