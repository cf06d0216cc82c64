/* export_pdf.h - inside the PDF renderer (export_pdf.c): text set in lines
 * with Pango, in the faces of Chinese official documents.
 *
 * A typesetter of its own (export_pdf_text.c): Pango shapes the text and
 * measures each character, the lines are broken by text.h's rules (避头尾,
 * the same as every other export; a long web address broken where the
 * line is full), and a justified line is spread between its characters,
 * as Chinese is set.  Each line is drawn on its own, in reading order, so
 * that the PDF's text is the report's text.  Lengths are in points.
 */
#ifndef NB_EXPORT_PDF_H
#define NB_EXPORT_PDF_H

#include <stddef.h>
#include <cairo.h>

/* The faces, each a list of families: the official font where it is
 * installed, then a CJK font that Debian has (Noto CJK, WenQuanYi). */
typedef enum {
	NB_FACE_FANGSONG,       /* 仿宋_GB2312: the text */
	NB_FACE_HEI,            /* 黑体: level-1 headings, table heads, marks */
	NB_FACE_KAI,            /* 楷体_GB2312: level-2 headings */
	NB_FACE_TITLE,          /* 方正小标宋简体: the title */
	NB_FACE_SONG,           /* 宋体: page numbers */
	NB_FACE_COUNT
} nb_face_t;

typedef enum { NB_ALIGN_LEFT, NB_ALIGN_CENTER, NB_ALIGN_RIGHT, NB_ALIGN_JUSTIFY } nb_align_t;

/* How a piece of text is set. */
typedef struct {
	nb_face_t face;
	double size;            /* the font size */
	double pitch;           /* from one line's top to the next's */
	double width;           /* of the lines */
	double indent;          /* of the first line */
	nb_align_t align;       /* a justified paragraph's last line is left */
} nb_style_t;

/* A line: bytes [start, end) of the text. */
typedef struct {
	size_t start, end;
} nb_tline_t;

/* A text broken into lines (own copy of the text). */
typedef struct {
	char *text;
	nb_tline_t *lines;
	size_t n;
	nb_style_t st;
} nb_set_t;

typedef struct nb_typesetter nb_typesetter_t;

/* A typesetter drawing on cr (a PDF surface's, in points); NULL when out
 * of memory.  Freed with nb_ts_free(). */
nb_typesetter_t *nb_ts_new(cairo_t *cr);
void nb_ts_free(nb_typesetter_t *ts);

/* From here on, lines are drawn in the fonts cut down to the glyphs of
 * the text set so far (export_pdf_font.h): what is drawn is set first. */
void nb_ts_cut_fonts(nb_typesetter_t *ts);

/* Breaks text into lines of style st into *out; 0, or -1 out of memory.
 * A '\n' starts a new line; an empty text is one empty line. */
int nb_ts_set(nb_typesetter_t *ts, const char *text, const nb_style_t *st, nb_set_t *out);
void nb_set_free(nb_set_t *s);
/* The height of the lines. */
double nb_set_height(const nb_set_t *s);

/* Draws line i of s with its top at (x, top), in the colour set on cr. */
void nb_ts_draw(nb_typesetter_t *ts, const nb_set_t *s, size_t i, double x, double top);

#endif
