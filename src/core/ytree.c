#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "core/arena.h"
#include "core/file.h"
#include "core/text.h"
#include "core/textcheck.h"
#include "core/ytree.h"

/* Position of the byte at `off` as 1-based line and character column. */
static void
position(const char *buf, size_t off, int *line, int *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off; i++) {
		/* buf[off] may be past the input: look no further than off */
		if (buf[i] == '\n' ||
		    (buf[i] == '\r' && (i + 1 == off || buf[i + 1] != '\n'))) {
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
	uint32_t cp;
	size_t len = nb_utf8_next((const char *)s, n, &cp);

	return cp == 0xFFFD && len == 1 ? 0 : len;   /* a U+FFFD as such is 3 */
}

/* Files an operator may pick by mistake, recognised by their first bytes. */
static const char *
foreign_kind(const char *buf, size_t len)
{
	static const struct { const char *magic; size_t n; const char *what; } tab[] = {
		{ "PK\3\4", 4, "一个 ZIP 压缩文件（如 .docx、.xlsx、.wps 文档）" },
		{ "\xD0\xCF\x11\xE0", 4, "一个旧版 Word/Excel 文件（.doc、.xls）" },
		{ "%PDF-", 5, "一个 PDF 文件" },
		{ "\x89PNG", 4, "一张 PNG 图片" },
		{ "\xFF\xD8\xFF", 3, "一张 JPEG 图片" },
		{ "\x1F\x8B", 2, "一个 gzip 压缩文件" },
		{ "\x7F" "ELF", 4, "一个程序文件" },
	};
	size_t i;

	for (i = 0; i < sizeof tab / sizeof tab[0]; i++)
		if (len >= tab[i].n && !memcmp(buf, tab[i].magic, tab[i].n))
			return tab[i].what;
	return NULL;
}

/* Notepad's "Unicode" is UTF-16: recognised by its byte-order mark, or,
 * without one, by ASCII with every other byte NUL. */
static const char *
utf16_kind(const char *b, size_t len)
{
	if (len >= 4 && (!memcmp(b, "\xFF\xFE\0\0", 4) || !memcmp(b, "\0\0\xFE\xFF", 4)))
		return "UTF-32";
	if (len >= 2 && (!memcmp(b, "\xFF\xFE", 2) || !memcmp(b, "\xFE\xFF", 2)))
		return "UTF-16";
	if (len >= 4 && ((b[0] && !b[1] && b[2] && !b[3]) ||
	                 (!b[0] && b[1] && !b[2] && b[3])))
		return "UTF-16";
	return NULL;
}

/* The code point of the valid n-byte UTF-8 sequence at s. */
static uint32_t
code_point(const unsigned char *s, size_t n)
{
	uint32_t cp = n == 1 ? s[0] : s[0] & (0x3F >> (n - 1));
	size_t i;

	for (i = 1; i < n; i++)
		cp = (cp << 6) | (s[i] & 0x3F);
	return cp;
}

/* Whether the bytes at s look like a GBK/GB18030 character: the usual
 * reason for a Chinese text that is not UTF-8. */
static int
looks_gbk(const unsigned char *s, size_t n)
{
	return n >= 2 && s[0] >= 0x81 && s[0] <= 0xFE &&
	       s[1] >= 0x40 && s[1] <= 0xFE && s[1] != 0x7F;
}

/* The start of a valid multi-byte sequence cut off by the end of the file. */
static int
truncated_seq(const unsigned char *s, size_t n)
{
	size_t want = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : 2, i;

	if (s[0] < 0xC2 || s[0] > 0xF4 || n >= want)
		return 0;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return 1;
}

static int
bad_byte(const char *name, const char *buf, size_t i, size_t len,
         nb_error_t *err)
{
	const unsigned char *u = (const unsigned char *)buf + i;
	int line, col;

	position(buf, i, &line, &col);
	if (truncated_seq(u, len - i))
		return nb_error_set(err, name, line, col,
		    "文件在一个字符的中间结束：文件可能不完整");
	if (!buf[i])
		return nb_error_set(err, name, line, col,
		    "文件中有 NUL 字节：这不是文本文件（草稿应为 UTF-8 编码的文本）");
	if (looks_gbk(u, len - i))
		return nb_error_set(err, name, line, col,
		    "不是有效的 UTF-8 编码（字节 0x%02X）：文件可能是 GBK/GB18030 编码，"
		    "请用文本编辑器另存为 UTF-8 编码", u[0]);
	return nb_error_set(err, name, line, col,
	    "不是有效的 UTF-8 编码（字节 0x%02X）：草稿应为 UTF-8 编码的文本", u[0]);
}

/* A character no text may hold: a control character, a line break that
 * libyaml counts as a line and the operator's editor does not (so that
 * every position after it would be wrong), a noncharacter.  `where` says
 * how it was written. */
static int
refuse_char(const char *name, int line, int col, const nb_textcheck_t *bad,
            const char *where, nb_error_t *err)
{
	char what[64];

	return nb_error_set(err, name, line, col, "%s%s：草稿中不能有，请%s", where,
	                    nb_textcheck_what(bad, what, sizeof what),
	                    bad->fault == NB_CHAR_SEPARATOR ? "改为普通换行" : "删去");
}

/* n bytes (at most 8) at u as one number, the first byte lowest, so that
 * the lowest flagged byte of a word is the first in the file. */
static uint64_t
load_le(const unsigned char *u, size_t n)
{
	uint64_t w = 0;

	memcpy(&w, u, n);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap64(w) >> (64 - 8 * n);
#endif
	return w;
}

/* Whether the word w (load_le) starts with a three-byte character a
 * text may hold: its form (1110xxxx 10xxxxxx 10xxxxxx) told by one mask. */
static int
one_plain3(uint64_t w, const unsigned char *p)
{
	if ((w & 0xC0C0F0) != 0x8080E0)
		return 0;
	return (w & 0xFF) - 0xE3 <= 0xEC - 0xE3 ||     /* U+3000-U+CFFF */
	       ((w & 0xFF) != 0xE0 && nb_textcheck_plain3(p)); /* E0: overlong? */
}

/* The length of the character at u (n bytes left) if it is printable
 * ASCII, a line feed or a three-byte character a text may hold, else 0
 * (the last ones of the file are left to the full decoding). */
static size_t
plain_char(const unsigned char *u, size_t n)
{
	if (n && ((unsigned)(u[0] - 0x20) < 0x7F - 0x20 || u[0] == '\n'))
		return 1;
	return n >= 4 && one_plain3(load_le(u, 4), u) ? 3 : 0;
}

/* Sixteen bytes judged at once, with the vector extension of GCC and
 * Clang: an operation works on every byte, a comparison gives 0xFF
 * where it holds and 0 where not. */
typedef unsigned char bytes16_t __attribute__((vector_size(16)));

static bytes16_t
load16(const unsigned char *u)
{
	bytes16_t v;

	memcpy(&v, u, sizeof v);
	return v;
}

/* The bytes of v that lead a character every text may hold, whatever
 * its two continuation bytes: U+3000-U+CFFF (E3-EC), and the full-width
 * forms U+FF00-U+FF7F (EF BC, EF BD: a draft's commas, colons and
 * brackets), told by the bytes after them, in next. */
static bytes16_t
plain_leads(bytes16_t v, bytes16_t next)
{
	return (bytes16_t)(v - 0xE3 <= 0xEC - 0xE3) |
	       ((bytes16_t)(v == 0xEF) & (bytes16_t)((next & 0xFE) == 0xBC));
}

/* The bytes of a comparison's result v as bits, the first byte lowest. */
static unsigned
bits16(bytes16_t v)
{
#ifdef __SSE2__
	return (unsigned)_mm_movemask_epi8((__m128i)v);   /* one instruction */
#else
	unsigned bits = 0;
	int k;

	for (k = 0; k < 16; k++)
		bits |= (unsigned)(v[k] & 1) << k;
	return bits;
#endif
}

/* The end of the run from u + i of printable ASCII, line feeds and the
 * characters of plain_leads (most of a draft), sixteen bytes at a time:
 * each byte is one of those, a lead or a continuation, and a
 * continuation exactly where one of the two bytes before is a lead (of
 * the bytes before, E0 and above are leads: one that is not of this run
 * is refused at its own place).  The bytes before i are of the run or
 * whole characters, two of them at least: a lead among them would be of
 * a character cut at i.  The run ends where a character starts. */
static size_t
run16(const unsigned char *u, size_t i, size_t n)
{
	bytes16_t v, cont, text, lead_before, good;
	unsigned bad = 0;
	size_t end;

	for (; i + 17 <= n; i += 16) {          /* + 1: the byte after, for a lead */
		v = load16(u + i);
		cont = (bytes16_t)((v & 0xC0) == 0x80);
		text = (bytes16_t)(v - 0x20 < 0x7F - 0x20) | (bytes16_t)(v == '\n');
		lead_before = (bytes16_t)((load16(u + i - 1) & 0xE0) == 0xE0) |
		              (bytes16_t)((load16(u + i - 2) & 0xE0) == 0xE0);
		good = (text | plain_leads(v, load16(u + i + 1)) | cont) &
		       ~(cont ^ lead_before);
		if ((bad = ~bits16(good) & 0xFFFF))
			break;
	}
	end = i + (bad ? (size_t)__builtin_ctz(bad) : 0);
	/* back to the start of a character the first bad byte (or the last
	 * sixteen) cut: in the run, a byte from E0 up is a lead */
	if (u[end - 1] >= 0xE0)
		return end - 1;
	return u[end - 2] >= 0xE0 ? end - 2 : end;
}

/* Where the processor has AVX2, run16's test of thirty-two bytes is one
 * instruction as of sixteen: it goes first, over the most of a run,
 * leaving the end for run16 to find. */
#if defined(__x86_64__) && defined(__GNUC__) && \
    (defined(__clang__) ? __clang_major__ >= 6 : __GNUC__ >= 5)
#define HAVE_RUN32 1
#include <immintrin.h>

typedef unsigned char bytes32_t __attribute__((vector_size(32)));
/* (read through a pointer: AVX vectors are not passed to nor returned
 * from a function built without AVX) */
typedef unsigned char bytes32_at_t
    __attribute__((vector_size(32), aligned(1), may_alias));
#define LOAD32(u) (*(const bytes32_at_t *)(const void *)(u))

/* The start of the first thirty-two bytes from u + i that are not all of
 * the run (run16's test, with plain_leads' leads), or of the last ones
 * before n. */
__attribute__((target("avx2")))
static size_t
run32_avx2(const unsigned char *u, size_t i, size_t n)
{
	bytes32_t v, cont, text, leads, lead_before, good;

	for (; i + 33 <= n; i += 32) {          /* + 1: the byte after, for a lead */
		v = LOAD32(u + i);
		cont = (bytes32_t)((v & 0xC0) == 0x80);
		text = (bytes32_t)(v - 0x20 < 0x7F - 0x20) | (bytes32_t)(v == '\n');
		leads = (bytes32_t)(v - 0xE3 <= 0xEC - 0xE3) |
		        ((bytes32_t)(v == 0xEF) &
		         (bytes32_t)((LOAD32(u + i + 1) & 0xFE) == 0xBC));
		lead_before = (bytes32_t)((LOAD32(u + i - 1) & 0xE0) == 0xE0) |
		              (bytes32_t)((LOAD32(u + i - 2) & 0xE0) == 0xE0);
		good = (text | leads | cont) & ~(cont ^ lead_before);
		if ((uint32_t)_mm256_movemask_epi8((__m256i)good) != UINT32_MAX)
			break;
	}
	return i;
}
#endif

static size_t
run32(const unsigned char *u, size_t i, size_t n)
{
#ifdef HAVE_RUN32
	if (__builtin_cpu_supports("avx2"))
		return run32_avx2(u, i, n);
#endif
	return i;
}

/* Most of a draft is printable ASCII, line ends, Chinese and its
 * punctuation (three bytes each, nb_textcheck_plain3), which every text may hold: the
 * end of such a run from u + i, told at a glance, the rest being left
 * to the full decoding. */
static size_t
plain_run(const unsigned char *u, size_t i, size_t n)
{
	size_t step;

	for (;;) {
		if (i >= 2)
			i = run16(u, run32(u, i, n), n);
		if (!(step = plain_char(u + i, n - i)))
			return i;
		i += step;
	}
}

/* libyaml accepts UTF-16 and reports encoding faults and control
 * characters in English, at the start of the file; checking first gives
 * the operator the exact place in their own words.  *has_cr tells
 * whether the file has a CR (one of the characters the quick pass
 * leaves to the full decoding). */
static int
check_text(const char *name, const char *buf, size_t len, int *has_cr,
           nb_error_t *err)
{
	const char *kind;
	size_t i = 0, n;
	nb_textcheck_t bad;
	int line, col;

	*has_cr = 0;
	if ((kind = foreign_kind(buf, len)))
		return nb_error_set(err, name, 1, 1,
		    "这是%s，不是草稿：草稿应为 UTF-8 编码的 YAML 文本", kind);
	if ((kind = utf16_kind(buf, len)))
		return nb_error_set(err, name, 1, 1,
		    "文件是 %s 编码的：草稿应为 UTF-8 编码，请用文本编辑器另存为 UTF-8", kind);
	while ((i = plain_run((const unsigned char *)buf, i, len)) < len) {
		*has_cr |= buf[i] == '\r';
		n = buf[i] ? utf8_seq((const unsigned char *)buf + i, len - i) : 0;
		if (!n)
			return bad_byte(name, buf, i, len, err);
		bad.off = i;
		bad.cp = code_point((const unsigned char *)buf + i, n);
		bad.fault = nb_textcheck_char(bad.cp, NB_TEXTCHECK_PARAGRAPH);
		if (bad.fault != NB_CHAR_OK) {
			position(buf, i, &line, &col);
			return refuse_char(name, line, col, &bad, "文件中有", err);
		}
		i += n;
	}
	return 0;
}

void
nb_ytree_free(nb_ynode_t *node)
{
	nb_arena_t mem;
	size_t i;

	if (!node)
		return;
	if (node->in_arena) {
		/* the root holds the memory of the tree, its own included */
		mem = node->arena;
		nb_arena_free(&mem);
		return;
	}
	for (i = 0; i < node->n; i++)
		nb_ytree_free(node->kids[i]);
	free(node->kids);
	free(node);
}

typedef struct {
	const char *name;
	const char *buf;        /* the input, to tell a mark at its very end */
	size_t len;
	nb_arena_t mem;         /* the tree's nodes and their kids */
	size_t chunk;           /* the size of the chunks of mem taken */
	char *room_end;         /* the end of the chunk in use, */
	size_t room_left;       /* of which this is left (one number to keep) */
	nb_ynode_t **kids;      /* the kids of the collections being read, */
	size_t nkids, capkids;  /* innermost last, until each is complete */
	yaml_parser_t parser;
	nb_error_t *err;
	size_t seen_line, seen_off; /* a line start found last (0-based line) */
	int has_cr;             /* a line may end in a lone CR */
} reader_t;

static int
fail_at(reader_t *r, yaml_mark_t mark, const char *what)
{
	return nb_error_set(r->err, r->name, (int)mark.line + 1,
	                    (int)mark.column + 1, "%s", what);
}

#define DIRECTIVE "以 % 开头的行是 YAML 指令，草稿中不需要（文字以 % 开头时请加引号）"
#define TAG "“!”开头的写法是类型标签，草稿中不能使用（以 ! 开头的文字请加引号）"

/* Translates the libyaml problems an operator may cause. */
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
		{ "found unknown escape character",
		  "双引号中的反斜杠 \\ 后面不是有效的转义（要写反斜杠本身请写 \\\\，或改用单引号）" },
		{ "found incompatible YAML document", "不支持的 YAML 版本（%YAML 指令只能是 1.1）" },
		{ "did not find expected node content", "此处缺少值" },
		{ "could not find expected ':'", "这一行缺少冒号，或冒号后缺少空格（应为“键: 值”）" },
		{ "did not find expected whitespace or line break", TAG },
		{ "found a tab character that violates indentation",
		  "缩进中有制表符（Tab）：缩进只能用空格" },
		{ "found a tab character where an indentation space is expected",
		  "缩进中有制表符（Tab）：缩进只能用空格" },
		{ "did not find expected comment or line break", "此处多出了内容（值的后面只能是注释或换行）" },
		{ "found unexpected ':'", "此处不能出现冒号（含冒号的文字请加引号）" },
		{ "could not find expected directive name", DIRECTIVE },
		{ "found unknown directive name", DIRECTIVE },
		{ "did not find expected version number", DIRECTIVE },
		{ "did not find expected digit or '.' character", DIRECTIVE },
		{ "found extremely long version number", DIRECTIVE },
		{ "found duplicate %YAML directive", DIRECTIVE },
		{ "found duplicate %TAG directive", DIRECTIVE },
		{ "incompatible %YAML directive", DIRECTIVE },
		{ "did not find expected whitespace", DIRECTIVE },
		{ "found unexpected document indicator",
		  "此处不能出现文档分隔符 --- 或 ...（文字中含有时请加引号）" },
		{ "found invalid Unicode character escape code", "双引号中的 \\u 或 \\x 转义写法不对" },
		{ "did not find expected hexdecimal number", "双引号中的 \\u 或 \\x 转义写法不对" },
		{ "found an indentation indicator equal to 0", "“|”后面的缩进数字不能是 0" },
		{ "mapping keys are not allowed in this context", "此处不能出现键（缩进不对？）" },
		{ "did not find expected '-' indicator", "缩进不对齐：此处应为列表项“- ”" },
		{ "did not find expected alphabetic or numeric character",
		  "& 或 * 后面应有名字；草稿中不能使用锚点和别名（文字以 & 或 * 开头时请加引号）" },
		{ "did not find expected tag URI", TAG },
		{ "did not find URI escaped octet", TAG },
		{ "did not find expected '!'", TAG },
		{ "did not find the expected '>'", TAG },
	};
	size_t i;

	for (i = 0; problem && i < sizeof tab / sizeof tab[0]; i++)
		if (!strcmp(problem, tab[i].en))
			return tab[i].zh;
	return NULL;
}

