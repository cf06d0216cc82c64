/* The fonts a PDF embeds, cut down to the glyphs drawn (see
 * export_pdf_font.h): HarfBuzz's subsetter cuts the face Pango shaped
 * with, FreeType opens the cut from memory, and Cairo draws in it. */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <cairo-ft.h>
#include <hb.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>

#include "core/export_pdf_font.h"

/* A face Pango shaped with: the glyphs noted of it, and its cut. */
typedef struct {
	hb_face_t *source;
	hb_set_t *glyphs;
	int whole;                      /* not to be cut */
	hb_subset_plan_t *plan;         /* of the cut: its glyphs' new numbers */
	cairo_font_face_t *cut;
} face_t;

/* A font (a face at a size) runs were shaped in. */
typedef struct {
	PangoFont *font;
	size_t face;
	cairo_scaled_font_t *scaled;    /* in the cut, at the font's size */
} font_t;

struct nb_pdf_fonts {
	face_t *faces;
	size_t nfaces;
	font_t *fonts;
	size_t nfonts;
	int cut;
};

/* What a cut face keeps alive for as long as Cairo holds the face: the
 * FreeType face, its library, the bytes it reads. */
typedef struct {
	FT_Library lib;
	FT_Face ft;
	hb_blob_t *blob;
} keep_t;

static const cairo_user_data_key_t keep_key;

/* Tables a PDF's font does without: layout, vertical metrics. */
static const char *const dropped[] = {
	"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "VORG", "vhea", "vmtx",
};

nb_pdf_fonts_t *
nb_pdf_fonts_new(void)
{
	return calloc(1, sizeof(nb_pdf_fonts_t));
}

void
nb_pdf_fonts_free(nb_pdf_fonts_t *f)
{
	size_t i;

	if (!f)
		return;
	for (i = 0; i < f->nfonts; i++) {
		g_object_unref(f->fonts[i].font);
		cairo_scaled_font_destroy(f->fonts[i].scaled);
	}
	for (i = 0; i < f->nfaces; i++) {
		hb_face_destroy(f->faces[i].source);
		hb_set_destroy(f->faces[i].glyphs);
		hb_subset_plan_destroy(f->faces[i].plan);
		cairo_font_face_destroy(f->faces[i].cut);
	}
	free(f->faces);
	free(f->fonts);
	free(f);
}

/* Whether the face is drawn as fontconfig gave it, bold or slant made up,
 * or with variations, which a cut would lose. */
static int
keep_whole(PangoFont *font, hb_face_t *face)
{
	FcPattern *pat;
	FcBool bold;
	FcMatrix *m;

	if (!PANGO_IS_FC_FONT(font) || !(pat = pango_fc_font_get_pattern(PANGO_FC_FONT(font))))
		return 1;
	if (FcPatternGetBool(pat, FC_EMBOLDEN, 0, &bold) == FcResultMatch && bold)
		return 1;
	if (FcPatternGetMatrix(pat, FC_MATRIX, 0, &m) == FcResultMatch &&
	    (m->xx != 1 || m->xy != 0 || m->yx != 0 || m->yy != 1))
		return 1;
	return hb_ot_var_has_data(face);
}

static long
add_face(nb_pdf_fonts_t *f, PangoFont *font, hb_face_t *source)
{
	face_t *v = realloc(f->faces, (f->nfaces + 1) * sizeof *v), *x;

	if (!v)
		return -1;
	f->faces = v;
	x = &v[f->nfaces];
	memset(x, 0, sizeof *x);
	x->glyphs = hb_set_create();
	if (!hb_set_allocation_successful(x->glyphs)) {
		hb_set_destroy(x->glyphs);
		return -1;
	}
	x->source = hb_face_reference(source);
	x->whole = keep_whole(font, source);
	return (long)f->nfaces++;
}

/* The font's entry, made at its first run; NULL out of memory. */
static font_t *
font_of(nb_pdf_fonts_t *f, PangoFont *font)
{
	hb_face_t *source;
	font_t *v;
	size_t i;
	long face = -1;

	for (i = 0; i < f->nfonts; i++)
		if (f->fonts[i].font == font)
			return &f->fonts[i];
	source = hb_font_get_face(pango_font_get_hb_font(font));
	for (i = 0; i < f->nfaces; i++)
		if (f->faces[i].source == source)
			face = (long)i;
	if (face < 0 && (face = add_face(f, font, source)) < 0)
		return NULL;
	if (!(v = realloc(f->fonts, (f->nfonts + 1) * sizeof *v)))
		return NULL;
	f->fonts = v;
	v[f->nfonts].font = g_object_ref(font);
	v[f->nfonts].face = (size_t)face;
	v[f->nfonts].scaled = NULL;
	return &v[f->nfonts++];
}

