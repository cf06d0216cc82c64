#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include <zip.h>

#include "core/import.h"
#include "importutil.h"

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define DOC(body) "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" \
	"<w:document " W "><w:body>" body "<w:sectPr/></w:body></w:document>"
#define CORE(title) "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" \
	"<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" " \
	"xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>某人</dc:creator>" \
	"<dc:title>" title "</dc:title></cp:coreProperties>"
#define TYPES "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" \
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" \
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"
#define P(text) "<w:p><w:r><w:t>" text "</w:t></w:r></w:p>"
#define TC(text) "<w:tc>" P(text) "</w:tc>"

typedef struct {
	const char *name;
	const char *data;
	size_t len;             /* 0: strlen(data) */
} part_t;

/* A zip of the parts, in memory (malloc'd). */
static char *
zip_of(const part_t *parts, size_t n, size_t *len)
{
	zip_error_t ze;
	zip_source_t *src, *s;
	zip_t *za;
	zip_stat_t st;
	char *buf;
	size_t i;

	zip_error_init(&ze);
	assert_non_null(src = zip_source_buffer_create(NULL, 0, 0, &ze));
	zip_source_keep(src);
	assert_non_null(za = zip_open_from_source(src, ZIP_TRUNCATE, &ze));
	for (i = 0; i < n; i++) {
		size_t l = parts[i].len ? parts[i].len : strlen(parts[i].data);
		assert_non_null(s = zip_source_buffer(za, parts[i].data, l, 0));
		assert_true(zip_file_add(za, parts[i].name, s, ZIP_FL_OVERWRITE) >= 0);
	}
	assert_int_equal(zip_close(za), 0);
	zip_stat_init(&st);
	assert_int_equal(zip_source_stat(src, &st), 0);
	assert_int_equal(zip_source_open(src), 0);
	*len = (size_t)st.size;
	buf = malloc(*len);
	assert_int_equal(zip_source_read(src, buf, st.size), (zip_int64_t)st.size);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	return buf;
}

/* A Word file of this document.xml and title. */
static char *
docx(const char *document, const char *core, size_t *len)
{
	part_t parts[] = {
		{ "[Content_Types].xml", TYPES, 0 },
		{ "word/document.xml", document, 0 },
		{ "docProps/core.xml", core, 0 },
	};
	return zip_of(parts, core ? 3 : 2, len);
}

static int
read_bytes(const char *buf, size_t len, char **lines, char **title,
           nb_error_t *err)
{
	nb_idoc_t d;
	int rc;

	memset(err, 0, sizeof *err);
	nb_idoc_init(&d);
	rc = nb_read_docx("t.docx", buf, len, &d, err);
	if (lines)
		*lines = iu_render(&d);
	if (title)
		*title = d.title ? strdup(d.title) : NULL;
	nb_idoc_free(&d);
	return rc;
}

static void
check(const char *document, const char *want)
{
	size_t len;
	char *buf = docx(document, NULL, &len), *got;
	nb_error_t err;

	if (read_bytes(buf, len, &got, NULL, &err) < 0)
		fail_msg("refused: %s", err.msg);
	assert_string_equal(got, want);
	free(got);
	free(buf);
}

/* The message a refused file gets. */
static const char *
refusal(const char *buf, size_t len)
{
	static nb_error_t err;
	char *got;

	assert_int_equal(read_bytes(buf, len, &got, NULL, &err), -1);
	assert_string_equal(got, "");
	assert_string_equal(err.file, "t.docx");
	free(got);
	return err.msg;
}

static void
refused_with(const char *document, const char *want)
{
	size_t len;
	char *buf = docx(document, NULL, &len);

	assert_string_equal(refusal(buf, len), want);
	free(buf);
}

static void
paragraphs_are_lines(void **state)
{
	(void)state;
	check(DOC("<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs>"
	          "<w:rPr><w:b/></w:rPr></w:pPr>"
	          "<w:r><w:rPr><w:rFonts w:eastAsia=\"黑体\"/></w:rPr><w:t>一、</w:t></w:r>"
	          "<w:r><w:t xml:space=\"preserve\">总体  情况 </w:t></w:r></w:p>"
	          "<w:p/>" P("") P("\xE3\x80\x80\xE3\x80\x80")
	          "<w:p><w:r><w:t>收到申请数</w:t><w:tab/><w:tab/><w:t>12</w:t></w:r></w:p>"
	          "<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:cr/><w:t>第三行</w:t></w:r></w:p>"
	          "<w:p><w:r><w:t>A&amp;B &lt;c&gt;</w:t></w:r></w:p>"),
	      "P 一、总体 情况\n"
	      "P 收到申请数\t12\n"
	      "P 第一行\nP 第二行\nP 第三行\n"
	      "P A&B <c>\n");
}

