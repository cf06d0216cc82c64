/* The Markdown rendering: CommonMark with GFM pipe tables.  GFM has no
 * merged cells, so each table is flattened: a heading row that spans the
 * whole table becomes a bold line and starts a new table; columns that no
 * row of a part splits are joined; the head rows become one (a column's
 * head reads "申请人情况/自然人"); a merged label is written in its first
 * row and column and left blank where it continues. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/export.h"

/* Appends text so that it reads back literally: the ASCII characters that
 * mean something to Markdown are backslash-escaped, and so are "#", "-",
 * "+", "=" and a "1." list marker at the start of a line. */
static void
esc(nb_buf_t *out, const char *s, int in_table)
{
	const char *p = s;

	if (in_table) {
		/* nothing starts a block inside a table cell */
	} else if (*p == '#' || *p == '-' || *p == '+' || *p == '=') {
		nb_buf_add(out, "\\", 1);
	} else if (*p >= '0' && *p <= '9') {
		size_t n = strspn(p, "0123456789");
		if (n <= 9 && (p[n] == '.' || p[n] == ')')) {
			nb_buf_add(out, p, n);
			nb_buf_add(out, "\\", 1);
			p += n;
		}
	}
	for (; *p; p++) {
		if (strchr("\\`*_[]<>&~|!", *p))
			nb_buf_add(out, "\\", 1);
		nb_buf_add(out, p, 1);
	}
}

/* Does row r hold just one cell across the whole table? */
static int
full_row(const nb_grid_t *g, int r)
{
	const nb_gcell_t *x = nb_grid_at(g, r, 0);

	return x->cols == g->ncols && x->row == r && x->rows == 1 &&
	       x->kind != NB_GC_VALUE;
}

/* The head text of column c: the head cells over it, joined by "/". */
static void
head_text(const nb_grid_t *g, int r0, int r1, int c, nb_buf_t *out)
{
	const nb_gcell_t *prev = NULL, *x;
	int r;

	for (r = r0; r < r1; r++) {
		if ((x = nb_grid_at(g, r, c)) == prev)
			continue;
		if (prev)
			nb_buf_puts(out, "/");
		esc(out, x->text, 1);
		prev = x;
	}
}

/* Are columns c-1 and c covered by the same head cells in rows [r0, r1)? */
static int
same_head(const nb_grid_t *g, int r0, int r1, int c)
{
	int r;

	for (r = r0; r < r1; r++)
		if (nb_grid_at(g, r, c - 1) != nb_grid_at(g, r, c))
			return 0;
	return 1;
}

/* One GFM table of rows [a, b) whose first `nh` rows are its head. */
static int
render_part(const nb_grid_t *g, int a, int nh, int b, nb_buf_t *out)
{
	char *split = calloc((size_t)g->ncols + 1, 1);
	int r, c, k;

	if (!split)
		return -1;
	split[0] = 1;
	for (r = a; r < b; r++)                 /* column edges some cell uses */
		for (c = 1; c < g->ncols; c++)
			if (nb_grid_at(g, r, c - 1) != nb_grid_at(g, r, c))
				split[c] = 1;
	for (k = 0; k < 2; k++) {               /* the head row, the delimiter */
		nb_buf_puts(out, "|");
		for (c = 0; c < g->ncols; c++) {
			if (!split[c])
				continue;
			if (k == 1)
				nb_buf_puts(out, " --- |");
			else if (nh && (c == 0 || !same_head(g, a, a + nh, c))) {
				nb_buf_puts(out, " ");
				head_text(g, a, a + nh, c, out);
				nb_buf_puts(out, " |");
			} else
				nb_buf_puts(out, "  |");
		}
		nb_buf_puts(out, "\n");
	}
	for (r = a + nh; r < b; r++) {
		nb_buf_puts(out, "|");
		for (c = 0; c < g->ncols; c++) {
			const nb_gcell_t *x = nb_grid_at(g, r, c);
			if (!split[c])
				continue;
			nb_buf_puts(out, " ");
			if (x->row == r && x->col == c)
				esc(out, x->text, 1);
			nb_buf_puts(out, " |");
		}
		nb_buf_puts(out, "\n");
	}
	free(split);
	return 0;
}

static int
only_heads(const nb_grid_t *g, int r)
{
	int c;

	for (c = 0; c < g->ncols; c++)
		if (nb_grid_at(g, r, c)->kind != NB_GC_HEAD)
			return 0;
	return 1;
}

static int
render_table(const nb_grid_t *g, nb_buf_t *out)
{
	int a = 0, b, nh;

	while (a < g->nrows) {
		if (full_row(g, a)) {
			nb_buf_puts(out, "**");
			esc(out, nb_grid_at(g, a, 0)->text, 0);
			nb_buf_puts(out, "**\n\n");
			a++;
			continue;
		}
		for (b = a + 1; b < g->nrows && !full_row(g, b); b++)
			;
		if (a < g->nhead)
			nh = g->nhead - a;
		else
			nh = only_heads(g, a) ? 1 : 0;
		if (render_part(g, a, nh, b, out) < 0)
			return -1;
		nb_buf_puts(out, "\n");
		a = b;
	}
	return 0;
}

int
nb_render_md(const nb_doc_t *doc, nb_buf_t *out, nb_error_t *err)
{
	size_t i;

	for (i = 0; i < doc->n; i++) {
		const nb_block_t *b = &doc->v[i];
		switch (b->kind) {
		case NB_BLK_MARK:
			nb_buf_puts(out, "> **");
			esc(out, b->text, 0);
			nb_buf_puts(out, "**\n\n");
			break;
		case NB_BLK_TITLE:
			nb_buf_puts(out, "# ");
			esc(out, b->text, 0);
			nb_buf_puts(out, "\n\n");
			break;
		case NB_BLK_HEADING:
			nb_buf_puts(out, b->level == 1 ? "## " : "### ");
			esc(out, b->text, 0);
			nb_buf_puts(out, "\n\n");
			break;
		case NB_BLK_PARA:
			esc(out, b->text, 0);
			nb_buf_puts(out, "\n\n");
			break;
		case NB_BLK_TABLE:
			if (render_table(b->grid, out) < 0)
				return nb_error_set(err, NULL, 0, 0, "内存不足");
			break;
		}
	}
	return 0;
}
