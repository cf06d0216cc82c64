/* form_load.h - what the parts of the form-file loader share (private to
 * form.c, form_layout.c, form_rules.c, form_text_checks.c and form_next.c;
 * the helpers are in form_load.c).
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
/* An optional list of strings under key, into *out (n of them; NULL
 * and 0 when there is none). */
int nb_fl_strs(nb_formload_t *L, const nb_ynode_t *map, const char *key,
               const char ***out, size_t *n);
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

/* The severity named by a rule's `severity` (error when absent). */
int nb_fl_severity(nb_formload_t *L, const nb_ynode_t *rule, nb_severity_t *out);
/* Appends the cells a term such as "-requests.withheld.*[3]" stands for
 * (form_rules.c); `previous` gets whether one reads last year's draft. */
int nb_fl_term(nb_formload_t *L, const nb_ynode_t *at, const char *s,
               nb_term_t **terms, size_t *n, int *previous);

int nb_fl_tables(nb_formload_t *L, const nb_ynode_t *root);
int nb_fl_sections(nb_formload_t *L, const nb_ynode_t *root);
int nb_fl_rules(nb_formload_t *L, const nb_ynode_t *root);
/* The optional `text_checks` part (form_text_checks.c); after the rules,
 * whose ids its own may not repeat. */
int nb_fl_text_checks(nb_formload_t *L, const nb_ynode_t *root);
int nb_fl_next_year(nb_formload_t *L, const nb_ynode_t *root);

#endif
