/* editor.h - the state of an editing session and the actions on it.
 *
 * No curses here: the screen turns keys into calls of these functions and
 * draws what the state says.  The editor owns the report and the path it
 * was opened with, and the form unless it was lent (nb_ed_open_lent).
 *
 * Editing model: the current stop's text is in `buf`; every change to it
 * is applied to the report at once (when it makes a value), totals are
 * recomputed and every rule is judged again, so what the screen shows is
 * always up to date; with last year's report given, the rules that
 * compare the two years are judged too.  `orig` keeps the value the stop had when the cursor
 * arrived: Esc puts it back in a one-line or number field (as an undo step
 * of its own) and leaves a paragraph as it is.  A total read from a file
 * that disagrees with the sum of its cells is kept (and flagged) until the
 * operator accepts the computed one.
 *
 * Undo: every change, from the first keystroke in a stop to leaving it, is
 * one step; so is a paste, however many cells it fills, and each other
 * action (accepting a total, adding or removing a subsection).  A step
 * holds every cell it changed, totals included, and the flags of the
 * totals kept from the file, so undoing it returns the whole state as it
 * was; redoing it goes forward again.  A step that would change nothing is
 * not kept.
 */
#ifndef NB_EDITOR_H
#define NB_EDITOR_H

#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "core/form.h"
#include "core/nav.h"
#include "core/recovery.h"
#include "core/report.h"
#include "core/rules.h"
#include "core/settings.h"
#include "core/textedit.h"

#define NB_UNDO_MAX 256

/* Marks of a cell: in a broken rule; warned about; holding a figure that
 * was probably typed in the wrong column or row (a "misplaced" note); in
 * a broken rule that such a note explains, so that the one cell to fix
 * stands out among the others of its columns. */
enum {
	NB_MARK_ERROR = 1, NB_MARK_WARNING = 2, NB_MARK_LIKELY = 4,
	NB_MARK_EXPLAINED = 8
};

typedef enum {
	NB_ASK_NONE, NB_ASK_QUIT, NB_ASK_REMOVE_ITEM, NB_ASK_OVERWRITE,
	NB_ASK_LEAVE, NB_ASK_FILL_ZEROS
} nb_ask_t;

typedef struct {
	size_t cell;
	nb_value_t value;       /* the value on the other side of the step */
} nb_undo_cell_t;

/* One undo step.  Undoing and redoing it are the same exchange: the values
 * and flags it holds trade places with those in the editor. */
typedef struct {
	nb_undo_cell_t *cells;  /* owned, values owned */
	size_t ncells;
	unsigned char *mismatch;/* the editor's `mismatch` on the other side */
	size_t stop;            /* where the cursor was */
} nb_undo_t;

typedef struct {
	const nb_form_t *form;
	nb_form_t *own_form;    /* form when the session owns it, else NULL */
	nb_report_t *rep;       /* owned */
	char *path;             /* owned */
	nb_report_t *prev;      /* last year's, read only (owned), or NULL */
	char *prev_name;        /* how the operator knows it (owned) */
	nb_nav_t nav;
	size_t cur;             /* the current stop */
	nb_text_t buf;          /* its text as being edited */
	nb_value_t orig;        /* its value on arrival (owned copy) */
	int changed;            /* buf has been edited since arrival */
	int fresh;              /* a number cell just entered, or the title of
	                           a subsection just added: typing replaces */
	int dirty;              /* changes not yet saved */
	int readonly;           /* another editor holds the draft: look only */
	nb_tlayout_t lay;       /* buf wrapped at wrap_width (paragraphs) */
	int wrap_width;
	nb_findings_t findings;
	nb_settings_t *settings;/* the project's nianbao.yaml, or NULL */
	unsigned char *mark;    /* per cell: NB_MARK_* */
	unsigned char *mismatch;/* per cell: a file's total not yet accepted */
	unsigned char *required;/* per cell: a text the rules require */
	int *sec_errors, *sec_warnings, *sec_unfilled;
	nb_undo_t undo[NB_UNDO_MAX];
	size_t nundo;           /* undo[0..nundo) can be undone */
	size_t nredo;           /* undo[nundo..nundo+nredo) can be redone */
	nb_undo_t step;         /* the step the changes now go into */
	int step_open;
	int grouping;           /* a paste: the stops it passes make one step */
	char msg[512];
	int msg_error;
	nb_ask_t ask;           /* a question waiting for y/n */
	int fill_section;       /* NB_ASK_FILL_ZEROS: its section, -1 all */
	int done;               /* the session is over */
	int broken;             /* ...because memory ran out: its edits are to
	                         * be kept in the recovery file, and nothing
	                         * but nb_ed_keep and nb_ed_close is called */
	unsigned long changes;  /* edits so far (any change to the report) */
	unsigned long kept;     /* `changes` when the recovery file was written */
	long kept_at;           /* when, in the caller's clock (ms); 0 = never */
	char keep_error[1024];  /* why the recovery file cannot be written now;
	                         * "" while it can */
	nb_filestamp_t stamp;   /* the draft on disk as loaded or last saved */
} nb_editor_t;

