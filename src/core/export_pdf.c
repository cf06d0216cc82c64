/* The PDF rendering: the document model set on A4 pages with Cairo's PDF
 * surface, in the layout of the .docx (GB/T 9704 margins, 三号仿宋 text
 * on a 28 pt line, the faces of export_pdf.h), fonts embedded by Cairo.
 *
 * Pages are filled in order.  A heading stays on the page of what follows
 * it; a paragraph breaks between lines, leaving no single line at either
 * side; a table breaks between rows, its head repeated on each page, and
 * only where every merged cell across the break keeps, on both sides,
 * rows as tall as its text, which is drawn again on the next page.  Every
 * page has "— N —" below the text and, in a draft, the mark above it.
 * Headings are the PDF's outline. */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <cairo-pdf.h>

#include "core/export.h"
#include "core/export_pdf.h"

#define MM (72.0 / 25.4)
#define PAGE_W (210 * MM)
#define PAGE_H (297 * MM)
#define LEFT (28 * MM)
#define TOP (37 * MM)
#define TEXT_W ((210 - 28 - 26) * MM)
#define BOTTOM (PAGE_H - 35 * MM)       /* of the text */

#define CELL_PAD_X 2.85                 /* 57 twips, as in the .docx */
/* A merged label's text keeps an em from the next column's, so that
 * where its lines stand level with the rows' a reader of the PDF (and
 * the import) still sees two cells. */
#define MERGED_PAD_R 10.5
#define CELL_PAD_Y 2.5
#define RULE 0.5

static const nb_style_t text_style = { NB_FACE_FANGSONG, 16, 28, TEXT_W, 32, NB_ALIGN_JUSTIFY };
static const nb_style_t heading_style[2] = {
	{ NB_FACE_HEI, 16, 28, TEXT_W, 32, NB_ALIGN_JUSTIFY },
	{ NB_FACE_KAI, 16, 28, TEXT_W, 32, NB_ALIGN_JUSTIFY },
};
static const nb_style_t title_style = { NB_FACE_TITLE, 22, 38, TEXT_W, 0, NB_ALIGN_CENTER };
static const nb_style_t mark_style = { NB_FACE_HEI, 16, 28, TEXT_W, 0, NB_ALIGN_CENTER };
static const nb_style_t page_no_style = { NB_FACE_SONG, 14, 20, TEXT_W, 0, NB_ALIGN_CENTER };
static const nb_style_t header_style = { NB_FACE_HEI, 12, 16, TEXT_W, 0, NB_ALIGN_RIGHT };
static const nb_style_t cell_style = { NB_FACE_FANGSONG, 10.5, 14, 0, 0, NB_ALIGN_CENTER };

/* A table set for the page: its cells' lines and its rows' heights. */
typedef struct {
	const nb_grid_t *g;
	double *x;              /* ncols + 1 column edges, from the left margin */
	double *h;              /* the rows' heights */
	nb_set_t *cells;        /* g->ncells of them */
} table_t;

/* A block set for the page. */
typedef struct {
	const nb_block_t *b;
	nb_set_t set;           /* every kind but tables */
	table_t tab;
	double before, after;   /* space around it */
} piece_t;

typedef struct {
	cairo_surface_t *surface;
	cairo_t *cr;
	nb_typesetter_t *ts;
	const char *mark;       /* a draft's mark, or NULL */
	int page;               /* the current page, from 1; 0 before the first */
	double y;               /* the top of what comes next on it */
	int outline1;           /* the outline entry of the last level-1 heading */
} pdf_t;

/* ---- pages ---- */

static void
draw_set(pdf_t *p, const nb_set_t *s, double x, double top)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		nb_ts_draw(p->ts, s, i, x, top + (double)i * s->st.pitch);
}

/* One line of text set and drawn at once (page numbers, the header). */
static int
draw_text(pdf_t *p, const char *text, const nb_style_t *st, double top)
{
	nb_set_t s;

	if (nb_ts_set(p->ts, text, st, &s) < 0)
		return -1;
	draw_set(p, &s, LEFT, top);
	nb_set_free(&s);
	return 0;
}

static int
new_page(pdf_t *p)
{
	char num[32];

	if (p->page)
		cairo_show_page(p->cr);
	p->page++;
	p->y = TOP;
	snprintf(num, sizeof num, "— %d —", p->page);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	if (draw_text(p, num, &page_no_style, BOTTOM + 7 * MM) < 0)
		return -1;
	if (p->mark) {
		cairo_set_source_rgb(p->cr, 0.75, 0, 0);
		if (draw_text(p, p->mark, &header_style, 15 * MM) < 0)
			return -1;
		cairo_set_source_rgb(p->cr, 0, 0, 0);
	}
	return 0;
}

