/* The plain-text rendering: one line per paragraph (for pasting into a
 * web site's editor), tables aligned by display width and ruled with ASCII
 * characters, merged cells kept merged. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/export.h"
#include "core/text.h"

/* ---- wrapping: text.h's rows, without the blanks at a break ---- */

static void
add_line(nb_span_t *lines, size_t max, size_t k, const size_t *at,
         const wchar_t *w, size_t a, size_t b)
{
	while (b > a && w[b - 1] == ' ')
		b--;
	if (k < max) {
		lines[k].start = at[a];
		lines[k].end = at[b];
	}
}

/* s as wide characters, with the byte offset of each (and of the end). */
static wchar_t *
decode_at(const char *s, size_t n, size_t **at, size_t *len)
{
	wchar_t *w = malloc((n + 1) * sizeof *w);
	size_t i = 0, k = 0;
	uint32_t cp;

	*at = malloc((n + 1) * sizeof **at);
	if (!w || !*at) {
		free(w);
		free(*at);
		return NULL;
	}
	while (i < n) {
		(*at)[k] = i;
		i += nb_utf8_next(s + i, n - i, &cp);
		w[k++] = (wchar_t)cp;
	}
	(*at)[k] = n;
	*len = k;
	return w;
}

size_t
nb_txt_wrap(const char *s, int width, nb_span_t *lines, size_t max)
{
	size_t n = strlen(s), len, start = 0, end, k = 0, *at;
	wchar_t *w = decode_at(s, n, &at, &len);

	if (!w) {                 /* out of memory: one unwrapped line */
		if (max)
			lines[0].start = 0, lines[0].end = n;
		return 1;
	}
	if (width < 2)
		width = 2;
	while (start < len && w[start] == ' ')
		start++;
	while (start < len) {
		end = nb_wrap_row(w, len, start, width);
		add_line(lines, max, k++, at, w, start, end);
		for (start = end; start < len && w[start] == ' '; start++)
			;
	}
	if (k == 0)
		add_line(lines, max, k++, at, w, start, len);
	free(w);
	free(at);
	return k;
}

/* ---- the canvas a table is drawn on ---- */

typedef struct {
	uint32_t *c;            /* w*h code points; 0 = right half of a wide one */
	int w, h;
} canvas_t;

static void
put(canvas_t *cv, int x, int y, uint32_t cp)
{
	if (x >= 0 && x < cv->w && y >= 0 && y < cv->h)
		cv->c[y * cv->w + x] = cp;
}

/* Writes bytes [a, b) of s at (x, y). */
static void
put_text(canvas_t *cv, int x, int y, const char *s, size_t a, size_t b)
{
	uint32_t cp;
	int cw;

	while (a < b) {
		a += nb_utf8_next(s + a, b - a, &cp);
		if ((cw = nb_cp_width(cp)) == 0)
			continue;
		put(cv, x, y, cp == '\t' ? ' ' : cp);
		if (cw == 2)
			put(cv, x + 1, y, 0);
		x += cw;
	}
}

static void
emit(const canvas_t *cv, nb_buf_t *out)
{
	char u[4];
	int x, y, end;

	for (y = 0; y < cv->h; y++) {
		const uint32_t *row = &cv->c[y * cv->w];
		for (end = cv->w; end > 0 && row[end - 1] == ' '; end--)
			;
		for (x = 0; x < end; x++)
			if (row[x])
				nb_buf_add(out, u, nb_utf8_put(row[x], u));
		nb_buf_add(out, "\n", 1);
	}
}

/* ---- tables ---- */

typedef struct {
	const nb_grid_t *g;
	int pad;
	int *w, *x;             /* column widths; x of the rule left of column c */
	int *h, *y;             /* row heights; y of the rule above row r */
} layout_t;

/* Is there a rule between slots (r, c-1) and (r, c)? */
static int
vrule(const layout_t *L, int r, int c)
{
	return c == 0 || c == L->g->ncols ||
	       nb_grid_at(L->g, r, c - 1) != nb_grid_at(L->g, r, c);
}

/* Is there a rule between slots (r-1, c) and (r, c)? */
static int
hrule(const layout_t *L, int r, int c)
{
	return r == 0 || r == L->g->nrows ||
	       nb_grid_at(L->g, r - 1, c) != nb_grid_at(L->g, r, c);
}

static int
cell_width(const layout_t *L, const nb_gcell_t *x)
{
	return L->x[x->col + x->cols] - L->x[x->col] - 1 - 2 * L->pad;
}

static size_t
wrap_cell(const layout_t *L, const nb_gcell_t *x, nb_span_t *lines, size_t max)
{
	return nb_txt_wrap(x->text, cell_width(L, x), lines, max);
}

/* Row heights: enough for each cell's wrapped lines (a merged cell may
 * also use the rule lines it covers). */
static void
heights(layout_t *L)
{
	const nb_grid_t *g = L->g;
	size_t i;
	int r, have, need;

	for (r = 0; r < g->nrows; r++)
		L->h[r] = 1;
	for (i = 0; i < 2 * g->ncells; i++) {     /* single rows, then spans */
		const nb_gcell_t *x = &g->cells[i % g->ncells];
		if ((x->rows > 1) != (i >= g->ncells))
			continue;
		need = (int)wrap_cell(L, x, NULL, 0);
		for (have = x->rows - 1, r = x->row; r < x->row + x->rows; r++)
			have += x->rows == 1 ? 0 : L->h[r];
		if (x->rows == 1 && need > L->h[x->row])
			L->h[x->row] = need;
		else if (x->rows > 1 && need > have)
			L->h[x->row + x->rows - 1] += need - have;
	}
	L->y[0] = 0;
	for (r = 0; r < g->nrows; r++)
		L->y[r + 1] = L->y[r] + L->h[r] + 1;
}

