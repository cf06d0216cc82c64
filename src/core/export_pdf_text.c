/* The PDF renderer's typesetter: text measured and shaped by Pango, broken
 * into lines by text.h's rules, justified between characters, drawn in the
 * fonts cut to its glyphs (see export_pdf.h, export_pdf_font.h). */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "core/export_pdf.h"
#include "core/export_pdf_font.h"
#include "core/text.h"

/* The official font first; fontconfig takes the first family installed,
 * and Pango falls back per character beyond the list. */
static const char *const families[NB_FACE_COUNT] = {
	[NB_FACE_FANGSONG] = "仿宋_GB2312,FangSong_GB2312,仿宋,FangSong,STFangsong,"
	                     "Noto Serif CJK SC,Source Han Serif SC,WenQuanYi Zen Hei,serif",
	[NB_FACE_HEI] = "黑体,SimHei,WenQuanYi Zen Hei,Noto Sans CJK SC,"
	                "Source Han Sans SC,sans-serif",
	[NB_FACE_KAI] = "楷体_GB2312,KaiTi_GB2312,楷体,KaiTi,STKaiti,AR PL UKai CN,"
	                "Noto Serif CJK SC,Source Han Serif SC,serif",
	[NB_FACE_TITLE] = "方正小标宋简体,方正小标宋_GBK,FZXiaoBiaoSong-B05S,华文中宋,"
	                  "STZhongsong,Noto Serif CJK SC,Source Han Serif SC,serif",
	[NB_FACE_SONG] = "宋体,SimSun,Noto Serif CJK SC,Source Han Serif SC,serif",
};

#define NMETRICS 16

static void free_runs(GSList *runs);

struct nb_typesetter {
	cairo_t *cr;
	PangoContext *ctx;
	PangoFontDescription *desc[NB_FACE_COUNT];
	nb_pdf_fonts_t *fonts;
	GHashTable *shaped;     /* "face size text" -> its runs (GSList) */
	struct {                /* ascent and descent by face and size */
		nb_face_t face;
		double size, ascent, descent;
	} metrics[NMETRICS];
	size_t nmetrics;
};

nb_typesetter_t *
nb_ts_new(cairo_t *cr)
{
	nb_typesetter_t *ts = calloc(1, sizeof *ts);
	cairo_font_options_t *fo;
	int f;

	if (!ts || !(ts->fonts = nb_pdf_fonts_new())) {
		free(ts);
		return NULL;
	}
	ts->cr = cr;
	ts->shaped = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	                                   (GDestroyNotify)free_runs);
	ts->ctx = pango_cairo_create_context(cr);
	/* the surface's unit is the point; metrics unhinted, as printed */
	pango_cairo_context_set_resolution(ts->ctx, 72);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(ts->ctx, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(ts->ctx, FALSE);
	pango_context_set_language(ts->ctx, pango_language_from_string("zh-cn"));
	for (f = 0; f < NB_FACE_COUNT; f++) {
		ts->desc[f] = pango_font_description_new();
		pango_font_description_set_family_static(ts->desc[f], families[f]);
	}
	return ts;
}

void
nb_ts_free(nb_typesetter_t *ts)
{
	int f;

	if (!ts)
		return;
	for (f = 0; f < NB_FACE_COUNT; f++)
		pango_font_description_free(ts->desc[f]);
	nb_pdf_fonts_free(ts->fonts);
	g_hash_table_destroy(ts->shaped);
	g_object_unref(ts->ctx);
	free(ts);
}

void
nb_ts_cut_fonts(nb_typesetter_t *ts)
{
	nb_pdf_fonts_cut(ts->fonts);
}

/* Bytes [0, n) of s shaped in a face and size: its runs (PangoGlyphItem),
 * left to right.  Itemized and shaped directly, not by a PangoLayout,
 * which would also measure every glyph's ink. */
