/* ui.c - terminal set-up, the key loop, paste, the external editor, and
 * the headless replay the benchmark drives. */

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

#include "core/lock.h"
#include "core/recovery.h"
#include "ui/ui.h"

/* The recovery file is written at most this often while the report changes,
 * and the key wait wakes up this often while a change is not yet kept: a
 * kill -9 loses at most about a second of typing. */
#define KEEP_EVERY_MS 1000

static FILE *replay;            /* keys for the benchmark, or NULL */
static FILE *null_in, *null_out;
static int active;              /* curses is up */

static void
paste_mode(int on)
{
	if (replay)
		return;
	fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
	fflush(stdout);
}

void
nb_ui_end(void)
{
	if (!active)
		return;
	active = 0;
	paste_mode(0);
	endwin();
}

static void
init_colors(nb_ui_t *ui)
{
	const char *nc = getenv("NO_COLOR");

	ui->color = has_colors() && !(nc && *nc);
	if (!ui->color)
		return;
	start_color();
	use_default_colors();
	init_pair(NB_PAIR_ERROR, COLOR_RED, -1);
	init_pair(NB_PAIR_WARN, COLOR_YELLOW, -1);
	init_pair(NB_PAIR_TOTAL, COLOR_CYAN, -1);
	init_pair(NB_PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(NB_PAIR_OK, COLOR_GREEN, -1);
}

/* A terminal that cannot move the cursor (TERM=dumb) cannot show a form. */
static int
can_address(void)
{
	char *cup = tigetstr("cup");

	return cup && cup != (char *)-1;
}

static int
start_headless(void)
{
	if (!(null_in = fopen("/dev/null", "r")) ||
	    !(null_out = fopen("/dev/null", "w")))
		return -1;
	if (!newterm("xterm-256color", null_out, null_in))
		return -1;
	/* /dev/null always reads as ready: without this, refresh would think
	 * keys are waiting and skip the drawing being measured */
	typeahead(-1);
	return 0;
}

int
nb_ui_begin(nb_ui_t *ui)
{
	const char *keys = getenv("NIANBAO_REPLAY");

	if (keys && *keys && !(replay = fopen(keys, "r")))
		return -1;
	ui->headless = replay != NULL;
	if (!getenv("ESCDELAY"))
		set_escdelay(25);
	if (!replay)
		nb_ui_signals_save_modes();
	/* newterm, not initscr: on a terminal curses cannot drive it returns
	 * NULL (initscr would exit with an English message) */
	if (replay ? start_headless() < 0 : !newterm(NULL, stdout, stdin))
		return -1;
	if (!replay && !can_address()) {
		endwin();
		return -1;
	}
	active = 1;
	nb_ui_signals_catch(!replay);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	init_colors(ui);
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
	          | BUTTON5_PRESSED
#endif
	          , NULL);
	mouseinterval(0);
	nb_ui_keys_init();
	paste_mode(1);
	return 0;
}

/* The next key of the replay file: lines "c CODE" (a character) or
 * "k CODE" (a curses key code). */
static int
replay_key(wint_t *ch, int *is_key)
{
	char kind;
	unsigned long code;

	if (fscanf(replay, " %c %lu", &kind, &code) != 2)
		return 0;
	*ch = (wint_t)code;
	*is_key = kind == 'k';
	return 1;
}

/* ncurses learns of a resize from SIGWINCH, and two resizes in quick
 * succession can leave it with the size before last: then every line it
 * draws wraps and scrolls the real screen.  Asking the terminal before
 * each redraw costs one ioctl.  LINES/COLUMNS in the environment fix the
 * size on purpose, so they are left alone. */
static void
sync_size(void)
{
	struct winsize ws;

	if (getenv("LINES") || getenv("COLUMNS"))
		return;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0 && (ws.ws_row != LINES || ws.ws_col != COLS))
		resizeterm(ws.ws_row, ws.ws_col);
}

static long
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static int input_ended;         /* the replay is over, or the terminal gone */

static int
is_blocking(void)
{
	return wgetdelay(stdscr) < 0;
}

int
nb_ui_input_ended(void)
{
	return input_ended;
}

