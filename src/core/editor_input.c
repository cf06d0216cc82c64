/* editor_input.c - typing into the current stop, moving the cursor, and
 * the words the status line shows about the current cell. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/editor.h"
#include "core/editor_impl.h"
#include "core/number.h"
#include "core/text.h"
#include "core/textcheck.h"

static const nb_field_t *
cur_field(const nb_editor_t *ed)
{
	return ed->form->cells[nb_ed_stop(ed)->cell].field;
}

static int
is_paragraph(const nb_stop_t *s)
{
	return s->kind == NB_STOP_TEXT || s->kind == NB_STOP_ITEM;
}

/* ---- writing the buffer into the report ---- */

static void
apply_number(nb_editor_t *ed, size_t cell, const nb_field_t *f, char *text)
{
	size_t n = strlen(text);
	int64_t v;
	int dec = 0;
	nb_numerr_t e;

	if (n && text[n - 1] == '.')
		text[--n] = '\0';
	if (!n) {
		nb_report_clear(ed->rep, cell);
		return;
	}
	if (f->type == NB_T_AMOUNT)
		e = nb_amount_parse(text, f->decimals, &v, &dec);
	else
		e = nb_count_parse(text, &v);
	if (e == NB_NUM_OK)
		nb_report_set_num(ed->rep, cell, v, dec);
}

static void
apply_item(nb_editor_t *ed, const nb_stop_t *s, const char *text)
{
	nb_value_t *v = &ed->rep->values[s->cell];
	nb_item_t *it;
	char *t;

	if ((size_t)s->item >= v->nitems)
		return;
	it = &v->items[s->item];
	if (s->kind == NB_STOP_TITLE) {
		if ((t = nb_text_normalize(text))) {
			free(it->title);
			it->title = t;
		}
		return;
	}
	if ((t = malloc(strlen(text) + 2))) {
		sprintf(t, "%s%s", text, *text ? "\n" : "");
		free(it->text);
		it->text = nb_text_normalize(t);
		free(t);
		if (!it->text)
			it->text = strdup("");
	}
}

static void
apply_text(nb_editor_t *ed, size_t cell, const char *text, int paragraph)
{
	char *t;

	if (!*text && !ed->orig.filled) {
		nb_report_clear(ed->rep, cell);
		return;
	}
	if (!paragraph || !*text) {
		nb_report_set_text(ed->rep, cell, text);
		return;
	}
	if ((t = malloc(strlen(text) + 2))) {
		sprintf(t, "%s\n", text);
		nb_report_set_text(ed->rep, cell, t);
		free(t);
	}
}

/* The buffer changed: put it into the report and judge everything again. */
static void
apply(nb_editor_t *ed)
{
	const nb_stop_t *s = nb_ed_stop(ed);
	const nb_field_t *f = cur_field(ed);
	char *text = nb_text_get(&ed->buf);

	if (!text) {
		nb_ed_message(ed, 1, "内存不足");
		return;
	}
	if (nb_ed_step_note(ed, s->cell) < 0)
		nb_ed_message(ed, 1, "内存不足，这一步不能撤销");
	if (s->kind == NB_STOP_NUM || f->type == NB_T_YEAR)
		apply_number(ed, s->cell, f, text);
	else if (s->kind == NB_STOP_TITLE || s->kind == NB_STOP_ITEM)
		apply_item(ed, s, text);
	else
		apply_text(ed, s->cell, text, s->kind == NB_STOP_TEXT);
	free(text);
	ed->changed = 1;
	ed->dirty = 1;
	ed->fresh = 0;
	nb_ed_refresh(ed);
	nb_ed_relayout(ed);
}

/* ---- numbers ---- */

static wchar_t
halfwidth(wchar_t c)
{
	if (c >= 0xff10 && c <= 0xff19)     /* ０-９ from a Chinese input method */
		return c - 0xff10 + '0';
	if (c == 0xff0e || c == 0x3002)     /* ． 。 */
		return '.';
	return c;
}

/* Whether the number being typed is acceptable so far; fixes a leading
 * zero ("05" -> "5") and a leading point (".5" -> "0.5"). */
