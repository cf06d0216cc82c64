/* The reader of saved web pages (import.h).  The bytes are turned into
 * UTF-8 first, by the encoding the page declares or, declaring none, as
 * UTF-8 when they are valid UTF-8 and GB18030 (which GBK and GB2312 are
 * part of) otherwise: libxml2 left to itself falls back to Latin-1 and
 * reports bad bytes on stderr.  Then libxml2's HTML parser, with no
 * network and nothing but the predefined entities, and the lines of its
 * tree (import_xml.h). */

#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>

#include "core/import.h"
#include "core/import_xml.h"
#include "core/text.h"

#define NB_HTML_MAX_BYTES (16u * 1024u * 1024u)
/* Word writes its <meta> first; most pages in the first kilobyte */
#define SNIFF_BYTES 65536
#define PARSE_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | \
                       HTML_PARSE_NOWARNING | HTML_PARSE_NODEFDTD)

static int
name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
	       c == ':';
}

/* The value of `key=` inside s[0..n), quotes left out, into out; 1 when
 * there is one. */
static int
value_of(const char *s, size_t n, const char *key, char *out, size_t size)
{
	size_t k = strlen(key), i, j = 0;

	for (i = 0; i + k < n && strncasecmp(s + i, key, k); i++)
		;
	if (i + k >= n)
		return 0;
	for (i += k; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
		;
	if (i >= n || s[i++] != '=')
		return 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '"' ||
	                 s[i] == '\''))
		i++;
	while (i < n && j + 1 < size && name_char(s[i]))
		out[j++] = s[i++];
	out[j] = '\0';
	return j > 0;
}

/* The charset an XML declaration or a <meta> (charset=, or http-equiv
 * with "text/html; charset=...") declares, into out; "" when none. */
static void
declared_charset(const char *buf, size_t len, char *out, size_t size)
{
	size_t end = len < SNIFF_BYTES ? len : SNIFF_BYTES, i;
	const char *gt;

	out[0] = '\0';
	if (end >= 5 && !memcmp(buf, "<?xml", 5) &&
	    (gt = memchr(buf, '>', end)) &&
	    value_of(buf, (size_t)(gt - buf), "encoding", out, size))
		return;
	for (i = 0; i + 5 < end; i++) {
		if (buf[i] != '<' || strncasecmp(buf + i + 1, "meta", 4))
			continue;
		if (!(gt = memchr(buf + i, '>', end - i)))
			return;
		if (value_of(buf + i, (size_t)(gt - buf - i), "charset", out, size))
			return;
	}
}

/* iconv's name for a declared charset; NULL to tell by the bytes.  GBK
 * and GB2312 pages are read as GB18030, their superset, as browsers do;
 * a page that reached us as bytes is not UTF-16 whatever it says. */
static const char *
iconv_name(const char *cs)
{
	static const char *const gb[] = {
		"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936",
		"windows-936", "euc-cn", "csgb2312", "chinese", "iso-ir-58"
	};
	size_t i;
	iconv_t cd;

	if (!*cs || !strncasecmp(cs, "utf-16", 6))
		return NULL;
	if (!strcasecmp(cs, "utf-8") || !strcasecmp(cs, "utf8"))
		return "UTF-8";
	for (i = 0; i < sizeof gb / sizeof gb[0]; i++)
		if (!strcasecmp(cs, gb[i]))
			return "GB18030";
	/* a name iconv does not know is no better than none */
	if ((cd = iconv_open("UTF-8", cs)) == (iconv_t)-1)
		return NULL;
	iconv_close(cd);
	return cs;
}

/* in[0..len) from `from` into a malloc'd UTF-8 *out.  -1 with *bad the
 * offset of the first byte that is not of that encoding; -2 when out of
 * memory. */
static int
convert(const char *from, const char *in, size_t len, char **out,
        size_t *outlen, size_t *bad)
{
	iconv_t cd;
	size_t cap = 2 * len + 16, left = len, room = cap - 1, used;
	char *src = (char *)in, *buf, *dst, *more;

	*out = NULL;
	if (!(buf = malloc(cap)))
		return -2;
	if ((cd = iconv_open("UTF-8", from)) == (iconv_t)-1) {
		free(buf);
		return -2;
	}
	dst = buf;
	while (left && iconv(cd, &src, &left, &dst, &room) == (size_t)-1) {
		int e = errno;

		used = (size_t)(dst - buf);
		if (e != E2BIG || !(more = realloc(buf, 2 * cap))) {
			*bad = (size_t)(src - in);
			free(buf);
			iconv_close(cd);
			return e == E2BIG ? -2 : -1;
		}
		buf = more;
		cap *= 2;
		dst = buf + used;
		room = cap - used - 1;
	}
	iconv_close(cd);
	*dst = '\0';
	*out = buf;
	*outlen = (size_t)(dst - buf);
	return 0;
}

