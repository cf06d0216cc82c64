/* The recogniser (import.h): the report in the lines of a source, found
 * by the form file's own headings, labels and tables.
 *
 * The sections are found by their headings (or the form's aliases for
 * them), in order; what comes before the first is the title and the
 * opening paragraph, from which the body's name, the year and the
 * contact details are read where they are stated in the usual words.
 * Each section's text goes to its fields; its table's figures are read
 * by import_tables.c.  Nothing is filled that is not read for certain. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/import_impl.h"
#include "core/number.h"
#include "core/rules.h"

/* ---- the text of lines ---- */

/* The text of a line: its cells joined with a space. */
static char *
line_text(const nb_iline_t *l)
{
	nb_buf_t b;
	size_t i;

	nb_buf_init(&b);
	for (i = 0; i < l->n; i++) {
		if (!*l->cells[i].text)
			continue;
		if (b.len)
			nb_buf_puts(&b, " ");
		nb_buf_puts(&b, l->cells[i].text);
	}
	nb_buf_puts(&b, "");
	return nb_buf_take(&b);
}

/* Word's "[bookmark: _GoBack]" and the like, left in text saved from it. */
static void
drop_artifacts(char *s)
{
	char *p, *q;

	while ((p = strstr(s, "[bookmark:")) && (q = strchr(p, ']')))
		memmove(p, q + 1, strlen(q + 1) + 1);
}

/* Whether s holds one of words (NULL-terminated). */
static int
holds_any(const char *s, const char *const *words)
{
	size_t i;

	for (i = 0; words[i]; i++)
		if (strstr(s, words[i]))
			return 1;
	return 0;
}

/* A line of the publishing site, not of the report ("发布时间：…"). */
static int
site_line(const char *s)
{
	static const char *const words[] = { "发布时间", "发布日期", "来源：", "信息来源",
		"发布机构", "索引号", "浏览次数", "访问量", "字号", "【打印】", "【关闭】",
		"分享到", "标题：", "扫一扫", "【打印本页】", "【关闭窗口】", "主题分类：",
		"发文日期：", "成文日期：", NULL };

	return holds_any(s, words);
}

/* A line of the site's foot: where the report ended ("上一篇：…",
 * "网站标识码", "ICP备"). */
static int
site_foot(const char *s)
{
	static const char *const words[] = { "上一篇", "下一篇", "网站标识码", "ICP备",
		"公网安备", "主办单位：", "承办单位：", "版权所有", "网站地图", "联系我们",
		"相关链接", "相关文章", "相关阅读", NULL };

	return holds_any(s, words);
}

/* Whether text ends a sentence (so that a printed line after it starts a
 * paragraph of its own). */
static int
ends_sentence(const char *s)
{
	static const char *const ends[] = { "。", "！", "？", NULL };
	size_t n = strlen(s), i;

	for (i = 0; ends[i]; i++)
		if (n >= 3 && !strcmp(s + n - 3, ends[i]))
			return 1;
	return n == 0;
}

/* Appends a line of text to paragraphs in b: as a paragraph of its own,
 * or, in printed lines, onto the one before when the page shows it runs
 * on (flow), or, the page not telling, when that did not end a sentence. */
static void
add_text(const nb_idoc_t *doc, nb_buf_t *b, const char *t, int flow)
{
	if (doc->printed && b->len && b->data[b->len - 1] == '\n' &&
	    flow != NB_FLOW_NEW) {
		b->data[b->len - 1] = '\0';
		if (flow == NB_FLOW_ON || !ends_sentence(b->data)) {
			b->len--;
			nb_buf_puts(b, t);
			nb_buf_puts(b, "\n");
			return;
		}
		b->data[b->len - 1] = '\n';
	}
	nb_buf_puts(b, t);
	nb_buf_puts(b, "\n");
}

/* Whether line i is the value of a label of the site on the line before
 * it ("索引号：" and its number, a cell a line). */
static int
label_before(const nb_idoc_t *doc, size_t from, size_t i)
{
	char *t;
	size_t n;
	int yes;

	if (i == from || !(t = line_text(&doc->v[i - 1])))
		return 0;
	n = strlen(t);
	yes = n >= 3 && !strcmp(t + n - 3, "：") && site_line(t);
	free(t);
	return yes;
}

