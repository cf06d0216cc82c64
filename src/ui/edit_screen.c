/* edit_screen.c - the editor: title, outline, status and key line around
 * the body (body.c).  Every width is a display width; decorations are
 * ASCII only. */

#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/text.h"
#include "core/textedit.h"
#include "ui/keys.h"
#include "ui/paint.h"
#include "ui/screen.h"
#include "ui/term.h"










/* ---- title and outline ---- */

static void
draw_title(nb_ui_t *ui)
{
	const nb_editor_t *ed = &ui->ed;
	const char *slash = strrchr(ed->path, '/');
	char left[512], year[32] = "";
	int attr = nb_ui_attr(NB_PAIR_TITLE, A_REVERSE);
	const char *mark = ed->readonly ? (ed->dirty ? "[只读*] " : "[只读] ")
	                   : ed->dirty && ed->keep_error[0] ? "[*未保存 恢复文件写不进] "
	                   : ed->dirty ? "[*未保存] " : "[已保存] ";

	if (nb_report_year(ed->rep))
		snprintf(year, sizeof year, "%lld年度", (long long)nb_report_year(ed->rep));
	snprintf(left, sizeof left, " 年报  %s  %s  %s", nb_report_org(ed->rep), year,
	         slash ? slash + 1 : ed->path);
	attron(attr);
	nb_ui_fill(0, 0, COLS);
	nb_ui_put(0, 0, left, COLS - nb_ui_width(mark) - 1, 0);
	nb_ui_put(0, COLS - nb_ui_width(mark), mark, nb_ui_width(mark), 0);
	attroff(attr);
}

static int
outline_rows(const nb_ui_t *ui)
{
	return (int)ui->ed.nav.nsecs * 22 <= COLS ? 1 : 2;
}

/* A section's heading, or the form's short name for it where the
 * heading would be cut. */
static const char *
outline_name(const nb_section_t *sec, int width)
{
	if (sec->short_heading && nb_ui_width(sec->heading) > width)
		return sec->short_heading;
	return sec->heading;
}

static void
draw_outline_entry(nb_ui_t *ui, int i, int y, int x, int w)
{
	const nb_editor_t *ed = &ui->ed;
	char state[64], shown[80];
	nb_sec_state_t st = nb_ed_section_state(ed, i, state, sizeof state);
	int cur = nb_ed_section(ed) == i, err = st == NB_SEC_ERRORS;
	int sw, attr = cur ? A_REVERSE | A_BOLD : 0;

	snprintf(shown, sizeof shown, "%s%s", err ? "!" : "", state);
	sw = nb_ui_width(shown);
	attron(attr);
	nb_ui_fill(y, x, w - 1);
	mvaddch(y, x, cur ? '>' : ' ');
	nb_ui_put(y, x + 1, outline_name(ed->nav.secs[i].sec, w - sw - 3), w - sw - 3, 0);
	attroff(attr);
	if (err)
		attron(nb_ui_attr(NB_PAIR_ERROR, A_BOLD) | (cur ? A_REVERSE : 0));
	else if (st == NB_SEC_DONE)
		attron(nb_ui_attr(NB_PAIR_OK, 0) | (cur ? A_REVERSE : 0));
	else
		attron(attr);
	nb_ui_put(y, x + w - sw - 1, shown, sw, 0);
	attrset(A_NORMAL);
	nb_ui_hit(ui, y, x, x + w, i, -1);
}

static void
draw_outline(nb_ui_t *ui)
{
	int rows = outline_rows(ui), n = (int)ui->ed.nav.nsecs;
	int per = (n + rows - 1) / rows, w = COLS / (per ? per : 1), i;

	for (i = 0; i < rows; i++)
		nb_ui_fill(1 + i, 0, COLS);
	for (i = 0; i < n; i++)
		draw_outline_entry(ui, i, 1 + i / per, (i % per) * w, w);
}

/* ---- status and key hints ---- */