static int
number_ok(nb_editor_t *ed, const nb_field_t *f)
{
	nb_text_t *b = &ed->buf;
	size_t i, dots = 0, dec = 0, intlen = 0;

	if (b->len >= 2 && b->s[0] == '0' && b->s[1] != '.') {
		ed->buf.cur = 1;
		nb_text_backspace(b);
		ed->buf.cur = b->len;
	}
	if (b->len && b->s[0] == '.') {
		size_t at = b->cur;
		b->cur = 0;
		nb_text_insert(b, L"0", 1);
		b->cur = at + 1;
	}
	for (i = 0; i < b->len; i++) {
		if (b->s[i] == '.')
			dots++;
		else if (dots)
			dec++;
		else
			intlen++;
	}
	if (dots > 1)
		return nb_ed_message(ed, 1, "只能有一个小数点"), 0;
	if ((int)dec > f->decimals)
		return nb_ed_message(ed, 1, "最多 %d 位小数", f->decimals), 0;
	if (intlen > 15)
		return nb_ed_message(ed, 1, "数字太大"), 0;
	return 1;
}

static int
type_number(nb_editor_t *ed, const nb_field_t *f, wchar_t c, int year)
{
	int amount = f->type == NB_T_AMOUNT;
	char *old;
	size_t cur;

	if (nb_ed_stop(ed)->computed) {
		nb_ed_message(ed, 1, ed->mismatch[nb_ed_stop(ed)->cell]
		              ? "总计不能输入；按 {enter} 采用计算出的总计"
		              : "总计由系统根据各项自动计算，不能输入");
		return 0;
	}
	if (!(c >= '0' && c <= '9') && !(amount && c == '.')) {
		nb_ed_message(ed, 1, amount ? "这里只能输入数字和小数点（单位：%s）"
		                            : "这里只能输入数字 0-9",
		              f->unit ? f->unit : "");
		return 0;
	}
	if (!(old = nb_text_get(&ed->buf)))
		return 0;
	cur = ed->buf.cur;
	if (ed->fresh)
		nb_text_set(&ed->buf, "");
	nb_text_insert(&ed->buf, &c, 1);
	if (!number_ok(ed, f) || (year && ed->buf.len > 4)) {
		if (year && ed->buf.len > 4)
			nb_ed_message(ed, 1, "年度是四位数字");
		nb_text_set(&ed->buf, old);
		ed->buf.cur = cur;
		free(old);
		return 0;
	}
	free(old);
	ed->msg[0] = '\0';
	apply(ed);
	return 1;
}

/* ---- typing ---- */

static nb_textcheck_kind_t
text_kind(const nb_stop_t *s)
{
	return is_paragraph(s) ? NB_TEXTCHECK_PARAGRAPH : NB_TEXTCHECK_ONE_LINE;
}

/* What a draft could not hold is not typed either (textcheck.h). */
static int
refuse_char(nb_editor_t *ed, const nb_stop_t *s, wchar_t c)
{
	nb_textcheck_t bad = { NB_CHAR_OK, 0, (uint32_t)c };
	char what[64];

	if ((bad.fault = nb_textcheck_char(bad.cp, text_kind(s))) == NB_CHAR_OK)
		return 0;
	nb_ed_message(ed, 1, "不能输入%s%s", nb_textcheck_what(&bad, what, sizeof what),
	              is_paragraph(s) ? "" : "：这一项只能是一行文字");
	return 1;
}

/* The characters a one-line stop may still take: the form's `max` less
 * what it holds; (size_t)-1 when there is no limit. */
static size_t
room_left(const nb_editor_t *ed, const nb_stop_t *s)
{
	int max = cur_field(ed)->max;

	if (!max || is_paragraph(s) || s->kind == NB_STOP_NUM)
		return (size_t)-1;
	return ed->buf.len >= (size_t)max ? 0 : (size_t)max - ed->buf.len;
}

int
nb_ed_type(nb_editor_t *ed, wchar_t c)
{
	const nb_stop_t *s = nb_ed_stop(ed);
	const nb_field_t *f = cur_field(ed);

	if (s->kind == NB_STOP_NUM || f->type == NB_T_YEAR)
		return type_number(ed, f, halfwidth(c), f->type == NB_T_YEAR);
	if (refuse_char(ed, s, c))
		return 0;
	if (ed->fresh)
		nb_text_set(&ed->buf, "");
	if (!room_left(ed, s)) {
		nb_ed_message(ed, 1, "这一项最多 %d 个字", f->max);
		return 0;
	}
	if (nb_text_insert(&ed->buf, &c, 1) < 0)
		return 0;
	ed->msg[0] = '\0';
	apply(ed);
	return 1;
}

