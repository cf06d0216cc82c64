/* The Word rendering: an Office Open XML document packaged with libzip.
 * A4 with the margins of GB/T 9704 official documents, the title in
 * 方正小标宋简体, headings in 黑体 and 楷体_GB2312, text in 仿宋_GB2312,
 * tables with borders and merged cells (gridSpan, vMerge), head rows
 * repeated on each page.  A draft carries its mark at the top and in the
 * header of every page.
 *
 * Head rows are marked as Word, WPS and LibreOffice all read them: the
 * first rows of the table, each with a height and tblHeader (LibreOffice
 * left a page of table 三 without its head when they had no height).  No
 * row breaks across pages; a row kept with the next (nb_grid_keeps) has
 * keepNext on every paragraph of it, which all three take to mean the
 * row.  A web address has a zero-width space between its characters, the
 * one break hint all three honour, so that a justified line before it is
 * not stretched. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/export.h"
#include "core/zip_lib.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define TEXT_WIDTH 8844         /* twips: 210 mm less 28 mm and 26 mm */

/* The parts of the package; a draft has a header part besides. */
#define CONTENT_TYPES(header) XML_DECL \
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" \
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" \
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>" \
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>" \
	"<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>" \
	"<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>" \
	header \
	"<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>" \
	"<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>" \
	"</Types>\n"
#define HEADER_TYPE "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"

static const char content_types[] = CONTENT_TYPES("");
static const char content_types_draft[] = CONTENT_TYPES(HEADER_TYPE);

static const char package_rels[] = XML_DECL
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
	"</Relationships>\n";

#define DOCUMENT_RELS(header) XML_DECL \
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>" \
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>" \
	header \
	"<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>" \
	"</Relationships>\n"
#define HEADER_REL "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>"

static const char document_rels[] = DOCUMENT_RELS("");
static const char document_rels_draft[] = DOCUMENT_RELS(HEADER_REL);

static const char settings[] = XML_DECL
	"<w:settings xmlns:w=\"" W_NS "\"><w:defaultTabStop w:val=\"420\"/>"
	"<w:characterSpacingControl w:val=\"compressPunctuation\"/>"
	"<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
	"w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
	"</w:settings>\n";

#define FONTS(east) "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" " \
	"w:eastAsia=\"" east "\" w:cs=\"Times New Roman\"/>"
#define NO_INDENT "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>"

static const char styles[] = XML_DECL
	"<w:styles xmlns:w=\"" W_NS "\">"
	"<w:docDefaults><w:rPrDefault><w:rPr>" FONTS("仿宋_GB2312")
	"<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"
	"<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
	"<w:pPrDefault><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"560\" "
	"w:lineRule=\"exact\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>"
	"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
	"<w:qFormat/><w:pPr><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>"
	"<w:spacing w:before=\"0\" w:after=\"560\" w:line=\"760\" w:lineRule=\"exact\"/>"
	NO_INDENT "<w:jc w:val=\"center\"/></w:pPr><w:rPr>" FONTS("方正小标宋简体")
	"<w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
	"<w:pPr><w:keepNext/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr>" FONTS("黑体")
	"</w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
	"<w:pPr><w:keepNext/><w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr>" FONTS("楷体_GB2312")
	"</w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableText\">"
	"<w:name w:val=\"Table Text\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>"
	"<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"260\" w:lineRule=\"auto\"/>" NO_INDENT
	"<w:jc w:val=\"center\"/></w:pPr><w:rPr><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>"
	"</w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableHead\">"
	"<w:name w:val=\"Table Head\"/><w:basedOn w:val=\"TableText\"/><w:qFormat/>"
	"<w:rPr>" FONTS("黑体") "</w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableHeadKeep\">"
	"<w:name w:val=\"Table Head Kept\"/><w:basedOn w:val=\"TableHead\"/>"
	"<w:pPr><w:keepNext/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableTextKeep\">"
	"<w:name w:val=\"Table Text Kept\"/><w:basedOn w:val=\"TableText\"/>"
	"<w:pPr><w:keepNext/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"DraftMark\">"
	"<w:name w:val=\"Draft Mark\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>"
	NO_INDENT "<w:jc w:val=\"center\"/></w:pPr><w:rPr>" FONTS("黑体")
	"<w:color w:val=\"C00000\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:line=\"240\" w:lineRule=\"auto\"/>"
	NO_INDENT "<w:jc w:val=\"right\"/></w:pPr><w:rPr>" FONTS("黑体")
	"<w:color w:val=\"C00000\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:line=\"240\" w:lineRule=\"auto\"/>"
	NO_INDENT "<w:jc w:val=\"center\"/></w:pPr><w:rPr>" FONTS("宋体")
	"<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>"
	"<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
	"<w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
	"<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"57\" w:type=\"dxa\"/>"
	"<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar>"
	"</w:tblPr></w:style>"
	"</w:styles>\n";

