/* The PDF reader (import.h): the text of each page with the place of
 * every character, from poppler, rebuilt into rows and cells.
 *
 * A PDF has no paragraphs or tables, only characters drawn at places.
 * Characters whose vertical centres lie close together make a row; a
 * wide horizontal gap in a row starts a new cell; a row of two cells or
 * more is a table row.  Page numbers and lines repeated at the top or
 * bottom of every page are dropped.  A label that wraps inside its table
 * cell is joined back into the cell above only when the geometry says so
 * for certain and no number changes rows: a wrong figure is worse than a
 * figure left for the operator to type.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <poppler.h>

#include "core/buf.h"
#include "core/import.h"
#include "core/import_pdf_grid.h"
#include "core/poppler_lib.h"

#define PDF_MAX_PAGES 200
/* Fractions of a character's height or of the row's em. */
#define ROW_TOL 0.4         /* centres this close are one row */
#define CELL_GAP 1.2        /* a gap this wide between texts starts a cell */
#define NUM_GAP 0.8         /* ... next to a digit: columns of figures */
#define DIGIT_GAP 0.3       /* ... between two digits: the digits of one
                             * figure touch */
#define WRAP_GAP 0.5        /* a wrapped line this close below its cell */
#define SIDE_OVERLAP 0.3    /* texts side by side in one visual row */
#define MARGIN_BAND 0.15    /* of the page height: where headers live */
#define WRAP_WIDE 24        /* ems: a line wider is a paragraph's, not a
                             * cell's (a column of a layout beside links) */

typedef struct {
	double x1, x2, y1, y2;
	const char *s;          /* into the page's text */
	int n;                  /* bytes */
	int space;              /* poppler saw a blank before it */
	int wide;               /* a CJK (full-width) character */
} pdf_glyph_t;

typedef struct {
	double x1, x2;
	char *text;             /* in the scratch arena */
} pdf_cell_t;

typedef struct {
	double y1, y2, h;       /* h: the tallest character */
	double key;             /* where it comes in reading order: its
	                         * middle, or a ruled row's top rule */
	double em;              /* its characters' width */
	pdf_cell_t *cells;      /* in the scratch arena */
	size_t n;
	int page;
	int drop;
	int ruled;              /* a row of ruled cells: joined already */
} pdf_row_t;

/* Everything one reading builds, freed at once at the end. */
typedef struct {
	const nb_poppler_t *P;
	nb_arena_t arena;
	pdf_row_t *rows;
	size_t n, cap;
	size_t *page_first;     /* the first row of each page, and one past */
	double *page_h;
	int pages;
	size_t glyphs;          /* characters seen on all pages */
} pdf_read_t;

static int
is_wide(gunichar c)
{
	return c >= 0x2E80 && !(c >= 0xFF61 && c <= 0xFFDC) && c < 0x1F000;
}

static int
is_digit_byte(char c)
{
	return c >= '0' && c <= '9';
}

/* ---- characters of a page ---- */

static int
by_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Some printers (Chromium) give every character a box two and a half
 * times its size: boxes taller than 1.5 em, the em being the median
 * width of the page's CJK characters, are cut to that around their
 * centre, or lines of text would overlap. */
static void
clamp_heights(pdf_glyph_t *g, size_t n)
{
	double *w = malloc((n ? n : 1) * sizeof *w), lim, c;
	size_t i, k = 0;

	if (!w)
		return;
	for (i = 0; i < n; i++)
		if (g[i].wide && g[i].x2 > g[i].x1)
			w[k++] = g[i].x2 - g[i].x1;
	if (k) {
		if (k)
			qsort(w, k, sizeof *w, by_double);
		lim = 1.5 * w[k / 2];
		for (i = 0; i < n; i++) {
			if (g[i].y2 - g[i].y1 <= lim)
				continue;
			c = (g[i].y1 + g[i].y2) / 2;
			g[i].y1 = c - lim / 2;
			g[i].y2 = c + lim / 2;
		}
	}
	free(w);
}

/* The page's characters with their boxes into *gp, blanks left out
 * (gaps in the geometry say what blanks said); *textp holds their text.
 * -1 when out of memory. */
static int
page_glyphs(const nb_poppler_t *P, PopplerPage *page, char **textp,
            pdf_glyph_t **gp, size_t *n)
{
	PopplerRectangle *r = NULL;
	guint nr = 0, i;
	const char *p;
	pdf_glyph_t *g;
	int space = 0;

	*n = 0;
	*gp = NULL;
	*textp = P->poppler_page_get_text(page);
	if (!*textp || !P->poppler_page_get_text_layout(page, &r, &nr) || !nr) {
		g_free(r);
		return 0;
	}
	if (!(*gp = g = malloc(nr * sizeof *g))) {
		g_free(r);
		return -1;
	}
	for (p = *textp, i = 0; i < nr && *p; i++, p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (g_unichar_isspace(c) || c == 0x3000 || c == 0xA0) {
			space = 1;
			continue;
		}
		g[*n] = (pdf_glyph_t){ r[i].x1, r[i].x2, r[i].y1, r[i].y2, p,
		                       (int)(g_utf8_next_char(p) - p), space,
		                       is_wide(c) };
		(*n)++;
		space = 0;
	}
	g_free(r);
	clamp_heights(g, *n);
	return 0;
}