/* How a draft is opened: to look at only (another editor holds it), and
 * with the unsaved edits of last time recovered (so there are changes to
 * save from the start). */
enum { NB_ED_READONLY = 1, NB_ED_RECOVERED = 2 };

/* Takes over form, rep and a copy of path; flags are NB_ED_*.  -1: out
 * of memory; then nb_ed_close() frees what was built (form and rep too). */
int nb_ed_open(nb_editor_t *ed, nb_form_t *form, nb_report_t *rep,
               const char *path, int flags);
/* As nb_ed_open, the form lent: it stays the caller's and must outlive the
 * session (many drafts of one form judged one after another).  -1: out of
 * memory; then nb_ed_close() frees what was built and rep, not the form. */
int nb_ed_open_lent(nb_editor_t *ed, const nb_form_t *form, nb_report_t *rep,
                    const char *path, int flags);
void nb_ed_close(nb_editor_t *ed);
/* Gives the session last year's report, to be read only (taken over;
 * name, copied, is how the screen names it): the rules that compare the
 * two years are judged from now on.  One of another format cannot be
 * compared cell by cell: it is freed, a message says so, and -1. */
int nb_ed_set_previous(nb_editor_t *ed, nb_report_t *prev, const char *name);
/* Starts again on rep (read from the draft's file again; taken over),
 * with the same form, path, last year's report and read-only state; the
 * unsaved edits and
 * their recovery file are given up.  -1: out of memory; then everything
 * is freed and the session is over (done). */
int nb_ed_reload(nb_editor_t *ed, nb_report_t *rep);

const nb_stop_t *nb_ed_stop(const nb_editor_t *ed);
/* The section of the current stop. */
int nb_ed_section(const nb_editor_t *ed);

/* Sets the width paragraphs wrap at (the screen calls it on resize). */
void nb_ed_set_width(nb_editor_t *ed, int width);

/* Moving between stops (each commits the stop being left). */
void nb_ed_goto(nb_editor_t *ed, size_t stop);
void nb_ed_next(nb_editor_t *ed);
void nb_ed_prev(nb_editor_t *ed);
void nb_ed_next_section(nb_editor_t *ed, int dir);
void nb_ed_grid(nb_editor_t *ed, int drow, int dcol);
/* The next finding after the current stop (errors first), wrapping; a
 * figure probably typed in the wrong place counts as an error, and the
 * broken rules it explains are reached through it. */
void nb_ed_next_problem(nb_editor_t *ed);
void nb_ed_goto_finding(nb_editor_t *ed, size_t index);

/* The current stop described so that another session finds it again
 * (places.h): the field's path, "[N]" for column N of a row (from 0),
 * "/N" for subsection N (from 1), "/N/title" for its title, as
 * "requests.withheld.state_secret[2]" or "overview.items/2/title".  -1 when buf
 * is too small.  Going to a place: -1, staying where it is, when the form
 * or the report has no such stop (a subsection removed since). */
int nb_ed_place(const nb_editor_t *ed, char *buf, size_t size);
int nb_ed_goto_place(nb_editor_t *ed, const char *place);

/* Typing.  Refused characters leave a message and return 0. */
int nb_ed_type(nb_editor_t *ed, wchar_t c);
int nb_ed_paste(nb_editor_t *ed, const wchar_t *s, size_t n);
void nb_ed_backspace(nb_editor_t *ed);
void nb_ed_delete(nb_editor_t *ed);
/* Enter: a new line in paragraphs; elsewhere commit and go on (on a
 * disputed total: accept the computed value). */
void nb_ed_enter(nb_editor_t *ed);
/* Esc: a paragraph keeps its text and the cursor goes on (as Tab); a
 * one-line or number field gets back its value on arrival (undoable). */
void nb_ed_cancel(nb_editor_t *ed);
void nb_ed_clear(nb_editor_t *ed);
/* Replaces the whole text of the current stop (external editor). */
void nb_ed_replace_text(nb_editor_t *ed, const char *utf8);