/* Whether a libyaml mark is the end of the input (its index counts
 * characters, not bytes, so compare line and column; at the end of a last
 * line without a line break libyaml moves to the start of the next). */
static int
at_end(const reader_t *r, yaml_mark_t *at)
{
	int line, col;

	position(r->buf, r->len, &line, &col);
	if (!((col > 1 && (int)at->line == line && at->column == 0) ||
	      ((int)at->line + 1 == line && (int)at->column + 1 == col)))
		return 0;
	at->line = (size_t)line - 1;    /* the real end, for the message */
	at->column = (size_t)col - 1;
	return 1;
}

static int
parse_error(reader_t *r)
{
	const yaml_parser_t *p = &r->parser;
	const char *zh = explain(p->problem);
	yaml_mark_t at = p->problem_mark;
	char msg[512];

	if (p->error == YAML_MEMORY_ERROR)
		return nb_error_set(r->err, r->name, 0, 0, "内存不足");
	/* A missing ':' is found only on the next line: point at the key. */
	if (p->problem && !strcmp(p->problem, "could not find expected ':'"))
		at = p->context_mark;
	if (at_end(r, &at))
		snprintf(msg, sizeof msg, "YAML 语法错误：文件意外结束（文件不完整，"
		         "或引号、括号未闭合）");
	else if (zh)
		snprintf(msg, sizeof msg, "YAML 语法错误：%s", zh);
	else
		snprintf(msg, sizeof msg, "YAML 语法错误：%s%s%s%s",
		         p->problem ? p->problem : "无法解析",
		         p->context ? "（" : "", p->context ? p->context : "",
		         p->context ? "）" : "");
	return fail_at(r, at, msg);
}

