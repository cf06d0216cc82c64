#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "ytree.h"

/* Position of the byte at `off` as 1-based line and character column. */
static void
position(const char *buf, size_t off, int *line, int *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off; i++) {
		if (buf[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), 0 if invalid. */
static size_t
utf8_seq(const unsigned char *s, size_t n)
{
	size_t len, i;
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		len = 2, cp = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		len = 3, cp = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		len = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	return len;
}

/* libyaml accepts UTF-16 and reports encoding faults in English; checking
 * first gives the operator the exact place in their own words. */
static int
check_text(const char *name, const char *buf, size_t len, nb_error_t *err)
{
	size_t i = 0, n;
	int line, col;

	while (i < len) {
		if (buf[i] == '\0') {
			position(buf, i, &line, &col);
			return nb_error_set(err, name, line, col,
			    "文件中有 NUL 字节：草稿应为 UTF-8 文本文件");
		}
		n = utf8_seq((const unsigned char *)buf + i, len - i);
		if (!n) {
			position(buf, i, &line, &col);
			return nb_error_set(err, name, line, col,
			    "不是有效的 UTF-8 编码（字节 0x%02X）：草稿应为 UTF-8 文本文件",
			    (unsigned char)buf[i]);
		}
		i += n;
	}
	return 0;
}

void
nb_ytree_free(nb_ynode_t *node)
{
	size_t i;

	if (!node)
		return;
	for (i = 0; i < node->n; i++)
		nb_ytree_free(node->kids[i]);
	free(node->kids);
	free(node->str);
	free(node);
}

typedef struct {
	const char *name;
	yaml_parser_t parser;
	nb_error_t *err;
} reader_t;

static int
fail_at(reader_t *r, yaml_mark_t mark, const char *what)
{
	return nb_error_set(r->err, r->name, (int)mark.line + 1,
	                    (int)mark.column + 1, "%s", what);
}

/* Translates the few libyaml problems an operator is likely to cause. */
static const char *
explain(const char *problem)
{
	static const struct { const char *en, *zh; } tab[] = {
		{ "mapping values are not allowed in this context",
		  "此处不能出现“键: 值”（冒号后是否少了空格或多了缩进？）" },
		{ "did not find expected key", "缩进不对齐，找不到应有的键" },
		{ "did not find expected ',' or ']'", "方括号 [ ] 未闭合或缺少逗号" },
		{ "did not find expected ',' or '}'", "花括号 { } 未闭合或缺少逗号" },
		{ "found unexpected end of stream", "文件意外结束（引号或括号未闭合？）" },
		{ "found character that cannot start any token", "此处的字符不能开始一个 YAML 值（制表符缩进？）" },
		{ "did not find expected <document start>", "一个文件只能有一个 YAML 文档" },
		{ "block sequence entries are not allowed in this context", "此处不能出现列表项“- ”" },
		{ "found undefined tag handle", "未定义的标签" },
	};
	size_t i;

	for (i = 0; problem && i < sizeof tab / sizeof tab[0]; i++)
		if (!strcmp(problem, tab[i].en))
			return tab[i].zh;
	return NULL;
}

static int
parse_error(reader_t *r)
{
	const yaml_parser_t *p = &r->parser;
	const char *zh = explain(p->problem);
	char msg[512];

	if (p->error == YAML_MEMORY_ERROR)
		return nb_error_set(r->err, r->name, 0, 0, "内存不足");
	if (zh)
		snprintf(msg, sizeof msg, "YAML 语法错误：%s", zh);
	else
		snprintf(msg, sizeof msg, "YAML 语法错误：%s%s%s%s",
		         p->problem ? p->problem : "无法解析",
		         p->context ? "（" : "", p->context ? p->context : "",
		         p->context ? "）" : "");
	return fail_at(r, p->problem_mark, msg);
}

static int
next_event(reader_t *r, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&r->parser, ev))
		return parse_error(r);
	return 0;
}

static nb_ynode_t *
new_node(reader_t *r, nb_ytype_t type, yaml_mark_t mark)
{
	nb_ynode_t *n = calloc(1, sizeof *n);

	if (!n) {
		nb_error_set(r->err, r->name, 0, 0, "内存不足");
		return NULL;
	}
	n->type = type;
	n->line = (int)mark.line + 1;        /* libyaml counts from 0 */
	n->col = (int)mark.column + 1;
	return n;
}

