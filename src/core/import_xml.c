/* The lines of a document tree (import_xml.h).  The text being read is
 * that of a paragraph, or of the open cell of the open table.  A table
 * that holds a table is a frame of the layout, read as paragraphs, so a
 * table of figures is never inside another. */

#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/import_xml.h"

/* Text being gathered, its blanks collapsed as it comes. */
typedef struct {
	nb_buf_t b;
	int blank;              /* a blank is due before the next character */
	int line;               /* where the text starts; 0 before it does */
} text_t;

typedef struct {
	text_t cell;
	int in_row, in_cell, span, line;
	char **texts;           /* the cells of the row so far */
	int *spans;
	size_t n, cap;
} table_t;

typedef struct {
	const nb_ixml_rules_t *rules;
	nb_idoc_t *doc;
	text_t para;
	table_t *tables;        /* the open tables, outermost first */
	size_t ntables;
	const xmlNode **frames; /* the open tables of the layout, innermost
	                         * last */
	size_t nframes;
	int in_text;            /* open NB_IX_TEXT elements */
	int nomem;
} walk_t;

/* ASCII white space and the no-break space (Word's pages are full of
 * &nbsp;); the length of the blank at s, or 0. */
static size_t
blank_at(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' ||
	    *s == '\v')
		return 1;
	if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
		return 2;
	return 0;
}

static int
all_blank(const char *s)
{
	size_t k;

	while ((k = blank_at(s)))
		s += k;
	return !*s;
}

/* A zero-width space: a break hint (the .docx export puts them in web
 * addresses), never part of the text. */
static int
zwsp_at(const char *s)
{
	return !strncmp(s, "\xE2\x80\x8B", 3);
}

static void
text_add(text_t *t, const char *s, int line)
{
	size_t k, run;

	while (*s) {
		if ((k = blank_at(s))) {
			t->blank = 1;
			s += k;
			continue;
		}
		if (zwsp_at(s)) {
			s += 3;
			continue;
		}
		if (t->blank && t->b.len && t->b.data[t->b.len - 1] != '\t')
			nb_buf_add(&t->b, " ", 1);
		t->blank = 0;
		if (!t->line)
			t->line = line;
		for (run = 0; s[run] && !blank_at(s + run) && !zwsp_at(s + run); run++)
			;
		nb_buf_add(&t->b, s, run);
		s += run;
	}
}

/* One tab between a label and its value, however many the author typed
 * to line them up; blanks beside it go. */
static void
text_tab(text_t *t)
{
	t->blank = 0;
	if (t->b.len && t->b.data[t->b.len - 1] != '\t')
		nb_buf_add(&t->b, "\t", 1);
}

static void
text_clear(text_t *t)
{
	t->b.len = 0;
	if (t->b.data)
		t->b.data[0] = '\0';
	t->blank = 0;
	t->line = 0;
}

static const char *
text_str(const text_t *t)
{
	return t->b.data ? t->b.data : "";
}

static int
line_of(const walk_t *w, const xmlNode *n)
{
	long l;

	if (!w->rules->lines)
		return 0;
	l = xmlGetLineNo(n);
	return l > 0 && l < INT_MAX ? (int)l : 0;
}

static table_t *
top(walk_t *w)
{
	return w->ntables ? &w->tables[w->ntables - 1] : NULL;
}

static void
add(walk_t *w, nb_idoc_t *d, const char *const *texts, const int *spans,
    size_t n, int in_table, int line)
{
	if (nb_idoc_add(d, texts, spans, n, in_table, line) < 0)
		w->nomem = 1;
}

static void
para_flush(walk_t *w)
{
	nb_idoc_t *d = w->doc;
	const char *s = text_str(&w->para);

	if (!w->para.b.len)
		return;
	if (w->para.b.failed) {
		w->nomem = 1;
		return;
	}
	add(w, d, &s, NULL, 1, 0, w->para.line);
	/* nothing but full-width blanks */
	if (!w->nomem && !*d->v[d->n - 1].cells[0].text)
		d->n--;
	text_clear(&w->para);
}

