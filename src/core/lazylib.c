/* Libraries opened by their soname (see lazylib.h). */

#include "config.h"

#include <dlfcn.h>
#include <stdio.h>

#include "core/lazylib.h"

static void
open_lib(nb_lazylib_t *L)
{
	void *handle = dlopen(L->soname, RTLD_NOW | RTLD_LOCAL);
	size_t i;

	if (!handle) {
		snprintf(L->failure, sizeof L->failure, "%s", dlerror());
		return;
	}
	for (i = 0; i < L->n; i++) {
		/* POSIX: a function's address converts to and from void * */
		*L->syms[i].to = dlsym(handle, L->syms[i].name);
		if (!*L->syms[i].to) {
			snprintf(L->failure, sizeof L->failure, "%s 里没有 %s",
			         L->soname, L->syms[i].name);
			return;
		}
	}
}

int
nb_lazylib_load(nb_lazylib_t *L, const char *needs, const char *file,
                nb_error_t *err)
{
	pthread_mutex_lock(&L->lock);
	if (!L->tried)
		open_lib(L);
	L->tried = 1;
	pthread_mutex_unlock(&L->lock);
	if (L->failure[0])
		return nb_error_set(err, file, 0, 0, "%s（%s），它无法载入：%s",
		                    needs, L->soname, L->failure);
	return 0;
}
