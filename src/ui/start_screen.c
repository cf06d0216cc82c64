/* start_screen.c - `nianbao` without a file: the drafts of the current
 * directory with their state (draft_state.h), the published reports to
 * import and 新建; the name of a new draft and whose report it is. */

#include "config.h"

#include <curses.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/draft_name.h"
#include "core/draft_state.h"
#include "core/import.h"
#include "core/number.h"
#include "core/walk.h"
#include "ui/paint.h"
#include "ui/screen.h"
#include "ui/term.h"
#include "ui/widgets.h"

/* The fixed columns of a draft's row: 年度, 状态, 修改时间; two blanks
 * between columns. */
#define YEAR_W 4
#define STATE_W 10
#define TIME_W 16
#define GAP 2

typedef enum { ROW_NEW, ROW_DRAFT, ROW_REPORT } row_kind_t;

typedef struct {
	row_kind_t kind;
	char *name;             /* the file (owned); NULL for 新建 */
	nb_draft_state_t st;    /* drafts */
} row_t;

typedef struct {
	row_t *v;
	size_t n, cap;
	int cols;               /* the screen's width the columns are for */
	int org_w, file_w;      /* the columns of 机关 and 文件 */
} rows_t;

/* ---- the rows ---- */

static int
add_row(rows_t *r, row_kind_t kind, const char *name)
{
	row_t *v;

	if (r->n == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 16;
		if (!(v = realloc(r->v, cap * sizeof *v)))
			return -1;
		r->v = v;
		r->cap = cap;
	}
	memset(&r->v[r->n], 0, sizeof r->v[r->n]);
	r->v[r->n].kind = kind;
	if (name && !(r->v[r->n].name = strdup(name)))
		return -1;
	r->n++;
	return 0;
}

static void
rows_free(rows_t *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->v[i].name);
		nb_draft_state_free(&r->v[i].st);
	}
	free(r->v);
	memset(r, 0, sizeof *r);
}

/* The states of the drafts among the rows, taken all at once: each
 * draft is read once, also as another's last year's. */
static int
read_states(rows_t *r, const char *const *dirs)
{
	const char **paths = malloc(r->n * sizeof *paths);
	nb_draft_state_t *st = calloc(r->n, sizeof *st);
	size_t i, n = 0;
	int rc = -1;

	if (paths && st) {
		for (i = 0; i < r->n; i++)
			if (r->v[i].kind == ROW_DRAFT)
				paths[n++] = r->v[i].name;
		rc = nb_draft_states(paths, n, dirs, st);
		for (i = 0, n = 0; i < r->n; i++)
			if (r->v[i].kind == ROW_DRAFT)
				r->v[i].st = st[n++];   /* the row's now, even after a failure */
	}
	free(paths);
	free(st);
	return rc;
}

/* 新建, then the drafts and the published reports of the current
 * directory, each draft with its state; a directory, FIFO or device of
 * such a name is neither, and is left out. */
static int
read_rows(rows_t *r, const char *const *dirs)
{
	DIR *d = opendir(".");
	struct dirent *e;
	struct stat st;
	int draft, rc = add_row(r, ROW_NEW, NULL);

	while (rc == 0 && d && (e = readdir(d))) {
		draft = nb_walk_is_draft_name(e->d_name);
		if ((!draft && (e->d_name[0] == '.' || !nb_import_is_report(e->d_name))) ||
		    stat(e->d_name, &st) < 0 || !S_ISREG(st.st_mode))
			continue;
		rc = add_row(r, draft ? ROW_DRAFT : ROW_REPORT, e->d_name);
	}
	if (d)
		closedir(d);
	return rc < 0 ? -1 : read_states(r, dirs);
}

/* How much a row asks for attention: the nearer the top when problems
 * come first.  新建 stays first, the reports last. */
typedef enum {
	RANK_NEW, RANK_UNREADABLE, RANK_ERRORS, RANK_UNFILLED, RANK_DONE, RANK_REPORT,
	NRANKS
} rank_t;

static rank_t
rank(const row_t *row)
{
	if (row->kind != ROW_DRAFT)
		return row->kind == ROW_NEW ? RANK_NEW : RANK_REPORT;
	if (!row->st.readable)
		return RANK_UNREADABLE;
	return row->st.state == NB_SEC_ERRORS ? RANK_ERRORS
	       : row->st.state == NB_SEC_UNFILLED ? RANK_UNFILLED : RANK_DONE;
}

