/* The PDF export read back with poppler: A4 pages each with its number,
 * every paragraph and every figure of the report in order, the head of
 * table 三 on every page that holds its rows, the heading of 三 on the
 * page of its first row, fonts embedded (cut to the glyphs drawn), a
 * draft marked on every page; for the seed and for a long report (ten
 * subsections of 总体情况 with full paragraphs).  And the import reads
 * it back to the same figures. */

#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <poppler.h>

#include "core/export.h"
#include "core/import.h"
#include "testutil.h"

#define MARK "草稿（未经审核，不得发布）"

typedef struct {
	PopplerDocument *doc;
	char **raw;             /* each page's text as poppler gives it */
	char **pages;           /* ... without blanks */
	int n;
	char *bytes;
	size_t len;
} pdf_t;

/* s without white space (poppler spaces out justified lines). */
static char *
flat(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;

	assert_non_null(out);
	for (; *s; s++)
		if (!strchr(" \t\n\r\f", *s))
			*o++ = *s;
	*o = '\0';
	return out;
}

static void
pdf_open(const nb_report_t *r, int draft, pdf_t *p)
{
	nb_buf_t b;
	nb_error_t err = { 0 };
	GBytes *bytes;
	GError *gerr = NULL;
	int i;

	nb_buf_init(&b);
	if (nb_export_render(r, NB_EXPORT_PDF, draft, &b, &err) < 0)
		fail_msg("render: %s", err.msg);
	p->len = b.len;
	p->bytes = nb_buf_take(&b);
	bytes = g_bytes_new_static(p->bytes, p->len);
	p->doc = poppler_document_new_from_bytes(bytes, NULL, &gerr);
	g_bytes_unref(bytes);
	if (!p->doc)
		fail_msg("poppler: %s", gerr ? gerr->message : "?");
	p->n = poppler_document_get_n_pages(p->doc);
	p->pages = calloc((size_t)p->n, sizeof *p->pages);
	p->raw = calloc((size_t)p->n, sizeof *p->raw);
	for (i = 0; i < p->n; i++) {
		PopplerPage *page = poppler_document_get_page(p->doc, i);
		p->raw[i] = poppler_page_get_text(page);
		p->pages[i] = flat(p->raw[i]);
		g_object_unref(page);
	}
}

static void
pdf_close(pdf_t *p)
{
	int i;

	for (i = 0; i < p->n; i++) {
		free(p->pages[i]);
		g_free(p->raw[i]);
	}
	free(p->pages);
	free(p->raw);
	g_object_unref(p->doc);
	free(p->bytes);
}

/* The first page (from 1) whose text holds s, or 0. */
static int
page_of(const pdf_t *p, const char *s)
{
	int i;

	for (i = 0; i < p->n; i++)
		if (strstr(p->pages[i], s))
			return i + 1;
	return 0;
}

static nb_report_t *
seed(void)
{
	return tu_sample(form, "sample-data/jinzhai-2024.yaml");
}

/* The seed with ten subsections of 总体情况, each of two full paragraphs. */
static nb_report_t *
long_report(void)
{
	nb_report_t *r = seed();
	const nb_field_t *f = nb_form_field(form, "overview.items");
	const nb_value_t *v = &r->values[f->cell];
	char *text, title[64];
	size_t len;
	int i;

	len = strlen(v->items[0].text);
	text = malloc(2 * len + 2);
	assert_non_null(text);
	snprintf(text, 2 * len + 2, "%s\n%s", v->items[0].text, v->items[0].text);
	while (r->values[f->cell].nitems)
		nb_report_remove_item(r, f->cell, 0);
	for (i = 0; i < 10; i++) {
		snprintf(title, sizeof title, "第%d项工作情况", i + 1);
		assert_int_equal(nb_report_add_item(r, f->cell, title, text), 0);
	}
	free(text);
	return r;
}

/* ---- what every PDF of a report must show ---- */

