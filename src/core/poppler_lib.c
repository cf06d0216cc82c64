/* libpoppler-glib opened by its soname (see poppler_lib.h). */

#include "config.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#include "core/poppler_lib.h"

static nb_poppler_t funcs;
static char failure[512];       /* why the library could not be used, or "" */
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Each function by its name; the member and the name cannot disagree. */
#define LOOK_UP(member) { (void **)&funcs.member, "poppler_" #member }

static void
open_library(void)
{
	const struct { void **to; const char *name; } want[] = {
		LOOK_UP(error_quark), LOOK_UP(document_new_from_bytes),
		LOOK_UP(document_get_n_pages), LOOK_UP(document_get_page),
		LOOK_UP(document_get_title), LOOK_UP(page_get_size),
		LOOK_UP(page_get_text), LOOK_UP(page_get_text_layout),
		LOOK_UP(page_render),
	};
	void *lib = dlopen(NB_POPPLER_SONAME, RTLD_NOW | RTLD_LOCAL);
	size_t i;

	if (!lib) {
		snprintf(failure, sizeof failure, "%s", dlerror());
		return;
	}
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		/* POSIX: a function's address converts to and from void * */
		*want[i].to = dlsym(lib, want[i].name);
		if (!*want[i].to) {
			snprintf(failure, sizeof failure, "%s 里没有 %s",
			         NB_POPPLER_SONAME, want[i].name);
			return;
		}
	}
}

const nb_poppler_t *
nb_poppler_open(const char *file, nb_error_t *err)
{
	pthread_once(&once, open_library);
	if (failure[0]) {
		nb_error_set(err, file, 0, 0,
		             "读取 PDF 需要 poppler 库（%s），它无法载入：%s",
		             NB_POPPLER_SONAME, failure);
		return NULL;
	}
	return &funcs;
}