static int
next_event(reader_t *r, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&r->parser, ev))
		return parse_error(r);
	return 0;
}

/* A node and its scalar's text (len bytes, for a scalar) in one block of
 * malloc'd memory, for a copy. */
static nb_ynode_t *
alloc_node(nb_ytype_t type, int line, int col, size_t len)
{
	nb_ynode_t *n = malloc(sizeof *n + (type == NB_Y_SCALAR ? len + 1 : 0));

	if (!n)
		return NULL;
	memset(n, 0, sizeof *n);
	n->type = type;
	n->line = line;
	n->col = col;
	if (type == NB_Y_SCALAR) {
		n->str = (char *)(n + 1);
		n->len = len;
	}
	return n;
}

/* The tree's memory: nodes and kids are carved from chunks of its arena,
 * a call to the arena per chunk instead of one per node, and not zeroed
 * (every field of a node is set when it is made).  Something larger than
 * a fraction of a chunk has its own piece of the arena. */
#define CHUNK_MIN 8192
#define CHUNK_MAX (1024 * 1024)

/* A chunk for the whole tree of most drafts of len bytes: their trees
 * take some six bytes a byte of YAML. */
static size_t
chunk_for(size_t len)
{
	return len < CHUNK_MIN / 8 ? CHUNK_MIN : len > CHUNK_MAX / 8 ? CHUNK_MAX : 8 * len;
}

