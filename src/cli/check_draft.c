/* One draft checked into a result (see check.h): read, paired with last
 * year's, judged, and its findings written out as the run prints them. */

#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli/check.h"
#include "core/idindex.h"
#include "core/judge.h"

void
check_result_init(check_result_t *r)
{
	memset(r, 0, sizeof *r);
	nb_buf_init(&r->out);
	nb_buf_init(&r->err);
	nb_buf_init(&r->org);
	nb_buf_init(&r->rules);
}

void
check_result_clear(check_result_t *r)
{
	r->status = 0;
	nb_buf_clear(&r->out);
	nb_buf_clear(&r->err);
	nb_buf_clear(&r->org);
	nb_buf_clear(&r->rules);
	r->year = 0;
	r->org_line = r->org_col = 0;
	r->errors = r->warnings = r->suggestions = r->notes = 0;
	r->nrules = 0;
}

void
check_result_free(check_result_t *r)
{
	nb_buf_free(&r->out);
	nb_buf_free(&r->err);
	nb_buf_free(&r->org);
	nb_buf_free(&r->rules);
}

/* A field of a TSV line: a tab or a line break in it would split it. */
static void
put_tsv_field(nb_buf_t *b, const char *s)
{
	size_t n;

	while (*s) {
		n = strcspn(s, "\\\t\n\r");
		nb_buf_add(b, s, n);
		s += n;
		if (!*s)
			break;
		nb_buf_puts(b, *s == '\\' ? "\\\\" : *s == '\t' ? "\\t" :
		               *s == '\n' ? "\\n" : "\\r");
		s++;
	}
}

void
check_put_finding(nb_buf_t *b, check_format_t format, const char *path,
                  const nb_finding_t *f)
{
	if (format == CHECK_TEXT) {
		nb_cli_put_finding(b, path, f);
		return;
	}
	put_tsv_field(b, path);
	nb_buf_printf(b, "\t%d\t%d\t%s\t", f->line ? f->line : 1, f->col ? f->col : 1,
	              nb_severity_name(f->severity));
	put_tsv_field(b, f->rule_id);
	nb_buf_puts(b, "\t");
	put_tsv_field(b, f->message);
	nb_buf_puts(b, "\n");
}

static void
put_error(check_result_t *res, const nb_error_t *err)
{
	char line[NB_ERROR_LINE_MAX];

	nb_error_format(err, "error", line, sizeof line);
	nb_buf_puts(&res->err, line);
	res->status = 2;
}

static int
open_draft(const check_opts_t *o, const char *path, nb_report_t **rep,
           check_result_t *res)
{
	nb_error_t err = { 0 };

	if (nb_formset_open_draft(o->cli->forms, path, rep, &err) == 0)
		return 0;
	put_error(res, &err);
	return -1;
}

/* Whose report it is, for finding the same one given twice. */
static void
note_identity(check_result_t *res, const nb_report_t *rep)
{
	const nb_field_t *org = rep->form->org_field;

	nb_buf_puts(&res->org, nb_report_org(rep));
	res->year = nb_report_year(rep);
	if (org) {
		res->org_line = rep->values[org->cell].line;
		res->org_col = rep->values[org->cell].col;
	}
}

/* The label of an identity field, for a message; `or` when the form has
 * no such field. */
static const char *
label_of(const nb_field_t *f, const char *or)
{
	return f ? f->label : or;
}

/* The draft of last year in --previous DIR, loaded into *owned from
 * *found; a draft without one is said in a note.  -1 when it cannot be
 * read. */
static int
find_previous(const check_opts_t *o, const char *path, const nb_report_t *rep,
              check_result_t *res, nb_report_t **owned, const char **found)
{
	const nb_form_t *F = rep->form;
	const char *org = nb_report_org(rep);
	int64_t year = nb_report_year(rep);
	size_t i;

	if (!*org || !year) {
		nb_buf_printf(&res->err, "%s: note: %s或%s未填写，无法在 %s 中找到上年的草稿\n",
		              path, label_of(F->org_field, "机关名称"),
		              label_of(F->year_field, "年度"), o->prev_dir);
		return 0;
	}
	if (!nb_idindex_find(o->prev_index, org, year - 1, &i)) {
		nb_buf_printf(&res->err, "%s: note: 在 %s 中没有找到“%s”%" PRId64
		              " 年的草稿，未做跨年度的检查\n", path, o->prev_dir, org, year - 1);
		return 0;
	}
	*found = o->prev_paths->v[i];
	return open_draft(o, *found, owned, res);
}

/* --year: a draft of another year is an error of its own. */
static int
check_year(const check_opts_t *o, const nb_report_t *rep, nb_findings_t *f)
{
	const nb_field_t *y = rep->form->year_field;
	int64_t year = nb_report_year(rep);
	nb_buf_t b;

	if (!o->year || !y || !year || year == o->year)
		return 0;
	nb_buf_init(&b);
	nb_buf_printf(&b, "%s是 %" PRId64 " 年，不是要检查的 %" PRId64 " 年",
	              y->label, year, o->year);
	return nb_findings_add(f, rep, NB_SEV_ERROR, CHECK_RULE_YEAR, y->cell,
	                       nb_buf_take(&b));
}

/* Whether the rule id is among those res holds already. */
static int
has_rule(const check_result_t *res, const char *id)
{
	const char *p = res->rules.data;
	size_t i;

	for (i = 0; i < res->nrules; i++) {
		if (!strcmp(p, id))
			return 1;
		p += strlen(p) + 1;         /* the id, */
		p += strlen(p) + 1;         /* its wording */
	}
	return 0;
}

