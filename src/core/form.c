#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/form.h"
#include "core/form_load.h"
#include "core/ytree.h"


/* ---- columns ---- */

static int
load_colsets(nb_formload_t *L, const nb_ynode_t *root)
{
	const nb_ynode_t *m = nb_fl_node(L, root, "columns", NB_Y_MAP);
	nb_form_t *F = L->form;
	size_t i, j;

	if (!m)
		return -1;
	F->ncolsets = m->n / 2;
	if (!(F->colsets = nb_fl_alloc(L, F->ncolsets, sizeof *F->colsets)))
		return -1;
	for (i = 0; i < F->ncolsets; i++) {
		const nb_ynode_t *list = m->kids[2 * i + 1];
		nb_colset_t *cs = &F->colsets[i];

		cs->name = nb_fl_dup(L, m->kids[2 * i]->str);
		if (list->type != NB_Y_SEQ || !list->n)
			return nb_fl_bad(L, list, "列集“%s”应为非空列表", cs->name);
		cs->n = list->n;
		if (!(cs->cols = nb_fl_alloc(L, cs->n, sizeof *cs->cols)))
			return -1;
		for (j = 0; j < cs->n; j++) {
			const nb_ynode_t *c = list->kids[j];
			if (c->type != NB_Y_MAP)
				return nb_fl_bad(L, c, "列应为映射");
			if (nb_fl_str(L, c, "label", 1, &cs->cols[j].label) < 0 ||
			    nb_fl_str(L, c, "group", 0, &cs->cols[j].group) < 0 ||
			    nb_fl_flag(L, c, "total", &cs->cols[j].total) < 0)
				return -1;
		}
	}
	return 0;
}


/* ---- fields ---- */

static const char *const type_names[] = {
	"format", "line", "year", "text", "count", "amount", "group", "row", "items"
};

static int
parse_type(nb_formload_t *L, const nb_ynode_t *m, nb_type_t *out)
{
	const nb_ynode_t *v = nb_ymap_get(m, "type");
	size_t i;

	for (i = 0; v && v->type == NB_Y_SCALAR &&
	            i < sizeof type_names / sizeof type_names[0]; i++)
		if (!strcmp(v->str, type_names[i])) {
			*out = (nb_type_t)i;
			return 0;
		}
	return nb_fl_bad(L, v ? v : m, "未知的字段类型“%s”（应为 format、line、year、text、"
	           "count、amount、group、row 或 items）",
	           v && v->type == NB_Y_SCALAR ? v->str : "");
}

static const char *
join_path(nb_formload_t *L, const nb_field_t *parent, const char *key)
{
	nb_buf_t b;
	const char *p;

	nb_buf_init(&b);
	if (parent && parent->path[0])
		nb_buf_printf(&b, "%s.", parent->path);
	nb_buf_puts(&b, key);
	p = b.failed ? NULL : nb_fl_dup(L, b.data);
	nb_buf_free(&b);
	return p;
}

static int load_fields(nb_formload_t *L, const nb_ynode_t *list, nb_field_t *parent);

static int
load_titles(nb_formload_t *L, const nb_ynode_t *m, nb_field_t *f)
{
	const nb_ynode_t *t = nb_fl_node(L, m, "titles", NB_Y_SEQ);
	size_t i;

	if (!t)
		return -1;
	f->ntitles = t->n;
	if (!(f->titles = nb_fl_alloc(L, t->n, sizeof *f->titles)))
		return -1;
	for (i = 0; i < t->n; i++) {
		if (t->kids[i]->type != NB_Y_SCALAR)
			return nb_fl_bad(L, t->kids[i], "标题应为文字");
		f->titles[i] = nb_fl_dup(L, t->kids[i]->str);
	}
	return 0;
}