static double
centre(const pdf_glyph_t *g)
{
	return (g->y1 + g->y2) / 2;
}

static int
by_centre(const void *a, const void *b)
{
	const pdf_glyph_t *x = a, *y = b;
	double d = centre(x) - centre(y);

	if (d != 0)
		return d < 0 ? -1 : 1;
	return x->s < y->s ? -1 : x->s > y->s;
}

static int
by_left(const void *a, const void *b)
{
	const pdf_glyph_t *x = a, *y = b;

	if (x->x1 != y->x1)
		return x->x1 < y->x1 ? -1 : 1;
	return x->s < y->s ? -1 : x->s > y->s;
}


/* The width of a full-width character in this row: the median width,
 * half-width characters counted double. */
static double
row_em(const pdf_glyph_t *g, size_t n)
{
	double *w = malloc(n * sizeof *w), em;
	size_t i;

	if (!w)
		return g[0].y2 - g[0].y1;
	for (i = 0; i < n; i++)
		w[i] = (g[i].x2 - g[i].x1) * (g[i].wide ? 1 : 2);
	if (n)
		qsort(w, n, sizeof *w, by_double);
	em = w[n / 2];
	free(w);
	return em > 0 ? em : g[0].y2 - g[0].y1;
}

/* ---- rows and cells ---- */

static pdf_row_t *
row_new(pdf_read_t *R)
{
	if (R->n == R->cap) {
		size_t cap = R->cap ? 2 * R->cap : 128;
		pdf_row_t *v = realloc(R->rows, cap * sizeof *v);
		if (!v)
			return NULL;
		R->rows = v;
		R->cap = cap;
	}
	memset(&R->rows[R->n], 0, sizeof R->rows[0]);
	return &R->rows[R->n++];
}

/* Whether the gap before g[i] (sorted by x) separates two cells. */
static int
cell_break(const pdf_glyph_t *g, size_t i, double em)
{
	double gap = g[i].x1 - g[i - 1].x2;

	if (is_digit_byte(*g[i].s) && is_digit_byte(*g[i - 1].s))
		return gap > DIGIT_GAP * em;
	if (is_digit_byte(*g[i].s) || is_digit_byte(*g[i - 1].s))
		return gap > NUM_GAP * em;
	return gap > CELL_GAP * em;
}

static char *
cell_text(pdf_read_t *R, const pdf_glyph_t *g, size_t n)
{
	nb_buf_t b;
	char *s;
	size_t i;

	nb_buf_init(&b);
	for (i = 0; i < n; i++) {
		if (i && g[i].space && !g[i].wide && !g[i - 1].wide)
			nb_buf_add(&b, " ", 1);
		nb_buf_add(&b, g[i].s, (size_t)g[i].n);
	}
	s = b.failed ? NULL : nb_arena_strdup(&R->arena, b.data ? b.data : "");
	nb_buf_free(&b);
	return s;
}

/* The row reaches over the glyphs g[0..n) too. */
static void
extend(pdf_row_t *row, const pdf_glyph_t *g, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		row->y1 = g[i].y1 < row->y1 ? g[i].y1 : row->y1;
		row->y2 = g[i].y2 > row->y2 ? g[i].y2 : row->y2;
		row->h = g[i].y2 - g[i].y1 > row->h ? g[i].y2 - g[i].y1 : row->h;
	}
}

/* One row of the glyphs g[0..n) (sorted here by x), cut into cells. */
static int
row_add(pdf_read_t *R, pdf_glyph_t *g, size_t n, int page)
{
	pdf_row_t *row;
	double em;
	size_t i, start, k = 0, ncells = 1;

	if (n)
		qsort(g, n, sizeof *g, by_left);
	em = row_em(g, n);
	for (i = 1; i < n; i++)
		ncells += cell_break(g, i, em);
	if (!(row = row_new(R)))
		return -1;
	row->page = page;
	row->y1 = g[0].y1;
	row->y2 = g[0].y2;
	if (!(row->cells = nb_arena_alloc(&R->arena, ncells * sizeof *row->cells)))
		return -1;
	for (start = 0, i = 1; i <= n; i++) {
		if (i < n && !cell_break(g, i, em))
			continue;
		row->cells[k].x1 = g[start].x1;
		row->cells[k].x2 = g[i - 1].x2;
		if (!(row->cells[k++].text = cell_text(R, g + start, i - start)))
			return -1;
		start = i;
	}
	row->n = k;
	row->em = em;
	extend(row, g, n);
	row->key = (row->y1 + row->y2) / 2;
	return 0;
}

/* Where the line of text that starts at g[start] (sorted by centre)
 * ends: a character joins the line when its centre is within a fraction
 * of the taller one's height of the line's mean centre. */
static size_t
line_end(const pdf_glyph_t *g, size_t start, size_t n)
{
	double sum = centre(&g[start]), h = g[start].y2 - g[start].y1;
	size_t i;

	for (i = start + 1; i < n; i++) {
		double gh = g[i].y2 - g[i].y1;
		double tol = ROW_TOL * (gh > h ? gh : h);
		if (centre(&g[i]) - sum / (double)(i - start) > tol)
			break;
		sum += centre(&g[i]);
		h = gh > h ? gh : h;
	}
	return i;
}

