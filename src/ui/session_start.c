/* session_start.c - floor 5 of the screen: the editor from the command
 * line.  A draft named is edited, then the program quits; without one,
 * the start screen's list of drafts, to which each draft left returns:
 * new drafts, published reports imported and next year's drafts are
 * made from there. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/draft.h"
#include "core/draft_name.h"
#include "core/import.h"
#include "core/nextyear.h"
#include "core/previous.h"
#include "ui/keys.h"
#include "ui/screen.h"
#include "ui/session.h"
#include "ui/session_impl.h"
#include "ui/term.h"

/* One run of the command: where forms are, the draft edited last, and
 * what to tell the operator after a draft was not opened or was left. */
typedef struct {
	const char *const *dirs;
	char *opened;           /* malloc'd, or NULL */
	nb_error_t err;         /* why it was not opened (msg "" if given up) */
	char left[1024];        /* what leaving it says, or "" */
} run_t;

static int
out_of_memory(run_t *run)
{
	return nb_error_set(&run->err, NULL, 0, 0, "内存不足");
}

static int
edit_how(run_t *run, nb_form_t *form, nb_report_t *rep, const char *path,
         const nb_ui_open_t *how)
{
	free(run->opened);
	run->opened = strdup(path);
	return nb_ui_edit_draft(form, rep, path, how, run->left, sizeof run->left);
}

static int
edit(run_t *run, nb_form_t *form, nb_report_t *rep, const char *path,
     const char *previous, const char *said)
{
	nb_ui_open_t how = { 0 };

	how.previous = previous;
	how.said = said;
	return edit_how(run, form, rep, path, &how);
}

/* An existing draft; at_problem: on to its next problem from where it
 * was left. */
static int
open_and_edit(run_t *run, const char *path, const char *previous, int at_problem)
{
	nb_ui_open_t how = { 0 };
	nb_form_t *form;
	nb_report_t *rep;

	if (nb_draft_open(path, run->dirs, &form, &rep, &run->err) < 0)
		return -1;
	how.previous = previous;
	how.at_problem = at_problem;
	return edit_how(run, form, rep, path, &how);
}

/* A new report: 机关名称 and 年度 asked, the default form.  -1 when the
 * operator gave up (err says nothing) or it cannot be made. */
static int
ask_new_report(run_t *run, nb_form_t **form, nb_report_t **rep)
{
	char *org;
	int64_t year;

	if (nb_ui_ask_identity(&org, &year) < 0)
		return -1;
	if (nb_form_open(NB_FORMAT_DEFAULT, run->dirs, form, &run->err) < 0) {
		free(org);
		return -1;
	}
	if (!(*rep = nb_report_new_for(*form, org, year))) {
		nb_form_free(*form);
		free(org);
		return out_of_memory(run);
	}
	free(org);
	return 0;
}

/* `nianbao NEW.yaml`: the name is given, the rest asked. */
static int
create_and_edit(run_t *run, const char *path, const char *previous)
{
	nb_form_t *form;
	nb_report_t *rep;

	if (ask_new_report(run, &form, &rep) < 0)
		return -1;
	if (nb_draft_save(rep, path, &run->err) < 0) {
		nb_report_free(rep);
		nb_form_free(form);
		return -1;
	}
	return edit(run, form, rep, path, previous, NULL);
}

/* rep saved under a name the operator confirms, offer offered first; a
 * name it cannot be saved under is offered again, saying why.  With last
 * (next year's draft from it), where last year's is is recorded first.
 * The path (malloc'd), or NULL when the operator gave up. */
static char *
save_as_asked(nb_report_t *rep, const char *offer, const char *last)
{
	nb_error_t err = { 0 };
	char *offered = strdup(offer), *name;

	while (offered &&
	       (name = nb_ui_ask_draft_name(offered, *err.msg ? err.msg : NULL))) {
		memset(&err, 0, sizeof err);
		free(offered);
		if ((!last || nb_previous_record(rep, name, last, &err) == 0) &&
		    nb_draft_save(rep, name, &err) == 0)
			return name;
		offered = name;
	}
	free(offered);
	return NULL;
}