int
nb_ui_read_key(nb_req_t *req, wint_t *ch)
{
	static int errors;
	int rc, is_key;

	if (nb_ui_signalled()) {
		input_ended = 1;
		return 0;
	}
	if (replay) {
		if (!replay_key(ch, &is_key)) {
			input_ended = 1;
			return 0;
		}
	} else {
		rc = get_wch(ch);
		if (rc == ERR && nb_ui_signalled())
			input_ended = 1;
		if (rc == ERR) {
			/* a blocking read fails again and again only when the
			 * terminal has gone (end of file, hang-up not signalled) */
			if (++errors > 100 && is_blocking())
				input_ended = 1;
			return 0;
		}
		errors = 0;
		is_key = rc == KEY_CODE_YES;
	}
	*req = nb_ui_bind(is_key, *ch);
	if (*req == NB_REQ_NONE && is_key)
		return 0;       /* a key nothing is bound to */
	return 1;
}

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
	       !input_ended) {
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

static int
run_editor(const char *path)
{
	const char *ed = getenv("VISUAL");
	struct sigaction old[2];
	char cmd[1024];
	pid_t pid;
	int status, rc;

	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = "vi";
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

	if (ui->headless || nb_ed_stop(&ui->ed)->kind == NB_STOP_NUM) {
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
	def_prog_mode();
	paste_mode(0);
	endwin();
	rc = run_editor(path);
	reset_prog_mode();
	paste_mode(1);
	clearok(curscr, TRUE);
	back = rc == 0 ? read_file(path) : NULL;
	unlink(path);
	if (back)
		nb_ed_replace_text(&ui->ed, back);
	else
		nb_ed_message(&ui->ed, 1, "外部编辑器没有正常结束，文字未改变");
	free(back);
}

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
		if (!replay)
			sync_size();
		nb_ui_draw(ui);
		if (!keys && replay) {
			first = cpu_ms();
			start = first;
		}
		if (!replay)
			timeout(ui->ed.changes != ui->ed.kept ? KEEP_EVERY_MS : -1);
		if (!nb_ui_read_key(&req, &ch)) {
			if (input_ended)
				break;
			nb_ed_keep(&ui->ed, now_ms(), KEEP_EVERY_MS);
			continue;
		}
		keys++;
		if (ui->ed.ask != NB_ASK_NONE)
			answer(ui, req, ch);
		else if (nb_ui_key_paused(req))
			continue;
		else if (ui->ed.readonly && nb_ui_req_edits(req))
			nb_ed_message(&ui->ed, 1, "只读打开：不能修改；F3 可另存为一份新草稿");
		else if (req == NB_REQ_NONE)
			nb_ed_type(&ui->ed, (wchar_t)ch);
		else
			nb_ui_handle(ui, req);
		nb_ed_keep(&ui->ed, now_ms(), KEEP_EVERY_MS);
	}
	if (replay)
		report_bench(first, start, keys);
	else if (input_ended && ui->ed.dirty)       /* keep what was typed */
		nb_ed_keep(&ui->ed, now_ms(), 0);
}

/* Asks a yes/no question on the terminal, before the screen is taken
 * over.  No terminal: no. */
static int
ask_yes(const char *question)
{
	char line[16];

	if (!isatty(0) || !isatty(2))
		return 0;
	fputs(question, stderr);
	fflush(stderr);
	return fgets(line, sizeof line, stdin) && (line[0] == 'y' || line[0] == 'Y');
}

/* Says, before asking, whose lock stands in the way and what taking it
 * over risks; 1 when the operator takes it over. */
static int
ask_take_over(nb_lock_status_t st, const nb_lock_owner_t *other,
              const char *path)
{
	char *lockfile = nb_lock_path(path);
	nb_buf_t who;

	nb_buf_init(&who);
	nb_lock_describe(other, &who);
	if (st == NB_LOCK_UNKNOWN)
		fprintf(stderr, "nianbao: %s 的锁文件 %s %s，看不出是谁在编辑。\n", path,
		        lockfile ? lockfile : "", other->problem);
	else if (st == NB_LOCK_REUSED)
		fprintf(stderr, "nianbao: %s 的锁文件 %s 是 %s 留下的，但进程号 %ld 现在属于"
		        "一个后来启动的程序：原来的编辑器多半已经退出。\n", path,
		        lockfile ? lockfile : "", who.data ? who.data : "", other->pid);
	else
		fprintf(stderr, "nianbao: %s 正由 %s 在另一台电脑上编辑（锁文件 %s）。\n"
		        "从这里看不出那边的编辑器是否还开着；如果还开着，两边保存时会"
		        "互相覆盖对方的修改。\n", path, who.data ? who.data : "",
		        lockfile ? lockfile : "");
	nb_buf_free(&who);
	free(lockfile);
	return ask_yes(st == NB_LOCK_FOREIGN ? "确定那边已不在编辑，接管这份草稿吗？[y/N] "
	                                     : "接管这份草稿吗（删除这个锁文件）？[y/N] ");
}