/* Numbers pasted from a spreadsheet: a tab (or blanks) goes to the next
 * cell of the row, a line end to the next row under the first cell pasted;
 * thousands separators are dropped; a total column is passed over. */
static int
paste_numbers(nb_editor_t *ed, const wchar_t *s, size_t n)
{
	int col = nb_ed_stop(ed)->gcol, grid = col >= 0, cells = 0, in_num = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		wchar_t c = s[i];
		if (c == ',' || c == 0xff0c) {
			continue;
		} else if (c == '\t' || c == ' ' || c == '\n' || c == '\r') {
			if (c == '\r' && i + 1 < n && s[i + 1] == '\n')
				continue;
			if (!in_num && c != '\t')
				continue;
			in_num = 0;
			if (c == '\n' || c == '\r') {
				size_t was = ed->cur;
				if (!grid)
					break;
				nb_ed_grid(ed, 1, 0);
				if (ed->cur == was)
					break;          /* the last row of the table */
				nb_ed_grid(ed, 0, col - nb_ed_stop(ed)->gcol);
			} else if (grid) {
				nb_ed_grid(ed, 0, 1);
			} else {
				nb_ed_next(ed);
			}
		} else {
			if (!in_num)
				cells++;
			in_num = 1;
			if (!nb_ed_stop(ed)->computed && !nb_ed_type(ed, c))
				return 0;
		}
	}
	if (cells > 1)
		nb_ed_message(ed, 0, "已粘贴 %d 个数字", cells);
	return 1;
}

/* A pasted line end: a new line in a paragraph, a blank in a one-line
 * field; the other characters a draft cannot hold are left out. */
static int
paste_text(nb_editor_t *ed, const wchar_t *s, size_t n)
{
	const nb_stop_t *st = nb_ed_stop(ed);
	wchar_t *w;
	size_t i, o = 0, dropped = 0, cut = 0;
	int rc;

	if (st->kind == NB_STOP_NUM || cur_field(ed)->type == NB_T_YEAR)
		return paste_numbers(ed, s, n);
	if (!(w = malloc((n + 1) * sizeof *w)))
		return 0;
	for (i = 0; i < n; i++) {
		wchar_t c = s[i];
		if (c == '\r' && i + 1 < n && s[i + 1] == '\n')
			continue;
		if (c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029)
			c = is_paragraph(st) ? '\n' : ' ';
		else if (c == '\t')
			c = ' ';
		if (nb_textcheck_char((uint32_t)c, text_kind(st)) != NB_CHAR_OK) {
			dropped++;
			continue;
		}
		w[o++] = c;
	}
	if (o > room_left(ed, st)) {
		cut = o - room_left(ed, st);
		o -= cut;
	}
	rc = nb_text_insert(&ed->buf, w, o);
	free(w);
	if (rc > 0)
		apply(ed);
	if (cut)
		nb_ed_message(ed, 1, "这一项最多 %d 个字：已粘贴 %zu 个，略去其后的 %zu 个",
		              cur_field(ed)->max, o, cut);
	else if (dropped)
		nb_ed_message(ed, 1, "已粘贴 %zu 个字符，略去 %zu 个不可见的控制字符", o, dropped);
	else if (rc > 0)
		nb_ed_message(ed, 0, "已粘贴 %zu 个字符", o);
	return rc > 0;
}

/* One paste is one undo step, apart from the typing before and after it,
 * however many cells it fills. */
int
nb_ed_paste(nb_editor_t *ed, const wchar_t *s, size_t n)
{
	int rc;

	nb_ed_commit(ed);
	ed->grouping++;
	rc = paste_text(ed, s, n);
	ed->grouping--;
	nb_ed_commit(ed);
	return rc;
}

static int
refuse_total(nb_editor_t *ed)
{
	if (!nb_ed_stop(ed)->computed)
		return 0;
	nb_ed_message(ed, 1, "总计由系统根据各项自动计算，不能修改");
	return 1;
}