/* size bytes (a multiple of a node's alignment) from the chunk in use. */
static void *
carve(reader_t *r, size_t size)
{
	void *p = r->room_end - r->room_left;

	r->room_left -= size;
	return p;
}

/* take's way when the chunk in use is too small. */
static void *
take_more(reader_t *r, size_t size)
{
	if (size > r->chunk / 4)
		return nb_arena_alloc_uninit(&r->mem, size);
	if (!(r->room_end = nb_arena_alloc_uninit(&r->mem, r->chunk)))
		return NULL;
	r->room_end += r->chunk;
	r->room_left = r->chunk;
	return carve(r, size);
}

static inline void *
take(reader_t *r, size_t size)
{
	size = (size + _Alignof(nb_ynode_t) - 1) & ~(_Alignof(nb_ynode_t) - 1);
	return size <= r->room_left ? carve(r, size) : take_more(r, size);
}

/* A node of the tree being read, in its arena: a few large blocks instead
 * of a malloc'd block per node, all freed at once.  A scalar's style and
 * place in the file (plain, text_line...) are for place_text to set. */
static inline nb_ynode_t *
new_node(reader_t *r, nb_ytype_t type, yaml_mark_t mark, size_t len)
{
	nb_ynode_t *n = take(r, sizeof *n + (type == NB_Y_SCALAR ? len + 1 : 0));

	if (!n) {
		nb_error_set(r->err, r->name, 0, 0, "内存不足");
		return NULL;
	}
	n->type = type;
	n->line = (int)mark.line + 1;        /* libyaml counts from 0 */
	n->col = (int)mark.column + 1;
	n->str = type == NB_Y_SCALAR ? (char *)(n + 1) : NULL;
	n->len = type == NB_Y_SCALAR ? len : 0;
	if (type != NB_Y_SCALAR) {      /* a scalar's are place_text's */
		n->plain = 0;
		n->text_line = n->text_col = n->text_lines = 0;
	}
	n->flow = 0;
	n->kids = NULL;
	n->n = 0;
	n->in_arena = 1;
	n->arena = (nb_arena_t){ NULL };
	return n;
}

