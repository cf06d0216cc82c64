/* ysource_impl.h - what a source of nodes is made of (ysource.h): the
 * part every source shares, the replay of a tree, and the parser's
 * (ytree.c, which reads the text for trees and sources alike). */
#ifndef NB_YSOURCE_IMPL_H
#define NB_YSOURCE_IMPL_H

#include "core/ysource.h"

typedef struct {
	const nb_ynode_t *node;
	size_t next;                /* its kid to give next */
} nb_ysource_open_t;

struct nb_ysource {
	const char *name;           /* the file, for messages */
	nb_error_t *err;
	int started;                /* the root was given */
	size_t depth;               /* collections open */
	int (*next)(nb_ysource_t *s, const nb_ynode_t **node);
	int (*finish)(nb_ysource_t *s);   /* after the root: its end */
	void (*free)(nb_ysource_t *s);
	/* a tree replayed: the root, the collections open */
	const nb_ynode_t *root;
	nb_ysource_open_t *open;
	size_t cap;
	void *parser;               /* the text read: ytree.c's reader */
};

#endif