/* The paragraphs of lines [from, to), one a line, ending with a line end
 * as a draft keeps them; "" when there are none. */
static char *
paragraphs(const nb_idoc_t *doc, size_t from, size_t to)
{
	nb_buf_t b;
	size_t i;
	char *t;

	nb_buf_init(&b);
	for (i = from; i < to; i++) {
		if (!(t = line_text(&doc->v[i])))
			break;
		drop_artifacts(t);
		if (*t && !site_line(t) && !label_before(doc, from, i))
			add_text(doc, &b, t, doc->v[i].flow);
		free(t);
	}
	nb_buf_puts(&b, "");
	return nb_buf_take(&b);
}

/* ---- sections ---- */

/* Whether a line is the heading of a section, by its words without the
 * numbering (which is written 一、 or 1、 or 1.). */
static int
is_heading(const nb_iline_t *l, const nb_section_t *s)
{
	char *t, *got;
	size_t i;
	int yes = 0;

	if (l->n != 1 || !*l->cells[0].text || l->in_table)
		return 0;
	if (!(t = nb_inorm(l->cells[0].text)))
		return 0;
	got = (char *)nb_iunnumbered(t);
	for (i = 0; i <= s->naliases && !yes; i++) {
		char *w = nb_inorm(i ? s->aliases[i - 1] : s->heading);
		yes = w && got != t && !strcmp(got, nb_iunnumbered(w));
		free(w);
	}
	free(t);
	return yes;
}

/* Where each numbered section starts (its heading line), in order;
 * (size_t)-1 for one not found. */
static void
find_sections(const nb_form_t *F, const nb_idoc_t *doc, size_t *at)
{
	size_t s, i = 0;

	for (s = 0; s < F->nsections; s++) {
		size_t j;
		at[s] = (size_t)-1;
		if (F->sections[s].unnumbered)
			continue;
		for (j = i; j < doc->n; j++)
			if (is_heading(&doc->v[j], &F->sections[s])) {
				at[s] = j;
				i = j + 1;
				break;
			}
	}
}

/* Where the report ends: at the foot of the site's page after its last
 * section, or with the document. */
static size_t
report_end(const nb_form_t *F, const nb_idoc_t *doc, const size_t *at)
{
	size_t s, i, last = 0;
	char *t;
	int foot;

	for (s = 0; s < F->nsections; s++)
		if (at[s] != (size_t)-1 && at[s] > last)
			last = at[s];
	for (i = last + 1; i < doc->n; i++) {
		if (!(t = line_text(&doc->v[i])))
			break;
		foot = site_foot(t);
		free(t);
		if (foot)
			return i;
	}
	return doc->n;
}

/* The lines of section s: after its heading, up to the next one found
 * or the end of the report. */
static nb_irange_t
section_range(const nb_form_t *F, const size_t *at, size_t s, size_t end)
{
	nb_irange_t r = { at[s] + 1, end };
	size_t k;

	for (k = s + 1; k < F->nsections; k++)
		if (at[k] != (size_t)-1) {
			r.to = at[k];
			break;
		}
	return r;
}

/* ---- setting text fields ---- */

static void
set_text(nb_report_t *rep, const char *path, const char *text)
{
	const nb_field_t *f = nb_form_field(rep->form, path);

	if (f && text)
		nb_report_set_text(rep, f->cell, text);
}

/* ---- the title, the opening, the contact details ---- */

#define TITLE_WORDS "政府信息公开工作年度报告"

/* The body's name and the year from a title such as "某某县人民政府办公室
 * 2024年政府信息公开工作年度报告" (also broken over two lines). */
static void
identity_of(const char *title, nb_report_t *rep)
{
	const char *end = strstr(title, TITLE_WORDS), *y;
	char org[512];
	int64_t year;
	size_t n;

	if (!end || end == title)
		return;
	n = (size_t)(end - title);
	if (n >= 3 && !strncmp(end - 3, "度", 3))    /* 2024年度 */
		n -= 3;
	if (n < 3 || strncmp(title + n - 3, "年", 3))
		return;
	n -= 3;
	for (y = title + n; y > title && y[-1] >= '0' && y[-1] <= '9'; y--)
		;
	if (title + n - y != 4)
		return;
	snprintf(org, sizeof org, "%.4s", y);
	if (nb_count_parse(org, &year) != NB_NUM_OK || year < 1900 || year > 2999)
		return;
	if (rep->form->year_field)
		nb_report_set_num(rep, rep->form->year_field->cell, year, 0);
	snprintf(org, sizeof org, "%.*s", (int)(y - title), title);
	if (*org && rep->form->org_field)
		nb_report_set_text(rep, rep->form->org_field->cell, org);
}