/* Makes room for h points, on a new page when this one has not. */
static int
room(pdf_t *p, double h)
{
	return p->y + h > BOTTOM + 0.01 && p->y > TOP ? new_page(p) : 0;
}

/* ---- tables ---- */

static double
rows_height(const table_t *t, int from, int to)
{
	double h = 0;

	while (from < to)
		h += t->h[from++];
	return h;
}

static double
cell_need(const table_t *t, size_t i)
{
	return nb_set_height(&t->cells[i]) + 2 * CELL_PAD_Y;
}

/* Sets every cell; a row is as tall as its tallest cell, and a merged
 * cell's last row grows when the cell needs more than its rows give. */
static int
set_table(pdf_t *p, const nb_grid_t *g, table_t *t)
{
	int *w = calloc((size_t)g->ncols + 1, sizeof *w), c, pass;
	size_t i;

	t->g = g;
	t->x = calloc((size_t)g->ncols + 1, sizeof *t->x);
	t->h = calloc((size_t)g->nrows + 1, sizeof *t->h);
	t->cells = calloc(g->ncells + 1, sizeof *t->cells);
	if (!w || !t->x || !t->h || !t->cells || nb_grid_print_widths(g, 100000, w) < 0) {
		free(w);
		return -1;
	}
	for (c = 0; c < g->ncols; c++)
		t->x[c + 1] = t->x[c] + TEXT_W * w[c] / 100000.0;
	free(w);
	for (i = 0; i < g->ncells; i++) {
		const nb_gcell_t *x = &g->cells[i];
		nb_style_t st = cell_style;
		st.face = x->kind == NB_GC_HEAD ? NB_FACE_HEI : NB_FACE_FANGSONG;
		st.align = x->kind == NB_GC_LABEL ? NB_ALIGN_LEFT : NB_ALIGN_CENTER;
		st.width = t->x[x->col + x->cols] - t->x[x->col] - 2 * CELL_PAD_X;
		if (x->kind == NB_GC_LABEL && x->rows > 1)
			st.width -= MERGED_PAD_R - CELL_PAD_X;
		if (nb_ts_set(p->ts, x->text, &st, &t->cells[i]) < 0)
			return -1;
	}
	for (pass = 0; pass < 2; pass++)        /* single rows, then spans */
		for (i = 0; i < g->ncells; i++) {
			const nb_gcell_t *x = &g->cells[i];
			double lack = cell_need(t, i) - rows_height(t, x->row, x->row + x->rows);
			if ((x->rows == 1) == (pass == 0) && lack > 0)
				t->h[x->row + x->rows - 1] += lack;
		}
	return 0;
}

static void
free_table(table_t *t)
{
	size_t i;

	for (i = 0; t->cells && i < t->g->ncells; i++)
		nb_set_free(&t->cells[i]);
	free(t->cells);
	free(t->x);
	free(t->h);
}

/* May the table break before row s?  Every merged cell across the break
 * must keep rows as tall as its text on both pages. */
static int
may_break(const table_t *t, int s)
{
	size_t i;

	for (i = 0; i < t->g->ncells; i++) {
		const nb_gcell_t *x = &t->g->cells[i];
		if (x->row < s && s < x->row + x->rows &&
		    (rows_height(t, x->row, s) < cell_need(t, i) ||
		     rows_height(t, s, x->row + x->rows) < cell_need(t, i)))
			return 0;
	}
	return 1;
}

/* The first row after `from` where the table may break (or its end). */
static int
next_break(const table_t *t, int from)
{
	int s = from + 1;

	while (s < t->g->nrows && !may_break(t, s))
		s++;
	return s;
}

/* A cell's text in its part of rows [r0, r1) from y: centred, but each
 * line on a line of the rows' (a figure level with the first of a
 * label's two lines, a merged label's lines level with its rows'), so
 * that a printed table reads back line by line, as the import reads it. */
static void
draw_cell_text(pdf_t *p, const table_t *t, size_t i, int r0, int r1, double x, double y)
{
	const nb_set_t *s = &t->cells[i];
	double slot[256], top = y;
	size_t n = 0, k, from;
	int r;

	for (r = r0; r < r1; top += t->h[r++])
		for (k = 0; CELL_PAD_Y + (double)(k + 1) * s->st.pitch <= t->h[r] + 0.01 &&
		     n < sizeof slot / sizeof slot[0]; k++)
			slot[n++] = top + CELL_PAD_Y + (double)k * s->st.pitch;
	if (n < s->n) {                 /* too few lines (a row taller than a page) */
		draw_set(p, s, x, y + CELL_PAD_Y);
		return;
	}
	from = (n - s->n) / 2;
	for (k = 0; k < s->n; k++)
		nb_ts_draw(p->ts, s, k, x, slot[from + k]);
}