/* 新建 on the list: 机关名称 and 年度, then the file name, proposed from
 * them. */
static int
new_and_edit(run_t *run)
{
	nb_form_t *form;
	nb_report_t *rep;
	char *offer, *path;
	int rc;

	if (ask_new_report(run, &form, &rep) < 0)
		return -1;
	offer = nb_draft_name_for(nb_report_org(rep), nb_report_year(rep));
	path = offer ? save_as_asked(rep, offer, NULL) : NULL;
	if (!offer)
		out_of_memory(run);
	free(offer);
	if (!path) {
		nb_report_free(rep);
		nb_form_free(form);
		return -1;
	}
	rc = edit(run, form, rep, path, NULL, NULL);
	free(path);
	return rc;
}

/* What the new draft asks of the operator: "请改写“上年改进情况”…". */
static void
next_year_said(const nb_report_t *rep, const char *last, const char *path,
               char *said, size_t size)
{
	const nb_next_year_t *ny = &rep->form->next_year;
	int n = snprintf(said, size, "已据 %s 新建 %lld 年度的草稿 %s", last,
	                 (long long)nb_report_year(rep), path);

	if (ny->nrewrite && rep->values[ny->rewrite[0].to->cell].filled &&
	    n > 0 && (size_t)n < size)
		snprintf(said + n, size - (size_t)n, "；请改写“%s”开头上年的“%s”",
		         ny->rewrite[0].to->label, ny->rewrite[0].from->label);
}

/* Next year's draft from the draft chosen on the start screen, under a
 * name the operator confirms, saved and edited (the editor finds last
 * year's through x-previous).  -1 when it is not made. */
static int
next_year_and_edit(run_t *run, const char *last_path)
{
	nb_form_t *form;
	nb_report_t *last, *rep = NULL;
	char *name = NULL, *path = NULL, said[1024];
	int rc;

	if (nb_draft_open(last_path, run->dirs, &form, &last, &run->err) < 0)
		return -1;
	if (nb_report_next_year(last, 0, &rep, &run->err) == 0 &&
	    !(name = nb_next_year_name(last_path, nb_report_year(last), nb_report_year(rep))))
		out_of_memory(run);
	if (name)
		path = save_as_asked(rep, name, last_path);
	nb_report_free(last);
	free(name);
	if (!path) {
		nb_report_free(rep);
		nb_form_free(form);
		return -1;
	}
	next_year_said(rep, last_path, path, said, sizeof said);
	rc = edit(run, form, rep, path, NULL, said);
	free(path);
	return rc;
}

/* A published report made into a draft beside it and edited; a draft of
 * that name already there is opened instead, as it may hold work.  -1
 * when the report cannot be imported. */
static int
import_and_edit(run_t *run, const char *report, const char *previous)
{
	char *draft = nb_import_draft_name(NULL, report), said[512];
	nb_form_t *form = NULL;
	nb_report_t *rep = NULL;
	nb_isummary_t sum;
	int rc;

	if (!draft)
		return out_of_memory(run);
	if (access(draft, F_OK) == 0) {
		snprintf(said, sizeof said, "已有草稿 %s：打开的是它，没有重新导入 %s", draft, report);
		rc = nb_draft_open(draft, run->dirs, &form, &rep, &run->err) < 0 ? -1
		     : edit(run, form, rep, draft, previous, said);
	} else if (nb_form_open(NB_FORMAT_DEFAULT, run->dirs, &form, &run->err) < 0 ||
	           nb_import_file(form, report, &rep, &sum, &run->err) < 0 ||
	           nb_draft_save(rep, draft, &run->err) < 0) {
		nb_report_free(rep);
		nb_form_free(form);
		rc = -1;
	} else {
		snprintf(said, sizeof said, "已从 %s 导入到 %s：数字 %zu/%zu 格%s", report, draft,
		         sum.filled, sum.cells, sum.unfilled ? "，有未填的格（F4 列出）" : "");
		nb_isummary_free(&sum);
		rc = edit(run, form, rep, draft, previous, said);
	}
	free(draft);
	return rc;
}

