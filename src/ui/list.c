/* list.c - choosing one line from a list, and yes or no as a list of two. */

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
draw_list(const char *title, const char *const *lines, size_t n, size_t sel,
          size_t *top, const char *note, nb_req_t act, const char *act_what)
{
	char text[512];
	int rows = LINES - 4, y;
	size_t i;

	if (sel < *top)
		*top = sel;
	if (sel >= *top + (size_t)rows)
		*top = sel - (size_t)rows + 1;
	erase();
	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	nb_ui_put(0, 1, title, COLS - 2, 0);
	attroff(A_REVERSE);
	for (i = *top, y = 2; i < n && y < 2 + rows; i++, y++) {
		if (i == sel)
			attron(A_REVERSE);
		mvaddch(y, 0, i == sel ? '>' : ' ');
		nb_ui_put(y, 2, lines[i], COLS - 3, 0);
		if (i == sel)
			attroff(A_REVERSE);
	}
	if (!n)
		nb_ui_put(2, 2, "（空）", COLS - 3, 0);
	if (note)
		nb_ui_put(LINES - 2, 0, nb_ui_keys_in(note, text, sizeof text), COLS, 0);
	move(LINES - 1, 0);
	key_hint(nb_ui_key_name(NB_REQ_ENTER), "选择  ");
	key_hint(nb_ui_key_name(NB_REQ_CANCEL), "返回  ");
	key_hint("Up/Down", "移动");
	if (act != NB_REQ_NONE) {
		addstr("  ");
		key_hint(nb_ui_key_name(act), act_what);
	}
	move(2 + (int)(sel - *top), 0);
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

long
nb_ui_choose(const char *title, const char *const *lines, size_t n,
             size_t sel, const char *note)
{
	int acted;

	return nb_ui_choose_act(title, lines, n, sel, note, NB_REQ_NONE, NULL, &acted);
}

long
nb_ui_choose_act(const char *title, const char *const *lines, size_t n,
                 size_t sel, const char *note, nb_req_t act,
                 const char *act_what, int *acted)
{
	size_t top = 0;
	int page;
	nb_req_t req;
	wint_t ch;
	long click;

	*acted = 0;
	for (;;) {
		if (nb_ui_too_small())
			nb_ui_draw_too_small(NULL);
		else
			draw_list(title, lines, n, sel, &top, note, act, act_what);
		page = LINES > 8 ? LINES - 5 : 1;
		if (!nb_ui_read_key(&req, &ch)) {
			if (nb_ui_input_ended())
				return -1;
			continue;
		}
		if (nb_ui_key_paused(req))
			continue;       /* what cannot be seen is not chosen */
		if (act != NB_REQ_NONE && req == act && n) {
			*acted = 1;
			return (long)sel;
		}
		switch (req) {
		case NB_REQ_UP: case NB_REQ_PREV: if (sel) sel--; break;
		case NB_REQ_DOWN: case NB_REQ_NEXT: if (sel + 1 < n) sel++; break;
		case NB_REQ_PGUP: sel = sel > (size_t)page ? sel - (size_t)page : 0; break;
		case NB_REQ_PGDN: sel = sel + (size_t)page < n ? sel + (size_t)page : (n ? n - 1 : 0); break;
		case NB_REQ_HOME: case NB_REQ_TOP: sel = 0; break;
		case NB_REQ_END: case NB_REQ_BOTTOM: sel = n ? n - 1 : 0; break;
		case NB_REQ_ENTER: if (n) return (long)sel; break;
		case NB_REQ_MOUSE:
			if ((click = list_click(top, n)) >= 0)
				return click;
			break;
		case NB_REQ_CANCEL: case NB_REQ_QUIT: case NB_REQ_PROBLEMS:
			return -1;
		case NB_REQ_NONE:
			if (ch == 'q')
				return -1;
			break;
		default: break;
		}
	}
}

int
nb_ui_confirm(const char *title, const char *no, const char *yes, const char *note)
{
	const char *const v[] = { no, yes };

	return nb_ui_choose(title, v, 2, 0, note) == 1;
}
