/* form_load.h - what the parts of the form-file loader share (private to
 * form.c, form_layout.c, form_rules.c and form_next.c; the helpers are in
 * form_load.c).
 *
 * The helpers read one key of a mapping; on failure they record the error
 * with the position in the form file and return -1 (or NULL).
 */
#ifndef NB_FORM_LOAD_H
#define NB_FORM_LOAD_H

#include "core/form.h"
#include "core/ytree.h"

typedef struct {
	nb_form_t *form;      /* being built */
	const char *file;
	nb_error_t *err;
} nb_formload_t;

/* Records "表单文件：" and the message at the place of `at` (may be NULL);
 * returns -1. */
int nb_fl_bad(nb_formload_t *L, const nb_ynode_t *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void *nb_fl_alloc(nb_formload_t *L, size_t n, size_t size);
const char *nb_fl_dup(nb_formload_t *L, const char *s);
int nb_fl_str(nb_formload_t *L, const nb_ynode_t *map, const char *key,
              int required, const char **out);
int nb_fl_flag(nb_formload_t *L, const nb_ynode_t *map, const char *key,
               int *out);
int nb_fl_int(nb_formload_t *L, const nb_ynode_t *map, const char *key,
              int dflt, int *out);
/* An optional shorter name for `full` (a field's `grid`, a section's
 * `short`): one line, not empty, narrower than `full`. */
int nb_fl_brief(nb_formload_t *L, const nb_ynode_t *map, const char *key,
                const char *full, const char **out);
const nb_ynode_t *nb_fl_node(nb_formload_t *L, const nb_ynode_t *map,
                             const char *key, nb_ytype_t type);

int nb_fl_tables(nb_formload_t *L, const nb_ynode_t *root);
int nb_fl_sections(nb_formload_t *L, const nb_ynode_t *root);
int nb_fl_rules(nb_formload_t *L, const nb_ynode_t *root);
int nb_fl_next_year(nb_formload_t *L, const nb_ynode_t *root);

#endif
