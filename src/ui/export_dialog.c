/* export_dialog.c - the export from inside the editor: a scrollable preview of
 * the plain-text report, and writing it in a chosen format.
 *
 * The same rule as `nianbao export`: a report with errors or unfilled cells
 * is only written as a draft, marked 草稿, and only when the operator picks
 * that explicitly. */

#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/export.h"
#include "core/file.h"
#include "core/text.h"
#include "ui/screen.h"
#include "ui/widgets.h"

static const struct {
	nb_export_format_t fmt;
	const char *ext;
	const char *name;
} formats[] = {
	{ NB_EXPORT_DOCX, ".docx", "Word 文档" },
	{ NB_EXPORT_PDF, ".pdf", "PDF（可直接打印、发布）" },
	{ NB_EXPORT_HTML, ".html", "网页（HTML）" },
	{ NB_EXPORT_TXT, ".txt", "纯文本" },
	{ NB_EXPORT_MD, ".md", "Markdown" },
};
#define NFORMATS (sizeof formats / sizeof formats[0])

static int
incomplete(const nb_ui_t *ui)
{
	return ui->ed.findings.errors || ui->ed.findings.notes;
}

/* ---- the preview ---- */





void
nb_ui_preview(nb_ui_t *ui)
{
	nb_error_t err = { 0 };
	nb_buf_t b;

	nb_buf_init(&b);
	if (nb_export_render(ui->ed.rep, NB_EXPORT_TXT, incomplete(ui), &b, &err) < 0)
		nb_ed_message(&ui->ed, 1, "无法生成预览：%s", err.msg);
	else
		nb_ui_pager(b.data, b.len);
	nb_buf_free(&b);
}

/* ---- the export ---- */

/* DRAFT.yaml -> DRAFT.ext (malloc'd). */
static char *
output_name(const char *draft, const char *ext)
{
	size_t n = strlen(draft);
	char *out;

	if (n > 5 && !strcmp(draft + n - 5, ".yaml"))
		n -= 5;
	else if (n > 4 && !strcmp(draft + n - 4, ".yml"))
		n -= 4;
	if (!(out = malloc(n + strlen(ext) + 1)))
		return NULL;
	memcpy(out, draft, n);
	strcpy(out + n, ext);
	return out;
}

static long
choose_format(const nb_ui_t *ui)
{
	char lines[NFORMATS][96], note[200];
	const char *v[NFORMATS];
	size_t i;

	for (i = 0; i < NFORMATS; i++) {
		snprintf(lines[i], sizeof lines[i], "%s%s（%s）",
		         incomplete(ui) ? "草稿：" : "", formats[i].name, formats[i].ext);
		v[i] = lines[i];
	}
	if (incomplete(ui))
		snprintf(note, sizeof note, "报告还有 %zu 个错误、%zu 处未填写：不能导出正式报告，"
		         "只能导出标明“草稿”的版本", ui->ed.findings.errors,
		         ui->ed.findings.notes);
	else
		snprintf(note, sizeof note, "勾稽关系全部成立，可以导出正式报告");
	return nb_ui_choose("导出报告：选择格式", v, NFORMATS, 0, note);
}

/* Renders and writes; the message says how it went. */
static void
write_export(nb_ui_t *ui, nb_export_format_t fmt, const char *path)
{
	nb_error_t err = { 0 };
	nb_buf_t b;
	int dropped;

	nb_buf_init(&b);
	dropped = nb_export_render(ui->ed.rep, fmt, incomplete(ui), &b, &err);
	if (dropped < 0 || nb_file_replace(path, b.data, b.len, &err) < 0)
		nb_ed_message(&ui->ed, 1, "导出失败：%s", err.msg);
	else if (dropped > 0)
		nb_ed_message(&ui->ed, 0, "已导出到 %s%s（去掉了 %d 个不可见的控制字符）", path,
		              incomplete(ui) ? "（草稿）" : "", dropped);
	else
		nb_ed_message(&ui->ed, 0, "已导出到 %s%s", path,
		              incomplete(ui) ? "（草稿）" : "");
	nb_buf_free(&b);
}

static int
confirm_overwrite(const char *path)
{
	return nb_ui_confirm("文件已存在", "不覆盖", "覆盖这个文件", path);
}

void
nb_ui_export(nb_ui_t *ui)
{
	long f;
	char *initial, *path;

	if ((f = choose_format(ui)) < 0) {
		nb_ed_message(&ui->ed, 0, "未导出");
		return;
	}
	if (!(initial = output_name(ui->ed.path, formats[f].ext)))
		return;
	path = nb_ui_prompt("年报：导出报告", "导出到文件：", initial);
	free(initial);
	if (!path || !*path) {
		nb_ed_message(&ui->ed, 0, "未导出");
	} else if (access(path, F_OK) == 0 && !confirm_overwrite(path)) {
		nb_ed_message(&ui->ed, 0, "未导出（%s 已存在）", path);
	} else {
		write_export(ui, formats[f].fmt, path);
	}
	free(path);
}
