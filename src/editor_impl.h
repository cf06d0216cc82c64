/* editor_impl.h - what editor.c and editor_input.c share; not for the
 * screen. */
#ifndef NB_EDITOR_IMPL_H
#define NB_EDITOR_IMPL_H

#include "editor.h"

void nb_ed_value_free(nb_value_t *v);
int nb_ed_value_copy(const nb_value_t *from, nb_value_t *to);
/* Recomputes totals, judges every rule, counts per section. */
void nb_ed_refresh(nb_editor_t *ed);
/* Loads the current stop into buf and orig. */
void nb_ed_load(nb_editor_t *ed);
void nb_ed_relayout(nb_editor_t *ed);
void nb_ed_commit(nb_editor_t *ed);
/* Takes over *value as the undo step for cell. */
void nb_ed_push_undo(nb_editor_t *ed, size_t cell, nb_value_t *value,
                     size_t stop);

#endif
