/* editor.c - the editing session: moving, committing, totals, checks,
 * and saving.  Typing and cursor moves are in editor_input.c, undo and
 * Esc in editor_undo.c. */

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/draft.h"
#include "core/editor.h"
#include "core/editor_impl.h"
#include "core/content.h"
#include "core/judge.h"
#include "core/misplaced.h"
#include "core/number.h"

void
nb_ed_message(nb_editor_t *ed, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ed->msg, sizeof ed->msg, fmt, ap);
	va_end(ap);
	ed->msg_error = error;
}

/* ---- totals and checks ---- */

static int
is_total(const nb_editor_t *ed, size_t cell)
{
	return ed->form->cells[cell].total;
}

/* Totals read from the file are kept when they disagree with their cells
 * (or cannot be computed yet); the flag goes once they agree. */
static void
flag_file_totals(nb_editor_t *ed)
{
	size_t c;
	int64_t v;

	for (c = 0; c < ed->form->ncells; c++) {
		const nb_value_t *val = &ed->rep->values[c];
		if (!is_total(ed, c) || !val->filled)
			continue;
		if (!nb_rules_total(ed->rep, c, &v) || v != val->num)
			ed->mismatch[c] = 1;
	}
}

static void
compute_totals(nb_editor_t *ed)
{
	size_t c;
	int64_t v;

	for (c = 0; c < ed->form->ncells; c++) {
		int ok;
		if (!is_total(ed, c))
			continue;
		ok = nb_rules_total(ed->rep, c, &v);
		if (ed->mismatch[c]) {
			if (ok && v == ed->rep->values[c].num)
				ed->mismatch[c] = 0;
			continue;
		}
		if (ok)
			nb_report_set_num(ed->rep, c, v, 0);
		else
			nb_report_clear(ed->rep, c);
	}
}

/* Whether a broken check is one a "misplaced" note explains. */
static int
explained(const nb_editor_t *ed, const nb_check_t *c)
{
	size_t i;

	for (i = 0; c && i < ed->findings.n; i++)
		if (ed->findings.v[i].pair[0] == c || ed->findings.v[i].pair[1] == c)
			return 1;
	return 0;
}

static void
mark_cells(nb_editor_t *ed, const nb_term_t *t, size_t n, unsigned char mark)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!t[i].previous)
			ed->mark[t[i].cell] |= mark;
}

/* A broken sum marks all its cells (explained when a "misplaced" note
 * accounts for it); any other finding but a note marks its own cell, and
 * a "misplaced" note its figure. */
static void
mark_check(nb_editor_t *ed, const nb_finding_t *f)
{
	const nb_check_t *c = f->check;
	unsigned char mark;

	if (f->pair[0])
		ed->mark[f->cell] |= NB_MARK_LIKELY;
	if (f->severity < NB_SEV_ERROR || !c) {
		if (f->severity == NB_SEV_ERROR)
			ed->mark[f->cell] |= NB_MARK_ERROR;
		else if (f->severity != NB_SEV_NOTE)
			ed->mark[f->cell] |= NB_MARK_WARNING;
		return;
	}
	mark = explained(ed, c) ? NB_MARK_EXPLAINED : NB_MARK_ERROR;
	mark_cells(ed, c->lhs, c->nlhs, mark);
	mark_cells(ed, c->rhs, c->nrhs, mark);
}

static int
stop_unfilled(const nb_editor_t *ed, const nb_stop_t *s)
{
	const nb_value_t *v = &ed->rep->values[s->cell];

	if (s->computed)
		return 0;
	switch (s->kind) {
	case NB_STOP_NUM:
	case NB_STOP_LINE:
		return !v->filled;
	case NB_STOP_TEXT:
		return ed->required[s->cell] && (!v->text || !*v->text);
	case NB_STOP_ITEM:
		return (size_t)s->item < v->nitems && !*v->items[s->item].text;
	default:
		return 0;
	}
}

