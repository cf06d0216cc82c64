/* session_open.c - opening a draft in the editor: last year's draft
 * beside it, its lock (another editor, a stale or garbled lock), the
 * unsaved edits of last time, the place where it was left, and what is
 * said when a signal ended the session. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/lock.h"
#include "core/places.h"
#include "core/previous.h"
#include "core/recovery.h"
#include "ui/keys.h"
#include "ui/screen.h"
#include "ui/session_impl.h"
#include "ui/term.h"
#include "ui/widgets.h"

int
nb_ui_find_previous(const nb_report_t *rep, const char *path, const char *given,
                    nb_previous_t *prev, char *note, size_t size)
{
	nb_error_t err = { 0 };

	*note = '\0';
	if (nb_previous_find(rep, path, given, prev, &err) == 0) {
		if (prev->alike)
			snprintf(note, size, "文件夹中有 %zu 份同一机关 %lld 年度的草稿，没有自动选用上年"
			         "报告（可用 --previous 指定）", prev->alike,
			         (long long)nb_report_year(rep) - 1);
		return 0;
	}
	if (prev->how == NB_PREV_GIVEN && !prev->other_format) {
		nb_ui_end();
		nb_error_print(&err, stderr);
		nb_previous_free(prev);
		return -1;
	}
	if (prev->other_format)
		snprintf(note, size, "%.100s：%.380s", prev->name ? prev->name : "", err.msg);
	else
		snprintf(note, size, "草稿记下的上年报告 %.100s 读不出（%.300s）；跨年度的勾稽关系"
		         "没有核对", prev->name ? prev->name : "", err.msg);
	nb_previous_free(prev);
	return 0;
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
int
nb_ui_lock_draft(nb_lock_t *lock, const char *path, char *note, size_t size)
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
		snprintf(note, size, "只读打开：不能修改；{save_as} 可另存为一份新草稿");
		return 1;
	}
	fputs("nianbao: 请等对方退出后再打开\n", stderr);
	return -1;
}

/* The screen for the recovery question, when the start screen did not
 * already take the terminal. */
static int
begin_screen(void)
{
	if (nb_term_active())
		return 0;
	if (nb_ui_begin() < 0)
		return -1;
	nb_ui_keys_init();
	return 0;
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
		                 "{cancel} 或 q：暂不决定，退出（未保存的修改不会丢）");
		if (k == 0 || (k == 1 && confirm_discard(ch->n)))
			return (int)k;
		if (k != 1 || nb_ui_input_ended())
			return -1;
	}
}

/* Unsaved edits a previous session left: offered back, or discarded when
 * the operator confirms it.  Every other way out keeps the recovery file
 * and returns 1: the editor is not opened. */
int
nb_ui_offer_recovery(nb_form_t *form, nb_report_t **rep, const char *path,
                     char *note, size_t size)
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
	if (begin_screen() < 0) {
		nb_changes_free(&ch);
		nb_report_free(rec);
		return 0;
	}
	choice = ask_recovery(path, &ch);
	nb_changes_free(&ch);
	if (choice == 0) {
		nb_report_free(*rep);
		*rep = rec;
		snprintf(note, size, "已恢复上次未保存的修改；检查后请按 {save} 保存");
		return 0;
	}
	nb_report_free(rec);
	if (choice < 0)
		return 1;
	nb_recovery_remove(path, &err);
	return 0;
}

/* The recovery question was left unanswered: the draft is not opened. */
int
nb_ui_leave_unanswered(nb_ui_t *ui, nb_form_t *form, nb_report_t *rep,
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

void
nb_ui_place_restore(nb_editor_t *ed, char *note, size_t size)
{
	char *file = nb_places_file(), *place = NULL;
	nb_error_t err = { 0 };

	if (!file)
		return;
	if (nb_places_get(file, ed->path, &place, &err) < 0 && !*note)
		snprintf(note, size, "读不出上次停在哪里（%.400s）：从头开始", err.msg);
	else if (place)
		nb_ed_goto_place(ed, place);
	free(place);
	free(file);
}

int
nb_ui_place_keep(const nb_editor_t *ed, char *why, size_t size)
{
	char *file = nb_places_file(), place[512];
	nb_error_t err = { 0 };
	int rc = 0;

	if (!file || nb_ed_place(ed, place, sizeof place) < 0) {
		free(file);
		return 0;           /* nowhere to keep it, or nothing to keep */
	}
	if (nb_places_put(file, ed->path, place, &err) < 0) {
		snprintf(why, size, "没能记下 %s 停在哪里（%.400s）；下次从头开始", ed->path,
		         err.msg);
		rc = -1;
	}
	free(file);
	return rc;
}

/* After a signal ended the editor: where the edits are.  The exit status
 * is 128 + the signal, as a shell reports a process a signal ended. */
int
nb_ui_ended_by_signal(const nb_editor_t *ed)
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
nb_ui_ended_broken(const nb_editor_t *ed)
{
	char *rec = nb_recovery_path(ed->path);

	if (ed->dirty && ed->changes == ed->kept && rec)
		fprintf(stderr, "nianbao: 内存不足，已退出；未保存的修改在 %s，"
		        "下次打开 %s 时可以恢复\n", rec, ed->path);
	else
		fprintf(stderr, "nianbao: 内存不足，已退出%s\n",
		        ed->dirty ? "；未保存的修改没能写进恢复文件" : "");
	free(rec);
	return 2;
}