static int
by_problems(const void *a, const void *b)
{
	const row_t *x = a, *y = b;
	int d = (int)rank(x) - (int)rank(y);

	return d ? d : strcmp(x->name, y->name);
}

static int
by_name(const void *a, const void *b)
{
	const row_t *x = a, *y = b;
	int kx = x->kind == ROW_REPORT, ky = y->kind == ROW_REPORT;

	return kx != ky ? kx - ky : strcmp(x->name, y->name);
}

static void
sort_rows(rows_t *r, int names)
{
	if (r->n > 2)
		qsort(r->v + 1, r->n - 1, sizeof *r->v, names ? by_name : by_problems);
}

static size_t
row_of(const rows_t *r, const char *name)
{
	size_t i;

	for (i = 1; name && i < r->n; i++)
		if (!strcmp(r->v[i].name, name))
			return i;
	return 0;
}

static int
has_problems(const row_t *row)
{
	return row->kind == ROW_DRAFT && row->st.readable && row->st.state != NB_SEC_DONE;
}

/* The next draft with problems after the row `after`, wrapping round
 * (to `after` itself last); 0 when there is none. */
static size_t
next_with_problems(const rows_t *r, size_t after)
{
	size_t k, i;

	for (k = 1; k < r->n; k++) {
		i = (after + k) % r->n;
		if (has_problems(&r->v[i]))
			return i;
	}
	return has_problems(&r->v[after]) ? after : 0;
}

/* ---- the columns ---- */

/* 机关 and 文件 share what the fixed columns leave: each its widest when
 * both fit, else the narrower its own and the wider the rest, else
 * half each. */
static void
fit_columns(rows_t *r)
{
	int room = COLS - 3 - (YEAR_W + STATE_W + TIME_W + 4 * GAP), org = 4, file = 4;
	int half = room / 2, w;
	size_t i;

	for (i = 1; i < r->n; i++) {
		if (r->v[i].kind != ROW_DRAFT)
			continue;
		if (r->v[i].st.org && (w = nb_ui_width(r->v[i].st.org)) > org)
			org = w;
		if ((w = nb_ui_width(r->v[i].name)) > file)
			file = w;
	}
	if (org + file > room) {
		if (org <= half)
			file = room - org;
		else if (file <= half)
			org = room - file;
		else {
			org = half;
			file = room - half;
		}
	}
	r->org_w = org;
	r->file_w = file;
	r->cols = COLS;
}

static int
x_year(const rows_t *r) { return 2 + r->org_w + GAP; }
static int
x_state(const rows_t *r) { return x_year(r) + YEAR_W + GAP; }
static int
x_time(const rows_t *r) { return x_state(r) + STATE_W + GAP; }
static int
x_file(const rows_t *r) { return x_time(r) + TIME_W + GAP; }

/* The line over the rows, the columns laid out again for a screen of
 * another width. */
static void
draw_header(rows_t *r, int y)
{
	if (r->cols != COLS)
		fit_columns(r);
	nb_ui_put(y, 2, "机关", r->org_w, 0);
	nb_ui_put(y, x_year(r), "年度", YEAR_W, 0);
	nb_ui_put(y, x_state(r), "状态", STATE_W, 0);
	nb_ui_put(y, x_time(r), "修改时间", TIME_W, 0);
	nb_ui_put(y, x_file(r), "文件", r->file_w, 0);
}

/* ---- drawing a row ---- */

/* Why a draft cannot be read, short, in the place of 机关 and 年度: the
 * line, and the message up to its first colon (the rest is said when it
 * is chosen). */
static void
short_error(const nb_error_t *err, char *buf, size_t size)
{
	const char *colon = strstr(err->msg, "：");
	int n = colon ? (int)(colon - err->msg) : (int)strlen(err->msg);

	if (err->line)
		snprintf(buf, size, "第%d行：%.*s", err->line, n, err->msg);
	else
		snprintf(buf, size, "%.*s", n, err->msg);
}