/* Appends n bytes of text as XML character data (attributes too). */
static void
esc_n(nb_buf_t *out, const char *s, size_t n)
{
	const char *p, *end = s + n;

	for (p = s; p < end; p++) {
		const char *rep = NULL;
		unsigned char c = (unsigned char)*p;
		if (c == '&')
			rep = "&amp;";
		else if (c == '<')
			rep = "&lt;";
		else if (c == '>')
			rep = "&gt;";
		else if (c == '"')
			rep = "&quot;";
		else if (c == '\n')
			rep = "</w:t><w:br/><w:t xml:space=\"preserve\">";
		else if (c < 0x20 || c == 0x7F)   /* forbidden in XML 1.0 */
			rep = "";
		else
			continue;
		nb_buf_add(out, s, (size_t)(p - s));
		nb_buf_puts(out, rep);
		s = p + 1;
	}
	nb_buf_add(out, s, (size_t)(end - s));
}

static void
esc(nb_buf_t *out, const char *s)
{
	esc_n(out, s, strlen(s));
}

#define ZWSP "\xE2\x80\x8B"            /* U+200B */

/* Text, a zero-width space between the characters of each web address. */
static void
text_runs(nb_buf_t *out, const char *text)
{
	const char *url;
	size_t len, i;

	while ((url = nb_find_url(text, &len))) {
		esc_n(out, text, (size_t)(url - text));
		for (i = 0; i < len; i++) {
			if (i)
				nb_buf_puts(out, ZWSP);
			esc_n(out, url + i, 1);
		}
		text = url + len;
	}
	esc(out, text);
}

static void
para(nb_buf_t *out, const char *style, const char *jc, const char *text)
{
	nb_buf_puts(out, "<w:p>");
	if (style || jc) {
		nb_buf_puts(out, "<w:pPr>");
		if (style)
			nb_buf_printf(out, "<w:pStyle w:val=\"%s\"/>", style);
		if (jc)
			nb_buf_printf(out, "<w:jc w:val=\"%s\"/>", jc);
		nb_buf_puts(out, "</w:pPr>");
	}
	if (*text) {
		nb_buf_puts(out, "<w:r><w:t xml:space=\"preserve\">");
		text_runs(out, text);   /* a '\n' (title lines) becomes a break */
		nb_buf_puts(out, "</w:t></w:r>");
	}
	nb_buf_puts(out, "</w:p>");
}

static const char *
cell_style(int head, int keep)
{
	if (head)
		return keep ? "TableHeadKeep" : "TableHead";
	return keep ? "TableTextKeep" : "TableText";
}

/* The cell x in row r (where x started, or a row it continues); keep:
 * the row stays on the page of the next. */
