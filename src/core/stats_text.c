/* The statistics as text for a terminal of 80 columns: each table's
 * figures in the form's order under their groups, then bar charts of the
 * distributions and of the bodies with the most requests.  Widths are
 * display widths (text.h); a label too long for its column wraps, and its
 * figures stand on its last line. */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "core/export.h"
#include "core/stats.h"
#include "core/text.h"

#define WIDTH 79                /* a line that fills the 80th column makes
                                 * some terminals wrap */
#define FIGURE_END 64           /* where a table's figures end */
#define FIGURE_W 12
#define LABEL_W 26              /* a chart's labels */
#define VALUE_W 8               /* a chart's figures */
#define SHARE_W 6               /* "100.0%" */
#define BAR_W (WIDTH - 2 - LABEL_W - 1 - VALUE_W - 1 - SHARE_W - 1)

static void
spaces(nb_buf_t *out, int n)
{
	while (n-- > 0)
		nb_buf_puts(out, " ");
}

static int
width_of(const char *s)
{
	return (int)nb_str_width(s, strlen(s));
}

static void
right(nb_buf_t *out, const char *s, int w)
{
	spaces(out, w - width_of(s));
	nb_buf_puts(out, s);
}

/* Writes text from column `indent` (the first line after `lead`, which
 * is that wide, when given), wrapped at `width` columns; every line but
 * the last ends in a newline.  Returns the column the last ends at. */
static int
wrapped(nb_buf_t *out, const char *lead, int indent, const char *text,
        int width)
{
	nb_span_t lines[32];
	size_t n = nb_txt_wrap(text, width, lines, 32), i;

	if (n > 32)
		n = 32;
	for (i = 0; i < n; i++) {
		if (i)
			nb_buf_puts(out, "\n");
		if (i == 0 && lead)
			nb_buf_puts(out, lead);
		else
			spaces(out, indent);
		nb_buf_add(out, text + lines[i].start, lines[i].end - lines[i].start);
	}
	return indent + (int)nb_str_width(text + lines[n - 1].start,
	                                  lines[n - 1].end - lines[n - 1].start);
}

/* A line of text, wrapped to the width of the screen. */
static void
paragraph(nb_buf_t *out, int indent, const char *text)
{
	wrapped(out, NULL, indent, text, WIDTH - indent);
	nb_buf_puts(out, "\n");
}

/* ---- the tables ---- */

static void
figure_line(nb_buf_t *out, const nb_stats_t *s, const nb_stat_table_t *t,
            const nb_stat_sum_t *x, int indent)
{
	char num[32] = "";
	nb_buf_t label;
	int at;

	nb_buf_init(&label);
	nb_buf_puts(&label, "");
	nb_stats_label(s, t, x, &label);
	at = wrapped(out, NULL, indent, label.data ? label.data : "",
	             FIGURE_END - FIGURE_W - 1 - indent);
	nb_buf_free(&label);
	if (x->filled)
		nb_stats_format(s, x, num);
	spaces(out, FIGURE_END - FIGURE_W - at);
	right(out, num, FIGURE_W);
	if (x->unfilled)
		nb_buf_printf(out, "  未填 %zu 份", x->unfilled);
	nb_buf_puts(out, "\n");
}

static void
table(nb_buf_t *out, const nb_stats_t *s, const nb_stat_table_t *t)
{
	const nb_field_t *prev[8] = { 0 }, *chain[8];
	size_t i, k, n;

	nb_buf_puts(out, "\n");
	nb_stats_table_title(s, t, out);
	nb_buf_puts(out, "\n");
	for (i = 0; i < t->n; i++) {
		n = nb_stats_groups(s, t, t->v[i], chain, 8);
		for (k = 0; k < n; k++) {
			if (prev[k] == chain[k])
				continue;
			paragraph(out, 2 + 2 * (int)k, chain[k]->label);
			prev[k] = chain[k];
		}
		for (k = n; k < 8; k++)
			prev[k] = NULL;
		figure_line(out, s, t, t->v[i], 2 + 2 * (int)n);
	}
}