/* Draws the parts of the cells in rows [a, b) with row a's top at top. */
static void
draw_rows(pdf_t *p, const table_t *t, int a, int b, double top)
{
	size_t i;

	cairo_set_line_width(p->cr, RULE);
	for (i = 0; i < t->g->ncells; i++) {
		const nb_gcell_t *x = &t->g->cells[i];
		int r0 = x->row > a ? x->row : a;
		int r1 = x->row + x->rows < b ? x->row + x->rows : b;
		double y, h, x0 = LEFT + t->x[x->col];
		if (r0 >= r1)
			continue;
		y = top + rows_height(t, a, r0);
		h = rows_height(t, r0, r1);
		cairo_rectangle(p->cr, x0, y, t->x[x->col + x->cols] - t->x[x->col], h);
		cairo_stroke(p->cr);
		draw_cell_text(p, t, i, r0, r1, x0 + CELL_PAD_X, y);
	}
}

/* The height a table needs on the page it starts on. */
static double
table_start(const table_t *t)
{
	const nb_grid_t *g = t->g;

	return rows_height(t, 0, g->nhead) +
	       (g->nrows > g->nhead ? rows_height(t, g->nhead, next_break(t, g->nhead)) : 0);
}

static int
place_table(pdf_t *p, const table_t *t)
{
	const nb_grid_t *g = t->g;
	double head = rows_height(t, 0, g->nhead);
	int a = g->nhead, b, fit;

	if (room(p, table_start(t)) < 0)
		return -1;
	for (;;) {
		draw_rows(p, t, 0, g->nhead, p->y);
		/* the rows that fit, back to a row the table may break before */
		for (fit = a; fit < g->nrows && p->y + head + rows_height(t, a, fit + 1) <= BOTTOM; fit++)
			;
		for (b = fit; b > a && b < g->nrows && !may_break(t, b); b--)
			;
		if (b <= a)
			b = fit > a ? fit : next_break(t, a);
		draw_rows(p, t, a, b, p->y + head);
		p->y += head + rows_height(t, a, b);
		if (b >= g->nrows)
			return 0;
		if (new_page(p) < 0)
			return -1;
		a = b;
	}
}

/* ---- blocks ---- */

static int
set_piece(pdf_t *p, const nb_doc_t *doc, const nb_block_t *b, piece_t *pc)
{
	const nb_style_t *st = &text_style;
	const char *text = b->text;

	memset(pc, 0, sizeof *pc);
	pc->b = b;
	switch (b->kind) {
	case NB_BLK_TABLE:
		pc->before = 6;
		pc->after = 14;
		return set_table(p, b->grid, &pc->tab);
	case NB_BLK_MARK:
		st = &mark_style;
		pc->after = 14;
		break;
	case NB_BLK_TITLE:
		st = &title_style;
		text = doc->title_lines;
		pc->after = 28;
		break;
	case NB_BLK_HEADING:
		st = &heading_style[b->level > 1];
		break;
	case NB_BLK_PARA:
		break;
	}
	return nb_ts_set(p->ts, text, st, &pc->set);
}

static void
free_piece(piece_t *pc)
{
	if (pc->b && pc->b->kind == NB_BLK_TABLE)
		free_table(&pc->tab);
	else
		nb_set_free(&pc->set);
}

/* What must share the page of the heading before pc: the start of a table,
 * two lines of a paragraph, a heading with what in turn follows it. */
static double
start_height(const piece_t *pc, const piece_t *end)
{
	if (pc == end)
		return 0;
	if (pc->b->kind == NB_BLK_TABLE)
		return pc->before + table_start(&pc->tab);
	if (pc->b->kind == NB_BLK_HEADING)
		return nb_set_height(&pc->set) + start_height(pc + 1, end);
	return (pc->set.n < 2 ? (double)pc->set.n : 2) * pc->set.st.pitch;
}

static void
outline(pdf_t *p, const nb_block_t *b)
{
	char dest[64];
	int id;

	snprintf(dest, sizeof dest, "page=%d pos=[%.0f %.0f]", p->page, LEFT, p->y);
	id = cairo_pdf_surface_add_outline(p->surface, b->level > 1 ? p->outline1 :
	                                   CAIRO_PDF_OUTLINE_ROOT, b->text, dest, 0);
	if (b->level <= 1)
		p->outline1 = id;
}

/* A text's lines, broken between pages with two lines at least on either
 * side (but one at least on a page of its own). */
