/* prompt.c - one line of text asked for, edited with the editor's text
 * buffer. */

#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/textedit.h"
#include "ui/keys.h"
#include "ui/paint.h"
#include "ui/term.h"
#include "ui/widgets.h"

/* ---- one line of input ---- */

static void
draw_prompt(const char *title, const char *question, const nb_text_t *t,
            const char *note)
{
	char hint[128];
	int y = LINES / 2 - 1, x = 4, w = COLS - 8, cx;
	size_t from = 0;

	if (nb_ui_too_small()) {
		nb_ui_draw_too_small(NULL);
		return;
	}
	erase();
	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	nb_ui_put(0, 1, title, COLS - 2, 0);
	attroff(A_REVERSE);
	attron(A_BOLD);
	nb_ui_put(y, x, question, w, 0);
	attroff(A_BOLD);
	cx = nb_wcswidth(t->s, t->cur);
	while (cx - nb_wcswidth(t->s, from) >= w - 1 && from < t->cur)
		from++;
	attron(A_UNDERLINE);
	mvhline(y + 1, x, ' ', w);
	nb_ui_putw(y + 1, x, t->s + from, t->len - from, w, 0);
	attroff(A_UNDERLINE);
	if (note)
		nb_ui_put(y + 3, x, note, w, 0);
	nb_ui_put(LINES - 1, 0, nb_ui_keys_in("{enter} 确定   {cancel} 取消", hint,
	                                      sizeof hint), COLS, 0);
	move(y + 1, x + cx - nb_wcswidth(t->s, from));
	refresh();
}

static int
prompt_key(nb_text_t *t, nb_req_t req, wint_t ch)
{
	wchar_t c = (wchar_t)ch;

	switch (req) {
	case NB_REQ_NONE:
		if (ch >= 0x20 && ch != 0x7f)
			nb_text_insert(t, &c, 1);
		return 0;
	case NB_REQ_BACKSPACE: nb_text_backspace(t); return 0;
	case NB_REQ_DELETE: nb_text_delete(t); return 0;
	case NB_REQ_LEFT: nb_text_left(t); return 0;
	case NB_REQ_RIGHT: nb_text_right(t); return 0;
	case NB_REQ_HOME: nb_text_start(t); return 0;
	case NB_REQ_END: nb_text_end(t); return 0;
	case NB_REQ_ENTER: case NB_REQ_NEXT: return 1;
	case NB_REQ_CANCEL: case NB_REQ_QUIT: return -1;
	default: return 0;
	}
}

/* proposal: initial is a value offered, not typed: a character typed
 * first replaces it, as over a figure in the editor; any other key
 * (Backspace, an arrow) edits it instead. */
static char *
ask(const char *title, const char *question, const char *initial,
    const char *note, int proposal)
{
	nb_text_t t;
	nb_req_t req;
	wint_t ch;
	int rc = 0;
	char *answer = NULL;

	nb_text_init(&t);
	nb_text_set(&t, initial ? initial : "");
	while (rc == 0) {
		draw_prompt(title, question, &t, note);
		if (nb_ui_read_key(&req, &ch) && !nb_ui_key_paused(req)) {
			if (proposal && req == NB_REQ_NONE && ch >= 0x20 && ch != 0x7f)
				nb_text_set(&t, "");
			proposal = 0;
			rc = prompt_key(&t, req, ch);
		} else if (nb_ui_input_ended())
			rc = -1;
	}
	if (rc > 0)
		answer = nb_text_get(&t);
	nb_text_free(&t);
	return answer;
}

char *
nb_ui_ask(const char *question, const char *initial, const char *note)
{
	return ask("年报：新建报告草稿", question, initial, note, 0);
}

char *
nb_ui_ask_over(const char *question, const char *proposed, const char *note)
{
	return ask("年报：新建报告草稿", question, proposed, note, 1);
}

char *
nb_ui_prompt(const char *title, const char *question, const char *initial)
{
	return ask(title, question, initial, NULL, 0);
}
