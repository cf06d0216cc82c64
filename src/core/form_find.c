/* Looking things up in a loaded form: fields by path, column sets by
 * name, the names of cells in messages. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/form.h"

const nb_colset_t *
nb_form_colset(const nb_form_t *F, const char *name)
{
	size_t i;

	for (i = 0; name && i < F->ncolsets; i++)
		if (!strcmp(F->colsets[i].name, name))
			return &F->colsets[i];
	return NULL;
}

const nb_field_t *
nb_form_field(const nb_form_t *form, const char *path)
{
	const nb_field_t *f = form->root;
	const char *p = path;
	size_t i, n;

	while (f && *p) {
		n = strcspn(p, ".");
		for (i = 0; i < f->nkids; i++)
			if (strlen(f->kids[i]->key) == n && !strncmp(f->kids[i]->key, p, n))
				break;
		f = i < f->nkids ? f->kids[i] : NULL;
		p += n;
		if (*p == '.')
			p++;
	}
	return f == form->root ? NULL : f;
}

void
nb_cell_name(const nb_form_t *form, size_t cell, int brief, nb_buf_t *out)
{
	const nb_cell_t *c = &form->cells[cell];
	const nb_field_t *f = c->field;

	if (brief) {
		nb_buf_puts(out, f->short_label);
	} else if (f->parent && f->parent->parent &&
	           f->parent->type == NB_T_GROUP && f->parent->parent->parent) {
		/* a field inside a sub-group: name the group as well */
		nb_buf_printf(out, "%s %s", f->parent->label, f->label);
	} else {
		nb_buf_puts(out, f->label);
	}
	if (c->column >= 0)
		nb_buf_printf(out, " %s", f->columns->cols[c->column].label);
}
