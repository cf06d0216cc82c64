/* The layout part of a form file: tables and sections. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "core/form_load.h"
#include "core/ytree.h"

static int
load_tcell_text(nb_formload_t *L, const nb_ynode_t *c, nb_tcell_t *t)
{
	t->rows = t->cols = 1;
	if (c->type == NB_Y_SCALAR) {
		t->text = nb_fl_dup(L, c->str);
		return t->text ? 0 : -1;
	}
	if (nb_fl_str(L, c, "text", 1, &t->text) < 0 ||
	    nb_fl_int(L, c, "rows", 1, &t->rows) < 0 ||
	    nb_fl_int(L, c, "cols", 1, &t->cols) < 0 ||
	    nb_fl_flag(L, c, "head", &t->head) < 0)
		return -1;
	if (t->rows < 1 || t->cols < 1)
		return nb_fl_bad(L, c, "rows 和 cols 至少为 1");
	return 0;
}

/* How many grid cells {field: PATH} stands for: a row's columns, a flow
 * group's members, or one figure. */
static int
value_cells(nb_formload_t *L, const nb_ynode_t *c, const nb_field_t **f,
            size_t *n)
{
	const char *path;

	if (nb_fl_str(L, c, "field", 1, &path) < 0)
		return -1;
	if (!(*f = nb_form_field(L->form, path)))
		return nb_fl_bad(L, c, "没有字段“%s”", path);
	if ((*f)->type == NB_T_ROW)
		*n = (*f)->ncells;
	else if ((*f)->type == NB_T_GROUP && (*f)->flow)
		*n = (*f)->nkids;
	else if ((*f)->type == NB_T_COUNT || (*f)->type == NB_T_AMOUNT)
		*n = 1;
	else
		return nb_fl_bad(L, c, "字段“%s”不能放进表格", path);
	return 0;
}

static int
load_trow(nb_formload_t *L, const nb_ynode_t *row, nb_trow_t *out)
{
	const nb_field_t *f;
	size_t i, j, n, total = 0;

	if (row->type != NB_Y_SEQ)
		return nb_fl_bad(L, row, "表格的一行应为列表");
	for (i = 0; i < row->n; i++) {       /* first pass: how many cells */
		if (nb_ymap_get(row->kids[i], "field")) {
			if (value_cells(L, row->kids[i], &f, &n) < 0)
				return -1;
			total += n;
		} else {
			total++;
		}
	}
	if (!(out->cells = nb_fl_alloc(L, total, sizeof *out->cells)))
		return -1;
	for (i = 0; i < row->n; i++) {
		const nb_ynode_t *c = row->kids[i];
		nb_tcell_t *t = &out->cells[out->n];
		if (!nb_ymap_get(c, "field")) {
			if (load_tcell_text(L, c, t) < 0)
				return -1;
			t->line = c->line;
			t->col = c->col;
			out->n++;
			continue;
		}
		value_cells(L, c, &f, &n);
		for (j = 0; j < n; j++, t++) {
			t->cell = f->type == NB_T_GROUP ? f->kids[j]->cell : f->cell + j;
			t->rows = 1;
			t->line = c->line;
			t->col = c->col;
			if (nb_fl_int(L, c, "cols", 1, &t->cols) < 0)
				return -1;
		}
		out->n += n;
	}
	return 0;
}

static int
load_trows(nb_formload_t *L, const nb_ynode_t *m, const char *key, int required,
           nb_trow_t **rows, size_t *n)
{
	const nb_ynode_t *list = nb_ymap_get(m, key);
	size_t i;

	*n = 0;
	if (!list && !required)
		return 0;
	if (!(list = nb_fl_node(L, m, key, NB_Y_SEQ)))
		return -1;
	*n = list->n;
	if (!(*rows = nb_fl_alloc(L, list->n, sizeof **rows)))
		return -1;
	for (i = 0; i < list->n; i++)
		if (load_trow(L, list->kids[i], &(*rows)[i]) < 0)
			return -1;
	return 0;
}

/* Puts each cell of a row where the grid is first free, as a table is
 * read left to right: what cannot be put is an error of the form file. */
static int
place_row(nb_formload_t *L, const nb_table_t *t, nb_trow_t *tr, int row,
          unsigned char *used)
{
	int nrows = (int)(t->nhead + t->nbody), col = 0, i, j;
	size_t k;

	for (k = 0; k < tr->n; k++) {
		nb_tcell_t *c = &tr->cells[k];
		nb_ynode_t at = { .line = c->line, .col = c->col };
		while (col < t->columns && used[row * t->columns + col])
			col++;
		if (col + c->cols > t->columns || row + c->rows > nrows)
			return nb_fl_bad(L, &at, "表格“%s”第 %d 行的格超出了表格的范围",
			                 t->id, row + 1);
		for (i = row; i < row + c->rows; i++)
			for (j = col; j < col + c->cols; j++) {
				if (used[i * t->columns + j])
					return nb_fl_bad(L, &at, "表格“%s”第 %d 行的合并格互相重叠",
					                 t->id, i + 1);
				used[i * t->columns + j] = 1;
			}
		c->grow = row;
		c->gcol = col;
	}
	return 0;
}