/* ---- the charts ---- */

static void
bar(nb_buf_t *out, int64_t value, int64_t max)
{
	static const char *const eighth[] = {
		"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"
	};
	int64_t n = nb_stats_ratio(value, max, BAR_W * 8);
	int64_t i;

	if (n <= 0 && value > 0)
		n = 1;                  /* something is never drawn as nothing */
	for (i = 0; i < n / 8; i++)
		nb_buf_puts(out, "█");
	nb_buf_puts(out, eighth[n > 0 ? n % 8 : 0]);
}

/* One bar from column 2: lead (a rank, or "") and the label wrapped in
 * LABEL_W columns, the figure, its share of whole, the bar scaled to max. */
static void
chart_line(nb_buf_t *out, const char *lead, const char *label,
           int64_t value, int64_t whole, int64_t max)
{
	char num[32], first[32];
	int indent = 2 + width_of(lead), at;
	nb_buf_t share;

	snprintf(first, sizeof first, "  %s", lead);
	at = wrapped(out, first, indent, label, 2 + LABEL_W - indent);
	snprintf(num, sizeof num, "%" PRId64, value);
	spaces(out, 2 + LABEL_W - at + 1);
	right(out, num, VALUE_W);
	nb_buf_init(&share);
	nb_stats_percent(value, whole, &share);
	nb_buf_puts(out, " ");
	right(out, share.data ? share.data : "", SHARE_W);
	nb_buf_free(&share);
	if (value > 0) {
		nb_buf_puts(out, " ");
		bar(out, value, max);
	}
	nb_buf_puts(out, "\n");
}

/* A note under a chart, in brackets; frees it. */
static void
note(nb_buf_t *out, nb_buf_t *text)
{
	if (text->len) {
		nb_buf_puts(out, "  （");
		nb_buf_puts(out, text->data);
		nb_buf_puts(out, "）\n");
	}
	nb_buf_free(text);
}

static void
dist(nb_buf_t *out, const nb_stat_dist_t *d)
{
	int64_t max = 0;
	nb_buf_t b;
	size_t i;

	nb_buf_puts(out, "\n");
	nb_stats_dist_title(d, out);
	nb_buf_puts(out, "\n");
	for (i = 0; i < d->n; i++)
		if (d->v[i].value > max)
			max = d->v[i].value;
	for (i = 0; i < d->n; i++)
		chart_line(out, "", d->v[i].label, d->v[i].value, d->whole.value, max);
	nb_buf_init(&b);
	nb_stats_dist_note(d, &b);
	note(out, &b);
}

static void
top(nb_buf_t *out, const nb_stats_t *s)
{
	char rank[32];
	nb_buf_t b;
	size_t i;

	if (!s->rank)
		return;
	nb_buf_puts(out, "\n");
	nb_stats_top_title(s, out);
	nb_buf_puts(out, "\n");
	for (i = 0; i < s->nbodies_kept; i++) {
		snprintf(rank, sizeof rank, "%2zu ", i + 1);
		nb_buf_init(&b);
		nb_stats_body_name(s, &s->bodies[i], &b);
		chart_line(out, rank, b.data ? b.data : "", s->bodies[i].value,
		           s->rank->sum, s->bodies[0].value);
		nb_buf_free(&b);
	}
	nb_buf_init(&b);
	nb_stats_top_note(s, &b);
	note(out, &b);
}

int
nb_stats_text(const nb_stats_t *s, nb_buf_t *out, nb_error_t *err)
{
	nb_buf_t d;
	size_t i;

	(void)err;
	nb_buf_printf(out, "%s 统计\n", s->form->name);
	nb_buf_init(&d);
	nb_stats_describe(s, &d);
	paragraph(out, 0, d.data ? d.data : "");
	nb_buf_free(&d);
	for (i = 0; i < s->ntables; i++)
		table(out, s, &s->tables[i]);
	for (i = 0; i < s->ndists; i++)
		dist(out, &s->dists[i]);
	top(out, s);
	return 0;
}