/* The note after a lock was taken over. */
static void
taken_over(const char *path, nb_lock_status_t st, char *note, size_t size)
{
	char *lockfile = nb_lock_path(path);

	snprintf(note, size, "%s；已接管这份草稿（锁文件 %s）",
	         st == NB_LOCK_STALE ? "上次编辑没有正常结束" : "已按你的确认",
	         lockfile ? lockfile : "");
	free(lockfile);
}

/* One editor per draft.  Returns 0 with the lock held, 1 when the
 * operator chose to look read-only at a draft another editor holds, -1
 * (after saying why) when it is not opened. */
static int
lock_draft(nb_lock_t *lock, const char *path, char *note, size_t size)
{
	nb_lock_owner_t other;
	nb_error_t err = { 0 };
	nb_lock_status_t st;
	nb_buf_t who;

	memset(lock, 0, sizeof *lock);
	switch ((st = nb_lock_acquire(lock, path, &other, &err))) {
	case NB_LOCK_OK:
		return 0;
	case NB_LOCK_FOREIGN:
	case NB_LOCK_UNKNOWN:
	case NB_LOCK_REUSED:
		nb_ui_end();
		if (!ask_take_over(st, &other, path))
			break;
		/* fall through */
	case NB_LOCK_STALE:
		if (nb_lock_take_over(lock, path, &other, NULL, &err) == NB_LOCK_OK) {
			taken_over(path, st, note, size);
			return 0;
		}
		/* someone else was quicker */
		/* fall through */
	case NB_LOCK_BUSY:
		nb_ui_end();
		nb_buf_init(&who);
		nb_lock_describe(&other, &who);
		fprintf(stderr, "nianbao: %s 正由 %s 编辑\n", path,
		        who.data ? who.data : "另一个编辑器");
		nb_buf_free(&who);
		break;
	default:
		snprintf(note, size, "无法给草稿加锁（%.300s）；请注意不要同时在别处编辑", err.msg);
		return 0;
	}
	if (ask_yes("以只读方式打开吗？（可以查看、预览、导出和另存为）[y/N] ")) {
		snprintf(note, size, "只读打开：不能修改；F3 可另存为一份新草稿");
		return 1;
	}
	fputs("nianbao: 请等对方退出后再打开\n", stderr);
	return -1;
}

/* Discarding cannot be undone: asked again, with the number of changes. */
static int
confirm_discard(size_t n)
{
	char title[160], discard[160];
	const char *lines[2];

	snprintf(title, sizeof title, "确定丢弃这 %zu 处未保存的修改吗？丢弃后无法找回", n);
	snprintf(discard, sizeof discard, "丢弃这 %zu 处修改，打开磁盘上保存的草稿", n);
	lines[0] = "不丢弃，返回上一步";
	lines[1] = discard;
	return nb_ui_choose(title, lines, 2, 0, NULL) == 1;
}

/* 0 restore, 1 discard (confirmed), -1 neither for now. */
static int
ask_recovery(const char *path, const nb_changes_t *ch)
{
	static const char *const choices[] = {
		"恢复上次未保存的修改",
		"丢弃未保存的修改，打开磁盘上保存的草稿",
		"暂不决定：退出，未保存的修改留到下次打开时再选",
	};
	char title[256];
	long k;

	snprintf(title, sizeof title, "%s 有上次未保存的修改（%zu 处，如：%s）", path,
	         ch->n, ch->v[0].name);
	for (;;) {
		k = nb_ui_choose(title, choices, 3, 0,
		                 "Esc 或 q：暂不决定，退出（未保存的修改不会丢）");
		if (k == 0 || (k == 1 && confirm_discard(ch->n)))
			return (int)k;
		if (k != 1 || nb_ui_input_ended())
			return -1;
	}
}

/* Unsaved edits a previous session left: offered back, or discarded when
 * the operator confirms it.  Every other way out keeps the recovery file
 * and returns 1: the editor is not opened. */