static void
count_sections(nb_editor_t *ed)
{
	size_t i, n = ed->nav.nsecs;
	int sec;

	memset(ed->sec_errors, 0, n * sizeof(int));
	memset(ed->sec_warnings, 0, n * sizeof(int));
	memset(ed->sec_unfilled, 0, n * sizeof(int));
	for (i = 0; i < ed->findings.n; i++) {
		const nb_finding_t *f = &ed->findings.v[i];
		if ((sec = ed->nav.cell_section[f->cell]) < 0)
			continue;
		if (f->severity == NB_SEV_ERROR)
			ed->sec_errors[sec]++;
		else if (f->severity != NB_SEV_NOTE)
			ed->sec_warnings[sec]++;
	}
	for (i = 0; i < ed->nav.nstops; i++)
		if (stop_unfilled(ed, &ed->nav.stops[i]))
			ed->sec_unfilled[ed->nav.stops[i].section]++;
}

void
nb_ed_out_of_memory(nb_editor_t *ed)
{
	ed->broken = ed->done = 1;
	nb_ed_message(ed, 1, "内存不足，编辑不能继续");
}

int
nb_ed_rebuild_nav(nb_editor_t *ed)
{
	if (nb_nav_build(&ed->nav, ed->rep) == 0 && ed->nav.nstops)
		return 0;
	nb_ed_out_of_memory(ed);
	return -1;
}

/* Every check, as the project's settings and the draft's
 * acknowledgements have them; when those are wrong, without them, and
 * the message says why. */
static void
judge(nb_editor_t *ed)
{
	nb_error_t err = { 0 };

	nb_findings_free(&ed->findings);
	if (nb_judge(ed->rep, ed->prev, ed->settings, ed->path, &ed->findings, &err) == 0)
		return;
	nb_findings_free(&ed->findings);
	if (nb_rules_eval(ed->rep, ed->prev, &ed->findings) < 0 ||
	    nb_content_eval(ed->rep, ed->prev, &ed->findings) < 0)
		nb_ed_message(ed, 1, "内存不足，检查结果不完整");
	else
		nb_ed_message(ed, 1, "%s:%d:%d: %s（检查时未用设置和确认）", err.file,
		              err.line, err.col, err.msg);
	nb_findings_sort(&ed->findings);
}

void
nb_ed_refresh(nb_editor_t *ed)
{
	size_t i;

	if (ed->broken)
		return;
	ed->changes++;
	compute_totals(ed);
	judge(ed);
	memset(ed->mark, 0, ed->form->ncells);
	for (i = 0; i < ed->findings.n; i++)
		mark_check(ed, &ed->findings.v[i]);
	count_sections(ed);
}

/* ---- opening ---- */

static void
find_required(nb_editor_t *ed)
{
	size_t i, k;

	for (i = 0; i < ed->form->nrules; i++) {
		const nb_rule_t *r = &ed->form->rules[i];
		if (r->kind != NB_RULE_REQUIRED)
			continue;
		for (k = 0; k < r->nchecks; k++)
			ed->required[r->checks[k].lhs[0].cell] = 1;
	}
}

/* The project's nianbao.yaml beside the draft; one that cannot be read
 * is said and left out. */
static void
load_settings(nb_editor_t *ed)
{
	nb_error_t err = { 0 };

	if (nb_settings_find(ed->path, &ed->settings, &err) < 0)
		nb_ed_message(ed, 1, "%s:%d:%d: %s（检查时不用这个设置文件）", err.file,
		              err.line, err.col, err.msg);
}

int
nb_ed_open(nb_editor_t *ed, nb_form_t *form, nb_report_t *rep,
           const char *path, int flags)
{
	int rc = nb_ed_open_lent(ed, form, rep, path, flags);

	ed->own_form = form;        /* freed with the session, even a failed one */
	return rc;
}

