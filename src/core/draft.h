/* draft.h - reading and writing report drafts (doc/draft-format.md).
 *
 * Reading refuses every malformed draft with the file, line, column and
 * what was expected; it never returns a half-read report.  Writing produces
 * the canonical layout (keys in form order, rows in flow style, paragraphs
 * as literal blocks), so reading and writing a canonical draft gives back
 * the same bytes, and saving replaces the file atomically.
 */
#ifndef NB_DRAFT_H
#define NB_DRAFT_H

#include "core/buf.h"
#include "core/error.h"
#include "core/form.h"
#include "core/report.h"
#include "core/ytree.h"

/* The `format` a draft's text declares, or -1 with an error. */
int nb_draft_format_of(const nb_ynode_t *root, const char *file,
                       const char **format, nb_error_t *err);

/* Reads a parsed draft against a form; `file` names it in errors. */
int nb_draft_from_tree(const nb_form_t *form, const char *file,
                       nb_ynode_t *root, nb_report_t **out, nb_error_t *err);

/* The whole of loading one draft file: parse, find its form among
 * form_dirs (NULL-terminated), read.  The caller frees both. */
int nb_draft_open(const char *path, const char *const *form_dirs,
                  nb_form_t **form, nb_report_t **out, nb_error_t *err);

/* Reads a draft file against a form already loaded (it must be the form
 * the draft declares). */
int nb_draft_load(const nb_form_t *form, const char *path, nb_report_t **out,
                  nb_error_t *err);

/* The canonical YAML text of a report. */
int nb_draft_emit(const nb_report_t *r, nb_buf_t *out, nb_error_t *err);

/* Writes the canonical text to path with nb_file_save (file.h): atomically,
 * keeping the previous version as PATH~.  0 when saved; 1 when saved but
 * the backup could not be made (*err holds the warning); -1 with *err
 * saying why, PATH and PATH~ as they were. */
int nb_draft_save(const nb_report_t *r, const char *path, nb_error_t *err);

#endif
