#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/report.h"

static int
is_text_type(nb_type_t t)
{
	return t == NB_T_FORMAT || t == NB_T_LINE || t == NB_T_TEXT;
}

nb_report_t *
nb_report_new_bare(const nb_form_t *form)
{
	nb_report_t *r = calloc(1, sizeof *r);
	const nb_field_t *fmt = nb_form_field(form, "format");

	if (!r || !(r->values = calloc(form->ncells ? form->ncells : 1,
	                               sizeof *r->values))) {
		free(r);
		return NULL;
	}
	r->form = form;
	if (nb_report_set_text(r, fmt->cell, form->format) < 0) {
		nb_report_free(r);
		return NULL;
	}
	return r;
}

int
nb_report_add_titles(nb_report_t *r)
{
	const nb_form_t *form = r->form;
	const nb_field_t *f;
	size_t i, j;

	/* field by field: a row's cells are passed over at once */
	for (i = 0; i < form->ncells; i = f->cell + f->ncells) {
		f = form->cells[i].field;
		if (f->type != NB_T_ITEMS || r->values[i].filled)
			continue;
		for (j = 0; j < f->ntitles; j++)
			if (nb_report_add_item(r, i, f->titles[j], "") < 0)
				return -1;
	}
	return 0;
}

nb_report_t *
nb_report_new(const nb_form_t *form)
{
	nb_report_t *r = nb_report_new_bare(form);

	if (r && nb_report_add_titles(r) < 0) {
		nb_report_free(r);
		return NULL;
	}
	return r;
}

void
nb_value_clear(nb_value_t *v)
{
	size_t i;

	free(v->text);
	for (i = 0; i < v->nitems; i++) {
		free(v->items[i].title);
		free(v->items[i].text);
		nb_ytree_free(v->items[i].extras);
	}
	free(v->items);
	memset(v, 0, sizeof *v);
}

void
nb_report_free(nb_report_t *r)
{
	nb_value_t *v, *end;
	size_t i;

	if (!r)
		return;
	for (v = r->values, end = v + r->form->ncells; v < end; v++)
		if (v->text || v->items)   /* most are numbers */
			nb_value_clear(v);
	for (i = 0; i < r->nextras; i++) {
		free(r->extras[i].key);
		nb_ytree_free(r->extras[i].node);
	}
	free(r->extras);
	free(r->values);
	free(r);
}

int
nb_value_copy(const nb_value_t *from, nb_value_t *to)
{
	size_t i;

	*to = *from;
	to->text = NULL;
	to->items = NULL;
	to->nitems = 0;
	if (from->text && !(to->text = strdup(from->text)))
		return -1;
	if (from->nitems && !(to->items = calloc(from->nitems, sizeof *to->items)))
		return -1;
	for (i = 0; i < from->nitems; i++) {
		const nb_item_t *f = &from->items[i];
		nb_item_t *t = &to->items[i];

		*t = *f;
		t->title = strdup(f->title);
		t->text = strdup(f->text);
		t->extras = nb_ytree_copy(f->extras);
		to->nitems++;
		if (!t->title || !t->text || (f->extras && !t->extras))
			return -1;
	}
	return 0;
}

static int
copy_extra(const nb_extra_t *from, nb_extra_t *to)
{
	to->parent = from->parent;
	to->key = strdup(from->key);
	to->node = nb_ytree_copy(from->node);
	return to->key && to->node ? 0 : -1;
}

nb_report_t *
nb_report_copy(const nb_report_t *r)
{
	nb_report_t *c = calloc(1, sizeof *c);
	size_t i;

	if (!c || !(c->values = calloc(r->form->ncells ? r->form->ncells : 1,
	                               sizeof *c->values))) {
		free(c);
		return NULL;
	}
	c->form = r->form;
	for (i = 0; i < r->form->ncells; i++)
		if (nb_value_copy(&r->values[i], &c->values[i]) < 0)
			goto fail;
	if (r->nextras && !(c->extras = calloc(r->nextras, sizeof *c->extras)))
		goto fail;
	for (i = 0; i < r->nextras; i++) {
		c->nextras++;       /* freed with c, however far it got */
		if (copy_extra(&r->extras[i], &c->extras[i]) < 0)
			goto fail;
	}
	return c;
fail:
	nb_report_free(c);
	return NULL;
}

int
nb_report_set_text(nb_report_t *r, size_t cell, const char *text)
{
	nb_value_t *val = &r->values[cell];
	char *t = nb_text_normalize(text ? text : "");

	if (!t)
		return -1;
	free(val->text);
	val->text = t;
	val->filled = *t != '\0';   /* a draft cannot tell "" from unfilled */
	return 0;
}

void
nb_report_clear(nb_report_t *r, size_t cell)
{
	nb_value_t *val = &r->values[cell];

	if (r->form->cells[cell].field->type == NB_T_ITEMS)
		return;            /* items are removed one by one */
	free(val->text);
	val->text = NULL;
	val->filled = 0;
	val->num = 0;
	val->decimals = 0;
}

