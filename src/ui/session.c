/* session.c - floor 5 of the screen: the editing session.  Opens the
 * draft (session_open.c), runs the key loop that turns requests into the
 * editor's actions (actions.c), and starts from the command line. */

#include "config.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/draft.h"
#include "core/import.h"
#include "core/lock.h"
#include "core/nextyear.h"
#include "core/previous.h"
#include "core/recovery.h"
#include "ui/keys.h"
#include "ui/screen.h"
#include "ui/session.h"
#include "ui/session_impl.h"
#include "ui/term.h"
#include "ui/widgets.h"

/* The recovery file is written at most this often while the report changes,
 * and the key wait wakes up this often while a change is not yet kept: a
 * kill -9 loses at most about a second of typing. */
#define KEEP_EVERY_MS 1000




















/* ---- the loop ---- */

static void
answer(nb_ui_t *ui, nb_req_t req, wint_t ch)
{
	if (req == NB_REQ_NONE && (ch == 'y' || ch == 'Y'))
		nb_ed_answer(&ui->ed, 1);
	else if (req == NB_REQ_NONE && (ch == 'n' || ch == 'N'))
		nb_ed_answer(&ui->ed, 0);
	else if (req == NB_REQ_SAVE)
		nb_ed_answer(&ui->ed, 1);
	else if (req == NB_REQ_CANCEL || req == NB_REQ_NEXT_PROBLEM)
		nb_ed_answer(&ui->ed, -1);
}

