/* The statistics as one HTML page to print or attach: inline CSS, SVG
 * bar charts, nothing fetched, every text escaped.  The page is also
 * well-formed XML, so that any XML tool can read its charts. */

#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/export.h"
#include "core/stats.h"
#include "core/text.h"

#define SVG_W 680
#define LABEL_PX 300            /* the labels' column */
#define LABEL_COLS 48           /* of 6 px each at 12 px (CJK: 2 columns) */
#define BAR_X 306
#define BAR_PX 250
#define LINE_PX 15
#define BAR_H 12

static const char style[] =
	"@page{size:A4;margin:20mm}\n"
	"body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"Microsoft YaHei\","
	"SimHei,\"WenQuanYi Zen Hei\",sans-serif;font-size:11pt;color:#000;"
	"max-width:180mm;margin:2em auto;padding:0 1em}\n"
	"h1{font-size:16pt;text-align:center}\n"
	"h2{font-size:12pt;margin:16pt 0 4pt;break-after:avoid}\n"
	"table{border-collapse:collapse;width:100%}\n"
	"td{border-bottom:1px solid #ccc;padding:1pt 4pt;vertical-align:top}\n"
	"td.num{text-align:right;white-space:nowrap;width:8em}\n"
	"td.note{color:#a00;white-space:nowrap;width:7em}\n"
	"tr.group td{font-weight:bold;border-bottom:none}\n"
	"svg{display:block;max-width:100%;height:auto;break-inside:avoid}\n"
	"svg text{font-size:12px}\n"
	"p.note{color:#a00;font-size:10pt}\n";

static void
text_el(nb_buf_t *out, const char *open, const char *s, const char *close)
{
	nb_buf_puts(out, open);
	nb_html_escape(out, s);
	nb_buf_puts(out, close);
}

/* ---- the tables ---- */

static void
figure_row(nb_buf_t *out, const nb_stats_t *s, const nb_stat_table_t *t,
           const nb_stat_sum_t *x, size_t depth)
{
	char num[32] = "";
	nb_buf_t label;

	nb_buf_init(&label);
	nb_buf_puts(&label, "");
	nb_stats_label(s, t, x, &label);
	nb_buf_printf(out, "<tr><td style=\"padding-left:%zuem\">", depth + 1);
	nb_html_escape(out, label.data ? label.data : "");
	nb_buf_free(&label);
	if (x->filled)
		nb_stats_format(s, x, num);
	nb_buf_printf(out, "</td><td class=\"num\">%s</td><td class=\"note\">", num);
	if (x->unfilled)
		nb_buf_printf(out, "未填 %zu 份", x->unfilled);
	nb_buf_puts(out, "</td></tr>\n");
}

static void
table(nb_buf_t *out, const nb_stats_t *s, const nb_stat_table_t *t)
{
	const nb_field_t *prev[8] = { 0 }, *chain[8];
	nb_buf_t title;
	size_t i, k, n;

	nb_buf_init(&title);
	nb_buf_puts(&title, "");
	nb_stats_table_title(s, t, &title);
	text_el(out, "<h2>", title.data ? title.data : "", "</h2>\n<table>\n");
	nb_buf_free(&title);
	for (i = 0; i < t->n; i++) {
		n = nb_stats_groups(s, t, t->v[i], chain, 8);
		for (k = 0; k < n; k++) {
			if (prev[k] == chain[k])
				continue;
			nb_buf_printf(out, "<tr class=\"group\"><td colspan=\"3\" "
			              "style=\"padding-left:%zuem\">", k + 1);
			text_el(out, "", chain[k]->label, "</td></tr>\n");
			prev[k] = chain[k];
		}
		for (k = n; k < 8; k++)
			prev[k] = NULL;
		figure_row(out, s, t, t->v[i], n);
	}
	nb_buf_puts(out, "</table>\n");
}

/* ---- the charts ---- */

typedef struct {
	const char *label;
	int64_t value;
} bar_t;

/* The label of a bar in lines of LABEL_COLS at most; returns how many. */
static size_t
label_lines(const char *label, nb_span_t *lines, size_t max)
{
	size_t n = nb_txt_wrap(label, LABEL_COLS, lines, max);

	return n > max ? max : n;
}

static void
svg_bar(nb_buf_t *out, const bar_t *b, int y, int64_t whole, int64_t max)
{
	nb_span_t lines[8];
	size_t n = label_lines(b->label, lines, 8), i;
	int64_t w = nb_stats_ratio(b->value, max, BAR_PX);
	nb_buf_t share;

	nb_buf_printf(out, "<text x=\"0\" y=\"%d\">", y + BAR_H);
	for (i = 0; i < n; i++) {
		nb_buf_t line;
		nb_buf_init(&line);
		nb_buf_add(&line, b->label + lines[i].start, lines[i].end - lines[i].start);
		nb_buf_printf(out, "<tspan x=\"0\" dy=\"%d\">", i ? LINE_PX : 0);
		nb_html_escape(out, line.data ? line.data : "");
		nb_buf_puts(out, "</tspan>");
		nb_buf_free(&line);
	}
	nb_buf_puts(out, "</text>\n");
	if (w < 1 && b->value > 0)
		w = 1;
	nb_buf_printf(out, "<rect x=\"%d\" y=\"%d\" width=\"%" PRId64 "\" height=\"%d\" "
	              "fill=\"#2b5797\"/>\n", BAR_X, y + 2, w < 0 ? 0 : w, BAR_H);
	nb_buf_init(&share);
	nb_stats_percent(b->value, whole, &share);
	nb_buf_printf(out, "<text x=\"%" PRId64 "\" y=\"%d\">%" PRId64 "（%s）</text>\n",
	              BAR_X + (w < 0 ? 0 : w) + 4, y + BAR_H, b->value,
	              share.data ? share.data : "");
	nb_buf_free(&share);
}