static void
stop_name(const nb_editor_t *ed, int width, nb_buf_t *b)
{
	const nb_stop_t *s = nb_ed_stop(ed);
	const nb_field_t *f = ed->form->cells[s->cell].field;
	const nb_value_t *v = &ed->rep->values[s->cell];

	if (s->kind == NB_STOP_TITLE || s->kind == NB_STOP_ITEM) {
		nb_buf_printf(b, "%s 分项%d%s", f->parent ? f->parent->label : f->label,
		              s->item + 1, s->kind == NB_STOP_TITLE ? " 的标题" : "：");
		if (s->kind == NB_STOP_ITEM && (size_t)s->item < v->nitems)
			nb_buf_puts(b, v->items[s->item].title);
		return;
	}
	nb_cell_name(ed->form, s->cell, 0, b);
	if (ed->form->cells[s->cell].column >= 0 && nb_ui_width(b->data) > width) {
		/* the column first, as the end of a long name is cut off */
		nb_buf_free(b);
		nb_buf_printf(b, "【%s】", f->columns->cols[ed->form->cells[s->cell].column].label);
		nb_cell_name(ed->form, s->cell, 0, b);
	}
	/* a figure probably in the wrong place is the thing to fix: the
	 * computed total is not to be taken then */
	if (s->computed && ed->mismatch[s->cell] && nb_ed_misplaced(ed, s->cell))
		nb_buf_puts(b, "（括号里是计算值）");
	else if (s->computed && ed->mismatch[s->cell])
		nb_buf_puts(b, "（括号里是计算值：按 {enter} 采用）");
	else if (s->computed)
		nb_buf_puts(b, "（自动计算）");
	else if (f->hint)
		nb_buf_printf(b, "（%s）", f->hint);
	else if (f->type == NB_T_AMOUNT && f->unit)
		nb_buf_printf(b, "（%s，最多 %d 位小数）", f->unit, f->decimals);
}

/* A message over two lines of the status area, broken where text may
 * break (text.h) when the rest then fits on the second. */
static void
put_wrapped(int y, const char *mark, const char *s, int attr)
{
	size_t n, k;
	wchar_t *w = nb_utf8_decode(s, &n);
	int used, mw = nb_ui_width(mark);

	if (!w)
		return;
	attron(attr);
	nb_ui_put(y, 0, mark, mw, 0);
	k = nb_wrap_row(w, n, 0, COLS - mw);
	if (nb_wcswidth(w + k, n - k) > COLS - mw)
		k = nb_ui_fit(w, n, COLS - mw, &used);  /* all of it, however broken */
	nb_ui_putw(y, mw, w, k, COLS - mw, 0);
	if (k < n)
		nb_ui_putw(y + 1, mw, w + k, n - k, COLS - mw, 0);
	attroff(attr);
	free(w);
}

/* Which draft is last year's, at the end of the line of the current
 * cell's name: its width, 0 when there is none. */
static int
draw_previous(const nb_editor_t *ed, int y)
{
	const char *name = ed->prev_name, *slash;
	char text[300];
	int w;

	if (!name)
		return 0;
	if (nb_ui_width(name) > COLS / 3 && (slash = strrchr(name, '/')))
		name = slash + 1;       /* a long way there: the file name will do */
	snprintf(text, sizeof text, "上年：%s", name);
	w = nb_ui_width(text);
	if (w > COLS / 2)
		w = COLS / 2;
	nb_ui_put(y, COLS - w, text, w, 0);
	return w;
}

static void
draw_status(nb_ui_t *ui)
{
	const nb_editor_t *ed = &ui->ed;
	char rule[1024], line[1024];
	int y = LINES - 4, broken, attr, pw;
	nb_buf_t b;

	nb_buf_init(&b);
	nb_ui_fill(y, 0, COLS);
	pw = draw_previous(ed, y);
	if (pw)
		pw += 2;
	stop_name(ed, COLS - pw, &b);
	attron(A_BOLD);
	nb_ui_put(y, 0, nb_ui_keys_in(b.data ? b.data : "", rule, sizeof rule), COLS - pw, 0);
	attroff(A_BOLD);
	nb_buf_free(&b);
	nb_ui_fill(y + 1, 0, COLS);
	nb_ui_fill(y + 2, 0, COLS);
	if (ed->msg[0]) {
		attr = ed->msg_error ? nb_ui_attr(NB_PAIR_ERROR, A_BOLD) : (int)A_BOLD;
		put_wrapped(y + 1, ed->msg_error ? "! " : "",
		            nb_ui_keys_in(ed->msg, rule, sizeof rule), attr);
		return;
	}
	broken = nb_ed_rule_line(ed, line, sizeof line);
	if (broken < 0)
		return;
	put_wrapped(y + 1, broken ? "! " : "", nb_ui_keys_in(line, rule, sizeof rule),
	            broken ? nb_ui_attr(NB_PAIR_ERROR, A_BOLD) : 0);
}