static void
cell_end(walk_t *w)
{
	table_t *t = top(w);
	char *s;

	if (!t->in_cell)
		return;
	t->in_cell = 0;
	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 16;
		char **v = realloc(t->texts, cap * sizeof *v);
		int *sp = v ? realloc(t->spans, cap * sizeof *sp) : NULL;
		if (v)
			t->texts = v;
		if (!sp) {
			w->nomem = 1;
			return;
		}
		t->spans = sp;
		t->cap = cap;
	}
	if (t->cell.b.failed || !(s = nb_strdup(text_str(&t->cell)))) {
		w->nomem = 1;
		return;
	}
	t->texts[t->n] = s;
	t->spans[t->n++] = t->span;
	text_clear(&t->cell);
}

/* The row.  A row whose every cell continues one from above has
 * nothing to say and is left out. */
static void
row_end(walk_t *w)
{
	table_t *t = top(w);
	size_t i;

	cell_end(w);
	if (t->in_row && t->n)
		add(w, w->doc, (const char *const *)t->texts, t->spans, t->n, 1, t->line);
	for (i = 0; i < t->n; i++)
		free(t->texts[i]);
	t->n = 0;
	t->in_row = 0;
}

static void
row_begin(walk_t *w, int line)
{
	row_end(w);
	top(w)->in_row = 1;
	top(w)->line = line;
}

static void
cell_begin(walk_t *w, int span, int line)
{
	table_t *t = top(w);

	if (!t->in_row)
		row_begin(w, line);
	cell_end(w);
	t->in_cell = 1;
	t->span = span;
}

static void
table_free(table_t *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->texts[i]);
	free(t->texts);
	free(t->spans);
	nb_buf_free(&t->cell.b);
}

/* A paragraph or a line break: the end of a line, or in a cell a blank. */
static void
boundary(walk_t *w)
{
	table_t *t = top(w);

	if (!t)
		para_flush(w);
	else if (t->in_cell)
		t->cell.blank = 1;
}

static void
table_begin(walk_t *w)
{
	table_t *t;

	boundary(w);
	t = &w->tables[w->ntables++];
	memset(t, 0, sizeof *t);
	nb_buf_init(&t->cell.b);
}

static void
table_end(walk_t *w)
{
	row_end(w);
	table_free(top(w));
	w->ntables--;
	boundary(w);
}

static void
on_text(walk_t *w, const char *s, int line)
{
	table_t *t = top(w);

	if (!s)
		return;
	if (t && !t->in_cell) {
		/* the blanks between rows are layout; other text there is
		 * a cell of its own */
		if (all_blank(s))
			return;
		cell_begin(w, 1, line);
	}
	text_add(t ? &t->cell : &w->para, s, line);
}

#define FRAME_BLOCKS 12      /* paragraphs in one cell: a frame's */

/* The next node after n inside root in document order; its children
 * skipped when `skip`. */
static const xmlNode *
next_in(const xmlNode *n, const xmlNode *root, int skip)
{
	if (!skip && n->children)
		return n->children;
	while (n != root && !n->next)
		n = n->parent;
	return n == root ? NULL : n->next;
}

/* Whether a table frames the page rather than holds figures: it holds a
 * table, or no row of it has two cells, or a cell of it holds many
 * paragraphs (a site laid out with tables, a Word file whose text is
 * inside one).  Its content is then read as if it were not there. */
static int
is_frame(const nb_ixml_rules_t *rules, const xmlNode *table)
{
	const xmlNode *n = table->children;
	int cells = 0, most = 0, blocks = 0, span;

	while (n) {
		nb_ix_kind_t k = n->type == XML_ELEMENT_NODE ?
		                 rules->classify(n, &span) : NB_IX_INLINE;
		if (k == NB_IX_TABLE)
			return 1;
		if (k == NB_IX_ROW)
			cells = 0;
		if (k == NB_IX_CELL) {
			blocks = 0;
			most = ++cells > most ? cells : most;
		}
		if (k == NB_IX_BLOCK && ++blocks > FRAME_BLOCKS)
			return 1;
		n = next_in(n, table, k == NB_IX_DROP);
	}
	return most < 2;
}

/* Rows and cells outside any table (a page may have them) are read as
 * paragraphs, and so are the tables of the layout.  span NULL: the
 * element is being left. */
