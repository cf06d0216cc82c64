/* import_pdf_grid.h - the ruled cells of a PDF page, for the PDF reader
 * (import_pdf.c).
 *
 * A PDF keeps no tables, but a printed table draws its rules: the page
 * is drawn (poppler, into a small image) and the long thin horizontal and
 * vertical strokes on it are the rules.  A point lies in a cell when
 * rules close it in on all four sides: that cell is its box, whatever
 * lines the text of the cell wraps to.  A table drawn without rules has
 * no cells here.
 */
#ifndef NB_IMPORT_PDF_GRID_H
#define NB_IMPORT_PDF_GRID_H

#include <stddef.h>
#include <poppler.h>

#include "core/poppler_lib.h"

/* A rule: a horizontal one at y from x1 to x2 (y1 == y2), or a vertical
 * one at x from y1 to y2 (x1 == x2), in points. */
typedef struct {
	double x1, y1, x2, y2;
} nb_pbox_t;

/* A character on the page, blanked out before looking for rules. */
typedef struct {
	nb_pbox_t box;
	int wide;               /* full-width (CJK) */
} nb_pmark_t;

typedef struct {
	nb_pbox_t *h, *v;       /* malloc'd */
	size_t nh, nv;
} nb_pgrid_t;

/* The rules of page (w x h points, drawn by P's renderer), its
 * characters `marks` left out, and strokes shorter than `hmin` across or
 * `vmin` down.  The grid is emptied first.  -1 when out of memory. */
int nb_pgrid_find(const nb_poppler_t *P, PopplerPage *page, double w,
                  double h, double hmin, double vmin,
                  const nb_pmark_t *marks, size_t nmarks,
                  nb_pgrid_t *g);
/* The cell the point (x, y) lies in: 1 and *box when four rules close it
 * in (or three, where the page cut the table and its side rules end
 * together), else 0. */
int nb_pgrid_cell(const nb_pgrid_t *g, double x, double y, nb_pbox_t *box);
void nb_pgrid_free(nb_pgrid_t *g);

#endif
