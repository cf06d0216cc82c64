#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"

struct nb_arena_block {
	nb_arena_block_t *next;
	size_t used, size;
	_Alignas(16) unsigned char data[];
};

#define BLOCK_SIZE 16384

void
nb_arena_init(nb_arena_t *a)
{
	a->head = NULL;
}

void
nb_arena_free(nb_arena_t *a)
{
	nb_arena_block_t *b, *next;

	for (b = a->head; b; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
}

void *
nb_arena_alloc_uninit(nb_arena_t *a, size_t size)
{
	nb_arena_block_t *b = a->head;
	void *p;

	size = (size + 15) & ~(size_t)15;
	if (!size)
		size = 16;
	if (!b || b->size - b->used < size) {
		size_t want = size > BLOCK_SIZE ? size : BLOCK_SIZE;
		b = malloc(sizeof *b + want);
		if (!b)
			return NULL;
		b->used = 0;
		b->size = want;
		b->next = a->head;
		a->head = b;
	}
	p = b->data + b->used;
	b->used += size;
	return p;
}

void *
nb_arena_alloc(nb_arena_t *a, size_t size)
{
	void *p = nb_arena_alloc_uninit(a, size);

	if (p)
		memset(p, 0, size);
	return p;
}

char *
nb_arena_strdup(nb_arena_t *a, const char *s)
{
	size_t n;
	char *p;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	p = nb_arena_alloc(a, n);
	if (p)
		memcpy(p, s, n);
	return p;
}