static void
revisions_fields_and_controls(void **state)
{
	(void)state;
	check(DOC("<w:p><w:r><w:t>本年</w:t></w:r>"
	          "<w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>删去的</w:delText></w:r></w:del>"
	          "<w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t>新收</w:t></w:r></w:ins>"
	          "<w:moveFrom><w:r><w:t>移走的</w:t></w:r></w:moveFrom>"
	          "<w:moveTo><w:r><w:t>申请</w:t></w:r></w:moveTo></w:p>"
	          "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
	          "<w:r><w:instrText> PAGE </w:instrText></w:r>"
	          "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r>"
	          "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
	          "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/><w:text/></w:sdtPr><w:sdtContent>"
	          P("控件里的段落") "</w:sdtContent></w:sdt>"
	          "<w:p><w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink>"
	          "<w:smartTag><w:r><w:t>文字</w:t></w:r></w:smartTag></w:p>"),
	      "P 本年新收申请\nP 3\nP 控件里的段落\nP 链接文字\n");
}

static void
text_boxes_are_read_once(void **state)
{
	(void)state;
	check(DOC("<w:p><w:r><mc:AlternateContent "
	          "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"
	          "<mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent>" P("框中")
	          "</w:txbxContent></w:drawing></mc:Choice>"
	          "<mc:Fallback><w:pict><w:txbxContent>" P("框中")
	          "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
	          P("后")),
	      "P 框中\nP 后\n");
}

static void
tables_keep_their_spans(void **state)
{
	(void)state;
	check(DOC(P("前") "<w:tbl><w:tblPr><w:tblW w:w=\"0\"/></w:tblPr>"
	          "<w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
	          "<w:tr><w:trPr><w:tblHeader/></w:trPr>"
	          "<w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>" P("本列") "</w:tc>"
	          "<w:tc><w:tcPr><w:gridSpan w:val=\"3\"/></w:tcPr>" P("申请人情况") "</w:tc></w:tr>"
	          "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>" P("") "</w:tc>"
	          TC("自然人") TC("法人") TC("其他") "</w:tr>"
	          "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"continue\"/></w:tcPr><w:p/></w:tc>"
	          TC("10") TC("2") TC("0") "</w:tr>"
	          "<w:tr><w:tc><w:p><w:r><w:t>第一段</w:t></w:r></w:p>" P("第二段") "</w:tc>"
	          "<w:tc><w:tcPr><w:gridSpan w:val=\"x\"/></w:tcPr><w:p/></w:tc>"
	          "<w:tc><w:p><w:r><w:t>上</w:t><w:br/><w:t>下</w:t></w:r></w:p></w:tc></w:tr>"
	          "</w:tbl>" P("后")),
	      "P 前\n"
	      "T 本列 | 申请人情况{3}\n"
	      "T 自然人 | 法人 | 其他\n"
	      "T 10 | 2 | 0\n"
	      "T 第一段 第二段 |  | 上 下\n"
	      "P 后\n");
}

static void
a_layout_table_is_no_table(void **state)
{
	(void)state;
	/* a page saved as Word: the article in a cell beside the links */
	check(DOC("<w:tbl><w:tr>" TC("导航")
	          "<w:tc>" P("一、总体情况") "<w:tbl><w:tr>" TC("规章") TC("1") "</w:tr>"
	          "</w:tbl>" P("后") "</w:tc></w:tr></w:tbl>"),
	      "P 导航\n"
	      "P 一、总体情况\n"
	      "T 规章 | 1\n"
	      "P 后\n");
}

