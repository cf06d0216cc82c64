/* paint.c - drawing text by display width (a Chinese character takes two
 * columns, '~' marks a cut), attributes, the too-small notice. */

#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/text.h"
#include "ui/keys.h"
#include "ui/paint.h"
#include "ui/term.h"

/* ---- strings by display width ---- */

int
nb_ui_width(const char *s)
{
	size_t n;
	wchar_t *w = nb_utf8_decode(s ? s : "", &n);
	int width;

	if (!w)
		return 0;
	width = nb_wcswidth(w, n);
	free(w);
	return width;
}

/* How many characters of w fit in maxw columns; *used gets their width. */
size_t
nb_ui_fit(const wchar_t *w, size_t n, int maxw, int *used)
{
	size_t i;
	int x = 0;

	for (i = 0; i < n; i++) {
		int cw = nb_cp_width(w[i]);
		if (x + cw > maxw)
			break;
		x += cw;
	}
	*used = x;
	return i;
}

void
nb_ui_putw(int y, int x, const wchar_t *w, size_t n, int maxw, int right)
{
	int used;
	size_t k;

	if (maxw <= 0)
		return;
	k = nb_ui_fit(w, n, maxw, &used);
	if (k < n) {            /* visibly truncated: the last column is '~' */
		k = nb_ui_fit(w, n, maxw - 1, &used);
		mvaddnwstr(y, x, w, (int)k);
		mvaddch(y, x + used, '~');
		return;
	}
	mvaddnwstr(y, right ? x + maxw - used : x, w, (int)k);
}

void
nb_ui_put(int y, int x, const char *s, int maxw, int right)
{
	size_t n;
	wchar_t *w = nb_utf8_decode(s ? s : "", &n);

	if (!w)
		return;
	nb_ui_putw(y, x, w, n, maxw, right);
	free(w);
}

void
nb_ui_put_mid(int y, int x, const char *s, int maxw)
{
	size_t n, head, tail;
	wchar_t *w = nb_utf8_decode(s ? s : "", &n);
	int hw, tw = 0;

	if (!w)
		return;
	if (maxw < 3 || nb_wcswidth(w, n) <= maxw) {
		nb_ui_putw(y, x, w, n, maxw, 0);
		free(w);
		return;
	}
	/* two thirds of the room for the end, where names differ most */
	for (tail = n; tail > 0 && tw + nb_cp_width(w[tail - 1]) <= maxw - 1 - (maxw - 1) / 3;
	     tail--)
		tw += nb_cp_width(w[tail - 1]);
	head = nb_ui_fit(w, tail, maxw - 1 - tw, &hw);
	mvaddnwstr(y, x, w, (int)head);
	mvaddch(y, x + hw, '~');
	mvaddnwstr(y, x + hw + 1, w + tail, (int)(n - tail));
	free(w);
}

void
nb_ui_fill(int y, int x, int n)
{
	mvhline(y, x, ' ', n);
}

int
nb_ui_attr(int pair, int fallback)
{
	return nb_term_color() ? (int)COLOR_PAIR(pair) | fallback : fallback;
}

void
nb_ui_draw_too_small(const char *msg)
{
	char size[160], text[512];
	int y = LINES / 2 - 2;

	erase();
	snprintf(size, sizeof size, "终端太小：至少需要 %dx%d，现在是 %dx%d。",
	         NB_UI_MIN_COLS, NB_UI_MIN_LINES, COLS, LINES);
	nb_ui_put(y, 0, size, COLS, 0);
	nb_ui_put(y + 1, 0, "按键暂停：窗口放大之前按的键都不起作用，", COLS, 0);
	nb_ui_put(y + 2, 0, nb_ui_keys_in("只有 {quit} 可以退出。放大后自动恢复。", size, sizeof size), COLS, 0);
	if (nb_ui_keys_dropped()) {
		snprintf(size, sizeof size, "（已丢弃 %ld 个按键）", nb_ui_keys_dropped());
		nb_ui_put(y + 3, 0, size, COLS, 0);
	}
	if (msg && msg[0])
		nb_ui_put(y + 4, 0, nb_ui_keys_in(msg, text, sizeof text), COLS, 0);
	refresh();
}
