/* ui_export.c - the export from inside the editor: a scrollable preview of
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
#include "ui/ui.h"

static const struct {
	nb_export_format_t fmt;
	const char *ext;
	const char *name;
} formats[] = {
	{ NB_EXPORT_DOCX, ".docx", "Word 文档" },
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

/* The lines shown: paragraphs wrapped to the screen's width, table rows
 * (which start with a rule character) kept whole, for scrolling sideways. */
static nb_span_t *
screen_lines(const char *text, size_t len, int width, size_t *n)
{
	nb_span_t *v = NULL, *p, wrapped[512];
	size_t start = 0, end, k, m, cap = 0;

	*n = 0;
	while (start <= len) {
		end = start;
		while (end < len && text[end] != '\n')
			end++;
		if (end == len && start == len && len)
			break;
		m = 1;
		wrapped[0].start = 0;
		wrapped[0].end = end - start;
		if (text[start] != '+' && text[start] != '|' &&
		    (int)nb_str_width(text + start, end - start) > width) {
			char *line = strndup(text + start, end - start);
			m = line ? nb_txt_wrap(line, width, wrapped, 512) : 1;
			m = m > 512 ? 512 : m;
			free(line);
		}
		if (*n + m > cap) {
			cap = 2 * (*n + m);
			if (!(p = realloc(v, cap * sizeof *v))) {
				free(v);
				return NULL;
			}
			v = p;
		}
		for (k = 0; k < m; k++) {
			v[*n].start = start + wrapped[k].start;
			v[(*n)++].end = start + wrapped[k].end;
		}
		start = end + 1;
	}
	return v;
}

/* One line from display column `skip` on, at most COLS wide. */
static void
draw_line(int y, const char *s, size_t len, int skip)
{
	size_t i = 0, n;
	uint32_t cp;
	int w = 0;

	while (i < len && w < skip) {
		n = nb_utf8_next(s + i, len - i, &cp);
		w += nb_cp_width(cp);
		i += n;
	}
	move(y, w > skip ? 1 : 0);   /* half a wide character: start after it */
	for (w = 0; i < len; i += n) {
		n = nb_utf8_next(s + i, len - i, &cp);
		if (w + nb_cp_width(cp) > COLS - (w > skip))
			break;
		addnstr(s + i, (int)n);
		w += nb_cp_width(cp);
	}
}

static void
draw_preview(const char *text, const nb_span_t *at, size_t n, size_t top,
             int skip)
{
	int y, rows = LINES - 2;
	size_t i;
	char pos[64];

	erase();
	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	nb_ui_put(0, 1, "预览（纯文本导出）", COLS - 2, 0);
	snprintf(pos, sizeof pos, "%zu-%zu/%zu 行", top + 1,
	         top + (size_t)rows < n ? top + (size_t)rows : n, n);
	nb_ui_put(0, COLS - nb_ui_width(pos) - 1, pos, nb_ui_width(pos), 0);
	attroff(A_REVERSE);
	for (i = top, y = 1; i < n && y <= rows; i++, y++)
		draw_line(y, text + at[i].start, at[i].end - at[i].start, skip);
	attron(A_REVERSE);
	mvhline(LINES - 1, 0, ' ', COLS);
	nb_ui_put(LINES - 1, 0, "Up/Down PgUp/PgDn 滚动  Left/Right 左右移动  Esc 返回",
	          COLS, 0);
	attroff(A_REVERSE);
	refresh();
}

/* Scrolls through text until a key other than a movement. */
static void
pager(const char *text, size_t len)
{
	size_t n = 0, top = 0;
	nb_span_t *at = NULL;
	int skip = 0, page, width = 0;
	nb_req_t req;
	wint_t ch;

	for (;;) {
		if (width != COLS) {          /* first time, and after a resize */
			free(at);
			width = COLS;
			if (!(at = screen_lines(text, len, COLS - 1, &n)))
				return;
		}
		page = LINES > 4 ? LINES - 3 : 1;
		if (top + 1 > n)
			top = n ? n - 1 : 0;
		draw_preview(text, at, n, top, skip);
		if (!nb_ui_read_key(&req, &ch)) {
			if (nb_ui_input_ended())
				break;
			continue;
		}
		if (req == NB_REQ_DOWN)
			top++;
		else if (req == NB_REQ_UP)
			top = top ? top - 1 : 0;
		else if (req == NB_REQ_PGDN || (req == NB_REQ_NONE && ch == ' '))
			top += (size_t)page;
		else if (req == NB_REQ_PGUP)
			top = top > (size_t)page ? top - (size_t)page : 0;
		else if (req == NB_REQ_HOME || req == NB_REQ_TOP)
			top = 0;
		else if (req == NB_REQ_END || req == NB_REQ_BOTTOM)
			top = n > (size_t)page ? n - (size_t)page : 0;
		else if (req == NB_REQ_RIGHT)
			skip += 10;
		else if (req == NB_REQ_LEFT)
			skip = skip > 10 ? skip - 10 : 0;
		else if (req != NB_REQ_RESIZE)
			break;
	}
	free(at);
}

void
nb_ui_preview(nb_ui_t *ui)
{
	nb_error_t err = { 0 };
	nb_buf_t b;

	nb_buf_init(&b);
	if (nb_export_render(ui->ed.rep, NB_EXPORT_TXT, incomplete(ui), &b, &err) < 0)
		nb_ed_message(&ui->ed, 1, "无法生成预览：%s", err.msg);
	else if (!ui->headless)
		pager(b.data, b.len);
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
	static const char *const v[] = { "不覆盖", "覆盖这个文件" };

	return nb_ui_choose("文件已存在", v, 2, 0, path) == 1;
}

void
nb_ui_export(nb_ui_t *ui)
{
	long f;
	char *initial, *path;

	if (ui->headless)
		return;
	if ((f = choose_format(ui)) < 0) {
		nb_ed_message(&ui->ed, 0, "未导出");
		return;
	}
	if (!(initial = output_name(ui->ed.path, formats[f].ext)))
		return;
	path = nb_ui_prompt("导出到文件：", initial);
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