static int
offer_recovery(nb_ui_t *ui, nb_form_t *form, nb_report_t **rep,
               const char *path, char *note, size_t size)
{
	nb_report_t *rec = NULL;
	nb_changes_t ch = { 0 };
	nb_error_t err = { 0 };
	int choice;

	if (getenv("NIANBAO_REPLAY") || !nb_recovery_pending(path) ||
	    nb_recovery_load(form, path, &rec, &err) < 0)
		return 0;
	if (nb_recovery_diff(*rep, rec, &ch) < 0 || !ch.n) {
		nb_changes_free(&ch);
		nb_report_free(rec);
		nb_recovery_remove(path, &err);
		return 0;
	}
	if (!active && nb_ui_begin(ui) < 0) {
		nb_changes_free(&ch);
		nb_report_free(rec);
		return 0;
	}
	choice = ask_recovery(path, &ch);
	nb_changes_free(&ch);
	if (choice == 0) {
		nb_report_free(*rep);
		*rep = rec;
		snprintf(note, size, "已恢复上次未保存的修改；检查后请按 Ctrl-S 保存");
		return 0;
	}
	nb_report_free(rec);
	if (choice < 0)
		return 1;
	nb_recovery_remove(path, &err);
	return 0;
}

/* The recovery question was left unanswered: the draft is not opened. */
static int
leave_unanswered(nb_ui_t *ui, nb_form_t *form, nb_report_t *rep,
                 const char *path)
{
	nb_error_t err = { 0 };
	char *rec = nb_recovery_path(path);
	int sig = nb_ui_signalled();

	nb_ui_end();
	fprintf(stderr, "nianbao: 未保存的修改仍在 %s；下次打开 %s 时再选择恢复或丢弃\n",
	        rec ? rec : "恢复文件", path);
	free(rec);
	nb_lock_release(&ui->lock, &err);
	nb_report_free(rep);
	nb_form_free(form);
	free(ui);
	return sig ? 128 + sig : 0;
}

/* After a signal ended the editor: where the edits are.  The exit status
 * is 128 + the signal, as a shell reports a process a signal ended. */
static int
ended_by_signal(const nb_editor_t *ed)
{
	int sig = nb_ui_signalled();
	const char *name = nb_ui_signal_name(sig);
	char *rec;

	if (!sig)
		return 0;
	if (!ed->dirty || ed->readonly)
		fprintf(stderr, "nianbao: 收到 %s，已退出（没有未保存的修改）\n", name);
	else if (ed->changes == ed->kept && (rec = nb_recovery_path(ed->path))) {
		fprintf(stderr, "nianbao: 收到 %s，已退出；未保存的修改在 %s，"
		        "下次打开 %s 时可以恢复\n", name, rec, ed->path);
		free(rec);
	} else {
		fprintf(stderr, "nianbao: 收到 %s，已退出；未保存的修改没能写进恢复文件\n",
		        name);
	}
	return 128 + sig;
}

int
nb_ui_edit(nb_form_t *form, nb_report_t *rep, const char *path)
{
	nb_ui_t *ui = calloc(1, sizeof *ui);
	nb_error_t err = { 0 };
	char note[512] = "";
	int recovered, readonly = 0, rc;
	nb_report_t *orig = rep;

	if (!ui || (readonly = lock_draft(&ui->lock, path, note, sizeof note)) < 0) {
		if (!ui)
			fputs("nianbao: 内存不足\n", stderr);
		nb_report_free(rep);
		nb_form_free(form);
		free(ui);
		return 2;
	}
	/* the recovery file belongs to whoever holds the lock */
	if (!readonly && offer_recovery(ui, form, &rep, path, note, sizeof note))
		return leave_unanswered(ui, form, rep, path);
	recovered = rep != orig;
	if (nb_ed_open(&ui->ed, form, rep, path) < 0) {
		nb_ed_close(&ui->ed);   /* frees what was built, form and rep too */
		fputs("nianbao: 内存不足\n", stderr);
		nb_lock_release(&ui->lock, &err);
		free(ui);
		return 2;
	}
	if (!active && nb_ui_begin(ui) < 0) {
		nb_ui_end();
		fputs("nianbao: 无法初始化终端（请检查 TERM）\n", stderr);
		nb_lock_release(&ui->lock, &err);
		nb_ed_close(&ui->ed);
		free(ui);
		return 2;
	}
	ui->color = has_colors() && !(getenv("NO_COLOR") && *getenv("NO_COLOR"));
	ui->headless = replay != NULL;
	ui->ed.dirty = recovered;
	ui->ed.readonly = readonly;
	if (note[0])
		nb_ed_message(&ui->ed, 0, "%s", note);
	loop(ui);
	nb_ui_end();
	rc = ended_by_signal(&ui->ed);
	nb_lock_release(&ui->lock, &err);
	nb_ed_close(&ui->ed);
	free(ui);
	if (replay)
		fclose(replay);
	return rc;
}
