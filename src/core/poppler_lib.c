/* libpoppler-glib opened by its soname (see poppler_lib.h). */

#include "config.h"

#include "core/lazylib.h"
#include "core/poppler_lib.h"

static nb_poppler_t funcs;

static const nb_lazysym_t syms[] = {
	NB_LAZYSYM(funcs, poppler_error_quark),
	NB_LAZYSYM(funcs, poppler_document_new_from_bytes),
	NB_LAZYSYM(funcs, poppler_document_get_n_pages),
	NB_LAZYSYM(funcs, poppler_document_get_page),
	NB_LAZYSYM(funcs, poppler_document_get_title),
	NB_LAZYSYM(funcs, poppler_page_get_size),
	NB_LAZYSYM(funcs, poppler_page_get_text),
	NB_LAZYSYM(funcs, poppler_page_get_text_layout),
	NB_LAZYSYM(funcs, poppler_page_render),
};

static nb_lazylib_t lib = NB_LAZYLIB(NB_POPPLER_SONAME, syms);

const nb_poppler_t *
nb_poppler_open(const char *file, nb_error_t *err)
{
	if (nb_lazylib_load(&lib, "读取 PDF 需要 poppler 库", file, err) < 0)
		return NULL;
	return &funcs;
}