/* Adds a kid to the collection being read: the reader's kids are those
 * of the collections open, innermost last. */
static int
add_kid(reader_t *r, nb_ynode_t *kid)
{
	nb_ynode_t **k;

	if (r->nkids == r->capkids) {
		if (!(k = realloc(r->kids, 2 * r->capkids * sizeof *k)))
			return nb_error_set(r->err, r->name, 0, 0, "内存不足");
		r->kids = k;
		r->capkids *= 2;
	}
	r->kids[r->nkids++] = kid;
	return 0;
}

/* A collection complete: its n->n kids, the reader's last, move from the
 * reader into the arena. */
static int
keep_kids(reader_t *r, nb_ynode_t *n)
{
	nb_ynode_t **k = NULL;

	if (n->n && !(k = take(r, n->n * sizeof *k)))
		return nb_error_set(r->err, r->name, 0, 0, "内存不足");
	if (n->n)
		memcpy(k, r->kids + r->nkids - n->n, n->n * sizeof *k);
	r->nkids -= n->n;
	n->kids = k;
	return 0;
}

static int refuse_extras(reader_t *r, const yaml_event_t *ev);

/* The byte offset of the character libyaml's mark counts to. */
static size_t
mark_offset(const reader_t *r, yaml_mark_t mark)
{
	size_t off = 0, chars = 0, n;

	while (off < r->len && chars < mark.index) {
		n = utf8_seq((const unsigned char *)r->buf + off, r->len - off);
		off += n ? n : 1;
		chars++;
	}
	return off;
}

/* The character the escape after a backslash stands for (a line break
 * escaped is none: 'a' then), and the escape's length after the '\'. */
static uint32_t
escaped_char(const char *s, size_t n, size_t *len)
{
	static const char from[] = "0abtvnfreN_LP";
	static const uint32_t to[] = { 0, 7, 8, 9, 11, 10, 12, 13, 0x1B, 0x85,
	                               0xA0, 0x2028, 0x2029 };
	const char *hit = n ? strchr(from, s[0]) : NULL;
	size_t digits = !n ? 0 : s[0] == 'x' ? 2 : s[0] == 'u' ? 4 : s[0] == 'U' ? 8 : 0;
	uint32_t cp = 0;
	size_t i;

	*len = 1;
	if (hit && s[0])
		return to[hit - from];
	if (!digits || digits >= n)
		return 'a';
	for (i = 1; i <= digits; i++)
		cp = cp << 4 | (uint32_t)(s[i] <= '9' ? s[i] - '0' : (s[i] | 0x20) - 'a' + 10);
	*len = digits + 1;
	return cp;
}

/* A double-quoted scalar whose escapes give a character no text may hold
 * ("\0" would even cut the text short): refused at the escape, with the
 * words used for the same character written as it is. */
static int
check_escapes(reader_t *r, const yaml_event_t *ev, const nb_ynode_t *n)
{
	nb_textcheck_t bad;
	size_t off, end, len;
	int line, col;

	if (ev->data.scalar.style != YAML_DOUBLE_QUOTED_SCALAR_STYLE ||
	    nb_textcheck(n->str, n->len, NB_TEXTCHECK_PARAGRAPH, &bad) == 0)
		return 0;
	off = mark_offset(r, ev->start_mark) + 1;   /* after the quote */
	end = mark_offset(r, ev->end_mark);
	for (; off < end; off++) {
		if (r->buf[off] != '\\')
			continue;
		bad.cp = escaped_char(r->buf + off + 1, end - off - 1, &len);
		bad.fault = nb_textcheck_char(bad.cp, NB_TEXTCHECK_PARAGRAPH);
		if (bad.fault != NB_CHAR_OK)
			break;
		off += len;
	}
	position(r->buf, off < end ? off : mark_offset(r, ev->start_mark), &line, &col);
	return refuse_char(r->name, line, col, &bad, "双引号中的转义写出了", r->err);
}

/* The byte offset where 0-based line `line` starts (len when past the
 * end).  Scalars come in file order, so the search goes on from the line
 * found last and reading a file stays linear. */
static size_t
line_start(reader_t *r, size_t line)
{
	size_t off = r->seen_off, at = r->seen_line;
	const char *nl;

	if (line < at)
		off = at = 0;
	while (!r->has_cr && at < line && off < r->len &&
	       (nl = memchr(r->buf + off, '\n', r->len - off))) {
		off = (size_t)(nl - r->buf) + 1;    /* most files: line by line */
		at++;
	}
	while (at < line && off < r->len) {
		if (r->buf[off] == '\n' ||
		    (r->buf[off] == '\r' && (off + 1 >= r->len || r->buf[off + 1] != '\n')))
			at++;
		off++;
	}
	r->seen_line = at;
	r->seen_off = off;
	return off;
}

/* A literal block: its lines are the file's from the line after the
 * indicator, each indented alike; the indentation is what the first line
 * with text has in the file beyond what it keeps in the value. */