static void
draw_rules(const layout_t *L, canvas_t *cv)
{
	const nb_grid_t *g = L->g;
	int r, c, k, y, up, down, left, right;

	for (r = 0; r <= g->nrows; r++) {
		uint32_t dash = r == g->nhead && r > 0 && r < g->nrows ? '=' : '-';
		for (c = 0; c <= g->ncols; c++) {
			up = r > 0 && vrule(L, r - 1, c);
			down = r < g->nrows && vrule(L, r, c);
			left = c > 0 && hrule(L, r, c - 1);
			right = c < g->ncols && hrule(L, r, c);
			put(cv, L->x[c], L->y[r], left || right ? (up || down ? '+' : dash)
			                          : (up || down ? '|' : ' '));
			if (right)
				for (k = L->x[c] + 1; k < L->x[c + 1]; k++)
					put(cv, k, L->y[r], dash);
		}
		if (r == g->nrows)
			break;
		for (c = 0; c <= g->ncols; c++)
			if (vrule(L, r, c))
				for (y = L->y[r] + 1; y < L->y[r + 1]; y++)
					put(cv, L->x[c], y, '|');
	}
}

/* Narrows a centred cell's lines to the least even width that needs no
 * more lines ("结果维持" as 结果/维持 rather than 结果维/持). */
static void
balance(const char *text, int width, size_t n, nb_span_t *lines)
{
	int w = (int)nb_str_width(text, strlen(text)), try;

	if (n < 2)
		return;
	try = (w + (int)n - 1) / (int)n;
	try += try % 2;
	for (; try < width; try += 2)
		if (nb_txt_wrap(text, try, NULL, 0) == n) {
			nb_txt_wrap(text, try, lines, n);
			return;
		}
}

static int
draw_cells(const layout_t *L, canvas_t *cv)
{
	const nb_grid_t *g = L->g;
	nb_span_t *lines;
	size_t i, n, k;
	int width, height, top, lw;

	for (i = 0; i < g->ncells; i++) {
		const nb_gcell_t *x = &g->cells[i];
		n = wrap_cell(L, x, NULL, 0);
		if (!(lines = calloc(n, sizeof *lines)))
			return -1;
		wrap_cell(L, x, lines, n);
		width = cell_width(L, x);
		if (x->kind != NB_GC_LABEL)
			balance(x->text, width, n, lines);
		height = L->y[x->row + x->rows] - L->y[x->row] - 1;
		top = L->y[x->row] + 1 + (height - (int)n) / 2;
		for (k = 0; k < n; k++) {
			int left = L->x[x->col] + 1 + L->pad;
			lw = (int)nb_str_width(x->text + lines[k].start,
			                       lines[k].end - lines[k].start);
			if (x->kind != NB_GC_LABEL)
				left += (width - lw) / 2;
			put_text(cv, left, top + (int)k, x->text, lines[k].start,
			         lines[k].end);
		}
		free(lines);
	}
	return 0;
}

static int
render_table(const nb_grid_t *g, nb_buf_t *out)
{
	layout_t L;
	canvas_t cv = { 0 };
	int c, rc = -1, *mem;

	L.g = g;
	mem = calloc((size_t)(g->ncols + 1) * 2 + (size_t)(g->nrows + 1) * 2, sizeof *mem);
	if (!mem)
		return -1;
	L.w = mem;
	L.x = L.w + g->ncols + 1;
	L.h = L.x + g->ncols + 1;
	L.y = L.h + g->nrows + 1;
	/* padded cells when they fit, else cells flush against the rules */
	L.pad = nb_grid_min_width(g, 3) <= NB_TXT_WIDTH;
	nb_grid_widths(g, NB_TXT_WIDTH, L.pad ? 3 : 1, L.w);
	L.x[0] = 0;
	for (c = 0; c < g->ncols; c++)
		L.x[c + 1] = L.x[c] + L.w[c] + 2 * L.pad + 1;
	heights(&L);
	cv.w = L.x[g->ncols] + 1;
	cv.h = L.y[g->nrows] + 1;
	if ((cv.c = malloc((size_t)cv.w * cv.h * sizeof *cv.c))) {
		for (c = 0; c < cv.w * cv.h; c++)
			cv.c[c] = ' ';
		draw_rules(&L, &cv);
		if (draw_cells(&L, &cv) == 0) {
			emit(&cv, out);
			rc = 0;
		}
	}
	free(cv.c);
	free(mem);
	return rc;
}

int
nb_render_txt(const nb_doc_t *doc, nb_buf_t *out, nb_error_t *err)
{
	size_t i;

	for (i = 0; i < doc->n; i++) {
		const nb_block_t *b = &doc->v[i];
		switch (b->kind) {
		case NB_BLK_MARK:
			nb_buf_printf(out, "%s\n\n", b->text);
			break;
		case NB_BLK_TITLE:
			nb_buf_printf(out, "%s\n\n", b->text);
			break;
		case NB_BLK_TABLE:
			nb_buf_puts(out, "\n");
			if (render_table(b->grid, out) < 0)
				return nb_error_set(err, NULL, 0, 0, "内存不足");
			nb_buf_puts(out, "\n");
			break;
		default:
			nb_buf_printf(out, "%s\n", b->text);
			break;
		}
	}
	return 0;
}