void
nb_ed_backspace(nb_editor_t *ed)
{
	if (refuse_total(ed))
		return;
	if (ed->fresh && ed->buf.len) {
		nb_ed_clear(ed);
		return;
	}
	if (nb_text_backspace(&ed->buf) > 0)
		apply(ed);
}

void
nb_ed_delete(nb_editor_t *ed)
{
	if (refuse_total(ed))
		return;
	if (ed->fresh && ed->buf.len) {
		nb_ed_clear(ed);
		return;
	}
	if (nb_text_delete(&ed->buf) > 0)
		apply(ed);
}

void
nb_ed_clear(nb_editor_t *ed)
{
	if (refuse_total(ed))
		return;
	nb_text_set(&ed->buf, "");
	apply(ed);
	nb_ed_message(ed, 0, is_paragraph(nb_ed_stop(ed)) ? "已清空（{undo} 恢复）"
	                                                : "已清空（{cancel} 或 {undo} 恢复）");
}

void
nb_ed_enter(nb_editor_t *ed)
{
	const nb_stop_t *s = nb_ed_stop(ed);

	if (s->computed)
		nb_ed_accept_total(ed);
	else if (is_paragraph(s))
		nb_ed_type(ed, '\n');
	else
		nb_ed_next(ed);
}

void
nb_ed_replace_text(nb_editor_t *ed, const char *utf8)
{
	const nb_stop_t *s = nb_ed_stop(ed);
	size_t n;
	wchar_t *w;

	if (refuse_total(ed))
		return;
	if (s->kind == NB_STOP_NUM || !(w = nb_utf8_decode(utf8, &n)))
		return;
	while (n && (w[n - 1] == '\n' || w[n - 1] == '\r'))
		n--;
	nb_text_set(&ed->buf, "");
	nb_ed_paste(ed, w, n);
	free(w);
	ed->buf.cur = 0;
	nb_ed_message(ed, 0, "已读回外部编辑器中的文字");
}

/* ---- moving the cursor ---- */

static int
move_paragraph(nb_editor_t *ed, nb_move_t mv, int page)
{
	nb_text_t *b = &ed->buf;

	switch (mv) {
	case NB_MV_LEFT: return nb_text_left(b);
	case NB_MV_RIGHT: return nb_text_right(b);
	case NB_MV_HOME: return nb_text_row_home(b, &ed->lay);
	case NB_MV_END: return nb_text_row_end(b, &ed->lay);
	case NB_MV_WORD_LEFT: return nb_text_word_left(b);
	case NB_MV_WORD_RIGHT: return nb_text_word_right(b);
	case NB_MV_TOP: return nb_text_start(b);
	case NB_MV_BOTTOM: return nb_text_end(b);
	case NB_MV_PGUP: return nb_text_vmove(b, &ed->lay, -page);
	case NB_MV_PGDN: return nb_text_vmove(b, &ed->lay, page);
	case NB_MV_UP:
		if (nb_text_vmove(b, &ed->lay, -1))
			return 1;
		nb_ed_prev(ed);
		return 1;
	case NB_MV_DOWN:
		if (nb_text_vmove(b, &ed->lay, 1))
			return 1;
		nb_ed_next(ed);
		return 1;
	}
	return 0;
}

static int
move_grid(nb_editor_t *ed, nb_move_t mv)
{
	const nb_stop_t *s = nb_ed_stop(ed);
	const nb_grow_t *g = &ed->nav.secs[s->section].rows[s->grow];

	switch (mv) {
	case NB_MV_LEFT: nb_ed_grid(ed, 0, -1); return 1;
	case NB_MV_RIGHT: nb_ed_grid(ed, 0, 1); return 1;
	case NB_MV_UP: nb_ed_grid(ed, -1, 0); return 1;
	case NB_MV_DOWN: nb_ed_grid(ed, 1, 0); return 1;
	case NB_MV_HOME: nb_ed_grid(ed, 0, -s->gcol); return 1;
	case NB_MV_END: nb_ed_grid(ed, 0, g->ncols - 1 - s->gcol); return 1;
	default: return 0;
	}
}