int
nb_report_add_item(nb_report_t *r, size_t cell, const char *title,
                   const char *text)
{
	nb_value_t *val = &r->values[cell];
	nb_item_t *items = realloc(val->items, (val->nitems + 1) * sizeof *items);
	nb_item_t *it;

	if (!items)
		return -1;
	val->items = items;
	it = &items[val->nitems];
	memset(it, 0, sizeof *it);
	it->title = nb_text_normalize(title ? title : "");
	it->text = nb_text_normalize(text ? text : "");
	if (!it->title || !it->text) {
		free(it->title);
		free(it->text);
		return -1;
	}
	val->nitems++;
	val->filled = 1;
	return 0;
}

void
nb_report_remove_item(nb_report_t *r, size_t cell, size_t index)
{
	nb_value_t *val = &r->values[cell];

	if (index >= val->nitems)
		return;
	free(val->items[index].title);
	free(val->items[index].text);
	nb_ytree_free(val->items[index].extras);
	memmove(&val->items[index], &val->items[index + 1],
	        (val->nitems - index - 1) * sizeof *val->items);
	val->nitems--;
}

static int
str_eq(const char *a, const char *b)
{
	return !strcmp(a ? a : "", b ? b : "");
}

int
nb_value_equal(nb_type_t t, const nb_value_t *a, const nb_value_t *b)
{
	size_t i;

	if (is_text_type(t))
		return str_eq(a->text, b->text);
	if (a->filled != b->filled)
		return 0;
	if (t == NB_T_ITEMS) {
		if (a->nitems != b->nitems)
			return 0;
		for (i = 0; i < a->nitems; i++)
			if (!str_eq(a->items[i].title, b->items[i].title) ||
			    !str_eq(a->items[i].text, b->items[i].text))
				return 0;
		return 1;
	}
	return !a->filled || (a->num == b->num && a->decimals == b->decimals);
}

int
nb_report_equal(const nb_report_t *a, const nb_report_t *b)
{
	size_t i;

	if (a->form != b->form || a->nextras != b->nextras)
		return 0;
	for (i = 0; i < a->form->ncells; i++)
		if (!nb_value_equal(a->form->cells[i].field->type, &a->values[i],
		                 &b->values[i]))
			return 0;
	for (i = 0; i < a->nextras; i++)
		if (strcmp(a->extras[i].key, b->extras[i].key))
			return 0;
	return 1;
}

/* Whether n bytes of text are already as a draft stores them: no CR, no
 * blank at the end of a line.  Most are, and a copy of them is quicker
 * than the rewriting. */
static int
is_normal(const char *s, size_t n)
{
	const char *p = s, *nl;

	if (memchr(s, '\r', n))
		return 0;
	while ((nl = memchr(p, '\n', n - (size_t)(p - s)))) {
		if (nl > s && (nl[-1] == ' ' || nl[-1] == '\t'))
			return 0;
		p = nl + 1;
	}
	return !n || (s[n - 1] != ' ' && s[n - 1] != '\t');
}

char *
nb_text_normalize(const char *s)
{
	size_t n = strlen(s), i, o = 0, keep = 0;
	char *t = malloc(n + 1);

	if (!t)
		return NULL;
	if (is_normal(s, n))
		return memcpy(t, s, n + 1);
	/* `keep` is where the output ends if the line ends here: the spot
	 * after the last character that is not a blank. */
	for (i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\r') {
			if (s[i + 1] == '\n')
				continue;
			c = '\n';
		}
		if (c == '\n') {
			o = keep;
			t[o++] = '\n';
			keep = o;
			continue;
		}
		t[o++] = c;
		if (c != ' ' && c != '\t')
			keep = o;
	}
	t[keep] = '\0';
	return t;
}

const char *
nb_report_str(const nb_report_t *r, const char *path)
{
	const nb_field_t *f = nb_form_field(r->form, path);
	const nb_value_t *v = f ? &r->values[f->cell] : NULL;

	return v && v->text ? v->text : "";
}

nb_report_t *
nb_report_new_for(const nb_form_t *form, const char *org, int64_t year)
{
	nb_report_t *r = nb_report_new(form);

	if (!r)
		return NULL;
	if (form->year_field)
		nb_report_set_num(r, form->year_field->cell, year, 0);
	if (form->org_field && nb_report_set_text(r, form->org_field->cell, org) < 0) {
		nb_report_free(r);
		return NULL;
	}
	return r;
}

const char *
nb_report_org(const nb_report_t *r)
{
	const nb_field_t *f = r->form->org_field;
	const char *t = f ? r->values[f->cell].text : NULL;

	return t ? t : "";
}

int64_t
nb_report_year(const nb_report_t *r)
{
	const nb_field_t *f = r->form->year_field;

	return f && r->values[f->cell].filled ? r->values[f->cell].num : 0;
}

void
nb_textpos_locate(const nb_textpos_t *p, const char *text, size_t off,
                  int *line, int *col)
{
	size_t i;

	*line = p->line;
	*col = p->col;
	if (!p->lines || !p->line)
		return;
	for (i = 0; i < off && text[i]; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*col = p->col;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

nb_extra_t *
nb_report_extra(const nb_report_t *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->nextras; i++)
		if (r->extras[i].parent == r->form->root && !strcmp(r->extras[i].key, key))
			return &r->extras[i];
	return NULL;
}
