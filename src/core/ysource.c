/* ysource.c - a YAML document as a stream of nodes (ysource.h): the
 * replay of a tree, and what every source shares. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/ysource_impl.h"

/* ---- a tree replayed ---- */

static int
push(nb_ysource_t *s, const nb_ynode_t *n)
{
	nb_ysource_open_t *o;
	size_t cap;

	if (s->depth == s->cap) {
		cap = s->cap ? 2 * s->cap : 16;
		if (!(o = realloc(s->open, cap * sizeof *o)))
			return nb_error_set(s->err, s->name, 0, 0, "内存不足");
		s->open = o;
		s->cap = cap;
	}
	s->open[s->depth].node = n;
	s->open[s->depth++].next = 0;
	return 0;
}

static int
replay_next(nb_ysource_t *s, const nb_ynode_t **node)
{
	nb_ysource_open_t *top;
	const nb_ynode_t *n;

	if (!s->started) {
		s->started = 1;
		n = s->root;
	} else if (!s->depth) {
		return 0;                       /* the document's end */
	} else {
		top = &s->open[s->depth - 1];
		if (top->next == top->node->n) {
			s->depth--;
			return 0;
		}
		n = top->node->kids[top->next++];
	}
	if (n->type != NB_Y_SCALAR && push(s, n) < 0)
		return -1;
	*node = n;
	return 1;
}

nb_ysource_t *
nb_ysource_of_tree(const nb_ynode_t *root, const char *name, nb_error_t *err)
{
	nb_ysource_t *s = calloc(1, sizeof *s);

	if (!s)
		return NULL;
	s->name = name;
	s->err = err;
	s->root = root;
	s->next = replay_next;
	return s;
}

/* ---- every source ---- */

int
nb_ysource_next(nb_ysource_t *s, const nb_ynode_t **node)
{
	return s->next(s, node);
}

int
nb_ysource_skip(nb_ysource_t *s)
{
	const nb_ynode_t *n;
	size_t open = 0;
	int rc;

	while ((rc = s->next(s, &n)) >= 0) {
		if (rc == 1 && n->type != NB_Y_SCALAR)
			open++;
		else if (rc == 0 && !open--)
			return 0;
	}
	return -1;
}

/* A node as n is, without its kids, in memory of its own. */
static nb_ynode_t *
alone(const nb_ynode_t *n)
{
	nb_ynode_t bare = *n;

	bare.kids = NULL;
	bare.n = 0;
	return nb_ytree_copy(&bare);
}

int
nb_ysource_tree(nb_ysource_t *s, const nb_ynode_t *node, nb_ynode_t **out)
{
	const nb_ynode_t *n;
	nb_ynode_t *t, *kid;
	int rc;

	*out = NULL;
	if (!(t = alone(node)))
		return nb_error_set(s->err, s->name, 0, 0, "内存不足");
	if (node->type != NB_Y_SCALAR) {
		while ((rc = s->next(s, &n)) == 1) {
			if (nb_ysource_tree(s, n, &kid) < 0 || nb_ynode_add(t, kid) < 0) {
				rc = -1;
				if (kid)
					nb_error_set(s->err, s->name, 0, 0, "内存不足");
				break;
			}
		}
		if (rc < 0) {
			nb_ytree_free(t);
			return -1;
		}
	}
	*out = t;
	return 0;
}

int
nb_ysource_finish(nb_ysource_t *s)
{
	const nb_ynode_t *n;
	int rc;

	while (s->depth || !s->started)
		if ((rc = s->next(s, &n)) < 0)
			return -1;
	return s->finish ? s->finish(s) : 0;
}

void
nb_ysource_free(nb_ysource_t *s)
{
	if (!s)
		return;
	if (s->free)
		s->free(s);
	free(s->open);
	free(s);
}
