#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/ytree.h"

static nb_ynode_t *
parse_ok(const char *text)
{
	nb_ynode_t *root = NULL;
	nb_error_t err = { 0 };

	if (nb_ytree_parse("t.yaml", text, strlen(text), &root, &err) < 0)
		fail_msg("unexpected error: %d:%d %s", err.line, err.col, err.msg);
	return root;
}

static nb_error_t
parse_bad(const char *text, size_t len)
{
	nb_ynode_t *root = NULL;
	nb_error_t err = { 0 };

	assert_int_equal(nb_ytree_parse("t.yaml", text, len, &root, &err), -1);
	assert_null(root);
	assert_string_equal(err.file, "t.yaml");
	return err;
}

static void
reads_nested_document_with_positions(void **state)
{
	nb_ynode_t *root = parse_ok("a: 1\nb:\n  c: [1, ~, 3]\n  名称: \"中文\"\n");
	const nb_ynode_t *b, *c;
	(void)state;

	assert_int_equal(root->type, NB_Y_MAP);
	b = nb_ymap_get(root, "b");
	assert_non_null(b);
	c = nb_ymap_get(b, "c");
	assert_int_equal(c->type, NB_Y_SEQ);
	assert_true(c->flow);
	assert_int_equal(c->n, 3);
	assert_int_equal(c->kids[1]->line, 3);
	assert_int_equal(c->kids[1]->col, 10);
	assert_true(nb_yscalar_is_null(c->kids[1]));
	assert_false(nb_yscalar_is_null(c->kids[0]));
	assert_string_equal(nb_ymap_get(b, "名称")->str, "中文");
	assert_false(nb_ymap_get(b, "名称")->plain);
	/* columns count characters, not bytes */
	nb_ytree_free(root);
	root = parse_ok("名称: [x, y]\n");
	assert_int_equal(nb_ymap_get(root, "名称")->kids[1]->col, 9);
	nb_ytree_free(root);
}

static void
empty_document_is_an_empty_mapping(void **state)
{
	nb_ynode_t *root = parse_ok("");
	(void)state;
	assert_int_equal(root->type, NB_Y_MAP);
	assert_int_equal(root->n, 0);
	nb_ytree_free(root);
}

static void
refuses_anchors_aliases_and_tags(void **state)
{
	nb_error_t e;
	(void)state;
	e = parse_bad("a: &x 1\nb: 2\n", 12);
	assert_int_equal(e.line, 1);
	assert_int_equal(e.col, 4);
	assert_non_null(strstr(e.msg, "锚点"));
	e = parse_bad("a: 1\nb: *x\n", 11);
	assert_non_null(strstr(e.msg, "别名"));
	e = parse_bad("a: !!str 1\n", 11);
	assert_non_null(strstr(e.msg, "标签"));
	e = parse_bad("a: &x [1]\n", 10);
	assert_int_equal(e.col, 4);
	assert_non_null(strstr(e.msg, "锚点"));
	e = parse_bad("a: !t {b: 1}\n", 13);
	assert_non_null(strstr(e.msg, "标签"));
	e = parse_bad("a: !t &x\n  - 1\n", 15);
	assert_non_null(strstr(e.msg, "锚点"));
}

static void
refuses_duplicate_keys(void **state)
{
	const char *t = "a: 1\nb: 2\na: 3\n";
	nb_error_t e = parse_bad(t, strlen(t));
	(void)state;
	assert_int_equal(e.line, 3);
	assert_int_equal(e.col, 1);
	assert_non_null(strstr(e.msg, "重复"));
}

/* Past 16 keys a mapping's keys are hashed: a repeat is still found, at
 * its place, and every key before it is still there. */
static void
refuses_duplicate_keys_in_a_large_mapping(void **state)
{
	char t[4096];
	size_t o = 0;
	nb_ynode_t *root;
	nb_error_t e;
	int i;
	(void)state;

	for (i = 0; i < 40; i++)
		o += (size_t)snprintf(t + o, sizeof t - o, "k%d: %d\n", i, i);
	root = parse_ok(t);
	assert_int_equal(root->n, 80);
	assert_string_equal(nb_ymap_get(root, "k39")->str, "39");
	assert_string_equal(nb_ymap_get(root, "k0")->str, "0");
	nb_ytree_free(root);
	snprintf(t + o, sizeof t - o, "k17: x\n");
	e = parse_bad(t, strlen(t));
	assert_int_equal(e.line, 41);
	assert_non_null(strstr(e.msg, "“k17”重复（第 18 行已出现）"));
}

