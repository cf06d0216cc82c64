/* Unit tests of the export: display widths, wrapping, the plain-text
 * table layout with mixed CJK/ASCII and merged cells, escaping in every
 * format, merged cells in HTML/Word/Markdown, generated text. */

#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <zip.h>
#include <cmocka.h>

#include "core/export.h"
#include "core/text.h"
#include "testutil.h"

static nb_report_t *
seed(void)
{
	return tu_sample(form, "sample-data/jinzhai-2024.yaml");
}

static void
set_text(nb_report_t *r, const char *path, const char *text)
{
	const nb_field_t *f = nb_form_field(form, path);

	assert_non_null(f);
	assert_int_equal(nb_report_set_text(r, f->cell, text), 0);
}

/* Renders and returns the malloc'd output; *dropped gets the count. */
static char *
render(const nb_report_t *r, nb_export_format_t fmt, int draft, int *dropped,
       size_t *len)
{
	nb_buf_t b;
	nb_error_t err = { 0 };
	int rc;

	nb_buf_init(&b);
	rc = nb_export_render(r, fmt, draft, &b, &err);
	if (rc < 0)
		fail_msg("render: %s", err.msg);
	if (dropped)
		*dropped = rc;
	if (len)
		*len = b.len;
	return nb_buf_take(&b);
}

/* A part of a .docx held in memory, as a malloc'd string. */
static char *
docx_part(const char *zipdata, size_t len, const char *name)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	zip_file_t *zf;
	zip_stat_t st;
	char *text;

	zip_error_init(&ze);
	src = zip_source_buffer_create(zipdata, len, 0, &ze);
	assert_non_null(src);
	za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	assert_non_null(za);
	assert_int_equal(zip_stat(za, name, 0, &st), 0);
	zf = zip_fopen(za, name, 0);
	assert_non_null(zf);
	text = calloc(1, st.size + 1);
	assert_int_equal(zip_fread(zf, text, st.size), (zip_int64_t)st.size);
	zip_fclose(zf);
	zip_close(za);
	return text;
}

static size_t
count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (; (hay = strstr(hay, needle)); hay += strlen(needle))
		n++;
	return n;
}

/* ---- widths and wrapping ---- */

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(nb_str_width("abc", 3), 3);
	assert_int_equal(nb_str_width("中文", 6), 4);
	assert_int_equal(nb_str_width("a中b", 5), 4);
	assert_int_equal(nb_str_width("（一）", 9), 6);           /* full-width */
	assert_int_equal(nb_str_width("e\xCC\x81", 3), 1);        /* combining */
	assert_int_equal(nb_str_width("\xE2\x80\x9C", 3), 1);     /* “ ambiguous */
	assert_int_equal(nb_str_width("\xF0\xA0\x80\x80", 4), 2); /* Ext. B */
	assert_int_equal(nb_str_width("\xFF", 1), 1);             /* invalid */
}

static void
expect_wrap(const char *s, int width, const char *const *want, size_t n)
{
	nb_span_t lines[16];
	size_t got = nb_txt_wrap(s, width, lines, 16), i;

	assert_int_equal(got, n);
	for (i = 0; i < n; i++) {
		size_t len = lines[i].end - lines[i].start;
		assert_int_equal(len, strlen(want[i]));
		assert_memory_equal(s + lines[i].start, want[i], len);
		assert_true(nb_str_width(s + lines[i].start, len) <= (size_t)width);
	}
}

static void
test_wrap(void **state)
{
	static const char *const cjk[] = { "中文字", "符串测", "试" };
	static const char *const punct[] = { "一二", "三，四" };
	static const char *const words[] = { "ab中", "hello", "world" };
	static const char *const mixed[] = { "共1618", "室" };
	static const char *const one[] = { "" };

	(void)state;
	expect_wrap("中文字符串测试", 6, cjk, 3);
	expect_wrap("一二三，四", 6, punct, 2);    /* no line starts with ， */
	expect_wrap("ab中 hello world", 6, words, 3);
	expect_wrap("共1618室", 6, mixed, 2);
	expect_wrap("", 6, one, 1);
}

/* ---- the plain-text table ---- */

/* A 3x3 grid: a head cell over two rows, one over two columns, a label and
 * two figures, in mixed Chinese and ASCII. */