int
nb_ed_open_lent(nb_editor_t *ed, const nb_form_t *form, nb_report_t *rep,
                const char *path, int flags)
{
	size_t n = form->ncells + 1, ns = form->nsections + 1;

	memset(ed, 0, sizeof *ed);
	ed->form = form;
	ed->rep = rep;
	ed->wrap_width = 60;
	nb_text_init(&ed->buf);
	nb_findings_init(&ed->findings);
	if (!(ed->path = strdup(path)) || !(ed->mark = calloc(n, 1)) ||
	    !(ed->mismatch = calloc(n, 1)) || !(ed->required = calloc(n, 1)) ||
	    !(ed->sec_errors = calloc(ns, sizeof(int))) ||
	    !(ed->sec_warnings = calloc(ns, sizeof(int))) ||
	    !(ed->sec_unfilled = calloc(ns, sizeof(int))) ||
	    nb_nav_build(&ed->nav, rep) < 0 || !ed->nav.nstops)
		return -1;
	find_required(ed);
	flag_file_totals(ed);
	load_settings(ed);
	nb_ed_refresh(ed);
	nb_filestamp_take(path, &ed->stamp);
	ed->kept = ed->changes;
	ed->cur = nb_nav_section_start(&ed->nav, 0);
	nb_ed_load(ed);
	ed->readonly = !!(flags & NB_ED_READONLY);
	ed->dirty = !!(flags & NB_ED_RECOVERED);
	return 0;
}

void
nb_ed_close(nb_editor_t *ed)
{
	nb_ed_undo_free(ed);
	nb_value_clear(&ed->orig);
	nb_text_free(&ed->buf);
	nb_tlayout_free(&ed->lay);
	nb_findings_free(&ed->findings);
	nb_settings_free(ed->settings);
	nb_nav_free(&ed->nav);
	free(ed->mark);
	free(ed->mismatch);
	free(ed->required);
	free(ed->sec_errors);
	free(ed->sec_warnings);
	free(ed->sec_unfilled);
	free(ed->path);
	free(ed->prev_name);
	nb_report_free(ed->prev);
	nb_report_free(ed->rep);
	nb_form_free(ed->own_form);
	memset(ed, 0, sizeof *ed);
}

/* The rules judged again with nothing changed: what was kept in the
 * recovery file is still all there is. */
static void
rejudge(nb_editor_t *ed)
{
	int kept = ed->kept == ed->changes;

	nb_ed_refresh(ed);
	if (kept)
		ed->kept = ed->changes;
}

int
nb_ed_set_previous(nb_editor_t *ed, nb_report_t *prev, const char *name)
{
	char *copy = strdup(name);

	if (!copy || strcmp(prev->form->format, ed->form->format) ||
	    prev->form->ncells != ed->form->ncells) {
		if (copy)
			nb_ed_message(ed, 1, "上年报告 %s 的格式是“%s”，与本草稿的“%s”不同，"
			              "不能逐格核对；跨年度的勾稽关系没有核对", name,
			              prev->form->format, ed->form->format);
		else
			nb_ed_message(ed, 1, "内存不足，跨年度的勾稽关系没有核对");
		free(copy);
		nb_report_free(prev);
		return -1;
	}
	nb_report_free(ed->prev);
	free(ed->prev_name);
	ed->prev = prev;
	ed->prev_name = copy;
	rejudge(ed);
	return 0;
}

const nb_stop_t *
nb_ed_stop(const nb_editor_t *ed)
{
	return &ed->nav.stops[ed->cur];
}

int
nb_ed_section(const nb_editor_t *ed)
{
	return nb_ed_stop(ed)->section;
}

/* ---- the text of a stop ---- */

static char *
strip_newlines(const char *s)
{
	char *t = strdup(s ? s : "");
	size_t n;

	if (!t)
		return NULL;
	n = strlen(t);
	while (n && t[n - 1] == '\n')
		t[--n] = '\0';
	return t;
}

void
nb_ed_cell_text(const nb_editor_t *ed, size_t cell, char *buf, size_t size)
{
	const nb_value_t *v = &ed->rep->values[cell];
	const nb_field_t *f = ed->form->cells[cell].field;
	char a[32], b[32];
	int64_t t;

	*buf = '\0';
	if (!v->filled)
		return;
	if (f->type == NB_T_AMOUNT)
		nb_amount_format(v->num, v->decimals, a);
	else
		snprintf(a, sizeof a, "%lld", (long long)v->num);
	if (ed->mismatch[cell] && nb_rules_total(ed->rep, cell, &t)) {
		snprintf(b, sizeof b, "%lld", (long long)t);
		snprintf(buf, size, "%s(%s)", a, b);
	} else {
		snprintf(buf, size, "%s", a);
	}
}

