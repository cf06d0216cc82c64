/* importutil.h - what the tests of the readers share: a document's lines
 * written out as one string, so that a test compares all of them at once.
 *
 *   "P text"          a paragraph (a line of one cell, not of a table)
 *   "T a | b{2} | c"  a table row; {N} after a cell spanning N columns
 *
 * one line each, each ending in '\n'. */
#ifndef NB_IMPORTUTIL_H
#define NB_IMPORTUTIL_H

#include <stdlib.h>

#include "core/buf.h"
#include "core/import.h"

/* malloc'd */
static inline char *
iu_render(const nb_idoc_t *d)
{
	nb_buf_t b;
	size_t i, j;

	nb_buf_init(&b);
	nb_buf_puts(&b, "");
	for (i = 0; i < d->n; i++) {
		const nb_iline_t *l = &d->v[i];
		nb_buf_puts(&b, l->in_table ? "T " : "P ");
		for (j = 0; j < l->n; j++) {
			if (j)
				nb_buf_puts(&b, " | ");
			nb_buf_puts(&b, l->cells[j].text);
			if (l->cells[j].span > 1)
				nb_buf_printf(&b, "{%d}", l->cells[j].span);
		}
		nb_buf_puts(&b, "\n");
	}
	if (b.failed)
		abort();
	return nb_buf_take(&b);
}

#endif
