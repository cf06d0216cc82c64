/* ui_start.c - `nianbao [FILE]`: the start screen listing the drafts of
 * the current directory, the questions for a new draft, and opening the
 * editor. */

#include "config.h"

#include <curses.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/draft.h"
#include "core/number.h"
#include "core/text.h"
#include "core/textedit.h"
#include "ui/ui.h"
#include "ui/ui_body.h"


/* ---- one line of input ---- */

static void
draw_prompt(const char *question, const nb_text_t *t, const char *note)
{
	int y = LINES / 2 - 1, x = 4, w = COLS - 8, cx;
	size_t from = 0;

	if (nb_ui_too_small()) {
		nb_ui_draw_too_small(NULL);
		return;
	}
	erase();
	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	nb_ui_put(0, 1, "年报：新建报告草稿", COLS - 2, 0);
	attroff(A_REVERSE);
	attron(A_BOLD);
	nb_ui_put(y, x, question, w, 0);
	attroff(A_BOLD);
	cx = nb_wcswidth(t->s, t->cur);
	while (cx - nb_wcswidth(t->s, from) >= w - 1 && from < t->cur)
		from++;
	attron(A_UNDERLINE);
	mvhline(y + 1, x, ' ', w);
	nb_ui_putw(y + 1, x, t->s + from, t->len - from, w, 0);
	attroff(A_UNDERLINE);
	if (note)
		nb_ui_put(y + 3, x, note, w, 0);
	nb_ui_put(LINES - 1, 0, "Enter 确定   Esc 取消", COLS, 0);
	move(y + 1, x + cx - nb_wcswidth(t->s, from));
	refresh();
}

static int
prompt_key(nb_text_t *t, nb_req_t req, wint_t ch)
{
	wchar_t c = (wchar_t)ch;

	switch (req) {
	case NB_REQ_NONE:
		if (ch >= 0x20 && ch != 0x7f)
			nb_text_insert(t, &c, 1);
		return 0;
	case NB_REQ_BACKSPACE: nb_text_backspace(t); return 0;
	case NB_REQ_DELETE: nb_text_delete(t); return 0;
	case NB_REQ_LEFT: nb_text_left(t); return 0;
	case NB_REQ_RIGHT: nb_text_right(t); return 0;
	case NB_REQ_HOME: nb_text_start(t); return 0;
	case NB_REQ_END: nb_text_end(t); return 0;
	case NB_REQ_ENTER: case NB_REQ_NEXT: return 1;
	case NB_REQ_CANCEL: case NB_REQ_QUIT: return -1;
	default: return 0;
	}
}

static char *
ask(const char *question, const char *initial, const char *note)
{
	nb_text_t t;
	nb_req_t req;
	wint_t ch;
	int rc = 0;
	char *answer = NULL;

	nb_text_init(&t);
	nb_text_set(&t, initial ? initial : "");
	while (rc == 0) {
		draw_prompt(question, &t, note);
		if (nb_ui_read_key(&req, &ch) && !nb_ui_key_paused(req))
			rc = prompt_key(&t, req, ch);
		else if (nb_ui_input_ended())
			rc = -1;
	}
	if (rc > 0)
		answer = nb_text_get(&t);
	nb_text_free(&t);
	return answer;
}

char *
nb_ui_prompt(const char *question, const char *initial)
{
	return ask(question, initial, NULL);
}

/* ---- a new draft ---- */

static int
ask_org_year(char **org, int64_t *year)
{
	char init[16], *y = NULL;
	const char *note = NULL;
	time_t now = time(NULL);

	*org = NULL;
	while (!*org || !**org) {
		free(*org);
		if (!(*org = ask("机关名称（如：某某县人民政府办公室）：", "", note)))
			return -1;
		note = "机关名称不能为空";
	}
	snprintf(init, sizeof init, "%d", localtime(&now)->tm_year + 1900 - 1);
	note = "统计的是哪一年，通常是上一年";
	for (;;) {
		if (!(y = ask("报告年度（四位数字）：", init, note))) {
			free(*org);
			return -1;
		}
		if (nb_count_parse(y, year) == NB_NUM_OK && *year >= 1900 && *year <= 2999)
			break;
		snprintf(init, sizeof init, "%.15s", y);
		free(y);
		note = "年度应为四位数字，例如 2024";
	}
	free(y);
	return 0;
}

