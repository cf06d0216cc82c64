/* The PDF reader: PDFs drawn here with cairo and pango in Noto Sans CJK
 * (fonts-noto-cjk), text placed as a word processor or a browser would
 * place it, read back into lines and cells. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "core/import.h"

#define PAGE_W 595.0
#define PAGE_H 842.0
#define FONT 10.5

/* ---- drawing PDFs in memory ---- */

typedef struct {
	GByteArray *bytes;
	cairo_surface_t *surface;
	cairo_t *cr;
} pdf_t;

static cairo_status_t
collect(void *closure, const unsigned char *data, unsigned int n)
{
	g_byte_array_append(closure, data, n);
	return CAIRO_STATUS_SUCCESS;
}

static void
pdf_begin(pdf_t *p, const char *title)
{
	p->bytes = g_byte_array_new();
	p->surface = cairo_pdf_surface_create_for_stream(collect, p->bytes,
	                                                 PAGE_W, PAGE_H);
	if (title)
		cairo_pdf_surface_set_metadata(p->surface,
		                               CAIRO_PDF_METADATA_TITLE, title);
	p->cr = cairo_create(p->surface);
}

/* Text with its top left corner at x, y (points), at size pt. */
static void
pdf_text_size(pdf_t *p, double x, double y, double size, const char *s)
{
	PangoLayout *l = pango_cairo_create_layout(p->cr);
	PangoFontDescription *f = pango_font_description_from_string("Noto Sans CJK SC");

	pango_cairo_context_set_resolution(pango_layout_get_context(l), 72);
	pango_font_description_set_size(f, (int)(size * PANGO_SCALE));
	pango_layout_set_font_description(l, f);
	pango_layout_set_text(l, s, -1);
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, l);
	pango_font_description_free(f);
	g_object_unref(l);
}

static void
pdf_text(pdf_t *p, double x, double y, const char *s)
{
	pdf_text_size(p, x, y, FONT, s);
}

static void
pdf_page(pdf_t *p)
{
	cairo_show_page(p->cr);
}