static void
check_pages(const pdf_t *p)
{
	char num[32];
	int i;

	assert_true(p->n >= 2);
	for (i = 0; i < p->n; i++) {
		PopplerPage *page = poppler_document_get_page(p->doc, i);
		double w, h;
		poppler_page_get_size(page, &w, &h);
		g_object_unref(page);
		assert_true(w > 594.5 && w < 596 && h > 841 && h < 843);       /* A4 */
		snprintf(num, sizeof num, "—%d—", i + 1);
		if (!strstr(p->pages[i], num))
			fail_msg("page %d has no \"— %d —\"", i + 1, i + 1);
	}
}

/* The pages' text, each without the line of its number: as poppler gives
 * it (raw) or without blanks. */
static void
body_text(const pdf_t *p, int raw, nb_buf_t *out)
{
	char num[32], *line, *f;
	const char *t;
	size_t n;
	int k, seen;

	for (k = 0; k < p->n; k++) {
		snprintf(num, sizeof num, "—%d—", k + 1);
		for (t = p->raw[k], seen = 0; *t; t += n + (t[n] == '\n')) {
			n = strcspn(t, "\n");
			line = g_strndup(t, n);
			f = flat(line);
			if (!seen && !strcmp(f, num))
				seen = 1;
			else
				nb_buf_puts(out, raw ? line : f);
			if (raw)
				nb_buf_puts(out, "\n");
			free(f);
			g_free(line);
		}
		if (!seen)
			fail_msg("page %d has no line \"— %d —\"", k + 1, k + 1);
	}
}

/* Whether bytes [a, b) are a figure: digits, perhaps with a point. */
static int
is_figure(const char *a, const char *b)
{
	const char *dot = memchr(a, '.', (size_t)(b - a));

	return b > a && a[0] != '.' && b[-1] != '.' &&
	       strspn(a, "0123456789.") >= (size_t)(b - a) &&
	       (!dot || !memchr(dot + 1, '.', (size_t)(b - dot - 1)));
}

/* The figures of page i in poppler's order of its text: the words (runs
 * of characters whose boxes touch on one line) that are only a number,
 * each followed by a blank. */
static void
page_figures(const pdf_t *p, int i, nb_buf_t *out)
{
	PopplerPage *page = poppler_document_get_page(p->doc, i);
	PopplerRectangle *box = NULL;
	guint n = 0, k;
	const char *t = p->raw[i], *word = NULL;

	assert_true(poppler_page_get_text_layout(page, &box, &n));
	for (k = 0; k <= n; k++) {
		int blank = k == n || !*t || strchr(" \n", *t);
		int apart = k > 0 && k < n && (box[k].x1 - box[k - 1].x2 > 2 ||
		            box[k].y1 - box[k - 1].y1 > 2 || box[k - 1].y1 - box[k].y1 > 2);
		if (word && (blank || apart)) {
			if (is_figure(word, t)) {
				nb_buf_add(out, word, (size_t)(t - word));
				nb_buf_puts(out, " ");
			}
			word = NULL;
		}
		if (k == n || !*t)
			break;
		if (!blank && !word)
			word = t;
		t = g_utf8_next_char(t);
	}
	g_free(box);
	g_object_unref(page);
}

/* The figures of the pages from the one of `from` to the one of `to`,
 * without page numbers, and without the figures that the text before
 * `from` and after `to` holds on those pages. */
static void
figures_between(const pdf_t *p, const char *from, const char *to, nb_buf_t *out)
{
	int a = page_of(p, from), b = page_of(p, to), i;
	char num[32];
	nb_buf_t page;

	assert_true(a > 0 && b >= a);
	for (i = a - 1; i < b; i++) {
		nb_buf_init(&page);
		nb_buf_puts(&page, "");
		page_figures(p, i, &page);
		/* the page's number comes last: it is drawn first, but below */
		snprintf(num, sizeof num, "%d ", i + 1);
		if (page.len >= strlen(num) && !strcmp(page.data + page.len - strlen(num), num))
			page.data[page.len -= strlen(num)] = '\0';
		nb_buf_puts(out, page.data);
		nb_buf_free(&page);
	}
}

