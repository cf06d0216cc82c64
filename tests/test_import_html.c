#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <iconv.h>
#include <string.h>

#include "core/import.h"
#include "importutil.h"

/* The lines of a page, rendered (importutil.h); the title into *title
 * when wanted.  Fails the test if the page is refused. */
static char *
lines_of(const char *html, size_t len, char **title)
{
	nb_idoc_t d;
	nb_error_t err = { 0 };
	char *s;

	nb_idoc_init(&d);
	if (nb_read_html("t.html", html, len, &d, &err) < 0)
		fail_msg("refused: %s", err.msg);
	s = iu_render(&d);
	if (title)
		*title = d.title ? strdup(d.title) : NULL;
	nb_idoc_free(&d);
	return s;
}

static void
check(const char *html, const char *want)
{
	char *got = lines_of(html, strlen(html), NULL);

	assert_string_equal(got, want);
	free(got);
}

/* The message of the refusal of a page. */
static const char *
refusal(const char *html, size_t len)
{
	static nb_error_t err;
	nb_idoc_t d;

	memset(&err, 0, sizeof err);
	nb_idoc_init(&d);
	assert_int_equal(nb_read_html("t.html", html, len, &d, &err), -1);
	assert_string_equal(err.file, "t.html");
	nb_idoc_free(&d);
	return err.msg;
}

static void
paragraphs_and_headings_are_lines(void **state)
{
	(void)state;
	check("<html><body><h1>  某某县人民政府\n  2023年政府信息公开工作年度报告 </h1>"
	      "<p>本报告<b>依据</b>《条例》编制。</p>"
	      "<div>一、总体情况<br>（一）主动公开<br/><br/>本年度……</div>"
	      "<ul><li>第一项</li><li>第二项</li></ul>"
	      "<blockquote>引文</blockquote><section><article>正文</article></section>"
	      "<p>   </p><p>&nbsp;\xE3\x80\x80</p><p>末段</p></body></html>",
	      "P 某某县人民政府 2023年政府信息公开工作年度报告\n"
	      "P 本报告依据《条例》编制。\n"
	      "P 一、总体情况\nP （一）主动公开\nP 本年度……\n"
	      "P 第一项\nP 第二项\nP 引文\nP 正文\nP 末段\n");
}

static void
lines_know_where_they_start(void **state)
{
	const char *html = "<p>一</p>\n\n<p>\n二</p>\n<table>\n<tr><td>甲</td></tr>\n</table>\n";
	nb_idoc_t d;
	nb_error_t err = { 0 };
	(void)state;

	nb_idoc_init(&d);
	assert_int_equal(nb_read_html("t.html", html, strlen(html), &d, &err), 0);
	assert_int_equal(d.n, 3);
	assert_int_equal(d.v[0].line, 1);
	assert_int_equal(d.v[1].line, 4);
	assert_int_equal(d.v[2].line, 6);
	assert_null(d.title);
	nb_idoc_free(&d);
}

static void
head_scripts_and_styles_are_dropped(void **state)
{
	char *title = NULL, *got;
	const char *html = "<html><head><title> 某某局\n2023年 年度报告 </title>"
	    "<style>p { color: red }</style><script>var x = '<p>no</p>';</script>"
	    "</head><body><noscript>请启用脚本</noscript><template><p>模板</p></template>"
	    "<p>正文<script>document.write('x')</script></p><!-- 注释 --></body></html>";
	(void)state;

	got = lines_of(html, strlen(html), &title);
	assert_string_equal(got, "P 正文\n");
	assert_string_equal(title, "某某局 2023年 年度报告");
	free(got);
	free(title);
}

static void
entities_are_decoded(void **state)
{
	(void)state;
	check("<p>A&amp;B &lt;c&gt; &quot;d&quot; &#x4E00;&#19968;&nbsp;&nbsp;end&copy;</p>",
	      "P A&B <c> \"d\" 一一 end\xC2\xA9\n");
}

static void
table_spans_are_kept(void **state)
{
	(void)state;
	check("<p>前</p><table border=1>\n"
	      "<tr><th rowspan=2>本列</th><th colspan=\"3\">申请人情况</th><th rowspan=2>总计</th></tr>\n"
	      "<tr><td>自然人</td><td>法人</td><td>其他</td></tr>\n"
	      "<tr><td>一、本年新收</td><td>10</td><td>2</td><td>0</td><td>12</td></tr>\n"
	      "<tr><td colspan=0>零</td><td colspan=x>乱</td><td colspan=99999>多</td></tr>\n"
	      "</table><p>后</p>",
	      "P 前\n"
	      "T 本列 | 申请人情况{3} | 总计\n"
	      "T 自然人 | 法人 | 其他\n"
	      "T 一、本年新收 | 10 | 2 | 0 | 12\n"
	      "T 零 | 乱 | 多{1000}\n"
	      "P 后\n");
}