char *
nb_ed_stop_text(const nb_editor_t *ed, size_t stop)
{
	const nb_stop_t *s = &ed->nav.stops[stop];
	const nb_value_t *v = &ed->rep->values[s->cell];
	char tmp[80];

	switch (s->kind) {
	case NB_STOP_TITLE:
		return strdup((size_t)s->item < v->nitems ? v->items[s->item].title : "");
	case NB_STOP_ITEM:
		return strip_newlines((size_t)s->item < v->nitems ? v->items[s->item].text : "");
	case NB_STOP_TEXT:
		return strip_newlines(v->text);
	case NB_STOP_LINE:
		if (ed->form->cells[s->cell].field->type != NB_T_YEAR)
			return strdup(v->text ? v->text : "");
		/* fall through */
	default:
		if (s->kind == NB_STOP_NUM && ed->mismatch[s->cell]) {
			snprintf(tmp, sizeof tmp, "%lld", (long long)v->num);
			return v->filled ? strdup(tmp) : strdup("");
		}
		nb_ed_cell_text(ed, s->cell, tmp, sizeof tmp);
		return strdup(tmp);
	}
}

/* Fills buf and orig from the current stop. */
void
nb_ed_load(nb_editor_t *ed)
{
	const nb_stop_t *s;
	char *text;

	if (ed->broken)
		return;
	s = nb_ed_stop(ed);
	text = nb_ed_stop_text(ed, ed->cur);
	nb_text_set(&ed->buf, text ? text : "");
	free(text);
	nb_value_clear(&ed->orig);
	nb_value_copy(&ed->rep->values[s->cell], &ed->orig);
	ed->changed = 0;
	/* typing over a figure, or over the year, replaces it */
	ed->fresh = s->kind == NB_STOP_NUM ||
	            ed->form->cells[s->cell].field->type == NB_T_YEAR;
	nb_ed_relayout(ed);
}

void
nb_ed_relayout(nb_editor_t *ed)
{
	nb_text_layout(&ed->buf, ed->wrap_width, &ed->lay);
}

void
nb_ed_set_width(nb_editor_t *ed, int width)
{
	if (width < 4)
		width = 4;
	if (width != ed->wrap_width) {
		ed->wrap_width = width;
		nb_ed_relayout(ed);
	}
}

int
nb_ed_reload(nb_editor_t *ed, nb_report_t *rep)
{
	const nb_form_t *form = ed->form;
	nb_form_t *own = ed->own_form;
	nb_report_t *prev = ed->prev;
	nb_error_t err = { 0 };
	char *path = ed->path, *prev_name = ed->prev_name;
	int flags = ed->readonly ? NB_ED_READONLY : 0, rc;

	if (!ed->readonly)
		nb_recovery_remove(path, &err);
	ed->own_form = NULL;            /* kept for the new state */
	ed->path = ed->prev_name = NULL;
	ed->prev = NULL;
	nb_ed_close(ed);
	rc = own ? nb_ed_open(ed, own, rep, path, flags)
	         : nb_ed_open_lent(ed, form, rep, path, flags);
	if (rc < 0) {
		nb_ed_close(ed);            /* what was built, form and rep too */
		nb_report_free(prev);
		free(prev_name);
		free(path);
		ed->done = 1;
		return -1;
	}
	free(path);
	ed->prev = prev;
	ed->prev_name = prev_name;
	if (prev)
		rejudge(ed);
	return 0;
}

/* ---- undo, redo and Esc (the steps themselves: editor_undo.c) ---- */

static void
show_step(nb_editor_t *ed, const char *done, size_t left, const char *more)
{
	char label[256];

	if (ed->broken)
		return;
	nb_ed_refresh(ed);
	nb_ed_load(ed);
	nb_nav_label(&ed->nav, ed->rep, ed->cur, label, sizeof label);
	nb_ed_message(ed, 0, "%s：%s（还可%s %zu 步）", done, label, more, left);
}

void
nb_ed_undo(nb_editor_t *ed)
{
	nb_ed_commit(ed);
	if (nb_ed_history_back(ed) < 0)
		nb_ed_message(ed, 1, "没有可以撤销的修改");
	else
		show_step(ed, "已撤销", ed->nundo, "撤销");
}

