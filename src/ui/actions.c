/* actions.c - what each request does in the editor: one small handler
 * per request, paste, the external editor. */

#include "config.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ui/keys.h"
#include "ui/screen.h"
#include "ui/session_impl.h"
#include "ui/term.h"
#include "ui/widgets.h"

/* Bracketed paste: everything up to the end marker goes in at once. */
void
nb_ui_paste(nb_ui_t *ui)
{
	size_t n = 0, cap = 1024;
	wchar_t *w = malloc(cap * sizeof *w), *t;
	nb_req_t req;
	wint_t ch;

	if (!w)
		return;
	timeout(3000);
	while (nb_ui_read_key(&req, &ch) && req != NB_REQ_PASTE_END &&
	       !nb_ui_input_ended()) {
		if (req == NB_REQ_ENTER)
			ch = '\n';
		else if (req == NB_REQ_NEXT)
			ch = '\t';
		else if (req != NB_REQ_NONE && ch >= 0x20)
			continue;       /* a function key inside a paste */
		if (n + 1 >= cap) {
			if (!(t = realloc(w, 2 * cap * sizeof *w)))
				break;
			w = t;
			cap *= 2;
		}
		w[n++] = (wchar_t)ch;
	}
	timeout(-1);
	nb_ed_paste(&ui->ed, w, n);
	free(w);
}

/* ---- the external editor ---- */

static char *
read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && n < (1L << 24) &&
	    fseek(f, 0, SEEK_SET) == 0 && (s = malloc((size_t)n + 1))) {
		s[fread(s, 1, (size_t)n, f)] = '\0';
	}
	fclose(f);
	return s;
}

/* As system() does: while the external editor runs, a Ctrl-C typed to it
 * is its business, not a reason for the editor waiting for it to end. */
static void
hold_interrupts(int hold, struct sigaction old[2])
{
	struct sigaction ign;

	if (!hold) {
		sigaction(SIGINT, &old[0], NULL);
		sigaction(SIGQUIT, &old[1], NULL);
		return;
	}
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old[0]);
	sigaction(SIGQUIT, &ign, &old[1]);
}

/* Whether an executable named name lies on $PATH. */
static int
on_path(const char *name)
{
	const char *p = getenv("PATH"), *end;
	char file[4096];

	for (; p && *p; p = *end ? end + 1 : end) {
		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		if (end > p &&
		    snprintf(file, sizeof file, "%.*s/%s", (int)(end - p), p, name) <
		        (int)sizeof file &&
		    access(file, X_OK) == 0)
			return 1;
	}
	return 0;
}

/* The editor the operator chose ($VISUAL, $EDITOR); else one a newcomer
 * can leave: nano where installed, vi otherwise (*vi set: say how to
 * leave it before it starts, since vi does not). */
static const char *
choose_editor(int *vi)
{
	const char *ed = getenv("VISUAL");

	*vi = 0;
	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (ed && *ed)
		return ed;
	if (on_path("nano"))
		return "nano";
	*vi = 1;
	return "vi";
}

/* Shown in the plain terminal before vi takes it; waits for Enter so
 * that it is read, not flashed. */
static void
explain_vi(void)
{
	char c;

	fputs("\n将用 vi 编辑这段文字：按 i 开始输入；写完按 Esc，再输入 :wq 回车保存退出"
	      "（:q! 回车放弃修改）。按回车键开始…", stdout);
	fflush(stdout);
	while (read(STDIN_FILENO, &c, 1) == 1 && c != '\n' && c != '\r')
		;
}

