/* libxlsxwriter opened by its soname (see xlsx_lib.h). */

#include "config.h"

#include "core/lazylib.h"
#include "core/xlsx_lib.h"

static nb_xlsx_t funcs;

static const nb_lazysym_t syms[] = {
	NB_LAZYSYM(funcs, format_set_align),
	NB_LAZYSYM(funcs, format_set_bold),
	NB_LAZYSYM(funcs, format_set_border),
	NB_LAZYSYM(funcs, format_set_font_color),
	NB_LAZYSYM(funcs, format_set_font_size),
	NB_LAZYSYM(funcs, format_set_num_format),
	NB_LAZYSYM(funcs, format_set_text_wrap),
	NB_LAZYSYM(funcs, lxw_strerror),
	NB_LAZYSYM(funcs, workbook_add_format),
	NB_LAZYSYM(funcs, workbook_add_worksheet),
	NB_LAZYSYM(funcs, workbook_close),
	NB_LAZYSYM(funcs, workbook_new_opt),
	NB_LAZYSYM(funcs, workbook_set_properties),
	NB_LAZYSYM(funcs, workbook_validate_sheet_name),
	NB_LAZYSYM(funcs, worksheet_fit_to_pages),
	NB_LAZYSYM(funcs, worksheet_freeze_panes),
	NB_LAZYSYM(funcs, worksheet_merge_range),
	NB_LAZYSYM(funcs, worksheet_repeat_rows),
	NB_LAZYSYM(funcs, worksheet_set_column),
	NB_LAZYSYM(funcs, worksheet_set_landscape),
	NB_LAZYSYM(funcs, worksheet_set_paper),
	NB_LAZYSYM(funcs, worksheet_set_row),
	NB_LAZYSYM(funcs, worksheet_write_blank),
	NB_LAZYSYM(funcs, worksheet_write_number),
	NB_LAZYSYM(funcs, worksheet_write_string),
};

static nb_lazylib_t lib = NB_LAZYLIB(NB_XLSX_SONAME, syms);

const nb_xlsx_t *
nb_xlsx_open(const char *file, nb_error_t *err)
{
	if (nb_lazylib_load(&lib, "写工作簿（.xlsx）需要 libxlsxwriter 库", file, err) < 0)
		return NULL;
	return &funcs;
}
