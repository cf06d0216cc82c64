/* lazylib.h - a shared library opened when first needed, its functions
 * looked up by name.
 *
 * Some libraries only a few commands need (poppler to read a PDF, libzip
 * for Word files, libxlsxwriter for workbooks) are not linked into the
 * program: loading them, and what they bring (libstdc++, nss, libcrypto
 * with its twenty thousand relocations), cost every command's start.  Each
 * has a module of its own (poppler_lib, zip_lib, xlsx_lib) with a table of
 * the functions the program calls, filled here once per process.
 */
#ifndef NB_LAZYLIB_H
#define NB_LAZYLIB_H

#include <pthread.h>
#include <stddef.h>

#include "core/error.h"

typedef struct {
	const char *name;       /* the function's name in the library */
	void **to;              /* where its address goes */
} nb_lazysym_t;

/* An entry for a table whose member is named as the function. */
#define NB_LAZYSYM(table, fn) { #fn, (void **)&(table).fn }

typedef struct {
	const char *soname;     /* configure found it: NB_*_SONAME */
	const nb_lazysym_t *syms;
	size_t n;
	pthread_mutex_t lock;
	int tried;
	char failure[512];      /* why it cannot be used, or "" */
} nb_lazylib_t;

#define NB_LAZYLIB(soname, syms) \
	{ soname, syms, sizeof syms / sizeof syms[0], PTHREAD_MUTEX_INITIALIZER, 0, "" }

/* Opens the library the first time (from any thread) and sets every
 * entry's function.  0, or -1 with the error set at file: "needs" (what
 * needs the library, in words), its soname, and what failed: the library
 * not found or not loadable, or a function it lacks.  The library stays
 * open until the process ends. */
int nb_lazylib_load(nb_lazylib_t *lib, const char *needs, const char *file,
                    nb_error_t *err);

#endif
