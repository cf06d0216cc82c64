/* ytree.h - a YAML document read into a small tree, with the limits a loader
 * of untrusted files needs.
 *
 * libyaml's event parser does the scanning; this module refuses what a
 * draft or a form file never needs and what could hurt us: anchors and
 * aliases, tags, documents nested deeper than NB_YTREE_MAX_DEPTH or with
 * more than NB_YTREE_MAX_NODES values, duplicate keys, more than one
 * document, files larger than NB_YTREE_MAX_BYTES, text that is not UTF-8,
 * NUL bytes and the characters textcheck.h refuses, written as they are or
 * as escapes in double quotes (saying, where it can, what the file is
 * instead: UTF-16, GBK, a Word or PDF file...).  A leading byte-order mark
 * is skipped.  Duplicate keys are found
 * in linear time.  A parsed tree is one block of memory, freed with its
 * root; nb_ytree_copy makes a tree of separate nodes, which may be
 * taken apart.  Every node keeps its 1-based line and
 * column (in characters) for diagnostics.
 */
#ifndef NB_YTREE_H
#define NB_YTREE_H

#include <stddef.h>

#include "core/arena.h"
#include "core/error.h"

#define NB_YTREE_MAX_BYTES (4u * 1024u * 1024u)
#define NB_YTREE_MAX_DEPTH 32
#define NB_YTREE_MAX_NODES 100000  /* a draft has about 400 */

typedef enum { NB_Y_SCALAR, NB_Y_SEQ, NB_Y_MAP } nb_ytype_t;

typedef struct nb_ynode {
	/* (the ints together, the pointers together: a draft's thousand
	 * nodes are read a line of the cache at a time) */
	nb_ytype_t type;
	int line, col;
	int plain;             /* scalar was written without quotes or block */
	/* Where a scalar's characters stand: when text_lines is set, line k
	 * of the value (counting from 0) is line text_line + k of the file
	 * and starts at column text_col (a literal block, or a value on one
	 * line); otherwise only the value's start is known (text_line and
	 * text_col are line and col). */
	int text_line, text_col, text_lines;
	int flow;              /* collection was written in flow style */
	/* A tree nb_ytree_parse made lives in one arena, which its root
	 * holds: its nodes go only with the root (nb_ytree_free of another
	 * does nothing), and a subtree to be kept longer is copied. */
	int in_arena;
	char *str;             /* scalar text, NUL-terminated (in the node's block) */
	size_t len;            /* scalar length in bytes */
	struct nb_ynode **kids;/* seq: items; map: key, value, key, value... */
	size_t n;              /* number of entries in kids */
	nb_arena_t arena;      /* the root's: the whole tree's memory */
} nb_ynode_t;

/* Parses len bytes of buf; `name` is used in error messages.  On success
 * *out is a tree the caller frees with nb_ytree_free.  An empty document
 * gives an empty mapping. */
int nb_ytree_parse(const char *name, const char *buf, size_t len,
                   nb_ynode_t **out, nb_error_t *err);

/* Reads and parses a file. */
int nb_ytree_load(const char *path, nb_ynode_t **out, nb_error_t *err);

void nb_ytree_free(nb_ynode_t *node);

/* A node built by the program (a value it writes under an x- key): a
 * scalar of str (a plain one: libyaml quotes it where it must), or an
 * empty sequence or mapping (str NULL); freed with nb_ytree_free.  NULL
 * when out of memory. */
nb_ynode_t *nb_ynode_new(nb_ytype_t type, const char *str);
/* Appends kid to a sequence or mapping built so; on failure (out of
 * memory, or kid NULL) kid is freed and -1 returned. */
int nb_ynode_add(nb_ynode_t *parent, nb_ynode_t *kid);

/* A deep copy of a tree (NULL in, NULL out), or NULL when out of memory. */
nb_ynode_t *nb_ytree_copy(const nb_ynode_t *node);

/* The value under `key` in a mapping, or NULL. */
nb_ynode_t *nb_ymap_get(const nb_ynode_t *map, const char *key);

/* A plain scalar that YAML 1.1 reads as null: ~, null, Null, NULL, empty. */
int nb_yscalar_is_null(const nb_ynode_t *node);

#endif