/* The text after `key` up to the first of `stops` (or the end), trimmed;
 * NULL when key is not there. */
static char *
after(const char *text, const char *key, const char *const *stops)
{
	const char *p = strstr(text, key), *e, *q;
	size_t i;

	if (!p)
		return NULL;
	p += strlen(key);
	e = p + strlen(p);
	for (i = 0; stops[i]; i++)
		if ((q = strstr(p, stops[i])) && q < e)
			e = q;
	while (e > p && (e[-1] == ' ' || e[-1] == '\n'))
		e--;
	return e > p ? strndup(p, (size_t)(e - p)) : NULL;
}

static void
contact_of(const char *opening, nb_report_t *rep)
{
	static const char *const stops[] = { "，", "）", "；", "。", ",", ")", "\n", NULL };
	static const char *const url_stops[] = { "）", ")", "，", " ", "\n", "。", NULL };
	static const struct { const char *key, *path; } keys[] = {
		{ "地址：", "contact.address" }, { "电话：", "contact.phone" },
		{ "邮编：", "contact.postcode" }, { "请与", "contact.office" },
	};
	char *v, *u;
	size_t i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		v = after(opening, keys[i].key, stops);
		if (v && i == 3 && (u = strstr(v, "联系")))
			*u = '\0';                  /* 请与某某办公室联系 */
		else if (i == 3) {
			free(v);
			v = NULL;
		}
		if (v && i == 2 && (strlen(v) != 6 || strspn(v, "0123456789") != 6)) {
			free(v);            /* a postcode is six digits, or unread */
			v = NULL;
		}
		set_text(rep, keys[i].path, v);
		free(v);
	}
	if ((v = after(opening, "http", url_stops))) {
		size_t n = strlen(v) + 5;
		if ((u = malloc(n))) {
			snprintf(u, n, "http%s", v);
			set_text(rep, "contact.website", u);
			free(u);
		}
		free(v);
	}
}

/* The text of a line before the report, or only its cell that holds the
 * title's words (a printed page puts the title beside a column of
 * links). */
static char *
title_text(const nb_iline_t *l)
{
	size_t i;

	for (i = 0; l->n > 1 && i < l->n; i++)
		if (strstr(l->cells[i].text, TITLE_WORDS))
			return strdup(l->cells[i].text);
	return line_text(l);
}

/* Whether a line holding the title's words is only the second part of
 * a title of two lines: it starts with them, or with the year. */
static int
starts_title(const char *s)
{
	return strstr(s, TITLE_WORDS) == s ||
	       (strspn(s, "0123456789") == 4 && !strncmp(s + 4, "年", 3));
}

/* The lines before the first section: the title, then the opening. */
static void
read_header(const nb_idoc_t *doc, size_t end, nb_report_t *rep)
{
	size_t i, title_end = 0;
	nb_buf_t t;
	char *s, *opening;

	nb_buf_init(&t);
	for (i = 0; i < end && !title_end; i++) {
		if (!(s = title_text(&doc->v[i])))
			break;
		if (site_line(s)) {                 /* never part of the title */
			nb_buf_free(&t);
			nb_buf_init(&t);
		} else if (strstr(s, TITLE_WORDS) && !starts_title(s)) {
			nb_buf_free(&t);            /* the whole title here */
			nb_buf_init(&t);
			nb_buf_puts(&t, s);
			title_end = i + 1;
		} else if (*s) {
			/* else with the line before it: "某某县" / "2024年政府信
			 * 息公开工作年度报告", or broken anywhere in its words */
			size_t before = t.len;
			nb_buf_puts(&t, s);
			if (t.data && strstr(t.data, TITLE_WORDS)) {
				title_end = i + 1;
			} else {
				memmove(t.data, t.data + before, t.len - before + 1);
				t.len -= before;
			}
		}
		free(s);
	}
	nb_buf_puts(&t, "");
	if (title_end && t.data)
		identity_of(t.data, rep);
	else if (doc->title)
		identity_of(doc->title, rep);
	nb_buf_free(&t);
	opening = paragraphs(doc, title_end, end);
	if (opening && *opening) {
		set_text(rep, "preamble", opening);
		contact_of(opening, rep);
	}
	free(opening);
}