/* Collections inside collections, many of them: every one keeps its own
 * kids in order; a copy outlives the tree it was made from. */
static void
nested_collections_keep_their_kids(void **state)
{
	char t[8192];
	size_t o = 0;
	nb_ynode_t *root, *copy;
	const nb_ynode_t *row;
	int i;
	(void)state;

	for (i = 0; i < 60; i++)
		o += (size_t)snprintf(t + o, sizeof t - o,
		                      "r%d: {a: [%d, %d], b: {c: [x, [y, z]]}}\n", i, i, i + 1);
	root = parse_ok(t);
	assert_int_equal(root->n, 120);
	row = nb_ymap_get(root, "r42");
	assert_int_equal(row->n, 4);
	assert_string_equal(nb_ymap_get(row, "a")->kids[1]->str, "43");
	assert_string_equal(nb_ymap_get(nb_ymap_get(row, "b"), "c")->kids[1]->kids[1]->str, "z");
	copy = nb_ytree_copy(row);
	nb_ytree_free(root);
	assert_string_equal(nb_ymap_get(copy, "a")->kids[0]->str, "42");
	assert_int_equal(nb_ymap_get(copy, "a")->kids[0]->line, 43);
	nb_ytree_free(copy);
}

static void
refuses_deep_nesting(void **state)
{
	char *t = malloc(20001);
	nb_error_t e;
	(void)state;
	memset(t, '[', 20000);
	t[20000] = '\0';
	e = parse_bad(t, 20000);
	assert_non_null(strstr(e.msg, "嵌套"));
	free(t);
}

/* NB_YTREE_MAX_DEPTH values may nest, the innermost a scalar or an empty
 * collection: one more is refused, where it starts. */
static void
nests_up_to_the_limit(void **state)
{
	static const char *const inner[] = { "1", "[]", "{}" };
	char t[128];
	nb_ynode_t *root;
	nb_error_t e;
	size_t i, d, o;
	(void)state;

	for (i = 0; i < 3; i++)
		for (d = NB_YTREE_MAX_DEPTH - 1; d <= NB_YTREE_MAX_DEPTH; d++) {
			memset(t, '[', d);
			o = d + (size_t)snprintf(t + d, sizeof t - d, "%s", inner[i]);
			memset(t + o, ']', d);
			t[o + d] = '\0';
			if (d < NB_YTREE_MAX_DEPTH) {
				root = parse_ok(t);
				nb_ytree_free(root);
				continue;
			}
			e = parse_bad(t, o + d);
			assert_non_null(strstr(e.msg, "嵌套"));
			assert_int_equal(e.col, (int)d + 1);
		}
}

/* NB_YTREE_MAX_NODES values are read, the root and collections among
 * them; the one after is refused, a scalar or a collection. */
static void
reads_up_to_the_node_limit(void **state)
{
	size_t cap = 8 * NB_YTREE_MAX_NODES, o, i;
	char *t = malloc(cap);
	nb_ynode_t *root;
	nb_error_t e;
	(void)state;

	/* the root, then one less than the limit of kids */
	o = (size_t)snprintf(t, cap, "[");
	for (i = 0; i + 1 < NB_YTREE_MAX_NODES; i++)
		o += (size_t)snprintf(t + o, cap - o, "%s", i ? ",0" : "0");
	snprintf(t + o, cap - o, "]");
	root = parse_ok(t);
	assert_int_equal(root->n, NB_YTREE_MAX_NODES - 1);
	nb_ytree_free(root);
	t[o] = '\0';
	snprintf(t + o, cap - o, ",0]");
	e = parse_bad(t, o + 3);
	assert_non_null(strstr(e.msg, "太多"));
	assert_int_equal(e.col, (int)o + 2);
	snprintf(t + o, cap - o, ",[]]");
	e = parse_bad(t, o + 4);
	assert_non_null(strstr(e.msg, "太多"));
	free(t);
}

/* Scalars of no bytes, at the very end of the input, and the longest the
 * input may hold, read whole. */