static void
place_literal(reader_t *r, const yaml_event_t *ev, nb_ynode_t *n)
{
	const char *s = n->str;
	size_t k = 0, off, in_file = 0, in_value;

	while (*s == '\n')
		s++, k++;
	if (!*s)
		return;
	for (in_value = 0; s[in_value] == ' '; in_value++)
		;
	off = line_start(r, ev->start_mark.line + 1 + k);
	while (off + in_file < r->len && r->buf[off + in_file] == ' ')
		in_file++;
	if (in_file < in_value)
		return;
	n->text_line = (int)(ev->start_mark.line + 2);
	n->text_col = (int)(in_file - in_value) + 1;
	n->text_lines = 1;
}

/* What a scalar's style tells: whether it is plain, and where its
 * characters stand. */
static void
place_text(reader_t *r, const yaml_event_t *ev, nb_ynode_t *n)
{
	int one_line = ev->start_mark.line == ev->end_mark.line;
	yaml_scalar_style_t style = ev->data.scalar.style;

	n->plain = style == YAML_PLAIN_SCALAR_STYLE;
	n->text_line = n->line;
	n->text_col = n->col;
	n->text_lines = 0;
	if (n->plain)                           /* most of all */
		n->text_lines = one_line;
	else if (style == YAML_LITERAL_SCALAR_STYLE)
		place_literal(r, ev, n);
	else if (style != YAML_FOLDED_SCALAR_STYLE) {   /* quoted */
		n->text_col += one_line;        /* after the quote */
		n->text_lines = one_line;
	}
}

/* len bytes of s to d, and a NUL.  Most of a draft's scalars are a
 * number of one digit: copied by hand, quicker than with a call. */
static void
copy_text(char *d, const char *s, size_t len)
{
	if (len == 1)
		d[0] = s[0];
	else
		memcpy(d, s, len);
	d[len] = '\0';
}

/* A scalar event's node, its text copied and placed. */
static nb_ynode_t *
scalar_node(reader_t *r, const yaml_event_t *ev)
{
	nb_ynode_t *n = new_node(r, NB_Y_SCALAR, ev->start_mark,
	                         ev->data.scalar.length);

	if (!n)
		return NULL;
	copy_text(n->str, (const char *)ev->data.scalar.value, n->len);
	place_text(r, ev, n);
	return n;
}

/* The keys of one mapping, hashed once there are more than SMALL_MAP of
 * them: a file of many keys must not cost quadratic time, and a few are
 * compared quicker than hashed.  Slots hold a key's index in the
 * mapping's kids plus 1. */
#define SMALL_MAP 16

typedef struct {
	size_t *slot;
	size_t cap;             /* a power of two, or 0 */
} keyset_t;

static size_t
key_hash(const nb_ynode_t *k)
{
	size_t h = 2166136261u, i;

	for (i = 0; i < k->len; i++)
		h = (h ^ (unsigned char)k->str[i]) * 16777619u;
	return h;
}

/* The slot where key is, or the empty one where it would go. */
static size_t *
key_slot(const keyset_t *ks, const nb_ynode_t *map, const nb_ynode_t *key)
{
	size_t i = key_hash(key) & (ks->cap - 1);
	const nb_ynode_t *k;

	for (;; i = (i + 1) & (ks->cap - 1)) {
		if (!ks->slot[i])
			return &ks->slot[i];
		k = map->kids[ks->slot[i] - 1];
		if (k->len == key->len && !memcmp(k->str, key->str, key->len))
			return &ks->slot[i];
	}
}

/* Room for one more key of map (whose keys are all in ks) at half load. */
static int
keyset_grow(keyset_t *ks, const nb_ynode_t *map)
{
	keyset_t big;
	size_t i;

	if (2 * (map->n / 2 + 1) <= ks->cap)
		return 0;
	for (big.cap = ks->cap ? 2 * ks->cap : 2 * SMALL_MAP;
	     big.cap < 2 * (map->n / 2 + 1); big.cap *= 2)
		;
	if (!(big.slot = calloc(big.cap, sizeof *big.slot)))
		return -1;
	for (i = 0; i < map->n; i += 2)
		*key_slot(&big, map, map->kids[i]) = i + 1;
	free(ks->slot);
	*ks = big;
	return 0;
}

/* The key of map that is the same as key, or NULL. */
static const nb_ynode_t *
same_key(reader_t *r, keyset_t *ks, const nb_ynode_t *map,
         const nb_ynode_t *key, size_t **slot)
{
	const nb_ynode_t *k;
	size_t i;

	*slot = NULL;
	if (map->n < 2 * SMALL_MAP) {
		for (i = 0; i < map->n; i += 2) {
			k = map->kids[i];
			if (k->len == key->len && !memcmp(k->str, key->str, key->len))
				return k;
		}
		return NULL;
	}
	if (keyset_grow(ks, map) < 0) {
		nb_error_set(r->err, r->name, 0, 0, "内存不足");
		return NULL;
	}
	*slot = key_slot(ks, map, key);
	return **slot ? map->kids[**slot - 1] : NULL;
}

/* Records key, about to be added to map; refuses a repeated or complex one. */
static int
check_key(reader_t *r, keyset_t *ks, const nb_ynode_t *map,
          const nb_ynode_t *key)
{
	const nb_ynode_t *k;
	size_t *slot;

	if (key->type != NB_Y_SCALAR)
		return nb_error_set(r->err, r->name, key->line, key->col,
		    "键必须是简单的文字（不能是列表或映射）");
	if ((k = same_key(r, ks, map, key, &slot)))
		return nb_error_set(r->err, r->name, key->line, key->col,
		    "键“%.200s”重复（第 %d 行已出现）", key->str, k->line);
	if (map->n >= 2 * SMALL_MAP && !slot)
		return -1;              /* out of memory, said */
	if (slot)
		*slot = map->n + 1;
	return 0;
}