int
nb_pdf_fonts_note(nb_pdf_fonts_t *f, const PangoGlyphItem *run)
{
	const PangoGlyphString *gs = run->glyphs;
	font_t *font;
	face_t *x;
	int g;

	if (f->cut || !run->item->analysis.font)
		return 0;
	if (!(font = font_of(f, run->item->analysis.font)))
		return -1;
	x = &f->faces[font->face];
	for (g = 0; g < gs->num_glyphs; g++)
		if (!(gs->glyphs[g].glyph & PANGO_GLYPH_UNKNOWN_FLAG))
			hb_set_add(x->glyphs, gs->glyphs[g].glyph);
	return hb_set_allocation_successful(x->glyphs) ? 0 : -1;
}

/* The face as the subsetter is shown it: without its cmap, which it
 * would read whole (the 65535 characters of a CJK font) to keep the
 * characters of glyphs given by number.  The cut needs none: Cairo has
 * the PDF's text from the runs. */
static hb_blob_t *
table_but_cmap(hb_face_t *face, hb_tag_t tag, void *source)
{
	(void)face;
	return tag == HB_TAG('c', 'm', 'a', 'p') ? hb_blob_get_empty() :
	       hb_face_reference_table(source, tag);
}

/* The plan of the cut: the glyphs noted, in new numbers. */
static hb_subset_plan_t *
plan(face_t *x)
{
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	hb_face_t *view;
	hb_subset_plan_t *p;
	size_t i;

	if (!in)
		return NULL;
	for (i = 0; i < sizeof dropped / sizeof dropped[0]; i++)
		hb_set_add(hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG),
		           hb_tag_from_string(dropped[i], -1));
	/* without subroutines Cairo's reading of the charstrings cannot fail;
	 * without hints FreeType loads a glyph a fifth faster, and Cairo loads
	 * each about four times (its metrics at each size, its outline, its
	 * metrics again to embed it).  The page is drawn at any resolution
	 * from the outlines alone: poppler draws the seed's pages to the same
	 * pixels with and without them, at 72 and 96 dpi. */
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_DESUBROUTINIZE |
	                              HB_SUBSET_FLAGS_NO_HINTING);
	hb_set_union(hb_subset_input_glyph_set(in), x->glyphs);
	view = hb_face_create_for_tables(table_but_cmap, hb_face_reference(x->source),
	                                 (hb_destroy_func_t)hb_face_destroy);
	p = hb_subset_plan_create_or_fail(view, in);
	hb_face_destroy(view);
	hb_subset_input_destroy(in);
	return p;
}

static void
unkeep(void *data)
{
	keep_t *k = data;

	FT_Done_Face(k->ft);
	FT_Done_FreeType(k->lib);
	hb_blob_destroy(k->blob);
	free(k);
}

/* The cut face for Cairo, from the subset's bytes; NULL on failure. */
static cairo_font_face_t *
open_cut(hb_face_t *subset)
{
	keep_t *k = calloc(1, sizeof *k);
	cairo_font_face_t *face;
	const char *data;
	unsigned int len;

	if (!k)
		return NULL;
	k->blob = hb_face_reference_blob(subset);
	data = hb_blob_get_data(k->blob, &len);
	if (!len || FT_Init_FreeType(&k->lib) != 0) {
		hb_blob_destroy(k->blob);
		free(k);
		return NULL;
	}
	if (FT_New_Memory_Face(k->lib, (const FT_Byte *)data, (FT_Long)len, 0, &k->ft) != 0) {
		FT_Done_FreeType(k->lib);
		hb_blob_destroy(k->blob);
		free(k);
		return NULL;
	}
	face = cairo_ft_font_face_create_for_ft_face(k->ft, 0);
	if (cairo_font_face_set_user_data(face, &keep_key, k, unkeep) != CAIRO_STATUS_SUCCESS) {
		cairo_font_face_destroy(face);
		unkeep(k);
		return NULL;
	}
	return face;
}

static void
cut_face(face_t *x)
{
	hb_face_t *subset;

	if (x->whole || !(x->plan = plan(x)))
		return;
	if ((subset = hb_subset_plan_execute_or_fail(x->plan))) {
		x->cut = open_cut(subset);
		hb_face_destroy(subset);
	}
}

void
nb_pdf_fonts_cut(nb_pdf_fonts_t *f)
{
	size_t i;

	if (f->cut)
		return;
	f->cut = 1;
	for (i = 0; i < f->nfaces; i++)
		cut_face(&f->faces[i]);
}

