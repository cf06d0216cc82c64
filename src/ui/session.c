/* session.c - floor 5 of the screen: the editing session.  Opens the
 * draft (session_open.c), runs the key loop that turns requests into the
 * editor's actions (actions.c), and keeps where the draft was left. */

#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "core/lock.h"
#include "core/previous.h"
#include "ui/keys.h"
#include "ui/screen.h"
#include "ui/session_impl.h"
#include "ui/term.h"

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

/* The terminal, once the draft is open and its questions answered. */
static int
take_terminal(void)
{
	if (!nb_term_active() && nb_ui_begin() < 0) {
		nb_ui_end();
		fputs("nianbao: 无法初始化终端（请检查 TERM）\n", stderr);
		return -1;
	}
	nb_ui_keys_init();
	return 0;
}

/* The session after the loop: where the draft was left kept for next
 * time (why not into left), and, when it did not end as asked, the
 * terminal given back and what happened said.  The exit status. */
static int
leave(nb_ui_t *ui, char *left, size_t size)
{
	nb_error_t err = { 0 };
	int rc = 0;

	*left = '\0';
	if (!ui->ed.broken)
		nb_ui_place_keep(&ui->ed, left, size);
	if (ui->ed.broken || nb_ui_signalled()) {
		nb_ui_end();
		rc = ui->ed.broken ? nb_ui_ended_broken(&ui->ed) : nb_ui_ended_by_signal(&ui->ed);
	}
	nb_lock_release(&ui->lock, &err);
	nb_ed_close(&ui->ed);
	free(ui);
	return rc;
}

int
nb_ui_edit_draft(nb_form_t *form, nb_report_t *rep, const char *path,
                 const nb_ui_open_t *how, char *left, size_t size)
{
	nb_ui_t *ui = calloc(1, sizeof *ui);
	nb_error_t err = { 0 };
	nb_previous_t prev = { 0 };
	char note[512] = "", prev_note[512] = "";
	int recovered, readonly = 0;
	nb_report_t *orig = rep;

	*left = '\0';
	if (!ui || nb_ui_find_previous(rep, path, how->previous, &prev, prev_note,
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
	if (take_terminal() < 0) {
		nb_lock_release(&ui->lock, &err);
		nb_ed_close(&ui->ed);
		free(ui);
		return 2;
	}
	nb_ui_place_restore(&ui->ed, note, sizeof note);
	if (how->at_problem)
		nb_ed_next_problem(&ui->ed);
	first_message(&ui->ed, how->said, note, prev_note);
	loop(ui);
	return leave(ui, left, size);
}
