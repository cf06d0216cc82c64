/* body.c - the current section: its one-line fields and paragraphs,
 * or its grid.  The body is a list of display lines built afresh on each
 * draw; the part that holds the cursor is scrolled into view. */

#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/textedit.h"
#include "ui/keys.h"
#include "ui/paint.h"
#include "ui/screen.h"

typedef enum {
	L_BLANK, L_HEADING, L_SPAN, L_COLHEAD, L_GROW, L_LINE, L_LABEL, L_TEXT,
	L_MORE
} lkind_t;

typedef struct {
	lkind_t kind;
	long stop;          /* the stop the line shows, -1 */
	int row;            /* grid row, text row or header part */
	int part;           /* column names: which line; spans: the level */
} dline_t;

/* The wrapped text of a paragraph stop that is not being edited. */
typedef struct {
	long stop;
	nb_text_t t;
	nb_tlayout_t L;
} tcache_t;

typedef struct {
	nb_ui_t *ui;
	const nb_nsec_t *sec;
	dline_t *v;
	size_t n, cap;
	tcache_t *tc;
	size_t ntc;
	long cur_line, block_start, block_end, header;
	int header_lines;   /* grids: lines of column names kept on top */
	int label_w;        /* forms: width of the labels */
	int cell_w;         /* grids: width of a value column */
	int cy, cx;         /* where the cursor goes, -1 */
} body_t;

#define PREVIEW_ROWS 3
#define TEXT_X 2

static void
push(body_t *B, lkind_t kind, long stop, int row)
{
	dline_t *v;

	if (B->n == B->cap) {
		size_t cap = B->cap ? 2 * B->cap : 64;
		if (!(v = realloc(B->v, cap * sizeof *v)))
			return;
		B->v = v;
		B->cap = cap;
	}
	B->v[B->n].kind = kind;
	B->v[B->n].stop = stop;
	B->v[B->n].row = row;
	B->v[B->n].part = 0;
	B->n++;
}

/* A line of the headings over a grid's columns: part of the names, or a
 * level of the spans over them. */
static void
push_head(body_t *B, lkind_t kind, int grow, int part)
{
	size_t n = B->n;

	push(B, kind, -1, grow);
	if (B->n > n)
		B->v[n].part = part;
}

static int
is_cur(const body_t *B, long stop)
{
	return stop == (long)B->ui->ed.cur;
}

/* ---- building the lines of a form section ---- */

static tcache_t *
text_of(body_t *B, long stop)
{
	size_t i;

	for (i = 0; i < B->ntc; i++)
		if (B->tc[i].stop == stop)
			return &B->tc[i];
	return NULL;
}

static const nb_tlayout_t *
layout_of(body_t *B, long stop, const nb_text_t **t)
{
	tcache_t *c;

	if (is_cur(B, stop)) {
		*t = &B->ui->ed.buf;
		return &B->ui->ed.lay;
	}
	c = text_of(B, stop);
	*t = &c->t;
	return &c->L;
}

static void
cache_text(body_t *B, long stop)
{
	tcache_t *c = realloc(B->tc, (B->ntc + 1) * sizeof *c);
	char *s;

	if (!c)
		return;
	B->tc = c;
	c = &c[B->ntc++];
	c->stop = stop;
	nb_text_init(&c->t);
	memset(&c->L, 0, sizeof c->L);
	s = nb_ed_stop_text(&B->ui->ed, (size_t)stop);
	nb_text_set(&c->t, s ? s : "");
	free(s);
	nb_text_layout(&c->t, B->ui->ed.wrap_width, &c->L);
}

static void
build_paragraph(body_t *B, long stop, int label)
{
	const nb_text_t *t;
	const nb_tlayout_t *L;
	int rows, i;

	if (label) {
		push(B, L_BLANK, stop, 0);
		push(B, L_LABEL, stop, 0);
	}
	if (!is_cur(B, stop))
		cache_text(B, stop);
	L = layout_of(B, stop, &t);
	rows = (int)L->n;
	if (is_cur(B, stop)) {
		for (i = 0; i < rows; i++) {
			if ((size_t)i == nb_tlayout_row(L, t->cur))
				B->cur_line = (long)B->n;
			push(B, L_TEXT, stop, i);
		}
		return;
	}
	for (i = 0; i < rows && i < PREVIEW_ROWS; i++)
		push(B, L_TEXT, stop, i);
	if (rows > PREVIEW_ROWS)
		push(B, L_MORE, stop, rows);
}

