/* ui_tty.c - what the editor needs before it starts: a terminal on both
 * ends and a locale in which curses can draw Chinese. */

#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui/term.h"

/* The locale asked for, as the C library picks it. */
static const char *
requested_locale(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	const char *v;
	size_t i;

	for (i = 0; i < sizeof vars / sizeof vars[0]; i++)
		if ((v = getenv(vars[i])) && *v)
			return v;
	return "C";
}

/* Under a locale that is not UTF-8 curses draws every Chinese character
 * as nothing: fields look blank and typing seems lost. */
static int
check_locale(void)
{
	if (!strcmp(nl_langinfo(CODESET), "UTF-8"))
		return 0;
	if (setlocale(LC_ALL, "C.UTF-8") && !strcmp(nl_langinfo(CODESET), "UTF-8"))
		return 0;
	fprintf(stderr, "nianbao: 语言环境“%s”不是 UTF-8，系统里也没有 C.UTF-8，"
	        "中文无法显示；请设置 LANG=zh_CN.UTF-8（或其他 UTF-8 语言环境）后再打开\n",
	        requested_locale());
	return 2;
}

int
nb_ui_check_terminal(void)
{
	const char *keys = getenv("NIANBAO_REPLAY");

	if (!(keys && *keys) && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
		fprintf(stderr, "nianbao: 编辑草稿需要在终端里进行：标准%s不是终端；"
		        "检查或导出请用 nianbao check 或 nianbao export\n",
		        !isatty(STDIN_FILENO) ? "输入" : "输出");
		return 2;
	}
	return check_locale();
}
