/* The lines a reader makes of a source file (import.h), and telling the
 * kind of a source. */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/import.h"

void
nb_idoc_init(nb_idoc_t *d)
{
	memset(d, 0, sizeof *d);
	nb_arena_init(&d->arena);
}

void
nb_idoc_free(nb_idoc_t *d)
{
	free(d->v);
	nb_arena_free(&d->arena);
	memset(d, 0, sizeof *d);
}

/* Whether s starts with a blank: ASCII, a tab, a full-width blank
 * (U+3000) or a no-break space (U+00A0); its length then. */
static size_t
blank_at(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n' || *s == '\f' ||
	    *s == '\v')
		return 1;
	if (!strncmp(s, "\xE3\x80\x80", 3))
		return 3;
	if (!strncmp(s, "\xC2\xA0", 2))
		return 2;
	return 0;
}

/* A copy of s without blanks at either end, in the arena. */
static const char *
trimmed(nb_arena_t *a, const char *s)
{
	size_t n, len, end = 0, i;
	char *t;

	while ((n = blank_at(s)))
		s += n;
	len = strlen(s);
	for (i = 0; i < len; i += n ? n : 1)
		if (!(n = blank_at(s + i)))
			end = i + 1;
	if (!(t = nb_arena_alloc(a, end + 1)))
		return NULL;
	memcpy(t, s, end);
	return t;
}

int
nb_idoc_add(nb_idoc_t *d, const char *const *texts, const int *spans,
            size_t n, int in_table, int line)
{
	nb_iline_t *l;
	size_t i;

	if (d->n == d->cap) {
		size_t cap = d->cap ? 2 * d->cap : 256;
		nb_iline_t *v = realloc(d->v, cap * sizeof *v);
		if (!v)
			return -1;
		d->v = v;
		d->cap = cap;
	}
	l = &d->v[d->n];
	if (!(l->cells = nb_arena_alloc(&d->arena, (n ? n : 1) * sizeof *l->cells)))
		return -1;
	for (i = 0; i < n; i++) {
		if (!(l->cells[i].text = trimmed(&d->arena, texts[i] ? texts[i] : "")))
			return -1;
		l->cells[i].span = spans && spans[i] > 1 ? spans[i] : 1;
	}
	l->n = n;
	l->in_table = in_table;
	l->line = line;
	l->flow = NB_FLOW_UNKNOWN;
	d->n++;
	return 0;
}

static int
ends_with(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext);

	return n > e && !strcasecmp(name + n - e, ext);
}

nb_src_kind_t
nb_import_kind(const char *name, const char *buf, size_t len)
{
	if (len >= 4 && !memcmp(buf, "PK\3\4", 4))
		return NB_SRC_DOCX;
	if (len >= 5 && !memcmp(buf, "%PDF-", 5))
		return NB_SRC_PDF;
	if (ends_with(name, ".html") || ends_with(name, ".htm") ||
	    ends_with(name, ".xhtml"))
		return NB_SRC_HTML;
	if (ends_with(name, ".docx"))
		return NB_SRC_DOCX;
	if (ends_with(name, ".pdf"))
		return NB_SRC_PDF;
	if (ends_with(name, ".txt") || ends_with(name, ".text") ||
	    ends_with(name, ".md"))
		return NB_SRC_TEXT;
	return NB_SRC_UNKNOWN;
}
