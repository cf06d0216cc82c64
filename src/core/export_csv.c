/* The CSV rendering of a document's tables (RFC 4180, CRLF line ends),
 * in UTF-8 with a byte-order mark: without one, Excel on a Chinese
 * Windows reads the file as GBK and shows mojibake.  A label merged over
 * several rows is repeated on each, so that every line reads on its own;
 * a heading or a figure merged over several columns stands in the first. */

#include "config.h"

#include <string.h>

#include "core/export.h"

#define BOM "\xEF\xBB\xBF"

/* One field, quoted when it holds a comma, a quote or a line end.  Text
 * that a spreadsheet would take for a formula (=, +, -, @ first: an
 * organization's name may be anything) gets a leading apostrophe, which
 * spreadsheets show as text. */
static void
field(nb_buf_t *out, const char *s, int figure)
{
	const char *q;
	int quoted = strpbrk(s, ",\"\r\n") != NULL;

	if (quoted)
		nb_buf_puts(out, "\"");
	if (!figure && *s && strchr("=+-@", *s))
		nb_buf_puts(out, "'");
	while ((q = strchr(s, '"'))) {
		nb_buf_add(out, s, (size_t)(q - s) + 1);
		nb_buf_puts(out, "\"");         /* a quote is written twice */
		s = q + 1;
	}
	nb_buf_puts(out, s);
	if (quoted)
		nb_buf_puts(out, "\"");
}

static void
line(nb_buf_t *out, const char *s)
{
	field(out, s, 0);
	nb_buf_puts(out, "\r\n");
}

/* The text at a slot of the grid, as the line of row r shows it. */
static const char *
slot_text(const nb_grid_t *g, int r, int c)
{
	const nb_gcell_t *x = nb_grid_at(g, r, c);

	if (x->row == r && x->col == c)
		return x->text;
	if (x->kind == NB_GC_LABEL && x->col == c)
		return x->text;         /* a label merged down: repeated */
	return "";
}

static void
table(nb_buf_t *out, const nb_grid_t *g)
{
	int r, c;

	for (r = 0; r < g->nrows; r++) {
		for (c = 0; c < g->ncols; c++) {
			if (c)
				nb_buf_puts(out, ",");
			field(out, slot_text(g, r, c),
			      nb_grid_at(g, r, c)->kind == NB_GC_VALUE);
		}
		nb_buf_puts(out, "\r\n");
	}
}

int
nb_render_csv(const nb_doc_t *doc, nb_buf_t *out, nb_error_t *err)
{
	const char *heading = NULL;
	size_t i;

	(void)err;
	nb_buf_puts(out, BOM);
	for (i = 0; i < doc->n; i++) {
		const nb_block_t *b = &doc->v[i];
		switch (b->kind) {
		case NB_BLK_MARK:
		case NB_BLK_TITLE:
			line(out, b->text);
			break;
		case NB_BLK_HEADING:
			if (b->level == 1)
				heading = b->text;
			break;
		case NB_BLK_TABLE:
			nb_buf_puts(out, "\r\n");
			if (heading)
				line(out, heading);
			heading = NULL;
			table(out, b->grid);
			break;
		default:
			break;
		}
	}
	return 0;
}