static GByteArray *
pdf_end(pdf_t *p)
{
	cairo_destroy(p->cr);
	cairo_surface_finish(p->surface);
	assert_int_equal(cairo_surface_status(p->surface), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(p->surface);
	return p->bytes;
}

/* ---- reading them ---- */

static int
read_bytes(const void *buf, size_t len, nb_idoc_t *doc, nb_error_t *err)
{
	nb_idoc_init(doc);
	memset(err, 0, sizeof *err);
	return nb_read_pdf("report.pdf", buf, len, doc, err);
}

static void
read_ok(GByteArray *a, nb_idoc_t *doc)
{
	nb_error_t err;

	if (read_bytes(a->data, a->len, doc, &err) < 0)
		fail_msg("%s", err.msg);
	g_byte_array_unref(a);
}

/* Line i as "cell|cell|cell", with a "T " in front of a table row. */
static const char *
line_str(const nb_idoc_t *doc, size_t i)
{
	static char s[1024];
	size_t j;

	assert_true(i < doc->n);
	snprintf(s, sizeof s, "%s", doc->v[i].in_table ? "T " : "");
	for (j = 0; j < doc->v[i].n; j++)
		snprintf(s + strlen(s), sizeof s - strlen(s), "%s%s",
		         j ? "|" : "", doc->v[i].cells[j].text);
	return s;
}

static void
assert_lines(const nb_idoc_t *doc, const char *const *want, size_t n)
{
	size_t i;

	for (i = 0; i < n && i < doc->n; i++)
		assert_string_equal(line_str(doc, i), want[i]);
	assert_int_equal(doc->n, n);
}

static void
refused(const void *buf, size_t len, const char *says)
{
	nb_idoc_t doc;
	nb_error_t err;

	assert_int_equal(read_bytes(buf, len, &doc, &err), -1);
	assert_string_equal(err.file, "report.pdf");
	if (!strstr(err.msg, says))
		fail_msg("\"%s\" does not say \"%s\"", err.msg, says);
	assert_int_equal(doc.n, 0);
	nb_idoc_free(&doc);
}

/* A table of a label and three figures per row, columns at fixed x. */
static const double col[] = { 72, 250, 350, 450 };

static void
table_row(pdf_t *p, double y, const char *const c[4])
{
	size_t i;

	for (i = 0; i < 4; i++)
		if (c[i])
			pdf_text(p, col[i], y, c[i]);
}

/* ---- the tests ---- */

/* The width of one ideograph as pdf_text draws it. */
static double
ideograph_width(pdf_t *p)
{
	PangoLayout *l = pango_cairo_create_layout(p->cr);
	PangoFontDescription *f = pango_font_description_from_string("Noto Sans CJK SC");
	int w, h;

	pango_cairo_context_set_resolution(pango_layout_get_context(l), 72);
	pango_font_description_set_size(f, (int)(FONT * PANGO_SCALE));
	pango_layout_set_font_description(l, f);
	pango_layout_set_text(l, "文文文文文文文文文文", -1);
	pango_layout_get_size(l, &w, &h);
	pango_font_description_free(f);
	g_object_unref(l);
	return w / 10.0 / PANGO_SCALE;
}

/* n ideographs of the same width, the last a 。 when `stop`. */
static const char *
chars(size_t n, int stop)
{
	static char s[512];
	size_t i;

	s[0] = '\0';
	for (i = 0; i < n; i++)
		strcat(s, stop && i + 1 == n ? "。" : "文");
	return s;
}

/* Printed paragraphs: a first line indented, the others at the margin;
 * a line that reaches the right margin runs on into the next, even after
 * a 。; a justified line spread into pieces is one line again. */
static void
tells_paragraphs_by_their_margins(void **state)
{
	static const int want[] = { NB_FLOW_NEW, NB_FLOW_ON, NB_FLOW_ON,
	                            NB_FLOW_NEW, NB_FLOW_ON, NB_FLOW_NEW };
	static const char *const spread[] = { "息", "公", "开", "网" };
	pdf_t p;
	nb_idoc_t doc;
	size_t i;
	double w;
	(void)state;

	pdf_begin(&p, NULL);
	w = ideograph_width(&p);
	pdf_text(&p, 72 + 2 * w, 100, chars(38, 1));    /* ends at the margin, 。 */
	pdf_text(&p, 72, 116, chars(40, 0));
	pdf_text(&p, 72, 132, chars(20, 1));
	pdf_text(&p, 72 + 2 * w, 148, chars(38, 0));
	pdf_text(&p, 72, 164, chars(10, 1));
	pdf_text(&p, 72 + 2 * w, 180, chars(12, 0));
	for (i = 0; i < 4; i++)                 /* 息 … 网, over the line */
		pdf_text(&p, 72 + i * (39 * w / 3), 196, spread[i]);
	read_ok(pdf_end(&p), &doc);
	assert_int_equal(doc.n, 7);
	for (i = 0; i < 6; i++)
		assert_int_equal(doc.v[i].flow, want[i]);
	assert_string_equal(line_str(&doc, 6), "息公开网");
	nb_idoc_free(&doc);
}

/* ---- ruled tables ---- */

/* How the rules are drawn: black, or light grey, or dotted. */
static double rule_grey;
static int rule_dotted;

static void
rule(pdf_t *p, double x1, double y1, double x2, double y2)
{
	static const double dots[] = { 1.0, 1.5 };

	cairo_save(p->cr);
	cairo_set_source_rgb(p->cr, rule_grey, rule_grey, rule_grey);
	if (rule_dotted)
		cairo_set_dash(p->cr, dots, 2, 0);
	cairo_set_line_width(p->cr, 0.75);
	cairo_move_to(p->cr, x1, y1);
	cairo_line_to(p->cr, x2, y2);
	cairo_stroke(p->cr);
	cairo_restore(p->cr);
}

/* Rows of a ruled table: rules at ys[0..n), the columns at xs[0..nx),
 * the first column's rule under row 0 left out when `group` (its cell
 * spans rows 0 and 1). */
static void
ruled(pdf_t *p, const double *ys, size_t n, const double *xs, size_t nx,
      int group)
{
	size_t i;

	for (i = 0; i < n; i++)
		rule(p, i == 1 && group ? xs[1] : xs[0], ys[i], xs[nx - 1], ys[i]);
	for (i = 0; i < nx; i++)
		rule(p, xs[i], ys[0], xs[i], ys[n - 1]);
}

/* Labels wrapped over two and three printed lines in narrow ruled
 * cells, the figures on the first, middle or last of them, and a group
 * label spanning two rows: each cell whole, in the row of its top rule. */
static void
wrapped_in_ruled_cells(void)
{
	static const double xs[] = { 60, 125, 200, 260, 320, 380 };
	static const double ys[] = { 120, 158, 212, 250 };
	static const char *const want[] = {
		"表前的一段文字。",
		"T （三）不予公开|1.属于国家秘密|1|22|333",
		"T 2.其他法律行政法规禁止公开|4|55|6",
		"T 3.危及“三安全一稳定”|7|8|99",
		"表后的一段文字。",
	};
	pdf_t p;
	nb_idoc_t doc;

	pdf_begin(&p, NULL);
	pdf_text(&p, 72, 90, "表前的一段文字。");
	ruled(&p, ys, 4, xs, 6, 1);
	pdf_text(&p, 64, 125, "（三）不予");          /* spans rows 1 and 2 */
	pdf_text(&p, 64, 140, "公开");
	pdf_text(&p, 129, 123, "1.属于国家");         /* figures on line 2 */
	pdf_text(&p, 129, 138, "秘密");
	pdf_text(&p, 220, 138, "1");
	pdf_text(&p, 280, 138, "22");
	pdf_text(&p, 340, 138, "333");
	pdf_text(&p, 129, 162, "2.其他法律");         /* on the middle line */
	pdf_text(&p, 129, 177, "行政法规禁");
	pdf_text(&p, 129, 192, "止公开");
	pdf_text(&p, 220, 177, "4");
	pdf_text(&p, 280, 177, "55");
	pdf_text(&p, 340, 177, "6");
	pdf_text(&p, 129, 215, "3.危及“三安");        /* on the first line */
	pdf_text(&p, 129, 230, "全一稳定”");
	pdf_text(&p, 220, 215, "7");
	pdf_text(&p, 280, 215, "8");
	pdf_text(&p, 340, 215, "99");
	pdf_text(&p, 72, 280, "表后的一段文字。");
	read_ok(pdf_end(&p), &doc);
	assert_lines(&doc, want, sizeof want / sizeof want[0]);
	nb_idoc_free(&doc);
}

static void
reads_ruled_cells_whole(void **state)
{
	(void)state;
	wrapped_in_ruled_cells();
}

/* Rules in light grey (#ccc), or dotted, are rules too. */
static void
reads_cells_ruled_in_grey_or_dots(void **state)
{
	(void)state;
	rule_grey = 0.8;
	wrapped_in_ruled_cells();
	rule_grey = 0;
	rule_dotted = 1;
	wrapped_in_ruled_cells();
	rule_dotted = 0;
}

/* A character drawn over a rule hides it: the cells it would part are
 * not taken for one cell holding a gap, and no figures run together. */
static void
never_reads_figures_across_a_hidden_rule(void **state)
{
	static const double xs[] = { 60, 190, 250, 310, 370 };
	static const double ys[] = { 120, 158 };
	pdf_t p;
	nb_idoc_t doc;
	size_t i, j;
	(void)state;

	pdf_begin(&p, NULL);
	ruled(&p, ys, 2, xs, 5, 0);
	pdf_text(&p, 64, 130, "规章");
	pdf_text(&p, 215, 130, "1");
	pdf_text(&p, 244, 130, "—");         /* over the rule at 250 */
	pdf_text(&p, 275, 130, "2");
	pdf_text(&p, 330, 130, "4");
	read_ok(pdf_end(&p), &doc);
	for (i = 0; i < doc.n; i++)
		for (j = 0; j < doc.v[i].n; j++)
			if (strchr(doc.v[i].cells[j].text, '1') &&
			    strchr(doc.v[i].cells[j].text, '2'))
				fail_msg("one cell: %s", doc.v[i].cells[j].text);
	nb_idoc_free(&doc);
}

/* Two figures on two lines of one ruled cell are never one figure. */
static void
never_joins_figures_of_a_cell(void **state)
{
	static const double xs[] = { 60, 190, 250, 310, 370 };
	static const double ys[] = { 120, 158 };
	static const char *const want[] = { "T 规章|1 2|3|4" };
	pdf_t p;
	nb_idoc_t doc;
	(void)state;

	pdf_begin(&p, NULL);
	ruled(&p, ys, 2, xs, 5, 0);
	pdf_text(&p, 64, 130, "规章");
	pdf_text(&p, 210, 123, "1");
	pdf_text(&p, 210, 138, "2");
	pdf_text(&p, 270, 130, "3");
	pdf_text(&p, 330, 130, "4");
	read_ok(pdf_end(&p), &doc);
	assert_lines(&doc, want, sizeof want / sizeof want[0]);
	nb_idoc_free(&doc);
}

static void
reads_title_paragraphs_and_table(void **state)
{
	static const char *const head[] = { "信息内容", "本年制发件数",
	                                    "本年废止件数", "现行有效件数" };
	static const char *const r1[] = { "规章", "0", "0", "3" };
	static const char *const r2[] = { "规范性文件", "12", "1", "1045" };
	static const char *const want[] = {
		"某某县2023年政府信息公开工作年度报告",
		"一、总体情况",
		"本年度，我县认真贯彻落实《中华人民共和国政府信息公开条例》，共12件。",
		"T 信息内容|本年制发件数|本年废止件数|现行有效件数",
		"T 规章|0|0|3",
		"T 规范性文件|12|1|1045",
		"二、主动公开政府信息情况",
	};
	pdf_t p;
	nb_idoc_t doc;
	(void)state;

	pdf_begin(&p, NULL);
	pdf_text_size(&p, 130, 80, 16, "某某县2023年政府信息公开工作年度报告");
	pdf_text(&p, 72, 130, "一、总体情况");
	pdf_text(&p, 93, 155, "本年度，我县认真贯彻落实《中华人民共和国政府信息公开条例》，共 12 件。");
	cairo_rectangle(p.cr, 66, 190, 470, 75);
	cairo_stroke(p.cr);
	table_row(&p, 195, head);
	table_row(&p, 220, r1);
	table_row(&p, 245, r2);
	pdf_text(&p, 72, 290, "二、主动公开政府信息情况");
	read_ok(pdf_end(&p), &doc);
	assert_lines(&doc, want, sizeof want / sizeof want[0]);
	assert_null(doc.title);
	nb_idoc_free(&doc);
}

static void
keeps_the_title_metadata(void **state)
{
	pdf_t p;
	nb_idoc_t doc;
	(void)state;

	pdf_begin(&p, "某某县2023年政府信息公开工作年度报告");
	pdf_text(&p, 72, 72, "正文");
	read_ok(pdf_end(&p), &doc);
	assert_non_null(doc.title);
	assert_string_equal(doc.title, "某某县2023年政府信息公开工作年度报告");
	nb_idoc_free(&doc);
}

static void
drops_repeated_headers_and_page_numbers(void **state)
{
	static const char *const want[] = {
		"第一页的正文", "T 规章|1|2|3", "第二页的正文",
	};
	static const char *const r1[] = { "规章", "1", "2", "3" };
	pdf_t p;
	nb_idoc_t doc;
	(void)state;

	pdf_begin(&p, NULL);
	pdf_text(&p, 72, 40, "某某县人民政府办公室");
	pdf_text(&p, 72, 100, "第一页的正文");
	table_row(&p, 130, r1);
	pdf_text(&p, 270, 800, "第 1 页");
	pdf_page(&p);
	pdf_text(&p, 72, 40, "某某县人民政府办公室");
	pdf_text(&p, 72, 100, "第二页的正文");
	pdf_text(&p, 270, 800, "第 2 页");
	read_ok(pdf_end(&p), &doc);
	assert_lines(&doc, want, sizeof want / sizeof want[0]);
	nb_idoc_free(&doc);
}

static void
drops_a_page_number_of_one_page(void **state)
{
	static const char *const want[] = { "正文" };
	pdf_t p;
	nb_idoc_t doc;
	(void)state;

	pdf_begin(&p, NULL);
	pdf_text(&p, 72, 100, "正文");
	pdf_text(&p, 280, 800, "— 1 —");
	read_ok(pdf_end(&p), &doc);
	assert_lines(&doc, want, sizeof want / sizeof want[0]);
	nb_idoc_free(&doc);
}

/* A bare number at the foot of one page may be a figure: it stays. */
static void
keeps_a_lone_number_at_the_foot(void **state)
{
	static const char *const want[] = { "正文", "7" };
	pdf_t p;
	nb_idoc_t doc;
	(void)state;

	pdf_begin(&p, NULL);
	pdf_text(&p, 72, 100, "正文");
	pdf_text(&p, 280, 800, "7");
	read_ok(pdf_end(&p), &doc);
	assert_lines(&doc, want, sizeof want / sizeof want[0]);
	nb_idoc_free(&doc);
}

/* A label wrapping in its cell, the figures at its first line (a word
 * processor) or between its lines (a browser centres them). */
static void
joins_a_label_wrapped_in_its_cell(void **state)
{
	static const char *const want[] = {
		"T 行政机关主动公开的规范性文件数量|4|5|6",
		"T 行政机关依申请公开的文件数量|7|8|9",
		"T 合计|11|13|15",
	};
	pdf_t p;
	nb_idoc_t doc;
	(void)state;

	pdf_begin(&p, NULL);
	pdf_text(&p, 72, 100, "行政机关主动公开的规");
	pdf_text(&p, 72, 115.5, "范性文件数量");
	pdf_text(&p, 250, 100, "4");
	pdf_text(&p, 350, 100, "5");
	pdf_text(&p, 450, 100, "6");
	pdf_text(&p, 72, 140, "行政机关依申请公开的");
	pdf_text(&p, 72, 155.5, "文件数量");
	pdf_text(&p, 250, 148, "7");
	pdf_text(&p, 350, 148, "8");
	pdf_text(&p, 450, 148, "9");
	pdf_text(&p, 72, 180, "合计");
	pdf_text(&p, 250, 180, "11");
	pdf_text(&p, 350, 180, "13");
	pdf_text(&p, 450, 180, "15");
	read_ok(pdf_end(&p), &doc);
	assert_lines(&doc, want, sizeof want / sizeof want[0]);
	nb_idoc_free(&doc);
}

/* A figure alone under a row is never taken into it, nor is text under
 * a figure's column. */
static void
never_moves_a_figure(void **state)
{
	static const char *const want[] = {
		"T 合计|11|13|15", "8", "T 其他|1|2|3", "T 注|说明",
	};
	pdf_t p;
	nb_idoc_t doc;
	(void)state;

	pdf_begin(&p, NULL);
	pdf_text(&p, 72, 100, "合计");
	pdf_text(&p, 250, 100, "11");
	pdf_text(&p, 350, 100, "13");
	pdf_text(&p, 450, 100, "15");
	pdf_text(&p, 250, 115.5, "8");
	pdf_text(&p, 72, 140, "其他");
	pdf_text(&p, 250, 140, "1");
	pdf_text(&p, 350, 140, "2");
	pdf_text(&p, 450, 140, "3");
	pdf_text(&p, 72, 155.5, "注");
	pdf_text(&p, 350, 155.5, "说明");
	read_ok(pdf_end(&p), &doc);
	assert_lines(&doc, want, sizeof want / sizeof want[0]);
	nb_idoc_free(&doc);
}

/* Rows without padding, a label of three lines centred on its figures:
 * its first line could end the row above as well, so it is kept apart. */
static void
keeps_an_ambiguous_line_apart(void **state)
{
	static const char *const want[] = {
		"T 合计|1|2|3", "第一行", "T 第二行第三行|4|5|6",
	};
	pdf_t p;
	nb_idoc_t doc;
	(void)state;

	pdf_begin(&p, NULL);
	pdf_text(&p, 72, 100, "合计");
	pdf_text(&p, 250, 100, "1");
	pdf_text(&p, 350, 100, "2");
	pdf_text(&p, 450, 100, "3");
	pdf_text(&p, 72, 115.5, "第一行");
	pdf_text(&p, 72, 131, "第二行");
	pdf_text(&p, 72, 146.5, "第三行");
	pdf_text(&p, 250, 131, "4");
	pdf_text(&p, 350, 131, "5");
	pdf_text(&p, 450, 131, "6");
	read_ok(pdf_end(&p), &doc);
	assert_lines(&doc, want, sizeof want / sizeof want[0]);
	nb_idoc_free(&doc);
}

static void
refuses_a_scan(void **state)
{
	pdf_t p;
	GByteArray *a;
	(void)state;

	pdf_begin(&p, NULL);
	cairo_rectangle(p.cr, 72, 72, 300, 200);
	cairo_fill(p.cr);
	pdf_page(&p);
	cairo_rectangle(p.cr, 72, 72, 300, 200);
	cairo_stroke(p.cr);
	a = pdf_end(&p);
	refused(a->data, a->len, "扫描");
	refused(a->data, a->len, "Word");
	g_byte_array_unref(a);
}

static void
refuses_damaged_files(void **state)
{
	char junk[4096];
	uint32_t x = 12345;
	size_t i;
	pdf_t p;
	GByteArray *a;
	(void)state;

	refused("", 0, "PDF 文件已损坏或不完整");
	refused("%PDF-", 5, "PDF 文件已损坏或不完整");
	memcpy(junk, "%PDF-1.7\n", 9);
	for (i = 9; i < sizeof junk; i++) {
		x = x * 1103515245u + 12345u;
		junk[i] = (char)(x >> 16);
	}
	refused(junk, sizeof junk, "PDF 文件已损坏或不完整");
	/* the same with the end a whole file has: poppler itself refuses */
	memcpy(junk + sizeof junk - 6, "%%EOF\n", 6);
	refused(junk, sizeof junk, "PDF 文件已损坏或不完整");

	pdf_begin(&p, NULL);
	pdf_text(&p, 72, 72, "正文");
	a = pdf_end(&p);
	for (i = 1; i < 10; i++)
		refused(a->data, a->len * i / 10, "PDF 文件已损坏或不完整");
	g_byte_array_unref(a);
}

/* A standard security handler whose password is not the empty one. */
static void
refuses_a_password(void **state)
{
	static const char head[] =
		"%PDF-1.4\n"
		"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
		"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
		"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
		"4 0 obj << /Filter /Standard /V 1 /R 2 /P -4\n"
		"/O <0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef>\n"
		"/U <fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210>"
		" >> endobj\n";
	char buf[2048];
	size_t off[5], n;
	int i;
	(void)state;

	n = (size_t)snprintf(buf, sizeof buf, "%s", head);
	off[0] = 0;
	for (i = 1; i <= 4; i++) {
		char tag[16];
		snprintf(tag, sizeof tag, "\n%d 0 obj", i);
		off[i] = (size_t)(strstr(buf, tag) - buf) + 1;
	}
	n += (size_t)snprintf(buf + n, sizeof buf - n, "xref\n0 5\n0000000000 65535 f \n");
	for (i = 1; i <= 4; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%010zu 00000 n \n", off[i]);
	n += (size_t)snprintf(buf + n, sizeof buf - n,
	                      "trailer << /Size 5 /Root 1 0 R /Encrypt 4 0 R"
	                      " /ID [<00112233445566778899aabbccddeeff>"
	                      " <00112233445566778899aabbccddeeff>] >>\n"
	                      "startxref\n%zu\n%%%%EOF\n",
	                      (size_t)(strstr(buf, "xref\n0 5") - buf));
	refused(buf, n, "密码");
}

static void
refuses_too_many_pages(void **state)
{
	pdf_t p;
	GByteArray *a;
	int i;
	(void)state;

	pdf_begin(&p, NULL);
	for (i = 0; i < 201; i++) {
		pdf_text(&p, 72, 72, "页");
		pdf_page(&p);
	}
	a = pdf_end(&p);
	refused(a->data, a->len, "201 页");
	g_byte_array_unref(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_title_paragraphs_and_table),
		cmocka_unit_test(keeps_the_title_metadata),
		cmocka_unit_test(drops_repeated_headers_and_page_numbers),
		cmocka_unit_test(drops_a_page_number_of_one_page),
		cmocka_unit_test(keeps_a_lone_number_at_the_foot),
		cmocka_unit_test(joins_a_label_wrapped_in_its_cell),
		cmocka_unit_test(never_moves_a_figure),
		cmocka_unit_test(keeps_an_ambiguous_line_apart),
		cmocka_unit_test(tells_paragraphs_by_their_margins),
		cmocka_unit_test(reads_ruled_cells_whole),
		cmocka_unit_test(reads_cells_ruled_in_grey_or_dots),
		cmocka_unit_test(never_joins_figures_of_a_cell),
		cmocka_unit_test(never_reads_figures_across_a_hidden_rule),
		cmocka_unit_test(refuses_a_scan),
		cmocka_unit_test(refuses_damaged_files),
		cmocka_unit_test(refuses_a_password),
		cmocka_unit_test(refuses_too_many_pages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