static int
load_field(nb_formload_t *L, const nb_ynode_t *m, nb_field_t *parent, nb_field_t *f)
{
	const char *cols;

	if (m->type != NB_Y_MAP)
		return nb_fl_bad(L, m, "字段应为映射");
	f->parent = parent;
	if (nb_fl_str(L, m, "key", 1, &f->key) < 0 || parse_type(L, m, &f->type) < 0 ||
	    nb_fl_str(L, m, "label", 1, &f->label) < 0 ||
	    nb_fl_str(L, m, "short", 0, &f->short_label) < 0 ||
	    nb_fl_str(L, m, "hint", 0, &f->hint) < 0 ||
	    nb_fl_str(L, m, "unit", 0, &f->unit) < 0 ||
	    nb_fl_flag(L, m, "flow", &f->flow) < 0 ||
	    nb_fl_flag(L, m, "total", &f->total) < 0 ||
	    nb_fl_int(L, m, "decimals", 0, &f->decimals) < 0 ||
	    nb_fl_int(L, m, "max", 0, &f->max) < 0 ||
	    nb_fl_str(L, m, "columns", 0, &cols) < 0 ||
	    nb_fl_strs(L, m, "aliases", &f->aliases, &f->naliases) < 0)
		return -1;
	if (!f->short_label)
		f->short_label = f->label;
	if (nb_fl_brief(L, m, "grid", f->label, &f->grid_label) < 0)
		return -1;
	if (!(f->path = join_path(L, parent, f->key)))
		return -1;
	if (f->type == NB_T_AMOUNT && f->decimals > 9)
		return nb_fl_bad(L, m, "金额最多 9 位小数");
	if (f->max && f->type != NB_T_LINE && f->type != NB_T_ITEMS)
		return nb_fl_bad(L, m, "max 只用于 line 字段和 items 的标题");
	if (f->max < 0)
		return nb_fl_bad(L, m, "max 应为正整数");
	if (f->type == NB_T_ROW && !cols)
		return nb_fl_bad(L, m, "row 字段“%s”缺少 columns", f->key);
	if (f->type == NB_T_ROW && !(f->columns = nb_form_colset(L->form, cols)))
		return nb_fl_bad(L, m, "row 字段需要已定义的 columns（没有“%s”）", cols);
	if (f->type == NB_T_ITEMS && load_titles(L, m, f) < 0)
		return -1;
	if (f->type == NB_T_GROUP)
		return load_fields(L, nb_fl_node(L, m, "fields", NB_Y_SEQ), f);
	return 0;
}

static int
load_fields(nb_formload_t *L, const nb_ynode_t *list, nb_field_t *parent)
{
	size_t i, j;

	if (!list)
		return -1;
	parent->nkids = list->n;
	if (!(parent->kids = nb_fl_alloc(L, list->n, sizeof *parent->kids)))
		return -1;
	for (i = 0; i < list->n; i++) {
		if (!(parent->kids[i] = nb_fl_alloc(L, 1, sizeof **parent->kids)) ||
		    load_field(L, list->kids[i], parent, parent->kids[i]) < 0)
			return -1;
		for (j = 0; j < i; j++) {
			const nb_field_t *a = parent->kids[j], *b = parent->kids[i];
			if (!strcmp(a->key, b->key))
				return nb_fl_bad(L, list->kids[i], "字段“%s”重复", b->key);
			/* the point of a grid label is telling rows apart */
			if (a->grid_label && b->grid_label && !strcmp(a->grid_label, b->grid_label))
				return nb_fl_bad(L, list->kids[i], "字段“%s”的 grid 与“%s”的相同（%s）",
				                 b->key, a->key, b->grid_label);
		}
	}
	return 0;
}

/* Numbers the cells depth-first, in the order a draft writes them. */
static size_t
count_cells(nb_field_t *f, size_t next)
{
	size_t i;

	f->cell = next;
	if (f->type == NB_T_GROUP) {
		for (i = 0; i < f->nkids; i++)
			next = count_cells(f->kids[i], next);
	} else {
		next += f->type == NB_T_ROW ? f->columns->n : 1;
	}
	f->ncells = next - f->cell;
	return next;
}

