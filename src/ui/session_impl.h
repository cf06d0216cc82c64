/* session_impl.h - what the files of the session share (floor 5). */
#ifndef NB_UI_SESSION_IMPL_H
#define NB_UI_SESSION_IMPL_H

#include <stddef.h>

#include "core/previous.h"
#include "ui/keys.h"
#include "ui/screen.h"

/* session.c.  How a draft is opened in the editor. */
typedef struct {
	const char *previous;   /* last year's draft as the operator named it */
	const char *said;       /* said on the status line first */
	int at_problem;         /* from where it was left, on to the next problem */
} nb_ui_open_t;

/* Runs the editor on a loaded draft (form and rep taken over) until the
 * operator leaves it.  Returns the exit status: 0 when it was left as
 * asked, the terminal still up (unless a question before opening took
 * it back) and left (of `size`) saying what the operator should know of
 * the leaving, or ""; else what happened has been said on standard
 * error, the terminal given back. */
int nb_ui_edit_draft(nb_form_t *form, nb_report_t *rep, const char *path,
                     const nb_ui_open_t *how, char *left, size_t size);

/* actions.c: one handler per request; bracketed paste; Ctrl-E. */
void nb_ui_handle(nb_ui_t *ui, nb_req_t req);
void nb_ui_paste(nb_ui_t *ui);
void nb_ui_external_editor(nb_ui_t *ui);

/* session_open.c.  Last year's draft (previous.h) for the draft at path:
 * 0 with *prev (perhaps none), note saying what to tell the operator of
 * one that could not be used; -1 when the one given on the command line
 * cannot be read (said on standard error, the terminal given back).  The
 * lock: 0 held, 1 to look read-only, -1 (said why)
 * not opened; note gets what to tell the operator. */
int nb_ui_find_previous(const nb_report_t *rep, const char *path,
                        const char *given, nb_previous_t *prev, char *note,
                        size_t size);
int nb_ui_lock_draft(nb_lock_t *lock, const char *path, char *note, size_t size);
/* The unsaved edits of last time offered back: 0 go on (*rep may be the
 * recovered report), 1 the question was left unanswered. */
int nb_ui_offer_recovery(nb_form_t *form, nb_report_t **rep, const char *path,
                         char *note, size_t size);
/* The draft is not opened; the recovery file stays.  The exit status. */
int nb_ui_leave_unanswered(nb_ui_t *ui, nb_form_t *form, nb_report_t *rep,
                           const char *path);
/* Where the draft was left (places.h): gone back to, at the start when
 * the place is not known; note (when it is empty) says so when the
 * places file cannot be read.  Kept for next time: -1 with why (into why
 * of `size`) when it cannot be. */
void nb_ui_place_restore(nb_editor_t *ed, char *note, size_t size);
int nb_ui_place_keep(const nb_editor_t *ed, char *why, size_t size);
/* After a signal ended the session: where the edits are; 128 + signal.
 * After memory ran out: the same, and 2. */
int nb_ui_ended_by_signal(const nb_editor_t *ed);
int nb_ui_ended_broken(const nb_editor_t *ed);

#endif