static int
move_line(nb_editor_t *ed, nb_move_t mv)
{
	nb_text_t *b = &ed->buf;

	ed->fresh = 0;
	switch (mv) {
	case NB_MV_LEFT: return nb_text_left(b);
	case NB_MV_RIGHT: return nb_text_right(b);
	case NB_MV_HOME: case NB_MV_TOP: return nb_text_start(b);
	case NB_MV_END: case NB_MV_BOTTOM: return nb_text_end(b);
	case NB_MV_WORD_LEFT: return nb_text_word_left(b);
	case NB_MV_WORD_RIGHT: return nb_text_word_right(b);
	case NB_MV_UP: nb_ed_prev(ed); return 1;
	case NB_MV_DOWN: nb_ed_next(ed); return 1;
	default: return 0;
	}
}

int
nb_ed_move(nb_editor_t *ed, nb_move_t mv, int page)
{
	const nb_stop_t *s = nb_ed_stop(ed);

	if (is_paragraph(s))
		return move_paragraph(ed, mv, page < 1 ? 1 : page);
	if (s->grow >= 0)
		return move_grid(ed, mv);
	return move_line(ed, mv);
}

/* ---- what the status line says ---- */

static int
check_involves(const nb_check_t *c, size_t cell)
{
	size_t i;

	for (i = 0; i < c->nlhs; i++)
		if (!c->lhs[i].previous && c->lhs[i].cell == cell)
			return 1;
	for (i = 0; i < c->nrhs; i++)
		if (!c->rhs[i].previous && c->rhs[i].cell == cell)
			return 1;
	return 0;
}

/* A sum the current cell is part of, holding or waiting for its cells;
 * errors elsewhere are counted after it, so that a rule that holds here
 * is never taken for a report that adds up. */
static int
holds_line(const nb_editor_t *ed, const nb_check_t *c, char *buf, size_t size)
{
	int state, n;
	char *text = nb_check_describe(c, ed->rep, ed->prev, &state);

	n = snprintf(buf, size, "%s%s", state > 0 ? "勾稽关系成立：" : "填完后核对：",
	             text ? text : "");
	free(text);
	if (ed->findings.errors && n > 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, "；其他 %zu 个问题：{next_problem}",
		         ed->findings.errors);
	return 0;
}

int
nb_ed_rule_line(const nb_editor_t *ed, char *buf, size_t size)
{
	size_t cell = nb_ed_stop(ed)->cell, i, k;
	const nb_check_t *first = NULL;
	const nb_finding_t *said = nb_ed_text_finding(ed);
	char *msg;

	const nb_finding_t *misplaced = nb_ed_misplaced(ed, cell);

	if (misplaced) {
		snprintf(buf, size, "%s", misplaced->message);
		return 1;
	}
	*buf = '\0';
	if (said) {                /* the sentence under the cursor */
		snprintf(buf, size, "%s", said->message);
		return 1;
	}
	for (i = 0; i < ed->form->nrules; i++)
		for (k = 0; k < ed->form->rules[i].nchecks; k++) {
			const nb_check_t *c = &ed->form->rules[i].checks[k];
			if ((c->previous && !ed->prev) || !check_involves(c, cell))
				continue;
			msg = NULL;
			if (!nb_check_holds(c, ed->rep, ed->prev, &msg)) {
				snprintf(buf, size, "%s", msg ? msg : "");
				free(msg);
				return 1;
			}
			if (!first && c->rule->kind == NB_RULE_SUM)
				first = c;
		}
	return first ? holds_line(ed, first, buf, size) : -1;
}

nb_sec_state_t
nb_ed_section_state(const nb_editor_t *ed, int sec, char *buf, size_t size)
{
	return nb_ed_state_words(ed->sec_errors[sec], ed->sec_unfilled[sec], buf, size);
}

nb_sec_state_t
nb_ed_state_words(int e, int u, char *buf, size_t size)
{
	if (e && u)
		snprintf(buf, size, "%d错 %d未填", e, u);
	else if (e)
		snprintf(buf, size, "%d错", e);
	else if (u)
		snprintf(buf, size, "%d未填", u);
	else
		snprintf(buf, size, "完成");
	return e ? NB_SEC_ERRORS : u ? NB_SEC_UNFILLED : NB_SEC_DONE;
}
