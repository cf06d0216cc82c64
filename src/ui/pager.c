/* pager.c - a long text shown a screen at a time, scrolled with the
 * arrows and PgUp/PgDn. */

#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/export.h"
#include "core/text.h"
#include "ui/keys.h"
#include "ui/paint.h"
#include "ui/term.h"
#include "ui/widgets.h"

/* The lines shown: paragraphs wrapped to the screen's width, table rows
 * (which start with a rule character) kept whole, for scrolling sideways. */
static nb_span_t *
screen_lines(const char *text, size_t len, int width, size_t *n)
{
	nb_span_t *v = NULL, *p, wrapped[512];
	size_t start = 0, end, k, m, cap = 0;

	*n = 0;
	while (start <= len) {
		end = start;
		while (end < len && text[end] != '\n')
			end++;
		if (end == len && start == len && len)
			break;
		m = 1;
		wrapped[0].start = 0;
		wrapped[0].end = end - start;
		if (text[start] != '+' && text[start] != '|' &&
		    (int)nb_str_width(text + start, end - start) > width) {
			char *line = strndup(text + start, end - start);
			m = line ? nb_txt_wrap(line, width, wrapped, 512) : 1;
			m = m > 512 ? 512 : m;
			free(line);
		}
		if (*n + m > cap) {
			cap = 2 * (*n + m);
			if (!(p = realloc(v, cap * sizeof *v))) {
				free(v);
				return NULL;
			}
			v = p;
		}
		for (k = 0; k < m; k++) {
			v[*n].start = start + wrapped[k].start;
			v[(*n)++].end = start + wrapped[k].end;
		}
		start = end + 1;
	}
	return v;
}

/* One line from display column `skip` on, at most COLS wide. */
static void
draw_line(int y, const char *s, size_t len, int skip)
{
	size_t i = 0, n;
	uint32_t cp;
	int w = 0;

	while (i < len && w < skip) {
		n = nb_utf8_next(s + i, len - i, &cp);
		w += nb_cp_width(cp);
		i += n;
	}
	move(y, w > skip ? 1 : 0);   /* half a wide character: start after it */
	for (w = 0; i < len; i += n) {
		n = nb_utf8_next(s + i, len - i, &cp);
		if (w + nb_cp_width(cp) > COLS - (w > skip))
			break;
		addnstr(s + i, (int)n);
		w += nb_cp_width(cp);
	}
}

static void
draw_preview(const char *text, const nb_span_t *at, size_t n, size_t top,
             int skip)
{
	char hint[256];
	int y, rows = LINES - 2;
	size_t i;
	char pos[64];

	erase();
	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	nb_ui_put(0, 1, "预览（纯文本导出）", COLS - 2, 0);
	snprintf(pos, sizeof pos, "%zu-%zu/%zu 行", top + 1,
	         top + (size_t)rows < n ? top + (size_t)rows : n, n);
	nb_ui_put(0, COLS - nb_ui_width(pos) - 1, pos, nb_ui_width(pos), 0);
	attroff(A_REVERSE);
	for (i = top, y = 1; i < n && y <= rows; i++, y++)
		draw_line(y, text + at[i].start, at[i].end - at[i].start, skip);
	attron(A_REVERSE);
	mvhline(LINES - 1, 0, ' ', COLS);
	nb_ui_put(LINES - 1, 0, nb_ui_keys_in("{up}/{down} {pgup}/{pgdn} 滚动  "
	          "{left}/{right} 左右移动  {cancel} 返回", hint, sizeof hint), COLS, 0);
	attroff(A_REVERSE);
	refresh();
}

/* Scrolls through text until a key other than a movement. */
void
nb_ui_pager(const char *text, size_t len)
{
	size_t n = 0, top = 0;
	nb_span_t *at = NULL;
	int skip = 0, page, width = 0;
	nb_req_t req;
	wint_t ch;

	for (;;) {
		if (width != COLS) {          /* first time, and after a resize */
			free(at);
			width = COLS;
			if (!(at = screen_lines(text, len, COLS - 1, &n)))
				return;
		}
		page = LINES > 4 ? LINES - 3 : 1;
		if (top + 1 > n)
			top = n ? n - 1 : 0;
		draw_preview(text, at, n, top, skip);
		if (!nb_ui_read_key(&req, &ch)) {
			if (nb_ui_input_ended())
				break;
			continue;
		}
		if (req == NB_REQ_DOWN)
			top++;
		else if (req == NB_REQ_UP)
			top = top ? top - 1 : 0;
		else if (req == NB_REQ_PGDN || (req == NB_REQ_NONE && ch == ' '))
			top += (size_t)page;
		else if (req == NB_REQ_PGUP)
			top = top > (size_t)page ? top - (size_t)page : 0;
		else if (req == NB_REQ_HOME || req == NB_REQ_TOP)
			top = 0;
		else if (req == NB_REQ_END || req == NB_REQ_BOTTOM)
			top = n > (size_t)page ? n - (size_t)page : 0;
		else if (req == NB_REQ_RIGHT)
			skip += 10;
		else if (req == NB_REQ_LEFT)
			skip = skip > 10 ? skip - 10 : 0;
		else if (req != NB_REQ_RESIZE)
			break;
	}
	free(at);
}