static void
build_form(body_t *B)
{
	const nb_editor_t *ed = &B->ui->ed;
	size_t i;
	char label[256];

	for (i = B->sec->first; i < B->sec->first + B->sec->n; i++) {
		const nb_stop_t *s = &ed->nav.stops[i];
		size_t before = B->n;
		if (s->kind == NB_STOP_TEXT || s->kind == NB_STOP_ITEM) {
			build_paragraph(B, (long)i, s->kind == NB_STOP_TEXT);
		} else {
			if (s->kind == NB_STOP_TITLE)
				push(B, L_BLANK, (long)i, 0);
			if (is_cur(B, (long)i))
				B->cur_line = (long)B->n;
			push(B, L_LINE, (long)i, 0);
			nb_nav_label(&ed->nav, ed->rep, i, label, sizeof label);
			if (nb_ui_width(label) > B->label_w)
				B->label_w = nb_ui_width(label);
		}
		if (is_cur(B, (long)i)) {
			B->block_start = (long)before;
			B->block_end = (long)B->n - 1;
		}
	}
	if (B->label_w > 20)
		B->label_w = 20;
}

/* ---- building the lines of a grid ---- */

static int
same_columns(const nb_grow_t *a, const nb_grow_t *b)
{
	int c;

	if (!a || a->ncols != b->ncols)
		return 0;
	for (c = 0; c < a->ncols; c++) {
		const char *x = nb_nav_colname(a, c), *y = nb_nav_colname(b, c);
		if (!x || !y || strcmp(x, y))
			return 0;
	}
	return 1;
}

/* How wide a grid's labels would like to be (the longest, indented) and
 * its columns (the longest column name on one line). */
static void
wanted_widths(const nb_nsec_t *sec, int *label, int *cell)
{
	size_t i;
	int c, w;

	*label = *cell = 0;
	for (i = 0; i < sec->nrows; i++) {
		const nb_grow_t *g = &sec->rows[i];
		if (!g->field)
			continue;
		if ((w = nb_ui_width(g->label) + 1 + g->depth) > *label)
			*label = w;
		for (c = 0; c < g->ncols; c++)
			if (nb_nav_colname(g, c) &&
			    (w = nb_ui_width(nb_nav_colname(g, c)) + 1) > *cell)
				*cell = w;
	}
}

/* At 80 columns a figure column takes what it needs (6 to 10) and the
 * labels the rest.  A wider screen gives its extra to the labels until
 * the longest fits, then to the columns until their names fit on one
 * line, then to the labels again. */
static void
grid_widths(body_t *B)
{
	int n = B->sec->ncols, extra = COLS - NB_UI_MIN_COLS, want_label, want_cell;
	int cell = n ? (NB_UI_MIN_COLS - 24) / n : 10, label, grow;

	if (cell > 10)
		cell = 10;
	if (cell < 6)
		cell = 6;
	label = NB_UI_MIN_COLS - n * cell - 1;
	wanted_widths(B->sec, &want_label, &want_cell);
	grow = want_label - label;
	if (extra > 0 && grow > 0)
		extra -= grow < extra ? grow : extra;
	grow = want_cell - cell;
	if (extra > 0 && n && grow > 0)
		cell += grow < extra / n ? grow : extra / n;
	B->cell_w = cell;
}

/* How many lines the names of a grid row's columns take: 1 when each
 * fits its column, else 2. */
static int
name_lines(const body_t *B, const nb_grow_t *g)
{
	int c;

	for (c = 0; c < g->ncols; c++)
		if (nb_nav_colname(g, c) && nb_ui_width(nb_nav_colname(g, c)) > B->cell_w - 1)
			return 2;
	return 1;
}

/* The lines over a block of grid rows: the spans (申请人情况, 法人或其他
 * 组织) where they stand over it, then the column names. */
static void
build_colhead(body_t *B, int grow)
{
	const nb_grow_t *g = &B->sec->rows[grow];
	int k;

	if (g->tcol == B->sec->span_tcol)
		for (k = 0; k < B->sec->span_levels; k++)
			push_head(B, L_SPAN, grow, k);
	for (k = 0; k < name_lines(B, g); k++)
		push_head(B, L_COLHEAD, grow, k);
}