/* Cursor moves inside the current text (return 1 when it moved). */
typedef enum {
	NB_MV_LEFT, NB_MV_RIGHT, NB_MV_UP, NB_MV_DOWN, NB_MV_HOME, NB_MV_END,
	NB_MV_PGUP, NB_MV_PGDN, NB_MV_WORD_LEFT, NB_MV_WORD_RIGHT,
	NB_MV_TOP, NB_MV_BOTTOM
} nb_move_t;
int nb_ed_move(nb_editor_t *ed, nb_move_t mv, int page);

void nb_ed_undo(nb_editor_t *ed);
void nb_ed_redo(nb_editor_t *ed);
void nb_ed_accept_total(nb_editor_t *ed);
void nb_ed_add_item(nb_editor_t *ed);
void nb_ed_remove_item(nb_editor_t *ed);   /* asks first */
/* Every unfilled figure of the current table, or of the whole report when
 * the table has none (or the cursor is not in one), set to 0, in one undo
 * step; asks first, naming how many (editor_fill.c). */
void nb_ed_fill_zeros(nb_editor_t *ed);
/* Quitting: asks when there are unsaved changes. */
void nb_ed_quit(nb_editor_t *ed);
/* Ctrl-C: always asks, so a stray interrupt never ends the session. */
void nb_ed_interrupt(nb_editor_t *ed);
/* The answer to a pending question. */
void nb_ed_answer(nb_editor_t *ed, int yes);
int nb_ed_save(nb_editor_t *ed);
/* Saves to another file, which becomes the draft edited (the caller holds
 * its lock).  -1 with a message when it could not be written. */
int nb_ed_save_as(nb_editor_t *ed, const char *path);
/* Keeps unsaved edits in the draft's recovery file (recovery.h) when there
 * are new ones and at least `every` has passed since the last time (any
 * clock, the same unit for both; the screen uses milliseconds).  Saving, and quitting without saving, remove
 * the file.  When it cannot be written, keep_error says why (and a message
 * says so once) until a write succeeds again; a failed write is tried
 * again after `every`. */
void nb_ed_keep(nb_editor_t *ed, long now, long every);

/* What the screen shows for a cell: its text (a disputed total shows the
 * file's figure and the computed one) into buf of `size`. */
void nb_ed_cell_text(const nb_editor_t *ed, size_t cell, char *buf,
                     size_t size);
/* The text of a stop as stored (not the edit buffer); malloc'd. */
char *nb_ed_stop_text(const nb_editor_t *ed, size_t stop);
/* The "misplaced" note a cell is concerned by (misplaced.h: the cell it
 * names, where that figure belongs, a cell of the sums it explains), or
 * NULL. */
const nb_finding_t *nb_ed_misplaced(const nb_editor_t *ed, size_t cell);
/* The rule line for the status bar: at a cell a "misplaced" note is
 * about, the note; else the broken rule the current cell takes part in
 * (the wording of `nianbao check`), or the rule it takes part in, with
 * figures, and then how many errors the report has elsewhere
 * ("{next_problem}" stands for the key that goes to them).
 * Returns 1 broken, 0 holds, -1 none. */
int nb_ed_rule_line(const nb_editor_t *ed, char *buf, size_t size);
/* How far a section is: done, with cells unfilled, with errors; and the
 * words for it ("完成", "3未填", "2错 3未填") into buf of `size`. */
typedef enum { NB_SEC_DONE, NB_SEC_UNFILLED, NB_SEC_ERRORS } nb_sec_state_t;
nb_sec_state_t nb_ed_section_state(const nb_editor_t *ed, int sec, char *buf,
                                   size_t size);
/* The same words for any count of errors and unfilled places (a whole
 * draft: draft_state.h). */
nb_sec_state_t nb_ed_state_words(int errors, int unfilled, char *buf, size_t size);

/* The sentences of a paragraph stop that findings are about, as
 * characters of its text, in order (editor_text.c). */
typedef struct {
	size_t start, end;
	nb_severity_t severity;
} nb_mark_span_t;
/* Fills out (room for max) and returns how many there are. */
size_t nb_ed_text_marks(const nb_editor_t *ed, size_t stop, nb_mark_span_t *out,
                        size_t max);
/* The finding about the sentence under the cursor of the current
 * paragraph, else the paragraph's first; NULL when it has none. */
const nb_finding_t *nb_ed_text_finding(const nb_editor_t *ed);

void nb_ed_message(nb_editor_t *ed, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
