/* The HTML rendering: one self-contained HTML5 file (inline CSS, no
 * scripts, nothing fetched), A4 print styles in the fonts of Chinese
 * official documents, tables with their merged cells.
 *
 * Printed (GB/T 9704 margins, "— N —" in the bottom margin), a heading
 * stays with what follows it and a table breaks between rows, its head
 * repeated.  A merged label is a table of its own inside its cell, its
 * text that table's head: where the rows it labels run on to the next
 * page, the browser repeats it there too.  On screen it is the plain
 * label, centred in its cell.  Printed, a row's cells start level (a
 * figure beside the first line of its label) and a merged label keeps an
 * em from the next column: the lines of a printed table are then the
 * lines of its rows, as a reader of the PDF (and the import) takes them. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/export.h"

static const char style[] =
	"@page{size:A4;margin:37mm 26mm 35mm 28mm;@bottom-center{"
	"content:\"— \" counter(page) \" —\";font-family:\"宋体\",SimSun,"
	"\"Noto Serif CJK SC\",\"Source Han Serif SC\",serif;font-size:14pt}}\n"
	"body{font-family:\"仿宋_GB2312\",\"FangSong_GB2312\",\"仿宋\",FangSong,STFangsong,"
	"\"Noto Serif CJK SC\",\"Source Han Serif SC\",\"Songti SC\",SimSun,serif;"
	"font-size:16pt;line-height:28pt;color:#000;"
	"max-width:156mm;margin:2em auto;padding:0 1em}\n"
	"h1{font-family:\"方正小标宋简体\",\"方正小标宋_GBK\",FZXiaoBiaoSong-B05S,"
	"\"华文中宋\",STZhongsong,\"Noto Serif CJK SC\",\"Source Han Serif SC\",SimSun,serif;"
	"font-size:22pt;font-weight:normal;line-height:1.6;text-align:center;"
	"margin:0 0 28pt}\n"
	"h2{font-family:\"黑体\",SimHei,\"Heiti SC\",\"Noto Sans CJK SC\","
	"\"Source Han Sans SC\",\"WenQuanYi Zen Hei\",sans-serif;"
	"font-size:16pt;font-weight:normal;margin:0;text-indent:2em}\n"
	"h3{font-family:\"楷体_GB2312\",KaiTi_GB2312,\"楷体\",KaiTi,STKaiti,"
	"\"AR PL UKai CN\",serif;font-size:16pt;font-weight:normal;margin:0;"
	"text-indent:2em}\n"
	"p{margin:0;text-indent:2em;text-align:justify;text-justify:inter-character}\n"
	"table{border-collapse:collapse;width:100%;margin:6pt 0 14pt;"
	"font-size:10.5pt;line-height:1.35}\n"
	"th,td{border:1px solid #000;padding:2pt 3pt;text-align:center;"
	"vertical-align:middle;font-weight:normal;font-size:10.5pt;line-height:1.35}\n"
	"th{font-family:\"黑体\",SimHei,\"Heiti SC\",\"Noto Sans CJK SC\",sans-serif}\n"
	"td.label{text-align:left}\n"
	"thead{display:table-header-group}\n"
	"h1,h2,h3,tr.keep{break-after:avoid;page-break-after:avoid}\n"
	".url{word-break:break-all}\n"
	"table.repeat{border:0;margin:0;width:100%;border-collapse:collapse}\n"
	"table.repeat td{border:0;padding:0;text-align:left}\n"
	".draft{font-family:\"黑体\",SimHei,\"Noto Sans CJK SC\",sans-serif;color:#c00;"
	"text-align:center;text-indent:0;border:2px solid #c00;margin:0 0 14pt}\n"
	".watermark{position:fixed;top:45%;left:0;right:0;text-align:center;"
	"text-indent:0;font-family:\"黑体\",SimHei,\"Noto Sans CJK SC\",sans-serif;"
	"font-size:40pt;line-height:1.2;color:rgba(204,0,0,.12);"
	"transform:rotate(-30deg);pointer-events:none}\n"
	"@media print{body{max-width:none;margin:0;padding:0}"
	".draft{border-width:1pt}td{vertical-align:top}"
	"td.merged{height:1px;padding-right:1em}"
	"table.repeat{height:100%}}\n";

/* Appends n bytes of text with & < > " ' written as character references. */
static void
esc_n(nb_buf_t *out, const char *s, size_t n)
{
	const char *p, *end = s + n;

	for (p = s; p < end; p++) {
		const char *rep = NULL;
		switch (*p) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		nb_buf_add(out, s, (size_t)(p - s));
		nb_buf_puts(out, rep);
		s = p + 1;
	}
	nb_buf_add(out, s, (size_t)(end - s));
}

void
nb_html_escape(nb_buf_t *out, const char *s)
{
	esc_n(out, s, strlen(s));
}

static void
tag(nb_buf_t *out, const char *open, const char *text, const char *close)
{
	nb_buf_puts(out, open);
	nb_html_escape(out, text);
	nb_buf_puts(out, close);
}

/* A draft's mark in the top margin of every printed page. */
static void
page_mark(nb_buf_t *out, const char *text)
{
	const char *p;

	nb_buf_puts(out, "@page{@top-right{content:\"");
	for (p = text; *p; p++) {
		if (*p == '"' || *p == '\\')
			nb_buf_printf(out, "\\%c", *p);
		else if (*p == '<' || *p == '\n')
			nb_buf_printf(out, "\\%x ", (unsigned)*p);
		else
			nb_buf_add(out, p, 1);
	}
	nb_buf_puts(out, "\";color:#c00;font-size:12pt;font-family:\"黑体\",SimHei,"
	            "\"Noto Sans CJK SC\",sans-serif}}\n");
}

