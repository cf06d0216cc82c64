/* The ruled cells of a PDF page (import_pdf_grid.h).
 *
 * The page is drawn at one pixel a point, its characters blanked out (a
 * stroke of 一 or 丨 is no rule), then each pixel row and column is
 * scanned for long runs of ink.  Two neighbouring
 * pixels are summed, so that a hairline drawn between two pixel rows, or
 * in light grey, still counts, and so does a dotted one.  Runs on neighbouring rows make one rule; a band
 * thicker than a few pixels is a filled area, not a rule.  What is left of a
 * character may still look like a short rule, but only rules meet two
 * rules across them, at their ends or on their way. */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cairo.h>

#include "core/import_pdf_grid.h"

#define MAX_PIXELS (4u * 1024u * 1024u) /* a larger page is not drawn */
#define INK 32          /* darkness (0-255) of two pixels summed: a
                         * hairline in light grey */
#define DOT_GAP 2       /* pixels: a dotted or dashed rule's gaps */
#define MAX_THICK 5     /* pixels: thicker is a filled area */
#define JOIN_TOL 1.5    /* points: rules this close meet */

typedef struct {
	const unsigned char *dark;      /* W x H, 0 white .. 255 black */
	int w, h;
} ink_t;

static int
push(nb_pbox_t **v, size_t *n, size_t *cap, nb_pbox_t b)
{
	if (*n == *cap) {
		size_t c = *cap ? 2 * *cap : 64;
		nb_pbox_t *m = realloc(*v, c * sizeof *m);
		if (!m)
			return -1;
		*v = m;
		*cap = c;
	}
	(*v)[(*n)++] = b;
	return 0;
}

/* The runs of ink at least `min` long along line k (a row when across,
 * else a column), each as a rule one pixel thick. */
static int
scan_line(const ink_t *I, int across, int k, int min, nb_pbox_t **v,
          size_t *n, size_t *cap)
{
	int len = across ? I->w : I->h, i, start = -1, last = -1;
	int next = across ? I->w : 1;   /* to the neighbouring line */
	int step = across ? 1 : I->w;
	const unsigned char *p = I->dark + (across ? (size_t)k * I->w : (size_t)k);

	for (i = 0; i <= len; i++) {
		int on = i < len && p[(size_t)i * step] + p[(size_t)i * step + next] >= INK;
		if (on) {
			start = start < 0 ? i : start;
			last = i;
		}
		if (on || start < 0 || (i < len && i - last <= DOT_GAP))
			continue;
		if (last + 1 - start >= min &&
		    push(v, n, cap, across ? (nb_pbox_t){ start, k + 1, last + 1, k + 1 }
		                           : (nb_pbox_t){ k + 1, start, k + 1, last + 1 }) < 0)
			return -1;
		start = -1;
	}
	return 0;
}

#define AT(b) (across ? (b).y1 : (b).x1)     /* where it lies */
#define A1(b) (across ? (b).x1 : (b).y1)     /* where it starts along */
#define A2(b) (across ? (b).x2 : (b).y2)

/* Runs on neighbouring lines that overlap along them, as one rule in the
 * middle of its longest runs (the shorter ones beside them are what is
 * left of characters touching it, or the blur of its edge); a band whose
 * longest runs are more than MAX_THICK lines is a filled area, dropped.
 * r[0..*n) is in line order.  -1 when out of memory. */
