/* export.h - the published report: a document model built from a form and
 * a report, and its renderings as plain text, Markdown, HTML, Word and PDF,
 * and its tables as CSV and as a workbook (.xlsx).
 *
 * nb_doc_build() is the one place that walks the form's sections and
 * tables; it produces a format-independent document (title, paragraphs,
 * headings, tables as grids with merged cells).  Each renderer only turns
 * that document into bytes, so the content is the same in every format.
 * Nothing here prints, touches files or uses curses: the command
 * (cmd_export.c) and the editor's preview call nb_export_render().
 */
#ifndef NB_EXPORT_H
#define NB_EXPORT_H

#include <stddef.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/form.h"
#include "core/report.h"

typedef enum {
	NB_EXPORT_TXT,          /* UTF-8 text, tables ruled with ASCII */
	NB_EXPORT_MD,           /* CommonMark with GFM tables */
	NB_EXPORT_HTML,         /* one self-contained HTML5 file */
	NB_EXPORT_DOCX,         /* Office Open XML (zip) */
	NB_EXPORT_PDF,          /* A4 pages drawn with Pango and Cairo */
	NB_EXPORT_CSV,          /* the tables, UTF-8 with a byte-order mark */
	NB_EXPORT_XLSX          /* the tables as a workbook, one sheet each */
} nb_export_format_t;

/* ---- the document model ---- */

typedef enum {
	NB_BLK_MARK,            /* the draft mark (草稿), only with draft_mark */
	NB_BLK_TITLE,
	NB_BLK_HEADING,         /* level 1: 一、…; level 2: （一）… */
	NB_BLK_PARA,
	NB_BLK_TABLE
} nb_block_kind_t;

typedef enum {
	NB_GC_LABEL,            /* a row label */
	NB_GC_HEAD,             /* a column heading */
	NB_GC_VALUE             /* a figure ("" when not filled in) */
} nb_gcell_kind_t;

/* A cell of a grid; merged cells cover rows x cols slots from (row, col). */
typedef struct {
	const char *text;
	int row, col, rows, cols;
	nb_gcell_kind_t kind;
} nb_gcell_t;

typedef struct {
	int nrows, ncols;
	int nhead;              /* rows [0, nhead) are the table's head */
	nb_gcell_t *cells;      /* in reading order (by row, then column) */
	size_t ncells;
	int *slot;              /* nrows*ncols: the cell covering each slot */
	int nkeep;              /* columns [0, nkeep) name a row: a workbook
	                         * keeps them in view when scrolled (0: none) */
} nb_grid_t;

typedef struct {
	nb_block_kind_t kind;
	int level;              /* headings */
	const char *text;       /* every kind but tables; never NULL */
	const nb_grid_t *grid;  /* tables */
} nb_block_t;

/* A document owns all it points to. */
typedef struct {
	nb_arena_t arena;
	nb_block_t *v;
	size_t n, cap;
	const char *title;      /* the report's title, one line */
	const char *title_lines;/* the title as printed: lines split by '\n' */
	size_t dropped;         /* control characters left out of the text */
} nb_doc_t;

/* Builds the document of a report.  draft_mark adds the form's draft mark
 * as the first block.  Text is cleaned of control characters that XML and
 * HTML forbid (counted in doc->dropped); a text field's lines become
 * paragraphs.  Returns 0, or -1 with err set. */
int nb_doc_build(const nb_report_t *r, int draft_mark, nb_doc_t *doc,
                 nb_error_t *err);
void nb_doc_free(nb_doc_t *doc);

/* The cell covering a slot of a grid. */
const nb_gcell_t *nb_grid_at(const nb_grid_t *g, int row, int col);

/* Splits a grid's width among its columns: `budget` display columns in
 * all, of which each column also spends `sep` on its rule and padding.
 * Every column gets at least the width of its longest unbreakable piece
 * (a CJK character, a number, "（三）"; 4 at least), the rest is shared in
 * proportion to what each column would need unwrapped; when even the
 * minimum does not fit, long numbers are broken too.  Fills widths[ncols];
 * returns the total width used including separators (more than budget
 * only when columns 2 wide do not fit). */
int nb_grid_widths(const nb_grid_t *g, int budget, int sep, int *widths);
/* The width a grid takes with every column at its unbreakable minimum. */
int nb_grid_min_width(const nb_grid_t *g, int sep);
/* The columns of a printed table (HTML, Word, PDF), in any unit, `total`
 * of them in all: in proportion to nb_grid_widths() over 80 columns,
 * except that the columns that hold only figures below the head share
 * their width equally (table 四's fifteen are one width, so that no head
 * of theirs wraps sooner than another's).  Fills widths[ncols]; 0, or -1
 * out of memory. */