void
nb_ed_redo(nb_editor_t *ed)
{
	nb_ed_commit(ed);      /* a new change ends what could be redone */
	if (nb_ed_history_forward(ed) < 0)
		nb_ed_message(ed, 1, "没有可以重做的修改");
	else
		show_step(ed, "已重做", ed->nredo, "重做");
}

/* Esc in a one-line or number field: the typing becomes a step, and going
 * back to the value on arrival another, so Ctrl-Z brings the typing back. */
void
nb_ed_cancel(nb_editor_t *ed)
{
	const nb_stop_t *s = nb_ed_stop(ed);

	if (s->kind == NB_STOP_TEXT || s->kind == NB_STOP_ITEM) {
		nb_ed_next(ed);
		return;
	}
	if (!ed->changed || !nb_ed_commit(ed)) {
		ed->msg[0] = '\0';     /* nothing typed, or typed and taken back */
		return;
	}
	if (nb_ed_history_revert(ed) < 0) {
		nb_ed_message(ed, 1, "内存不足，不能恢复");
		return;
	}
	nb_ed_refresh(ed);
	nb_ed_load(ed);
	nb_ed_message(ed, 0, "已恢复本格原来的值（{undo} 可找回刚才的输入）");
}

/* ---- moving ---- */

void
nb_ed_goto(nb_editor_t *ed, size_t stop)
{
	if (stop >= ed->nav.nstops)
		return;
	nb_ed_commit(ed);
	ed->cur = stop;
	nb_ed_load(ed);
}

/* A subsection's title comes filled in with its standard wording: what
 * is to be written is its text, so Tab goes on there (Shift-Tab and Up
 * still reach the title).  An empty title is a stop like any other. */
static size_t
past_filled_title(const nb_editor_t *ed, size_t to)
{
	const nb_stop_t *s = &ed->nav.stops[to];
	const nb_value_t *v = &ed->rep->values[s->cell];

	if (s->kind != NB_STOP_TITLE || (size_t)s->item >= v->nitems ||
	    !v->items[s->item].title || !*v->items[s->item].title)
		return to;
	return nb_nav_step(&ed->nav, to, 1);
}

void
nb_ed_next(nb_editor_t *ed)
{
	size_t to = past_filled_title(ed, nb_nav_step(&ed->nav, ed->cur, 1));

	if (to == ed->cur) {
		nb_ed_commit(ed);
		nb_ed_message(ed, 0, "已到最后一项。按 {save} 保存，按 {export} 导出 Word 文件（.docx）");
		return;
	}
	ed->msg[0] = '\0';
	nb_ed_goto(ed, to);
}

void
nb_ed_prev(nb_editor_t *ed)
{
	size_t to = nb_nav_step(&ed->nav, ed->cur, -1);

	ed->msg[0] = '\0';
	if (to == ed->cur)
		nb_ed_message(ed, 0, "已是第一项");
	nb_ed_goto(ed, to);
}

void
nb_ed_next_section(nb_editor_t *ed, int dir)
{
	int sec = nb_ed_section(ed) + dir;

	while (sec >= 0 && sec < (int)ed->nav.nsecs && !ed->nav.secs[sec].n)
		sec += dir;
	if (sec < 0 || sec >= (int)ed->nav.nsecs)
		return;
	ed->msg[0] = '\0';
	nb_ed_goto(ed, nb_nav_section_start(&ed->nav, sec));
}

void
nb_ed_grid(nb_editor_t *ed, int drow, int dcol)
{
	size_t to = nb_nav_grid_move(&ed->nav, ed->cur, drow, dcol);

	if (to != ed->cur) {
		ed->msg[0] = '\0';
		nb_ed_goto(ed, to);
	}
}

static size_t
finding_stop(const nb_editor_t *ed, const nb_finding_t *f)
{
	return nb_nav_find(&ed->nav, f->cell, f->item, 0);
}

