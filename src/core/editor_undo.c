/* editor_undo.c - undo steps: building them as the report changes, and
 * the history of them that undo, redo and Esc move in (editor.c says what
 * was done and shows it).
 *
 * A step is opened by the first change after the last one closed and
 * keeps, before anything moves, the flags of the totals kept from the file
 * and the value of every total (typing in a cell moves the totals it adds
 * up to); each cell changed is noted before its first change.  Closing the
 * step drops what did not change in the end, and the step with it if
 * nothing is left. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/editor.h"
#include "core/editor_impl.h"

static void
step_free(nb_undo_t *u)
{
	size_t i;

	for (i = 0; i < u->ncells; i++)
		nb_value_clear(&u->cells[i].value);
	free(u->cells);
	free(u->mismatch);
	memset(u, 0, sizeof *u);
}

void
nb_ed_undo_free(nb_editor_t *ed)
{
	size_t i;

	for (i = 0; i < ed->nundo + ed->nredo; i++)
		step_free(&ed->undo[i]);
	ed->nundo = ed->nredo = 0;
	step_free(&ed->step);
	ed->step_open = 0;
}

/* Exact, unlike nb_report_equal: an unfilled text is not an empty one. */
static int
same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static int
same_value(const nb_value_t *a, const nb_value_t *b)
{
	size_t i;

	if (a->filled != b->filled || a->num != b->num ||
	    a->decimals != b->decimals || !same_str(a->text, b->text) ||
	    a->nitems != b->nitems)
		return 0;
	for (i = 0; i < a->nitems; i++)
		if (!same_str(a->items[i].title, b->items[i].title) ||
		    !same_str(a->items[i].text, b->items[i].text))
			return 0;
	return 1;
}

static int
step_has(const nb_undo_t *u, size_t cell)
{
	size_t i;

	for (i = 0; i < u->ncells; i++)
		if (u->cells[i].cell == cell)
			return 1;
	return 0;
}

static int
step_add(nb_undo_t *u, const nb_value_t *v, size_t cell)
{
	nb_undo_cell_t *n = realloc(u->cells, (u->ncells + 1) * sizeof *n);

	if (!n)
		return -1;
	u->cells = n;
	n[u->ncells].cell = cell;
	if (nb_value_copy(v, &n[u->ncells].value) < 0) {
		nb_value_clear(&n[u->ncells].value);
		return -1;
	}
	u->ncells++;
	return 0;
}

static void
step_open(nb_editor_t *ed)
{
	size_t c, n = ed->form->ncells;

	if (ed->step_open)
		return;
	ed->step_open = 1;
	ed->step.stop = ed->cur;
	if ((ed->step.mismatch = malloc(n + 1)))
		memcpy(ed->step.mismatch, ed->mismatch, n);
	for (c = 0; c < n; c++)
		if (ed->form->cells[c].total)
			step_add(&ed->step, &ed->rep->values[c], c);
}

int
nb_ed_step_note(nb_editor_t *ed, size_t cell)
{
	step_open(ed);
	if (step_has(&ed->step, cell))
		return 0;
	return step_add(&ed->step, &ed->rep->values[cell], cell);
}

/* Drops the cells that hold their value still; 1 when something is left. */
static int
step_prune(nb_editor_t *ed, nb_undo_t *u)
{
	size_t i, o = 0;

	for (i = 0; i < u->ncells; i++) {
		nb_undo_cell_t *c = &u->cells[i];
		if (same_value(&c->value, &ed->rep->values[c->cell]))
			nb_value_clear(&c->value);
		else
			u->cells[o++] = *c;
	}
	u->ncells = o;
	return o || (u->mismatch &&
	             memcmp(u->mismatch, ed->mismatch, ed->form->ncells));
}

static void
push(nb_editor_t *ed, nb_undo_t *u)
{
	size_t i;

	for (i = ed->nundo; i < ed->nundo + ed->nredo; i++)
		step_free(&ed->undo[i]);
	ed->nredo = 0;
	if (ed->nundo == NB_UNDO_MAX) {
		step_free(&ed->undo[0]);
		memmove(&ed->undo[0], &ed->undo[1],
		        (NB_UNDO_MAX - 1) * sizeof ed->undo[0]);
		ed->nundo--;
	}
	ed->undo[ed->nundo++] = *u;
	memset(u, 0, sizeof *u);
}

int
nb_ed_step_close(nb_editor_t *ed)
{
	if (!ed->step_open)
		return 0;
	ed->step_open = 0;
	if (step_prune(ed, &ed->step)) {
		push(ed, &ed->step);
		return 1;
	}
	step_free(&ed->step);
	return 0;
}

int
nb_ed_commit(nb_editor_t *ed)
{
	if (ed->changed) {
		nb_value_clear(&ed->orig);
		nb_value_copy(&ed->rep->values[ed->nav.stops[ed->cur].cell], &ed->orig);
		ed->changed = 0;
	}
	return ed->grouping ? 0 : nb_ed_step_close(ed);
}

/* The step's values and flags trade places with the editor's, and the
 * cursor goes where the change was made: undoing and redoing are both
 * this exchange. */
static void
step_swap(nb_editor_t *ed, nb_undo_t *u)
{
	size_t i, n = ed->form->ncells;
	int items = 0;

	for (i = 0; i < u->ncells; i++) {
		size_t c = u->cells[i].cell;
		nb_value_t tmp = ed->rep->values[c];
		ed->rep->values[c] = u->cells[i].value;
		u->cells[i].value = tmp;
		items |= ed->form->cells[c].field->type == NB_T_ITEMS;
	}
	for (i = 0; u->mismatch && i < n; i++) {
		unsigned char t = ed->mismatch[i];
		ed->mismatch[i] = u->mismatch[i];
		u->mismatch[i] = t;
	}
	ed->dirty = 1;
	if (items && nb_ed_rebuild_nav(ed) < 0)
		return;
	ed->cur = u->stop < ed->nav.nstops ? u->stop : 0;
}

int
nb_ed_history_back(nb_editor_t *ed)
{
	if (!ed->nundo)
		return -1;
	ed->nundo--;
	ed->nredo++;
	step_swap(ed, &ed->undo[ed->nundo]);
	return 0;
}

int
nb_ed_history_forward(nb_editor_t *ed)
{
	if (!ed->nredo)
		return -1;
	ed->nredo--;
	step_swap(ed, &ed->undo[ed->nundo++]);
	return 0;
}

static int
step_dup(const nb_editor_t *ed, const nb_undo_t *from, nb_undo_t *to)
{
	size_t i, n = ed->form->ncells;

	memset(to, 0, sizeof *to);
	to->stop = from->stop;
	if (from->mismatch && (to->mismatch = malloc(n + 1)))
		memcpy(to->mismatch, from->mismatch, n);
	for (i = 0; i < from->ncells; i++)
		if (step_add(to, &from->cells[i].value, from->cells[i].cell) < 0)
			return -1;
	return from->mismatch && !to->mismatch ? -1 : 0;
}

int
nb_ed_history_revert(nb_editor_t *ed)
{
	nb_undo_t back;

	if (!ed->nundo)
		return -1;
	if (step_dup(ed, &ed->undo[ed->nundo - 1], &back) < 0) {
		step_free(&back);
		return -1;
	}
	step_swap(ed, &back);
	push(ed, &back);
	return 0;
}