typedef struct {
	nb_req_t req;
	const char *key, *what;
	int rank;               /* the narrower the screen, the fewer shown:
	                         * lower ranks first */
} hint_t;

/* The key a hint shows, into key of `size`. */
static const char *
hint_key(const hint_t *h, char *key, size_t size)
{
	return h->key ? h->key : nb_ui_key_short(h->req, key, size);
}

static int
hint_width(const hint_t *h)
{
	char key[32];

	return nb_ui_width(hint_key(h, key, sizeof key)) + nb_ui_width(h->what);
}

/* Which of n hints fit in cols, two columns apart: the lowest ranks
 * first, so that what a newcomer needs (help, the next field, saving,
 * preview and export) stays on a narrow screen. */
static void
fit_hints(const hint_t *h, size_t n, int cols, int *shown)
{
	int used = 0, rank, w;
	size_t i;

	for (i = 0; i < n; i++)
		shown[i] = 0;
	for (rank = 1; rank <= (int)n; rank++)
		for (i = 0; i < n; i++) {
			if (h[i].rank != rank)
				continue;
			w = hint_width(&h[i]) + (used ? 2 : 0);
			if (used + w <= cols) {
				shown[i] = 1;
				used += w;
			}
		}
}

static void
draw_hints(const nb_ui_t *ui)
{
	static const hint_t answer[] = {
		{ NB_REQ_NONE, "Y", "是", 1 }, { NB_REQ_NONE, "N", "否", 2 },
		{ NB_REQ_CANCEL, NULL, "取消", 3 },
	}, hints[] = {
		{ NB_REQ_HELP, NULL, "帮助", 1 }, { NB_REQ_NEXT, NULL, "下一项", 2 },
		{ NB_REQ_SAVE, NULL, "保存", 3 }, { NB_REQ_QUIT, NULL, "退出", 4 },
		{ NB_REQ_NEXT_PROBLEM, NULL, "下个问题", 7 },
		{ NB_REQ_PROBLEMS, NULL, "问题表", 8 },
		{ NB_REQ_PREVIEW, NULL, "预览", 6 }, { NB_REQ_EXPORT, NULL, "导出", 5 },
		{ NB_REQ_UNDO, NULL, "撤销", 9 },
		{ NB_REQ_EXTERNAL, NULL, "外部编辑", 11 },
		{ NB_REQ_PGDN, NULL, "下一部分", 10 },
	};
	int asking = ui->ed.ask != NB_ASK_NONE, x = 0, y = LINES - 1, kw;
	const hint_t *h = asking ? answer : hints;
	size_t i, n = asking ? 3 : sizeof hints / sizeof hints[0];
	int shown[sizeof hints / sizeof hints[0]];
	char key[32];

	nb_ui_fill(y, 0, COLS);
	fit_hints(h, n, COLS, shown);
	for (i = 0; i < n; i++) {
		const char *k = hint_key(&h[i], key, sizeof key);
		if (!shown[i])
			continue;
		kw = nb_ui_width(k);
		attron(A_REVERSE);
		nb_ui_put(y, x, k, kw, 0);
		attroff(A_REVERSE);
		nb_ui_put(y, x + kw, h[i].what, nb_ui_width(h[i].what), 0);
		x += hint_width(&h[i]) + 2;
	}
}

/* ---- the whole screen ---- */

void
nb_ui_draw(nb_ui_t *ui)
{
	int orows;

	ui->nhits = 0;
	if (nb_ui_too_small()) {
		nb_ui_draw_too_small(ui->ed.msg);
		return;
	}
	orows = outline_rows(ui);
	ui->body_top = orows + 2;
	ui->body_rows = LINES - 4 - ui->body_top;
	erase();
	draw_title(ui);
	draw_outline(ui);
	draw_status(ui);
	draw_hints(ui);
	nb_ui_draw_body(ui);
	refresh();
}