int nb_grid_print_widths(const nb_grid_t *g, int total, int *widths);

/* Which rows of a printed table must stay on the page of the row after
 * them: the head's, and the first rows of a merged label until they are
 * as tall as its text (lines counted by nb_txt_wrap() in the columns of
 * nb_grid_widths()), so that a label never stands beside fewer rows than
 * it needs.  Fills keep[nrows] with 0 or 1; 0, or -1 out of memory. */
int nb_grid_keeps(const nb_grid_t *g, unsigned char *keep);

/* The first web address in s (http://, https:// or www., up to the first
 * character that cannot be part of one, less any closing ASCII
 * punctuation): its start, with *len its length; NULL when there is none.
 * The paginated renderers let a long address break anywhere, so that the
 * justified line before it is not stretched. */
const char *nb_find_url(const char *s, size_t *len);

/* Expands a template: {name} is replaced by vars (name/value pairs, n of
 * them) or else by the report's value at that field path, {period} by the
 * form's period sentence; a part in [...] is left out when a value it
 * names is empty.  Appends to out. */
void nb_template_expand(const nb_report_t *r, const char *tmpl,
                        const char *const *vars, size_t n, nb_buf_t *out);

/* Appends the text of a cell as published: a figure ("12", "5949.088667"
 * as written), a year, a line; nothing when it is unfilled. */
void nb_value_text(const nb_report_t *r, size_t cell, nb_buf_t *out);

/* Chinese numeral for 1..99 (一, 十一, 二十三); buf of 16 bytes. */
void nb_cn_numeral(int n, char *buf);

/* ---- renderers: append the document to out; 0 or -1 with err ---- */

int nb_render_txt(const nb_doc_t *doc, nb_buf_t *out, nb_error_t *err);
int nb_render_md(const nb_doc_t *doc, nb_buf_t *out, nb_error_t *err);
int nb_render_html(const nb_doc_t *doc, nb_buf_t *out, nb_error_t *err);
int nb_render_docx(const nb_doc_t *doc, nb_buf_t *out, nb_error_t *err);
int nb_render_pdf(const nb_doc_t *doc, nb_buf_t *out, nb_error_t *err);
/* The tables only: CSV, one line a grid row (a label merged over several
 * rows repeated on each), after a line with the title and one with each
 * table's heading; a workbook, one sheet a table, merged cells merged,
 * figures as numbers with as many decimals as they were written with. */
int nb_render_csv(const nb_doc_t *doc, nb_buf_t *out, nb_error_t *err);
int nb_render_xlsx(const nb_doc_t *doc, nb_buf_t *out, nb_error_t *err);

/* Appends text as HTML or XML character data (attribute values too):
 * & < > " ' written as references. */
void nb_html_escape(nb_buf_t *out, const char *s);

/* A line of wrapped text: bytes [start, end) of the text. */
typedef struct {
	size_t start, end;
} nb_span_t;

/* Wraps text into lines at most `width` display columns wide: Chinese
 * breaks between any two characters, an ASCII word stays whole when it
 * fits on a line, closing punctuation (，。、）” …) does not start a line
 * nor opening punctuation (（《“) end one, blanks at a break are dropped.
 * Stores up to max lines and returns how many there are (at least 1). */
size_t nb_txt_wrap(const char *s, int width, nb_span_t *lines, size_t max);

/* The width of the plain-text tables, in display columns. */
#define NB_TXT_WIDTH 100

/* ---- the whole export ---- */

/* Renders a report in a format into out (appended; the caller owns and
 * frees it).  Judging the report is the caller's business: this renders
 * whatever is filled in, unfilled figures as blanks.  draft_mark puts the
 * 草稿 mark at the top (and on every page of .docx, .pdf and printed HTML).
 * Returns -1 with err set on failure, otherwise the number of control
 * characters that were left out of the text (0 normally; worth a warning). */
int nb_export_render(const nb_report_t *r, nb_export_format_t fmt,
                     int draft_mark, nb_buf_t *out, nb_error_t *err);

/* "txt", "md", "html", "docx", "pdf", "csv", "xlsx" (also "text",
 * "markdown", "htm"): 0 and *fmt, or -1 when unknown. */
int nb_export_format_parse(const char *name, nb_export_format_t *fmt);
/* The format named by a file name's extension: 0, or -1 when none. */
int nb_export_format_of_path(const char *path, nb_export_format_t *fmt);
/* "txt", "md", "html", "docx", "pdf", "csv", "xlsx". */
const char *nb_export_format_name(nb_export_format_t fmt);

#endif
