/* The run of `nianbao check` (see check.h): the results taken in the
 * order the drafts were named, drafts of the same body and year given
 * twice, the progress on a terminal, the summary. */

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/check.h"
#include "cli/progress.h"
#include "core/tally.h"

#define TOP_RULES 5

struct check_run {
	const check_opts_t *o;
	const nb_paths_t *paths;
	nb_idindex_t *seen;         /* the drafts taken, by body and year */
	nb_tally_t tally;
	int worst;                  /* the exit status so far */
	int out_tty;                /* results would print over the progress */
	nb_progress_t progress;
};

check_run_t *
check_run_new(const check_opts_t *o, const nb_paths_t *paths)
{
	check_run_t *run = calloc(1, sizeof *run);

	if (!run)
		return NULL;
	if (!(run->seen = nb_idindex_new())) {
		free(run);
		return NULL;
	}
	run->o = o;
	run->paths = paths;
	nb_tally_init(&run->tally);
	run->out_tty = isatty(1);
	nb_progress_init(&run->progress, "已检查", paths->n);
	return run;
}

void
check_run_free(check_run_t *run)
{
	if (!run)
		return;
	nb_idindex_free(run->seen);
	nb_tally_free(&run->tally);
	free(run);
}

/* The draft of the same body and year taken before this one, if any:
 * then an error of this one, at its body's name, naming the other. */
static int
duplicate(check_run_t *run, size_t i, const check_result_t *res, nb_buf_t *line)
{
	nb_finding_t f = { 0 };
	nb_buf_t msg;
	size_t first;
	int rc;

	if (res->status == 2 || !res->org.len || !res->year)
		return 0;
	rc = nb_idindex_add(run->seen, res->org.data, res->year, i, &first);
	/* a file named twice on the command line is not two reports */
	if (rc <= 0)
		return rc;
	if (!strcmp(run->paths->v[first], run->paths->v[i]))
		return 0;
	nb_buf_init(&msg);
	nb_buf_printf(&msg, "同一机关同一年度的草稿已有一份：%s（%s，%" PRId64 " 年）",
	              run->paths->v[first], res->org.data, res->year);
	f.severity = NB_SEV_ERROR;
	f.rule_id = CHECK_RULE_DUPLICATE;
	f.line = res->org_line;
	f.col = res->org_col;
	f.message = msg.data ? msg.data : "";
	check_put_finding(line, run->o->format, run->paths->v[i], &f);
	nb_buf_free(&msg);
	return nb_tally_rule(&run->tally, CHECK_RULE_DUPLICATE,
	                     "同一机关同一年度的草稿不止一份") < 0 ? -1 : 1;
}

/* The rules res breaks, into the tally. */
static int
count_rules(check_run_t *run, const check_result_t *res)
{
	const char *p = res->rules.data, *wording;
	size_t i;

	for (i = 0; i < res->nrules; i++) {
		wording = p + strlen(p) + 1;
		if (nb_tally_rule(&run->tally, p, wording) < 0)
			return -1;
		p = wording + strlen(wording) + 1;
	}
	return 0;
}

static void
put(const nb_buf_t *b, FILE *to)
{
	if (b->len)
		fwrite(b->data, 1, b->len, to);
}

int
check_run_take(check_run_t *run, size_t i, check_result_t *res)
{
	nb_buf_t dup;
	size_t errors = res->errors;
	int d, status = res->status;

	nb_buf_init(&dup);
	if ((d = duplicate(run, i, res, &dup)) < 0 || count_rules(run, res) < 0) {
		nb_buf_free(&dup);
		fputs("nianbao check: 内存不足\n", stderr);
		return -1;
	}
	if (d) {
		errors++;
		status = status > 1 ? status : 1;
	}
	if (res->err.len || ((dup.len || res->out.len) && run->out_tty))
		nb_progress_clear(&run->progress);
	put(&dup, stdout);
	put(&res->out, stdout);
	nb_buf_free(&dup);
	put(&res->err, stderr);
	nb_tally_draft(&run->tally, status == 2 ? NB_OUTCOME_UNREADABLE
	               : nb_outcome_of(errors, res->notes), res->warnings > 0,
	               res->suggestions > 0);
	if (status > run->worst)
		run->worst = status;
	nb_progress_tick(&run->progress, i + 1);
	return 0;
}

void
check_run_unreadable(check_run_t *run)
{
	nb_tally_draft(&run->tally, NB_OUTCOME_UNREADABLE, 0, 0);
	run->worst = 2;
}

static void
summary(const check_run_t *run)
{
	const nb_tally_t *t = &run->tally;
	const nb_tally_rule_t *top[TOP_RULES];
	size_t n = nb_tally_top(t, TOP_RULES, top), i;
	int w = 0;

	fprintf(stderr, "共 %zu 个文件：通过 %zu 个", t->files, t->outcome[NB_OUTCOME_PASSED]);
	if (t->warned && t->suggested)
		fprintf(stderr, "（其中 %zu 个有警告，%zu 个有建议）", t->warned, t->suggested);
	else if (t->warned || t->suggested)
		fprintf(stderr, "（其中 %zu 个有%s）", t->warned + t->suggested,
		        t->warned ? "警告" : "建议");
	fprintf(stderr, "，有错误 %zu 个，未填完 %zu 个，无法读取 %zu 个\n",
	        t->outcome[NB_OUTCOME_ERRORS], t->outcome[NB_OUTCOME_INCOMPLETE],
	        t->outcome[NB_OUTCOME_UNREADABLE]);
	if (!n)
		return;
	for (i = 0; i < n; i++)
		if ((int)strlen(top[i]->id) > w)
			w = (int)strlen(top[i]->id);
	fputs("违反最多的规则：\n", stderr);
	for (i = 0; i < n; i++)
		fprintf(stderr, "  %-*s %5zu 份草稿  %s\n", w, top[i]->id, top[i]->drafts,
		        top[i]->wording);
}

int
check_run_finish(check_run_t *run)
{
	nb_progress_clear(&run->progress);
	if (run->o->batch)
		summary(run);
	return run->worst;
}