static void
the_title_is_dc_title(void **state)
{
	size_t len;
	char *buf, *lines, *title;
	nb_error_t err;
	(void)state;

	buf = docx(DOC(P("正文")), CORE(" 某某县2023年\n政府信息公开工作年度报告 "), &len);
	assert_int_equal(read_bytes(buf, len, &lines, &title, &err), 0);
	assert_string_equal(lines, "P 正文\n");
	assert_string_equal(title, "某某县2023年 政府信息公开工作年度报告");
	free(buf);
	free(lines);
	free(title);
	/* no core.xml, an empty title, a broken one: no title, the body read */
	buf = docx(DOC(P("正文")), NULL, &len);
	assert_int_equal(read_bytes(buf, len, NULL, &title, &err), 0);
	assert_null(title);
	free(buf);
	buf = docx(DOC(P("正文")), CORE(""), &len);
	assert_int_equal(read_bytes(buf, len, NULL, &title, &err), 0);
	assert_null(title);
	free(buf);
	buf = docx(DOC(P("正文")), "<cp:coreProperties>", &len);
	assert_int_equal(read_bytes(buf, len, &lines, &title, &err), 0);
	assert_null(title);
	assert_string_equal(lines, "P 正文\n");
	free(lines);
	free(buf);
}

static void
what_is_not_a_docx_is_refused(void **state)
{
	static const char ole[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0";
	part_t other[] = { { "xl/workbook.xml", "<workbook/>", 0 } };
	size_t len;
	char *buf;
	(void)state;

	assert_string_equal(refusal("hello", 5), "不是 Word 文件（.docx）");
	assert_string_equal(refusal("", 0), "不是 Word 文件（.docx）");
	assert_string_equal(refusal(ole, sizeof ole - 1),
	    "这是旧的 Word 格式（.doc）或设了密码的 Word 文件，不是 .docx："
	    "请在 Word 或 WPS 中去掉密码、另存为 .docx 后再导入");
	buf = zip_of(other, 1, &len);
	assert_string_equal(refusal(buf, len),
	    "不是 Word 文件（.docx）：其中没有 word/document.xml");
	free(buf);
	refused_with("<?xml version=\"1.0\"?><html><body/></html>",
	    "不是 Word 文件（.docx）：word/document.xml 中没有正文（w:body）");
}

static void
damaged_files_are_refused(void **state)
{
	size_t len, cut;
	char *buf = docx(DOC(P("正文")), CORE("标题"), &len);
	(void)state;

	/* cut anywhere past the signature, the directory is gone */
	for (cut = 4; cut < len; cut += len / 7 + 1)
		assert_string_equal(refusal(buf, cut),
		    "Word 文件（.docx）不完整或已损坏：读不出其中的 zip 目录");
	free(buf);
	refused_with(DOC("<w:p><w:r><w:t>未完"),
	    "Word 文件中的 word/document.xml 不是格式正确的 XML（第 2 行）：文件已损坏");
}

static void
damaged_data_is_refused(void **state)
{
	size_t len;
	char *buf = docx(DOC(P("正文正文正文正文正文正文正文正文正文正文")), NULL, &len);
	const char *name, *data;
	(void)state;

	/* the compressed bytes of document.xml, after its local header */
	assert_non_null(name = memmem(buf, len, "word/document.xml", 17));
	data = name + 17 + ((unsigned char)name[-2] | (unsigned char)name[-1] << 8);
	memset(buf + (data - buf) + 4, 0xFF, 12);
	assert_string_equal(refusal(buf, len),
	    "Word 文件中的 word/document.xml 无法解压：文件已损坏");
	free(buf);
}

/* Word never writes a DOCTYPE: one is refused before its entities are
 * read, whether they multiply or name a file. */
static void
entities_are_never_expanded(void **state)
{
	static const char *const docs[] = {
		"<?xml version=\"1.0\"?><!DOCTYPE w:document [\n"
		"<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
		"<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
		"<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
		"<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
		"<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
		"<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
		"<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
		"]><w:document " W "><w:body>" P("&g;") "</w:body></w:document>",
		"<?xml version=\"1.0\"?><!DOCTYPE w:document [\n"
		"<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
		"<w:document " W "><w:body>" P("&x;") "</w:body></w:document>",
		"<?xml version=\"1.0\"?><!DOCTYPE w:document SYSTEM \"http://example.invalid/x.dtd\">"
		"<w:document " W "><w:body>" P("正文") "</w:body></w:document>",
	};
	size_t i;
	(void)state;

	for (i = 0; i < sizeof docs / sizeof docs[0]; i++)
		refused_with(docs[i],
		    "Word 文件中的 word/document.xml 带有 DTD（<!DOCTYPE>）：Word 不会写入它，"
		    "文件不是 Word 生成的或已被改动，未读取");
}

static void
deep_nesting_is_refused(void **state)
{
	const int n = 300;
	char *xml = malloc((size_t)n * 40 + 1024), *p = xml;
	int i;
	(void)state;

	p += sprintf(p, "<w:document " W "><w:body><w:p>");
	for (i = 0; i < n; i++)
		p += sprintf(p, "<w:ins>");
	p += sprintf(p, "<w:r><w:t>深</w:t></w:r>");
	for (i = 0; i < n; i++)
		p += sprintf(p, "</w:ins>");
	strcpy(p, "</w:p></w:body></w:document>");
	refused_with(xml, "Word 文件中的 word/document.xml 不是格式正确的 XML（第 1 行）："
	             "文件已损坏");
	free(xml);
}

/* One part of 64 MB and a byte of zeros: 64 KB compressed. */
static char *
bomb(size_t *len)
{
	size_t n = 64u * 1024u * 1024u + 1;
	char *zeros = calloc(1, n), *buf;
	part_t parts[] = { { "word/document.xml", zeros, n } };

	buf = zip_of(parts, 1, len);
	free(zeros);
	return buf;
}

static void
put32(char *p, uint32_t v)
{
	p[0] = (char)(v & 0xFF);
	p[1] = (char)(v >> 8 & 0xFF);
	p[2] = (char)(v >> 16 & 0xFF);
	p[3] = (char)(v >> 24 & 0xFF);
}

/* The size of the first entry as the directory gives it. */
static zip_uint64_t
declared_size(const char *buf, size_t len)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	zip_stat_t st;

	zip_error_init(&ze);
	assert_non_null(src = zip_source_buffer_create(buf, len, 0, &ze));
	assert_non_null(za = zip_open_from_source(src, ZIP_RDONLY, &ze));
	zip_stat_init(&st);
	assert_int_equal(zip_stat_index(za, 0, 0, &st), 0);
	zip_discard(za);
	zip_error_fini(&ze);
	return st.size;
}