static GSList *
shape(nb_typesetter_t *ts, nb_face_t face, double size, const char *s, size_t n)
{
	PangoAttrList *attrs = pango_attr_list_new();
	GList *items, *visual, *l;
	GSList *runs = NULL;

	pango_font_description_set_size(ts->desc[face], (gint)(size * PANGO_SCALE + 0.5));
	pango_attr_list_insert(attrs, pango_attr_font_desc_new(ts->desc[face]));
	items = pango_itemize(ts->ctx, s, 0, (int)n, attrs, NULL);
	pango_attr_list_unref(attrs);
	visual = pango_reorder_items(items);
	g_list_free(items);
	for (l = visual; l; l = l->next) {
		PangoGlyphItem *run = g_slice_new0(PangoGlyphItem);
		run->item = l->data;
		run->glyphs = pango_glyph_string_new();
		pango_shape_with_flags(s + run->item->offset, run->item->length, s, (int)n,
		                       &run->item->analysis, run->glyphs, PANGO_SHAPE_NONE);
		runs = g_slist_prepend(runs, run);
	}
	g_list_free(visual);
	return g_slist_reverse(runs);
}

static void
free_runs(GSList *runs)
{
	g_slist_free_full(runs, (GDestroyNotify)pango_glyph_item_free);
}

/* shape()'s runs, kept for the typesetter's life: a report sets the same
 * short texts many times (a cell's "0", a row's label), and every text
 * once to measure it and again to draw it. */
static const GSList *
shaped(nb_typesetter_t *ts, nb_face_t face, double size, const char *s, size_t n)
{
	GString *key = g_string_sized_new(n + 24);
	GSList *runs;

	g_string_printf(key, "%d %d ", (int)face, (int)(size * PANGO_SCALE + 0.5));
	g_string_append_len(key, s, (gssize)n);
	if ((runs = g_hash_table_lookup(ts->shaped, key->str))) {
		g_string_free(key, TRUE);
		return runs;
	}
	runs = shape(ts, face, size, s, n);
	g_hash_table_insert(ts->shaped, g_string_free(key, FALSE), runs);
	return runs;
}

/* The advance of each of the n characters of s (at[] their byte offsets,
 * at[n] the end), in Pango units; a cluster's to its first character. */
static int *
advances(nb_typesetter_t *ts, const nb_style_t *st, const char *s, const size_t *at,
         size_t n)
{
	int *adv = calloc(n + 1, sizeof *adv);
	size_t *char_of = malloc((at[n] + 1) * sizeof *char_of), i;
	const GSList *l;
	int g, rc = 0;

	if (!adv || !char_of) {
		free(adv);
		free(char_of);
		return NULL;
	}
	for (i = 0; i < n; i++)
		char_of[at[i]] = i;
	for (l = shaped(ts, st->face, st->size, s, at[n]); l; l = l->next) {
		const PangoGlyphItem *run = l->data;
		for (g = 0; g < run->glyphs->num_glyphs; g++) {
			size_t byte = (size_t)(run->item->offset + run->glyphs->log_clusters[g]);
			if (byte < at[n])
				adv[char_of[byte]] += run->glyphs->glyphs[g].geometry.width;
		}
		/* the glyphs the fonts are cut to before the pages are drawn */
		rc |= nb_pdf_fonts_note(ts->fonts, run);
	}
	free(char_of);
	if (rc < 0) {
		free(adv);
		return NULL;
	}
	return adv;
}

/* The byte offset of every character of s, and of its end. */
static size_t *
offsets(const char *s, size_t len, size_t *n)
{
	size_t *at = malloc((len + 1) * sizeof *at), i = 0, k = 0;
	uint32_t cp;

	if (!at)
		return NULL;
	while (i < len) {
		at[k++] = i;
		i += nb_utf8_next(s + i, len - i, &cp);
	}
	at[k] = len;
	*n = k;
	return at;
}

