/* judge.c - the rules, the text checks, the project's severities and the
 * draft's acknowledgements, in that order (judge.h). */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/content.h"
#include "core/judge.h"

#define ACK_KEY "x-acknowledged"

const char *
nb_judge_rule_message(const nb_form_t *F, const char *id)
{
	size_t i;

	for (i = 0; i < F->nrules; i++)
		if (!strcmp(F->rules[i].id, id))
			return F->rules[i].message;
	for (i = 0; F->content && i < F->content->n; i++)
		if (!strcmp(F->content->v[i].id, id))
			return F->content->v[i].message;
	return NULL;
}

/* Drops the findings for which keep() says 0, freeing their messages. */
static void
filter(nb_findings_t *f, int (*keep)(const nb_finding_t *, const void *),
       const void *ctx)
{
	size_t i, n = 0;

	for (i = 0; i < f->n; i++) {
		if (keep(&f->v[i], ctx))
			f->v[n++] = f->v[i];
		else
			free(f->v[i].message);
	}
	f->n = n;
}

/* ---- the project's severities ---- */

static int
switched_on(const nb_finding_t *x, const void *ctx)
{
	const nb_setting_t *r = nb_settings_rule(ctx, x->rule_id);

	return !r || r->severity != NB_SETTINGS_OFF;
}

static int
apply_config(const nb_form_t *F, const nb_settings_t *cfg, nb_findings_t *f,
             nb_error_t *err)
{
	const nb_setting_t *r;
	size_t i;

	for (i = 0; i < cfg->nrules; i++)
		if (!nb_judge_rule_message(F, cfg->rules[i].id))
			return nb_error_set(err, cfg->file, cfg->rules[i].line,
			    cfg->rules[i].col, "格式 %s 没有编号为“%s”的规则",
			    F->format, cfg->rules[i].id);
	filter(f, switched_on, cfg);
	for (i = 0; i < f->n; i++)
		if ((r = nb_settings_rule(cfg, f->v[i].rule_id)))
			f->v[i].severity = (nb_severity_t)r->severity;
	return 0;
}

/* ---- acknowledgements ---- */

typedef struct {
	const char *rule, *text;
} ack_t;

typedef struct {
	const nb_report_t *r;
	const ack_t *v;
	size_t n;
	size_t dropped;
} acks_t;

static int
read_ack(const nb_form_t *F, const char *file, const nb_ynode_t *m, ack_t *a,
         nb_error_t *err)
{
	const nb_ynode_t *rule, *reason, *text;
	size_t i;

	if (m->type != NB_Y_MAP)
		return nb_error_set(err, file, m->line, m->col,
		    ACK_KEY " 的每一项应为映射（rule、reason，可加 text）");
	for (i = 0; i + 1 < m->n; i += 2)
		if (strcmp(m->kids[i]->str, "rule") && strcmp(m->kids[i]->str, "reason") &&
		    strcmp(m->kids[i]->str, "text"))
			return nb_error_set(err, file, m->kids[i]->line, m->kids[i]->col,
			    "未知的键“%s”（" ACK_KEY " 的项只有 rule、reason 和 text）",
			    m->kids[i]->str);
	rule = nb_ymap_get(m, "rule");
	reason = nb_ymap_get(m, "reason");
	text = nb_ymap_get(m, "text");
	if (!rule || rule->type != NB_Y_SCALAR || !nb_judge_rule_message(F, rule->str))
		return nb_error_set(err, file, (rule ? rule : m)->line, (rule ? rule : m)->col,
		    rule && rule->type == NB_Y_SCALAR ? "确认的规则“%s”不存在"
		    : "确认的项缺少 rule（规则编号）%s", rule && rule->type == NB_Y_SCALAR
		    ? rule->str : "");
	if (!reason || reason->type != NB_Y_SCALAR || !reason->str[0])
		return nb_error_set(err, file, (reason ? reason : m)->line,
		    (reason ? reason : m)->col, "确认规则“%s”须写明 reason（理由）", rule->str);
	if (text && (text->type != NB_Y_SCALAR || !text->str[0]))
		return nb_error_set(err, file, text->line, text->col,
		                    "text 应为所在句子中的一段文字");
	a->rule = rule->str;
	a->text = text ? text->str : NULL;
	return 0;
}

/* The sentence of a finding about text, or its message. */
static int
finding_says(const nb_report_t *r, const nb_finding_t *x, const char *text)
{
	const nb_value_t *v = &r->values[x->cell];
	const char *s = x->item >= 0 ? v->items[x->item].text : v->text;
	size_t n = strlen(text), i;

	if (!x->in_text || !s)
		return strstr(x->message, text) != NULL;
	for (i = x->start; i + n <= x->end; i++)
		if (!memcmp(s + i, text, n))
			return 1;
	return 0;
}

static int
not_acknowledged(const nb_finding_t *x, const void *ctx)
{
	acks_t *A = (acks_t *)ctx;
	size_t i;

	for (i = 0; i < A->n; i++)
		if (!strcmp(A->v[i].rule, x->rule_id) &&
		    (!A->v[i].text || finding_says(A->r, x, A->v[i].text))) {
			A->dropped++;
			return 0;
		}
	return 1;
}

static int
apply_acks(const nb_report_t *r, const char *file, nb_findings_t *f,
           nb_error_t *err)
{
	const nb_extra_t *x = nb_report_extra(r, ACK_KEY);
	const nb_ynode_t *list = x ? x->node : NULL;
	acks_t A = { r, NULL, 0, 0 };
	ack_t *v;
	size_t i;

	if (!list || nb_yscalar_is_null(list))
		return 0;
	if (list->type != NB_Y_SEQ)
		return nb_error_set(err, file, list->line, list->col,
		    ACK_KEY " 应为列表，每项写明 rule 和 reason");
	if (!(v = calloc(list->n + 1, sizeof *v)))
		return nb_error_set(err, file, 0, 0, "内存不足");
	for (i = 0; i < list->n; i++)
		if (read_ack(r->form, file, list->kids[i], &v[i], err) < 0) {
			free(v);
			return -1;
		}
	A.v = v;
	A.n = list->n;
	filter(f, not_acknowledged, &A);
	f->acknowledged += A.dropped;
	free(v);
	return 0;
}

/* The text checks, but for those the project switches off: not run at all. */
static int
content(const nb_report_t *r, const nb_report_t *prev, const nb_settings_t *cfg,
        nb_findings_t *out)
{
	const char **off = NULL;
	size_t i, n = 0;
	int rc;

	if (cfg && cfg->nrules && !(off = malloc(cfg->nrules * sizeof *off)))
		return -1;
	for (i = 0; cfg && i < cfg->nrules; i++)
		if (cfg->rules[i].severity == NB_SETTINGS_OFF)
			off[n++] = cfg->rules[i].id;
	rc = nb_content_eval_without(r, prev, off, n, out);
	free(off);
	return rc;
}

int
nb_judge(const nb_report_t *r, const nb_report_t *prev, const nb_settings_t *cfg,
         const char *file, nb_findings_t *out, nb_error_t *err)
{
	if (nb_rules_eval(r, prev, out) < 0 || content(r, prev, cfg, out) < 0)
		return nb_error_set(err, file, 0, 0, "内存不足");
	if ((cfg && apply_config(r->form, cfg, out, err) < 0) ||
	    apply_acks(r, file, out, err) < 0)
		return -1;
	nb_findings_recount(out);
	nb_findings_sort(out);
	return 0;
}
