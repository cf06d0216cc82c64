/* list.c - choosing one row from a list, the rows drawn by the caller or
 * given as lines, and yes or no as a list of two. */

#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/keys.h"
#include "ui/paint.h"
#include "ui/term.h"
#include "ui/widgets.h"

/* A key and what it does, on the key line. */
static void
key_hint(const char *key, const char *what)
{
	attron(A_REVERSE);
	addstr(key);
	attroff(A_REVERSE);
	addstr(what);
}

static void
draw_keys(const nb_ui_list_t *l)
{
	char key[32];
	size_t i;

	move(LINES - 1, 0);
	if (!l->keys) {
		key_hint(nb_ui_key_name(NB_REQ_ENTER), "选择  ");
		key_hint(nb_ui_key_name(NB_REQ_CANCEL), "返回  ");
		key_hint("Up/Down", "移动");
		return;
	}
	for (i = 0; i < l->nkeys; i++) {
		if (i)
			addstr("  ");
		key_hint(nb_ui_key_short(l->keys[i].req, key, sizeof key), l->keys[i].what);
	}
}

static void
draw_list(nb_ui_list_t *l)
{
	char text[512];
	int rows = LINES - 4, y;
	size_t i;

	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + (size_t)rows)
		l->top = l->sel - (size_t)rows + 1;
	erase();
	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	nb_ui_put(0, 1, l->title, COLS - 2, 0);
	attroff(A_REVERSE);
	if (l->header)
		l->draw(1, NB_UI_HEADER, 0, l->ctx);
	for (i = l->top, y = 2; i < l->n && y < 2 + rows; i++, y++) {
		if (i == l->sel) {
			attron(A_REVERSE);
			nb_ui_fill(y, 0, COLS - 1);
		}
		mvaddch(y, 0, i == l->sel ? '>' : ' ');
		l->draw(y, i, i == l->sel, l->ctx);
		if (i == l->sel)
			attroff(A_REVERSE);
	}
	if (!l->n)
		nb_ui_put(2, 2, "（空）", COLS - 3, 0);
	if (l->note)
		nb_ui_put(LINES - 2, 0, nb_ui_keys_in(l->note, text, sizeof text), COLS, 0);
	draw_keys(l);
	move(2 + (int)(l->sel - l->top), 0);
	refresh();
}

static long
list_click(size_t top, size_t n)
{
	MEVENT ev;
	long i;

	if (getmouse(&ev) != OK || !(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
		return -1;
	i = (long)top + ev.y - 2;
	return ev.y >= 2 && i >= 0 && (size_t)i < n ? i : -1;
}

/* Whether req is one of the list's own requests that choose a row. */
static int
is_act(const nb_ui_list_t *l, nb_req_t req)
{
	size_t i;

	if (req == NB_REQ_ENTER || req == NB_REQ_CANCEL || req == NB_REQ_QUIT ||
	    req == NB_REQ_HELP)
		return 0;
	for (i = 0; i < l->nkeys; i++)
		if (l->keys[i].req == req)
			return 1;
	return 0;
}

/* A key that moves the selection: 1 when it was one. */
static int
move_key(nb_ui_list_t *l, nb_req_t req)
{
	size_t page = LINES > 8 ? (size_t)LINES - 5 : 1, last = l->n ? l->n - 1 : 0;

	switch (req) {
	case NB_REQ_UP: case NB_REQ_PREV: if (l->sel) l->sel--; return 1;
	case NB_REQ_DOWN: case NB_REQ_NEXT: if (l->sel < last) l->sel++; return 1;
	case NB_REQ_PGUP: l->sel = l->sel > page ? l->sel - page : 0; return 1;
	case NB_REQ_PGDN: l->sel = l->sel + page < last ? l->sel + page : last; return 1;
	case NB_REQ_HOME: case NB_REQ_TOP: l->sel = 0; return 1;
	case NB_REQ_END: case NB_REQ_BOTTOM: l->sel = last; return 1;
	default: return 0;
	}
}

nb_req_t
nb_ui_list(nb_ui_list_t *l)
{
	nb_req_t req;
	wint_t ch;
	long click;

	for (;;) {
		if (nb_ui_too_small())
			nb_ui_draw_too_small(NULL);
		else
			draw_list(l);
		if (!nb_ui_read_key(&req, &ch)) {
			if (nb_ui_input_ended())
				return NB_REQ_CANCEL;
			continue;
		}
		if (nb_ui_key_paused(req) || move_key(l, req))
			continue;       /* what cannot be seen is not chosen */
		if ((req == NB_REQ_ENTER || is_act(l, req)) && l->n)
			return req;
		if (req == NB_REQ_MOUSE && (click = list_click(l->top, l->n)) >= 0) {
			l->sel = (size_t)click;
			return NB_REQ_ENTER;
		}
		if (req == NB_REQ_HELP)
			nb_ui_help();
		if (req == NB_REQ_CANCEL || req == NB_REQ_QUIT || req == NB_REQ_PROBLEMS ||
		    (req == NB_REQ_NONE && ch == 'q'))
			return NB_REQ_CANCEL;
	}
}

/* A row of nb_ui_choose: one line of text. */
static void
draw_line(int y, size_t i, int selected, void *ctx)
{
	(void)selected;
	nb_ui_put(y, 2, ((const char *const *)ctx)[i], COLS - 3, 0);
}

long
nb_ui_choose(const char *title, const char *const *lines, size_t n,
             size_t sel, const char *note)
{
	nb_ui_list_t l = { 0 };

	l.title = title;
	l.note = note;
	l.n = n;
	l.sel = sel;
	l.draw = draw_line;
	l.ctx = (void *)lines;
	return nb_ui_list(&l) == NB_REQ_ENTER ? (long)l.sel : -1;
}

int
nb_ui_confirm(const char *title, const char *no, const char *yes, const char *note)
{
	const char *const v[] = { no, yes };

	return nb_ui_choose(title, v, 2, 0, note) == 1;
}
