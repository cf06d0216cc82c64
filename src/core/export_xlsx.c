/* The workbook rendering of a document's tables, by libxlsxwriter: one
 * sheet a table, named after its section's heading, under the title (and
 * the draft mark); merged cells merged, heads bold and centred, figures as
 * numbers in the number format of their decimals (12.50 stays 12.50),
 * unfilled figures empty; A4, landscape when the table is wide, printed
 * one page wide.
 *
 * libxlsxwriter 1.1.4 (Debian 12) writes only to a named file, so the
 * workbook is written in a private temporary directory and read back. */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/export.h"
#include "core/file.h"
#include "core/number.h"
#include "core/text.h"
#include "core/xlsx_lib.h"

#define MAX_DECIMALS 9
#define LINE_HEIGHT 15.0        /* points a line of text takes */
#define PAPER_A4 9
#define MAX_BOOK (512u << 20)   /* bytes read back at most */

typedef struct {
	const nb_xlsx_t *X;     /* libxlsxwriter's functions */
	lxw_workbook *wb;
	lxw_format *mark, *title, *heading, *head, *label, *blank;
	lxw_format *num[MAX_DECIMALS + 1];
	lxw_error failed;       /* the first error, LXW_NO_ERROR while none */
} book_t;

static void
check(book_t *b, lxw_error e)
{
	if (e != LXW_NO_ERROR && b->failed == LXW_NO_ERROR)
		b->failed = e;
}

static lxw_format *
boxed(book_t *b, int align)
{
	const nb_xlsx_t *X = b->X;
	lxw_format *f = X->workbook_add_format(b->wb);

	X->format_set_border(f, LXW_BORDER_THIN);
	X->format_set_align(f, (uint8_t)align);
	X->format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	X->format_set_text_wrap(f);
	return f;
}

static void
formats(book_t *b)
{
	const nb_xlsx_t *X = b->X;
	char code[16] = "0.";
	int d;

	b->mark = X->workbook_add_format(b->wb);
	X->format_set_bold(b->mark);
	X->format_set_font_color(b->mark, LXW_COLOR_RED);
	b->title = X->workbook_add_format(b->wb);
	X->format_set_bold(b->title);
	X->format_set_font_size(b->title, 14);
	X->format_set_align(b->title, LXW_ALIGN_CENTER);
	b->heading = X->workbook_add_format(b->wb);
	X->format_set_bold(b->heading);
	b->head = boxed(b, LXW_ALIGN_CENTER);
	X->format_set_bold(b->head);
	b->label = boxed(b, LXW_ALIGN_LEFT);
	b->blank = boxed(b, LXW_ALIGN_RIGHT);
	for (d = 0; d <= MAX_DECIMALS; d++) {
		b->num[d] = boxed(b, LXW_ALIGN_RIGHT);
		code[2 + d] = '\0';
		X->format_set_num_format(b->num[d], d ? code : "0");
		code[2 + d] = '0';
	}
}

/* ---- cells ---- */

/* Text over rows x cols cells from (r, c): merged when more than one. */
static void
put_text(book_t *b, lxw_worksheet *ws, int r, int c, int rows, int cols,
         const char *text, lxw_format *f)
{
	const nb_xlsx_t *X = b->X;
	if (rows > 1 || cols > 1)
		check(b, X->worksheet_merge_range(ws, (lxw_row_t)r, (lxw_col_t)c,
		                               (lxw_row_t)(r + rows - 1),
		                               (lxw_col_t)(c + cols - 1), text, f));
	else if (*text)
		check(b, X->worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c, text, f));
	else
		check(b, X->worksheet_write_blank(ws, (lxw_row_t)r, (lxw_col_t)c, f));
}

/* A figure as the document prints it ("12", "5949.088667") as a number
 * and its decimals; -1 when it is not one. */
static int
figure(const char *text, double *v, int *decimals)
{
	int64_t n;

	if (!strchr(text, '.')) {
		if (nb_count_parse(text, &n) != NB_NUM_OK)
			return -1;
		*v = (double)n;
		*decimals = 0;
		return 0;
	}
	if (nb_amount_parse(text, MAX_DECIMALS, &n, decimals) != NB_NUM_OK)
		return -1;
	*v = (double)n / (double)NB_AMOUNT_SCALE;
	return 0;
}