/* The page's glyphs into rows, top to bottom. */
static int
page_rows(pdf_read_t *R, pdf_glyph_t *g, size_t n, int page)
{
	size_t start = 0, i;

	if (n)                  /* a page with no text has no glyphs */
		qsort(g, n, sizeof *g, by_centre);
	for (; start < n; start = i) {
		i = line_end(g, start, n);
		if (row_add(R, g + start, i - start, page) < 0)
			return -1;
	}
	return 0;
}

/* ---- page headers and footers ---- */

/* The row's text without blanks, each run of digits as one '#': the same
 * key for "第 1 页" and "第 2 页". */
static void
row_key(const pdf_row_t *row, nb_buf_t *b)
{
	size_t i;
	const char *s;

	b->len = 0;
	nb_buf_add(b, "", 0);
	for (i = 0; i < row->n; i++) {
		if (i)
			nb_buf_add(b, "|", 1);
		for (s = row->cells[i].text; *s; s++) {
			if (*s == ' ')
				continue;
			if (is_digit_byte(*s)) {
				if (!b->len || b->data[b->len - 1] != '#')
					nb_buf_add(b, "#", 1);
			} else {
				nb_buf_add(b, s, 1);
			}
		}
	}
}

static int
is_page_number(const char *key)
{
	static const char *const forms[] = {
		"-#-", "—#—", "–#–", "－#－", "——#——", "#/#", "第#页",
		"第#页共#页", "第#页/共#页", "第#页，共#页", "第#页,共#页",
		"共#页第#页", "Page#", "Page#of#", "page#", "page#of#",
	};
	size_t i;

	for (i = 0; i < sizeof forms / sizeof forms[0]; i++)
		if (!strcmp(key, forms[i]))
			return 1;
	return 0;
}

static int
in_band(const pdf_read_t *R, const pdf_row_t *row, int top)
{
	double h = R->page_h[row->page];

	return top ? row->y2 < MARGIN_BAND * h : row->y1 > (1 - MARGIN_BAND) * h;
}

/* The first (top) or last row of page p still kept, or NULL. */
static pdf_row_t *
edge_row(pdf_read_t *R, int p, int top)
{
	size_t i, a = R->page_first[p], z = R->page_first[p + 1];

	for (i = 0; i < z - a; i++) {
		pdf_row_t *row = &R->rows[top ? a + i : z - 1 - i];
		if (!row->drop)
			return row;
	}
	return NULL;
}

/* Drops the top or bottom rows when every page has the same one there
 * (digits aside), in the margin.  1 when it dropped them. */
static int
drop_repeated(pdf_read_t *R, int top, nb_buf_t *first, nb_buf_t *key)
{
	int p;
	pdf_row_t *row;

	if (R->pages < 2)
		return 0;
	for (p = 0; p < R->pages; p++) {
		if (!(row = edge_row(R, p, top)) || !in_band(R, row, top))
			return 0;
		row_key(row, p ? key : first);
		if (p && (key->failed || first->failed ||
		          strcmp(key->data, first->data)))
			return 0;
	}
	for (p = 0; p < R->pages; p++)
		edge_row(R, p, top)->drop = 1;
	return 1;
}

/* A bare number (or "第 1 页") in the margin is a page number only
 * beside the same on other pages: alone it may be a figure. */
static void
drop_page_numbers(pdf_read_t *R, int top, nb_buf_t *key)
{
	int p;
	pdf_row_t *row;

	for (p = 0; p < R->pages; p++) {
		if (!(row = edge_row(R, p, top)) || !in_band(R, row, top))
			continue;
		row_key(row, key);
		if (!key->failed && strcmp(key->data, "#") &&
		    is_page_number(key->data))
			row->drop = 1;
	}
}

static int
drop_margins(pdf_read_t *R)
{
	nb_buf_t first, key;
	int top, round, failed;

	nb_buf_init(&first);
	nb_buf_init(&key);
	for (top = 0; top < 2; top++) {
		drop_page_numbers(R, top, &key);
		/* a header of two lines (a date and a title, then a rule) */
		for (round = 0; round < 3; round++)
			if (!drop_repeated(R, top, &first, &key))
				break;
	}
	failed = first.failed || key.failed;
	nb_buf_free(&first);
	nb_buf_free(&key);
	return failed ? -1 : 0;
}

/* ---- text wrapped inside a table cell ---- */

/* A figure: digits with at most separators, a point, a sign, a percent. */
static int
is_number(const char *s)
{
	int digits = 0;

	for (; *s; s++) {
		if (is_digit_byte(*s))
			digits = 1;
		else if (!strchr(".,%+- ", *s))
			return 0;
	}
	return digits;
}

static int
overlap_x(const pdf_cell_t *a, const pdf_cell_t *b)
{
	return a->x1 < b->x2 && b->x1 < a->x2;
}

/* Texts of different cells drawn side by side in one visual row, their
 * centres apart (a label of two lines beside figures centred on it):
 * the boxes overlap well vertically and no two cells overlap across. */