/* A collection being read: its kids so far are the reader's from first on. */
typedef struct {
	nb_ynode_t *node;
	size_t first;
	size_t next_key;        /* where a mapping's next key will be in the
	                         * reader's kids (a sequence's: nowhere) */
	keyset_t keys;          /* a mapping's, once it has many */
} open_t;

/* Why the node an event starts is refused: an alias, an anchor or a
 * tag, too deep (depth counts the node itself), one too many (nodes
 * counts it too), or no node at all.  The reader's quick test of the
 * same is its own: this says which it is, in this order. */
static int
refuse_node(reader_t *r, const yaml_event_t *ev, size_t depth, size_t nodes)
{
	if (refuse_extras(r, ev) < 0)
		return -1;
	if (depth > NB_YTREE_MAX_DEPTH)
		return nb_error_set(r->err, r->name, (int)ev->start_mark.line + 1,
		    (int)ev->start_mark.column + 1, "嵌套层次太深（最多 %d 层）",
		    NB_YTREE_MAX_DEPTH);
	if (nodes > NB_YTREE_MAX_NODES)
		return nb_error_set(r->err, r->name, (int)ev->start_mark.line + 1,
		    (int)ev->start_mark.column + 1, "文件中的值太多（最多 %d 个）",
		    NB_YTREE_MAX_NODES);
	return fail_at(r, ev->start_mark, "YAML 结构不完整");
}

/* Whether the start of a collection has an anchor or a tag. */
static int
has_extras(const yaml_event_t *ev)
{
	if (ev->type == YAML_SEQUENCE_START_EVENT)
		return ev->data.sequence_start.anchor || ev->data.sequence_start.tag;
	return ev->data.mapping_start.anchor || ev->data.mapping_start.tag;
}

/* A collection's start event's node, without its kids. */
static nb_ynode_t *
collection_node(reader_t *r, const yaml_event_t *ev)
{
	nb_ynode_t *n;

	if (ev->type == YAML_SEQUENCE_START_EVENT) {
		if ((n = new_node(r, NB_Y_SEQ, ev->start_mark, 0)))
			n->flow = ev->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
	} else {
		if ((n = new_node(r, NB_Y_MAP, ev->start_mark, 0)))
			n->flow = ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
	}
	return n;
}

/* A complete node added to the collection it is in (a key checked). */
static int
add_to(reader_t *r, open_t *o, nb_ynode_t *kid)
{
	nb_ynode_t *map = o->node;

	if (r->nkids == o->next_key) {
		map->kids = r->kids + o->first;     /* as they are now */
		map->n = r->nkids - o->first;
		if (check_key(r, &o->keys, map, kid) < 0)
			return -1;
		o->next_key += 2;
	}
	return add_kid(r, kid);
}

/* A collection whose end event came: complete. */
static int
close_open(reader_t *r, open_t *o, nb_ynode_t **out)
{
	if (o->keys.slot)
		free(o->keys.slot);
	o->node->n = r->nkids - o->first;
	*out = o->node;
	return keep_kids(r, o->node);
}

/* Reads the value that starts with the event *ev and all it holds,
 * freeing each event once read.  The collections open are kept in a
 * stack of their own: a node is a turn of one loop, not a call.  An event
 * read is freed by hand: a scalar without anchor or tag holds only its
 * value, malloc'd as all of libyaml's strings are (its yaml_free is
 * free), and the others read hold nothing, which spares
 * yaml_event_delete's three calls and clearing of the event. */
static int
read_value(reader_t *r, yaml_event_t *ev, nb_ynode_t **out)
{
	open_t open[NB_YTREE_MAX_DEPTH];
	open_t *end = open;             /* after the innermost collection open */
	size_t nodes = 0;               /* read, against NB_YTREE_MAX_NODES */
	nb_ynode_t *n;                  /* the node an event completes */

	for (;;) {
		/* an if of the likeliest first: quicker than a switch's table */
		if (ev->type == YAML_SCALAR_EVENT) {    /* most of all */
			if (ev->data.scalar.anchor || ev->data.scalar.tag ||
			    end == open + NB_YTREE_MAX_DEPTH ||
			    ++nodes > NB_YTREE_MAX_NODES)
				goto refused;
			n = scalar_node(r, ev);
			free(ev->data.scalar.value);
			if (!n || check_escapes(r, ev, n) < 0)
				goto fail;
		} else if (ev->type == YAML_SEQUENCE_START_EVENT ||
		           ev->type == YAML_MAPPING_START_EVENT) {
			if (end == open + NB_YTREE_MAX_DEPTH ||
			    ++nodes > NB_YTREE_MAX_NODES || has_extras(ev))
				goto refused;
			if (!(n = collection_node(r, ev)))
				goto fail;
			*end++ = (open_t){ n, r->nkids,
			    n->type == NB_Y_MAP ? r->nkids : SIZE_MAX, { NULL, 0 } };
			goto next;
		} else if ((ev->type == YAML_SEQUENCE_END_EVENT ||  /* libyaml's are nested */
		            ev->type == YAML_MAPPING_END_EVENT) && end > open) {
			if (close_open(r, --end, &n) < 0)
				goto fail;
		} else {
			goto refused;
		}
		if (end == open) {
			*out = n;
			return 0;
		}
		if (add_to(r, end - 1, n) < 0)
			goto fail;
next:
		if (next_event(r, ev) < 0)
			goto fail;
	}
refused:
	refuse_node(r, ev, (size_t)(end - open) + 1, nodes);
	yaml_event_delete(ev);
fail:
	while (end > open)
		free((--end)->keys.slot);
	return -1;
}

/* Anchors, aliases and tags: never needed in a draft, and an alias can
 * multiply a small file into a huge tree (or even a cycle). */