void
nb_ed_goto_finding(nb_editor_t *ed, size_t index)
{
	const nb_finding_t *f;
	char *msg;
	size_t start;
	int in_text, grave;

	if (index >= ed->findings.n)
		return;
	f = &ed->findings.v[index];
	msg = strdup(f->message);
	start = f->start;              /* leaving the stop judges anew */
	in_text = f->in_text;
	grave = f->severity != NB_SEV_NOTE || f->pair[0];
	nb_ed_goto(ed, finding_stop(ed, f));
	if (in_text)
		nb_ed_cursor_to_byte(ed, start);
	nb_ed_message(ed, grave, "%s", msg ? msg : "");
	free(msg);
}

/* How far up the walk of problems a finding comes: a figure probably in
 * the wrong place as an error, the broken rules it explains not at all
 * (-1: the cursor goes to that figure instead). */
static int
problem_rank(const nb_editor_t *ed, const nb_finding_t *f)
{
	if (f->pair[0])
		return NB_SEV_ERROR;
	return explained(ed, f->check) ? -1 : (int)f->severity;
}

const nb_finding_t *
nb_ed_misplaced(const nb_editor_t *ed, size_t cell)
{
	size_t i;

	for (i = 0; i < ed->findings.n; i++)
		if (nb_misplaced_concerns(ed->form, &ed->findings.v[i], cell))
			return &ed->findings.v[i];
	return NULL;
}

/* Where a finding is, to go through them in order: its stop, and in a
 * paragraph the byte its sentence starts at (counting from 1). */
static int
after(size_t stop_a, size_t byte_a, size_t stop_b, size_t byte_b)
{
	return stop_a != stop_b ? stop_a > stop_b : byte_a > byte_b;
}

/* The finding ranked at least `sev` whose stop comes first after
 * the current one (wrapping round), or (size_t)-1. */
static size_t
next_finding(const nb_editor_t *ed, nb_severity_t sev)
{
	size_t i, best = (size_t)-1, first = (size_t)-1;
	size_t bstop = (size_t)-1, fstop = (size_t)-1, bbyte = 0, fbyte = 0, s, b;
	size_t here = nb_ed_cursor_byte(ed) + 1;

	for (i = 0; i < ed->findings.n; i++) {
		const nb_finding_t *f = &ed->findings.v[i];
		if (problem_rank(ed, f) < (int)sev)
			continue;
		s = finding_stop(ed, f);
		b = f->in_text ? f->start + 1 : 0;
		if (after(s, b, ed->cur, here) && (best == (size_t)-1 || after(bstop, bbyte, s, b))) {
			best = i;
			bstop = s;
			bbyte = b;
		}
		if (first == (size_t)-1 || after(fstop, fbyte, s, b)) {
			first = i;
			fstop = s;
			fbyte = b;
		}
	}
	return best != (size_t)-1 ? best : first;
}

void
nb_ed_next_problem(nb_editor_t *ed)
{
	size_t i = next_finding(ed, NB_SEV_ERROR);

	if (i == (size_t)-1)
		i = next_finding(ed, NB_SEV_NOTE);
	if (i == (size_t)-1) {
		nb_ed_message(ed, 0, "没有发现问题");
		return;
	}
	nb_ed_goto_finding(ed, i);
}

/* ---- totals from a file ---- */

void
nb_ed_accept_total(nb_editor_t *ed)
{
	const nb_stop_t *s = nb_ed_stop(ed);
	int64_t v;

	if (!ed->mismatch[s->cell]) {
		nb_ed_message(ed, 0, "总计由系统根据各项计算，不需要输入");
		return;
	}
	if (!nb_rules_total(ed->rep, s->cell, &v)) {
		nb_ed_message(ed, 1, "各项尚未填完，还不能计算总计");
		return;
	}
	nb_ed_commit(ed);
	nb_ed_step_note(ed, s->cell);
	nb_report_set_num(ed->rep, s->cell, v, 0);
	ed->mismatch[s->cell] = 0;
	ed->dirty = 1;
	nb_ed_refresh(ed);
	nb_ed_step_close(ed);
	nb_ed_load(ed);
	nb_ed_message(ed, 0, "已采用计算出的总计 %lld", (long long)v);
}

/* ---- subsections ---- */

