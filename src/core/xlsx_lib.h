/* xlsx_lib.h - libxlsxwriter, opened the first time a workbook is written
 * (see lazylib.h): other commands do not load it, nor the libcrypto it brings.
 */
#ifndef NB_XLSX_LIB_H
#define NB_XLSX_LIB_H

#include <xlsxwriter.h>

#include "core/error.h"

/* The functions the program calls, by their names. */
typedef struct {
	__typeof__(format_set_align) *format_set_align;
	__typeof__(format_set_bold) *format_set_bold;
	__typeof__(format_set_border) *format_set_border;
	__typeof__(format_set_font_color) *format_set_font_color;
	__typeof__(format_set_font_size) *format_set_font_size;
	__typeof__(format_set_num_format) *format_set_num_format;
	__typeof__(format_set_text_wrap) *format_set_text_wrap;
	__typeof__(lxw_strerror) *lxw_strerror;
	__typeof__(workbook_add_format) *workbook_add_format;
	__typeof__(workbook_add_worksheet) *workbook_add_worksheet;
	__typeof__(workbook_close) *workbook_close;
	__typeof__(workbook_new_opt) *workbook_new_opt;
	__typeof__(workbook_set_properties) *workbook_set_properties;
	__typeof__(workbook_validate_sheet_name) *workbook_validate_sheet_name;
	__typeof__(worksheet_fit_to_pages) *worksheet_fit_to_pages;
	__typeof__(worksheet_freeze_panes) *worksheet_freeze_panes;
	__typeof__(worksheet_merge_range) *worksheet_merge_range;
	__typeof__(worksheet_repeat_rows) *worksheet_repeat_rows;
	__typeof__(worksheet_set_column) *worksheet_set_column;
	__typeof__(worksheet_set_landscape) *worksheet_set_landscape;
	__typeof__(worksheet_set_paper) *worksheet_set_paper;
	__typeof__(worksheet_set_row) *worksheet_set_row;
	__typeof__(worksheet_write_blank) *worksheet_write_blank;
	__typeof__(worksheet_write_number) *worksheet_write_number;
	__typeof__(worksheet_write_string) *worksheet_write_string;
} nb_xlsx_t;

/* The functions, or NULL with the error set (at file, the one being
 * read or written) when the library cannot be opened or lacks one of
 * them.  Safe to call from any thread. */
const nb_xlsx_t *nb_xlsx_open(const char *file, nb_error_t *err);

#endif
