/* import_xml.h - the lines of a document tree, for the readers of web
 * pages and Word files (import.h).
 *
 * libxml2 parses; a reader says what each element is (a paragraph, a
 * table, a row, a cell, a line break...) and nb_ixml_walk makes the lines
 * and cells of the tree: one walk, without recursion, refusing a tree
 * deeper than NB_IXML_MAX_DEPTH.  Inside a cell, paragraphs and line
 * breaks become blanks.  A table that frames the page rather than holds
 * figures (one that holds a table, one whose rows have one cell each,
 * one with a cell of many paragraphs: a site laid out with tables, a
 * Word file whose text is put in a table) is read as if it were not
 * there: its cells as paragraphs.  Runs of blanks (a no-break space
 * among them) become one space; a tab is kept as '\t'.
 */
#ifndef NB_IMPORT_XML_H
#define NB_IMPORT_XML_H

#include <libxml/tree.h>

#include "core/error.h"
#include "core/import.h"

#define NB_IXML_MAX_DEPTH 256

typedef enum {
	NB_IX_INLINE,           /* its content counts, it breaks nothing */
	NB_IX_DROP,             /* neither it nor its content */
	NB_IX_BLOCK,            /* a paragraph: a line of its own */
	NB_IX_BREAK,            /* a line break */
	NB_IX_TAB,              /* a tab */
	NB_IX_TEXT,             /* its text nodes are text (Word's w:t) */
	NB_IX_TABLE,
	NB_IX_ROW,
	NB_IX_CELL              /* *span set by the classifier */
} nb_ix_kind_t;

typedef struct {
	/* What an element is; for a cell, *span (preset to 1) unless
	 * span is NULL (the element is being left: only its kind counts). */
	nb_ix_kind_t (*classify)(const xmlNode *el, int *span);
	int all_text;           /* every text node is text (HTML); else only
	                         * those inside NB_IX_TEXT elements */
	int lines;              /* the nodes' line numbers mean something */
} nb_ixml_rules_t;

/* Appends the lines of root's content to doc.  -1 with err (`name` for
 * the file) when the tree is too deep or memory runs out. */
int nb_ixml_walk(const xmlNode *root, const nb_ixml_rules_t *rules,
                 nb_idoc_t *doc, const char *name, nb_error_t *err);

/* The text of el, blanks collapsed and trimmed, in doc's arena; NULL
 * when it is empty or memory runs out. */
const char *nb_ixml_text(nb_idoc_t *doc, const xmlNode *el);

#endif