static int
side_by_side(const pdf_row_t *a, const pdf_row_t *b)
{
	double lo = a->y1 > b->y1 ? a->y1 : b->y1;
	double hi = a->y2 < b->y2 ? a->y2 : b->y2;
	double h = a->h < b->h ? a->h : b->h;
	size_t i, j;

	if (hi - lo <= SIDE_OVERLAP * h)
		return 0;
	for (i = 0; i < a->n; i++)
		for (j = 0; j < b->n; j++)
			if (overlap_x(&a->cells[i], &b->cells[j]))
				return 0;
	return 1;
}

static int
by_cell_left(const void *x, const void *y)
{
	const pdf_cell_t *a = x, *b = y;

	return a->x1 < b->x1 ? -1 : a->x1 > b->x1;
}

static int
merge_side(pdf_read_t *R, pdf_row_t *a, const pdf_row_t *b)
{
	pdf_cell_t *c = nb_arena_alloc(&R->arena, (a->n + b->n) * sizeof *c);

	if (!c)
		return -1;
	memcpy(c, a->cells, a->n * sizeof *c);
	memcpy(c + a->n, b->cells, b->n * sizeof *c);
	a->n += b->n;
	qsort(c, a->n, sizeof *c, by_cell_left);
	a->cells = c;
	return 0;
}

/* The cell of a that b's cell c continues: c lies under it, between its
 * neighbours, neither is a figure, and c is no wider than a cell's text.
 * -1 when none. */
static long
wrap_column(const pdf_row_t *a, const pdf_cell_t *c, double em)
{
	size_t k;

	if (is_number(c->text) || c->x2 - c->x1 > WRAP_WIDE * em)
		return -1;
	for (k = 0; k < a->n; k++) {
		if (!overlap_x(&a->cells[k], c))
			continue;
		if ((k > 0 && c->x1 <= a->cells[k - 1].x2) ||
		    (k + 1 < a->n && c->x2 >= a->cells[k + 1].x1) ||
		    is_number(a->cells[k].text))
			return -1;
		return (long)k;
	}
	return -1;
}

/* Whether row b is only the continuation of text cells of table row a:
 * right below it, every cell of b under a different text cell of a. */
static int
wraps_into(const pdf_row_t *a, const pdf_row_t *b, long *col)
{
	size_t j;

	if (a->n < 2 || b->n > a->n || b->y1 - a->y2 > WRAP_GAP * b->h ||
	    b->y1 <= a->y1)
		return 0;
	for (j = 0; j < b->n; j++) {
		if ((col[j] = wrap_column(a, &b->cells[j], b->em)) < 0)
			return 0;
		if (j && col[j] <= col[j - 1])
			return 0;
	}
	return 1;
}

/* Whether row b could as well be the first line of the cells of table
 * row c below it, or beside c's figures (a label centred on them, in
 * rows without padding): then b is not joined to the row above. */
static int
could_head(const pdf_row_t *b, const pdf_row_t *c, long *col)
{
	size_t j;

	if (c && c->page == b->page && side_by_side(b, c))
		return 1;
	if (!c || c->n < 2 || c->page != b->page ||
	    c->y1 - b->y2 > WRAP_GAP * b->h)
		return 0;
	for (j = 0; j < b->n; j++)
		if ((col[j] = wrap_column(c, &b->cells[j], b->em)) < 0 ||
		    (j && col[j] <= col[j - 1]))
			return 0;
	return 1;
}

static const pdf_row_t *
next_kept(const pdf_read_t *R, size_t i)
{
	for (i++; i < R->n; i++)
		if (!R->rows[i].drop)
			return &R->rows[i];
	return NULL;
}

static int
join_text(pdf_read_t *R, pdf_cell_t *top, const pdf_cell_t *c)
{
	size_t n = strlen(top->text), m = strlen(c->text);
	int blank = n && m && (unsigned char)top->text[n - 1] < 0x80 &&
	            (unsigned char)c->text[0] < 0x80;
	char *s = nb_arena_alloc(&R->arena, n + m + 2);

	if (!s)
		return -1;
	memcpy(s, top->text, n);
	if (blank)
		s[n++] = ' ';
	memcpy(s + n, c->text, m + 1);
	top->text = s;
	top->x1 = c->x1 < top->x1 ? c->x1 : top->x1;
	top->x2 = c->x2 > top->x2 ? c->x2 : top->x2;
	return 0;
}

static int
merge_wrap(pdf_read_t *R, pdf_row_t *a, const pdf_row_t *b, const long *col)
{
	size_t j;

	for (j = 0; j < b->n; j++)
		if (join_text(R, &a->cells[col[j]], &b->cells[j]) < 0)
			return -1;
	return 0;
}