static int
merge_runs(nb_pbox_t *r, size_t *n, int across)
{
	size_t i, j, k, nc, core, out = 0;
	unsigned char *used = calloc(*n ? *n : 1, 1);
	size_t *chain = malloc((*n ? *n : 1) * sizeof *chain);
	double hi, e1, e2, longest, sum, c1, c2;

	if (!used || !chain) {
		free(used);
		free(chain);
		return -1;
	}
	for (i = 0; i < *n; i++) {
		if (used[i])
			continue;
		chain[0] = i;
		nc = 1;
		hi = AT(r[i]);
		e1 = A1(r[i]);
		e2 = A2(r[i]);
		for (j = i + 1; j < *n && AT(r[j]) <= hi + 1; j++) {
			if (used[j] || AT(r[j]) != hi + 1 || A1(r[j]) >= e2 || A2(r[j]) <= e1)
				continue;
			used[j] = 1;
			chain[nc++] = j;
			hi = AT(r[j]);
			e1 = A1(r[j]) < e1 ? A1(r[j]) : e1;
			e2 = A2(r[j]) > e2 ? A2(r[j]) : e2;
		}
		for (k = 0, longest = 0; k < nc; k++)
			if (A2(r[chain[k]]) - A1(r[chain[k]]) > longest)
				longest = A2(r[chain[k]]) - A1(r[chain[k]]);
		for (k = core = 0, sum = 0, c1 = e2, c2 = e1; k < nc; k++) {
			const nb_pbox_t *b = &r[chain[k]];
			if (A2(*b) - A1(*b) < 0.9 * longest)
				continue;
			core++;
			sum += AT(*b);
			c1 = A1(*b) < c1 ? A1(*b) : c1;
			c2 = A2(*b) > c2 ? A2(*b) : c2;
		}
		if (core > MAX_THICK)
			continue;
		sum /= (double)core;
		r[out++] = across ? (nb_pbox_t){ c1, sum, c2, sum }
		                  : (nb_pbox_t){ sum, c1, sum, c2 };
	}
	free(used);
	free(chain);
	*n = out;
	return 0;
}

static int
find_rules(const ink_t *I, int across, int min, nb_pbox_t **v, size_t *n)
{
	size_t cap = 0;
	int k, lines = across ? I->h - 1 : I->w - 1;

	*n = 0;
	for (k = 0; k < lines; k++)
		if (scan_line(I, across, k, min, v, n, &cap) < 0)
			return -1;
	return merge_runs(*v, n, across);
}

/* The page drawn, as darkness, the characters blank: a mark's width,
 * and its height at most about its width around its middle (a printer may
 * give boxes far taller than the character). */
static unsigned char *
draw(const nb_poppler_t *P, PopplerPage *page, int w, int h, const nb_pmark_t *marks, size_t nmarks)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	unsigned char *dark = NULL, *px;
	int stride, x, y;
	size_t i;
	cairo_t *cr;

	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return NULL;
	}
	cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	P->poppler_page_render(page, cr);
	cairo_set_source_rgb(cr, 1, 1, 1);
	for (i = 0; i < nmarks; i++) {
		const nb_pmark_t *m = &marks[i];
		double cw = m->box.x2 - m->box.x1, ch = m->box.y2 - m->box.y1;
		double half = 0.45 * (ch < (m->wide ? 1.3 : 1.6) * cw ? ch
		                                : (m->wide ? 1.3 : 1.6) * cw);
		double cy = (m->box.y1 + m->box.y2) / 2;
		if (cw > 0 && ch > 0)
			cairo_rectangle(cr, m->box.x1, cy - half, cw, 2 * half);
	}
	cairo_fill(cr);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS &&
	    (dark = malloc((size_t)w * h))) {
		px = cairo_image_surface_get_data(s);
		stride = cairo_image_surface_get_stride(s);
		for (y = 0; y < h; y++)
			for (x = 0; x < w; x++) {
				const unsigned char *p = px + (size_t)y * stride + 4 * (size_t)x;
				unsigned char lo = p[0] < p[1] ? p[0] : p[1];
				lo = p[2] < lo ? p[2] : lo;
				dark[(size_t)y * w + x] = (unsigned char)(255 - lo);
			}
	}
	cairo_surface_destroy(s);
	return dark;
}

/* Whether horizontal rule a and vertical rule b meet. */
static int
meet(const nb_pbox_t *a, const nb_pbox_t *b)
{
	return b->x1 >= a->x1 - JOIN_TOL && b->x1 <= a->x2 + JOIN_TOL &&
	       a->y1 >= b->y1 - JOIN_TOL && a->y1 <= b->y2 + JOIN_TOL;
}

/* Keeps of rules r those that meet at least two of the rules across them
 * (a rule of a table is closed by two others, a stroke left of a
 * character by none); 1 when one was dropped. */
