/* widgets.h - floor 3 of the screen: the pieces screens are made of.
 * list.c: a list to choose from, yes or no; prompt.c: a line of text;
 * pager.c: a long text; help.c: the keys. */
#ifndef NB_UI_WIDGETS_H
#define NB_UI_WIDGETS_H

#include <stddef.h>

#include "ui/keys.h"

/* A list to choose a line from: the index chosen or -1 (Esc, q, no
 * more keys).  note, if not NULL, is shown under it. */
long nb_ui_choose(const char *title, const char *const *lines, size_t n,
                  size_t sel, const char *note);
/* The same, where the request `act` (shown on the key line with
 * act_what) chooses the line as well, setting *acted. */
long nb_ui_choose_act(const char *title, const char *const *lines, size_t n,
                      size_t sel, const char *note, nb_req_t act,
                      const char *act_what, int *acted);
/* Two choices, `no` first: 1 when `yes` was chosen. */
int nb_ui_confirm(const char *title, const char *no, const char *yes,
                  const char *note);
/* One line of text (malloc'd), or NULL when the operator gave up; note,
 * if not NULL, is shown under it. */
char *nb_ui_ask(const char *question, const char *initial, const char *note);
char *nb_ui_prompt(const char *question, const char *initial);
/* len bytes of text, a screen at a time, until any other key. */
void nb_ui_pager(const char *text, size_t len);
/* Every key and what it does. */
void nb_ui_help(void);

#endif