/* Every paragraph, heading and title of the model in order across the
 * pages, and every figure of its tables in reading order. */
static void
check_text(const pdf_t *p, const nb_report_t *r)
{
	nb_doc_t doc;
	nb_error_t err = { 0 };
	nb_buf_t all, raw, want_figs, got_figs;
	const char *at;
	size_t i, j;

	nb_buf_init(&all);
	nb_buf_init(&raw);
	nb_buf_init(&want_figs);
	nb_buf_init(&got_figs);
	body_text(p, 0, &all);
	body_text(p, 1, &raw);
	assert_int_equal(nb_doc_build(r, 0, &doc, &err), 0);
	at = all.data;
	for (i = 0; i < doc.n; i++) {
		const nb_block_t *b = &doc.v[i];
		char *want = flat(b->kind == NB_BLK_TITLE ? doc.title_lines : b->text);
		const char *got;
		for (j = 0; b->kind == NB_BLK_TABLE && j < b->grid->ncells; j++)
			if (b->grid->cells[j].kind == NB_GC_VALUE && *b->grid->cells[j].text) {
				nb_buf_puts(&want_figs, b->grid->cells[j].text);
				nb_buf_puts(&want_figs, " ");
			}
		if (*want) {
			if (!(got = strstr(at, want)))
				fail_msg("block %zu missing or out of order: %.60s", i, want);
			at = got + strlen(want);
		}
		free(want);
	}
	nb_buf_puts(&got_figs, "");
	figures_between(p, "二、主动公开政府信息情况", "五、存在的主要问题及改进情况", &got_figs);
	assert_string_equal(got_figs.data, want_figs.data);
	assert_true(want_figs.len >= 2 * 200);
	nb_doc_free(&doc);
	nb_buf_free(&all);
	nb_buf_free(&raw);
	nb_buf_free(&want_figs);
	nb_buf_free(&got_figs);
}

/* The heading of 三 on the page of its first row, its head (申请人情况)
 * on every page that holds its rows. */
static void
check_table_three(const pdf_t *p)
{
	int heading = page_of(p, "三、收到和处理政府信息公开申请情况");
	int first = page_of(p, "一、本年新收政府信息公开申请数量");
	int last = page_of(p, "四、结转下年度继续办理");
	int i;

	assert_true(heading > 0);
	assert_int_equal(heading, first);
	assert_true(last >= first);
	for (i = first; i <= last; i++)
		if (!strstr(p->pages[i - 1], "申请人情况"))
			fail_msg("page %d holds rows of table 三 without its head", i);
}

static void
check_fonts(const pdf_t *p)
{
	PopplerFontInfo *info = poppler_font_info_new(p->doc);
	PopplerFontsIter *it = NULL;
	int fonts = 0;

	while (poppler_font_info_scan(info, 1, &it)) {
		if (!it)
			continue;
		do {
			if (!poppler_fonts_iter_is_embedded(it))
				fail_msg("font %s is not embedded", poppler_fonts_iter_get_name(it));
			fonts++;
		} while (poppler_fonts_iter_next(it));
		poppler_fonts_iter_free(it);
		it = NULL;
	}
	poppler_font_info_free(info);
	assert_true(fonts >= 1);
}

/* ---- the tests ---- */

static void
test_seed(void **state)
{
	nb_report_t *r = seed();
	pdf_t p;

	(void)state;
	pdf_open(r, 0, &p);
	check_pages(&p);
	check_text(&p, r);
	check_table_three(&p);
	check_fonts(&p);
	assert_int_equal(page_of(&p, MARK), 0);
	/* the fonts cut to the seed's six hundred glyphs: 146 KB with Noto
	 * Serif CJK and WenQuanYi, 601 KB when Cairo embedded Noto itself */
	if (p.len > 300 * 1024)
		fail_msg("the seed's PDF is %zu bytes: fonts not cut to the glyphs drawn", p.len);
	pdf_close(&p);
	nb_report_free(r);
}

