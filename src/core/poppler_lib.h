/* poppler_lib.h - libpoppler-glib, opened the first time a PDF is read
 * (see lazylib.h): only reading a PDF needs it, and it brings some twenty libraries of
 * its own (libstdc++, nss, lcms, openjpeg, tiff...).
 */
#ifndef NB_POPPLER_LIB_H
#define NB_POPPLER_LIB_H

#include <poppler.h>

#include "core/error.h"

/* The functions the program calls, by their names. */
typedef struct {
	__typeof__(poppler_error_quark) *poppler_error_quark;
	__typeof__(poppler_document_new_from_bytes) *poppler_document_new_from_bytes;
	__typeof__(poppler_document_get_n_pages) *poppler_document_get_n_pages;
	__typeof__(poppler_document_get_page) *poppler_document_get_page;
	__typeof__(poppler_document_get_title) *poppler_document_get_title;
	__typeof__(poppler_page_get_size) *poppler_page_get_size;
	__typeof__(poppler_page_get_text) *poppler_page_get_text;
	__typeof__(poppler_page_get_text_layout) *poppler_page_get_text_layout;
	__typeof__(poppler_page_render) *poppler_page_render;
} nb_poppler_t;

/* The functions, or NULL with the error set (at file, the one being
 * read or written) when the library cannot be opened or lacks one of
 * them.  Safe to call from any thread. */
const nb_poppler_t *nb_poppler_open(const char *file, nb_error_t *err);

#endif