static void
put_cell(book_t *b, lxw_worksheet *ws, int top, const nb_gcell_t *x)
{
	const nb_xlsx_t *X = b->X;
	int r = top + x->row, d;
	double v;

	if (x->kind != NB_GC_VALUE) {
		put_text(b, ws, r, x->col, x->rows, x->cols, x->text,
		         x->kind == NB_GC_HEAD ? b->head : b->label);
		return;
	}
	if (!*x->text || figure(x->text, &v, &d) < 0) {
		put_text(b, ws, r, x->col, x->rows, x->cols, x->text, b->blank);
		return;
	}
	if (x->rows > 1 || x->cols > 1)
		put_text(b, ws, r, x->col, x->rows, x->cols, "", b->num[d]);
	check(b, X->worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)x->col, v,
	                                b->num[d]));
}

/* ---- a sheet ---- */

/* Rows whose text wraps are made as tall as it needs: a spreadsheet fits
 * a row to its text only when it is edited, and never to merged cells. */
static void
row_heights(book_t *b, lxw_worksheet *ws, int top, const nb_grid_t *g,
            const int *w)
{
	const nb_xlsx_t *X = b->X;
	int r, c, width, lines, need;
	size_t i;

	for (r = 0; r < g->nrows; r++) {
		for (lines = 1, i = 0; i < g->ncells; i++) {
			const nb_gcell_t *x = &g->cells[i];
			if (x->row != r || x->rows > 1 || !*x->text)
				continue;
			for (width = 0, c = x->col; c < x->col + x->cols; c++)
				width += w[c];
			need = (int)nb_txt_wrap(x->text, width, NULL, 0);
			if (need > lines)
				lines = need;
		}
		if (lines > 1)
			check(b, X->worksheet_set_row(ws, (lxw_row_t)(top + r),
			                           LINE_HEIGHT * lines, NULL));
	}
}

static void
columns(book_t *b, lxw_worksheet *ws, int top, const nb_grid_t *g)
{
	const nb_xlsx_t *X = b->X;
	int *w = calloc((size_t)g->ncols + 1, sizeof *w);
	int c, budget = 12 * g->ncols;

	if (!w) {
		check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	if (budget < nb_grid_min_width(g, 1))
		budget = nb_grid_min_width(g, 1);
	nb_grid_widths(g, budget, 1, w);
	for (c = 0; c < g->ncols; c++)
		check(b, X->worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
		                              w[c] + 1, NULL));
	row_heights(b, ws, top, g, w);
	free(w);
}

/* A sheet name Excel accepts: none of []:*?/\, at most 31 characters,
 * unique in the workbook (a number added when it is not). */
static void
sheet_name(book_t *b, const char *want, char *name, size_t size)
{
	const nb_xlsx_t *X = b->X;
	size_t i = 0, n = strlen(want), len, o = 0, chars = 0;
	uint32_t cp;
	int k;

	while (i < n && chars < LXW_SHEETNAME_MAX - 3 && o + 8 < size) {
		len = nb_utf8_next(want + i, n - i, &cp);
		if (cp < 0x80 && strchr("[]:*?/\\'", (int)cp)) {
			name[o++] = '_';
		} else {
			memcpy(name + o, want + i, len);
			o += len;
		}
		chars += cp > 0xFFFF ? 2 : 1;    /* Excel counts UTF-16 units */
		i += len;
	}
	name[o] = '\0';
	if (!o)
		snprintf(name, size, "Sheet");
	for (k = 2; X->workbook_validate_sheet_name(b->wb, name) != LXW_NO_ERROR &&
	            k < 1000; k++)
		snprintf(name + o, size - o, "%d", k);
}

/* A line of text over the whole width of the sheet. */
static int
banner(book_t *b, lxw_worksheet *ws, int r, int ncols, const char *text,
       lxw_format *f)
{
	put_text(b, ws, r, 0, 1, ncols, text, f);
	return r + 1;
}