static void
reads_scalars_of_any_length(void **state)
{
	size_t n = NB_YTREE_MAX_BYTES, i;
	char *t = malloc(n + 1);
	nb_ynode_t *root;
	(void)state;

	root = parse_ok("a:\nb: ''\nc: \"\"\nd: |\ne: x");
	assert_int_equal(root->n, 10);
	for (i = 1; i < 8; i += 2) {
		assert_int_equal(root->kids[i]->len, 0);
		assert_string_equal(root->kids[i]->str, "");
	}
	assert_string_equal(root->kids[9]->str, "x");
	assert_int_equal(root->kids[9]->line, 5);
	assert_int_equal(root->kids[9]->col, 4);
	nb_ytree_free(root);
	root = parse_ok("x");
	assert_string_equal(root->str, "x");
	nb_ytree_free(root);

	memcpy(t, "k: ", 3);
	memset(t + 3, 'a', n - 3);
	t[n] = '\0';
	root = parse_ok(t);
	assert_int_equal(root->kids[1]->len, n - 3);
	assert_int_equal(root->kids[1]->str[n - 4], 'a');
	assert_int_equal(root->kids[1]->str[n - 3], '\0');
	nb_ytree_free(root);
	free(t);
}

static void
refuses_bad_bytes(void **state)
{
	nb_error_t e;
	(void)state;
	e = parse_bad("a: \xff\n", 5);
	assert_int_equal(e.line, 1);
	assert_int_equal(e.col, 4);
	assert_non_null(strstr(e.msg, "UTF-8"));
	e = parse_bad("a: 1\nb: x\0y\n", 12);
	assert_int_equal(e.line, 2);
	assert_non_null(strstr(e.msg, "NUL"));
	/* an overlong encoding and a lone surrogate are not UTF-8 either */
	e = parse_bad("a: \xc0\xaf\n", 6);
	assert_non_null(strstr(e.msg, "UTF-8"));
	e = parse_bad("a: \xed\xa0\x80\n", 7);
	assert_non_null(strstr(e.msg, "UTF-8"));
}

static void
refuses_syntax_errors_with_position(void **state)
{
	const char *t = "a: [1, 2\nb: 3\n";
	nb_error_t e = parse_bad(t, strlen(t));
	(void)state;
	assert_true(e.line >= 1);
	assert_non_null(strstr(e.msg, "YAML"));
	t = "a: 1\n---\nb: 2\n";
	e = parse_bad(t, strlen(t));
	assert_non_null(strstr(e.msg, "一个文件只能有一个"));
}

static void
refuses_huge_input(void **state)
{
	size_t n = NB_YTREE_MAX_BYTES + 1;
	char *t = malloc(n);
	nb_error_t e;
	(void)state;
	memset(t, 'a', n);
	e = parse_bad(t, n);
	assert_non_null(strstr(e.msg, "太大"));
	free(t);
}

/* Notepad's UTF-8 starts with a byte-order mark: a document of several
 * lines reads as without it, at the same lines and columns. */
static void
skips_a_byte_order_mark(void **state)
{
	nb_ynode_t *root = parse_ok("\xEF\xBB\xBF名称: 中文\nb: [1, 2]\n");
	nb_error_t e;
	(void)state;

	assert_int_equal(root->n, 4);
	assert_int_equal(root->kids[0]->line, 1);
	assert_int_equal(root->kids[0]->col, 1);
	assert_int_equal(root->kids[1]->col, 5);
	assert_int_equal(nb_ymap_get(root, "b")->kids[1]->col, 8);
	nb_ytree_free(root);
	e = parse_bad("\xEF\xBB\xBF名称: x: y\n", 16);
	assert_int_equal(e.line, 1);
	assert_int_equal(e.col, 6);
	e = parse_bad("\xEF\xBB\xBF" "a: 1\nb: \x01\n", 13);
	assert_int_equal(e.line, 2);
	assert_int_equal(e.col, 4);
}

/* The characters of a UTF-8 text. */
static size_t
chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* The quick pass over runs of ASCII and Chinese reads sixteen bytes at a
 * time: a refused character (or a byte out of place) is found at its
 * column wherever it falls among them, after any kind of run. */