/* The title, its lines separated by <br>. */
static void
title(nb_buf_t *out, const char *lines)
{
	const char *nl;

	nb_buf_puts(out, "<h1>");
	while ((nl = strchr(lines, '\n'))) {
		esc_n(out, lines, (size_t)(nl - lines));
		nb_buf_puts(out, "<br>");
		lines = nl + 1;
	}
	nb_html_escape(out, lines);
	nb_buf_puts(out, "</h1>\n");
}

/* A paragraph's text, its web addresses in spans that may break anywhere. */
static void
para_text(nb_buf_t *out, const char *text)
{
	const char *url;
	size_t len;

	while ((url = nb_find_url(text, &len))) {
		esc_n(out, text, (size_t)(url - text));
		nb_buf_puts(out, "<span class=\"url\">");
		esc_n(out, url, len);
		nb_buf_puts(out, "</span>");
		text = url + len;
	}
	nb_html_escape(out, text);
}

static void
cell(nb_buf_t *out, const nb_gcell_t *x)
{
	const char *el = x->kind == NB_GC_HEAD ? "th" : "td";
	int merged_label = x->kind == NB_GC_LABEL && x->rows > 1;

	nb_buf_printf(out, "<%s", el);
	if (x->rows > 1)
		nb_buf_printf(out, " rowspan=\"%d\"", x->rows);
	if (x->cols > 1)
		nb_buf_printf(out, " colspan=\"%d\"", x->cols);
	if (x->kind == NB_GC_HEAD && x->cols > 1)
		nb_buf_puts(out, " scope=\"colgroup\"");
	if (x->kind == NB_GC_LABEL)
		nb_buf_puts(out, merged_label ? " class=\"label merged\"" : " class=\"label\"");
	nb_buf_puts(out, ">");
	/* the empty body is what stretches to the cell's height and breaks
	 * with it, the head repeated on the next page */
	if (merged_label)
		tag(out, "<table class=\"repeat\" role=\"presentation\"><thead><tr><td>",
		    x->text, "</td></tr></thead><tbody><tr><td></td></tr></tbody></table>");
	else
		nb_html_escape(out, x->text);
	nb_buf_printf(out, "</%s>", el);
}

static int
render_table(const nb_grid_t *g, nb_buf_t *out)
{
	int *w = calloc((size_t)g->ncols + 1, sizeof *w);
	unsigned char *keep = calloc((size_t)g->nrows + 1, 1);
	int c, row = -1;
	size_t i;

	if (!w || !keep || nb_grid_print_widths(g, 1000, w) < 0 ||
	    nb_grid_keeps(g, keep) < 0) {
		free(w);
		free(keep);
		return -1;
	}
	/* border="1": the fallback that HTML5 allows, for importers (LibreOffice)
	 * that do not apply CSS borders to cells */
	nb_buf_puts(out, "<table border=\"1\">\n<colgroup>");
	for (c = 0; c < g->ncols; c++)
		nb_buf_printf(out, "<col style=\"width:%d.%d%%\">", w[c] / 10, w[c] % 10);
	nb_buf_puts(out, "</colgroup>\n");
	free(w);
	for (i = 0; i < g->ncells; i++) {
		const nb_gcell_t *x = &g->cells[i];
		if (x->row != row) {
			if (row >= 0)
				nb_buf_puts(out, "</tr>\n");
			if (row < g->nhead && x->row >= g->nhead)
				nb_buf_puts(out, row >= 0 ? "</thead>\n<tbody>\n" : "<tbody>\n");
			else if (row < 0)
				nb_buf_puts(out, "<thead>\n");
			row = x->row;
			/* the head is kept together by the browser */
			nb_buf_puts(out, row >= g->nhead && keep[row] ? "<tr class=\"keep\">" : "<tr>");
		}
		cell(out, x);
	}
	free(keep);
	if (row >= 0)
		nb_buf_puts(out, "</tr>\n");
	nb_buf_puts(out, row >= g->nhead ? "</tbody>\n</table>\n"
	                                 : "</thead>\n</table>\n");
	return 0;
}

int
nb_render_html(const nb_doc_t *doc, nb_buf_t *out, nb_error_t *err)
{
	size_t i;

	nb_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
	            "<meta charset=\"utf-8\">\n"
	            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	            "<meta name=\"generator\" content=\"" PACKAGE_NAME " " PACKAGE_VERSION "\">\n");
	tag(out, "<title>", doc->title, "</title>\n");
	nb_buf_printf(out, "<style>\n%s", style);
	if (doc->n && doc->v[0].kind == NB_BLK_MARK)
		page_mark(out, doc->v[0].text);
	nb_buf_puts(out, "</style>\n</head>\n<body>\n");
	for (i = 0; i < doc->n; i++) {
		const nb_block_t *b = &doc->v[i];
		switch (b->kind) {
		case NB_BLK_MARK:
			tag(out, "<p class=\"draft\">", b->text, "</p>\n");
			tag(out, "<div class=\"watermark\" aria-hidden=\"true\">",
			    b->text, "</div>\n");
			break;
		case NB_BLK_TITLE:
			title(out, doc->title_lines);
			break;
		case NB_BLK_HEADING:
			tag(out, b->level == 1 ? "<h2>" : "<h3>", b->text,
			    b->level == 1 ? "</h2>\n" : "</h3>\n");
			break;
		case NB_BLK_PARA:
			nb_buf_puts(out, "<p>");
			para_text(out, b->text);
			nb_buf_puts(out, "</p>\n");
			break;
		case NB_BLK_TABLE:
			if (render_table(b->grid, out) < 0)
				return nb_error_set(err, NULL, 0, 0, "内存不足");
			break;
		}
	}
	nb_buf_puts(out, "</body>\n</html>\n");
	return 0;
}
