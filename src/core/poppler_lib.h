/* poppler_lib.h - libpoppler-glib, opened the first time a PDF is read.
 *
 * Only reading a PDF needs poppler, and poppler brings some twenty
 * libraries of its own (libstdc++, nss, lcms, openjpeg, tiff...) whose
 * loading and relocation cost every command, an export or a check as
 * much as an import, about 8 ms at start.  So the program does not link
 * it: the functions the PDF reader calls are looked up here, in the
 * library configure found (NB_POPPLER_SONAME), once per process.
 */
#ifndef NB_POPPLER_LIB_H
#define NB_POPPLER_LIB_H

#include <poppler.h>

#include "core/error.h"

typedef struct {
	GQuark (*error_quark)(void);
	PopplerDocument *(*document_new_from_bytes)(GBytes *bytes,
	                                            const char *password,
	                                            GError **error);
	int (*document_get_n_pages)(PopplerDocument *doc);
	PopplerPage *(*document_get_page)(PopplerDocument *doc, int index);
	gchar *(*document_get_title)(PopplerDocument *doc);
	void (*page_get_size)(PopplerPage *page, double *width, double *height);
	char *(*page_get_text)(PopplerPage *page);
	gboolean (*page_get_text_layout)(PopplerPage *page,
	                                 PopplerRectangle **rectangles,
	                                 guint *n_rectangles);
	void (*page_render)(PopplerPage *page, cairo_t *cairo);
} nb_poppler_t;

/* The functions, or NULL with the error set (at file, the PDF asked for)
 * when the library cannot be opened or lacks one of them.  Safe to call
 * from any thread; the library stays open until the process ends. */
const nb_poppler_t *nb_poppler_open(const char *file, nb_error_t *err);

#endif