/* Asks for 机关名称 and 年度, writes the new draft to path and edits it. */
static int
create_and_edit(const char *const *dirs, const char *path)
{
	nb_form_t *form;
	nb_report_t *rep;
	nb_error_t err = { 0 };
	char *org;
	int64_t year;

	if (ask_org_year(&org, &year) < 0) {
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
	return nb_ui_edit(form, rep, path);
}

/* ---- the start screen ---- */

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.yaml files of the current directory, sorted; a directory, FIFO
 * or device of that name is no draft, and would only be refused. */
static size_t
list_drafts(char ***out)
{
	DIR *d = opendir(".");
	struct dirent *e;
	struct stat st;
	char **v = NULL, **t;
	size_t n = 0, len;

	while (d && (e = readdir(d))) {
		len = strlen(e->d_name);
		if (len < 6 || strcmp(e->d_name + len - 5, ".yaml") || e->d_name[0] == '.')
			continue;
		if (stat(e->d_name, &st) < 0 || !S_ISREG(st.st_mode))
			continue;
		if (!(t = realloc(v, (n + 1) * sizeof *v)))
			break;
		v = t;
		if ((v[n] = strdup(e->d_name)))
			n++;
	}
	if (d)
		closedir(d);
	if (n)
		qsort(v, n, sizeof *v, by_name);
	*out = v;
	return n;
}

static char *
describe_draft(const char *const *dirs, const char *name)
{
	nb_form_t *form;
	nb_report_t *rep;
	nb_error_t err = { 0 };
	char buf[2048];

	if (nb_draft_open(name, dirs, &form, &rep, &err) < 0) {
		snprintf(buf, sizeof buf, "%s    （无法读取：%s）", name, err.msg);
		return strdup(buf);
	}
	snprintf(buf, sizeof buf, "%s    %s  %lld年度", name, nb_report_org(rep),
	         (long long)nb_report_year(rep));
	nb_report_free(rep);
	nb_form_free(form);
	return strdup(buf);
}

static char *
new_file_name(void)
{
	char *name = NULL;
	const char *note = NULL;
	size_t n;

	for (;;) {
		free(name);
		if (!(name = ask("新草稿的文件名：", "年报草稿.yaml", note)))
			return NULL;
		n = strlen(name);
		if (n < 6 || strcmp(name + n - 5, ".yaml"))
			note = "文件名应以 .yaml 结尾";
		else if (access(name, F_OK) == 0)
			note = "这个文件已经存在，请换一个名字（或在列表中直接打开它）";
		else
			return name;
	}
}

static int
start_screen(const char *const *dirs)
{
	char **files, *name, *note = NULL;
	size_t n = list_drafts(&files), i;
	const char **lines = calloc(n + 1, sizeof *lines);
	nb_form_t *form;
	nb_report_t *rep;
	nb_error_t err;
	long k;
	int rc = 0;

	if (!lines)
		return 2;
	lines[0] = "[新建] 新建一份报告草稿";
	for (i = 0; i < n; i++)
		lines[i + 1] = describe_draft(dirs, files[i]);
	for (;;) {
		k = nb_ui_choose("年报：政府信息公开工作年度报告  选择草稿或新建", lines, n + 1, 0, note);
		free(note);
		note = NULL;
		if (k < 0) {
			nb_ui_end();
			break;
		}
		if (k == 0) {
			if (!(name = new_file_name()))
				continue;
			rc = create_and_edit(dirs, name);
			free(name);
			break;
		}
		memset(&err, 0, sizeof err);
		if (nb_draft_open(files[k - 1], dirs, &form, &rep, &err) == 0) {
			rc = nb_ui_edit(form, rep, files[k - 1]);
			break;
		}
		note = strdup(err.msg);
	}
	for (i = 0; i < n; i++) {
		free(files[i]);
		free((char *)lines[i + 1]);
	}
	free(files);
	free(lines);
	return rc;
}

int
nb_ui_start(const char *const *dirs, const char *path)
{
	static nb_ui_t ui;
	nb_form_t *form;
	nb_report_t *rep;
	nb_error_t err = { 0 };
	int rc;

	if ((rc = nb_ui_check_terminal()) != 0)
		return rc;
	if (path && access(path, F_OK) == 0) {
		if (nb_draft_open(path, dirs, &form, &rep, &err) < 0) {
			nb_error_print(&err, stderr);
			return 2;
		}
		return nb_ui_edit(form, rep, path);
	}
	if (nb_ui_begin(&ui) < 0) {
		fputs("nianbao: 无法初始化终端（请检查 TERM）\n", stderr);
		return 2;
	}
	if (path)
		return create_and_edit(dirs, path);
	return start_screen(dirs);
}
