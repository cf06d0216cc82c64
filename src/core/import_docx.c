/* The reader of Word files (import.h).  libzip opens the package from
 * memory; libxml2 parses word/document.xml and docProps/core.xml with no
 * network, no DTD loading and no entity substitution, and a part with a
 * DOCTYPE at all (Word never writes one) is refused before anything it
 * declares is read.  The body becomes lines by import_xml.h.  A zip bomb
 * is refused by the sizes its directory declares and, should they lie,
 * by the bytes actually inflated. */

#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>

#include "core/buf.h"
#include "core/import.h"
#include "core/import_xml.h"
#include "core/zip_lib.h"

#define NB_DOCX_MAX_ENTRIES 10000
#define NB_DOCX_MAX_PART (64u * 1024u * 1024u)
#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_STRICT_NS "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define DC_NS "http://purl.org/dc/elements/1.1/"
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | \
                       XML_PARSE_NOWARNING)

/* The archive open, and libzip's functions to read it with. */
typedef struct {
	const nb_zip_t *Z;
	zip_t *za;
} pkg_t;

static int
open_package(const char *name, const char *buf, size_t len, pkg_t *pk,
             nb_error_t *err)
{
	const nb_zip_t *Z;
	zip_error_t ze;
	zip_source_t *src;

	/* an OLE compound file: Word 97-2003, or a .docx with a password,
	 * which Word wraps the same way */
	if (len >= 8 && !memcmp(buf, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
		return nb_error_set(err, name, 0, 0,
		    "这是旧的 Word 格式（.doc）或设了密码的 Word 文件，不是 .docx："
		    "请在 Word 或 WPS 中去掉密码、另存为 .docx 后再导入");
	if (len < 4 || memcmp(buf, "PK\3\4", 4))
		return nb_error_set(err, name, 0, 0, "不是 Word 文件（.docx）");
	if (!(Z = pk->Z = nb_zip_open(name, err)))
		return -1;
	Z->zip_error_init(&ze);
	if (!(src = Z->zip_source_buffer_create(buf, len, 0, &ze))) {
		Z->zip_error_fini(&ze);
		return nb_error_set(err, name, 0, 0, "内存不足");
	}
	if (!(pk->za = Z->zip_open_from_source(src, ZIP_RDONLY, &ze))) {
		Z->zip_source_free(src);
		Z->zip_error_fini(&ze);
		return nb_error_set(err, name, 0, 0,
		    "Word 文件（.docx）不完整或已损坏：读不出其中的 zip 目录");
	}
	Z->zip_error_fini(&ze);
	if (Z->zip_get_num_entries(pk->za, 0) > NB_DOCX_MAX_ENTRIES) {
		Z->zip_discard(pk->za);
		return nb_error_set(err, name, 0, 0,
		    "Word 文件中的条目太多（超过 %d 个）：不像是正常的 Word 文件",
		    NB_DOCX_MAX_ENTRIES);
	}
	return 0;
}

static int
too_large(const char *name, const char *part, nb_error_t *err)
{
	return nb_error_set(err, name, 0, 0,
	    "Word 文件中的 %s 解压后太大（超过 %u 字节）：不像是正常的 Word 文件",
	    part, NB_DOCX_MAX_PART);
}

static int
not_opened(const char *name, const char *part, const pkg_t *pk, nb_error_t *err)
{
	int code = pk->Z->zip_error_code_zip(pk->Z->zip_get_error(pk->za));

	if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_ENCRNOTSUPP ||
	    code == ZIP_ER_WRONGPASSWD)
		return nb_error_set(err, name, 0, 0,
		    "Word 文件中的 %s 设了密码：请先在 Word 或 WPS 中去掉密码", part);
	return nb_error_set(err, name, 0, 0,
	    "Word 文件中的 %s 无法解压：文件已损坏", part);
}

/* The bytes of a part, malloc'd and NUL-terminated, read in chunks so
 * that a size that lies stops at the limit; *out NULL when there is no
 * such part. */
static int
read_part(const char *name, const pkg_t *pk, const char *part, char **out,
          size_t *len, nb_error_t *err)
{
	const nb_zip_t *Z = pk->Z;
	zip_int64_t i = Z->zip_name_locate(pk->za, part, 0), n;
	zip_stat_t st;
	zip_file_t *f;
	nb_buf_t b;
	char chunk[16384];

	*out = NULL;
	if (i < 0)
		return 0;
	Z->zip_stat_init(&st);
	if (Z->zip_stat_index(pk->za, (zip_uint64_t)i, 0, &st) < 0)
		return not_opened(name, part, pk, err);
	if ((st.valid & ZIP_STAT_SIZE) && st.size > NB_DOCX_MAX_PART)
		return too_large(name, part, err);
	if (!(f = Z->zip_fopen_index(pk->za, (zip_uint64_t)i, 0)))
		return not_opened(name, part, pk, err);
	nb_buf_init(&b);
	nb_buf_add(&b, "", 0);
	while ((n = Z->zip_fread(f, chunk, sizeof chunk)) > 0 && !b.failed) {
		if ((zip_uint64_t)n > NB_DOCX_MAX_PART - b.len) {
			Z->zip_fclose(f);
			nb_buf_free(&b);
			return too_large(name, part, err);
		}
		nb_buf_add(&b, chunk, (size_t)n);
	}
	Z->zip_fclose(f);
	if (n < 0 || b.failed) {
		nb_buf_free(&b);
		return n < 0 ? nb_error_set(err, name, 0, 0,
		    "Word 文件中的 %s 无法解压：文件已损坏", part) :
		    nb_error_set(err, name, 0, 0, "内存不足");
	}
	*len = b.len;
	*out = nb_buf_take(&b);
	return 0;
}

/* libxml2 calls this at a DOCTYPE, before reading what it declares. */
static void
refuse_dtd(void *ctx, const xmlChar *root, const xmlChar *public_id,
           const xmlChar *system_id)
{
	xmlParserCtxtPtr ctxt = ctx;

	(void)root;
	(void)public_id;
	(void)system_id;
	*(int *)ctxt->_private = 1;
	xmlStopParser(ctxt);
}

static xmlDocPtr
parse_part(const char *name, const char *part, const char *xml, size_t len,
           nb_error_t *err)
{
	xmlParserCtxtPtr ctxt = len <= INT_MAX ? xmlNewParserCtxt() : NULL;
	const xmlError *e;
	xmlDocPtr d;
	int dtd = 0;

	if (!ctxt) {
		nb_error_set(err, name, 0, 0, "内存不足");
		return NULL;
	}
	ctxt->_private = &dtd;
	ctxt->sax->internalSubset = refuse_dtd;
	d = xmlCtxtReadMemory(ctxt, xml, (int)len, part, NULL, PARSE_OPTIONS);
	e = xmlCtxtGetLastError(ctxt);
	if (dtd)
		nb_error_set(err, name, 0, 0,
		    "Word 文件中的 %s 带有 DTD（<!DOCTYPE>）：Word 不会写入它，"
		    "文件不是 Word 生成的或已被改动，未读取", part);
	else if (!d || !ctxt->wellFormed)
		nb_error_set(err, name, 0, 0,
		    "Word 文件中的 %s 不是格式正确的 XML（第 %d 行）：文件已损坏",
		    part, e ? e->line : 0);
	if (dtd || !ctxt->wellFormed) {
		xmlFreeDoc(d);
		d = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	return d;
}

static int
in_ns(const xmlNode *n, const char *ns)
{
	return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       !strcmp((const char *)n->ns->href, ns);
}

/* Word's own namespace, or that of Strict Open XML. */
static int
is_w(const xmlNode *n, const char *local)
{
	return (in_ns(n, W_NS) || in_ns(n, W_STRICT_NS)) &&
	       (!local || !strcmp((const char *)n->name, local));
}

static const xmlNode *
w_child(const xmlNode *parent, const char *local)
{
	const xmlNode *n;

	for (n = parent ? parent->children : NULL; n; n = n->next)
		if (is_w(n, local))
			return n;
	return NULL;
}

static int
w_val_is(const xmlNode *el, const char *want)
{
	xmlChar *v = xmlGetNsProp(el, (const xmlChar *)"val", el->ns->href);
	int same = v && !strcmp((const char *)v, want);

	xmlFree(v);
	return same;
}

static int
grid_span(const xmlNode *el)
{
	xmlChar *v = xmlGetNsProp(el, (const xmlChar *)"val", el->ns->href);
	long n = v ? strtol((const char *)v, NULL, 10) : 1;

	xmlFree(v);
	return n < 1 ? 1 : n > 1000 ? 1000 : (int)n;
}

typedef struct {
	const char *name;
	nb_ix_kind_t kind;
} tag_t;

/* Sorted by name; any other element of Word's is inline.  Deleted and
 * moved-away text, field codes and properties are not the text. */
static const tag_t tags[] = {
	{ "br", NB_IX_BREAK }, { "cr", NB_IX_BREAK }, { "del", NB_IX_DROP },
	{ "delInstrText", NB_IX_DROP }, { "delText", NB_IX_DROP },
	{ "fldData", NB_IX_DROP }, { "instrText", NB_IX_DROP },
	{ "moveFrom", NB_IX_DROP }, { "p", NB_IX_BLOCK }, { "pPr", NB_IX_DROP },
	{ "rPr", NB_IX_DROP }, { "sdtEndPr", NB_IX_DROP },
	{ "sdtPr", NB_IX_DROP }, { "sectPr", NB_IX_DROP }, { "t", NB_IX_TEXT },
	{ "tab", NB_IX_TAB }, { "tbl", NB_IX_TABLE }, { "tblGrid", NB_IX_DROP },
	{ "tblPr", NB_IX_DROP }, { "tblPrEx", NB_IX_DROP }, { "tc", NB_IX_CELL },
	{ "tcPr", NB_IX_DROP }, { "tr", NB_IX_ROW }, { "trPr", NB_IX_DROP },
};

static int
tag_cmp(const void *key, const void *t)
{
	return strcmp(key, ((const tag_t *)t)->name);
}

/* A cell continuing one from the row above is left out (so it is never
 * left: span is then not NULL); one spanning columns says how many. */
static nb_ix_kind_t
cell_kind(const xmlNode *tc, int *span)
{
	const xmlNode *pr, *v, *g;

	if (!span)
		return NB_IX_CELL;
	pr = w_child(tc, "tcPr");
	v = w_child(pr, "vMerge");
	g = w_child(pr, "gridSpan");
	if (v && !w_val_is(v, "restart"))
		return NB_IX_DROP;
	if (g)
		*span = grid_span(g);
	return NB_IX_CELL;
}

static nb_ix_kind_t
docx_kind(const xmlNode *el, int *span)
{
	const tag_t *t;

	/* of markup compatibility's two versions, the first (a text box
	 * is in both) */
	if (!is_w(el, NULL))
		return in_ns(el, MC_NS) && !strcmp((const char *)el->name, "Fallback") ?
		       NB_IX_DROP : NB_IX_INLINE;
	t = bsearch(el->name, tags, sizeof tags / sizeof tags[0], sizeof tags[0],
	            tag_cmp);
	if (!t)
		return NB_IX_INLINE;
	return t->kind == NB_IX_CELL ? cell_kind(el, span) : t->kind;
}

static int
read_body(const char *name, const pkg_t *pk, nb_idoc_t *doc, nb_error_t *err)
{
	static const nb_ixml_rules_t rules = { docx_kind, 0, 0 };
	static const char part[] = "word/document.xml";
	const xmlNode *body;
	xmlDocPtr d;
	char *xml;
	size_t len;
	int rc;

	if (read_part(name, pk, part, &xml, &len, err) < 0)
		return -1;
	if (!xml)
		return nb_error_set(err, name, 0, 0,
		    "不是 Word 文件（.docx）：其中没有 %s", part);
	d = parse_part(name, part, xml, len, err);
	free(xml);
	if (!d)
		return -1;
	body = w_child(xmlDocGetRootElement(d), "body");
	if (!body || !is_w(xmlDocGetRootElement(d), "document"))
		rc = nb_error_set(err, name, 0, 0,
		    "不是 Word 文件（.docx）：%s 中没有正文（w:body）", part);
	else
		rc = nb_ixml_walk(body, &rules, doc, name, err);
	xmlFreeDoc(d);
	return rc;
}

/* The title is a nicety: a core.xml that cannot be read leaves it NULL
 * rather than refusing a body that could. */
static void
read_title(const char *name, const pkg_t *pk, nb_idoc_t *doc)
{
	static const char part[] = "docProps/core.xml";
	nb_error_t ignored;
	const xmlNode *n, *root;
	xmlDocPtr d = NULL;
	char *xml;
	size_t len;

	if (read_part(name, pk, part, &xml, &len, &ignored) < 0 || !xml)
		return;
	d = parse_part(name, part, xml, len, &ignored);
	free(xml);
	if (!d)
		return;
	root = xmlDocGetRootElement(d);
	for (n = root ? root->children : NULL; n; n = n->next)
		if (in_ns(n, DC_NS) && !strcmp((const char *)n->name, "title")) {
			doc->title = nb_ixml_text(doc, n);
			break;
		}
	xmlFreeDoc(d);
}

int
nb_read_docx(const char *name, const char *buf, size_t len, nb_idoc_t *doc,
             nb_error_t *err)
{
	pkg_t pk = { NULL, NULL };
	int rc;

	if (open_package(name, buf, len, &pk, err) < 0)
		return -1;
	if ((rc = read_body(name, &pk, doc, err)) == 0)
		read_title(name, &pk, doc);
	pk.Z->zip_discard(pk.za);
	return rc;
}