static void
chart(nb_buf_t *out, const char *title, const bar_t *bars, size_t n,
      int64_t whole)
{
	nb_span_t lines[8];
	int64_t max = 0;
	int height = 4, y;
	size_t i;

	for (i = 0; i < n; i++) {
		if (bars[i].value > max)
			max = bars[i].value;
		height += (int)label_lines(bars[i].label, lines, 8) * LINE_PX + 6;
	}
	text_el(out, "<h2>", title, "</h2>\n");
	nb_buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
	              "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"",
	              SVG_W, height, SVG_W, height);
	nb_html_escape(out, title);
	nb_buf_puts(out, "\">\n");
	for (y = 2, i = 0; i < n; i++) {
		svg_bar(out, &bars[i], y, whole, max);
		y += (int)label_lines(bars[i].label, lines, 8) * LINE_PX + 6;
	}
	nb_buf_puts(out, "</svg>\n");
}

static void
note(nb_buf_t *out, nb_buf_t *text)
{
	if (text->len)
		text_el(out, "<p class=\"note\">", text->data, "</p>\n");
	nb_buf_free(text);
}

static int
dist(nb_buf_t *out, const nb_stat_dist_t *d)
{
	bar_t *bars = calloc(d->n + 1, sizeof *bars);
	nb_buf_t title, b;
	size_t i;

	if (!bars)
		return -1;
	for (i = 0; i < d->n; i++) {
		bars[i].label = d->v[i].label;
		bars[i].value = d->v[i].value;
	}
	nb_buf_init(&title);
	nb_buf_puts(&title, "");
	nb_stats_dist_title(d, &title);
	chart(out, title.data ? title.data : "", bars, d->n, d->whole.value);
	nb_buf_free(&title);
	free(bars);
	nb_buf_init(&b);
	nb_stats_dist_note(d, &b);
	note(out, &b);
	return 0;
}

static int
top(nb_buf_t *out, const nb_stats_t *s)
{
	bar_t *bars = calloc(s->nbodies_kept + 1, sizeof *bars);
	nb_buf_t names, title, b;
	size_t i, *at = calloc(s->nbodies_kept + 1, sizeof *at);

	if (!bars || !at) {
		free(bars);
		free(at);
		return -1;
	}
	nb_buf_init(&names);
	for (i = 0; i < s->nbodies_kept; i++) {
		at[i] = names.len;
		nb_buf_printf(&names, "%zu. ", i + 1);
		nb_stats_body_name(s, &s->bodies[i], &names);
		nb_buf_add(&names, "", 1);      /* each name ends in a NUL */
		bars[i].value = s->bodies[i].value;
	}
	for (i = 0; i < s->nbodies_kept && !names.failed; i++)
		bars[i].label = names.data + at[i];
	nb_buf_init(&title);
	nb_buf_puts(&title, "");
	nb_stats_top_title(s, &title);
	if (!names.failed)
		chart(out, title.data ? title.data : "", bars, s->nbodies_kept,
		      s->rank->sum);
	nb_buf_free(&title);
	nb_buf_free(&names);
	free(bars);
	free(at);
	nb_buf_init(&b);
	nb_stats_top_note(s, &b);
	note(out, &b);
	return 0;
}

int
nb_stats_html(const nb_stats_t *s, nb_buf_t *out, nb_error_t *err)
{
	nb_buf_t d;
	size_t i;

	nb_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
	            "<meta charset=\"utf-8\"/>\n");
	text_el(out, "<title>", s->form->name, " 统计</title>\n<style>\n");
	nb_buf_puts(out, style);
	nb_buf_puts(out, "</style>\n</head>\n<body>\n");
	text_el(out, "<h1>", s->form->name, " 统计</h1>\n");
	nb_buf_init(&d);
	nb_stats_describe(s, &d);
	text_el(out, "<p>", d.data ? d.data : "", "</p>\n");
	nb_buf_free(&d);
	for (i = 0; i < s->ntables; i++)
		table(out, s, &s->tables[i]);
	for (i = 0; i < s->ndists; i++)
		if (dist(out, &s->dists[i]) < 0)
			return nb_error_set(err, NULL, 0, 0, "内存不足");
	if (s->rank && top(out, s) < 0)
		return nb_error_set(err, NULL, 0, 0, "内存不足");
	nb_buf_puts(out, "</body>\n</html>\n");
	return 0;
}