/* ---- a draft named on the command line ---- */

static int
edit_named(run_t *run, const char *path, const char *previous)
{
	int rc;

	if (nb_import_is_report(path)) {
		if ((rc = import_and_edit(run, path, previous)) >= 0)
			return rc;
		nb_ui_end();
		fprintf(stderr, "nianbao: 无法导入 %s：%s\n", path, run->err.msg);
		return 2;
	}
	if (access(path, F_OK) == 0)
		rc = open_and_edit(run, path, previous, 0);
	else if (nb_ui_begin() < 0) {
		fputs("nianbao: 无法初始化终端（请检查 TERM）\n", stderr);
		return 2;
	} else {
		nb_ui_keys_init();
		rc = create_and_edit(run, path, previous);
	}
	if (rc >= 0)
		return rc;
	nb_ui_end();
	if (!run->err.msg[0])
		return 0;           /* the operator gave up */
	nb_error_print(&run->err, stderr);
	return 2;
}

/* ---- the start screen ---- */

/* The start screen's choice made and edited.  0 when it was done or given
 * up, with note (of `size`) what to say on the list after; else the exit
 * status of the session. */
static int
act_on(run_t *run, nb_start_choice_t c, const char *chosen, char *note,
       size_t size)
{
	int rc;

	memset(&run->err, 0, sizeof run->err);
	run->left[0] = '\0';
	rc = c == NB_START_OPEN || c == NB_START_PROBLEM
	     ? open_and_edit(run, chosen, NULL, c == NB_START_PROBLEM)
	     : c == NB_START_NEW ? new_and_edit(run)
	     : c == NB_START_IMPORT ? import_and_edit(run, chosen, NULL)
	     : next_year_and_edit(run, chosen);
	if (rc < 0 && run->err.msg[0])
		snprintf(note, size, "%s", run->err.msg);
	else if (rc == 0)
		snprintf(note, size, "%s", run->left);
	return rc < 0 ? 0 : rc;
}

static int
list_and_edit(run_t *run)
{
	nb_start_t start = { 0 };
	nb_start_choice_t c;
	char note[1200] = "", *chosen;
	int rc = 0;

	if (nb_ui_begin() < 0) {
		fputs("nianbao: 无法初始化终端（请检查 TERM）\n", stderr);
		return 2;
	}
	nb_ui_keys_init();
	while (rc == 0 && nb_term_active() && !nb_ui_input_ended()) {
		c = nb_ui_start_screen(&start, run->dirs, *note ? note : NULL, &chosen);
		*note = '\0';
		if (c == NB_START_LEAVE)
			break;
		if (c == NB_START_FAILED) {
			nb_ui_end();
			fputs("nianbao: 内存不足\n", stderr);
			rc = 2;
			break;
		}
		rc = act_on(run, c, chosen, note, sizeof note);
		free(chosen);
		free(start.last);
		start.last = run->opened ? strdup(run->opened) : NULL;
	}
	nb_ui_start_free(&start);
	return rc;
}

int
nb_ui_start(const char *const *dirs, const char *path, const char *previous)
{
	run_t run = { 0 };
	int rc;

	run.dirs = dirs;
	if ((rc = nb_ui_check_terminal()) != 0)
		return rc;
	rc = path ? edit_named(&run, path, previous) : list_and_edit(&run);
	nb_ui_end();
	nb_term_close_replay();
	if (path && run.left[0])
		fprintf(stderr, "nianbao: %s\n", run.left);
	free(run.opened);
	return rc;
}