static void
sheet(book_t *b, const nb_doc_t *doc, const char *heading, const nb_grid_t *g)
{
	const nb_xlsx_t *X = b->X;
	char name[LXW_MAX_SHEETNAME_LENGTH];
	lxw_worksheet *ws;
	int top = 0;
	size_t i;

	sheet_name(b, heading ? heading : doc->title, name, sizeof name);
	if (!(ws = X->workbook_add_worksheet(b->wb, name))) {
		check(b, LXW_ERROR_SHEETNAME_ALREADY_USED);
		return;
	}
	if (doc->n && doc->v[0].kind == NB_BLK_MARK)
		top = banner(b, ws, top, g->ncols, doc->v[0].text, b->mark);
	top = banner(b, ws, top, g->ncols, doc->title, b->title);
	if (heading)
		top = banner(b, ws, top, g->ncols, heading, b->heading);
	for (i = 0; i < g->ncells; i++)
		put_cell(b, ws, top, &g->cells[i]);
	columns(b, ws, top, g);
	X->worksheet_set_paper(ws, PAPER_A4);
	if (g->ncols > 6)
		X->worksheet_set_landscape(ws);
	X->worksheet_fit_to_pages(ws, 1, 0);
	if (g->nhead)
		check(b, X->worksheet_repeat_rows(ws, (lxw_row_t)top,
		                               (lxw_row_t)(top + g->nhead - 1)));
	if (g->nkeep)
		X->worksheet_freeze_panes(ws, (lxw_row_t)(top + g->nhead),
		                       (lxw_col_t)g->nkeep);
}

static void
sheets(book_t *b, const nb_doc_t *doc)
{
	const char *heading = NULL;
	size_t i;

	for (i = 0; i < doc->n; i++) {
		if (doc->v[i].kind == NB_BLK_HEADING && doc->v[i].level == 1) {
			heading = doc->v[i].text;
		} else if (doc->v[i].kind == NB_BLK_TABLE) {
			sheet(b, doc, heading, doc->v[i].grid);
			heading = NULL;
		}
	}
}

/* ---- the file ---- */

/* The workbook written at path, then appended to out. */
static int
write_book(const nb_doc_t *doc, char *dir, const char *path, nb_buf_t *out,
           nb_error_t *err)
{
	lxw_workbook_options opt = { .constant_memory = 0, .tmpdir = dir };
	lxw_doc_properties props = { .title = (char *)doc->title };
	const nb_xlsx_t *X = nb_xlsx_open(NULL, err);
	book_t b = { .X = X };
	lxw_error e;
	char *data;
	size_t len;

	if (!X)
		return -1;
	if (!(b.wb = X->workbook_new_opt(path, &opt)))
		return nb_error_set(err, NULL, 0, 0, "无法建立工作簿：内存不足");
	check(&b, X->workbook_set_properties(b.wb, &props));
	formats(&b);
	sheets(&b, doc);
	e = X->workbook_close(b.wb);
	if (b.failed != LXW_NO_ERROR || e != LXW_NO_ERROR)
		return nb_error_set(err, NULL, 0, 0, "无法写出工作簿：%s",
		                    X->lxw_strerror(b.failed != LXW_NO_ERROR ? b.failed : e));
	if (nb_file_read(path, MAX_BOOK, &data, &len, err) < 0)
		return -1;
	nb_buf_add(out, data, len);
	free(data);
	return 0;
}

int
nb_render_xlsx(const nb_doc_t *doc, nb_buf_t *out, nb_error_t *err)
{
	const char *tmp = getenv("TMPDIR");
	char dir[4096], path[4200];
	int rc;

	snprintf(dir, sizeof dir, "%s/nianbao-xlsx-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return nb_error_set(err, NULL, 0, 0, "无法建立临时目录 %s：%s", dir,
		                    strerror(errno));
	snprintf(path, sizeof path, "%s/book.xlsx", dir);
	rc = write_book(doc, dir, path, out, err);
	unlink(path);
	rmdir(dir);
	return rc;
}