static int
keep_meeting(nb_pbox_t *r, size_t *n, const nb_pbox_t *x, size_t nx,
             int across)
{
	size_t i, k, out = 0, met;

	for (i = 0; i < *n; i++) {
		for (k = met = 0; k < nx && met < 2; k++)
			met += across ? meet(&r[i], &x[k]) : meet(&x[k], &r[i]);
		if (met >= 2)
			r[out++] = r[i];
	}
	k = *n != out;
	*n = out;
	return (int)k;
}

int
nb_pgrid_find(const nb_poppler_t *P, PopplerPage *page, double w, double h, double hmin,
              double vmin, const nb_pmark_t *marks, size_t nmarks,
              nb_pgrid_t *g)
{
	int W = (int)ceil(w), H = (int)ceil(h), rc;
	ink_t I;

	nb_pgrid_free(g);
	if (W < 2 || H < 2 || (double)W * H > MAX_PIXELS)
		return 0;
	if (!(I.dark = draw(P, page, W, H, marks, nmarks)))
		return -1;
	I.w = W;
	I.h = H;
	rc = find_rules(&I, 1, (int)ceil(hmin), &g->h, &g->nh) < 0 ||
	     find_rules(&I, 0, (int)ceil(vmin), &g->v, &g->nv) < 0 ? -1 : 0;
	free((void *)I.dark);
	while (!rc && (keep_meeting(g->h, &g->nh, g->v, g->nv, 1) |
	               keep_meeting(g->v, &g->nv, g->h, g->nh, 0)))
		;
	return rc;
}

/* The nearest rule on one side of (x, y) that reaches across it: above
 * (dir -1) or below (+1) among horizontal ones, left or right among
 * vertical ones.  NULL when none. */
static const nb_pbox_t *
nearest(const nb_pbox_t *r, size_t n, int across, double x, double y,
        int dir)
{
	const nb_pbox_t *best = NULL;
	size_t i;

	for (i = 0; i < n; i++) {
		double at = across ? r[i].y1 : r[i].x1, me = across ? y : x;
		double a1 = across ? r[i].x1 : r[i].y1, a2 = across ? r[i].x2 : r[i].y2;
		double along = across ? x : y;
		if (along < a1 - JOIN_TOL || along > a2 + JOIN_TOL ||
		    (dir < 0 ? at >= me : at <= me))
			continue;
		if (!best || (dir < 0 ? at > (across ? best->y1 : best->x1)
		                      : at < (across ? best->y1 : best->x1)))
			best = &r[i];
	}
	return best;
}

/* Whether rule r reaches from a to b along it. */
static int
spans(const nb_pbox_t *r, int across, double a, double b)
{
	double a1 = across ? r->x1 : r->y1, a2 = across ? r->x2 : r->y2;

	return a1 <= a + JOIN_TOL && a2 >= b - JOIN_TOL;
}

int
nb_pgrid_cell(const nb_pgrid_t *g, double x, double y, nb_pbox_t *box)
{
	const nb_pbox_t *t = nearest(g->h, g->nh, 1, x, y, -1);
	const nb_pbox_t *b = nearest(g->h, g->nh, 1, x, y, 1);
	const nb_pbox_t *l = nearest(g->v, g->nv, 0, x, y, -1);
	const nb_pbox_t *r = nearest(g->v, g->nv, 0, x, y, 1);

	if (!l || !r || (!t && !b))
		return 0;
	/* a table broken by the page has no rule where the page cut it:
	 * there its side rules end together */
	*box = (nb_pbox_t){ l->x1, t ? t->y1 : l->y1, r->x1, b ? b->y1 : l->y2 };
	if ((!t && fabs(l->y1 - r->y1) > JOIN_TOL) ||
	    (!b && fabs(l->y2 - r->y2) > JOIN_TOL))
		return 0;
	return (!t || spans(t, 1, box->x1, box->x2)) &&
	       (!b || spans(b, 1, box->x1, box->x2)) &&
	       spans(l, 0, box->y1, box->y2) && spans(r, 0, box->y1, box->y2);
}

void
nb_pgrid_free(nb_pgrid_t *g)
{
	free(g->h);
	free(g->v);
	memset(g, 0, sizeof *g);
}
