/* file_dialog.c - the draft as a file: saving under another name (the way out
 * of a failed save or a read-only draft) and reading it again from disk. */

#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/draft.h"
#include "core/recovery.h"
#include "ui/screen.h"
#include "ui/widgets.h"


/* Takes the lock of the new file, saves there, gives up the old lock. */
static void
save_to(nb_ui_t *ui, const char *path)
{
	nb_lock_t lock;
	nb_lock_owner_t other;
	nb_error_t err = { 0 };

	memset(&lock, 0, sizeof lock);
	if (nb_lock_acquire(&lock, path, &other, &err) != NB_LOCK_OK) {
		nb_ed_message(&ui->ed, 1, "%s 正由另一个编辑器使用，或无法加锁：未另存", path);
		return;
	}
	if (nb_ed_save_as(&ui->ed, path) < 0) {
		nb_lock_release(&lock, &err);
		return;
	}
	nb_lock_release(&ui->lock, &err);
	ui->lock = lock;
}

void
nb_ui_save_as(nb_ui_t *ui)
{
	char *path;

	path = nb_ui_prompt("年报：另存为", "另存为（文件名）：", ui->ed.path);
	if (!path || !*path) {
		nb_ed_message(&ui->ed, 0, "未另存");
	} else if (!strcmp(path, ui->ed.path) && !ui->ed.readonly) {
		nb_ed_save(&ui->ed);
	} else if (!strcmp(path, ui->ed.path)) {
		nb_ed_message(&ui->ed, 1, "这份草稿正由另一个编辑器使用：请另取一个文件名");
	} else if (access(path, F_OK) == 0 &&
	           !nb_ui_confirm("文件已存在", "不覆盖", "覆盖这个文件", path)) {
		nb_ed_message(&ui->ed, 0, "未另存（%s 已存在）", path);
	} else {
		save_to(ui, path);
	}
	free(path);
}

void
nb_ui_reload(nb_ui_t *ui)
{
	nb_editor_t *ed = &ui->ed;
	nb_report_t *rep = NULL;
	nb_error_t err = { 0 };

	if (ed->dirty &&
	    !nb_ui_confirm("重新载入磁盘上的草稿？", "不载入，回到编辑",
	             "载入，放弃这里未保存的修改", ed->path))
		return;
	if (nb_draft_load(ed->form, ed->path, &rep, &err) < 0) {
		nb_ed_message(ed, 1, "无法重新载入：%s", err.msg);
		return;
	}
	if (nb_ed_reload(ed, rep) == 0)
		nb_ed_message(ed, 0, "已重新载入 %s", ed->path);
}
