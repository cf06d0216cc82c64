/* editor_fill.c - filling the rest with zeros: most cells of table 三 are
 * 0 in a small body's report, and typing them one by one is most of the
 * work.  One request fills the unfilled figures of the current table (when
 * it has none, or outside a table: of the whole report), after a question
 * naming how many; one undo step. */

#include "config.h"

#include "core/editor_impl.h"

/* Whether stop i is a figure typed in and not yet filled, within section
 * sec (-1: any). */
static int
unfilled_figure(const nb_editor_t *ed, size_t i, int sec)
{
	const nb_stop_t *s = &ed->nav.stops[i];

	return s->kind == NB_STOP_NUM && !s->computed &&
	       (sec < 0 || s->section == sec) && !ed->rep->values[s->cell].filled;
}

static size_t
count_unfilled(const nb_editor_t *ed, int sec)
{
	size_t i, n = 0;

	for (i = 0; i < ed->nav.nstops; i++)
		n += unfilled_figure(ed, i, sec);
	return n;
}

/* The section the question is about: the current table's, or -1 for the
 * whole report. */
static int
fill_scope(nb_editor_t *ed)
{
	const nb_stop_t *s;

	nb_ed_commit(ed);       /* a figure being typed counts as filled */
	s = nb_ed_stop(ed);
	if (ed->nav.secs[s->section].grid && count_unfilled(ed, s->section))
		return s->section;
	return -1;
}

void
nb_ed_fill_zeros(nb_editor_t *ed)
{
	int sec = fill_scope(ed);
	size_t n = count_unfilled(ed, sec);

	if (!n) {
		nb_ed_message(ed, 0, "没有未填写的数字格");
		return;
	}
	ed->fill_section = sec;
	ed->ask = NB_ASK_FILL_ZEROS;
	nb_ed_message(ed, 0, "把%s %zu 个未填写的数字格都填为 0？(Y 填写 / N 取消；可撤销)",
	              sec < 0 ? "整个报告" : "本表", n);
}

void
nb_ed_fill_zeros_now(nb_editor_t *ed)
{
	size_t i, n = 0;

	nb_ed_commit(ed);
	for (i = 0; i < ed->nav.nstops; i++) {
		if (!unfilled_figure(ed, i, ed->fill_section))
			continue;
		if (nb_ed_step_note(ed, ed->nav.stops[i].cell) < 0) {
			nb_ed_message(ed, 1, "内存不足，只填了 %zu 格", n);
			break;
		}
		nb_report_set_num(ed->rep, ed->nav.stops[i].cell, 0, 0);
		n++;
	}
	ed->dirty = 1;
	nb_ed_refresh(ed);
	nb_ed_step_close(ed);
	nb_ed_load(ed);
	if (i == ed->nav.nstops)
		nb_ed_message(ed, 0, "已把 %zu 格填为 0（{undo} 撤销）", n);
}