static void
cells_join_their_paragraphs(void **state)
{
	(void)state;
	check("<table><tbody><tr><td><p>第一段</p><p>第二段</p></td>"
	      "<td>上<br>下</td><td></td><td>  \n </td></tr></tbody></table>",
	      "T 第一段 第二段 | 上 下 |  | \n");
}

static void
a_layout_table_is_no_table(void **state)
{
	(void)state;
	/* a site's page: links beside the article, the article's table in
	 * it; a table of one cell a row around the title */
	check("<table><tr><td>导航</td><td><table><tr><td>某某报告</td></tr>"
	      "<tr><td>发布日期：2024-01-20</td></tr></table>一、总体情况<p>正文</p>"
	      "<table><tr><td>规章</td><td>1</td></tr></table>后</td></tr></table>",
	      "P 导航\n"
	      "P 某某报告\n"
	      "P 发布日期：2024-01-20\n"
	      "P 一、总体情况\n"
	      "P 正文\n"
	      "T 规章 | 1\n"
	      "P 后\n");
	/* a cell of many paragraphs is a frame too, a cell of a few is not */
	check("<table><tr><td>左</td><td><p>1</p><p>2</p><p>3</p><p>4</p><p>5</p>"
	      "<p>6</p><p>7</p><p>8</p><p>9</p><p>10</p><p>11</p><p>12</p><p>13</p></td></tr></table>"
	      "<table><tr><td><p>（三）</p><p>不予公开</p></td><td>0</td></tr></table>",
	      "P 左\nP 1\nP 2\nP 3\nP 4\nP 5\nP 6\nP 7\nP 8\nP 9\nP 10\nP 11\nP 12\nP 13\n"
	      "T （三） 不予公开 | 0\n");
}

/* Saved from Word as a web page: MsoNormal paragraphs, spans with
 * styles, <o:p> marks, conditional comments, an <xml> island. */
static void
pages_from_word_read_as_paragraphs(void **state)
{
	(void)state;
	check("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\">"
	      "<head><meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">"
	      "<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>x</o:Author>"
	      "</o:DocumentProperties></xml><![endif]--></head><body lang=ZH-CN>"
	      "<div class=WordSection1>"
	      "<p class=MsoNormal align=center><b><span style='font-size:22.0pt;"
	      "font-family:方正小标宋简体'>年度报告<span lang=EN-US><o:p></o:p></span></span></b></p>"
	      "<p class=MsoNormal><span style='font-family:黑体'>一、总体情况</span>"
	      "<span lang=EN-US>&nbsp;&nbsp;<o:p>&nbsp;</o:p></span></p>"
	      "<p class=MsoNormal><span lang=EN-US>2023</span><span>年，本机关</span>"
	      "<st1:chsdate Year=\"2023\">1月</st1:chsdate>起……<o:p></o:p></p>"
	      "<xml><w:data>ignored</w:data></xml>"
	      "<table class=MsoNormalTable><tr><td><p class=MsoNormal><span>收到<o:p></o:p></span></p></td>"
	      "<td><p class=MsoNormal><span lang=EN-US>12<o:p></o:p></span></p></td></tr></table>"
	      "</div></body></html>",
	      "P 年度报告\n"
	      "P 一、总体情况\n"
	      "P 2023年，本机关1月起……\n"
	      "T 收到 | 12\n");
}

/* UTF-8 text in GBK bytes. */
static char *
gbk(const char *utf8, size_t *len)
{
	iconv_t cd = iconv_open("GBK", "UTF-8");
	size_t in = strlen(utf8), room = 4 * in + 1;
	char *out = malloc(room), *src = (char *)utf8, *dst = out;

	assert_true(cd != (iconv_t)-1);
	assert_true(iconv(cd, &src, &in, &dst, &room) != (size_t)-1);
	iconv_close(cd);
	*len = (size_t)(dst - out);
	*dst = '\0';
	return out;
}

static void
declared_gbk_is_read(void **state)
{
	static const char *const pages[] = {
		"<html><head><meta charset=\"gbk\"><title>标题</title></head>"
		"<body><p>政府信息公开</p><p>“收到”申请</p></body></html>",
		"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
		"charset=GB2312\" /><title>标题</title></head>"
		"<body><p>政府信息公开</p><p>“收到”申请</p></body></html>",
		"<?xml version=\"1.0\" encoding=\"gb18030\"?><html><head><title>标题"
		"</title></head><body><p>政府信息公开</p><p>“收到”申请</p></body></html>",
		/* nothing declared: not UTF-8, so GB18030 */
		"<html><head><title>标题</title></head>"
		"<body><p>政府信息公开</p><p>“收到”申请</p></body></html>",
	};
	size_t i, len;
	(void)state;

	for (i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		char *bytes = gbk(pages[i], &len), *title = NULL;
		char *got = lines_of(bytes, len, &title);

		assert_string_equal(got, "P 政府信息公开\nP “收到”申请\n");
		assert_string_equal(title, "标题");
		free(got);
		free(title);
		free(bytes);
	}
}

