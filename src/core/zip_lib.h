/* zip_lib.h - libzip, opened the first time a Word file is written or read
 * (see lazylib.h): other commands do not load it, nor the libcrypto it brings.
 */
#ifndef NB_ZIP_LIB_H
#define NB_ZIP_LIB_H

#include <zip.h>

#include "core/error.h"

/* The functions the program calls, by their names. */
typedef struct {
	__typeof__(zip_close) *zip_close;
	__typeof__(zip_discard) *zip_discard;
	__typeof__(zip_error_code_zip) *zip_error_code_zip;
	__typeof__(zip_error_fini) *zip_error_fini;
	__typeof__(zip_error_init) *zip_error_init;
	__typeof__(zip_error_set) *zip_error_set;
	__typeof__(zip_error_strerror) *zip_error_strerror;
	__typeof__(zip_fclose) *zip_fclose;
	__typeof__(zip_file_add) *zip_file_add;
	__typeof__(zip_file_set_mtime) *zip_file_set_mtime;
	__typeof__(zip_fopen_index) *zip_fopen_index;
	__typeof__(zip_fread) *zip_fread;
	__typeof__(zip_get_error) *zip_get_error;
	__typeof__(zip_get_num_entries) *zip_get_num_entries;
	__typeof__(zip_name_locate) *zip_name_locate;
	__typeof__(zip_open_from_source) *zip_open_from_source;
	__typeof__(zip_source_buffer) *zip_source_buffer;
	__typeof__(zip_source_buffer_create) *zip_source_buffer_create;
	__typeof__(zip_source_close) *zip_source_close;
	__typeof__(zip_source_free) *zip_source_free;
	__typeof__(zip_source_keep) *zip_source_keep;
	__typeof__(zip_source_open) *zip_source_open;
	__typeof__(zip_source_read) *zip_source_read;
	__typeof__(zip_stat_index) *zip_stat_index;
	__typeof__(zip_stat_init) *zip_stat_init;
} nb_zip_t;

/* The functions, or NULL with the error set (at file, the one being
 * read or written) when the library cannot be opened or lacks one of
 * them.  Safe to call from any thread. */
const nb_zip_t *nb_zip_open(const char *file, nb_error_t *err);

#endif