static nb_doc_t *
small_doc(void)
{
	static nb_gcell_t cells[] = {
		{ "名称", 0, 0, 2, 1, NB_GC_HEAD },
		{ "数量 qty", 0, 1, 1, 2, NB_GC_HEAD },
		{ "甲", 1, 1, 1, 1, NB_GC_HEAD },
		{ "乙ab", 1, 2, 1, 1, NB_GC_HEAD },
		{ "合计 total", 2, 0, 1, 1, NB_GC_LABEL },
		{ "12", 2, 1, 1, 1, NB_GC_VALUE },
		{ "3", 2, 2, 1, 1, NB_GC_VALUE },
	};
	static int slot[] = { 0, 1, 1, 0, 2, 3, 4, 5, 6 };
	static nb_grid_t g = { 3, 3, 2, cells, 7, slot, 0 };
	static nb_block_t blocks[2];
	static nb_doc_t doc;

	memset(&doc, 0, sizeof doc);
	blocks[0].kind = NB_BLK_PARA;
	blocks[0].text = "表 A&B";
	blocks[1].kind = NB_BLK_TABLE;
	blocks[1].text = "";
	blocks[1].grid = &g;
	doc.v = blocks;
	doc.n = 2;
	doc.title = doc.title_lines = "T";
	return &doc;
}

static void
test_txt_small_table(void **state)
{
	static const char want[] =
		"表 A&B\n"
		"\n"
		"+------------+-------------+\n"
		"|            |  数量 qty   |\n"
		"|    名称    +------+------+\n"
		"|            |  甲  | 乙ab |\n"
		"+============+======+======+\n"
		"| 合计 total |  12  |  3   |\n"
		"+------------+------+------+\n"
		"\n";
	nb_buf_t b;
	nb_error_t err = { 0 };

	(void)state;
	nb_buf_init(&b);
	assert_int_equal(nb_render_txt(small_doc(), &b, &err), 0);
	assert_string_equal(b.data, want);
	nb_buf_free(&b);
}

/* Every line of every table has the same display width (at most 100),
 * and every vertical rule stands on a column edge that some horizontal
 * rule marks with "+".  Returns the number of tables. */
