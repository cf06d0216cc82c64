/* ysource.h - a YAML document as a stream of nodes, for a reader that
 * walks it once in file order and keeps little of it.
 *
 * A source gives a scalar, or the start of a sequence or mapping, then
 * that collection's kids, then its end, the document's root first.  It
 * comes from a tree already parsed (nb_ysource_of_tree) or straight from
 * the file's text (nb_ysource_open, ytree.h's limits and refusals, the
 * same messages at the same places as nb_ytree_parse): reading a draft
 * that way builds no tree of its thousand values.  A node given by the
 * source is valid until the next call; its kids and n are not filled.
 */
#ifndef NB_YSOURCE_H
#define NB_YSOURCE_H

#include <stddef.h>

#include "core/error.h"
#include "core/ytree.h"

typedef struct nb_ysource nb_ysource_t;

/* A source replaying root (which must outlive it); errors (out of
 * memory only) go to err, naming the file `name`.  NULL when out of
 * memory. */
nb_ysource_t *nb_ysource_of_tree(const nb_ynode_t *root, const char *name,
                                 nb_error_t *err);

/* The next node: 1 and *node; 0 at the end of the collection being read
 * (and once more at the end of the document); -1 when the text is at
 * fault there, the source's err saying why. */
int nb_ysource_next(nb_ysource_t *s, const nb_ynode_t **node);

/* Reads through the end of the collection whose start or some of whose
 * kids were just read; 0 or -1. */
int nb_ysource_skip(nb_ysource_t *s);

/* The value whose first node was just read, the rest of it read from s,
 * as a tree of separate nodes (nb_ytree_copy's kind, freed with
 * nb_ytree_free); 0 or -1. */
int nb_ysource_tree(nb_ysource_t *s, const nb_ynode_t *node, nb_ynode_t **out);

/* Reads the document to its end, for a fault in what was not read: a
 * reader that found one of its own calls this, and a fault of the text
 * found here replaces its message (a tree would have been refused for
 * it first).  0, or -1 when the text is at fault. */
int nb_ysource_finish(nb_ysource_t *s);

void nb_ysource_free(nb_ysource_t *s);

#endif