/* ---- 一、总体情况: its subsections ---- */

#define ITEM_TITLE_MAX 90     /* bytes: thirty Chinese characters */

/* "（一）主动公开情况。" as a subsection heading: its title, or NULL.  Many
 * sites run the text on in the same paragraph ("（一）主动公开情况。全年…"):
 * then the text after the title's 。 is *lead (malloc'd), else NULL. */
static char *
item_title(const nb_iline_t *l, char **lead)
{
	char *t = l->n == 1 ? strdup(l->cells[0].text) : NULL;
	const char *rest, *stop;
	size_t n;

	*lead = NULL;
	if (!t)
		return NULL;
	rest = nb_iunnumbered(t);
	n = strlen(rest);
	if (n > ITEM_TITLE_MAX && (stop = strstr(rest, "。")) &&
	    (size_t)(stop - rest) <= ITEM_TITLE_MAX && stop[3]) {
		*lead = strdup(stop + 3);
		n = (size_t)(stop - rest) + 3;
	}
	if (rest == t || (strncmp(t, "（", 3) && *t != '(') || n == 0 || n > ITEM_TITLE_MAX) {
		free(t);
		free(*lead);
		*lead = NULL;
		return NULL;
	}
	if (n >= 3 && !strncmp(rest + n - 3, "。", 3))
		n -= 3;
	memmove(t, rest, n);
	t[n] = '\0';
	return t;
}

static void
read_overview(const nb_idoc_t *doc, nb_irange_t r, nb_report_t *rep,
              nb_isummary_t *sum)
{
	const nb_field_t *items = nb_form_field(rep->form, "overview.items");
	size_t i, start = r.from, first = r.to, nitems = 0;
	char *title = NULL, *lead = NULL, *next_lead = NULL, *text, *t;
	nb_buf_t b;

	if (!items)
		return;
	while (rep->values[items->cell].nitems)
		nb_report_remove_item(rep, items->cell, 0);
	for (i = r.from; i <= r.to; i++) {
		t = i < r.to ? item_title(&doc->v[i], &next_lead) : NULL;
		if (!t && i < r.to)
			continue;
		if (title) {
			nb_buf_init(&b);
			if (lead)
				add_text(doc, &b, lead, NB_FLOW_NEW);
			text = paragraphs(doc, start, i);
			nb_buf_puts(&b, text ? text : "");
			nb_report_add_item(rep, items->cell, title, b.data ? b.data : "");
			nb_buf_free(&b);
			free(text);
			free(title);
			free(lead);
			nitems++;
		} else if (first == r.to) {
			first = i;
		}
		title = t;
		lead = i < r.to ? next_lead : NULL;
		start = i + 1;
	}
	text = paragraphs(doc, r.from, first);
	set_text(rep, "overview.intro", text ? text : "");
	free(text);
	if (!nitems)
		nb_isum_info(sum, "一、总体情况：没有（一）（二）……分项，正文放在引言中");
}

/* ---- 五: its parts, by their labels or their titles ---- */

/* s after its numbering: "（一）", "1.", "一、", or "一是". */
static const char *
part_numbering(const char *s)
{
	static const char *const nth[] = { "一是", "二是", "三是", "四是", NULL };
	const char *p = nb_iunnumbered(s);
	size_t i;

	for (i = 0; p == s && nth[i]; i++)
		if (!strncmp(s, nth[i], strlen(nth[i])))
			p = s + strlen(nth[i]);
	return p;
}

/* The field of section 五 whose label starts the text ("上年改进情况：");
 * the text after it in *rest. */