/* Joins rows that are one row of a table: side by side, or wrapped. */
static int
join_rows(pdf_read_t *R)
{
	pdf_row_t *a = NULL, *b;
	size_t i, most = 1;
	long *col;
	int rc = 0;

	for (i = 0; i < R->n; i++)
		most = R->rows[i].n > most ? R->rows[i].n : most;
	if (!(col = malloc(2 * most * sizeof *col)))
		return -1;
	for (i = 0; i < R->n && !rc; i++) {
		b = &R->rows[i];
		if (b->drop)
			continue;
		if (b->ruled || (a && a->ruled)) {
			a = b;
			continue;
		}
		if (a && a->page == b->page && side_by_side(a, b))
			rc = merge_side(R, a, b);
		else if (a && a->page == b->page && wraps_into(a, b, col) &&
		         !could_head(b, next_kept(R, i), col + most))
			rc = merge_wrap(R, a, b, col);
		else {
			a = b;
			continue;
		}
		a->y1 = b->y1 < a->y1 ? b->y1 : a->y1;
		a->y2 = b->y2 > a->y2 ? b->y2 : a->y2;
		a->h = b->h > a->h ? b->h : a->h;
		b->drop = 1;
	}
	free(col);
	return rc;
}

/* ---- ruled tables ---- */

#define BOX_MAX_LINES 16    /* a cell of more lines is the frame of a layout */
#define HRULE_MIN 1.2       /* ems: shorter strokes across are characters' */
#define VRULE_MIN 0.9       /* ... and down */

typedef struct {
	pdf_glyph_t g;
	nb_pbox_t box;          /* the ruled cell it lies in */
} pdf_boxed_t;

static int
by_box(const void *a, const void *b)
{
	const pdf_boxed_t *x = a, *y = b;

	if (x->box.y1 != y->box.y1)
		return x->box.y1 < y->box.y1 ? -1 : 1;
	if (x->box.x1 != y->box.x1)
		return x->box.x1 < y->box.x1 ? -1 : 1;
	return by_centre(&x->g, &y->g);
}

static int
same_box(const nb_pbox_t *a, const nb_pbox_t *b)
{
	return a->x1 == b->x1 && a->y1 == b->y1 && a->x2 == b->x2 &&
	       a->y2 == b->y2;
}

/* Whether rows [from, R->n) have a row of figures (so the page may hold
 * a table); *em the width of the characters of the smallest such row. */
static int
figure_rows(const pdf_read_t *R, size_t from, double *em)
{
	size_t i, k, nums;

	*em = 0;
	for (i = from; i < R->n; i++) {
		const pdf_row_t *row = &R->rows[i];
		for (k = nums = 0; k < row->n; k++)
			nums += is_number(row->cells[k].text);
		if (row->n >= 3 && nums >= 2 && (*em == 0 || row->em < *em))
			*em = row->em;
	}
	return *em > 0;
}

/* Whether a line of a cell, g[0..n) sorted by x, has a gap that would
 * part cells: then a rule between them was hidden (a character drawn
 * over it) and this is no cell. */
static int
gapped(const pdf_glyph_t *g, size_t n)
{
	double em = row_em(g, n);
	size_t i;

	for (i = 1; i < n; i++)
		if (cell_break(g, i, em))
			return 1;
	return 0;
}

/* The text of one ruled cell, g[0..n) sorted by centre: its lines,
 * each left to right, one after the other (a blank between two Latin
 * letters or digits); *lines how many, more than BOX_MAX_LINES when a
 * line has a gap that parts cells. */
static char *
box_text(pdf_read_t *R, pdf_glyph_t *g, size_t n, size_t *lines)
{
	nb_buf_t b;
	size_t start, i;
	char *s, *t;

	nb_buf_init(&b);
	nb_buf_add(&b, "", 0);
	for (*lines = 0, start = 0; start < n; start = i, ++*lines) {
		i = line_end(g, start, n);
		qsort(g + start, i - start, sizeof *g, by_left);
		if (gapped(g + start, i - start))
			*lines = BOX_MAX_LINES;
		if (!(t = cell_text(R, g + start, i - start)))
			break;
		if (b.len && *t && (unsigned char)b.data[b.len - 1] < 0x80 &&
		    (unsigned char)*t < 0x80)
			nb_buf_add(&b, " ", 1);
		nb_buf_puts(&b, t);
	}
	s = b.failed || start < n ? NULL : nb_arena_strdup(&R->arena, b.data);
	nb_buf_free(&b);
	return s;
}

/* The cells of one ruled row, b[0..n) sorted by box, as a row: 1; 0
 * when there is no such row (fewer than two cells, or one of too many
 * lines to be a table's, or with a gap); -1 when out of memory. */
static int
ruled_row(pdf_read_t *R, pdf_boxed_t *b, size_t n, int page, pdf_glyph_t *tmp)
{
	pdf_row_t *row;
	size_t i, j, k, ncells = 0, lines;

	for (i = 0; i < n; i++)
		ncells += !i || !same_box(&b[i].box, &b[i - 1].box);
	if (ncells < 2 || !(row = row_new(R)))
		return ncells < 2 ? 0 : -1;
	if (!(row->cells = nb_arena_alloc(&R->arena, ncells * sizeof *row->cells)))
		return -1;
	row->page = page;
	row->ruled = 1;
	row->key = b[0].box.y1;
	row->y1 = b[0].g.y1;
	row->y2 = b[0].g.y2;
	for (i = 0; i < n; i = j) {
		for (j = i, k = 0; j < n && same_box(&b[j].box, &b[i].box); j++)
			tmp[k++] = b[j].g;
		extend(row, tmp, k);
		row->cells[row->n].x1 = b[i].box.x1;
		row->cells[row->n].x2 = b[i].box.x2;
		if (!(row->cells[row->n++].text = box_text(R, tmp, k, &lines)))
			return -1;
		if (lines > BOX_MAX_LINES) {
			R->n--;
			return 0;
		}
	}
	return 1;
}

