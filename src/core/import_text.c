/* Reading a report given as plain text (import.h): what a browser or a
 * word processor gives when the report is copied or saved as text.
 *
 * Each line of the file is a line of the document.  A table converted to
 * text comes as cells separated by tabs (a Word table saved as text puts
 * a tab before each cell, often one cell a line), as Markdown pipe rows,
 * or as columns separated by runs of blanks; those lines are split into
 * cells.  UTF-8 (with or without a byte-order mark) or, when the bytes
 * are not UTF-8, GB18030, which contains GBK and GB2312. */

#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "core/import.h"
#include "core/text.h"

#define MAX_CELLS 64

static int
valid_utf8(const char *s, size_t n)
{
	size_t i = 0, k;
	uint32_t cp;

	while (i < n) {
		k = nb_utf8_next(s + i, n - i, &cp);
		if (cp == 0xFFFD && k == 1)
			return 0;
		i += k;
	}
	return 1;
}

/* GB18030 bytes as UTF-8 (malloc'd), or NULL with err. */
static char *
from_gb18030(const char *name, const char *buf, size_t len, nb_error_t *err)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	size_t cap = len * 2 + 16, in = len, out = cap;
	char *res = malloc(cap + 1), *ip = (char *)buf, *op = res;

	if (cd == (iconv_t)-1 || !res) {
		free(res);
		if (cd != (iconv_t)-1)
			iconv_close(cd);
		nb_error_set(err, name, 0, 0, "无法转换文字编码");
		return NULL;
	}
	if (iconv(cd, &ip, &in, &op, &out) == (size_t)-1) {
		nb_error_set(err, name, 0, 0, "不是 UTF-8 也不是 GBK/GB18030 编码的文字（第 %zu 个字节起无法识别）",
		             (size_t)(ip - buf) + 1);
		free(res);
		res = NULL;
	} else {
		*op = '\0';
	}
	iconv_close(cd);
	return res;
}

/* Splits s (modified) at each separator sep; empty cells kept when keep. */
static size_t
split(char *s, const char *sep, char **cells, int keep)
{
	size_t n = 0, k = strlen(sep);
	char *p = s, *q;

	while (n < MAX_CELLS) {
		q = strstr(p, sep);
		if (q)
			*q = '\0';
		if (keep || *p)
			cells[n++] = p;
		if (!q)
			break;
		p = q + k;
	}
	return n;
}

static int
all_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r')
			return 0;
	return 1;
}

/* Runs of two or more blanks (ASCII or U+3000) as one tab, so that a row
 * laid out in columns splits like a tabbed one. */
static void
blank_runs_to_tabs(char *s)
{
	char *o = s, *p = s;
	int run;

	while (*p) {
		run = 0;
		while (*p == ' ' || !strncmp(p, "\xE3\x80\x80", 3))
			p += *p == ' ' ? 1 : 3, run++;
		if (run >= 2)
			*o++ = '\t';
		else if (run == 1)
			*o++ = ' ';
		if (*p)
			*o++ = *p++;
	}
	*o = '\0';
}

/* A line without tabs: a row laid out in columns when runs of blanks cut
 * it in two or more cells, else a paragraph. */
static int
columns_or_paragraph(nb_idoc_t *doc, char *s, int line)
{
	char *cells[MAX_CELLS], *t = strdup(s), *p;
	size_t n, end;
	int rc;

	if (!t)
		return -1;
	p = t + strspn(t, " ");
	for (end = strlen(p); end && (p[end - 1] == ' ' || p[end - 1] == '\r'); end--)
		p[end - 1] = '\0';
	blank_runs_to_tabs(p);
	n = split(p, "\t", cells, 0);
	rc = n >= 2 ? nb_idoc_add(doc, (const char *const *)cells, NULL, n, 1, line)
	            : nb_idoc_add(doc, (const char *const *)&s, NULL, 1, 0, line);
	free(t);
	return rc;
}

/* A rule of a table drawn with characters: "+-----+----+", "|===|". */
static int
box_rule(const char *s)
{
	int mark = 0;

	for (; *s; s++) {
		if (*s == '-' || *s == '=' || *s == '+')
			mark = 1;
		else if (*s != '|' && *s != ':' && *s != ' ' && *s != '\r')
			return 0;
	}
	return mark;
}

/* Markdown's escapes undone: "\\&" is "&". */
static void
unescape_md(char *s)
{
	char *o = s;

	for (; *s; s++) {
		if (*s == '\\' && s[1] && strchr("\\`*_{}[]()#+-.!|&<>~", s[1]))
			s++;
		*o++ = *s;
	}
	*o = '\0';
}

/* A Markdown heading's text: "## 一、总体情况" is "一、总体情况". */
static char *
unmarked(char *s)
{
	size_t n = strspn(s, "#");

	return n && n <= 6 && s[n] == ' ' ? s + n + 1 : s;
}

static int
add_line(nb_idoc_t *doc, char *s, int line)
{
	char *cells[MAX_CELLS];
	size_t n;
	int tabbed, piped;

	if (all_blank(s))
		return nb_idoc_add(doc, NULL, NULL, 0, 0, line);
	if (box_rule(s))
		return 0;
	s = unmarked(s);
	tabbed = strchr(s, '\t') != NULL;
	piped = s[strspn(s, " ")] == '|';
	if (piped) {
		char *p = s + strspn(s, " ") + 1, *end = p + strlen(p);
		while (end > p && (end[-1] == ' ' || end[-1] == '\r'))
			end--;
		if (end > p && end[-1] == '|')
			end[-1] = '\0';
		n = split(p, "|", cells, 1);
		return nb_idoc_add(doc, (const char *const *)cells, NULL, n, 1, line);
	}
	if (strstr(s, " | ")) {
		n = split(s, " | ", cells, 1);
		return nb_idoc_add(doc, (const char *const *)cells, NULL, n, 1, line);
	}
	if (!tabbed)
		return columns_or_paragraph(doc, s, line);
	n = split(s, "\t", cells, 0);
	return nb_idoc_add(doc, (const char *const *)cells, NULL, n, 1, line);
}

int
nb_read_text(const char *name, const char *buf, size_t len, nb_idoc_t *doc,
             nb_error_t *err)
{
	size_t nlen = strlen(name);
	int line = 1, rc = 0, markdown = nlen > 3 && !strcmp(name + nlen - 3, ".md");
	char *text, *p, *nl;

	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		buf += 3, len -= 3;
	if (memchr(buf, '\0', len))
		return nb_error_set(err, name, 0, 0, "这不是文字文件（其中有 NUL 字节）");
	if (valid_utf8(buf, len)) {
		if (!(text = malloc(len + 1)))
			return nb_error_set(err, name, 0, 0, "内存不足");
		memcpy(text, buf, len);
		text[len] = '\0';
	} else if (!(text = from_gb18030(name, buf, len, err))) {
		return -1;
	}
	for (p = text; p && *p && rc == 0; p = nl ? nl + 1 : NULL, line++) {
		if ((nl = strchr(p, '\n')))
			*nl = '\0';
		if (nl > p && nl[-1] == '\r')
			nl[-1] = '\0';
		if (markdown)
			unescape_md(p);
		rc = add_line(doc, p, line);
	}
	free(text);
	return rc < 0 ? nb_error_set(err, name, 0, 0, "内存不足") : 0;
}