static void
build_grid(body_t *B)
{
	const nb_stop_t *cur = nb_ed_stop(&B->ui->ed);
	const nb_grow_t *prev = NULL;
	long last_head = -1;
	size_t i;

	grid_widths(B);
	for (i = 0; i < B->sec->nrows; i++) {
		const nb_grow_t *g = &B->sec->rows[i];
		if (!g->field) {
			push(B, L_HEADING, -1, (int)i);
			continue;
		}
		if (nb_nav_colname(g, 0) && !same_columns(prev, g)) {
			build_colhead(B, (int)i);
			last_head = (long)i;
			prev = g;
		} else if (!nb_nav_colname(g, 0)) {
			prev = NULL;
		}
		if ((int)i == cur->grow) {
			B->cur_line = B->block_start = B->block_end = (long)B->n;
			B->header = prev ? last_head : -1;
		}
		push(B, L_GROW, (long)g->first, (int)i);
	}
	if (B->header >= 0)
		B->header_lines = name_lines(B, &B->sec->rows[B->header]);
}

/* ---- scrolling ---- */

static void
scroll_into_view(body_t *B, int rows)
{
	int *scroll = &B->ui->scroll;
	long max = (long)B->n - rows;

	if (B->block_end - B->block_start < rows) {
		if (B->block_start < *scroll)
			*scroll = (int)B->block_start;
		if (B->block_end >= *scroll + rows)
			*scroll = (int)(B->block_end - rows + 1);
	}
	if (B->cur_line < *scroll)
		*scroll = (int)B->cur_line;
	if (B->cur_line >= *scroll + rows)
		*scroll = (int)(B->cur_line - rows + 1);
	if (*scroll > max)
		*scroll = max > 0 ? (int)max : 0;
	if (*scroll < 0)
		*scroll = 0;
}

/* ---- drawing a form section ---- */

static void
draw_line_field(body_t *B, int y, long stop)
{
	nb_editor_t *ed = &B->ui->ed;
	char label[256], *text;
	int x = B->label_w + 3, w = COLS - x - 1;

	nb_nav_label(&ed->nav, ed->rep, (size_t)stop, label, sizeof label);
	mvaddch(y, 0, is_cur(B, stop) ? '>' : ' ');
	nb_ui_put(y, 1, label, B->label_w, 0);
	nb_ui_put(y, B->label_w + 1, "：", 2, 0);
	nb_ui_hit(B->ui, y, 0, COLS, -1, stop);
	if (is_cur(B, stop)) {
		const nb_text_t *t = &ed->buf;
		int cx = nb_wcswidth(t->s, t->cur);
		size_t from = 0;
		while (cx - nb_wcswidth(t->s, from) >= w && from < t->cur)
			from++;
		attron(A_UNDERLINE);
		mvhline(y, x, ' ', w);
		nb_ui_putw(y, x, t->s + from, t->len - from, w, 0);
		attroff(A_UNDERLINE);
		B->cy = y;
		B->cx = x + cx - nb_wcswidth(t->s, from);
		return;
	}
	text = nb_ed_stop_text(ed, (size_t)stop);
	if (text && *text) {
		nb_ui_put(y, x, text, w, 0);
	} else {
		attron(A_DIM);
		nb_ui_put(y, x, "（未填写）", w, 0);
		attroff(A_DIM);
	}
	free(text);
}

static void
draw_label(body_t *B, int y, long stop)
{
	const nb_editor_t *ed = &B->ui->ed;
	const nb_stop_t *s = &ed->nav.stops[stop];
	const nb_field_t *f = ed->form->cells[s->cell].field;
	char label[256];

	nb_nav_label(&ed->nav, ed->rep, (size_t)stop, label, sizeof label);
	mvaddch(y, 0, is_cur(B, stop) ? '>' : ' ');
	attron(A_BOLD);
	nb_ui_put(y, 1, label, COLS - 2, 0);
	attroff(A_BOLD);
	if (f->hint)
		nb_ui_put(y, 2 + nb_ui_width(label), f->hint,
		          COLS - 3 - nb_ui_width(label), 0);
	nb_ui_hit(B->ui, y, 0, COLS, -1, stop);
}

#define MAX_MARKS 32

/* The sentences of the row that findings are about, drawn over in the
 * warning's colour and underlined, and "?" ("!" for an error) in the
 * margin. */
