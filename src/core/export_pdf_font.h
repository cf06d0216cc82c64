/* export_pdf_font.h - inside the PDF renderer: the fonts it embeds, cut
 * down to the glyphs the report draws before Cairo sees them.
 *
 * Cairo 1.16 reads the whole CFF table of a font to embed a few hundred of
 * its glyphs, twice (23 MB of Noto Serif CJK, most of an export's time),
 * and of a CID-keyed CFF font it often keeps every subroutine of the
 * glyphs' dictionaries (half a megabyte more in the file).  So the glyphs
 * of each run of text are noted while the text is set; then HarfBuzz's
 * subsetter makes of each font a small one holding those glyphs, and the
 * runs are drawn in it: Cairo reads and embeds that one.  A run in a font
 * that is not cut (synthesized bold or slant, variations, the subsetter
 * failing), with a glyph that was not noted, or set right to left, is
 * drawn by Pango in the font itself: the same page, a larger file.
 */
#ifndef NB_EXPORT_PDF_FONT_H
#define NB_EXPORT_PDF_FONT_H

#include <cairo.h>
#include <pango/pango.h>

typedef struct nb_pdf_fonts nb_pdf_fonts_t;

/* NULL when out of memory; freed with nb_pdf_fonts_free().  What has been
 * drawn keeps its fonts after the free. */
nb_pdf_fonts_t *nb_pdf_fonts_new(void);
void nb_pdf_fonts_free(nb_pdf_fonts_t *f);

/* Notes the glyphs of run; 0, or -1 out of memory.  Nothing is noted once
 * the fonts are cut. */
int nb_pdf_fonts_note(nb_pdf_fonts_t *f, const PangoGlyphItem *run);

/* Cuts every font noted down to the glyphs noted in it. */
void nb_pdf_fonts_cut(nb_pdf_fonts_t *f);

/* Draws run, shaped from text, on cr with its baseline's start at (x, y). */
void nb_pdf_fonts_show(nb_pdf_fonts_t *f, cairo_t *cr, const char *text,
                       PangoGlyphItem *run, double x, double y);

#endif