static void
fill_cells(nb_form_t *F, const nb_field_t *f)
{
	size_t i;

	if (f->type == NB_T_GROUP) {
		for (i = 0; i < f->nkids; i++)
			fill_cells(F, f->kids[i]);
		return;
	}
	for (i = 0; i < f->ncells; i++) {
		nb_cell_t *c = &F->cells[f->cell + i];
		c->field = f;
		c->column = f->type == NB_T_ROW ? (int)i : -1;
		c->total = f->total ||
		           (f->type == NB_T_ROW && f->columns->cols[i].total);
	}
}

static int
load_schema(nb_formload_t *L, const nb_ynode_t *root)
{
	nb_form_t *F = L->form;

	if (!(F->root = nb_fl_alloc(L, 1, sizeof *F->root)))
		return -1;
	F->root->type = NB_T_GROUP;
	F->root->key = F->root->path = F->root->label = F->root->short_label = "";
	if (load_fields(L, nb_fl_node(L, root, "fields", NB_Y_SEQ), F->root) < 0)
		return -1;
	F->ncells = count_cells(F->root, 0);
	if (!(F->cells = nb_fl_alloc(L, F->ncells, sizeof *F->cells)))
		return -1;
	fill_cells(F, F->root);
	if (!nb_form_field(F, "format") ||
	    nb_form_field(F, "format")->type != NB_T_FORMAT)
		return nb_fl_bad(L, root, "fields 中必须有 type: format 的“format”字段");
	return 0;
}



/* ---- templates of generated text (optional) ---- */

static int
load_text(nb_formload_t *L, const nb_ynode_t *root)
{
	const nb_ynode_t *m = nb_ymap_get(root, "export");
	nb_form_text_t *t = &L->form->text;

	if (!m)
		return 0;
	if (m->type != NB_Y_MAP)
		return nb_fl_bad(L, m, "“%s”应为映射", "export");
	return nb_fl_str(L, m, "title_lines", 0, &t->title_lines) < 0 ||
	       nb_fl_str(L, m, "opening", 0, &t->opening) < 0 ||
	       nb_fl_str(L, m, "item_heading", 0, &t->item_heading) < 0 ||
	       nb_fl_str(L, m, "inline_label", 0, &t->inline_label) < 0 ||
	       nb_fl_str(L, m, "draft_mark", 0, &t->draft_mark) < 0 ||
	       nb_fl_str(L, m, "summary_title", 0, &t->summary_title) < 0 ||
	       nb_fl_str(L, m, "summary_total", 0, &t->summary_total) < 0 ? -1 : 0;
}

/* ---- whose report, which year ---- */

static int
identity_field(nb_formload_t *L, const nb_ynode_t *m, const char *key,
               nb_type_t type, const nb_field_t **out)
{
	const char *path;

	if (nb_fl_str(L, m, key, 1, &path) < 0)
		return -1;
	if (!(*out = nb_form_field(L->form, path)) || (*out)->type != type)
		return nb_fl_bad(L, nb_ymap_get(m, key), "identity 的 %s 应为一个 %s 字段（“%s”不是）",
		                 key, type == NB_T_LINE ? "line" : "year", path);
	return 0;
}

static int
load_identity(nb_formload_t *L, const nb_ynode_t *root)
{
	const nb_ynode_t *m = nb_ymap_get(root, "identity");

	if (!m)
		return 0;
	if (m->type != NB_Y_MAP)
		return nb_fl_bad(L, m, "“%s”应为映射", "identity");
	return identity_field(L, m, "organization", NB_T_LINE, &L->form->org_field) < 0 ||
	       identity_field(L, m, "year", NB_T_YEAR, &L->form->year_field) < 0 ? -1 : 0;
}

/* ---- the whole file ---- */