static void
mark_sentences(body_t *B, int y, long stop, const nb_text_t *t,
               const nb_tline_t *r)
{
	nb_mark_span_t m[MAX_MARKS];
	size_t n = nb_ed_text_marks(&B->ui->ed, (size_t)stop, m, MAX_MARKS), i;
	int grave = 0, marked = 0, x, attr;

	for (i = 0; i < n && i < MAX_MARKS; i++) {
		size_t a = m[i].start > r->start ? m[i].start : r->start;
		size_t z = m[i].end < r->end ? m[i].end : r->end;
		if (a >= z)
			continue;
		marked = 1;
		grave |= m[i].severity == NB_SEV_ERROR;
		attr = nb_ui_attr(m[i].severity == NB_SEV_ERROR ? NB_PAIR_ERROR : NB_PAIR_WARN,
		                  0) | A_UNDERLINE;
		x = TEXT_X + nb_wcswidth(t->s + r->start, a - r->start);
		attron(attr);
		nb_ui_putw(y, x, t->s + a, z - a, COLS - x, 0);
		attroff(attr);
	}
	if (marked)
		mvaddch(y, 1, grave ? '!' : '?');
}

static void
draw_text_row(body_t *B, int y, long stop, int row)
{
	const nb_text_t *t;
	const nb_tlayout_t *L = layout_of(B, stop, &t);
	const nb_tline_t *r = &L->v[row];

	nb_ui_hit(B->ui, y, 0, COLS, -1, stop);
	if (is_cur(B, stop))
		mvaddch(y, 0, '|');
	if (!t->len && !is_cur(B, stop)) {
		attron(A_DIM);
		nb_ui_put(y, TEXT_X, "（未填写）", COLS - TEXT_X - 1, 0);
		attroff(A_DIM);
		return;
	}
	nb_ui_putw(y, TEXT_X, t->s + r->start, r->end - r->start,
	           COLS - TEXT_X, 0);
	mark_sentences(B, y, stop, t, r);
}

static void
place_text_cursor(body_t *B, int y0)
{
	const nb_editor_t *ed = &B->ui->ed;
	const nb_stop_t *s = nb_ed_stop(ed);
	long line = B->cur_line - B->ui->scroll;

	if (s->kind != NB_STOP_TEXT && s->kind != NB_STOP_ITEM)
		return;
	if (line >= 0 && line < B->ui->body_rows)
		move(y0 + (int)line, TEXT_X + nb_tlayout_col(&ed->buf, &ed->lay, ed->buf.cur));
}

/* ---- drawing a grid ---- */

static int
grid_x(const body_t *B, int col)
{
	int label_w = COLS - B->sec->ncols * B->cell_w - 1;

	return label_w + 1 + col * B->cell_w;
}

static void
draw_colhead(body_t *B, int y, int grow, int part)
{
	const nb_grow_t *g = &B->sec->rows[grow];
	const nb_stop_t *cur = nb_ed_stop(&B->ui->ed);
	int c, w = B->cell_w - 1, mine;

	/* the heading of the cursor's column stands out */
	mine = cur->grow >= 0 && (cur->grow == grow ||
	       same_columns(g, &B->sec->rows[cur->grow]));
	attron(A_BOLD);
	for (c = 0; c < g->ncols; c++) {
		const char *name = nb_nav_colname(g, c);
		size_t n;
		wchar_t *s = nb_utf8_decode(name ? name : "", &n);
		size_t i = 0;
		int x = 0;
		if (!s)
			continue;
		while (i < n && x + nb_cp_width(s[i]) <= w)
			x += nb_cp_width(s[i++]);
		if (mine && c == cur->gcol)
			attron(A_UNDERLINE);
		if (part == 0)
			nb_ui_putw(y, grid_x(B, c) + 1, s, i < n ? i : n, w, 1);
		else if (i < n)
			nb_ui_putw(y, grid_x(B, c) + 1, s + i, n - i, w, 1);
		attroff(A_UNDERLINE);
		free(s);
	}
	attroff(A_BOLD);
}

/* The spans of one level, each centred over its columns between dashes
 * that show how far it reaches. */
static void
draw_spans(body_t *B, int y, int level)
{
	size_t i;

	attron(A_BOLD);
	for (i = 0; i < B->sec->nspans; i++) {
		const nb_gspan_t *sp = &B->sec->spans[i];
		int x = grid_x(B, sp->col) + 1, w = sp->ncols * B->cell_w - 1;
		int lw = nb_ui_width(sp->label);
		if (sp->level != level)
			continue;
		if (lw + 2 <= w) {
			mvhline(y, x, '-', w);
			x += (w - lw - 2) / 2;
			mvaddch(y, x, ' ');
			mvaddch(y, x + lw + 1, ' ');
			nb_ui_put(y, x + 1, sp->label, lw, 0);
		} else {
			nb_ui_put(y, x, sp->label, w, 0);
		}
	}
	attroff(A_BOLD);
}