static int
place_lines(pdf_t *p, const nb_set_t *s)
{
	double pitch = s->st.pitch;
	size_t i = 0, fit, k, left;

	while (i < s->n) {
		fit = p->y + pitch > BOTTOM + 0.01 ? 0 : (size_t)((BOTTOM + 0.01 - p->y) / pitch);
		left = s->n - i;
		k = left;
		if (fit < left) {
			k = fit;
			if (left - k < 2)
				k = left >= 2 ? left - 2 : 0;
			if (k < 2)
				k = 0;
		}
		if (k == 0 && p->y <= TOP)
			k = fit ? fit : 1;      /* a fresh page takes what it can */
		for (; k > 0 && i < s->n; k--, i++, p->y += pitch)
			nb_ts_draw(p->ts, s, i, LEFT, p->y);
		if (i < s->n && new_page(p) < 0)
			return -1;
	}
	return 0;
}

static int
place_piece(pdf_t *p, const piece_t *pc, const piece_t *end)
{
	const nb_block_t *b = pc->b;

	p->y += p->y > TOP ? pc->before : 0;
	if (b->kind == NB_BLK_TABLE) {
		if (place_table(p, &pc->tab) < 0)
			return -1;
	} else {
		if (b->kind != NB_BLK_PARA &&
		    room(p, nb_set_height(&pc->set) + start_height(pc + 1, end)) < 0)
			return -1;
		if (b->kind == NB_BLK_HEADING)
			outline(p, b);
		cairo_set_source_rgb(p->cr, b->kind == NB_BLK_MARK ? 0.75 : 0, 0, 0);
		if (place_lines(p, &pc->set) < 0)
			return -1;
		cairo_set_source_rgb(p->cr, 0, 0, 0);
	}
	p->y += pc->after;
	return 0;
}

/* ---- the file ---- */

static cairo_status_t
write_out(void *closure, const unsigned char *data, unsigned int len)
{
	nb_buf_t *out = closure;

	nb_buf_add(out, (const char *)data, len);
	return out->failed ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

/* Sets what every page shows besides the blocks, so that its glyphs are
 * in the fonts cut before the first page is drawn: the characters of any
 * page's number, the draft's mark. */
static int
set_page_texts(pdf_t *p)
{
	nb_set_t s;

	if (nb_ts_set(p->ts, "— 0123456789 —", &page_no_style, &s) < 0)
		return -1;
	nb_set_free(&s);
	if (p->mark) {
		if (nb_ts_set(p->ts, p->mark, &header_style, &s) < 0)
			return -1;
		nb_set_free(&s);
	}
	return 0;
}

static int
place_all(pdf_t *p, const nb_doc_t *doc)
{
	piece_t *pc = calloc(doc->n + 1, sizeof *pc);
	size_t i, made = 0;
	int rc = -1;

	if (!pc)
		return -1;
	for (made = 0; made < doc->n; made++)
		if (set_piece(p, doc, &doc->v[made], &pc[made]) < 0)
			goto done;
	if (set_page_texts(p) < 0)
		goto done;
	nb_ts_cut_fonts(p->ts);
	if (new_page(p) < 0)
		goto done;
	for (i = 0; i < doc->n; i++)
		if (place_piece(p, &pc[i], pc + doc->n) < 0)
			goto done;
	cairo_show_page(p->cr);
	rc = 0;
done:
	for (i = 0; i <= made && i < doc->n; i++)
		free_piece(&pc[i]);
	free(pc);
	return rc;
}

int
nb_render_pdf(const nb_doc_t *doc, nb_buf_t *out, nb_error_t *err)
{
	pdf_t p;
	cairo_status_t st;
	int rc;

	memset(&p, 0, sizeof p);
	p.surface = cairo_pdf_surface_create_for_stream(write_out, out, PAGE_W, PAGE_H);
	p.cr = cairo_create(p.surface);
	if (doc->n && doc->v[0].kind == NB_BLK_MARK)
		p.mark = doc->v[0].text;
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_TITLE, doc->title);
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_CREATOR,
	                               PACKAGE_NAME " " PACKAGE_VERSION);
	/* a fixed date, so that the same report gives the same bytes */
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_CREATE_DATE,
	                               "1980-01-01T12:00:00Z");
	rc = (p.ts = nb_ts_new(p.cr)) ? place_all(&p, doc) : -1;
	nb_ts_free(p.ts);
	cairo_destroy(p.cr);
	cairo_surface_finish(p.surface);
	st = cairo_surface_status(p.surface);
	cairo_surface_destroy(p.surface);
	if (rc < 0 || out->failed)
		return nb_error_set(err, NULL, 0, 0, "内存不足");
	if (st != CAIRO_STATUS_SUCCESS)
		return nb_error_set(err, NULL, 0, 0, "无法生成 PDF：%s", cairo_status_to_string(st));
	return 0;
}
