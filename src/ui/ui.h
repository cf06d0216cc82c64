/* ui.h - the screen: the only part of nianbao that includes <curses.h>.
 *
 * ui.c      terminal set-up and teardown, the key loop, paste, resize,
 *           the external editor and the headless replay used by the
 *           benchmark
 * ui_keys.c keys -> requests (one binding table, also shown by F1) and
 *           one small handler per request
 * ui_draw.c drawing the editor: title, outline, section body, status
 * ui_start.c the start screen and the new-draft prompt
 *
 * All the logic lives in editor.c / nav.c / textedit.c; this layer turns
 * keys into calls and draws the state.
 */
#ifndef NB_UI_H
#define NB_UI_H

#include <stdio.h>
#include <wchar.h>

#include "core/editor.h"
#include "core/form.h"
#include "core/lock.h"
#include "core/report.h"

#define NB_UI_MIN_COLS 80
#define NB_UI_MIN_LINES 24

typedef enum {
	NB_REQ_NONE,
	NB_REQ_NEXT, NB_REQ_PREV, NB_REQ_UP, NB_REQ_DOWN, NB_REQ_LEFT,
	NB_REQ_RIGHT, NB_REQ_HOME, NB_REQ_END, NB_REQ_PGUP, NB_REQ_PGDN,
	NB_REQ_WORD_LEFT, NB_REQ_WORD_RIGHT, NB_REQ_TOP, NB_REQ_BOTTOM,
	NB_REQ_ENTER, NB_REQ_CANCEL, NB_REQ_BACKSPACE, NB_REQ_DELETE,
	NB_REQ_CLEAR, NB_REQ_SAVE, NB_REQ_QUIT, NB_REQ_NEXT_PROBLEM,
	NB_REQ_PROBLEMS, NB_REQ_EXTERNAL, NB_REQ_UNDO, NB_REQ_HELP,
	NB_REQ_ADD_ITEM, NB_REQ_REMOVE_ITEM, NB_REQ_REDRAW,
	NB_REQ_PASTE_BEGIN, NB_REQ_PASTE_END, NB_REQ_MOUSE, NB_REQ_RESIZE,
	NB_REQ_PREVIEW, NB_REQ_EXPORT, NB_REQ_INTERRUPT, NB_REQ_SAVE_AS,
	NB_REQ_RELOAD, NB_REQ_REDO,
	NB_REQ_COUNT
} nb_req_t;

/* A place on the screen a mouse click selects. */
typedef struct {
	int y, x0, x1;
	int section;        /* >= 0: an outline entry */
	long stop;          /* >= 0: a stop */
} nb_hit_t;

#define NB_UI_MAXHITS 512

typedef struct {
	nb_editor_t ed;
	nb_lock_t lock;     /* of the draft edited; not held when read-only */
	int scroll;         /* first body line shown */
	int section_shown;  /* the section the scroll is for */
	int body_top, body_rows;
	nb_hit_t hits[NB_UI_MAXHITS];
	int nhits;
	int color;          /* colours in use (not NO_COLOR, terminal has them) */
	int headless;       /* replaying keys for the benchmark */
	int help_shown;
} nb_ui_t;

/* Colour pairs. */
enum { NB_PAIR_ERROR = 1, NB_PAIR_WARN, NB_PAIR_TOTAL, NB_PAIR_TITLE,
       NB_PAIR_OK };

/* ui_start.c: the editor command once its arguments are checked: edits
 * path (created after asking 机关名称 and 年度 when it does not exist) or,
 * without one, the start screen's choice; form files are looked for in
 * dirs.  Returns the exit status. */
int nb_ui_start(const char *const *dirs, const char *path);

/* ui.c */
int nb_ui_begin(nb_ui_t *ui);
void nb_ui_end(void);
/* Runs the editor on a loaded draft until the operator quits; takes over
 * form and rep.  Returns the exit status. */
int nb_ui_edit(nb_form_t *form, nb_report_t *rep, const char *path);
/* Reads one key: *req gets the request; *ch the character typed (when
 * *req is NB_REQ_NONE and the return is 1). */
int nb_ui_read_key(nb_req_t *req, wint_t *ch);
/* 1 once there will be no more keys (the replay ended, the terminal went
 * away): every loop waiting for a key gives up. */
int nb_ui_input_ended(void);
void nb_ui_external_editor(nb_ui_t *ui);
/* Saves under another name (asked for), which becomes the draft edited:
 * the way out of a failed save or a read-only draft. */
void nb_ui_save_as(nb_ui_t *ui);
/* Reads the draft from disk again, dropping unsaved edits (asks first). */
void nb_ui_reload(nb_ui_t *ui);
void nb_ui_paste(nb_ui_t *ui);

/* ui_signal.c: SIGTERM, SIGHUP, SIGINT and SIGQUIT end the editor the
 * way the end of input does (nb_ui_read_key returns 0 and
 * nb_ui_input_ended 1), which keeps the edits; a crash puts the terminal
 * back.  Save the modes before curses changes them; catch once it is up. */
void nb_ui_signals_save_modes(void);
void nb_ui_signals_catch(int on_terminal);
/* The signal that asked to end, or 0. */
int nb_ui_signalled(void);
const char *nb_ui_signal_name(int sig);

/* ui_tty.c: the editor needs a terminal for input and output (not for the
 * replay) and a UTF-8 locale (C.UTF-8 is switched to when the one set is
 * not).  Returns 0, or 2 having said why not. */
int nb_ui_check_terminal(void);

/* ui_keys.c */
nb_req_t nb_ui_bind(int is_key, wint_t code);
void nb_ui_keys_init(void);
void nb_ui_handle(nb_ui_t *ui, nb_req_t req);
/* Whether a request (or typing, NB_REQ_NONE) would change the report. */
int nb_ui_req_edits(nb_req_t req);
/* The help text: one line per binding. */
size_t nb_ui_help_lines(const char ***keys, const char ***what);

/* ui_export.c: the plain-text preview, and exporting in a chosen format
 * (a report with findings only as a marked draft). */
void nb_ui_preview(nb_ui_t *ui);
void nb_ui_export(nb_ui_t *ui);

/* ui_draw.c */
void nb_ui_draw(nb_ui_t *ui);
/* One page of the help from line `first`; returns the number of lines. */
int nb_ui_draw_help_page(int first);
/* A list to choose a line from (ui_list.c): the index chosen or -1. */
long nb_ui_choose(const char *title, const char *const *lines, size_t n,
                  size_t sel, const char *note);
/* The problems list; returns the finding chosen or -1. */
long nb_ui_problems(nb_ui_t *ui);
/* Strings by display width. */
int nb_ui_width(const char *s);
void nb_ui_put(int y, int x, const char *s, int maxw, int right);
/* Asks one line of text at the bottom; malloc'd answer or NULL. */
char *nb_ui_prompt(const char *question, const char *initial);
/* Below the minimum size nothing else is drawn and every key but Ctrl-Q
 * (and the answer to a question shown) is dropped and counted, as the
 * notice says;
 * msg, when not NULL, is shown under it. */
int nb_ui_too_small(void);
void nb_ui_draw_too_small(const char *msg);
/* 1 when the key of req is to be dropped (and counted) because the
 * terminal is too small. */
int nb_ui_key_paused(nb_req_t req);

#endif