static void
draw_heading(body_t *B, int y, int grow)
{
	const nb_grow_t *g = &B->sec->rows[grow];

	attron(A_BOLD);
	nb_ui_put(y, 1 + g->depth, g->label, grid_x(B, 0) - 2 - g->depth, 0);
	attroff(A_BOLD);
}

/* The mark before a figure: "!" where to look - a broken rule, or the
 * one figure of it that was probably typed in the wrong column or row;
 * ":" the other cells of a broken rule such a figure explains, quieter so
 * that the eye finds that one; "?" a warning. */
static const char *
mark_text(unsigned char mark)
{
	if (mark & (NB_MARK_LIKELY | NB_MARK_ERROR))
		return "!";
	if (mark & NB_MARK_EXPLAINED)
		return ":";
	return mark & NB_MARK_WARNING ? "?" : "";
}

static int
mark_attr(unsigned char mark)
{
	if (mark & NB_MARK_LIKELY)
		return nb_ui_attr(NB_PAIR_ERROR, A_BOLD) | A_UNDERLINE;
	if (mark & NB_MARK_ERROR)
		return nb_ui_attr(NB_PAIR_ERROR, A_BOLD);
	return mark & NB_MARK_EXPLAINED ? nb_ui_attr(NB_PAIR_ERROR, 0) : 0;
}

/* The text of a grid cell with its mark (mark_text), "=" computed total,
 * "_" not filled. */
static void
cell_text(body_t *B, long stop, char *out, size_t size)
{
	const nb_editor_t *ed = &B->ui->ed;
	const nb_stop_t *s = &ed->nav.stops[stop];
	char val[96];
	char *t = NULL;

	if (is_cur(B, stop) && !s->computed) {
		t = nb_text_get(&ed->buf);
		snprintf(val, sizeof val, "%s", t ? t : "");
		free(t);
	} else {
		nb_ed_cell_text(ed, s->cell, val, sizeof val);
		if (!val[0] && !s->computed)
			snprintf(val, sizeof val, "_");
	}
	snprintf(out, size, "%s%s%s", mark_text(ed->mark[s->cell]),
	         s->computed ? "=" : "", val);
}

static void
draw_cell(body_t *B, int y, long stop)
{
	const nb_editor_t *ed = &B->ui->ed;
	const nb_stop_t *s = &ed->nav.stops[stop];
	int x = grid_x(B, s->gcol) + 1, w = B->cell_w - 1, attr;
	char text[128];

	if (B->sec->rows[s->grow].ncols == 1)   /* a single figure: the whole width */
		w = B->sec->ncols * B->cell_w - 1;

	cell_text(B, stop, text, sizeof text);
	if (!(attr = mark_attr(ed->mark[s->cell])) && s->computed)
		attr = nb_ui_attr(NB_PAIR_TOTAL, A_BOLD);
	if (is_cur(B, stop))
		attr |= A_REVERSE;
	attron(attr);
	mvhline(y, x, ' ', w);
	nb_ui_put(y, x, text, w, 1);
	attroff(attr);
	nb_ui_hit(B->ui, y, x, x + w, -1, stop);
	if (is_cur(B, stop)) {
		const nb_text_t *t = &ed->buf;
		int after = s->computed ? 0 : nb_wcswidth(t->s + t->cur, t->len - t->cur);
		B->cy = y;
		B->cx = x + w - after;
	}
}

static void
draw_grow(body_t *B, int y, int grow)
{
	const nb_grow_t *g = &B->sec->rows[grow];
	const nb_stop_t *cur = nb_ed_stop(&B->ui->ed);
	int c, lw = grid_x(B, 0) - 1;

	/* a label that would be cut gives way to the form's short one */
	const char *label = g->brief && nb_ui_width(g->label) > lw - 1 - g->depth
	                    ? g->brief : g->label;

	mvaddch(y, 0, cur->grow == grow ? '>' : ' ');
	nb_ui_put(y, 1 + g->depth, label, lw - 1 - g->depth, 0);
	for (c = 0; c < g->ncols; c++)
		draw_cell(B, y, (long)(g->first + (size_t)c));
	nb_ui_hit(B->ui, y, 0, lw, -1, (long)g->first);
}