static int
add_line(nb_set_t *out, size_t start, size_t end)
{
	nb_tline_t *v = realloc(out->lines, (out->n + 1) * sizeof *v);

	if (!v)
		return -1;
	out->lines = v;
	v[out->n].start = start;
	v[out->n].end = end;
	out->n++;
	return 0;
}

/* Breaks the n characters of w into lines (blanks at a break dropped),
 * their offsets `base` bytes into the text. */
static int
break_lines(const wchar_t *w, size_t n, const size_t *at, const int *adv,
            size_t base, nb_set_t *out)
{
	const nb_style_t *st = &out->st;
	long width = (long)(st->width * PANGO_SCALE);
	long first = (long)((st->width - st->indent) * PANGO_SCALE);
	size_t start = 0, end, last, before = out->n;

	while (start < n && w[start] == ' ')
		start++;
	while (start < n) {
		end = nb_wrap_row_measured(w, n, start, adv, width, out->n ? width : first);
		for (last = end; last > start && w[last - 1] == ' '; last--)
			;
		if (add_line(out, base + at[start], base + at[last]) < 0)
			return -1;
		for (start = end; start < n && w[start] == ' '; start++)
			;
	}
	return out->n > before ? 0 : add_line(out, base, base);
}

/* Sets the line of text that starts `base` bytes into out->text. */
static int
set_line(nb_typesetter_t *ts, size_t base, size_t len, nb_set_t *out)
{
	char *line = malloc(len + 1);
	size_t n = 0, *at = NULL;
	wchar_t *w = NULL;
	int *adv = NULL, rc = -1;

	if (!line)
		return -1;
	memcpy(line, out->text + base, len);
	line[len] = '\0';
	if ((at = offsets(line, len, &n)) && (w = nb_utf8_decode(line, &n)) &&
	    (adv = advances(ts, &out->st, line, at, n)))
		rc = break_lines(w, n, at, adv, base, out);
	free(line);
	free(at);
	free(w);
	free(adv);
	return rc;
}

int
nb_ts_set(nb_typesetter_t *ts, const char *text, const nb_style_t *st, nb_set_t *out)
{
	size_t len = strlen(text), base = 0, seg;

	memset(out, 0, sizeof *out);
	out->st = *st;
	if (!(out->text = malloc(len + 1)))
		return -1;
	memcpy(out->text, text, len + 1);
	do {                    /* a '\n' (the title's lines) starts a line */
		seg = strcspn(text + base, "\n");
		if (set_line(ts, base, seg, out) < 0) {
			nb_set_free(out);
			return -1;
		}
		base += seg + 1;
	} while (base <= len);
	return 0;
}

void
nb_set_free(nb_set_t *s)
{
	free(s->text);
	free(s->lines);
	memset(s, 0, sizeof *s);
}

double
nb_set_height(const nb_set_t *s)
{
	return (double)s->n * s->st.pitch;
}

/* What Pango's metrics give for ascent and descent, without what they cost:
 * pango_context_get_metrics() takes them from the font that sets the
 * language's sample text (我能吞下玻璃而不伤身体。, a face's CJK font), as
 * HarfBuzz gives its extents, and also lays out a sample of its own to
 * measure a character's width, which sorts the system's fonts again. */
static void
face_extents(nb_typesetter_t *ts, nb_face_t face, double *ascent, double *descent)
{
	PangoFontset *fs = pango_context_load_fontset(ts->ctx, ts->desc[face],
	                                              pango_context_get_language(ts->ctx));
	PangoFont *font = fs ? pango_fontset_get_font(fs, 0x6211) : NULL;    /* 我 */
	hb_font_extents_t e = { 0 };

	if (font)
		hb_font_get_extents_for_direction(pango_font_get_hb_font(font),
		                                  HB_DIRECTION_LTR, &e);
	*ascent = e.ascender / (double)PANGO_SCALE;
	*descent = -e.descender / (double)PANGO_SCALE;
	if (font)
		g_object_unref(font);
	if (fs)
		g_object_unref(fs);
}