/* Each rule a finding breaks, once, with its wording for the summary:
 * the form's (a rule's or a text check's), else --year's. */
static int
collect_rules(const check_opts_t *o, const nb_report_t *rep,
              const nb_findings_t *f, check_result_t *res)
{
	const char *message;
	char *wording;
	size_t i;

	for (i = 0; i < f->n; i++) {
		const nb_finding_t *x = &f->v[i];
		if (x->severity == NB_SEV_NOTE || has_rule(res, x->rule_id))
			continue;
		if ((message = nb_judge_rule_message(rep->form, x->rule_id))) {
			wording = nb_rule_wording(message);
		} else {
			nb_buf_t b;
			nb_buf_init(&b);
			nb_buf_printf(&b, "%s不是 %" PRId64 " 年",
			              label_of(rep->form->year_field, "年度"), o->year);
			wording = nb_buf_take(&b);
		}
		if (!wording)
			return -1;
		nb_buf_add(&res->rules, x->rule_id, strlen(x->rule_id) + 1);
		nb_buf_add(&res->rules, wording, strlen(wording) + 1);
		free(wording);
		res->nrules++;
	}
	return 0;
}

static int
put_findings(const check_opts_t *o, const char *path, const nb_report_t *rep,
             const nb_findings_t *f, check_result_t *res)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		check_put_finding(&res->out, o->format, path, &f->v[i]);
	if (f->n && !o->batch && f->suggestions)
		nb_buf_printf(&res->err, "%s: %zu 个错误，%zu 个警告，%zu 个建议，%zu 处未填写\n",
		              path, f->errors, f->warnings, f->suggestions, f->notes);
	else if (f->n && !o->batch)
		nb_buf_printf(&res->err, "%s: %zu 个错误，%zu 个警告，%zu 处未填写\n",
		              path, f->errors, f->warnings, f->notes);
	else if (!o->batch)     /* silence would not tell "passed" from "not run" */
		nb_buf_printf(&res->err, "%s: 已填完整，勾稽关系全部成立\n", path);
	res->errors = f->errors;
	res->warnings = f->warnings;
	res->suggestions = f->suggestions;
	res->notes = f->notes;
	res->status = f->errors || f->notes ? 1 : 0;
	return collect_rules(o, rep, f, res);
}

/* The project's settings for a draft: --config's, else those of the
 * nianbao.yaml beside it, else none.  -1 with *err when that file is
 * wrong. */
static int
settings_for(const check_opts_t *o, const char *path, const nb_settings_t **cfg,
             nb_error_t *err)
{
	*cfg = o->settings;
	if (*cfg)
		return 0;
	return nb_settings_cached(o->dir_settings, path, cfg, err);
}

/* Judges rep (with last year's prev, or NULL) into res: the rules and
 * the text checks as the settings and the draft's acknowledgements have
 * them (wrong ones give status 2 and their place), then --year. */
static int
judge(const check_opts_t *o, const char *path, const nb_report_t *rep,
      const nb_report_t *prev, check_result_t *res)
{
	const nb_settings_t *cfg;
	nb_error_t err = { 0 };
	nb_findings_t f;
	int rc = 0;

	nb_findings_init(&f);
	if (settings_for(o, path, &cfg, &err) < 0 ||
	    nb_judge(rep, prev, cfg, path, &f, &err) < 0)
		put_error(res, &err);
	else if (check_year(o, rep, &f) < 0 || put_findings(o, path, rep, &f, res) < 0)
		rc = -1;
	nb_findings_free(&f);
	return rc;
}

/* A --previous FILE must be the same body's report of the year before:
 * compared with another, the cross-year rules say nothing true.  0 when
 * it is (or --force), -1 with the refusal in res. */
static int
same_body_year_before(const check_opts_t *o, const char *prev_path,
                      const nb_report_t *prev, const nb_report_t *rep,
                      check_result_t *res)
{
	const char *po = nb_report_org(prev), *ro = nb_report_org(rep);
	int64_t py = nb_report_year(prev), ry = nb_report_year(rep);

	if (o->force || ((!*po || !*ro || !strcmp(po, ro)) &&
	                 (!py || !ry || py == ry - 1)))
		return 0;
	nb_buf_printf(&res->err, "%s: error: 上年草稿是“%s”的 %lld 年度报告，本草稿是“%s”的 %lld "
	              "年度报告：不是同一机关的上一年度，未做跨年度的检查（确要比对请加 --force）\n",
	              prev_path, po, (long long)py, ro, (long long)ry);
	res->status = 2;
	return -1;
}

int
check_draft(const check_opts_t *o, const char *path, check_result_t *res)
{
	nb_report_t *rep = NULL, *owned = NULL;
	const nb_report_t *prev = o->prev;
	const char *prev_path = o->prev_file;
	int rc = 0;

	check_result_clear(res);
	if (open_draft(o, path, &rep, res) < 0)
		goto done;
	note_identity(res, rep);
	if (o->prev_dir && find_previous(o, path, rep, res, &owned, &prev_path) < 0)
		goto done;
	if (owned)
		prev = owned;
	if (prev && prev->form != rep->form) {
		nb_buf_printf(&res->err, "%s: error: 上年草稿的格式“%s”与本年“%s”不同，无法比对\n",
		              prev_path, prev->form->format, rep->form->format);
		res->status = 2;
		goto done;
	}
	if (prev && !owned && same_body_year_before(o, prev_path, prev, rep, res) < 0)
		goto done;
	rc = judge(o, path, rep, prev, res);
done:
	nb_report_free(owned);
	nb_report_free(rep);
	if (res->out.failed || res->err.failed || res->org.failed || res->rules.failed)
		rc = -1;
	return rc;
}
