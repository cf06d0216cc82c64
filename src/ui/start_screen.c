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
#include "core/import.h"
#include "core/number.h"
#include "core/settings.h"
#include "core/text.h"
#include "core/textedit.h"
#include "ui/screen.h"
#include "ui/term.h"
#include "ui/widgets.h"








/* ---- the start screen ---- */

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.yaml files of the current directory, sorted; a directory, FIFO
 * or device of that name is no draft, and would only be refused, nor is
 * the project's nianbao.yaml. */
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
		if (e->d_name[0] == '.' || !strcmp(e->d_name, NB_SETTINGS_NAME) ||
		    ((len < 6 || strcmp(e->d_name + len - 5, ".yaml")) &&
		     !nb_import_is_report(e->d_name)))
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

/* A published report in the list: chosen, it is imported into a draft. */
static char *
report_line(const char *name)
{
	char buf[1024];

	snprintf(buf, sizeof buf, "[导入] %s    已发布的报告：导入为新草稿", name);
	return strdup(buf);
}

char *
nb_ui_ask_draft_name(const char *initial)
{
	char *name = NULL;
	const char *note = NULL;
	size_t n;

	for (;;) {
		free(name);
		if (!(name = nb_ui_ask("新草稿的文件名：", initial, note)))
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

/* ---- a new draft ---- */

int
nb_ui_ask_identity(char **org, int64_t *year)
{
	char init[16], *y = NULL;
	const char *note = NULL;
	time_t now = time(NULL);

	*org = NULL;
	while (!*org || !**org) {
		free(*org);
		if (!(*org = nb_ui_ask("机关名称（如：某某县人民政府办公室）：", "", note)))
			return -1;
		note = "机关名称不能为空";
	}
	snprintf(init, sizeof init, "%d", localtime(&now)->tm_year + 1900 - 1);
	note = "统计的是哪一年，通常是上一年";
	for (;;) {
		if (!(y = nb_ui_ask("报告年度（四位数字）：", init, note))) {
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

int
nb_ui_start_screen(const char *const *dirs, const char *note, char **path,
                   int *is_new)
{
	char **files;
	size_t n = list_drafts(&files), i, sel = 0;
	const char **lines = calloc(n + 1, sizeof *lines);
	int acted;
	long k;

	*path = NULL;
	if (!lines)
		return -1;
	lines[0] = "[新建] 新建一份报告草稿";
	for (i = 0; i < n; i++)
		lines[i + 1] = nb_import_is_report(files[i]) ? report_line(files[i])
		                                             : describe_draft(dirs, files[i]);
	for (;;) {
		k = nb_ui_choose_act("年报：政府信息公开工作年度报告  选择草稿或新建", lines, n + 1,
		                     sel, note, NB_REQ_ADD_ITEM, "新建所选草稿的下一年度报告", &acted);
		note = NULL;
		if (acted && (k == 0 || nb_import_is_report(files[k - 1]))) {
			note = "请先选中一份草稿，再新建它的下一年度报告";
			sel = (size_t)k;
			continue;
		}
		if (acted || k != 0 || (*path = nb_ui_ask_draft_name("年报草稿.yaml")))
			break;
	}
	*is_new = acted ? 3 : k == 0 ? 1 : k > 0 && nb_import_is_report(files[k - 1]) ? 2 : 0;
	if (k > 0)
		*path = strdup(files[k - 1]);
	for (i = 0; i < n; i++) {
		free(files[i]);
		free((char *)lines[i + 1]);
	}
	free(files);
	free(lines);
	return *path ? 0 : -1;
}