static void
draw_state(const rows_t *r, const row_t *row, int y, int selected)
{
	char words[64];
	int attr = 0;

	if (row->st.readable)
		nb_ed_state_words(row->st.errors, row->st.unfilled, words, sizeof words);
	else
		snprintf(words, sizeof words, "无法读取");
	if (!selected && (!row->st.readable || row->st.state == NB_SEC_ERRORS))
		attr = nb_ui_attr(NB_PAIR_ERROR, A_BOLD);
	else if (!selected && row->st.state == NB_SEC_DONE)
		attr = nb_ui_attr(NB_PAIR_OK, 0);
	attron(attr);
	nb_ui_put(y, x_state(r), words, STATE_W, 0);
	attroff(attr);
}

static void
draw_draft(const rows_t *r, const row_t *row, int y, int selected)
{
	char text[1200], year[16];
	struct tm tm;

	if (!row->st.readable) {
		short_error(&row->st.err, text, sizeof text);
		nb_ui_put(y, 2, text, x_state(r) - 2 - GAP, 0);
	} else {
		nb_ui_put(y, 2, row->st.org, r->org_w, 0);
		snprintf(year, sizeof year, "%lld", (long long)row->st.year);
		nb_ui_put(y, x_year(r), row->st.year ? year : "", YEAR_W, 0);
	}
	draw_state(r, row, y, selected);
	if (row->st.mtime && localtime_r(&row->st.mtime, &tm) &&
	    strftime(text, sizeof text, "%Y-%m-%d %H:%M", &tm))
		nb_ui_put(y, x_time(r), text, TIME_W, 0);
	nb_ui_put_mid(y, x_file(r), row->name, r->file_w);
}

static void
draw_row(int y, size_t i, int selected, void *ctx)
{
	rows_t *r = ctx;
	const row_t *row = i == NB_UI_HEADER ? NULL : &r->v[i];
	char text[1024];

	if (!row) {
		draw_header(r, y);
	} else if (row->kind == ROW_NEW) {
		nb_ui_put(y, 2, "[新建] 新建一份报告草稿", COLS - 3, 0);
	} else if (row->kind == ROW_REPORT) {
		snprintf(text, sizeof text, "[导入] %s    已发布的报告：导入为新草稿", row->name);
		nb_ui_put(y, 2, text, COLS - 3, 0);
	} else {
		draw_draft(r, row, y, selected);
	}
}

/* ---- the screen ---- */

/* Under the list when nothing else is said: how the drafts stand. */
static void
summary(const rows_t *r, char *buf, size_t size)
{
	size_t i, n = 0, count[NRANKS] = { 0 };
	int len;

	for (i = 1; i < r->n; i++)
		if (r->v[i].kind == ROW_DRAFT) {
			n++;
			count[rank(&r->v[i])]++;
		}
	if (!n) {
		snprintf(buf, size, "当前文件夹中还没有草稿");
		return;
	}
	len = snprintf(buf, size, "%zu 份草稿：完成 %zu，有错 %zu，未填完 %zu", n,
	               count[RANK_DONE], count[RANK_ERRORS], count[RANK_UNFILLED]);
	if (count[RANK_UNREADABLE] && len > 0 && (size_t)len < size)
		snprintf(buf + len, size - (size_t)len, "，无法读取 %zu", count[RANK_UNREADABLE]);
}

/* The note a draft that cannot be read gets when it is chosen. */
static void
unreadable_note(const row_t *row, char *buf, size_t size)
{
	const nb_error_t *e = &row->st.err;

	if (e->line)
		snprintf(buf, size, "无法打开 %s（第 %d 行第 %d 列）：%s", row->name, e->line,
		         e->col, e->msg);
	else
		snprintf(buf, size, "无法打开 %s：%s", row->name, e->msg);
}

/* What a request chose on row i; NB_START_STAY with a note (into note
 * of `size`) when it cannot be done there. */
static nb_start_choice_t
choice_of(const rows_t *r, nb_req_t req, size_t i, char *note, size_t size)
{
	const row_t *row = &r->v[i];

	if (req == NB_REQ_ADD_ITEM && row->kind != ROW_DRAFT) {
		snprintf(note, size, "请先选中一份草稿，再新建它的下一年度报告");
		return NB_START_STAY;
	}
	if (row->kind == ROW_DRAFT && !row->st.readable) {
		unreadable_note(row, note, size);
		return NB_START_STAY;
	}
	if (req == NB_REQ_ADD_ITEM)
		return NB_START_NEXT_YEAR;
	return row->kind == ROW_NEW ? NB_START_NEW : row->kind == ROW_REPORT
	       ? NB_START_IMPORT : NB_START_OPEN;
}

