/* Drafts by body and year (see idindex.h): the entries in one array, a
 * table of twice as many slots holding their places (open addressing),
 * the names in an arena: about 60 bytes a draft. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/idindex.h"

typedef struct {
	const char *org;
	int64_t year;
	size_t id;
} entry_t;

struct nb_idindex {
	entry_t *v;
	size_t n, cap;
	uint32_t *slots;        /* an entry's place + 1; 0: empty */
	size_t nslots;          /* a power of two, or 0 */
	nb_arena_t names;
};

nb_idindex_t *
nb_idindex_new(void)
{
	nb_idindex_t *ix = calloc(1, sizeof *ix);

	if (!ix)
		return NULL;
	nb_arena_init(&ix->names);
	return ix;
}

void
nb_idindex_free(nb_idindex_t *ix)
{
	if (!ix)
		return;
	nb_arena_free(&ix->names);
	free(ix->v);
	free(ix->slots);
	free(ix);
}

/* FNV-1a over the name and the year's bytes. */
static size_t
hash_of(const char *org, int64_t year)
{
	uint64_t h = 14695981039346656037u, y = (uint64_t)year;
	int i;

	for (; *org; org++)
		h = (h ^ (unsigned char)*org) * 1099511628211u;
	for (i = 0; i < 8; i++, y >>= 8)
		h = (h ^ (y & 0xFF)) * 1099511628211u;
	return (size_t)h;
}

/* The slot of org and year, or the empty one where they would go. */
static uint32_t *
slot_of(const nb_idindex_t *ix, const char *org, int64_t year)
{
	size_t i = hash_of(org, year) & (ix->nslots - 1);
	const entry_t *e;

	for (;; i = (i + 1) & (ix->nslots - 1)) {
		if (!ix->slots[i])
			return &ix->slots[i];
		e = &ix->v[ix->slots[i] - 1];
		if (e->year == year && !strcmp(e->org, org))
			return &ix->slots[i];
	}
}

/* Room for one more entry, its slot table at half load at most. */
static int
grow(nb_idindex_t *ix)
{
	uint32_t *slots;
	entry_t *v;
	size_t i, nslots;

	if (ix->n == UINT32_MAX - 1)
		return -1;
	if (ix->n == ix->cap) {
		size_t cap = ix->cap ? 2 * ix->cap : 32;

		if (!(v = realloc(ix->v, cap * sizeof *v)))
			return -1;
		ix->v = v;
		ix->cap = cap;
	}
	if (2 * (ix->n + 1) <= ix->nslots)
		return 0;
	nslots = ix->nslots ? 2 * ix->nslots : 64;
	if (!(slots = calloc(nslots, sizeof *slots)))
		return -1;
	free(ix->slots);
	ix->slots = slots;
	ix->nslots = nslots;
	for (i = 0; i < ix->n; i++)
		*slot_of(ix, ix->v[i].org, ix->v[i].year) = (uint32_t)i + 1;
	return 0;
}

int
nb_idindex_add(nb_idindex_t *ix, const char *org, int64_t year, size_t id,
               size_t *first)
{
	uint32_t *slot;
	entry_t *e;

	if (grow(ix) < 0)
		return -1;
	slot = slot_of(ix, org, year);
	if (*slot) {
		*first = ix->v[*slot - 1].id;
		return 1;
	}
	e = &ix->v[ix->n];
	if (!(e->org = nb_arena_strdup(&ix->names, org)))
		return -1;
	e->year = year;
	e->id = id;
	*slot = (uint32_t)++ix->n;
	return 0;
}

int
nb_idindex_find(const nb_idindex_t *ix, const char *org, int64_t year,
                size_t *id)
{
	const uint32_t *slot;

	if (!ix->nslots)
		return 0;
	slot = slot_of(ix, org, year);
	if (!*slot)
		return 0;
	*id = ix->v[*slot - 1].id;
	return 1;
}

size_t
nb_idindex_count(const nb_idindex_t *ix)
{
	return ix->n;
}