static const nb_field_t *
labelled(const nb_field_t *group, const char *text, const char **rest)
{
	const char *colon = strstr(text, "：");
	size_t i, n, m;

	if (!colon)
		colon = strchr(text, ':');
	if (!colon)
		return NULL;
	n = (size_t)(colon - text);
	for (i = 0; i < group->nkids; i++) {
		const char *l = group->kids[i]->label;
		m = strlen(l);
		/* the label as published, or its last words ("改进举措") */
		if ((n == m && !strncmp(text, l, n)) ||
		    (n >= 12 && n < m && !strncmp(text, l + m - n, n)) ||
		    (m >= 12 && m < n && !strncmp(text + n - m, l, m))) {
			*rest = colon + (*colon == ':' ? 1 : 3);
			return group->kids[i];
		}
	}
	return NULL;
}

/* Whether text starts with the title `name`, then ends, or (numbered)
 * runs on after a 。 or a colon: *rest the text after it. */
static int
titled(const char *text, const char *name, int numbered, const char **rest)
{
	static const char *const stops[] = { "：", ":", "。", NULL };
	size_t n = strlen(name), i, k;

	if (strncmp(text, name, n))
		return 0;
	text += n;
	for (i = 0; stops[i]; i++) {
		k = strlen(stops[i]);
		if (!strncmp(text, stops[i], k) && (numbered || !text[k] || i < 2)) {
			*rest = text + k;
			return 1;
		}
	}
	*rest = text;
	return !*text;
}

/* The field of section 五 a paragraph starts: by its label and a colon,
 * or by a title of its part, the form's label or another it is published
 * under ("（一）上年度问题整改情况", "2.存在的主要问题。…", a title alone on
 * its line); the text after the title in *rest.  A paragraph that only
 * starts with such words ("存在问题较多") starts none. */
static const nb_field_t *
part_of(const nb_field_t *group, const char *text, const char **rest)
{
	const nb_field_t *f;
	const char *p = part_numbering(text);
	size_t i, k;

	if ((f = labelled(group, p, rest)))
		return f;
	for (i = 0; i < group->nkids; i++) {
		f = group->kids[i];
		for (k = 0; k <= f->naliases; k++)
			if (titled(p, k ? f->aliases[k - 1] : f->label, p != text, rest))
				return f;
	}
	return NULL;
}

static void
set_part(nb_report_t *rep, const nb_field_t *f, nb_buf_t *b)
{
	nb_buf_puts(b, "");
	if (b->data && *b->data)
		nb_report_set_text(rep, f->cell, b->data);
	nb_buf_free(b);
	nb_buf_init(b);
}

static void
read_inline(const nb_field_t *group, const nb_idoc_t *doc, nb_irange_t r,
            nb_report_t *rep, nb_isummary_t *sum)
{
	const nb_field_t *cur = NULL, *f;
	nb_buf_t b, all;
	const char *rest;
	size_t i;
	char *t;

	nb_buf_init(&b);
	nb_buf_init(&all);
	for (i = r.from; i <= r.to; i++) {
		t = i < r.to ? line_text(&doc->v[i]) : NULL;
		if (t)
			drop_artifacts(t);
		f = t ? part_of(group, t, &rest) : NULL;
		if ((f || !t) && cur)
			set_part(rep, cur, &b);
		if (f) {
			cur = f;
			rest += strspn(rest, " ");
		} else {
			rest = t;
		}
		if (cur && rest && *rest)
			add_text(doc, &b, rest, f ? NB_FLOW_NEW : doc->v[i].flow);
		if (t && *t && !site_line(t))
			add_text(doc, &all, t, doc->v[i].flow);
		free(t);
	}
	nb_buf_free(&b);
	if (!cur && !all.len)
		nb_isum_left(sum, "%s：没有正文，未填", group->label);
	if (!cur && group->nkids && all.len) {
		/* no part is marked: the whole text in the first */
		set_part(rep, group->kids[0], &all);
		nb_isum_left(sum, "%s：正文没有分为“%s”等部分，全文放在“%s”中，其余部分未填",
		             group->label, group->kids[0]->label, group->kids[0]->label);
	}
	for (i = 0; cur && i < group->nkids; i++)
		if (!rep->values[group->kids[i]->cell].filled)
			nb_isum_left(sum, "%s：没有找到“%s”这一部分，未填", group->label,
			             group->kids[i]->label);
	nb_buf_free(&all);
}

/* ---- a section ---- */

