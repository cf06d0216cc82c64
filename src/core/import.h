/* import.h - turning a published report (plain text, a saved web page, a
 * Word file, a PDF) into a draft, with rules and without guessing.
 *
 * Two steps.  A reader turns the file into lines: the text of the report
 * in reading order, each line a list of cells.  A paragraph is a line of
 * one cell; a table row is a line of its cells, left to right (a cell
 * spanning rows appears in the first of them only; a cell spanning
 * columns once, with its span).  The readers know file formats and
 * nothing of the report; the recogniser (import_recognize.c) knows the
 * report, from the form file, and nothing of file formats.  What the
 * recogniser cannot read for certain stays unfilled.
 *
 * Curses-free; nothing here prints.
 */
#ifndef NB_IMPORT_H
#define NB_IMPORT_H

#include <stddef.h>

#include "core/arena.h"
#include "core/error.h"
#include "core/form.h"
#include "core/report.h"

typedef struct {
	const char *text;       /* UTF-8, trimmed; "" for an empty cell */
	int span;               /* columns it spans, at least 1 */
} nb_icell_t;

typedef struct {
	nb_icell_t *cells;
	size_t n;
	int in_table;           /* a row of a table of the source (html,
	                         * docx, pdf), not a paragraph */
	int line;               /* where it starts in the source, 1-based;
	                         * 0 when the source has no lines */
	int flow;               /* a printed line (PDF): NB_FLOW_ON when it
	                         * runs on from the line before (it starts
	                         * at the margin, that one reached the
	                         * other), NB_FLOW_NEW when it starts a
	                         * paragraph (indented, or that one ended
	                         * short), NB_FLOW_UNKNOWN */
} nb_iline_t;

enum { NB_FLOW_UNKNOWN, NB_FLOW_ON, NB_FLOW_NEW };

/* The lines of one source file.  Everything is in the arena. */
typedef struct {
	nb_arena_t arena;
	nb_iline_t *v;
	size_t n, cap;
	const char *title;      /* the document's own title (<title>, the
	                         * Word file's dc:title, PDF metadata), or NULL */
	int printed;            /* paragraphs come as printed lines (PDF): a
	                         * line not ending a sentence runs on */
} nb_idoc_t;

void nb_idoc_init(nb_idoc_t *d);
void nb_idoc_free(nb_idoc_t *d);
/* Appends a line of n cells (texts copied, trimmed of blanks, full-width
 * blanks included).  -1 when out of memory. */
int nb_idoc_add(nb_idoc_t *d, const char *const *texts, const int *spans,
                size_t n, int in_table, int line);

/* The kinds of source, told by the name and the first bytes. */
typedef enum {
	NB_SRC_TEXT, NB_SRC_HTML, NB_SRC_DOCX, NB_SRC_PDF, NB_SRC_UNKNOWN
} nb_src_kind_t;
nb_src_kind_t nb_import_kind(const char *name, const char *buf, size_t len);

/* Readers: len bytes of a file into *doc (initialised by the caller).
 * -1 with err (file:line:col where it applies) when the file cannot be
 * read as that kind; `name` names it in errors. */
int nb_read_text(const char *name, const char *buf, size_t len, nb_idoc_t *doc,
                 nb_error_t *err);
int nb_read_html(const char *name, const char *buf, size_t len, nb_idoc_t *doc,
                 nb_error_t *err);
int nb_read_docx(const char *name, const char *buf, size_t len, nb_idoc_t *doc,
                 nb_error_t *err);
int nb_read_pdf(const char *name, const char *buf, size_t len, nb_idoc_t *doc,
                nb_error_t *err);

/* What the recogniser did: cells of the form filled, of all; the
 * sections found; and one line per thing left unfilled, with why. */
typedef struct {
	size_t filled, cells;
	size_t sections_found, sections;
	char **left;            /* malloc'd lines */
	size_t nleft;
	size_t unfilled;        /* of them, things left unfilled (the others
	                         * say what was worked out: a total computed) */
	int repaired;           /* numbers joined across a line break */
} nb_isummary_t;

void nb_isummary_free(nb_isummary_t *s);

/* The report in doc, as a new report of form.  0: complete; 1: something
 * is left unfilled (see *sum); -1 with err: not a report of this format
 * (another document, the format of 2019 and before), or out of memory. */
int nb_import_recognize(const nb_form_t *form, const nb_idoc_t *doc,
                        const char *name, nb_report_t **out,
                        nb_isummary_t *sum, nb_error_t *err);

/* The whole of importing one file: read by its kind, then recognised.
 * Returns as nb_import_recognize does (-1 also when the file cannot be
 * read as its kind). */
int nb_import_file(const nb_form_t *form, const char *path, nb_report_t **out,
                   nb_isummary_t *sum, nb_error_t *err);
/* Whether a file's name is one of a published report (a kind that
 * nb_import_kind tells by the name: .txt .md .html .docx .pdf...), not a
 * draft. */
int nb_import_is_report(const char *name);
/* The draft for a report: DIR/NAME.yaml, or beside the report when dir is
 * NULL (malloc'd; NULL when out of memory). */
char *nb_import_draft_name(const char *dir, const char *src);

#endif
