/* widgets.h - floor 3 of the screen: the pieces screens are made of.
 * list.c: a list to choose from, yes or no; prompt.c: a line of text;
 * pager.c: a long text; help.c: the keys. */
#ifndef NB_UI_WIDGETS_H
#define NB_UI_WIDGETS_H

#include <stddef.h>

#include "ui/keys.h"

/* A key of a list's key line: a request, and what it does there. */
typedef struct {
	nb_req_t req;
	const char *what;
} nb_ui_key_t;

/* A list whose rows the caller draws: draw puts row i on line y from
 * column 2 on (the list shows the selected one in reverse video, with
 * '>' before it); with header set, it is called first, with i
 * NB_UI_HEADER, for the line over the rows (the first thing drawn after
 * a resize, where columns can be laid out again).  note stands under the
 * rows.  keys is the key line (NULL: Enter, Esc and the arrows); its
 * requests other than Enter, Esc and the quit key choose the selected
 * row, as Enter does.  top is the first row shown, kept from one call to
 * the next. */
#define NB_UI_HEADER ((size_t)-1)
typedef struct {
	const char *title, *note;
	int header;
	size_t n, sel, top;
	void (*draw)(int y, size_t i, int selected, void *ctx);
	void *ctx;
	const nb_ui_key_t *keys;
	size_t nkeys;
} nb_ui_list_t;

/* Runs the list until a row is chosen: the request that chose it
 * (NB_REQ_ENTER for Enter or a click, or one of keys), with sel the row;
 * NB_REQ_CANCEL when the operator left (Esc, q, the quit key, no more
 * keys).  The help is shown in between when asked for. */
nb_req_t nb_ui_list(nb_ui_list_t *l);
/* A list of lines to choose from: the index chosen or -1 (Esc, q, no
 * more keys).  note, if not NULL, is shown under it. */
long nb_ui_choose(const char *title, const char *const *lines, size_t n,
                  size_t sel, const char *note);
/* Two choices, `no` first: 1 when `yes` was chosen. */
int nb_ui_confirm(const char *title, const char *no, const char *yes,
                  const char *note);
/* One line of text (malloc'd), or NULL when the operator gave up; note,
 * if not NULL, is shown under it.  nb_ui_ask is asked for a new report
 * (its title bar says so); nb_ui_prompt under the title given. */
char *nb_ui_ask(const char *question, const char *initial, const char *note);
char *nb_ui_prompt(const char *title, const char *question, const char *initial);
/* nb_ui_ask with a value proposed (the year): the first character typed
 * replaces it; an edit key (Backspace, an arrow) keeps it to edit. */
char *nb_ui_ask_over(const char *question, const char *proposed, const char *note);
/* len bytes of text, a screen at a time, until any other key. */
void nb_ui_pager(const char *text, size_t len);
/* Every key and what it does. */
void nb_ui_help(void);

#endif
