/* help.c - every key and what it does, a page at a time. */

#include "config.h"

#include <curses.h>
#include <stddef.h>

#include "ui/keys.h"
#include "ui/paint.h"
#include "ui/term.h"
#include "ui/widgets.h"

/* ---- help ---- */

static int
draw_help_page(int first)
{
	const char **keys, **what;
	size_t n = nb_ui_help_lines(&keys, &what), i;
	int y, rows = LINES - 3;

	erase();
	attron(A_REVERSE);
	nb_ui_fill(0, 0, COLS);
	nb_ui_put(0, 1, "帮助：全部按键（PgDn/PgUp 翻页，其他键返回）", COLS - 2, 0);
	attroff(A_REVERSE);
	for (i = (size_t)first, y = 2; i < n && y < 2 + rows; i++, y++) {
		attron(A_BOLD);
		nb_ui_put(y, 1, keys[i], 24, 0);
		attroff(A_BOLD);
		nb_ui_put(y, 26, what[i], COLS - 27, 0);
	}
	refresh();
	return (int)n;
}

/* The help, a page at a time: PgDn/PgUp (or Down/Up/space) turn the
 * pages, any other key goes back. */
void
nb_ui_help(void)
{
	int first = 0, n, rows;
	nb_req_t req;
	wint_t ch;

	for (;;) {
		n = draw_help_page(first);
		rows = LINES > 4 ? LINES - 3 : 1;
		if (!nb_ui_read_key(&req, &ch) || req == NB_REQ_RESIZE) {
			if (nb_ui_input_ended())
				return;
			continue;
		}
		if (req == NB_REQ_PGDN || req == NB_REQ_DOWN ||
		    (req == NB_REQ_NONE && ch == ' ')) {
			if (first + rows < n)
				first += rows;
		} else if (req == NB_REQ_PGUP || req == NB_REQ_UP) {
			first = first > rows ? first - rows : 0;
		} else {
			return;
		}
	}
}