static int
line_at(const char *buf, size_t off)
{
	int line = 1;
	size_t i;

	for (i = 0; i < off; i++)
		if (buf[i] == '\n' && line < INT_MAX)
			line++;
	return line;
}

static int
bad_bytes(const char *name, const char *cs, const char *buf, size_t len,
          size_t off, nb_error_t *err)
{
	unsigned char c = off < len ? (unsigned char)buf[off] : 0;

	if (!cs)
		return nb_error_set(err, name, line_at(buf, off), 0,
		    "网页既不是 UTF-8 也不是 GBK/GB18030 编码（字节 0x%02X），"
		    "也没有声明编码：请用浏览器另存为 UTF-8 编码的网页", c);
	return nb_error_set(err, name, line_at(buf, off), 0,
	    "不是网页声明的 %s 编码（字节 0x%02X）：请用浏览器另存为 UTF-8 "
	    "编码的网页", cs, c);
}

/* The offset of the first byte of buf that is not UTF-8, or len. */
static size_t
utf8_end(const char *buf, size_t len)
{
	size_t i = 0, k;
	uint32_t cp;

	while (i < len) {
		if ((unsigned char)buf[i] < 0x80) {
			i++;
			continue;
		}
		k = nb_utf8_next(buf + i, len - i, &cp);
		if (k == 1 && cp == 0xFFFD)
			return i;
		i += k;
	}
	return len;
}

/* The page in UTF-8: a byte-order mark first, then what the page
 * declares, then the bytes themselves.  *text is buf itself when it is
 * UTF-8 already, else *owned (malloc'd). */
static int
to_utf8(const char *name, const char *buf, size_t len, const char **text,
        size_t *n, char **owned, nb_error_t *err)
{
	char declared[64];
	const char *cs;
	size_t bad = 0, skip = 0;
	int rc;

	*owned = NULL;
	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) {
		cs = "UTF-8";
		skip = 3;
	} else if (len >= 2 && !memcmp(buf, "\xFF\xFE", 2)) {
		cs = "UTF-16LE";
		skip = 2;
	} else if (len >= 2 && !memcmp(buf, "\xFE\xFF", 2)) {
		cs = "UTF-16BE";
		skip = 2;
	} else {
		declared_charset(buf, len, declared, sizeof declared);
		cs = iconv_name(declared);
	}
	if (!cs || !strcmp(cs, "UTF-8")) {
		if ((bad = utf8_end(buf + skip, len - skip)) == len - skip) {
			*text = buf + skip;
			*n = len - skip;
			return 0;
		}
		rc = cs ? -1 : convert("GB18030", buf, len, owned, n, &bad);
	} else {
		rc = convert(cs, buf + skip, len - skip, owned, n, &bad);
	}
	if (rc == -2)
		return nb_error_set(err, name, 0, 0, "内存不足");
	if (rc < 0)
		return bad_bytes(name, cs, buf, len, bad + skip, err);
	*text = *owned;
	return 0;
}

/* libxml2 drops the prefix of Word's <o:p> (its paragraph mark) and
 * makes a <p> of it, which would split the paragraph that holds it: a
 * prefixed name is kept whole instead ("o-p"), an element unknown to
 * HTML and so read as inline. */
static void
start_element(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	char whole[64];
	size_t i;

	if (!strchr((const char *)name, ':')) {
		xmlSAX2StartElement(ctx, name, atts);
		return;
	}
	for (i = 0; name[i] && i + 1 < sizeof whole; i++)
		whole[i] = name[i] == ':' ? '-' : (char)name[i];
	whole[i] = '\0';
	xmlSAX2StartElement(ctx, (const xmlChar *)whole, atts);
}

typedef struct {
	const char *name;
	nb_ix_kind_t kind;
} tag_t;