static int
by_key(const void *a, const void *b)
{
	const pdf_row_t *x = a, *y = b;

	return x->key < y->key ? -1 : x->key > y->key;
}

/* The rows of page p again, its ruled cells each a cell whatever lines
 * its text wraps to: the rows of ruled cells with a common top rule, and
 * the text outside them in rows as before.  g[0..n) are the page's
 * glyphs; 0 when the page has no ruled cells (its rows stay). */
static int
rebuild_ruled(pdf_read_t *R, int p, const nb_pgrid_t *grid, pdf_glyph_t *g,
              size_t n)
{
	pdf_boxed_t *b = malloc((n ? n : 1) * sizeof *b);
	pdf_glyph_t *flow = malloc((n ? n : 1) * sizeof *flow);
	pdf_glyph_t *tmp = malloc((n ? n : 1) * sizeof *tmp);
	size_t i, j, nb = 0, nf = 0;
	nb_pbox_t box;
	int rc = 0;

	if (!b || !flow || !tmp)
		rc = -1;
	for (i = 0; i < n && !rc; i++) {
		if (nb_pgrid_cell(grid, (g[i].x1 + g[i].x2) / 2, centre(&g[i]), &box))
			b[nb++] = (pdf_boxed_t){ g[i], box };
		else
			flow[nf++] = g[i];
	}
	if (!rc && nb) {
		qsort(b, nb, sizeof *b, by_box);
		R->n = R->page_first[p];
		for (i = 0; i < nb && rc >= 0; i = j) {
			for (j = i + 1; j < nb && b[j].box.y1 - b[i].box.y1 <= 1.0; j++)
				;
			if ((rc = ruled_row(R, b + i, j - i, p, tmp)) == 0)
				for (; i < j; i++)      /* not a table's: text as any */
					flow[nf++] = b[i].g;
		}
		if (rc >= 0)
			rc = page_rows(R, flow, nf, p);
		if (rc >= 0)
			qsort(R->rows + R->page_first[p], R->n - R->page_first[p],
			      sizeof *R->rows, by_key);
	}
	free(b);
	free(flow);
	free(tmp);
	return rc < 0 ? -1 : 0;
}

/* Page p's rows rebuilt by its ruled cells, when it may hold a table. */
static int
ruled_page(pdf_read_t *R, PopplerPage *page, int p, pdf_glyph_t *g, size_t n)
{
	nb_pgrid_t grid = { 0 };
	nb_pmark_t *marks;
	double w, h, em;
	size_t i;
	int rc = 0;

	if (!figure_rows(R, R->page_first[p], &em))
		return 0;
	if (!(marks = malloc((n ? n : 1) * sizeof *marks)))
		return -1;
	for (i = 0; i < n; i++)
		marks[i] = (nb_pmark_t){ { g[i].x1, g[i].y1, g[i].x2, g[i].y2 }, g[i].wide };
	R->P->poppler_page_get_size(page, &w, &h);
	if (nb_pgrid_find(R->P, page, w, h, HRULE_MIN * em, VRULE_MIN * em, marks, n,
	                  &grid) < 0)
		rc = -1;
	else if (grid.nh && grid.nv)
		rc = rebuild_ruled(R, p, &grid, g, n);
	nb_pgrid_free(&grid);
	free(marks);
	return rc;
}

/* ---- the document ---- */

static int
read_pages(pdf_read_t *R, PopplerDocument *pd)
{
	int p;

	for (p = 0; p < R->pages; p++) {
		PopplerPage *page = R->P->poppler_document_get_page(pd, p);
		pdf_glyph_t *g = NULL;
		char *text = NULL;
		size_t n = 0;
		int rc = 0;

		R->page_first[p] = R->n;
		if (page) {
			R->P->poppler_page_get_size(page, NULL, &R->page_h[p]);
			rc = page_glyphs(R->P, page, &text, &g, &n);
			if (!rc)
				rc = page_rows(R, g, n, p);
			if (!rc)
				rc = ruled_page(R, page, p, g, n);
			g_object_unref(page);
		}
		R->glyphs += n;
		free(g);
		g_free(text);
		if (rc < 0)
			return -1;
	}
	R->page_first[R->pages] = R->n;
	return 0;
}

/* ---- paragraphs of printed lines ---- */

#define MARGIN_TOL 0.6      /* ems: a line starts at the margin */
#define INDENT_MAX 4.0      /* ems: a first line's indent, at most */
#define INDENT_TOL 0.4      /* ems: ... as the others' */
#define JUSTIFY_GAP 3.0     /* ems: a blank of a justified line, at most */
#define EVEN_GAP 0.3        /* ems: ... or as wide as its others */
#define SHORT 1.5           /* ems short of the right margin: ended there */