/* The list's title and key line (keys: NKEYS of them), which say how it
 * is sorted. */
#define NKEYS 6
static void
setup_list(nb_ui_list_t *l, rows_t *r, const nb_start_t *start, nb_ui_key_t *keys,
           char *title, size_t size)
{
	static const nb_ui_key_t shown[NKEYS] = {
		{ NB_REQ_ENTER, "打开" }, { NB_REQ_NEXT_PROBLEM, "下一份有问题的" },
		{ NB_REQ_ADD_ITEM, "新建下一年度" }, { NB_REQ_SORT, NULL },
		{ NB_REQ_QUIT, "退出" }, { NB_REQ_HELP, "帮助" },
	};

	memcpy(keys, shown, sizeof shown);
	keys[3].what = start->by_name ? "有问题的在前" : "按文件名排列";
	snprintf(title, size, "年报：政府信息公开工作年度报告  选择草稿或新建（%s）",
	         start->by_name ? "按文件名" : "有问题的在前");
	l->title = title;
	l->header = 1;
	l->draw = draw_row;
	l->ctx = r;
	l->n = r->n;
	l->keys = keys;
	l->nkeys = NKEYS;
}

/* One request on the list: the choice it makes, or NB_START_STAY to show
 * the list again (re-sorted, or saying why not, into note). */
static nb_start_choice_t
act(nb_start_t *start, rows_t *r, nb_ui_list_t *l, nb_req_t req, char *note,
    size_t size)
{
	size_t i;

	*note = '\0';
	if (req == NB_REQ_CANCEL)
		return NB_START_LEAVE;
	if (req == NB_REQ_SORT) {
		const char *at = r->v[l->sel].name;
		start->by_name = !start->by_name;
		sort_rows(r, start->by_name);
		l->sel = row_of(r, at);
		return NB_START_STAY;
	}
	if (req == NB_REQ_NEXT_PROBLEM) {
		if (!(i = next_with_problems(r, row_of(r, start->last)))) {
			snprintf(note, size, "没有需要处理的草稿：每一份都已完成或无法读取");
			return NB_START_STAY;
		}
		l->sel = i;
		return NB_START_PROBLEM;
	}
	return choice_of(r, req, l->sel, note, size);
}

nb_start_choice_t
nb_ui_start_screen(nb_start_t *start, const char *const *dirs, const char *note,
                   char **path)
{
	rows_t r = { 0 };
	nb_ui_list_t l = { 0 };
	nb_ui_key_t keys[NKEYS];
	nb_start_choice_t c = NB_START_LEAVE;
	char title[256], said[1200];

	*path = NULL;
	if (read_rows(&r, dirs) < 0) {
		rows_free(&r);
		return NB_START_FAILED;
	}
	sort_rows(&r, start->by_name);
	setup_list(&l, &r, start, keys, title, sizeof title);
	l.sel = row_of(&r, start->last);
	for (snprintf(said, sizeof said, "%s", note ? note : ""); ; ) {
		if (!*said)
			summary(&r, said, sizeof said);
		l.note = said;
		c = act(start, &r, &l, nb_ui_list(&l), said, sizeof said);
		if (c != NB_START_STAY)
			break;
		setup_list(&l, &r, start, keys, title, sizeof title);
	}
	if (c != NB_START_LEAVE && c != NB_START_NEW && !(*path = strdup(r.v[l.sel].name)))
		c = NB_START_FAILED;
	rows_free(&r);
	return c;
}

void
nb_ui_start_free(nb_start_t *start)
{
	free(start->last);
	start->last = NULL;
}

/* ---- a new draft ---- */

char *
nb_ui_ask_draft_name(const char *initial, const char *note)
{
	char *typed, *name, *offered = strdup(initial);
	nb_error_t err;

	while (offered) {
		typed = nb_ui_ask("新草稿的文件名（可以修改；没写 .yaml 时自动加上）：", offered, note);
		free(offered);
		if (!typed)
			return NULL;
		memset(&err, 0, sizeof err);
		if (!(name = nb_draft_name_complete(typed)) ||
		    nb_draft_name_check(name, &err) == 0) {
			free(typed);
			return name;
		}
		free(name);
		note = err.msg;         /* said under what was typed, to correct it */
		offered = typed;
	}
	return NULL;
}

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
		if (!(y = nb_ui_ask_over("报告年度（四位数字）：", init, note))) {
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