static void
refuses_bad_bytes_anywhere_in_a_run(void **state)
{
	static const char *const bad[] = {
		"\x7F", "\x01", "\x1B", "\x80", "\xC0\x80", "\xE0\x80\x80",
		"\xE2\x80\xA8", "\xED\xA0\x80", "\xEF\xBF\xBE", "\xEF\xB7\x90",
		"\xE3\x80", "\xE4\xB8\x41", "\xE4", "\xEF\xBC", "\xEF\xBD\x41",
		"\xEF\xBF\xBF", "\xEF\xB7\xAF", "\xE2\x80\xA9",
	};
	static const char *const run[] = { "a", "中", "，", "a中", "中\n ", "｛", "：a" };
	char t[256];
	size_t b, r, k, o;
	nb_error_t e;
	(void)state;

	for (b = 0; b < sizeof bad / sizeof bad[0]; b++)
		for (r = 0; r < sizeof run / sizeof run[0]; r++)
			for (k = 0; k < 40; k++) {
				o = (size_t)snprintf(t, sizeof t, "k: ");
				while (o < 3 + k * strlen(run[r]))
					o += (size_t)snprintf(t + o, sizeof t - o, "%s", run[r]);
				o += (size_t)snprintf(t + o, sizeof t - o, "%s中文中文中文 1234567\n",
				                      bad[b]);
				e = parse_bad(t, o);
				if (strchr(run[r], '\n')) {
					assert_int_equal(e.line, 1 + (int)k);
					assert_int_equal(e.col, k ? 2 : 4);
				} else {
					assert_int_equal(e.line, 1);
					assert_int_equal(e.col, 4 + (int)(k * chars(run[r])));
				}
			}
}

/* Text the quick pass takes whole, at every offset of its sixteen bytes:
 * ASCII, Chinese, and the punctuation left to the character by
 * character way, read as they are. */
static void
reads_plain_text_at_any_offset(void **state)
{
	const char *text = "中文，“引号”（括号）abc中文中文。第12条：x中文ｚ｛｝～中文中文中文中文";
	char t[600], want[512];
	nb_ynode_t *root;
	size_t k;
	(void)state;

	for (k = 0; k < 40; k++) {
		snprintf(want, sizeof want, "%.*s%s", (int)k,
		         "0123456789012345678901234567890123456789", text);
		snprintf(t, sizeof t, "k: %s\nn: 中\n", want);
		root = parse_ok(t);
		assert_string_equal(nb_ymap_get(root, "k")->str, want);
		assert_int_equal(nb_ymap_get(root, "n")->line, 2);
		nb_ytree_free(root);
	}
}

/* A file that ends inside a character, wherever the end falls. */
static void
refuses_a_character_cut_at_the_end(void **state)
{
	char t[256];
	size_t k, o;
	nb_error_t e;
	(void)state;

	for (k = 0; k < 40; k++) {
		o = (size_t)snprintf(t, sizeof t, "k: ");
		while (o < 3 + 3 * k)
			o += (size_t)snprintf(t + o, sizeof t - o, "中");
		memcpy(t + o, "\xE4\xB8", 2);
		e = parse_bad(t, o + 2);
		assert_int_equal(e.line, 1);
		assert_int_equal(e.col, 4 + (int)k);
		assert_non_null(strstr(e.msg, "中间结束"));
		e = parse_bad(t, o + 1);
		assert_int_equal(e.col, 4 + (int)k);
		assert_non_null(strstr(e.msg, "中间结束"));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_nested_document_with_positions),
		cmocka_unit_test(empty_document_is_an_empty_mapping),
		cmocka_unit_test(refuses_anchors_aliases_and_tags),
		cmocka_unit_test(refuses_duplicate_keys),
		cmocka_unit_test(refuses_duplicate_keys_in_a_large_mapping),
		cmocka_unit_test(nested_collections_keep_their_kids),
		cmocka_unit_test(refuses_deep_nesting),
		cmocka_unit_test(nests_up_to_the_limit),
		cmocka_unit_test(reads_up_to_the_node_limit),
		cmocka_unit_test(reads_scalars_of_any_length),
		cmocka_unit_test(refuses_bad_bytes),
		cmocka_unit_test(refuses_bad_bytes_anywhere_in_a_run),
		cmocka_unit_test(reads_plain_text_at_any_offset),
		cmocka_unit_test(refuses_a_character_cut_at_the_end),
		cmocka_unit_test(refuses_syntax_errors_with_position),
		cmocka_unit_test(refuses_huge_input),
		cmocka_unit_test(skips_a_byte_order_mark),
	};
	return cmocka_run_group_tests_name("ytree", tests, NULL, NULL);
}