static const nb_field_t *
items_field_here(const nb_editor_t *ed, int *index)
{
	const nb_stop_t *s = nb_ed_stop(ed);
	const nb_nsec_t *sec = &ed->nav.secs[s->section];
	size_t i;

	if (s->kind == NB_STOP_TITLE || s->kind == NB_STOP_ITEM) {
		*index = s->item;
		return ed->form->cells[s->cell].field;
	}
	for (i = 0; i < sec->sec->nfields; i++)
		if (sec->sec->fields[i]->type == NB_T_ITEMS) {
			*index = (int)ed->rep->values[sec->sec->fields[i]->cell].nitems - 1;
			return sec->sec->fields[i];
		}
	return NULL;
}

void
nb_ed_add_item(nb_editor_t *ed)
{
	int at;
	const nb_field_t *f = items_field_here(ed, &at);
	nb_value_t *v;
	nb_item_t it;
	size_t n;

	if (!f) {
		nb_ed_message(ed, 1, "本部分没有可以添加的分项");
		return;
	}
	nb_ed_commit(ed);
	v = &ed->rep->values[f->cell];
	nb_ed_step_note(ed, f->cell);
	if (nb_report_add_item(ed->rep, f->cell, "新分项", "") < 0) {
		nb_ed_step_close(ed);
		nb_ed_message(ed, 1, "内存不足");
		return;
	}
	n = v->nitems;
	it = v->items[n - 1];            /* move it to just after `at` */
	memmove(&v->items[at + 2], &v->items[at + 1],
	        (n - 2 - (size_t)at) * sizeof it);
	v->items[at + 1] = it;
	ed->dirty = 1;
	if (nb_ed_rebuild_nav(ed) < 0)
		return;
	nb_ed_refresh(ed);
	nb_ed_step_close(ed);
	ed->cur = nb_nav_find(&ed->nav, f->cell, at + 1, 1);
	nb_ed_load(ed);
	ed->fresh = 1;          /* the title typed replaces 新分项 */
	nb_ed_message(ed, 0, "已添加分项 %d，请输入标题", at + 2);
}

void
nb_ed_remove_item(nb_editor_t *ed)
{
	const nb_stop_t *s = nb_ed_stop(ed);

	if (s->kind != NB_STOP_TITLE && s->kind != NB_STOP_ITEM) {
		nb_ed_message(ed, 1, "光标不在分项上（删除分项请先移到其标题或内容）");
		return;
	}
	ed->ask = NB_ASK_REMOVE_ITEM;
	nb_ed_message(ed, 0, "删除分项 %d “%s”？(Y 删除 / N 取消)", s->item + 1,
	              ed->rep->values[s->cell].items[s->item].title);
}

static void
remove_item_now(nb_editor_t *ed)
{
	const nb_stop_t *s = nb_ed_stop(ed);
	size_t cell = s->cell;
	int item = s->item;

	nb_ed_commit(ed);
	nb_ed_step_note(ed, cell);
	nb_report_remove_item(ed->rep, cell, (size_t)item);
	ed->dirty = 1;
	if (nb_ed_rebuild_nav(ed) < 0)
		return;
	nb_ed_refresh(ed);
	nb_ed_step_close(ed);
	if (item >= (int)ed->rep->values[cell].nitems)
		item--;
	ed->cur = nb_nav_find(&ed->nav, cell, item, 1);
	nb_ed_load(ed);
	nb_ed_message(ed, 0, "已删除分项（{undo} 可撤销）");
}

/* ---- saving and quitting ---- */

static int
save_now(nb_editor_t *ed)
{
	nb_error_t err = { 0 }, warning = { 0 };
	int rc;

	if ((rc = nb_draft_save(ed->rep, ed->path, &warning)) < 0) {
		nb_ed_message(ed, 1, "保存失败：%s（修改仍在，可按 {save_as} 另存到别处）", warning.msg);
		return -1;
	}
	ed->dirty = 0;
	nb_filestamp_take(ed->path, &ed->stamp);
	nb_recovery_remove(ed->path, &err);
	ed->kept = ed->changes;
	if (rc > 0)             /* saved, but without a backup: say so */
		nb_ed_message(ed, 1, "%s", warning.msg);
	else
		nb_ed_message(ed, 0, "已保存到 %s", ed->path);
	return 0;
}