static void
test_long_report(void **state)
{
	nb_report_t *r = long_report();
	pdf_t p;

	(void)state;
	pdf_open(r, 0, &p);
	assert_true(p.n >= 12);
	check_pages(&p);
	check_text(&p, r);
	check_table_three(&p);
	check_fonts(&p);
	pdf_close(&p);
	nb_report_free(r);
}

static void
test_draft_every_page(void **state)
{
	nb_report_t *r = long_report();
	pdf_t p;
	int i;

	(void)state;
	pdf_open(r, 1, &p);
	for (i = 0; i < p.n; i++)
		if (!strstr(p.pages[i], MARK))
			fail_msg("page %d of %d has no draft mark", i + 1, p.n);
	pdf_close(&p);
	nb_report_free(r);
}

/* The outline holds the headings, the metadata the title. */
static void
test_outline_and_title(void **state)
{
	nb_report_t *r = seed();
	PopplerIndexIter *it;
	pdf_t p;
	int top = 0;
	char *title;

	(void)state;
	pdf_open(r, 0, &p);
	title = poppler_document_get_title(p.doc);
	assert_string_equal(title, "金寨县公共资源交易中心2024年政府信息公开工作年度报告");
	g_free(title);
	it = poppler_index_iter_new(p.doc);
	assert_non_null(it);
	do {
		PopplerAction *a = poppler_index_iter_get_action(it);
		if (top == 0)
			assert_string_equal(a->any.title, "一、总体情况");
		poppler_action_free(a);
		top++;
	} while (poppler_index_iter_next(it));
	poppler_index_iter_free(it);
	assert_int_equal(top, 6);
	pdf_close(&p);
	nb_report_free(r);
}

/* The same report gives the same bytes. */
static void
test_reproducible(void **state)
{
	nb_report_t *r = seed();
	pdf_t a, b;

	(void)state;
	pdf_open(r, 0, &a);
	pdf_open(r, 0, &b);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.bytes, b.bytes, a.len);
	pdf_close(&a);
	pdf_close(&b);
	nb_report_free(r);
}

/* The import reads the PDF back to the report's figures: every one of
 * them, and not one other. */
static void
check_import(const nb_report_t *r)
{
	nb_idoc_t idoc;
	nb_isummary_t sum = { 0 };
	nb_error_t err = { 0 };
	nb_report_t *back = NULL;
	size_t i, figures = 0, same = 0;
	pdf_t p;

	pdf_open(r, 0, &p);
	nb_idoc_init(&idoc);
	assert_int_equal(nb_read_pdf("x.pdf", p.bytes, p.len, &idoc, &err), 0);
	assert_true(nb_import_recognize(form, &idoc, "x.pdf", &back, &sum, &err) >= 0);
	for (i = 0; i < form->ncells; i++) {
		nb_type_t t = form->cells[i].field->type;
		if (t != NB_T_COUNT && t != NB_T_ROW && t != NB_T_AMOUNT)
			continue;
		figures++;
		if (!back->values[i].filled)
			continue;
		if (!nb_value_equal(t, &back->values[i], &r->values[i]))
			fail_msg("figure %s[%d] imported other than exported",
			         form->cells[i].field->path, form->cells[i].column);
		same++;
	}
	assert_int_equal(figures, 200);
	if (same < figures)
		fail_msg("%zu of %zu figures imported back", same, figures);
	nb_report_free(back);
	nb_isummary_free(&sum);
	nb_idoc_free(&idoc);
	pdf_close(&p);
}

static void
test_imports_back(void **state)
{
	nb_report_t *r = seed(), *l = long_report();

	(void)state;
	check_import(r);
	check_import(l);
	nb_report_free(r);
	nb_report_free(l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed),
		cmocka_unit_test(test_long_report),
		cmocka_unit_test(test_draft_every_page),
		cmocka_unit_test(test_outline_and_title),
		cmocka_unit_test(test_reproducible),
		cmocka_unit_test(test_imports_back),
	};

	return cmocka_run_group_tests_name("export_pdf", tests, tu_setup, tu_teardown);
}