/* The font at its size in the cut face, as Pango would draw it. */
static cairo_scaled_font_t *
scaled(font_t *font, cairo_font_face_t *cut)
{
	cairo_scaled_font_t *real;
	cairo_font_options_t *o;
	cairo_matrix_t m, ctm;

	if (font->scaled)
		return font->scaled;
	if (!(real = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font->font))))
		return NULL;
	o = cairo_font_options_create();
	cairo_scaled_font_get_font_matrix(real, &m);
	cairo_scaled_font_get_ctm(real, &ctm);
	cairo_scaled_font_get_font_options(real, o);
	font->scaled = cairo_scaled_font_create(cut, &m, &ctm, o);
	cairo_font_options_destroy(o);
	if (cairo_scaled_font_status(font->scaled) != CAIRO_STATUS_SUCCESS) {
		cairo_scaled_font_destroy(font->scaled);
		font->scaled = NULL;
	}
	return font->scaled;
}

/* The run's glyphs in the cut's numbers at their places, and its clusters
 * (a character or more to a glyph or more, for the PDF's text); the number
 * of glyphs, or -1 when a glyph is not in the cut. */
static int
cut_glyphs(const hb_map_t *to_new, const PangoGlyphItem *run, double x, double y,
           cairo_glyph_t *glyphs, cairo_text_cluster_t *clusters, int *nclusters)
{
	const PangoGlyphString *gs = run->glyphs;
	int g, n = 0, k = -1;

	for (g = 0; g < gs->num_glyphs; g++) {
		const PangoGlyphInfo *gi = &gs->glyphs[g];
		if (g == 0 || gs->log_clusters[g] != gs->log_clusters[g - 1]) {
			clusters[++k].num_bytes = gs->log_clusters[g];  /* its start, for now */
			clusters[k].num_glyphs = 0;
		}
		if (gi->glyph != PANGO_GLYPH_EMPTY) {
			if ((gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG) || !hb_map_has(to_new, gi->glyph))
				return -1;
			glyphs[n].index = hb_map_get(to_new, gi->glyph);
			glyphs[n].x = x + gi->geometry.x_offset / (double)PANGO_SCALE;
			glyphs[n].y = y + gi->geometry.y_offset / (double)PANGO_SCALE;
			clusters[k].num_glyphs++;
			n++;
		}
		x += gi->geometry.width / (double)PANGO_SCALE;
	}
	*nclusters = k + 1;
	for (k = 0; k < *nclusters; k++) {
		clusters[k].num_bytes = (k + 1 < *nclusters ? clusters[k + 1].num_bytes :
		                         run->item->length) - clusters[k].num_bytes;
		if (clusters[k].num_bytes <= 0)
			return -1;      /* clusters out of order: Cairo would fail the page */
	}
	return n;
}

/* Draws the run in the cut; -1 when it cannot be (left to Pango). */
static int
show_cut(cairo_t *cr, cairo_scaled_font_t *sf, const hb_map_t *to_new, const char *text,
         const PangoGlyphItem *run, double x, double y)
{
	int n = run->glyphs->num_glyphs, nglyphs, nclusters = 0;
	cairo_glyph_t *glyphs;
	cairo_text_cluster_t *clusters;

	/* log_clusters rise from 0 in a run set left to right */
	if (n == 0 || run->item->analysis.level % 2 || run->glyphs->log_clusters[0] != 0)
		return -1;
	glyphs = cairo_glyph_allocate(n);
	clusters = cairo_text_cluster_allocate(n);
	nglyphs = glyphs && clusters ?
	          cut_glyphs(to_new, run, x, y, glyphs, clusters, &nclusters) : -1;
	if (nglyphs > 0) {
		cairo_set_scaled_font(cr, sf);
		cairo_show_text_glyphs(cr, text + run->item->offset, run->item->length,
		                       glyphs, nglyphs, clusters, nclusters, 0);
	}
	cairo_glyph_free(glyphs);
	cairo_text_cluster_free(clusters);
	return nglyphs < 0 ? -1 : 0;
}

void
nb_pdf_fonts_show(nb_pdf_fonts_t *f, cairo_t *cr, const char *text, PangoGlyphItem *run,
                  double x, double y)
{
	font_t *font = run->item->analysis.font ? font_of(f, run->item->analysis.font) : NULL;
	face_t *face = font ? &f->faces[font->face] : NULL;
	cairo_scaled_font_t *sf = face && face->cut ? scaled(font, face->cut) : NULL;

	if (sf && show_cut(cr, sf, hb_subset_plan_old_to_new_glyph_mapping(face->plan),
	                   text, run, x, y) == 0)
		return;
	cairo_move_to(cr, x, y);
	pango_cairo_show_glyph_item(cr, text, run);
}
