/* Reading a draft: a parsed YAML tree checked against the form's fields. */

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/draft.h"
#include "core/number.h"
#include "core/textcheck.h"

typedef struct {
	const nb_form_t *form;
	nb_report_t *rep;
	const char *file;
	nb_error_t *err;
} reader_t;

static int fail(reader_t *R, const nb_ynode_t *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int
fail(reader_t *R, const nb_ynode_t *at, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return nb_error_set(R->err, R->file, at->line, at->col, "%s", msg);
}

/* Text from the file, quoted in a message: at most about 40 characters
 * and only its first line, so that a message stays one readable line. */
static const char *
clip(const char *s, char *out, size_t cap)
{
	size_t i = 0, chars = 0;

	while (s[i] && s[i] != '\n' && s[i] != '\r' && chars < 40 && i + 8 < cap) {
		do
			out[i] = s[i];
		while (((unsigned char)s[++i] & 0xC0) == 0x80 && i + 8 < cap);
		chars++;
	}
	while (i && ((unsigned char)out[i - 1] & 0xC0) >= 0x80 &&
	       ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;                   /* never end inside a character */
	snprintf(out + i, cap - i, "%s", s[i] ? "…" : "");
	return out;
}

/* “path”（official name） for messages; a cell of a row names its column. */
static const char *
name_of(reader_t *R, const nb_field_t *f, size_t cell, char *out, size_t cap)
{
	nb_buf_t b;

	nb_buf_init(&b);
	if (f->type == NB_T_GROUP || f->type == NB_T_ITEMS || cell == (size_t)-1)
		nb_buf_puts(&b, f->label);
	else
		nb_cell_name(R->form, cell, 0, &b);
	snprintf(out, cap, "“%s”（%s）", f->path, b.failed ? "?" : b.data);
	nb_buf_free(&b);
	return out;
}

static const char *
type_expected(nb_type_t t)
{
	switch (t) {
	case NB_T_COUNT:  return "非负整数（未填写可写 ~）";
	case NB_T_ROW:    return "非负整数（未填写可写 ~）";
	case NB_T_AMOUNT: return "金额（非负小数，未填写可写 ~）";
	case NB_T_YEAR:   return "四位数年份（1900 至 2999）";
	case NB_T_GROUP:  return "映射（键: 值）";
	case NB_T_ITEMS:  return "分项列表（每项有 title 和 text）";
	default:          return "文字";
	}
}

/* What is wrong with a number that did not parse. */
static const char *
number_problem(const nb_field_t *f, nb_numerr_t e)
{
	if (f->type == NB_T_YEAR)
		return e == NB_NUM_OK ? "不在此范围内" : "不是年份";
	if (f->type == NB_T_AMOUNT && e == NB_NUM_TOO_LARGE)
		return "数字太大";
	return nb_numerr_text(e);
}

/* A number that did not read: the message names the cell, which is
 * worked out only now (it costs more than reading a thousand numbers). */
static int
bad_number(reader_t *R, const nb_field_t *f, size_t cell, const nb_ynode_t *n,
           nb_numerr_t e)
{
	char name[700], val[200];

	name_of(R, f, cell, name, sizeof name);
	if (n->type != NB_Y_SCALAR)
		return fail(R, n, "%s应为%s", name, type_expected(f->type));
	clip(n->str, val, sizeof val);
	if (!n->plain)
		return fail(R, n, "%s应为不带引号的数字，而不是文字“%s”", name, val);
	if (e == NB_NUM_TOO_PRECISE)
		return fail(R, n, "%s最多 %d 位小数，而“%s”有更多位", name, f->decimals, val);
	return fail(R, n, "%s应为%s：“%s”%s", name, type_expected(f->type), val,
	            number_problem(f, e));
}

/* A number other than a short count (read_count): an amount, a year, a
 * null, or one in error. */
static int
read_other_number(reader_t *R, const nb_field_t *f, size_t cell,
                  const nb_ynode_t *n)
{
	int64_t v;
	int dec = 0;
	nb_numerr_t e = NB_NUM_OK;

	if (n->type != NB_Y_SCALAR || !n->plain)
		return bad_number(R, f, cell, n, e);
	/* a null starts with no digit: most numbers need not be compared */
	if (!(n->str[0] >= '0' && n->str[0] <= '9') && nb_yscalar_is_null(n))
		return 0;
	if (f->type == NB_T_AMOUNT)
		e = nb_amount_parse(n->str, f->decimals, &v, &dec);
	else
		e = nb_count_parse(n->str, &v);
	if (e != NB_NUM_OK || (f->type == NB_T_YEAR && (v < 1900 || v > 2999)))
		return bad_number(R, f, cell, n, e);
	nb_report_set_num(R->rep, cell, v, dec);
	return 0;
}

/* A cell of a count or a row.  Most of a draft's numbers are counts of
 * a few digits, read here, in the loop over a row's cells, without a
 * call. */
static inline int
read_count(reader_t *R, const nb_field_t *f, size_t cell, const nb_ynode_t *n)
{
	int64_t v;

	if (n->type == NB_Y_SCALAR && n->plain && nb_count_short(n->str, n->len, &v)) {
		nb_report_set_num(R->rep, cell, v, 0);
		return 0;
	}
	return read_other_number(R, f, cell, n);
}

/* An example row for a message: "[0, 0, 0]". */
static const char *
zeros(size_t n, char *out, size_t cap)
{
	size_t i, o = 0;

	for (i = 0; i < n && o + 4 < cap; i++)
		o += (size_t)snprintf(out + o, cap - o, i ? ", 0" : "[0");
	snprintf(out + o, cap - o, "]");
	return out;
}

static int
read_row(reader_t *R, const nb_field_t *f, const nb_ynode_t *n)
{
	const nb_colset_t *cs = f->columns;
	char example[256], name[700];
	size_t i, cell = f->cell, ncells = f->ncells;

	if (n->type != NB_Y_SEQ)
		return fail(R, n, "%s应为 %zu 个数字的列表，如 %s",
		            name_of(R, f, (size_t)-1, name, sizeof name), f->ncells,
		            zeros(f->ncells, example, sizeof example));
	if (n->n != f->ncells)
		return fail(R, n, "这一行应有 %zu 个数字（%s至%s各一个），实有 %zu 个",
		            f->ncells, cs->cols[0].label, cs->cols[cs->n - 1].label, n->n);
	/* cell and ncells in locals: stores into the values might, for all the
	 * compiler knows, change f's, which it would read again each time */
	for (i = 0; i < ncells; i++) {
		R->rep->values[cell + i].line = n->kids[i]->line;
		R->rep->values[cell + i].col = n->kids[i]->col;
		if (read_count(R, f, cell + i, n->kids[i]) < 0)
			return -1;
	}
	return 0;
}

static int
one_line(const nb_ynode_t *n)
{
	nb_textcheck_t bad;

	return nb_textcheck(n->str, n->len, NB_TEXTCHECK_ONE_LINE, &bad) == 0;
}

/* A one-line field (机关名称, a contact line, a subsection title) with a
 * line break or a control character would break the headings and the
 * metadata of every export; `what` names it, or else the field f. */
static int
check_one_line(reader_t *R, const nb_ynode_t *n, const nb_field_t *f,
               const char *what)
{
	nb_textcheck_t bad;
	char which[64], name[700];

	if (nb_textcheck(n->str, n->len, NB_TEXTCHECK_ONE_LINE, &bad) == 0)
		return 0;
	if (f)
		what = name_of(R, f, f->cell, name, sizeof name);
	return fail(R, n, "%s只能是一行文字，其中有%s：请删去", what,
	            nb_textcheck_what(&bad, which, sizeof which));
}

static nb_textpos_t
text_place(const nb_ynode_t *n)
{
	nb_textpos_t p = { n->text_line, n->text_col, n->text_lines };

	return p;
}

static int
read_text(reader_t *R, const nb_field_t *f, const nb_ynode_t *n)
{
	char name[700], val[200];

	if (n->type != NB_Y_SCALAR)
		return fail(R, n, "%s应为%s", name_of(R, f, f->cell, name, sizeof name),
		            type_expected(f->type));
	if (nb_yscalar_is_null(n))
		return 0;
	if (f->type == NB_T_FORMAT && strcmp(n->str, R->form->format))
		return fail(R, n, "格式应为“%s”，而不是“%s”", R->form->format,
		            clip(n->str, val, sizeof val));
	if (f->type == NB_T_LINE && check_one_line(R, n, f, NULL) < 0)
		return -1;
	if (nb_report_set_text(R->rep, f->cell, n->str) < 0)
		return nb_error_set(R->err, R->file, 0, 0, "内存不足");
	R->rep->values[f->cell].tpos = text_place(n);
	return 0;
}

/* Copies the "x-" keys of an item's mapping into a mapping of their own,
 * which the item keeps so that saving writes them back (the parsed tree
 * goes with its root: ytree.h). */
static int
keep_item_extras(reader_t *R, nb_ynode_t *m, nb_item_t *it)
{
	nb_ynode_t *x = NULL, **kids;
	size_t i, k;

	for (i = 0; i + 1 < m->n; i += 2) {
		if (strncmp(m->kids[i]->str, "x-", 2))
			continue;
		if (!x && !(x = calloc(1, sizeof *x)))
			return nb_error_set(R->err, R->file, 0, 0, "内存不足");
		it->extras = x;
		x->type = NB_Y_MAP;
		if (!(kids = realloc(x->kids, (x->n + 2) * sizeof *kids)))
			return nb_error_set(R->err, R->file, 0, 0, "内存不足");
		x->kids = kids;
		for (k = i; k < i + 2; k++)
			if (!(x->kids[x->n++] = nb_ytree_copy(m->kids[k])))
				return nb_error_set(R->err, R->file, 0, 0, "内存不足");
	}
	return 0;
}

static int
read_item(reader_t *R, const nb_field_t *f, nb_ynode_t *m, size_t nth)
{
	char which[300];
	static const char *const keys[] = { "title", "text" };
	const nb_ynode_t *v[2];
	nb_value_t *val = &R->rep->values[f->cell];
	size_t i, k;

	if (m->type != NB_Y_MAP)
		return fail(R, m, "“%s”的每一项应为有 title 和 text 的映射", f->path);
	for (i = 0; i + 1 < m->n; i += 2) {
		const char *key = m->kids[i]->str;

		if (strcmp(key, "title") && strcmp(key, "text") && strncmp(key, "x-", 2))
			return fail(R, m->kids[i], "未知的键“%s”（分项只有 title 和 text）",
			            clip(key, which, sizeof which));
	}
	for (k = 0; k < 2; k++) {
		v[k] = nb_ymap_get(m, keys[k]);
		if (!v[k] || (v[k]->type == NB_Y_SCALAR && (k == 1 || one_line(v[k]))))
			continue;
		/* named only now: most items are right */
		snprintf(which, sizeof which, "“%s”第 %zu 项的 %s", f->path,
		         nth + 1, keys[k]);
		if (v[k]->type != NB_Y_SCALAR)
			return fail(R, v[k], "%s 应为文字", which);
		return check_one_line(R, v[k], NULL, strcat(which, " "));  /* "…的 title 只能是" */
	}
	if (nb_report_add_item(R->rep, f->cell,
	        v[0] && !nb_yscalar_is_null(v[0]) ? v[0]->str : "",
	        v[1] && !nb_yscalar_is_null(v[1]) ? v[1]->str : "") < 0)
		return nb_error_set(R->err, R->file, 0, 0, "内存不足");
	val->items[val->nitems - 1].line = m->line;
	val->items[val->nitems - 1].col = m->col;
	if (v[1])
		val->items[val->nitems - 1].tpos = text_place(v[1]);
	return keep_item_extras(R, m, &val->items[val->nitems - 1]);
}

static int
read_items(reader_t *R, const nb_field_t *f, const nb_ynode_t *n)
{
	nb_value_t *val = &R->rep->values[f->cell];
	size_t i;
	char name[700];

	/* The file's items take the place of the standard titles (given to
	 * the cells it leaves out, nb_report_add_titles); a null leaves the cell
	 * marked as those titles would have. */
	if (nb_yscalar_is_null(n)) {
		val->filled = f->ntitles > 0;
		return 0;
	}
	if (n->type != NB_Y_SEQ)
		return fail(R, n, "%s应为%s",
		            name_of(R, f, (size_t)-1, name, sizeof name),
		            type_expected(NB_T_ITEMS));
	for (i = 0; i < n->n; i++)
		if (read_item(R, f, n->kids[i], i) < 0)
			return -1;
	val->filled = 1;
	return 0;
}

static int read_group(reader_t *R, const nb_field_t *g, nb_ynode_t *m,
                      int line, int col);

/* Marks every cell of f as standing at (line, col): where a missing key
 * would have been, so that notes about unfilled cells can point there. */
static void
place(reader_t *R, const nb_field_t *f, int line, int col)
{
	size_t i;

	for (i = 0; i < f->ncells; i++) {
		R->rep->values[f->cell + i].line = line;
		R->rep->values[f->cell + i].col = col;
	}
}

static int
read_field(reader_t *R, const nb_field_t *f, nb_ynode_t *n)
{
	char name[700];

	if (f->type != NB_T_GROUP && f->type != NB_T_ROW)    /* a row's: its own */
		place(R, f, n->line, n->col);
	switch (f->type) {
	case NB_T_GROUP:
		if (nb_yscalar_is_null(n)) {
			place(R, f, n->line, n->col);
			return 0;
		}
		if (n->type != NB_Y_MAP)
			return fail(R, n, "%s应为%s",
			            name_of(R, f, (size_t)-1, name, sizeof name),
			            type_expected(f->type));
		return read_group(R, f, n, n->line, n->col);
	case NB_T_ROW:
		return read_row(R, f, n);
	case NB_T_ITEMS:
		return read_items(R, f, n);
	case NB_T_COUNT:
		return read_count(R, f, f->cell, n);
	case NB_T_AMOUNT:
	case NB_T_YEAR:
		return read_other_number(R, f, f->cell, n);
	default:
		return read_text(R, f, n);
	}
}

/* The kid of g under key.  Drafts list a group's keys in the form's
 * order, so the search starts at *next, the kid after the one found
 * last, and that is where it ends for all but a reordered draft. */
static const nb_field_t *
kid_named(const nb_field_t *g, const char *key, size_t *next)
{
	size_t i, k;

	for (k = 0; k < g->nkids; k++) {
		i = (*next + k) % g->nkids;
		if (!strcmp(g->kids[i]->key, key)) {
			*next = i + 1;
			return g->kids[i];
		}
	}
	return NULL;
}

static int
unknown_key(reader_t *R, const nb_field_t *g, const nb_ynode_t *key)
{
	nb_buf_t b;
	size_t i;
	int rc;
	char name[200];

	nb_buf_init(&b);
	for (i = 0; i < g->nkids; i++)
		nb_buf_printf(&b, "%s%s", i ? "、" : "", g->kids[i]->key);
	rc = fail(R, key, "未知的键“%s”（此处可用的键：%s；程序自用的键以 x- 开头）",
	          clip(key->str, name, sizeof name), b.failed ? "?" : b.data);
	nb_buf_free(&b);
	return rc;
}

static int
keep_extra(reader_t *R, const nb_field_t *g, nb_ynode_t *m, size_t i)
{
	nb_report_t *r = R->rep;
	nb_extra_t *e = realloc(r->extras, (r->nextras + 1) * sizeof *e);

	if (!e)
		return nb_error_set(R->err, R->file, 0, 0, "内存不足");
	r->extras = e;
	e += r->nextras;
	if (!(e->key = strdup(m->kids[i]->str)))
		return nb_error_set(R->err, R->file, 0, 0, "内存不足");
	e->parent = g;
	/* a copy: the parsed tree goes with its root (ytree.h) */
	if (!(e->node = nb_ytree_copy(m->kids[i + 1]))) {
		free(e->key);
		return nb_error_set(R->err, R->file, 0, 0, "内存不足");
	}
	r->nextras++;
	return 0;
}

/* The kids of g that m leaves out stand where g stands, (line, col).  Each
 * kid read counts once (keys are never repeated: ytree.h), so a map that
 * has them all needs no search. */
static void
place_left_out(reader_t *R, const nb_field_t *g, const nb_ynode_t *m,
               size_t found, int line, int col)
{
	size_t i, k;

	for (i = 0; i < g->nkids && found < g->nkids; i++) {
		for (k = 0; k + 1 < m->n; k += 2)
			if (!strcmp(m->kids[k]->str, g->kids[i]->key))
				break;
		if (k + 1 >= m->n) {
			place(R, g->kids[i], line, col);
			found++;
		}
	}
}

/* Reads the map m of group g, which stands at (line, col). */
static int
read_group(reader_t *R, const nb_field_t *g, nb_ynode_t *m, int line, int col)
{
	const nb_field_t *f;
	size_t i, next = 0, found = 0;

	for (i = 0; i + 1 < m->n; i += 2) {
		const nb_ynode_t *key = m->kids[i];
		if (!strncmp(key->str, "x-", 2)) {
			if (keep_extra(R, g, m, i) < 0)
				return -1;
			continue;
		}
		if (!(f = kid_named(g, key->str, &next)))
			return unknown_key(R, g, key);
		if (read_field(R, f, m->kids[i + 1]) < 0)
			return -1;
		found++;
	}
	place_left_out(R, g, m, found, line, col);
	return 0;
}

int
nb_draft_format_of(const nb_ynode_t *root, const char *file,
                   const char **format, nb_error_t *err)
{
	const nb_ynode_t *f;

	if (root->type != NB_Y_MAP)
		return nb_error_set(err, file, root->line, root->col,
		    "草稿的顶层应为映射（format: …、organization: … 等）");
	f = nb_ymap_get(root, "format");
	if (!f)
		return nb_error_set(err, file, root->line, root->col,
		    "缺少“format”（应为 format: " NB_FORMAT_DEFAULT "）");
	if (f->type == NB_Y_SCALAR && nb_yscalar_is_null(f))
		return nb_error_set(err, file, f->line, f->col,
		    "“format”未填写（应为 format: " NB_FORMAT_DEFAULT "）");
	if (f->type != NB_Y_SCALAR || !f->str[0])
		return nb_error_set(err, file, f->line, f->col,
		    "“format”应为格式名，如 " NB_FORMAT_DEFAULT);
	*format = f->str;
	return 0;
}

int
nb_draft_from_tree(const nb_form_t *form, const char *file, nb_ynode_t *root,
                   nb_report_t **out, nb_error_t *err)
{
	reader_t R = { form, NULL, file, err };
	const char *format;

	*out = NULL;
	if (nb_draft_format_of(root, file, &format, err) < 0)
		return -1;
	if (!(R.rep = nb_report_new_bare(form)))
		return nb_error_set(err, file, 0, 0, "内存不足");
	if (read_group(&R, form->root, root, 1, 1) < 0) {
		nb_report_free(R.rep);
		return -1;
	}
	/* the standard titles for every items cell the file did not fill */
	if (nb_report_add_titles(R.rep) < 0) {
		nb_report_free(R.rep);
		return nb_error_set(err, file, 0, 0, "内存不足");
	}
	*out = R.rep;
	return 0;
}

int
nb_draft_load(const nb_form_t *form, const char *path, nb_report_t **out,
              nb_error_t *err)
{
	nb_ynode_t *root;
	int rc;

	*out = NULL;
	if (nb_ytree_load(path, &root, err) < 0)
		return -1;
	rc = nb_draft_from_tree(form, path, root, out, err);
	nb_ytree_free(root);
	return rc;
}

int
nb_draft_open(const char *path, const char *const *form_dirs,
              nb_form_t **form, nb_report_t **out, nb_error_t *err)
{
	nb_ynode_t *root;
	const char *format;
	char *form_path;
	const nb_ynode_t *at;
	int rc = -1;

	*form = NULL;
	*out = NULL;
	if (nb_ytree_load(path, &root, err) < 0)
		return -1;
	if (nb_draft_format_of(root, path, &format, err) < 0)
		goto done;
	if (!(form_path = nb_form_locate(format, form_dirs, err))) {
		at = nb_ymap_get(root, "format");
		err->line = at->line;
		err->col = at->col;
		snprintf(err->file, sizeof err->file, "%s", path);
		goto done;
	}
	if (nb_form_load(form_path, form, err) == 0 &&
	    (rc = nb_draft_from_tree(*form, path, root, out, err)) < 0) {
		nb_form_free(*form);
		*form = NULL;
	}
	free(form_path);
done:
	nb_ytree_free(root);
	return rc;
}