static int
add_kid(reader_t *r, nb_ynode_t *parent, nb_ynode_t *kid)
{
	nb_ynode_t **k = realloc(parent->kids, (parent->n + 1) * sizeof *k);

	if (!k) {
		nb_ytree_free(kid);
		return nb_error_set(r->err, r->name, 0, 0, "内存不足");
	}
	parent->kids = k;
	parent->kids[parent->n++] = kid;
	return 0;
}

static int refuse_extras(reader_t *r, const yaml_event_t *ev);
static int read_node(reader_t *r, yaml_event_t *ev, int depth,
                     nb_ynode_t **out);

static int
read_scalar(reader_t *r, yaml_event_t *ev, nb_ynode_t **out)
{
	nb_ynode_t *n = new_node(r, NB_Y_SCALAR, ev->start_mark);

	if (!n)
		return -1;
	n->len = ev->data.scalar.length;
	n->str = malloc(n->len + 1);
	if (!n->str) {
		nb_ytree_free(n);
		return nb_error_set(r->err, r->name, 0, 0, "内存不足");
	}
	memcpy(n->str, ev->data.scalar.value, n->len);
	n->str[n->len] = '\0';
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	*out = n;
	return 0;
}

static int
duplicate_key(reader_t *r, const nb_ynode_t *map, const nb_ynode_t *key)
{
	size_t i;
	char msg[300];

	if (key->type != NB_Y_SCALAR) {
		nb_error_set(r->err, r->name, key->line, key->col,
		             "键必须是简单的文字");
		return 1;
	}
	for (i = 0; i + 1 < map->n; i += 2) {
		const nb_ynode_t *k = map->kids[i];
		if (k->type == NB_Y_SCALAR && k->len == key->len &&
		    !memcmp(k->str, key->str, key->len)) {
			snprintf(msg, sizeof msg, "键“%.200s”重复（第 %d 行已出现）",
			         key->str, k->line);
			nb_error_set(r->err, r->name, key->line, key->col, "%s", msg);
			return 1;
		}
	}
	return 0;
}

/* Reads the children of a collection up to its end event. */
static int
read_children(reader_t *r, nb_ynode_t *n, yaml_event_type_t end, int depth)
{
	yaml_event_t ev;
	nb_ynode_t *kid;
	int rc;

	for (;;) {
		if (next_event(r, &ev) < 0)
			return -1;
		if (ev.type == end) {
			yaml_event_delete(&ev);
			return 0;
		}
		rc = read_node(r, &ev, depth + 1, &kid);
		yaml_event_delete(&ev);
		if (rc < 0)
			return -1;
		if (n->type == NB_Y_MAP && n->n % 2 == 0 && duplicate_key(r, n, kid)) {
			nb_ytree_free(kid);
			return -1;
		}
		if (add_kid(r, n, kid) < 0)
			return -1;
	}
}

static int
read_node(reader_t *r, yaml_event_t *ev, int depth, nb_ynode_t **out)
{
	nb_ynode_t *n;

	if (refuse_extras(r, ev) < 0)
		return -1;
	if (depth > NB_YTREE_MAX_DEPTH)
		return fail_at(r, ev->start_mark, "嵌套层次太深");
	if (ev->type == YAML_SCALAR_EVENT)
		return read_scalar(r, ev, out);
	if (ev->type == YAML_SEQUENCE_START_EVENT) {
		n = new_node(r, NB_Y_SEQ, ev->start_mark);
		if (n)
			n->flow = ev->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
	} else if (ev->type == YAML_MAPPING_START_EVENT) {
		n = new_node(r, NB_Y_MAP, ev->start_mark);
		if (n)
			n->flow = ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
	} else {
		return fail_at(r, ev->start_mark, "YAML 结构不完整");
	}
	if (!n)
		return -1;
	if (read_children(r, n, n->type == NB_Y_SEQ ? YAML_SEQUENCE_END_EVENT
	                                            : YAML_MAPPING_END_EVENT,
	                  depth) < 0) {
		nb_ytree_free(n);
		return -1;
	}
	*out = n;
	return 0;
}

/* Anchors, aliases and tags: never needed in a draft, and an alias can
 * multiply a small file into a huge tree (or even a cycle). */
static int
refuse_extras(reader_t *r, const yaml_event_t *ev)
{
	const yaml_char_t *anchor = NULL, *tag = NULL;

	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		return fail_at(r, ev->start_mark, "不允许使用别名（*引用）");
	case YAML_SCALAR_EVENT:
		anchor = ev->data.scalar.anchor;
		tag = ev->data.scalar.tag;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
		break;
	default:
		break;
	}
	if (anchor)
		return fail_at(r, ev->start_mark, "不允许使用锚点（&标记）");
	if (tag)
		return fail_at(r, ev->start_mark, "不允许使用类型标签（!标记）");
	return 0;
}

