/* editor_place.c - the current stop described so that it can be found
 * again in another session (places.h keeps the descriptions): by the
 * field's path, the column of a row and the subsection, never by the
 * stop's number, which a changed form or an added subsection moves. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/editor.h"

int
nb_ed_place(const nb_editor_t *ed, char *buf, size_t size)
{
	const nb_stop_t *s = nb_ed_stop(ed);
	const nb_cell_t *c = &ed->form->cells[s->cell];
	int n;

	if (s->kind == NB_STOP_TITLE || s->kind == NB_STOP_ITEM)
		n = snprintf(buf, size, "%s/%d%s", c->field->path, s->item + 1,
		             s->kind == NB_STOP_TITLE ? "/title" : "");
	else if (c->column >= 0)
		n = snprintf(buf, size, "%s[%d]", c->field->path, c->column);
	else
		n = snprintf(buf, size, "%s", c->field->path);
	return n > 0 && (size_t)n < size ? 0 : -1;
}

/* A place split into the field's path (into path of `size`), the column
 * (-1: none) and the subsection (-1: none; *title for its title).  -1
 * when it is not a place at all. */
static int
parse_place(const char *place, char *path, size_t size, int *col, int *item,
            int *title)
{
	size_t n = strcspn(place, "[/");
	const char *rest = place + n;
	char *end;

	*col = *item = -1;
	*title = 0;
	if (!n || n >= size)
		return -1;
	memcpy(path, place, n);
	path[n] = '\0';
	if (*rest == '[') {
		*col = (int)strtol(rest + 1, &end, 10);
		return *col >= 0 && end > rest + 1 && !strcmp(end, "]") ? 0 : -1;
	}
	if (*rest == '/') {
		*item = (int)strtol(rest + 1, &end, 10) - 1;
		*title = !strcmp(end, "/title");
		return *item >= 0 && end > rest + 1 && (*title || !*end) ? 0 : -1;
	}
	return 0;
}

/* The stop showing cell (and subsection item, or its title), exactly;
 * (size_t)-1 when there is none. */
static size_t
stop_of(const nb_nav_t *nav, size_t cell, int item, int title)
{
	size_t i;

	for (i = 0; i < nav->nstops; i++) {
		const nb_stop_t *s = &nav->stops[i];
		if (s->cell == cell && s->item == item &&
		    (s->kind == NB_STOP_TITLE) == !!title)
			return i;
	}
	return (size_t)-1;
}

int
nb_ed_goto_place(nb_editor_t *ed, const char *place)
{
	const nb_field_t *f;
	char path[256];
	int col, item, title;
	size_t stop;

	if (parse_place(place, path, sizeof path, &col, &item, &title) < 0 ||
	    !(f = nb_form_field(ed->form, path)) || !f->ncells ||
	    f->type == NB_T_GROUP || (col >= 0) != (f->type == NB_T_ROW) ||
	    (col >= 0 && (size_t)col >= f->ncells))
		return -1;
	stop = stop_of(&ed->nav, f->cell + (col > 0 ? (size_t)col : 0), item, title);
	if (stop == (size_t)-1)
		return -1;
	nb_ed_goto(ed, stop);
	return 0;
}