static size_t
check_tables(char *txt)
{
	char plus[128] = { 0 }, bars[128] = { 0 }, *line, *save = NULL;
	size_t width = 0, w, i, tables = 0;
	uint32_t cp;

	for (line = strtok_r(txt, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		int rule = line[0] == '+', row = line[0] == '|';
		if (!rule && !row) {
			if (width) {            /* the end of a table: check it */
				for (i = 0; i < sizeof bars; i++)
					if (bars[i] && !plus[i])
						fail_msg("a '|' at column %zu has no edge", i);
				memset(plus, 0, sizeof plus);
				memset(bars, 0, sizeof bars);
				tables++;
			}
			width = 0;
			continue;
		}
		w = nb_str_width(line, strlen(line));
		assert_true(w <= NB_TXT_WIDTH);
		if (!width)
			width = w;
		assert_int_equal(w, width);
		for (i = 0, w = 0; line[i]; w += (size_t)nb_cp_width(cp))
			if ((i += nb_utf8_next(line + i, strlen(line + i), &cp)),
			    cp == '+')
				plus[w] = 1;
			else if (cp == '|')
				bars[w] = 1;
	}
	return tables;
}

static void
test_txt_alignment(void **state)
{
	nb_report_t *r = seed();
	char *txt = render(r, NB_EXPORT_TXT, 0, NULL, NULL);
	size_t i;

	(void)state;
	assert_int_equal(check_tables(txt), 3);
	free(txt);
	/* eight-digit figures everywhere: the tables still fit in 100 columns */
	for (i = 0; i < form->ncells; i++)
		if (form->cells[i].field->type == NB_T_COUNT ||
		    form->cells[i].field->type == NB_T_ROW)
			nb_report_set_num(r, i, 99999999, 0);
	txt = render(r, NB_EXPORT_TXT, 0, NULL, NULL);
	assert_int_equal(check_tables(txt), 3);
	free(txt);
	nb_report_free(r);
}

static void
test_txt_content(void **state)
{
	nb_report_t *r = seed();
	char *txt = render(r, NB_EXPORT_TXT, 0, NULL, NULL);

	(void)state;
	assert_true(!strncmp(txt, "金寨县公共资源交易中心2024年政府信息公开工作年度报告\n", 76));
	assert_non_null(strstr(txt, "\n一、总体情况\n（一）主动公开情况。\n县交易中心"));
	assert_non_null(strstr(txt, "\n（五）监督保障。\n"));
	assert_non_null(strstr(txt, "\n上年改进情况：及时召开"));
	assert_non_null(strstr(txt, "\n下一步改进举措：一是"));
	assert_non_null(strstr(txt, "\n六、其他需要报告的事项\n按照"));
	/* the merged label of table 三 appears once, on one line of its cell */
	assert_int_equal(count(txt, "理结果"), 1);
	assert_int_equal(count(txt, "申请人情况"), 1);
	/* box-drawing characters never */
	assert_null(strstr(txt, "\xE2\x94"));
	free(txt);
	nb_report_free(r);
}

/* ---- escaping ---- */

static const char nasty[] = "<script>alert(1)</script> &amp; \"q\" 'a' *b* [c](d) | e\x01";

static void
test_escape_html(void **state)
{
	nb_report_t *r = seed();
	char *html;
	int dropped;

	(void)state;
	set_text(r, "other_matters", nasty);
	html = render(r, NB_EXPORT_HTML, 0, &dropped, NULL);
	assert_int_equal(dropped, 1);
	assert_null(strstr(html, "<script"));
	assert_non_null(strstr(html, "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; "
	                             "&quot;q&quot; &#39;a&#39; *b* [c](d) | e</p>"));
	assert_true(!strncmp(html, "<!DOCTYPE html>\n<html lang=\"zh-CN\">", 34));
	/* self-contained: nothing fetched, no scripts */
	assert_null(strstr(html, "src="));
	assert_null(strstr(html, "href="));
	assert_null(strstr(html, "@import"));
	assert_null(strstr(html, "url("));
	free(html);
	nb_report_free(r);
}

static void
test_escape_md(void **state)
{
	nb_report_t *r = seed();
	char *md;

	(void)state;
	set_text(r, "other_matters", nasty);
	set_text(r, "improvement.problems", "1. 不是列表\n# 不是标题\n- 不是列表");
	md = render(r, NB_EXPORT_MD, 0, NULL, NULL);
	assert_non_null(strstr(md, "\n\\<script\\>alert(1)\\</script\\> \\&amp; \"q\" 'a' "
	                           "\\*b\\* \\[c\\](d) \\| e\n"));
	assert_non_null(strstr(md, "\n本年存在问题：1. 不是列表\n"));
	assert_non_null(strstr(md, "\n\\# 不是标题\n"));
	assert_non_null(strstr(md, "\n\\- 不是列表\n"));
	free(md);
	nb_report_free(r);
}

static void
test_escape_docx(void **state)
{
	nb_report_t *r = seed();
	size_t len;
	char *docx, *xml;
	int dropped;

	(void)state;
	set_text(r, "other_matters", nasty);
	set_text(r, "organization", "A&B<局>");
	docx = render(r, NB_EXPORT_DOCX, 0, &dropped, &len);
	assert_int_equal(dropped, 1);
	assert_true(len > 4 && !memcmp(docx, "PK\x03\x04", 4));
	xml = docx_part(docx, len, "word/document.xml");
	assert_non_null(strstr(xml, "&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; "
	                            "&quot;q&quot; 'a' *b* [c](d) | e</w:t>"));
	assert_non_null(strstr(xml, "A&amp;B&lt;局&gt;2024年"));
	assert_null(strstr(xml, "\x01"));
	free(xml);
	xml = docx_part(docx, len, "docProps/core.xml");
	assert_non_null(strstr(xml, "<dc:title>A&amp;B&lt;局&gt;2024年政府信息公开工作年度报告</dc:title>"));
	free(xml);
	free(docx);
	nb_report_free(r);
}

/* ---- merged cells ---- */

/* A merged label as printed: a table of its own, its text the head that
 * the browser repeats where the rows run on to the next page. */
#define REPEAT(label) "<table class=\"repeat\" role=\"presentation\"><thead><tr><td>" \
	label "</td></tr></thead><tbody><tr><td></td></tr></tbody></table></td>"

static void
test_merged_html(void **state)
{
	nb_report_t *r = seed();
	char *html = render(r, NB_EXPORT_HTML, 0, NULL, NULL);

	(void)state;
	assert_non_null(strstr(html, "<th rowspan=\"3\" colspan=\"3\" scope=\"colgroup\">（本列数据的勾稽关系为："
	                             "第一项加第二项之和，等于第三项加第四项之和）</th>"));
	assert_non_null(strstr(html, "<th colspan=\"7\" scope=\"colgroup\">申请人情况</th>"));
	assert_non_null(strstr(html, "<td rowspan=\"22\" class=\"label merged\">" REPEAT("三、本年度办理结果")));
	assert_non_null(strstr(html, "<td rowspan=\"8\" class=\"label merged\">" REPEAT("（三）不予公开")));
	assert_non_null(strstr(html, "<th colspan=\"4\" scope=\"colgroup\">第二十条第（一）项</th>"));
	assert_non_null(strstr(html, "<td colspan=\"3\">4</td>"));
	/* three tables, and one in each of table 三's five merged labels */
	assert_int_equal(count(html, "<table"), 3 + 5);
	assert_int_equal(count(html, "<tr>") + count(html, "<tr class=\"keep\">"),
	                 14 + 28 + 4 + 2 * 5);
	free(html);
	nb_report_free(r);
}

static void
test_merged_docx(void **state)
{
	nb_report_t *r = seed();
	size_t len;
	char *docx = render(r, NB_EXPORT_DOCX, 0, NULL, &len), *xml;

	(void)state;
	xml = docx_part(docx, len, "word/document.xml");
	assert_int_equal(count(xml, "<w:tbl>"), 3);
	assert_int_equal(count(xml, "<w:tr>"), 14 + 28 + 4);
	assert_non_null(strstr(xml, "<w:gridSpan w:val=\"7\"/>"));
	/* 三、本年度办理结果 starts a merge continued in 21 rows; the note over
	 * three rows; the (三)-(六) groups; the five 行政复议 heads */
	assert_int_equal(count(xml, "<w:vMerge w:val=\"restart\"/>"), 1 + 1 + 4 + 2 + 5);
	assert_int_equal(count(xml, "<w:vMerge/>"), 21 + 2 + (7 + 2 + 4 + 2) + 2 + 5);
	assert_non_null(strstr(xml, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
	assert_null(strstr(xml, "headerReference"));
	free(xml);
	xml = docx_part(docx, len, "word/styles.xml");
	assert_non_null(strstr(xml, "w:eastAsia=\"仿宋_GB2312\""));
	assert_non_null(strstr(xml, "w:eastAsia=\"方正小标宋简体\""));
	assert_non_null(strstr(xml, "w:eastAsia=\"黑体\""));
	free(xml);
	free(docx);
	nb_report_free(r);
}

static void
test_merged_md(void **state)
{
	nb_report_t *r = seed();
	char *md = render(r, NB_EXPORT_MD, 0, NULL, NULL);

	(void)state;
	assert_non_null(strstr(md, "**第二十条第（一）项**\n\n| 信息内容 | 本年制发件数 | "
	                           "本年废止件数 | 现行有效件数 |\n| --- | --- | --- | --- |\n"
	                           "| 规章 | 0 | 0 | 0 |\n"));
	assert_non_null(strstr(md, "| 信息内容 | 本年处理决定数量 |\n| --- | --- |\n"
	                           "| 行政处罚 | 4 |\n| 行政强制 | 0 |\n"));
	assert_non_null(strstr(md, "| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加"
	                           "第四项之和） |  |  | 申请人情况/自然人 | 申请人情况/法人或"
	                           "其他组织/商业企业 |"));
	assert_non_null(strstr(md, "| 三、本年度办理结果 | （一）予以公开 |  | 1 |"));
	assert_non_null(strstr(md, "|  | （三）不予公开 | 1.属于国家秘密 | 0 |"));
	assert_non_null(strstr(md, "|  |  | 2.其他法律行政法规禁止公开 | 0 |"));
	assert_non_null(strstr(md, "| 行政诉讼/复议后起诉/总计 |"));
	free(md);
	nb_report_free(r);
}

/* ---- generated text and the draft mark ---- */

static void
test_opening_generated(void **state)
{
	nb_report_t *r = seed();
	char *txt;

	(void)state;
	set_text(r, "preamble", "");
	txt = render(r, NB_EXPORT_TXT, 0, NULL, NULL);
	assert_non_null(strstr(txt, "\n\n本报告依据《中华人民共和国政府信息公开条例》（国务院令第711号）"
	    "等要求编制而成。本报告中使用数据统计期限为2024年1月1日至2024年12月31日，"
	    "报告的电子版可在金寨县公共资源交易中心政府信息公开网（http://www.ahjinzhai.gov.cn/"
	    "public/column/6603061?type=4&action=list）下载。如对本报告有任何疑问，请与"
	    "县交易中心办公室联系（地址：安徽省金寨县经济开发区金梧桐政务服务中心大楼16楼1618室，"
	    "电话：0564--7350826，邮编：237300）。\n"));
	free(txt);
	/* without a web site or phone the parts naming them are left out */
	set_text(r, "contact.website", "");
	set_text(r, "contact.phone", "");
	txt = render(r, NB_EXPORT_TXT, 0, NULL, NULL);
	assert_non_null(strstr(txt, "至2024年12月31日。如对本报告有任何疑问，请与县交易中心办公室联系"
	    "（地址：安徽省金寨县经济开发区金梧桐政务服务中心大楼16楼1618室，邮编：237300）。\n"));
	free(txt);
	nb_report_free(r);
}

/* Paragraphs lose the blanks (and full-width spaces) around them, CRs go
 * silently, control characters are counted. */
static void
test_paragraph_blanks(void **state)
{
	nb_report_t *r = seed();
	char *txt;
	int dropped;

	(void)state;
	set_text(r, "other_matters", "\xE3\x80\x80\xE3\x80\x80 按照\t信息处理费\r\n\n  第二段\x07 \xE3\x80\x80\n");
	txt = render(r, NB_EXPORT_TXT, 0, &dropped, NULL);
	assert_int_equal(dropped, 1);
	assert_non_null(strstr(txt, "\n六、其他需要报告的事项\n按照 信息处理费\n第二段\n"));
	free(txt);
	nb_report_free(r);
}

static void
test_template(void **state)
{
	nb_report_t *r = seed();
	const char *vars[] = { "x", "X", "e", "" };
	nb_buf_t b;
	char num[16];

	(void)state;
	nb_buf_init(&b);
	nb_template_expand(r, "{organization}[({x})][<{e}>]{year}年[a[b{e}]c]", vars, 2, &b);
	assert_string_equal(b.data, "金寨县公共资源交易中心(X)2024年ac");
	nb_buf_free(&b);
	nb_cn_numeral(1, num);
	assert_string_equal(num, "一");
	nb_cn_numeral(10, num);
	assert_string_equal(num, "十");
	nb_cn_numeral(12, num);
	assert_string_equal(num, "十二");
	nb_cn_numeral(20, num);
	assert_string_equal(num, "二十");
	nb_cn_numeral(35, num);
	assert_string_equal(num, "三十五");
	nb_report_free(r);
}

static void
test_draft_mark(void **state)
{
	nb_report_t *r = seed();
	const nb_field_t *f = nb_form_field(form, "requests.new");
	size_t len;
	char *out, *xml;

	(void)state;
	nb_report_clear(r, f->cell);            /* an unfilled figure */
	out = render(r, NB_EXPORT_TXT, 1, NULL, NULL);
	assert_true(!strncmp(out, "草稿（未经审核，不得发布）\n\n金寨县", 42));
	free(out);
	out = render(r, NB_EXPORT_HTML, 1, NULL, NULL);
	assert_non_null(strstr(out, "<p class=\"draft\">草稿（未经审核，不得发布）</p>"));
	assert_non_null(strstr(out, "<div class=\"watermark\""));
	assert_non_null(strstr(out, "一、本年新收政府信息公开申请数量</td><td></td>"));
	free(out);
	out = render(r, NB_EXPORT_MD, 1, NULL, NULL);
	assert_true(!strncmp(out, "> **草稿（未经审核，不得发布）**\n", 40));
	free(out);
	out = render(r, NB_EXPORT_DOCX, 1, NULL, &len);
	xml = docx_part(out, len, "word/document.xml");
	assert_non_null(strstr(xml, "<w:headerReference w:type=\"default\" r:id=\"rId3\"/>"));
	assert_non_null(strstr(xml, "<w:pStyle w:val=\"DraftMark\"/>"));
	free(xml);
	xml = docx_part(out, len, "word/header1.xml");
	assert_non_null(strstr(xml, "草稿（未经审核，不得发布）"));
	free(xml);
	free(out);
	nb_report_free(r);
}

static void
test_formats(void **state)
{
	nb_export_format_t f;

	(void)state;
	assert_int_equal(nb_export_format_of_path("a/b.c/report.DOCX", &f), 0);
	assert_int_equal(f, NB_EXPORT_DOCX);
	assert_int_equal(nb_export_format_of_path("x.htm", &f), 0);
	assert_int_equal(f, NB_EXPORT_HTML);
	assert_int_equal(nb_export_format_of_path("x.md", &f), 0);
	assert_int_equal(f, NB_EXPORT_MD);
	assert_int_equal(nb_export_format_of_path("x.txt", &f), 0);
	assert_int_equal(f, NB_EXPORT_TXT);
	assert_int_equal(nb_export_format_of_path("a.d/x", &f), -1);
	assert_int_equal(nb_export_format_of_path("x.pdf", &f), 0);
	assert_int_equal(f, NB_EXPORT_PDF);
	assert_string_equal(nb_export_format_name(NB_EXPORT_PDF), "pdf");
	assert_int_equal(nb_export_format_of_path("x.odt", &f), -1);
	assert_int_equal(nb_export_format_parse("markdown", &f), 0);
	assert_int_equal(f, NB_EXPORT_MD);
	assert_string_equal(nb_export_format_name(NB_EXPORT_HTML), "html");
}

/* The same report gives the same bytes (the .docx carries no clock). */
static void
test_reproducible(void **state)
{
	nb_report_t *r = seed();
	size_t la, lb;
	char *a = render(r, NB_EXPORT_DOCX, 0, NULL, &la);
	char *b = render(r, NB_EXPORT_DOCX, 0, NULL, &lb);

	(void)state;
	assert_int_equal(la, lb);
	assert_memory_equal(a, b, la);
	free(a);
	free(b);
	nb_report_free(r);
}

/* ---- the printed page ---- */

/* The columns (tag, their width after attr) of the last table of a file,
 * the one that starts at the last `table`: how many there are, and
 * whether they are all one width. */
static int
last_widths_equal(const char *doc, const char *table, const char *tag,
                  const char *attr, int *cols)
{
	const char *t = doc, *last = NULL;
	size_t first = 0;
	int same = 1;

	while ((t = strstr(t, table)))
		last = t++;
	assert_non_null(last);
	*cols = 0;
	for (t = last; (t = strstr(t, tag)); t++) {
		const char *v = strstr(t, attr) + strlen(attr);
		size_t len = strcspn(v, "\"");
		if (!*cols)
			first = (size_t)(v - doc);
		else if (strncmp(doc + first, v, len) || doc[first + len] != '"')
			same = 0;
		++*cols;
	}
	return same;
}

static void
test_print_html(void **state)
{
	nb_report_t *r = seed();
	char *html = render(r, NB_EXPORT_HTML, 0, NULL, NULL);
	int cols;

	(void)state;
	/* GB/T 9704's margins, "— N —" in the bottom margin */
	assert_non_null(strstr(html, "@page{size:A4;margin:37mm 26mm 35mm 28mm;"
	                             "@bottom-center{content:\"— \" counter(page) \" —\";"));
	/* headings and the first rows of a merged label stay with what follows;
	 * a table's head repeats; rows are free to break apart */
	assert_non_null(strstr(html, "h1,h2,h3,tr.keep{break-after:avoid;"));
	assert_non_null(strstr(html, "thead{display:table-header-group}"));
	assert_null(strstr(html, "tr{page-break-inside:avoid}"));
	/* printed, a merged label's table fills its cell (so that it breaks
	 * with it); on screen it is centred as before */
	assert_non_null(strstr(html, "@media print{"));
	assert_non_null(strstr(html, "td{vertical-align:top}td.merged{height:1px;padding-right:1em}"
	                             "table.repeat{height:100%}}"));
	assert_non_null(strstr(html, "<tr class=\"keep\"><td rowspan=\"22\""));
	assert_non_null(strstr(html, "<tr class=\"keep\"><td rowspan=\"8\""));
	assert_non_null(strstr(html, "<tr><td rowspan=\"3\" class=\"label merged\">" REPEAT("（六）其他处理")));
	assert_int_equal(count(html, "<tr class=\"keep\">"), 4);
	/* a web address breaks anywhere */
	assert_non_null(strstr(html, "政府信息公开网（<span class=\"url\">http://www.ahjinzhai.gov.cn/"
	                             "public/column/6603061?type=4&amp;action=list</span>）下载"));
	assert_non_null(strstr(html, ".url{word-break:break-all}"));
	/* table 四: fifteen columns of one width */
	assert_true(last_widths_equal(html, "<table border", "<col ", "width:", &cols));
	assert_int_equal(cols, 15);
	free(html);
	nb_report_free(r);
}

static void
test_print_docx(void **state)
{
	static const char head_row[] = "<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val=\"340\"/>"
	                               "<w:tblHeader/></w:trPr>";
	nb_report_t *r = seed();
	size_t len;
	char *docx = render(r, NB_EXPORT_DOCX, 0, NULL, &len), *xml, *t;
	int cols;

	(void)state;
	xml = docx_part(docx, len, "word/document.xml");
	/* the head rows of every table: the first rows, each with a height
	 * and tblHeader, none elsewhere */
	assert_int_equal(count(xml, head_row), 0 + 3 + 3);
	assert_int_equal(count(xml, "<w:tblHeader/>"), 6);
	t = strstr(xml, "三、收到和处理政府信息公开申请情况");
	assert_non_null(t);
	t = strstr(t, "<w:tr>");
	assert_int_equal(strncmp(t, head_row, strlen(head_row)), 0);
	/* the rows beside a merged label's text are kept with the next */
	/* (一) beside 三、本年度办理结果: 9 cells; the first rows of （三）（四）（五）: 10 */
	assert_int_equal(count(xml, "<w:pStyle w:val=\"TableTextKeep\"/>"), 9 + 3 * 10);
	/* table 四: fifteen columns of one width */
	assert_true(last_widths_equal(xml, "<w:tbl>", "<w:gridCol ", "w:w=\"", &cols));
	assert_int_equal(cols, 15);
	/* a web address with a break hint between its characters */
	assert_non_null(strstr(xml, "政府信息公开网（h\xE2\x80\x8Bt\xE2\x80\x8Bt\xE2\x80\x8Bp"));
	assert_non_null(strstr(xml, "s\xE2\x80\x8Bt）下载"));
	free(xml);
	free(docx);
	nb_report_free(r);
}

static void
test_print_helpers(void **state)
{
	const char *u;
	size_t n;
	nb_doc_t *d = small_doc();
	int w[3];
	unsigned char keep[3];

	(void)state;
	u = nb_find_url("见（http://a.cn/x?y=1&z=2）。", &n);
	assert_non_null(u);
	assert_int_equal(n, strlen("http://a.cn/x?y=1&z=2"));
	u = nb_find_url("网址www.gov.cn.", &n);
	assert_non_null(u);
	assert_int_equal(n, strlen("www.gov.cn"));
	assert_null(nb_find_url("abchttp://x", &n));
	assert_null(nb_find_url("没有网址", &n));
	/* the two figure columns of the small table share their width */
	assert_int_equal(nb_grid_print_widths(d->v[1].grid, 1000, w), 0);
	assert_int_equal(w[1], w[2]);
	assert_int_equal(w[0] + w[1] + w[2], 1000);
	assert_int_equal(nb_grid_keeps(d->v[1].grid, keep), 0);
	assert_int_equal(keep[0], 1);
	assert_int_equal(keep[1], 1);
	assert_int_equal(keep[2], 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_txt_small_table),
		cmocka_unit_test(test_txt_alignment),
		cmocka_unit_test(test_txt_content),
		cmocka_unit_test(test_escape_html),
		cmocka_unit_test(test_escape_md),
		cmocka_unit_test(test_escape_docx),
		cmocka_unit_test(test_merged_html),
		cmocka_unit_test(test_merged_docx),
		cmocka_unit_test(test_merged_md),
		cmocka_unit_test(test_opening_generated),
		cmocka_unit_test(test_paragraph_blanks),
		cmocka_unit_test(test_template),
		cmocka_unit_test(test_draft_mark),
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_reproducible),
		cmocka_unit_test(test_print_html),
		cmocka_unit_test(test_print_docx),
		cmocka_unit_test(test_print_helpers),
	};

	return cmocka_run_group_tests_name("export", tests, tu_setup, tu_teardown);
}