static int
place_table(nb_formload_t *L, const nb_ynode_t *m, nb_table_t *t)
{
	int nrows = (int)(t->nhead + t->nbody), row, rc = 0;
	size_t i, n = (size_t)nrows * (size_t)t->columns;
	unsigned char *used = calloc(n + 1, 1);

	if (!used)
		return nb_error_set(L->err, NULL, 0, 0, "内存不足");
	for (row = 0; row < nrows && !rc; row++)
		rc = place_row(L, t, row < (int)t->nhead ? &t->head[row]
		                        : &t->body[row - (int)t->nhead], row, used);
	for (i = 0; i < n && !rc; i++)
		if (!used[i])
			rc = nb_fl_bad(L, m, "表格“%s”第 %d 行缺少格", t->id,
			               (int)(i / (size_t)t->columns) + 1);
	free(used);
	return rc;
}

int
nb_fl_tables(nb_formload_t *L, const nb_ynode_t *root)
{
	const nb_ynode_t *list = nb_fl_node(L, root, "tables", NB_Y_SEQ);
	nb_form_t *F = L->form;
	size_t i;

	if (!list)
		return -1;
	F->ntables = list->n;
	if (!(F->tables = nb_fl_alloc(L, list->n, sizeof *F->tables)))
		return -1;
	for (i = 0; i < list->n; i++) {
		const nb_ynode_t *m = list->kids[i];
		nb_table_t *t = &F->tables[i];
		if (m->type != NB_Y_MAP)
			return nb_fl_bad(L, m, "表格应为映射");
		if (nb_fl_str(L, m, "id", 1, &t->id) < 0 ||
		    nb_fl_int(L, m, "columns", 1, &t->columns) < 0 ||
		    load_trows(L, m, "head", 0, &t->head, &t->nhead) < 0 ||
		    load_trows(L, m, "body", 1, &t->body, &t->nbody) < 0 ||
		    place_table(L, m, t) < 0)
			return -1;
	}
	return 0;
}

static const nb_table_t *
find_table(const nb_form_t *F, const char *id)
{
	size_t i;

	for (i = 0; id && i < F->ntables; i++)
		if (!strcmp(F->tables[i].id, id))
			return &F->tables[i];
	return NULL;
}

static int
load_section(nb_formload_t *L, const nb_ynode_t *m, nb_section_t *s)
{
	const nb_ynode_t *fields;
	const char *table;
	size_t j;

	if (m->type != NB_Y_MAP)
		return nb_fl_bad(L, m, "章节应为映射");
	if (nb_fl_str(L, m, "id", 1, &s->id) < 0 ||
	    nb_fl_str(L, m, "heading", 1, &s->heading) < 0 ||
	    nb_fl_str(L, m, "table", 0, &table) < 0 ||
	    nb_fl_flag(L, m, "unnumbered", &s->unnumbered) < 0 ||
	    nb_fl_flag(L, m, "inline_labels", &s->inline_labels) < 0 ||
	    !(fields = nb_fl_node(L, m, "fields", NB_Y_SEQ)))
		return -1;
	if (nb_fl_brief(L, m, "short", s->heading, &s->short_heading) < 0)
		return -1;
	if (table && !(s->table = find_table(L->form, table)))
		return nb_fl_bad(L, m, "没有表格“%s”", table);
	/* the headings it is also published under, for import */
	if (nb_fl_strs(L, m, "aliases", &s->aliases, &s->naliases) < 0)
		return -1;
	s->nfields = fields->n;
	if (!(s->fields = nb_fl_alloc(L, fields->n, sizeof *s->fields)))
		return -1;
	for (j = 0; j < fields->n; j++) {
		const nb_ynode_t *p = fields->kids[j];
		if (p->type != NB_Y_SCALAR || !(s->fields[j] = nb_form_field(L->form, p->str)))
			return nb_fl_bad(L, p, "没有字段“%s”",
			           p->type == NB_Y_SCALAR ? p->str : "?");
	}
	return 0;
}

int
nb_fl_sections(nb_formload_t *L, const nb_ynode_t *root)
{
	const nb_ynode_t *list = nb_fl_node(L, root, "sections", NB_Y_SEQ);
	nb_form_t *F = L->form;
	size_t i;

	if (!list)
		return -1;
	F->nsections = list->n;
	if (!(F->sections = nb_fl_alloc(L, list->n, sizeof *F->sections)))
		return -1;
	for (i = 0; i < list->n; i++)
		if (load_section(L, list->kids[i], &F->sections[i]) < 0)
			return -1;
	return 0;
}