static double
cpu_ms(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	       (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

static void
report_bench(double first_ms, double start_ms, long keys)
{
	struct rusage ru;
	double end = cpu_ms();

	getrusage(RUSAGE_SELF, &ru);
	fprintf(stderr, "keys %ld\nfirst_screen_cpu_ms %.3f\n"
	        "cpu_ms_per_key %.4f\npeak_rss_kb %ld\n", keys, first_ms,
	        keys ? (end - start_ms) / keys : 0.0, ru.ru_maxrss);
}

static void
loop(nb_ui_t *ui)
{
	double first = 0, start = 0;
	long keys = 0;
	nb_req_t req;
	wint_t ch;

	while (!ui->ed.done) {
		if (!nb_term_headless())
			nb_term_sync_size();
		nb_ui_draw(ui);
		if (!keys && nb_term_headless()) {
			first = cpu_ms();
			start = first;
		}
		if (!nb_term_headless())
			timeout(ui->ed.changes != ui->ed.kept ? KEEP_EVERY_MS : -1);
		if (!nb_ui_read_key(&req, &ch)) {
			if (nb_ui_input_ended())
				break;
			nb_ed_keep(&ui->ed, nb_term_now_ms(), KEEP_EVERY_MS);
			continue;
		}
		keys++;
		if (ui->ed.ask != NB_ASK_NONE)
			answer(ui, req, ch);
		else if (nb_ui_key_paused(req))
			continue;
		else if (ui->ed.readonly && nb_ui_req_edits(req))
			nb_ed_message(&ui->ed, 1, "只读打开：不能修改；{save_as} 可另存为一份新草稿");
		else if (req == NB_REQ_NONE)
			nb_ed_type(&ui->ed, (wchar_t)ch);
		else
			nb_ui_handle(ui, req);
		nb_ed_keep(&ui->ed, nb_term_now_ms(), KEEP_EVERY_MS);
	}
	if (nb_term_headless())
		report_bench(first, start, keys);
	else if ((nb_ui_input_ended() || ui->ed.broken) && ui->ed.dirty)
		nb_ed_keep(&ui->ed, nb_term_now_ms(), 0);  /* keep what was typed */
}










int
nb_ui_edit(nb_form_t *form, nb_report_t *rep, const char *path,
           const char *previous)
{
	return nb_ui_edit_saying(form, rep, path, previous, NULL);
}

/* The first message: what the caller says, else what opening found;
 * what became of last year's draft after either. */
static void
first_message(nb_editor_t *ed, const char *said, const char *note,
              const char *prev_note)
{
	const char *first = said ? said : note;

	if (*first && *prev_note)
		nb_ed_message(ed, 0, "%s；%s", first, prev_note);
	else if (*first || *prev_note)
		nb_ed_message(ed, 0, "%s", *first ? first : prev_note);
}

int
nb_ui_edit_saying(nb_form_t *form, nb_report_t *rep, const char *path,
                  const char *previous, const char *said)
{
	nb_ui_t *ui = calloc(1, sizeof *ui);
	nb_error_t err = { 0 };
	nb_previous_t prev = { 0 };
	char note[512] = "", prev_note[512] = "";
	int recovered, readonly = 0, rc;
	nb_report_t *orig = rep;

	if (!ui || nb_ui_find_previous(rep, path, previous, &prev, prev_note,
	                               sizeof prev_note) < 0 ||
	    (readonly = nb_ui_lock_draft(&ui->lock, path, note, sizeof note)) < 0) {
		if (!ui)
			fputs("nianbao: 内存不足\n", stderr);
		nb_previous_free(&prev);
		nb_report_free(rep);
		nb_form_free(form);
		free(ui);
		return 2;
	}
	/* the recovery file belongs to whoever holds the lock */
	if (!readonly && nb_ui_offer_recovery(form, &rep, path, note, sizeof note)) {
		nb_previous_free(&prev);
		return nb_ui_leave_unanswered(ui, form, rep, path);
	}
	recovered = rep != orig;
	if (nb_ed_open(&ui->ed, form, rep, path, (readonly ? NB_ED_READONLY : 0) |
	               (recovered ? NB_ED_RECOVERED : 0)) < 0) {
		nb_previous_free(&prev);
		nb_ed_close(&ui->ed);   /* frees what was built, form and rep too */
		fputs("nianbao: 内存不足\n", stderr);
		nb_lock_release(&ui->lock, &err);
		free(ui);
		return 2;
	}
	if (prev.rep)
		nb_ed_set_previous(&ui->ed, prev.rep, prev.name);
	prev.rep = NULL;            /* the editor's now */
	nb_previous_free(&prev);
	if (!nb_term_active() && nb_ui_begin() < 0) {
		nb_ui_end();
		fputs("nianbao: 无法初始化终端（请检查 TERM）\n", stderr);
		nb_lock_release(&ui->lock, &err);
		nb_ed_close(&ui->ed);
		free(ui);
		return 2;
	}
	nb_ui_keys_init();
	first_message(&ui->ed, said, note, prev_note);
	loop(ui);
	nb_ui_end();
	rc = ui->ed.broken ? nb_ui_ended_broken(&ui->ed) : nb_ui_ended_by_signal(&ui->ed);
	nb_lock_release(&ui->lock, &err);
	nb_ed_close(&ui->ed);
	free(ui);
	nb_term_close_replay();
	return rc;
}

/* ---- from the command line ---- */

/* Asks for 机关名称 and 年度, writes the new draft to path and edits it. */
static int
create_and_edit(const char *const *dirs, const char *path, const char *previous)
{
	nb_form_t *form;
	nb_report_t *rep;
	nb_error_t err = { 0 };
	char *org;
	int64_t year;

	if (nb_ui_ask_identity(&org, &year) < 0) {
		nb_ui_end();
		return 0;
	}
	if (nb_form_open(NB_FORMAT_DEFAULT, dirs, &form, &err) < 0) {
		nb_ui_end();
		nb_error_print(&err, stderr);
		free(org);
		return 2;
	}
	if (!(rep = nb_report_new_for(form, org, year))) {
		nb_ui_end();
		fputs("nianbao: 内存不足\n", stderr);
		nb_form_free(form);
		free(org);
		return 2;
	}
	free(org);
	if (nb_draft_save(rep, path, &err) < 0) {
		nb_ui_end();
		nb_error_print(&err, stderr);
		nb_report_free(rep);
		nb_form_free(form);
		return 2;
	}
	return nb_ui_edit(form, rep, path, previous);
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
 * year's through x-previous).  -1 when it is not made: *why (malloc'd)
 * says why, NULL when the operator gave up. */
static int
next_year_and_edit(const char *const *dirs, const char *last_path, char **why)
{
	nb_form_t *form;
	nb_report_t *last, *rep = NULL;
	nb_error_t err = { 0 };
	char *name = NULL, *path = NULL, said[1024];
	int rc = -1;

	*why = NULL;
	if (nb_draft_open(last_path, dirs, &form, &last, &err) < 0) {
		*why = strdup(err.msg);
		return -1;
	}
	if (nb_report_next_year(last, 0, &rep, &err) < 0)
		*why = strdup(err.msg);
	else if (!(name = nb_next_year_name(last_path, nb_report_year(last),
	                                    nb_report_year(rep))))
		*why = strdup("内存不足");
	else if ((path = nb_ui_ask_draft_name(name)) &&
	         (nb_previous_record(rep, path, last_path, &err) < 0 ||
	          nb_draft_save(rep, path, &err) < 0))
		*why = strdup(err.msg);
	else if (path)
		rc = 0;
	nb_report_free(last);
	free(name);
	if (rc < 0) {
		nb_report_free(rep);
		nb_form_free(form);
		free(path);
		return -1;
	}
	next_year_said(rep, last_path, path, said, sizeof said);
	rc = nb_ui_edit_saying(form, rep, path, NULL, said);
	free(path);
	return rc;
}

/* A published report made into a draft beside it and edited; a draft of
 * that name already there is opened instead, as it may hold work.  -1
 * with *why (malloc'd) when the report cannot be imported; else the exit
 * status of the session. */
static int
import_and_edit(const char *const *dirs, const char *report, const char *previous,
                char **why)
{
	char *draft = nb_import_draft_name(NULL, report), said[512];
	nb_form_t *form = NULL;
	nb_report_t *rep = NULL;
	nb_isummary_t sum;
	nb_error_t err = { 0 };
	int rc;

	*why = NULL;
	if (!draft) {
		*why = strdup("内存不足");
		return -1;
	}
	if (access(draft, F_OK) == 0) {
		snprintf(said, sizeof said, "已有草稿 %s：打开的是它，没有重新导入 %s", draft, report);
		rc = nb_draft_open(draft, dirs, &form, &rep, &err) < 0 ? -1
		     : nb_ui_edit_saying(form, rep, draft, previous, said);
	} else if (nb_form_open(NB_FORMAT_DEFAULT, dirs, &form, &err) < 0 ||
	           nb_import_file(form, report, &rep, &sum, &err) < 0 ||
	           nb_draft_save(rep, draft, &err) < 0) {
		nb_report_free(rep);
		nb_form_free(form);
		rc = -1;
	} else {
		snprintf(said, sizeof said, "已从 %s 导入到 %s：数字 %zu/%zu 格%s", report, draft,
		         sum.filled, sum.cells, sum.unfilled ? "，有未填的格（F4 列出）" : "");
		nb_isummary_free(&sum);
		rc = nb_ui_edit_saying(form, rep, draft, previous, said);
	}
	if (rc < 0)
		*why = strdup(err.msg);
	free(draft);
	return rc;
}

int
nb_ui_start(const char *const *dirs, const char *path, const char *previous)
{
	nb_form_t *form;
	nb_report_t *rep;
	nb_error_t err = { 0 };
	char *chosen, *note = NULL;
	int rc, is_new;

	if ((rc = nb_ui_check_terminal()) != 0)
		return rc;
	if (path && nb_import_is_report(path)) {
		if ((rc = import_and_edit(dirs, path, previous, &note)) < 0) {
			nb_ui_end();
			fprintf(stderr, "nianbao: 无法导入 %s：%s\n", path, note ? note : "内存不足");
			rc = 2;
		}
		free(note);
		return rc;
	}
	if (path && access(path, F_OK) == 0) {
		if (nb_draft_open(path, dirs, &form, &rep, &err) < 0) {
			nb_error_print(&err, stderr);
			return 2;
		}
		return nb_ui_edit(form, rep, path, previous);
	}
	if (nb_ui_begin() < 0) {
		fputs("nianbao: 无法初始化终端（请检查 TERM）\n", stderr);
		return 2;
	}
	nb_ui_keys_init();
	if (path)
		return create_and_edit(dirs, path, previous);
	for (;;) {                  /* an unreadable draft: choose again */
		rc = nb_ui_start_screen(dirs, note, &chosen, &is_new);
		free(note);
		note = NULL;
		if (rc < 0) {
			nb_ui_end();
			return 0;
		}
		if (is_new == 1) {
			rc = create_and_edit(dirs, chosen, NULL);
			break;
		}
		if (is_new == 2 || is_new == 3) {
			rc = is_new == 2 ? import_and_edit(dirs, chosen, NULL, &note)
			                 : next_year_and_edit(dirs, chosen, &note);
			if (rc >= 0)
				break;
			free(chosen);
			continue;       /* not made: the list again, saying why */
		}
		memset(&err, 0, sizeof err);
		if (nb_draft_open(chosen, dirs, &form, &rep, &err) == 0) {
			rc = nb_ui_edit(form, rep, chosen, NULL);
			break;
		}
		note = strdup(err.msg);
		free(chosen);
	}
	free(chosen);
	return rc;
}
