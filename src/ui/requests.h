/* requests.h - every request of the editor, in the order of the help:
 * R(ID, name, edits, help).  ID makes NB_REQ_ID; name is the request's
 * word in messages ("按 {save} 保存" shows the key bound to SAVE) and its
 * handler's (h_save); edits says it changes the report (refused when the
 * draft is open read-only); help is its line in F1, NULL for none.  The
 * one list the enum, the help, the read-only check and the handler table
 * are made from. */
#ifndef NB_UI_REQUESTS_H
#define NB_UI_REQUESTS_H

#define NB_REQUESTS(R) \
	R(NEXT, next, 0, "提交本项，到下一项（数字格中 {enter} 相同）") \
	R(PREV, prev, 0, "回到上一项") \
	R(ENTER, enter, 1, "数字格：提交并到下一项；段落：换行；总计：采用计算值") \
	R(CANCEL, cancel, 0, "恢复本格原值（可撤销）；段落中保留文字，到下一项") \
	R(UP, up, 0, "表格中上移；段落中上移一行") \
	R(DOWN, down, 0, "表格中下移；段落中下移一行") \
	R(LEFT, left, 0, "表格中左移；文字中左移一个字") \
	R(RIGHT, right, 0, "表格中右移；文字中右移一个字") \
	R(HOME, home, 0, "行首（表格：本行第一格）") \
	R(END, end, 0, "行尾（表格：本行最后一格）") \
	R(WORD_LEFT, word_left, 0, "段落中跳到上一句/上一个词") \
	R(WORD_RIGHT, word_right, 0, "段落中跳到下一句/下一个词") \
	R(TOP, top, 0, "段落开头") \
	R(BOTTOM, bottom, 0, "段落末尾") \
	R(PGDN, pgdn, 0, "下一部分（段落中先向下翻页）") \
	R(PGUP, pgup, 0, "上一部分（段落中先向上翻页）") \
	R(BACKSPACE, backspace, 1, "删除光标前的字") \
	R(DELETE, delete, 1, "删除光标处的字") \
	R(CLEAR, clear, 1, "清空本格（恢复为未填写）") \
	R(FILL_ZEROS, fill_zeros, 1, "其余填 0：本表未填写的数字格都填为 0（本表已填满时为整个报告；会询问，可撤销）") \
	R(SAVE, save, 0, "保存") \
	R(SAVE_AS, save_as, 0, "另存为（保存失败或只读打开时，存到另一个文件）") \
	R(RELOAD, reload, 0, "重新载入磁盘上的草稿（放弃未保存的修改，会询问）") \
	R(QUIT, quit, 0, "退出（未保存时会询问）；草稿列表中打开的回到列表") \
	R(INTERRUPT, interrupt, 0, "询问是否退出（不会直接退出）") \
	R(NEXT_PROBLEM, next_problem, 0, "跳到下一个问题；草稿列表中：打开下一份有问题的草稿") \
	R(PROBLEMS, problems, 0, "问题列表（选中后回车跳到该格）") \
	R(SORT, sort, 0, "草稿列表中：有问题的在前，或按文件名排列") \
	R(EXTERNAL, external, 1, "用外部编辑器（$VISUAL、$EDITOR 或 vi）编辑本段文字") \
	R(UNDO, undo, 1, "撤销（本次编辑中的修改，可多步；一次粘贴为一步）") \
	R(REDO, redo, 1, "重做刚撤销的修改") \
	R(ADD_ITEM, add_item, 1, "添加分项（在当前分项之后）；列表中：新建下一年度报告") \
	R(REMOVE_ITEM, remove_item, 1, "删除当前分项（会询问）") \
	R(PREVIEW, preview, 0, "预览导出的报告（纯文本，可滚动）") \
	R(EXPORT, export, 0, "导出报告（选择 Word、网页、纯文本或 Markdown；有错误或未填写时只能导出草稿）") \
	R(REDRAW, redraw, 0, "重画屏幕") \
	R(MOUSE, mouse, 0, "点击大纲选择部分，点击单元格或段落选择该项") \
	R(PASTE_BEGIN, paste, 1, "在终端中粘贴的文字一次插入（长段落也不会丢字）") \
	R(HELP, help, 0, "显示本帮助") \
	R(PASTE_END, paste_end, 0, NULL) \
	R(RESIZE, resize, 0, NULL)

#endif
