/* libzip opened by its soname (see zip_lib.h). */

#include "config.h"

#include "core/lazylib.h"
#include "core/zip_lib.h"

static nb_zip_t funcs;

static const nb_lazysym_t syms[] = {
	NB_LAZYSYM(funcs, zip_close),
	NB_LAZYSYM(funcs, zip_discard),
	NB_LAZYSYM(funcs, zip_error_code_zip),
	NB_LAZYSYM(funcs, zip_error_fini),
	NB_LAZYSYM(funcs, zip_error_init),
	NB_LAZYSYM(funcs, zip_error_set),
	NB_LAZYSYM(funcs, zip_error_strerror),
	NB_LAZYSYM(funcs, zip_fclose),
	NB_LAZYSYM(funcs, zip_file_add),
	NB_LAZYSYM(funcs, zip_file_set_mtime),
	NB_LAZYSYM(funcs, zip_fopen_index),
	NB_LAZYSYM(funcs, zip_fread),
	NB_LAZYSYM(funcs, zip_get_error),
	NB_LAZYSYM(funcs, zip_get_num_entries),
	NB_LAZYSYM(funcs, zip_name_locate),
	NB_LAZYSYM(funcs, zip_open_from_source),
	NB_LAZYSYM(funcs, zip_source_buffer),
	NB_LAZYSYM(funcs, zip_source_buffer_create),
	NB_LAZYSYM(funcs, zip_source_close),
	NB_LAZYSYM(funcs, zip_source_free),
	NB_LAZYSYM(funcs, zip_source_keep),
	NB_LAZYSYM(funcs, zip_source_open),
	NB_LAZYSYM(funcs, zip_source_read),
	NB_LAZYSYM(funcs, zip_stat_index),
	NB_LAZYSYM(funcs, zip_stat_init),
};

static nb_lazylib_t lib = NB_LAZYLIB(NB_ZIP_SONAME, syms);

const nb_zip_t *
nb_zip_open(const char *file, nb_error_t *err)
{
	if (nb_lazylib_load(&lib, "读写 Word 文件需要 libzip 库", file, err) < 0)
		return NULL;
	return &funcs;
}