static void
cell(nb_buf_t *out, const nb_gcell_t *x, const int *tw, int r, int keep)
{
	int c, w = 0;

	for (c = x->col; c < x->col + x->cols; c++)
		w += tw[c];
	nb_buf_printf(out, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", w);
	if (x->cols > 1)
		nb_buf_printf(out, "<w:gridSpan w:val=\"%d\"/>", x->cols);
	if (x->rows > 1)
		nb_buf_puts(out, x->row == r ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>");
	nb_buf_puts(out, "<w:vAlign w:val=\"center\"/></w:tcPr>");
	if (x->row == r)
		para(out, cell_style(x->kind == NB_GC_HEAD, keep),
		     x->kind == NB_GC_LABEL ? "left" : NULL, x->text);
	else
		para(out, cell_style(x->kind == NB_GC_HEAD, keep), NULL, "");
	nb_buf_puts(out, "</w:tc>");
}

static const char table_borders[] =
	"<w:tblBorders>"
	"<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	"<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	"<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	"<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	"<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	"<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	"</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
	"<w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/>"
	"<w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar>"
	"<w:tblLook w:val=\"0000\"/>";

static int
table(nb_buf_t *out, const nb_grid_t *g)
{
	int *tw = calloc((size_t)g->ncols + 1, sizeof *tw);
	unsigned char *keep = calloc((size_t)g->nrows + 1, 1);
	int r, c, total = 0;

	if (!tw || !keep || nb_grid_print_widths(g, TEXT_WIDTH, tw) < 0 ||
	    nb_grid_keeps(g, keep) < 0) {
		free(tw);
		free(keep);
		return -1;
	}
	for (c = 0; c < g->ncols; c++)
		total += tw[c];
	nb_buf_printf(out, "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/>"
	              "<w:jc w:val=\"center\"/>%s</w:tblPr><w:tblGrid>", total, table_borders);
	for (c = 0; c < g->ncols; c++)
		nb_buf_printf(out, "<w:gridCol w:w=\"%d\"/>", tw[c]);
	nb_buf_puts(out, "</w:tblGrid>");
	for (r = 0; r < g->nrows; r++) {
		nb_buf_puts(out, "<w:tr><w:trPr><w:cantSplit/>");
		if (r < g->nhead)
			nb_buf_puts(out, "<w:trHeight w:val=\"340\"/><w:tblHeader/>");
		nb_buf_puts(out, "</w:trPr>");
		for (c = 0; c < g->ncols; c += nb_grid_at(g, r, c)->cols)
			cell(out, nb_grid_at(g, r, c), tw, r, keep[r]);
		nb_buf_puts(out, "</w:tr>");
	}
	nb_buf_puts(out, "</w:tbl>");
	/* a table must not be the last thing before the next one */
	para(out, "TableText", NULL, "");
	free(tw);
	free(keep);
	return 0;
}

static int
document(const nb_doc_t *doc, int draft, nb_buf_t *out)
{
	size_t i;

	nb_buf_puts(out, XML_DECL "<w:document xmlns:w=\"" W_NS "\" xmlns:r=\"" R_NS
	            "\"><w:body>");
	for (i = 0; i < doc->n; i++) {
		const nb_block_t *b = &doc->v[i];
		switch (b->kind) {
		case NB_BLK_MARK:
			para(out, "DraftMark", NULL, b->text);
			break;
		case NB_BLK_TITLE:
			para(out, "Title", NULL, doc->title_lines);
			break;
		case NB_BLK_HEADING:
			para(out, b->level == 1 ? "Heading1" : "Heading2", NULL, b->text);
			break;
		case NB_BLK_PARA:
			para(out, NULL, NULL, b->text);
			break;
		case NB_BLK_TABLE:
			if (table(out, b->grid) < 0)
				return -1;
			break;
		}
	}
	nb_buf_puts(out, "<w:sectPr>");
	if (draft)
		nb_buf_puts(out, "<w:headerReference w:type=\"default\" r:id=\"rId3\"/>");
	nb_buf_puts(out, "<w:footerReference w:type=\"default\" r:id=\"rId4\"/>"
	            "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
	            "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" "
	            "w:left=\"1588\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
	            "</w:sectPr></w:body></w:document>\n");
	return 0;
}

static void
header_part(const nb_doc_t *doc, nb_buf_t *out)
{
	size_t i;

	nb_buf_puts(out, XML_DECL "<w:hdr xmlns:w=\"" W_NS "\" xmlns:r=\"" R_NS "\">");
	for (i = 0; i < doc->n && doc->v[i].kind != NB_BLK_MARK; i++)
		;
	para(out, "Header", NULL, i < doc->n ? doc->v[i].text : "");
	nb_buf_puts(out, "</w:hdr>\n");
}

static const char footer[] = XML_DECL
	"<w:ftr xmlns:w=\"" W_NS "\" xmlns:r=\"" R_NS "\"><w:p><w:pPr>"
	"<w:pStyle w:val=\"Footer\"/></w:pPr><w:r><w:t xml:space=\"preserve\">— </w:t></w:r>"
	"<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
	"<w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>\n";

static void
core_part(const nb_doc_t *doc, nb_buf_t *out)
{
	nb_buf_puts(out, XML_DECL "<cp:coreProperties "
	            "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
	            "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
	            "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
	            "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>");
	esc(out, doc->title);
	nb_buf_puts(out, "</dc:title><dc:creator>" PACKAGE_NAME "</dc:creator>"
	            "<dc:language>zh-CN</dc:language></cp:coreProperties>\n");
}

/* ---- packaging ---- */

typedef struct {
	const char *name;
	const char *data;
	size_t len;
} part_t;

static int
add_part(const nb_zip_t *Z, zip_t *za, const part_t *p)
{
	zip_source_t *s = Z->zip_source_buffer(za, p->data, p->len, 0);
	zip_int64_t idx;

	if (!s)
		return -1;
	if ((idx = Z->zip_file_add(za, p->name, s, ZIP_FL_ENC_UTF_8)) < 0) {
		Z->zip_source_free(s);
		return -1;
	}
	/* a fixed time (1980-01-01) so that the same report gives the same bytes */
	Z->zip_file_set_mtime(za, (zip_uint64_t)idx, (time_t)315532800 + 43200, 0);
	return 0;
}

/* Zips the parts in memory and appends the archive to out. */
static int
package(const part_t *parts, size_t n, nb_buf_t *out, nb_error_t *err)
{
	const nb_zip_t *Z = nb_zip_open(NULL, err);
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	size_t i;
	zip_int64_t got;
	char chunk[16384];
	int rd;

	if (!Z)
		return -1;
	Z->zip_error_init(&ze);
	if (!(src = Z->zip_source_buffer_create(NULL, 0, 0, &ze)))
		goto fail;
	if (!(za = Z->zip_open_from_source(src, ZIP_TRUNCATE, &ze))) {
		Z->zip_source_free(src);
		goto fail;
	}
	Z->zip_source_keep(src);
	for (i = 0; i < n; i++)
		if (add_part(Z, za, &parts[i]) < 0) {
			Z->zip_error_set(&ze, Z->zip_error_code_zip(Z->zip_get_error(za)), 0);
			Z->zip_discard(za);
			Z->zip_source_free(src);
			goto fail;
		}
	if (Z->zip_close(za) < 0) {
		Z->zip_error_set(&ze, Z->zip_error_code_zip(Z->zip_get_error(za)), 0);
		Z->zip_discard(za);
		Z->zip_source_free(src);
		goto fail;
	}
	if (Z->zip_source_open(src) < 0) {
		Z->zip_source_free(src);
		return nb_error_set(err, NULL, 0, 0, "无法生成 docx 压缩包");
	}
	while ((got = Z->zip_source_read(src, chunk, sizeof chunk)) > 0)
		nb_buf_add(out, chunk, (size_t)got);
	rd = got == 0 ? 0 : -1;
	Z->zip_source_close(src);
	Z->zip_source_free(src);
	if (rd < 0)
		return nb_error_set(err, NULL, 0, 0, "无法读出 docx 压缩包");
	return out->failed ? nb_error_set(err, NULL, 0, 0, "内存不足") : 0;
fail:
	nb_error_set(err, NULL, 0, 0, "无法生成 docx 压缩包：%s", Z->zip_error_strerror(&ze));
	Z->zip_error_fini(&ze);
	return -1;
}

int
nb_render_docx(const nb_doc_t *doc, nb_buf_t *out, nb_error_t *err)
{
	nb_buf_t body, hdr, core;
	int draft = doc->n && doc->v[0].kind == NB_BLK_MARK, rc;

	nb_buf_init(&body);
	nb_buf_init(&hdr);
	nb_buf_init(&core);
	if (document(doc, draft, &body) < 0)
		body.failed = 1;
	header_part(doc, &hdr);
	core_part(doc, &core);
	if (body.failed || hdr.failed || core.failed) {
		rc = nb_error_set(err, NULL, 0, 0, "内存不足");
	} else {
		const part_t parts[] = {
			{ "[Content_Types].xml", draft ? content_types_draft : content_types,
			  draft ? sizeof content_types_draft - 1 : sizeof content_types - 1 },
			{ "_rels/.rels", package_rels, sizeof package_rels - 1 },
			{ "word/document.xml", body.data, body.len },
			{ "word/_rels/document.xml.rels", draft ? document_rels_draft : document_rels,
			  draft ? sizeof document_rels_draft - 1 : sizeof document_rels - 1 },
			{ "word/styles.xml", styles, sizeof styles - 1 },
			{ "word/settings.xml", settings, sizeof settings - 1 },
			{ "word/footer1.xml", footer, sizeof footer - 1 },
			{ "docProps/core.xml", core.data, core.len },
			{ "word/header1.xml", hdr.data, hdr.len },      /* drafts only */
		};
		rc = package(parts, sizeof parts / sizeof parts[0] - !draft, out, err);
	}
	nb_buf_free(&body);
	nb_buf_free(&hdr);
	nb_buf_free(&core);
	return rc;
}