static void
zip_bombs_are_refused(void **state)
{
	static const char too_large[] = "Word 文件中的 word/document.xml 解压后太大"
	    "（超过 67108864 字节）：不像是正常的 Word 文件";
	size_t len, i;
	char *buf = bomb(&len);
	(void)state;

	assert_true(len < 1024 * 1024);
	assert_true(declared_size(buf, len) == 64u * 1024u * 1024u + 1);
	assert_string_equal(refusal(buf, len), too_large);
	/* the same, its directory saying 1000 bytes: found out by inflating */
	put32(buf + 22, 1000);
	for (i = len - 22; i > 0; i--)
		if (!memcmp(buf + i, "PK\1\2", 4))
			break;
	assert_true(i > 0);
	put32(buf + i + 24, 1000);
	assert_true(declared_size(buf, len) == 1000);
	assert_string_equal(refusal(buf, len), too_large);
	free(buf);
}

static void
too_many_entries_are_refused(void **state)
{
	static part_t parts[10002];
	static char names[10002][16];
	size_t len, i;
	char *buf;
	(void)state;

	parts[0].name = "word/document.xml";
	parts[0].data = DOC(P("正文"));
	for (i = 1; i < 10002; i++) {
		snprintf(names[i], sizeof names[i], "x/%zu", i);
		parts[i].name = names[i];
		parts[i].data = "";
	}
	buf = zip_of(parts, 10000, &len);
	{
		char *lines;
		nb_error_t err;
		assert_int_equal(read_bytes(buf, len, &lines, NULL, &err), 0);
		assert_string_equal(lines, "P 正文\n");
		free(lines);
	}
	free(buf);
	buf = zip_of(parts, 10001, &len);
	assert_string_equal(refusal(buf, len),
	    "Word 文件中的条目太多（超过 10000 个）：不像是正常的 Word 文件");
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(paragraphs_are_lines),
		cmocka_unit_test(revisions_fields_and_controls),
		cmocka_unit_test(text_boxes_are_read_once),
		cmocka_unit_test(tables_keep_their_spans),
		cmocka_unit_test(a_layout_table_is_no_table),
		cmocka_unit_test(the_title_is_dc_title),
		cmocka_unit_test(what_is_not_a_docx_is_refused),
		cmocka_unit_test(damaged_files_are_refused),
		cmocka_unit_test(damaged_data_is_refused),
		cmocka_unit_test(entities_are_never_expanded),
		cmocka_unit_test(deep_nesting_is_refused),
		cmocka_unit_test(zip_bombs_are_refused),
		cmocka_unit_test(too_many_entries_are_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