static int
read_section(const nb_section_t *s, const nb_idoc_t *doc, nb_irange_t r,
             nb_report_t *rep, nb_isummary_t *sum)
{
	size_t i;
	char *t;

	if (s->table)
		return nb_import_table(s->table, doc, r, rep, sum);
	for (i = 0; i < s->nfields; i++) {
		const nb_field_t *f = s->fields[i];
		if (f->type == NB_T_ITEMS) {
			read_overview(doc, r, rep, sum);
			return 0;
		}
		if (f->type == NB_T_GROUP && s->inline_labels) {
			read_inline(f, doc, r, rep, sum);
			return 0;
		}
	}
	if (s->nfields == 1 && s->fields[0]->type == NB_T_TEXT) {
		t = paragraphs(doc, r.from, r.to);
		if (t && *t)
			nb_report_set_text(rep, s->fields[0]->cell, t);
		free(t);
	}
	return 0;
}

/* ---- the whole report ---- */

/* Words that only the format of 2019 and before has in its table 三. */
static int
older_format(const nb_idoc_t *doc)
{
	size_t i, k;

	for (i = 0; i < doc->n; i++)
		for (k = 0; k < doc->v[i].n; k++)
			if (strstr(doc->v[i].cells[k].text, "当面申请") ||
			    strstr(doc->v[i].cells[k].text, "平均处理时间"))
				return 1;
	return 0;
}

/* The figures of the form (counts, amounts), filled of all. */
static void
count_figures(const nb_report_t *rep, nb_isummary_t *sum)
{
	size_t c;

	for (c = 0; c < rep->form->ncells; c++) {
		nb_type_t t = rep->form->cells[c].field->type;
		if (t != NB_T_COUNT && t != NB_T_AMOUNT && t != NB_T_ROW)
			continue;
		sum->cells++;
		sum->filled += rep->values[c].filled;
	}
}

/* Complete: nothing the rules call unfilled. */
static int
complete(const nb_report_t *rep)
{
	nb_findings_t f;
	int yes;

	nb_findings_init(&f);
	yes = nb_rules_eval(rep, NULL, &f) == 0 && f.notes == 0;
	nb_findings_free(&f);
	return yes;
}

int
nb_import_recognize(const nb_form_t *form, const nb_idoc_t *doc,
                    const char *name, nb_report_t **out, nb_isummary_t *sum,
                    nb_error_t *err)
{
	size_t at[64], s, numbered = 0, first = doc->n, end;
	nb_report_t *rep;

	memset(sum, 0, sizeof *sum);
	*out = NULL;
	if (older_format(doc))
		return nb_error_set(err, name, 0, 0, "这是 2019 年及以前格式的年度报告"
		    "（有“当面申请”“平均处理时间”等项），不是 %s：无法导入", form->name);
	if (form->nsections > 64 || !(rep = nb_report_new(form)))
		return nb_error_set(err, name, 0, 0, "内存不足");
	find_sections(form, doc, at);
	for (s = 0; s < form->nsections; s++) {
		if (form->sections[s].unnumbered)
			continue;
		numbered++;
		if (at[s] != (size_t)-1) {
			sum->sections_found++;
			if (at[s] < first)
				first = at[s];
		}
	}
	sum->sections = numbered;
	if (sum->sections_found < 3) {
		nb_report_free(rep);
		return nb_error_set(err, name, 0, 0, "找不到年度报告的各部分（%zu 个部分中只找到 %zu 个标题，"
		    "如“一、总体情况”“二、主动公开政府信息情况”）：这不像一份%s",
		    numbered, sum->sections_found, form->name);
	}
	read_header(doc, first, rep);
	end = report_end(form, doc, at);
	for (s = 0; s < form->nsections; s++) {
		if (form->sections[s].unnumbered)
			continue;
		if (at[s] == (size_t)-1) {
			nb_isum_left(sum, "没有找到“%s”这一部分", form->sections[s].heading);
			continue;
		}
		if (read_section(&form->sections[s], doc, section_range(form, at, s, end),
		                 rep, sum) < 0) {
			nb_report_free(rep);
			return nb_error_set(err, name, 0, 0, "内存不足");
		}
	}
	count_figures(rep, sum);
	*out = rep;
	return sum->unfilled || !complete(rep) ? 1 : 0;
}