/* Sorted by name; any other element is inline. */
static const tag_t tags[] = {
	{ "address", NB_IX_BLOCK }, { "article", NB_IX_BLOCK },
	{ "aside", NB_IX_BLOCK }, { "blockquote", NB_IX_BLOCK },
	{ "body", NB_IX_BLOCK }, { "br", NB_IX_BREAK },
	{ "caption", NB_IX_BLOCK }, { "center", NB_IX_BLOCK },
	{ "dd", NB_IX_BLOCK }, { "div", NB_IX_BLOCK }, { "dl", NB_IX_BLOCK },
	{ "dt", NB_IX_BLOCK }, { "fieldset", NB_IX_BLOCK },
	{ "figcaption", NB_IX_BLOCK }, { "figure", NB_IX_BLOCK },
	{ "footer", NB_IX_BLOCK }, { "form", NB_IX_BLOCK },
	{ "h1", NB_IX_BLOCK }, { "h2", NB_IX_BLOCK }, { "h3", NB_IX_BLOCK },
	{ "h4", NB_IX_BLOCK }, { "h5", NB_IX_BLOCK }, { "h6", NB_IX_BLOCK },
	{ "head", NB_IX_DROP }, { "header", NB_IX_BLOCK },
	{ "hr", NB_IX_BLOCK }, { "iframe", NB_IX_DROP },
	{ "legend", NB_IX_BLOCK }, { "li", NB_IX_BLOCK },
	{ "main", NB_IX_BLOCK }, { "math", NB_IX_DROP },
	{ "nav", NB_IX_BLOCK }, { "noscript", NB_IX_DROP },
	{ "object", NB_IX_DROP }, { "ol", NB_IX_BLOCK },
	{ "p", NB_IX_BLOCK }, { "pre", NB_IX_BLOCK },
	{ "script", NB_IX_DROP }, { "section", NB_IX_BLOCK },
	{ "select", NB_IX_DROP }, { "style", NB_IX_DROP },
	{ "svg", NB_IX_DROP }, { "table", NB_IX_TABLE },
	{ "td", NB_IX_CELL }, { "template", NB_IX_DROP },
	{ "th", NB_IX_CELL }, { "title", NB_IX_DROP },
	{ "tr", NB_IX_ROW }, { "ul", NB_IX_BLOCK },
	{ "xml", NB_IX_DROP },  /* Word's data islands */
};

static int
tag_cmp(const void *key, const void *t)
{
	return strcmp(key, ((const tag_t *)t)->name);
}

/* A colspan as browsers read it: 1 when absent or nonsense, at most
 * 1000. */
static int
colspan(const xmlNode *el)
{
	xmlChar *v = xmlGetProp(el, (const xmlChar *)"colspan");
	long n = v ? strtol((const char *)v, NULL, 10) : 1;

	xmlFree(v);
	return n < 1 ? 1 : n > 1000 ? 1000 : (int)n;
}

static nb_ix_kind_t
html_kind(const xmlNode *el, int *span)
{
	const tag_t *t = bsearch(el->name, tags, sizeof tags / sizeof tags[0],
	                         sizeof tags[0], tag_cmp);

	if (!t)
		return NB_IX_INLINE;
	if (t->kind == NB_IX_CELL && span)
		*span = colspan(el);
	return t->kind;
}

static const xmlNode *
child(const xmlNode *parent, const char *name)
{
	const xmlNode *n;

	for (n = parent ? parent->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    !strcmp((const char *)n->name, name))
			return n;
	return NULL;
}

/* The tree of the page; NULL with err.  libxml2 stops reading at 256
 * open elements and says so only in its last error: the page is then
 * refused, not read in part. */
static xmlDocPtr
parse(const char *name, const char *utf8, size_t len, nb_error_t *err)
{
	htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
	const xmlError *e;
	xmlDocPtr d;

	if (!ctxt || len > INT_MAX) {
		htmlFreeParserCtxt(ctxt);
		nb_error_set(err, name, 0, 0, "内存不足");
		return NULL;
	}
	ctxt->sax->startElement = start_element;
	d = htmlCtxtReadMemory(ctxt, utf8, (int)len, NULL, "UTF-8",
	                       PARSE_OPTIONS);
	e = xmlCtxtGetLastError(ctxt);
	if (d && e && e->code == XML_ERR_INTERNAL_ERROR && e->message &&
	    strstr(e->message, "depth")) {
		nb_error_set(err, name, e->line, 0,
		    "标签嵌套太深（超过 %d 层）：不像是正常的网页",
		    NB_IXML_MAX_DEPTH);
		xmlFreeDoc(d);
		d = NULL;
	} else if (!d) {
		nb_error_set(err, name, 0, 0, "内存不足");
	}
	htmlFreeParserCtxt(ctxt);
	return d;
}

int
nb_read_html(const char *name, const char *buf, size_t len, nb_idoc_t *doc,
             nb_error_t *err)
{
	static const nb_ixml_rules_t rules = { html_kind, 1, 1 };
	const xmlNode *root;
	xmlDocPtr h;
	const char *text = NULL;
	char *owned;
	size_t n;
	int rc = 0;

	if (len > NB_HTML_MAX_BYTES)
		return nb_error_set(err, name, 0, 0,
		    "网页文件太大（%zu 字节，最多 %u 字节）", len, NB_HTML_MAX_BYTES);
	if (to_utf8(name, buf, len, &text, &n, &owned, err) < 0)
		return -1;
	h = parse(name, text, n, err);
	free(owned);
	if (!h)
		return -1;
	/* a page of nothing but blanks and comments has no root */
	if ((root = xmlDocGetRootElement(h))) {
		const xmlNode *title = child(child(root, "head"), "title");
		doc->title = title ? nb_ixml_text(doc, title) : NULL;
		rc = nb_ixml_walk(root, &rules, doc, name, err);
	}
	xmlFreeDoc(h);
	return rc;
}
