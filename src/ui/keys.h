/* keys.h - floor 2 of the screen: keys become requests ("next field",
 * "save"), so that what is done never depends on which key did it. */
#ifndef NB_UI_KEYS_H
#define NB_UI_KEYS_H

#include <stddef.h>
#include <wchar.h>

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

/* The terminal's keys for the requests (terminfo, and the common ones a
 * terminfo entry may lack); call once the terminal is up. */
void nb_ui_keys_init(void);
nb_req_t nb_ui_bind(int is_key, wint_t code);
/* Reads one key: *req gets the request; *ch the character typed (when
 * *req is NB_REQ_NONE and the return is 1). */
int nb_ui_read_key(nb_req_t *req, wint_t *ch);
/* Whether a request (or typing, NB_REQ_NONE) would change the report. */
int nb_ui_req_edits(nb_req_t req);
/* The help text: one line per binding. */
size_t nb_ui_help_lines(const char ***keys, const char ***what);
/* While the terminal is too small, keys are dropped (but quitting and
 * resizing): 1 when req is, counted; the count, for the notice. */
int nb_ui_key_paused(nb_req_t req);
long nb_ui_keys_dropped(void);

#endif
