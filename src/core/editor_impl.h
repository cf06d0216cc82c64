/* editor_impl.h - what editor.c and editor_input.c share; not for the
 * screen. */
#ifndef NB_EDITOR_IMPL_H
#define NB_EDITOR_IMPL_H

#include "core/editor.h"

/* Out of memory where the session cannot go on (the walk through the form
 * could not be rebuilt): one place that ends it, keeping the report. */
void nb_ed_out_of_memory(nb_editor_t *ed);
/* The walk rebuilt after subsections changed; -1 (and the session over)
 * when out of memory. */
int nb_ed_rebuild_nav(nb_editor_t *ed);
/* Recomputes totals, judges every rule, counts per section. */
void nb_ed_refresh(nb_editor_t *ed);
/* Loads the current stop into buf and orig. */
void nb_ed_load(nb_editor_t *ed);
void nb_ed_relayout(nb_editor_t *ed);
/* Ends the edit of the current stop and, outside a paste, its undo step:
 * 1 when that step was kept. */
int nb_ed_commit(nb_editor_t *ed);
/* Keeps the value of `cell` in the open undo step (opening one) before it
 * is changed; once per cell and step.  Closing the step keeps it on the
 * undo stack unless it changed nothing. */
int nb_ed_step_note(nb_editor_t *ed, size_t cell);
int nb_ed_step_close(nb_editor_t *ed);
/* The answer yes to nb_ed_fill_zeros' question. */
void nb_ed_fill_zeros_now(nb_editor_t *ed);
/* Frees every step (closing the editor). */
void nb_ed_undo_free(nb_editor_t *ed);
/* Moving in the history: undoing the last step, redoing the next one,
 * and (Esc) undoing the last step as a new step of its own.  Each leaves
 * the report, the flags and the cursor as the step says; the caller
 * refreshes.  -1 when there is no such step (or no memory, for revert). */
int nb_ed_history_back(nb_editor_t *ed);
int nb_ed_history_forward(nb_editor_t *ed);
int nb_ed_history_revert(nb_editor_t *ed);

/* The cursor of the current paragraph as a byte of its stored text, and
 * the cursor put at such a byte (0 and nothing outside paragraphs). */
size_t nb_ed_cursor_byte(const nb_editor_t *ed);
void nb_ed_cursor_to_byte(nb_editor_t *ed, size_t byte);

#endif
