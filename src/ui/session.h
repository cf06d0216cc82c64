/* session.h - floor 5 of the screen: the editing session, what the
 * command line calls. */
#ifndef NB_UI_SESSION_H
#define NB_UI_SESSION_H

#include "core/form.h"
#include "core/report.h"

/* The editor command once its arguments are checked: edits path (created
 * after asking 机关名称 and 年度 when it does not exist) or, without one,
 * the start screen's choice; form files are looked for in dirs.  previous
 * (or NULL) is last year's draft as the operator named it; without it the
 * editor looks for one (previous.h).  Returns the exit status. */
int nb_ui_start(const char *const *dirs, const char *path, const char *previous);
/* Runs the editor on a loaded draft until the operator quits; takes over
 * form and rep.  Returns the exit status. */
int nb_ui_edit(nb_form_t *form, nb_report_t *rep, const char *path,
               const char *previous);
/* The same, saying `said` on the status line first (NULL: nothing). */
int nb_ui_edit_saying(nb_form_t *form, nb_report_t *rep, const char *path,
                      const char *previous, const char *said);

#endif