int
nb_ed_save_as(nb_editor_t *ed, const char *path)
{
	nb_error_t err = { 0 }, warning = { 0 };
	char *p = strdup(path);
	int rc = p ? nb_draft_save(ed->rep, path, &warning) : -1;

	if (rc < 0) {
		nb_ed_message(ed, 1, "另存失败：%s", p ? warning.msg : "内存不足");
		free(p);
		return -1;
	}
	if (!ed->readonly)       /* the old draft's recovery file is ours */
		nb_recovery_remove(ed->path, &err);
	free(ed->path);
	ed->path = p;
	ed->readonly = 0;
	ed->dirty = 0;
	nb_filestamp_take(ed->path, &ed->stamp);
	ed->kept = ed->changes;
	if (rc > 0)
		nb_ed_message(ed, 1, "%s", warning.msg);
	else
		nb_ed_message(ed, 0, "已另存为 %s，以后保存到这个文件", ed->path);
	return 0;
}

int
nb_ed_save(nb_editor_t *ed)
{
	if (ed->readonly) {
		nb_ed_message(ed, 1, "只读打开，不能保存到原文件；请按 {save_as} 另存为");
		return -1;
	}
	if (nb_filestamp_changed(ed->path, &ed->stamp)) {
		ed->ask = NB_ASK_OVERWRITE;
		nb_ed_message(ed, 1, "%s 在打开后被其他程序改动过。仍要用这里的内容覆盖它吗？"
		              "(Y 覆盖 / N 不保存；另存为：{save_as}；重新载入：{reload})", ed->path);
		return -1;
	}
	return save_now(ed);
}

void
nb_ed_keep(nb_editor_t *ed, long now, long every)
{
	nb_error_t err = { 0 };

	/* done: quitting, perhaps having just discarded the recovery file */
	if (ed->done || ed->readonly || !ed->dirty || ed->changes == ed->kept ||
	    now - ed->kept_at < every)
		return;
	ed->kept_at = now;
	if (nb_recovery_write(ed->rep, ed->path, &err) == 0) {
		ed->kept = ed->changes;
		if (ed->keep_error[0])
			nb_ed_message(ed, 0, "恢复文件又能写入了");
		ed->keep_error[0] = '\0';
		return;
	}
	/* said once per reason: the retries must not bury other messages */
	if (strcmp(ed->keep_error, err.msg)) {
		snprintf(ed->keep_error, sizeof ed->keep_error, "%s", err.msg);
		nb_ed_message(ed, 1, "无法写入恢复文件：%s。程序意外退出时未保存的修改会丢失，"
		              "请尽快按 {save} 保存", err.msg);
	}
}

void
nb_ed_quit(nb_editor_t *ed)
{
	if (!ed->dirty) {
		ed->done = 1;
		return;
	}
	ed->ask = NB_ASK_QUIT;
	nb_ed_message(ed, 0, "修改尚未保存。保存吗？ Y 保存并退出  N 不保存退出  {cancel} 取消");
}

void
nb_ed_interrupt(nb_editor_t *ed)
{
	if (ed->dirty) {
		nb_ed_quit(ed);
		return;
	}
	ed->ask = NB_ASK_LEAVE;
	nb_ed_message(ed, 0, "退出 nianbao 吗？ Y 退出  N 或 {cancel} 继续编辑");
}

void
nb_ed_answer(nb_editor_t *ed, int yes)
{
	nb_ask_t ask = ed->ask;

	ed->ask = NB_ASK_NONE;
	ed->msg[0] = '\0';
	if (yes < 0)
		return;
	if (ask == NB_ASK_QUIT) {
		nb_error_t err = { 0 };
		if (!yes)
			nb_recovery_remove(ed->path, &err);   /* chosen to discard */
		if (!yes || nb_ed_save(ed) == 0)
			ed->done = 1;
	} else if (ask == NB_ASK_OVERWRITE) {
		if (yes)
			save_now(ed);
	} else if (ask == NB_ASK_REMOVE_ITEM && yes) {
		remove_item_now(ed);
	} else if (ask == NB_ASK_LEAVE && yes) {
		ed->done = 1;
	} else if (ask == NB_ASK_FILL_ZEROS && yes) {
		nb_ed_fill_zeros_now(ed);
	}
}