/* ---- one line ---- */

static void
draw_dline(body_t *B, int y, const dline_t *d)
{
	switch (d->kind) {
	case L_HEADING: draw_heading(B, y, d->row); break;
	case L_SPAN: draw_spans(B, y, d->part); break;
	case L_COLHEAD: draw_colhead(B, y, d->row, d->part); break;
	case L_GROW: draw_grow(B, y, d->row); break;
	case L_LINE: draw_line_field(B, y, d->stop); break;
	case L_LABEL: draw_label(B, y, d->stop); break;
	case L_TEXT: draw_text_row(B, y, d->stop, d->row); break;
	case L_MORE:
		attron(A_DIM);
		mvprintw(y, TEXT_X, "...（共 %d 行）", d->row);
		attroff(A_DIM);
		break;
	default: break;
	}
}

/* The first line of the column names over grid row `grow`. */
static long
colhead_line(const body_t *B, long grow)
{
	size_t i;

	for (i = 0; i < B->n; i++)
		if (B->v[i].kind == L_COLHEAD && B->v[i].row == grow)
			return (long)i;
	return -1;
}

/* Scrolled past the names of the cursor's columns, they stay on top (the
 * spans over them do not: the lines are worth more for the figures). */
static void
draw_lines(body_t *B)
{
	nb_ui_t *ui = B->ui;
	int y0 = ui->body_top, rows = ui->body_rows, sticky = 0, i;

	scroll_into_view(B, rows);
	if (B->header >= 0 && colhead_line(B, B->header) < ui->scroll) {
		sticky = B->header_lines;
		scroll_into_view(B, rows - sticky);
		for (i = 0; i < sticky; i++)
			draw_colhead(B, y0 + i, (int)B->header, i);
	}
	for (i = 0; i + sticky < rows && (size_t)(ui->scroll + i) < B->n; i++)
		draw_dline(B, y0 + sticky + i, &B->v[ui->scroll + i]);
	if (B->sec->grid || nb_ed_stop(&ui->ed)->kind == NB_STOP_LINE ||
	    nb_ed_stop(&ui->ed)->kind == NB_STOP_TITLE) {
		if (B->cy >= 0)
			move(B->cy, B->cx);
	} else {
		place_text_cursor(B, y0 + sticky);
	}
}

static void
draw_heading_line(nb_ui_t *ui, const nb_nsec_t *sec)
{
	char hint[128];
	size_t i;
	int items = 0;

	for (i = sec->first; i < sec->first + sec->n; i++)
		items |= ui->ed.nav.stops[i].kind == NB_STOP_TITLE;
	attron(A_BOLD);
	mvaddstr(ui->body_top - 1, 0, "== ");
	nb_ui_put(ui->body_top - 1, 3, sec->sec->heading, COLS - 30, 0);
	addstr(" ==");
	attroff(A_BOLD);
	if (items)
		nb_ui_put(ui->body_top - 1, COLS - 26, nb_ui_keys_in("{add_item} 添加分项  "
		          "{remove_item} 删除分项", hint, sizeof hint), 25, 1);
}

void
nb_ui_draw_body(nb_ui_t *ui)
{
	body_t B;
	size_t i;

	memset(&B, 0, sizeof B);
	B.ui = ui;
	B.sec = &ui->ed.nav.secs[nb_ed_section(&ui->ed)];
	B.header = -1;
	B.cy = B.cx = -1;
	if (nb_ed_section(&ui->ed) != ui->section_shown) {
		ui->scroll = 0;
		ui->section_shown = nb_ed_section(&ui->ed);
	}
	nb_ed_set_width(&ui->ed, COLS - TEXT_X - 1);
	draw_heading_line(ui, B.sec);
	if (B.sec->grid)
		build_grid(&B);
	else
		build_form(&B);
	draw_lines(&B);
	for (i = 0; i < B.ntc; i++) {
		nb_text_free(&B.tc[i].t);
		nb_tlayout_free(&B.tc[i].L);
	}
	free(B.tc);
	free(B.v);
}

void
nb_ui_hit(nb_ui_t *ui, int y, int x0, int x1, int section, long stop)
{
	nb_hit_t *h;

	if (ui->nhits >= NB_UI_MAXHITS)
		return;
	h = &ui->hits[ui->nhits++];
	h->y = y;
	h->x0 = x0;
	h->x1 = x1;
	h->section = section;
	h->stop = stop;
}
