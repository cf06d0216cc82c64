/* summary.h - the 汇总表 sent upward: many reports of one form as one
 * table, a row a body.
 *
 * The table is a document (export.h) with the form's summary title and
 * one grid: the identity's columns (机关名称, 报告年度), then every figure of
 * the form's tables in the form's order under header rows made of the
 * labels of its fields and columns, merged where neighbours share them
 * (三、收到和处理… over all of table 三, 法人或其他组织 over its five columns);
 * then a row a report, in the order given, unfilled figures empty; then
 * the row of totals (the form's summary_total), each figure the sum of
 * those filled in.  Any renderer draws it; the workbook and CSV are the
 * ones that make sense.
 */
#ifndef NB_SUMMARY_H
#define NB_SUMMARY_H

#include <stddef.h>

#include "core/buf.h"
#include "core/error.h"
#include "core/export.h"
#include "core/report.h"

/* Builds the summary of n reports (at least one, all of one form); 0, or
 * -1 with err set. */
int nb_summary_build(const nb_report_t *const *reps, size_t n, nb_doc_t *doc,
                     nb_error_t *err);

/* Builds and renders it (NB_EXPORT_XLSX or NB_EXPORT_CSV), appending to
 * out; 0, or -1 with err set. */
int nb_summary_render(const nb_report_t *const *reps, size_t n,
                      nb_export_format_t fmt, nb_buf_t *out, nb_error_t *err);

#endif
