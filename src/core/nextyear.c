/* Next year's draft from last year's (nextyear.h). */

#include "config.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/nextyear.h"

/* A list of subsections keeps its titles; its texts are this year's to
 * write.  Last year's without any keeps the standard titles. */
static int
keep_titles(nb_report_t *r, const nb_value_t *last, size_t cell)
{
	size_t i;

	if (!last->nitems)
		return 0;
	nb_value_clear(&r->values[cell]);
	for (i = 0; i < last->nitems; i++)
		if (nb_report_add_item(r, cell, last->items[i].title, "") < 0)
			return -1;
	return 0;
}

/* One cell as last year had it, without last year's place in its file. */
static int
copy_cell(nb_report_t *r, const nb_value_t *last, size_t cell)
{
	nb_value_t *v = &r->values[cell];

	nb_value_clear(v);
	if (nb_value_copy(last, v) < 0)
		return -1;
	v->line = v->col = 0;
	return 0;
}

static int
keep_field(nb_report_t *r, const nb_report_t *last, const nb_field_t *f)
{
	size_t c;

	for (c = f->cell; c < f->cell + f->ncells; c++) {
		int rc = r->form->cells[c].field->type == NB_T_ITEMS
		         ? keep_titles(r, &last->values[c], c)
		         : copy_cell(r, &last->values[c], c);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static int
carry(nb_report_t *r, const nb_report_t *last, const nb_carry_t *c)
{
	size_t k;

	for (k = 0; k < c->to->ncells; k++)
		if (copy_cell(r, &last->values[c->from->cell + k], c->to->cell + k) < 0)
			return -1;
	return 0;
}

/* Last year's paragraph under the prompt; nothing when it was empty. */
static int
rewrite(nb_report_t *r, const nb_report_t *last, const nb_rewrite_t *w)
{
	const char *text = last->values[w->from->cell].text;
	char *joined;
	int rc;

	if (!text || !*text)
		return 0;
	if (!(joined = malloc(strlen(w->prompt) + strlen(text) + 2)))
		return -1;
	sprintf(joined, "%s\n%s", w->prompt, text);
	rc = nb_report_set_text(r, w->to->cell, joined);
	free(joined);
	return rc;
}

static int
fill(nb_report_t *r, const nb_report_t *last)
{
	const nb_next_year_t *ny = &r->form->next_year;
	size_t i;

	for (i = 0; i < ny->nkeep; i++)
		if (keep_field(r, last, ny->keep[i]) < 0)
			return -1;
	for (i = 0; i < ny->ncarry; i++)
		if (carry(r, last, &ny->carry[i]) < 0)
			return -1;
	for (i = 0; i < ny->nrewrite; i++)
		if (rewrite(r, last, &ny->rewrite[i]) < 0)
			return -1;
	return 0;
}

/* The year of the new report, or -1 with *err. */
static int
new_year(const nb_report_t *last, int64_t *year, nb_error_t *err)
{
	int64_t was = nb_report_year(last);

	if (!*year && !was)
		return nb_error_set(err, NULL, 0, 0, "上年报告没有填写报告年度，推算不出新报告的年度");
	if (!*year)
		*year = was + 1;
	if (*year <= was)
		return nb_error_set(err, NULL, 0, 0, "新报告的年度 %" PRId64 " 应在上年报告的年度 %"
		                    PRId64 " 之后", *year, was);
	if (*year > 2999)
		return nb_error_set(err, NULL, 0, 0, "新报告的年度 %" PRId64 " 超出了 1900 至 2999",
		                    *year);
	return 0;
}

int
nb_report_next_year(const nb_report_t *last, int64_t year, nb_report_t **out,
                    nb_error_t *err)
{
	const nb_form_t *form = last->form;
	nb_report_t *r;

	*out = NULL;
	if (!form->next_year.given || !form->year_field)
		return nb_error_set(err, form->file, 0, 0, "表单“%s”没有写明%s，不能据上年报告新建",
		                    form->format, form->year_field ? "下一年度带过去的内容（next_year）"
		                                                   : "哪个字段是年度（identity 的 year）");
	if (new_year(last, &year, err) < 0)
		return -1;
	if (!(r = nb_report_new(form)) || fill(r, last) < 0) {
		nb_report_free(r);
		return nb_error_set(err, NULL, 0, 0, "内存不足");
	}
	nb_report_set_num(r, form->year_field->cell, year, 0);
	*out = r;
	return 0;
}

/* Where the digits of `year` stand alone in s (not inside a longer
 * number), last of all; NULL when nowhere. */
static const char *
find_year(const char *s, int64_t year)
{
	char digits[24];
	const char *p, *hit = NULL;
	size_t n = (size_t)snprintf(digits, sizeof digits, "%" PRId64, year);

	for (p = strstr(s, digits); p; p = strstr(p + 1, digits))
		if ((p == s || !isdigit((unsigned char)p[-1])) && !isdigit((unsigned char)p[n]))
			hit = p;
	return hit;
}

char *
nb_next_year_name(const char *last, int64_t last_year, int64_t year)
{
	const char *slash = strrchr(last, '/'), *base = slash ? slash + 1 : last;
	const char *at = last_year ? find_year(base, last_year) : NULL;
	const char *dot = strrchr(base, '.');
	char digits[24], *out;
	size_t cut, skip = 0;

	snprintf(digits, sizeof digits, "%" PRId64, year);
	if (at) {
		cut = (size_t)(at - last);
		skip = (size_t)snprintf(NULL, 0, "%" PRId64, last_year);
	} else {
		cut = dot && dot != base ? (size_t)(dot - last) : strlen(last);
	}
	if (!(out = malloc(strlen(last) + strlen(digits) + 2)))
		return NULL;
	sprintf(out, "%.*s%s%s%s", (int)cut, last, at ? "" : "-", digits, last + cut + skip);
	return out;
}
