/* arena.h - memory that lives and dies with one object (a loaded form).
 *
 * The form is built from hundreds of small strings and arrays that all share
 * its lifetime; one arena frees them at once and spares every builder an
 * unwinding path on failure.
 */
#ifndef NB_ARENA_H
#define NB_ARENA_H

#include <stddef.h>

typedef struct nb_arena_block nb_arena_block_t;
typedef struct {
	nb_arena_block_t *head;
} nb_arena_t;

void nb_arena_init(nb_arena_t *a);
void nb_arena_free(nb_arena_t *a);
/* Zeroed memory, or NULL when out of memory. */
void *nb_arena_alloc(nb_arena_t *a, size_t size);
/* The same, not zeroed: for memory its caller fills in whole at once. */
void *nb_arena_alloc_uninit(nb_arena_t *a, size_t size);
char *nb_arena_strdup(nb_arena_t *a, const char *s);

#endif