static void
a_declaration_that_lies_is_refused(void **state)
{
	const char *msg;
	size_t len;
	char *bytes = gbk("<meta charset=utf-8>\n<p>政府</p>", &len);
	nb_error_t err;
	nb_idoc_t d;
	(void)state;

	msg = refusal(bytes, len);
	assert_non_null(strstr(msg, "不是网页声明的 UTF-8 编码（字节 0xD5）"));
	/* where: the second line */
	nb_idoc_init(&d);
	assert_int_equal(nb_read_html("t.html", bytes, len, &d, &err), -1);
	assert_int_equal(err.line, 2);
	nb_idoc_free(&d);
	free(bytes);
	/* 0x80 alone is neither UTF-8 nor GB18030 */
	msg = refusal("<p>\x80</p>", 8);
	assert_non_null(strstr(msg, "既不是 UTF-8 也不是 GBK/GB18030 编码（字节 0x80）"));
}

static void
byte_order_marks_decide(void **state)
{
	/* the mark wins over a wrong declaration, as in browsers */
	static const char utf8[] = "\xEF\xBB\xBF<meta charset=gbk><p>政府</p>";
	static const char utf16le[] = "\xFF\xFE<\0p\0>\0\x3F\x65\x9C\x5E<\0/\0p\0>\0";
	char *got;
	(void)state;

	check(utf8, "P 政府\n");
	got = lines_of(utf16le, sizeof utf16le - 1, NULL);
	assert_string_equal(got, "P 政府\n");
	free(got);
}

static void
an_unknown_charset_is_told_by_the_bytes(void **state)
{
	(void)state;
	check("<meta charset=\"no-such-charset\"><p>政府</p>", "P 政府\n");
}

static void
empty_pages_have_no_lines(void **state)
{
	(void)state;
	check("", "");
	check("  \n ", "");
	check("<!-- 无 -->", "");
	check("<html><body></body></html>", "");
}

static void
deep_nesting_is_refused(void **state)
{
	const size_t n = 100000;
	char *html = malloc(5 * n + 2), *p = html;
	const char *msg;
	size_t i;
	(void)state;

	for (i = 0; i < n; i++, p += 5)
		memcpy(p, "<div>", 5);
	strcpy(p, "x");
	msg = refusal(html, strlen(html));
	assert_non_null(strstr(msg, "标签嵌套太深（超过 256 层）"));
	free(html);
}

static void
nesting_within_the_limit_is_read(void **state)
{
	char html[64 * 10 + 16], *p = html;
	int i;
	(void)state;

	for (i = 0; i < 60; i++, p += 6)
		memcpy(p, "<span>", 6);
	strcpy(p, "深</p>");
	check(html, "P 深\n");
}

static void
huge_pages_are_refused(void **state)
{
	size_t len = 16u * 1024u * 1024u + 1;
	char *html = malloc(len);
	(void)state;

	memset(html, 'a', len);
	assert_non_null(strstr(refusal(html, len),
	    "网页文件太大（16777217 字节，最多 16777216 字节）"));
	free(html);
}

/* An HTML parser knows no DTD: declared entities are not expanded, an
 * external one is not fetched. */
static void
declared_entities_are_not_expanded(void **state)
{
	char *got;
	const char *html = "<!DOCTYPE html [\n"
	    "<!ENTITY a \"aaaaaaaaaa\">\n"
	    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
	    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
	    "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
	    "<!ENTITY x SYSTEM \"file:///etc/passwd\">\n"
	    "]><html><body><p>&d;</p><p>&x;</p><p>end</p></body></html>";
	(void)state;

	got = lines_of(html, strlen(html), NULL);
	assert_null(strstr(got, "aaaa"));
	assert_null(strstr(got, "root:"));
	assert_non_null(strstr(got, "P end\n"));
	assert_true(strlen(got) < 200);
	free(got);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(paragraphs_and_headings_are_lines),
		cmocka_unit_test(lines_know_where_they_start),
		cmocka_unit_test(head_scripts_and_styles_are_dropped),
		cmocka_unit_test(entities_are_decoded),
		cmocka_unit_test(table_spans_are_kept),
		cmocka_unit_test(cells_join_their_paragraphs),
		cmocka_unit_test(a_layout_table_is_no_table),
		cmocka_unit_test(pages_from_word_read_as_paragraphs),
		cmocka_unit_test(declared_gbk_is_read),
		cmocka_unit_test(a_declaration_that_lies_is_refused),
		cmocka_unit_test(byte_order_marks_decide),
		cmocka_unit_test(an_unknown_charset_is_told_by_the_bytes),
		cmocka_unit_test(empty_pages_have_no_lines),
		cmocka_unit_test(deep_nesting_is_refused),
		cmocka_unit_test(nesting_within_the_limit_is_read),
		cmocka_unit_test(huge_pages_are_refused),
		cmocka_unit_test(declared_entities_are_not_expanded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