/* Expects the event sequence STREAM-START DOCUMENT-START node DOCUMENT-END
 * STREAM-END, or an empty stream. */
static int
read_document(reader_t *r, nb_ynode_t **out)
{
	yaml_event_t ev;
	nb_ynode_t *root = NULL;
	int rc;

	if (next_event(r, &ev) < 0)
		return -1;
	yaml_event_delete(&ev);                       /* stream start */
	if (next_event(r, &ev) < 0)
		return -1;
	if (ev.type == YAML_STREAM_END_EVENT) {
		yaml_event_delete(&ev);
		*out = new_node(r, NB_Y_MAP, ev.start_mark);
		return *out ? 0 : -1;
	}
	yaml_event_delete(&ev);                       /* document start */
	if (next_event(r, &ev) < 0)
		return -1;
	rc = read_node(r, &ev, 1, &root);
	yaml_event_delete(&ev);
	if (rc < 0)
		return -1;
	if (next_event(r, &ev) < 0)                   /* document end */
		goto fail;
	yaml_event_delete(&ev);
	if (next_event(r, &ev) < 0)
		goto fail;
	if (ev.type != YAML_STREAM_END_EVENT) {
		fail_at(r, ev.start_mark, "一个文件只能有一个 YAML 文档");
		yaml_event_delete(&ev);
		goto fail;
	}
	yaml_event_delete(&ev);
	*out = root;
	return 0;
fail:
	nb_ytree_free(root);
	return -1;
}

int
nb_ytree_parse(const char *name, const char *buf, size_t len,
               nb_ynode_t **out, nb_error_t *err)
{
	reader_t r;
	int rc;

	*out = NULL;
	if (len > NB_YTREE_MAX_BYTES)
		return nb_error_set(err, name, 0, 0,
		    "文件太大（%zu 字节，最多 %u 字节）", len, NB_YTREE_MAX_BYTES);
	if (check_text(name, buf, len, err) < 0)
		return -1;
	r.name = name;
	r.err = err;
	if (!yaml_parser_initialize(&r.parser))
		return nb_error_set(err, name, 0, 0, "内存不足");
	yaml_parser_set_input_string(&r.parser, (const unsigned char *)buf, len);
	yaml_parser_set_encoding(&r.parser, YAML_UTF8_ENCODING);
	rc = read_document(&r, out);
	yaml_parser_delete(&r.parser);
	return rc;
}

int
nb_read_file(const char *path, size_t max, char **out, size_t *len,
             nb_error_t *err)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	*out = NULL;
	if (!f)
		return nb_error_set(err, path, 0, 0, "无法打开：%s", strerror(errno));
	buf = malloc(max + 2);
	if (!buf) {
		fclose(f);
		return nb_error_set(err, path, 0, 0, "内存不足");
	}
	n = fread(buf, 1, max + 1, f);
	if (ferror(f)) {
		int e = errno;
		fclose(f);
		free(buf);
		return nb_error_set(err, path, 0, 0, "读取失败：%s", strerror(e));
	}
	fclose(f);
	if (n > max) {
		free(buf);
		return nb_error_set(err, path, 0, 0,
		    "文件太大（超过 %zu 字节）", max);
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

int
nb_ytree_load(const char *path, nb_ynode_t **out, nb_error_t *err)
{
	char *buf;
	size_t len;
	int rc;

	*out = NULL;
	if (nb_read_file(path, NB_YTREE_MAX_BYTES, &buf, &len, err) < 0)
		return -1;
	rc = nb_ytree_parse(path, buf, len, out, err);
	free(buf);
	return rc;
}

nb_ynode_t *
nb_ymap_get(const nb_ynode_t *map, const char *key)
{
	size_t i;

	if (!map || map->type != NB_Y_MAP)
		return NULL;
	for (i = 0; i + 1 < map->n; i += 2)
		if (map->kids[i]->type == NB_Y_SCALAR && !strcmp(map->kids[i]->str, key))
			return map->kids[i + 1];
	return NULL;
}

int
nb_yscalar_is_null(const nb_ynode_t *n)
{
	static const char *const nulls[] = { "", "~", "null", "Null", "NULL" };
	size_t i;

	if (!n || n->type != NB_Y_SCALAR || !n->plain)
		return 0;
	for (i = 0; i < sizeof nulls / sizeof nulls[0]; i++)
		if (!strcmp(n->str, nulls[i]))
			return 1;
	return 0;
}