static int
refuse_extras(reader_t *r, const yaml_event_t *ev)
{
	const yaml_char_t *anchor = NULL, *tag = NULL;

	if (ev->type == YAML_SCALAR_EVENT) {            /* most of all */
		anchor = ev->data.scalar.anchor;
		tag = ev->data.scalar.tag;
	} else if (ev->type == YAML_ALIAS_EVENT) {
		return fail_at(r, ev->start_mark, "不允许使用别名（*引用）");
	} else if (ev->type == YAML_SEQUENCE_START_EVENT) {
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
	} else if (ev->type == YAML_MAPPING_START_EVENT) {
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
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
		*out = new_node(r, NB_Y_MAP, ev.start_mark, 0);
		return *out ? 0 : -1;
	}
	yaml_event_delete(&ev);                       /* document start */
	if (next_event(r, &ev) < 0)
		return -1;
	rc = read_value(r, &ev, &root);
	if (rc < 0)
		return -1;
	if (next_event(r, &ev) < 0)                   /* document end */
		return -1;
	yaml_event_delete(&ev);
	if (next_event(r, &ev) < 0)
		return -1;
	if (ev.type != YAML_STREAM_END_EVENT) {
		fail_at(r, ev.start_mark, "一个文件只能有一个 YAML 文档");
		yaml_event_delete(&ev);
		return -1;
	}
	yaml_event_delete(&ev);
	*out = root;
	return 0;
}

int
nb_ytree_parse(const char *name, const char *buf, size_t len,
               nb_ynode_t **out, nb_error_t *err)
{
	reader_t r;
	int has_cr, rc;

	*out = NULL;
	if (len > NB_YTREE_MAX_BYTES)
		return nb_error_set(err, name, 0, 0,
		    "文件太大（%zu 字节，最多 %u 字节）", len, NB_YTREE_MAX_BYTES);
	/* Notepad's UTF-8 starts with a byte-order mark.  libyaml, told the
	 * encoding, reads it as a character that indents the first line by
	 * one column (and then refuses the second line as a second
	 * document): the text starts after it, and so do positions. */
	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) {
		buf += 3;
		len -= 3;
	}
	if (check_text(name, buf, len, &has_cr, err) < 0)
		return -1;
	memset(&r, 0, sizeof r);
	r.name = name;
	r.buf = buf;
	r.len = len;
	r.has_cr = has_cr;
	r.err = err;
	r.chunk = chunk_for(len);
	nb_arena_init(&r.mem);
	r.capkids = 256;
	if (!(r.kids = malloc(r.capkids * sizeof *r.kids)))
		return nb_error_set(err, name, 0, 0, "内存不足");
	if (!yaml_parser_initialize(&r.parser)) {
		free(r.kids);
		return nb_error_set(err, name, 0, 0, "内存不足");
	}
	yaml_parser_set_input_string(&r.parser, (const unsigned char *)buf, len);
	yaml_parser_set_encoding(&r.parser, YAML_UTF8_ENCODING);
	rc = read_document(&r, out);
	yaml_parser_delete(&r.parser);
	free(r.kids);
	if (rc < 0) {
		*out = NULL;
		nb_arena_free(&r.mem);
	} else {
		(*out)->arena = r.mem;   /* the root holds the tree */
	}
	return rc;
}

int
nb_ytree_load(const char *path, nb_ynode_t **out, nb_error_t *err)
{
	char *buf;
	size_t len;
	int rc;

	*out = NULL;
	if (nb_file_read(path, NB_YTREE_MAX_BYTES, &buf, &len, err) < 0)
		return -1;
	rc = nb_ytree_parse(path, buf, len, out, err);
	free(buf);
	return rc;
}

nb_ynode_t *
nb_ytree_copy(const nb_ynode_t *node)
{
	nb_ynode_t *c;

	if (!node || !(c = alloc_node(node->type, node->line, node->col, node->len)))
		return NULL;
	c->plain = node->plain;
	c->flow = node->flow;
	c->text_line = node->text_line;
	c->text_col = node->text_col;
	c->text_lines = node->text_lines;
	if (c->str)
		memcpy(c->str, node->str, node->len + 1);
	if (node->n && !(c->kids = calloc(node->n, sizeof *c->kids)))
		goto fail;
	for (; c->n < node->n; c->n++)
		if (node->kids[c->n] && !(c->kids[c->n] = nb_ytree_copy(node->kids[c->n])))
			goto fail;
	return c;
fail:
	nb_ytree_free(c);
	return NULL;
}

nb_ynode_t *
nb_ynode_new(nb_ytype_t type, const char *str)
{
	size_t len = type == NB_Y_SCALAR && str ? strlen(str) : 0;
	nb_ynode_t *n = alloc_node(type, 0, 0, len);

	if (n && type == NB_Y_SCALAR) {
		memcpy(n->str, str ? str : "", len + 1);
		n->plain = 1;
	}
	return n;
}

int
nb_ynode_add(nb_ynode_t *parent, nb_ynode_t *kid)
{
	nb_ynode_t **k;

	if (!kid || parent->in_arena ||
	    !(k = realloc(parent->kids, (parent->n + 1) * sizeof *k))) {
		nb_ytree_free(kid);
		return -1;
	}
	parent->kids = k;
	parent->kids[parent->n++] = kid;
	return 0;
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

	if (!n || n->type != NB_Y_SCALAR || !n->plain || n->len > 4 ||
	    (n->len && n->str[0] != '~' && n->str[0] != 'n' && n->str[0] != 'N'))
		return 0;
	for (i = 0; i < sizeof nulls / sizeof nulls[0]; i++)
		if (!strcmp(n->str, nulls[i]))
			return 1;
	return 0;
}