static int
load_form(nb_formload_t *L, const nb_ynode_t *root)
{
	nb_form_t *F = L->form;

	if (root->type != NB_Y_MAP)
		return nb_fl_bad(L, root, "顶层应为映射");
	if (nb_fl_str(L, root, "format", 1, &F->format) < 0 ||
	    nb_fl_str(L, root, "name", 1, &F->name) < 0 ||
	    nb_fl_str(L, root, "title", 1, &F->title) < 0 ||
	    nb_fl_str(L, root, "period", 0, &F->period) < 0 ||
	    load_colsets(L, root) < 0 || load_schema(L, root) < 0 ||
	    nb_fl_tables(L, root) < 0 || nb_fl_sections(L, root) < 0 ||
	    nb_fl_rules(L, root) < 0 || nb_fl_text_checks(L, root) < 0 ||
	    load_text(L, root) < 0 || load_identity(L, root) < 0 ||
	    nb_fl_next_year(L, root) < 0)
		return -1;
	return 0;
}

/* Builds the form from a parsed tree; `file` names it in errors. */
static int
form_from_tree(const char *file, const nb_ynode_t *root, nb_form_t **out,
               nb_error_t *err)
{
	nb_form_t *F;
	nb_formload_t L;

	if (!(F = calloc(1, sizeof *F)))
		return nb_error_set(err, file, 0, 0, "内存不足");
	nb_arena_init(&F->arena);
	L.form = F;
	L.file = file;
	L.err = err;
	F->file = nb_fl_dup(&L, file);
	if (!F->file || load_form(&L, root) < 0) {
		nb_form_free(F);
		return -1;
	}
	*out = F;
	return 0;
}

int
nb_form_parse(const char *name, const char *buf, size_t len, nb_form_t **out,
              nb_error_t *err)
{
	nb_ynode_t *root;
	int rc;

	*out = NULL;
	if (nb_ytree_parse(name, buf, len, &root, err) < 0)
		return -1;
	rc = form_from_tree(name, root, out, err);
	nb_ytree_free(root);
	return rc;
}

int
nb_form_load(const char *path, nb_form_t **out, nb_error_t *err)
{
	nb_ynode_t *root;
	int rc;

	*out = NULL;
	if (nb_ytree_load(path, &root, err) < 0)
		return -1;
	rc = form_from_tree(path, root, out, err);
	nb_ytree_free(root);
	return rc;
}

void
nb_form_free(nb_form_t *form)
{
	if (!form)
		return;
	nb_arena_free(&form->arena);
	free(form);
}


char *
nb_form_locate(const char *format, const char *const *dirs, nb_error_t *err)
{
	nb_buf_t b;
	size_t i;
	const char *p;

	/* The name becomes part of a path: no "..", nothing but the
	 * characters of the names we ship, and short enough to quote. */
	if (strlen(format) > 100)
		return nb_error_set(err, NULL, 0, 0, "格式名太长（%zu 个字节，最多 100 个）",
		                    strlen(format)), NULL;
	if (strstr(format, ".."))
		return nb_error_set(err, NULL, 0, 0, "格式名“%s”中不允许出现“..”",
		                    format), NULL;
	for (p = format; *p; p++)
		if (!(*p == '/' || *p == '-' || *p == '.' || *p == '_' ||
		      (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
		      (*p >= 'A' && *p <= 'Z')))
			return nb_error_set(err, NULL, 0, 0,
			    "格式名“%s”含有不允许的字符（只能用英文字母、数字和 / - . _）",
			    format), NULL;
	nb_buf_init(&b);
	for (i = 0; dirs[i]; i++) {
		nb_buf_free(&b);
		nb_buf_printf(&b, "%s/", dirs[i]);
		for (p = format; *p; p++)
			nb_buf_add(&b, *p == '/' ? "-" : p, 1);
		nb_buf_puts(&b, ".yaml");
		if (!b.failed && access(b.data, R_OK) == 0)
			return nb_buf_take(&b);
	}
	nb_buf_free(&b);
	nb_error_set(err, NULL, 0, 0, "找不到格式“%s”的表单文件（已查找：%s%s）",
	             format, dirs[0] ? dirs[0] : "", dirs[0] && dirs[1] ? " 等" : "");
	return NULL;
}

int
nb_form_open(const char *format, const char *const *dirs, nb_form_t **out,
             nb_error_t *err)
{
	char *path = nb_form_locate(format, dirs, err);
	int rc = path ? nb_form_load(path, out, err) : -1;

	free(path);
	return rc;
}