static int
run_editor(const char *path)
{
	struct sigaction old[2];
	char cmd[1024];
	const char *ed;
	pid_t pid;
	int status, rc, vi;

	ed = choose_editor(&vi);
	if (vi)
		explain_vi();
	snprintf(cmd, sizeof cmd, "%s \"$1\"", ed);
	hold_interrupts(1, old);
	if ((pid = fork()) == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		execl("/bin/sh", "sh", "-c", cmd, "sh", path, (char *)NULL);
		_exit(127);
	}
	rc = pid < 0 ? -1 : 0;
	while (rc == 0 && waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			rc = -1;
	hold_interrupts(0, old);
	if (rc < 0)
		return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

void
nb_ui_external_editor(nb_ui_t *ui)
{
	char path[] = "/tmp/nianbao-XXXXXX.txt";
	char *text, *back;
	int fd, rc;
	FILE *f;

	if (nb_term_headless() || nb_ed_stop(&ui->ed)->kind == NB_STOP_NUM) {
		nb_ed_message(&ui->ed, 1, "数字格不需要外部编辑器");
		return;
	}
	if ((fd = mkstemps(path, 4)) < 0 || !(f = fdopen(fd, "w"))) {
		nb_ed_message(&ui->ed, 1, "无法创建临时文件：%s", strerror(errno));
		return;
	}
	text = nb_text_get(&ui->ed.buf);
	fprintf(f, "%s\n", text ? text : "");
	free(text);
	fclose(f);
	nb_term_suspend();
	rc = run_editor(path);
	nb_term_resume();
	back = rc == 0 ? read_file(path) : NULL;
	unlink(path);
	if (back)
		nb_ed_replace_text(&ui->ed, back);
	else
		nb_ed_message(&ui->ed, 1, "外部编辑器没有正常结束，文字未改变");
	free(back);
}

/* ---- handlers ---- */

static int
page(const nb_ui_t *ui)
{
	return ui->body_rows > 4 ? ui->body_rows - 3 : 1;
}

static void h_next(nb_ui_t *ui) { nb_ed_next(&ui->ed); }
static void h_prev(nb_ui_t *ui) { nb_ed_prev(&ui->ed); }
static void h_up(nb_ui_t *ui) { nb_ed_move(&ui->ed, NB_MV_UP, 1); }
static void h_down(nb_ui_t *ui) { nb_ed_move(&ui->ed, NB_MV_DOWN, 1); }
static void h_left(nb_ui_t *ui) { nb_ed_move(&ui->ed, NB_MV_LEFT, 1); }
static void h_right(nb_ui_t *ui) { nb_ed_move(&ui->ed, NB_MV_RIGHT, 1); }
static void h_home(nb_ui_t *ui) { nb_ed_move(&ui->ed, NB_MV_HOME, 1); }
static void h_end(nb_ui_t *ui) { nb_ed_move(&ui->ed, NB_MV_END, 1); }
static void h_word_left(nb_ui_t *ui) { nb_ed_move(&ui->ed, NB_MV_WORD_LEFT, 1); }
static void h_word_right(nb_ui_t *ui) { nb_ed_move(&ui->ed, NB_MV_WORD_RIGHT, 1); }
static void h_top(nb_ui_t *ui) { nb_ed_move(&ui->ed, NB_MV_TOP, 1); }
static void h_bottom(nb_ui_t *ui) { nb_ed_move(&ui->ed, NB_MV_BOTTOM, 1); }
static void h_enter(nb_ui_t *ui) { nb_ed_enter(&ui->ed); }
static void h_cancel(nb_ui_t *ui) { nb_ed_cancel(&ui->ed); }
static void h_backspace(nb_ui_t *ui) { nb_ed_backspace(&ui->ed); }
static void h_delete(nb_ui_t *ui) { nb_ed_delete(&ui->ed); }
static void h_clear(nb_ui_t *ui) { nb_ed_clear(&ui->ed); }
static void h_fill_zeros(nb_ui_t *ui) { nb_ed_fill_zeros(&ui->ed); }
static void h_save(nb_ui_t *ui) { nb_ed_save(&ui->ed); }
static void h_quit(nb_ui_t *ui) { nb_ed_quit(&ui->ed); }
static void h_interrupt(nb_ui_t *ui) { nb_ed_interrupt(&ui->ed); }
static void h_save_as(nb_ui_t *ui) { nb_ui_save_as(ui); }
static void h_reload(nb_ui_t *ui) { nb_ui_reload(ui); }
static void h_next_problem(nb_ui_t *ui) { nb_ed_next_problem(&ui->ed); }
static void h_undo(nb_ui_t *ui) { nb_ed_undo(&ui->ed); }
static void h_redo(nb_ui_t *ui) { nb_ed_redo(&ui->ed); }
static void h_add_item(nb_ui_t *ui) { nb_ed_add_item(&ui->ed); }
static void h_remove_item(nb_ui_t *ui) { nb_ed_remove_item(&ui->ed); }
static void h_external(nb_ui_t *ui) { nb_ui_external_editor(ui); }
static void h_paste(nb_ui_t *ui) { nb_ui_paste(ui); }
static void h_preview(nb_ui_t *ui) { nb_ui_preview(ui); }
static void h_export(nb_ui_t *ui) { nb_ui_export(ui); }
static void h_paste_end(nb_ui_t *ui) { (void)ui; }
static void h_resize(nb_ui_t *ui) { (void)ui; }   /* the next draw follows */

/* Sorting is the start screen's: in the editor the key only says so. */
static void
h_sort(nb_ui_t *ui)
{
	nb_ed_message(&ui->ed, 0, "{sort} 用于草稿列表：有问题的在前，或按文件名排列");
}

static void
h_pgup(nb_ui_t *ui)
{
	if (!nb_ed_move(&ui->ed, NB_MV_PGUP, page(ui)))
		nb_ed_next_section(&ui->ed, -1);
}

static void
h_pgdn(nb_ui_t *ui)
{
	if (!nb_ed_move(&ui->ed, NB_MV_PGDN, page(ui)))
		nb_ed_next_section(&ui->ed, 1);
}

static void
h_help(nb_ui_t *ui)
{
	(void)ui;
	nb_ui_help();
}

static void
h_redraw(nb_ui_t *ui)
{
	(void)ui;
	clearok(curscr, TRUE);
}


static void
h_problems(nb_ui_t *ui)
{
	long i = nb_ui_problems(ui);

	if (i >= 0)
		nb_ed_goto_finding(&ui->ed, (size_t)i);
}

static void
h_mouse(nb_ui_t *ui)
{
	MEVENT ev;
	int i;

	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & BUTTON4_PRESSED) {
		h_up(ui);
		return;
	}
#ifdef BUTTON5_PRESSED
	if (ev.bstate & BUTTON5_PRESSED) {
		h_down(ui);
		return;
	}
#endif
	if (!(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_RELEASED)))
		return;
	for (i = 0; i < ui->nhits; i++) {
		const nb_hit_t *h = &ui->hits[i];
		if (h->y != ev.y || ev.x < h->x0 || ev.x >= h->x1)
			continue;
		if (h->section >= 0)
			nb_ed_goto(&ui->ed, nb_nav_section_start(&ui->ed.nav, h->section));
		else if (h->stop >= 0)
			nb_ed_goto(&ui->ed, (size_t)h->stop);
		ui->ed.msg[0] = '\0';
		return;
	}
}

#define NB_REQ_HANDLER(id, name, edits, help) [NB_REQ_##id] = h_##name,
static void (*const handlers[NB_REQ_COUNT])(nb_ui_t *) = {
	NB_REQUESTS(NB_REQ_HANDLER)
};
#undef NB_REQ_HANDLER

void
nb_ui_handle(nb_ui_t *ui, nb_req_t req)
{
	if (req > NB_REQ_NONE && req < NB_REQ_COUNT && handlers[req])
		handlers[req](ui);
}