static nb_ix_kind_t
kind_of(walk_t *w, const xmlNode *n, int *span)
{
	nb_ix_kind_t k;

	if (span)
		*span = 1;
	k = w->rules->classify(n, span);
	if (k == NB_IX_TABLE && !span && w->nframes && w->frames[w->nframes - 1] == n) {
		w->nframes--;
		k = NB_IX_BLOCK;
	} else if (k == NB_IX_TABLE && span && !w->ntables && is_frame(w->rules, n)) {
		w->frames[w->nframes++] = n;
		k = NB_IX_BLOCK;
	}
	if ((k == NB_IX_ROW || k == NB_IX_CELL) && !w->ntables)
		k = NB_IX_BLOCK;
	if (span && *span < 1)
		*span = 1;
	return k;
}

/* Returns 1 when n is an element whose content is to be walked. */
static int
enter(walk_t *w, const xmlNode *n)
{
	int span, line = line_of(w, n);

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (w->rules->all_text || w->in_text)
			on_text(w, (const char *)n->content, line);
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	switch (kind_of(w, n, &span)) {
	case NB_IX_DROP: return 0;
	case NB_IX_INLINE: break;
	case NB_IX_BLOCK: case NB_IX_BREAK: boundary(w); break;
	case NB_IX_TAB: text_tab(top(w) ? &top(w)->cell : &w->para); break;
	case NB_IX_TEXT: w->in_text++; break;
	case NB_IX_TABLE: table_begin(w); break;
	case NB_IX_ROW: row_begin(w, line); break;
	case NB_IX_CELL: cell_begin(w, span, line); break;
	}
	return 1;
}

static void
leave(walk_t *w, const xmlNode *n)
{
	switch (kind_of(w, n, NULL)) {
	case NB_IX_DROP: case NB_IX_INLINE: case NB_IX_TAB: break;
	case NB_IX_BLOCK: case NB_IX_BREAK: boundary(w); break;
	case NB_IX_TEXT: w->in_text--; break;
	case NB_IX_TABLE: table_end(w); break;
	case NB_IX_ROW: row_end(w); break;
	case NB_IX_CELL: cell_end(w); break;
	}
}

/* The tree in document order, by its links rather than by recursion, so
 * that only the depth limit bounds what a file can make of the stack. */
static int
walk(walk_t *w, const xmlNode *root, const char *name, nb_error_t *err)
{
	const xmlNode *n = root->children;
	int depth = 0;

	while (n && !w->nomem) {
		if (enter(w, n)) {
			if (n->children) {
				if (depth == NB_IXML_MAX_DEPTH)
					return nb_error_set(err, name, line_of(w, n), 0,
					    "标签嵌套太深（超过 %d 层）：不像是正常的文档",
					    NB_IXML_MAX_DEPTH);
				depth++;
				n = n->children;
				continue;
			}
			leave(w, n);
		}
		while (!n->next && n->parent != root && !w->nomem) {
			n = n->parent;
			depth--;
			leave(w, n);
		}
		n = n->next;
	}
	para_flush(w);
	if (w->nomem)
		return nb_error_set(err, name, 0, 0, "内存不足");
	return 0;
}

int
nb_ixml_walk(const xmlNode *root, const nb_ixml_rules_t *rules,
             nb_idoc_t *doc, const char *name, nb_error_t *err)
{
	walk_t w;
	int rc;

	memset(&w, 0, sizeof w);
	w.rules = rules;
	w.doc = doc;
	nb_buf_init(&w.para.b);
	/* a table is an element: no deeper than the tree */
	if (!(w.tables = calloc(NB_IXML_MAX_DEPTH + 1, sizeof *w.tables)) ||
	    !(w.frames = calloc(NB_IXML_MAX_DEPTH + 1, sizeof *w.frames))) {
		free(w.tables);
		return nb_error_set(err, name, 0, 0, "内存不足");
	}
	rc = walk(&w, root, name, err);
	while (w.ntables)
		table_free(&w.tables[--w.ntables]);
	free(w.tables);
	free(w.frames);
	nb_buf_free(&w.para.b);
	return rc;
}

const char *
nb_ixml_text(nb_idoc_t *doc, const xmlNode *el)
{
	xmlChar *content = xmlNodeGetContent(el);
	const char *s = NULL;
	text_t t;

	memset(&t, 0, sizeof t);
	nb_buf_init(&t.b);
	if (content)
		text_add(&t, (const char *)content, 0);
	if (t.b.len && !t.b.failed)
		s = nb_arena_strdup(&doc->arena, t.b.data);
	xmlFree(content);
	nb_buf_free(&t.b);
	return s;
}