static int
is_text_row(const pdf_row_t *row)
{
	return !row->drop && row->n == 1 && !row->ruled && row->em > 0;
}

/* The most common of v[0..n) to a point, or -1 when none is common (at
 * least three lines). */
static double
common(double *v, size_t n)
{
	size_t i, j, best = 0, run;
	double at = -1;

	if (n)
		qsort(v, n, sizeof *v, by_double);
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && v[j] - v[i] <= 1.0; j++)
			;
		run = j - i;
		if (run > best) {
			best = run;
			at = v[i];
		}
	}
	return best >= 3 ? at : -1;
}

/* The margins of the text: where most lines start and end, and by how
 * much most first lines are indented (two ems, or a few blanks); 0 when
 * the lines do not show them (then where a paragraph starts cannot be
 * told from the page). */
static int
margins(const pdf_read_t *R, double *left, double *right, double *indent)
{
	double *v = malloc((R->n ? R->n : 1) * sizeof *v);
	size_t i, k = 0;

	*left = *right = *indent = -1;
	if (!v)
		return 0;
	for (i = 0; i < R->n; i++)
		if (is_text_row(&R->rows[i]))
			v[k++] = R->rows[i].cells[0].x1;
	*left = common(v, k);
	for (i = k = 0; i < R->n; i++)
		if (is_text_row(&R->rows[i]))
			v[k++] = R->rows[i].cells[0].x2;
	*right = common(v, k);
	for (i = k = 0; i < R->n && *left >= 0; i++) {
		const pdf_row_t *row = &R->rows[i];
		double in = is_text_row(row) ? row->cells[0].x1 - *left : 0;
		if (in > MARGIN_TOL * row->em && in < INDENT_MAX * row->em)
			v[k++] = in;
	}
	*indent = common(v, k);
	free(v);
	return *left >= 0 && *right > *left && *indent > 0;
}

/* Whether printed line b runs on from line a (a paragraph's lines), or
 * starts a paragraph of its own, as far as the page shows it. */
static int
flow_of(const pdf_row_t *a, const pdf_row_t *b, double left, double right,
        double indent)
{
	double em = b->em, x = b->cells[0].x1;
	const char *t;
	size_t n;

	if (!is_text_row(b))
		return NB_FLOW_UNKNOWN;
	if (fabs(x - left - indent) <= INDENT_TOL * em)
		return NB_FLOW_NEW;
	if (fabs(x - left) > MARGIN_TOL * em || !a || !is_text_row(a))
		return NB_FLOW_UNKNOWN;
	if (a->cells[0].x2 >= right - SHORT * em)
		return NB_FLOW_ON;
	/* ended short: a new paragraph if it ended a sentence (a line may
	 * end short before a word that does not fit, as an address) */
	t = a->cells[0].text;
	n = strlen(t);
	return n >= 3 && (!strcmp(t + n - 3, "。") || !strcmp(t + n - 3, "：")) ?
	       NB_FLOW_NEW : NB_FLOW_UNKNOWN;
}

/* A line of a paragraph set justified, its blanks so wide that they
 * parted it into cells: from margin to margin, no figure in it, its gaps
 * no wider than a few ems, or all the same (a few characters spread over
 * the line before a word too long for it). */
static int
justified(const pdf_row_t *row, double left, double right, double indent)
{
	double em = row->em, x = row->n ? row->cells[0].x1 : 0, gap, lo = 0, hi = 0;
	size_t j;

	if (row->drop || row->ruled || row->n < 2 || em <= 0 ||
	    (fabs(x - left) > MARGIN_TOL * em && fabs(x - left - indent) > INDENT_TOL * em) ||
	    row->cells[row->n - 1].x2 < right - SHORT * em)
		return 0;
	for (j = 0; j < row->n; j++) {
		if (is_number(row->cells[j].text))
			return 0;
		if (!j)
			continue;
		gap = row->cells[j].x1 - row->cells[j - 1].x2;
		lo = j == 1 || gap < lo ? gap : lo;
		hi = j == 1 || gap > hi ? gap : hi;
	}
	return hi <= JUSTIFY_GAP * em || hi - lo <= EVEN_GAP * em;
}

/* Text left of the text's column in a row of the text (a column of a
 * site's links beside the article) is none of the report: left out. */
static void
beside_column(pdf_row_t *row, double left)
{
	size_t k, j;

	if (row->drop || row->ruled || row->n < 2 || row->em <= 0)
		return;
	for (k = 0; k < row->n && row->cells[k].x2 < left - row->em; k++)
		;
	if (!k || k == row->n || row->cells[k].x1 < left - MARGIN_TOL * row->em)
		return;
	for (j = k; j < row->n; j++)
		if (is_number(row->cells[j].text))
			return;
	memmove(row->cells, row->cells + k, (row->n - k) * sizeof *row->cells);
	row->n -= k;
}