/* The ascent and descent of a face at a size, asked once. */
static void
metrics(nb_typesetter_t *ts, nb_face_t face, double size, double *ascent, double *descent)
{
	size_t i;

	for (i = 0; i < ts->nmetrics; i++)
		if (ts->metrics[i].face == face && ts->metrics[i].size == size)
			break;
	if (i == ts->nmetrics) {
		pango_font_description_set_size(ts->desc[face], (gint)(size * PANGO_SCALE + 0.5));
		if (i == NMETRICS)
			i = NMETRICS - 1;       /* more sizes than the renderer uses */
		else
			ts->nmetrics++;
		ts->metrics[i].face = face;
		ts->metrics[i].size = size;
		face_extents(ts, face, &ts->metrics[i].ascent, &ts->metrics[i].descent);
	}
	*ascent = ts->metrics[i].ascent;
	*descent = ts->metrics[i].descent;
}

static void *
copy_run(const void *run, void *unused)
{
	(void)unused;
	return pango_glyph_item_copy((PangoGlyphItem *)run);
}

/* Spreads `extra` Pango units over the gaps between a line's clusters. */
static void
spread(GSList *runs, long extra)
{
	long gaps = -1, k = 0;
	GSList *l;
	int g;

	for (l = runs; l; l = l->next) {
		const PangoGlyphString *gs = ((PangoGlyphItem *)l->data)->glyphs;
		for (g = 0; g < gs->num_glyphs; g++)
			gaps += g + 1 == gs->num_glyphs || gs->log_clusters[g + 1] != gs->log_clusters[g];
	}
	if (gaps < 1 || extra <= 0)
		return;
	for (l = runs; l; l = l->next) {
		PangoGlyphString *gs = ((PangoGlyphItem *)l->data)->glyphs;
		for (g = 0; g < gs->num_glyphs && k < gaps; g++)
			if (g + 1 == gs->num_glyphs || gs->log_clusters[g + 1] != gs->log_clusters[g]) {
				/* the k-th gap's share, rounding spread evenly */
				gs->glyphs[g].geometry.width +=
					(int)(extra * (k + 1) / gaps - extra * k / gaps);
				k++;
			}
	}
}

void
nb_ts_draw(nb_typesetter_t *ts, const nb_set_t *s, size_t i, double x, double top)
{
	const nb_style_t *st = &s->st;
	const nb_tline_t *ln = &s->lines[i];
	double indent = i == 0 ? st->indent : 0, avail = st->width - indent;
	const char *text = s->text + ln->start;
	double ascent, descent, natural = 0, dx = 0, baseline;
	const GSList *runs, *l;
	GSList *spread_runs = NULL;

	if (ln->end == ln->start)
		return;
	runs = shaped(ts, st->face, st->size, text, ln->end - ln->start);
	for (l = runs; l; l = l->next)
		natural += pango_glyph_string_get_width(((PangoGlyphItem *)l->data)->glyphs);
	natural /= PANGO_SCALE;
	if (st->align == NB_ALIGN_JUSTIFY && i + 1 < s->n) {
		/* a copy: the kept runs stay as shaped */
		runs = spread_runs = g_slist_copy_deep((GSList *)runs, copy_run, NULL);
		spread(spread_runs, (long)((avail - natural) * PANGO_SCALE));
	} else if (st->align == NB_ALIGN_CENTER)
		dx = (avail - natural) / 2;
	else if (st->align == NB_ALIGN_RIGHT)
		dx = avail - natural;
	metrics(ts, st->face, st->size, &ascent, &descent);
	x += indent + dx;
	baseline = top + (st->pitch - ascent - descent) / 2 + ascent;
	for (l = runs; l; l = l->next) {
		PangoGlyphItem *run = l->data;
		nb_pdf_fonts_show(ts->fonts, ts->cr, text, run, x, baseline);
		x += pango_glyph_string_get_width(run->glyphs) / (double)PANGO_SCALE;
	}
	free_runs(spread_runs);
}