static int
emit(pdf_read_t *R, nb_idoc_t *doc)
{
	const char **texts = NULL;
	const pdf_row_t *prev = NULL;
	size_t i, j, most = 1;
	double left, right, indent;
	int rc = 0, flows = margins(R, &left, &right, &indent);

	for (i = 0; i < R->n && !rc; i++) {
		pdf_row_t *row = &R->rows[i];
		if (flows)
			beside_column(row, left);
		if (flows && justified(row, left, right, indent)) {
			for (j = 1; j < row->n && !rc; j++)
				rc = join_text(R, &row->cells[0], &row->cells[j]);
			row->n = 1;
		}
		most = row->n > most ? row->n : most;
	}
	if (rc || !(texts = malloc(most * sizeof *texts)))
		return -1;
	for (i = 0; i < R->n && !rc; i++) {
		const pdf_row_t *row = &R->rows[i];
		if (row->drop)
			continue;
		for (j = 0; j < row->n; j++)
			texts[j] = row->cells[j].text;
		rc = nb_idoc_add(doc, texts, NULL, row->n, row->n > 1, 0);
		if (!rc && flows)
			doc->v[doc->n - 1].flow = flow_of(prev, row, left, right, indent);
		prev = row;
	}
	free(texts);
	return rc;
}

static int
set_title(const nb_poppler_t *P, PopplerDocument *pd, nb_idoc_t *doc)
{
	char *t = P->poppler_document_get_title(pd);
	const char *s = t;
	int rc = 0;

	if (s)
		while (*s == ' ' || *s == '\t')
			s++;
	if (s && *s && !(doc->title = nb_arena_strdup(&doc->arena, s)))
		rc = -1;
	g_free(t);
	return rc;
}

/* A whole PDF ends with %%EOF (within the last kilobyte, as readers
 * allow): poppler would read a cut file as far as it goes. */
static int
looks_whole(const char *buf, size_t len)
{
	size_t from = len > 1024 ? len - 1024 : 0, i;

	if (len < 5 || memcmp(buf, "%PDF-", 5))
		return 0;
	for (i = len - 5; i + 1 > from; i--)
		if (!memcmp(buf + i, "%%EOF", 5))
			return 1;
	return 0;
}

static PopplerDocument *
open_pdf(const nb_poppler_t *P, const char *name, const char *buf, size_t len,
         nb_error_t *err)
{
	GBytes *bytes;
	GError *gerr = NULL;
	PopplerDocument *pd;

	if (!looks_whole(buf, len) || len > G_MAXINT) {
		nb_error_set(err, name, 0, 0, "PDF 文件已损坏或不完整");
		return NULL;
	}
	bytes = g_bytes_new_static(buf, len);
	pd = P->poppler_document_new_from_bytes(bytes, NULL, &gerr);
	g_bytes_unref(bytes);
	if (!pd && gerr && gerr->domain == P->poppler_error_quark() &&
	    gerr->code == POPPLER_ERROR_ENCRYPTED)
		nb_error_set(err, name, 0, 0,
		             "PDF 文件有密码保护，无法读取：请提供不加密的文件");
	else if (!pd)
		nb_error_set(err, name, 0, 0, "PDF 文件已损坏或不完整");
	if (gerr)
		g_error_free(gerr);
	return pd;
}

static int
read_doc(const char *name, PopplerDocument *pd, pdf_read_t *R,
         nb_idoc_t *doc, nb_error_t *err)
{
	R->pages = R->P->poppler_document_get_n_pages(pd);
	if (R->pages < 1)
		return nb_error_set(err, name, 0, 0, "PDF 文件已损坏或不完整");
	if (R->pages > PDF_MAX_PAGES)
		return nb_error_set(err, name, 0, 0,
		                    "PDF 文件有 %d 页，超过了 %d 页的上限：这不像一份年度报告",
		                    R->pages, PDF_MAX_PAGES);
	R->page_first = nb_arena_alloc(&R->arena, (size_t)(R->pages + 1) * sizeof *R->page_first);
	R->page_h = nb_arena_alloc(&R->arena, (size_t)R->pages * sizeof *R->page_h);
	if (!R->page_first || !R->page_h || read_pages(R, pd) < 0)
		return nb_error_set(err, name, 0, 0, "内存不足");
	if (!R->glyphs)
		return nb_error_set(err, name, 0, 0,
		                    "PDF 文件里没有文字，只有图像（扫描件），无法读取：请找这份报告的 Word 版或网页版");
	if (drop_margins(R) < 0 || join_rows(R) < 0 || emit(R, doc) < 0 ||
	    set_title(R->P, pd, doc) < 0)
		return nb_error_set(err, name, 0, 0, "内存不足");
	doc->printed = 1;       /* paragraphs come as the lines they were set in */
	return 0;
}

int
nb_read_pdf(const char *name, const char *buf, size_t len, nb_idoc_t *doc,
            nb_error_t *err)
{
	const nb_poppler_t *P = nb_poppler_open(name, err);
	PopplerDocument *pd = P ? open_pdf(P, name, buf, len, err) : NULL;
	pdf_read_t R;
	int rc;

	if (!pd)
		return -1;
	memset(&R, 0, sizeof R);
	R.P = P;
	nb_arena_init(&R.arena);
	rc = read_doc(name, pd, &R, doc, err);
	free(R.rows);
	nb_arena_free(&R.arena);
	g_object_unref(pd);
	return rc;
}
