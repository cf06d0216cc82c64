/* nianbao - 政府信息公开工作年度报告 (government information disclosure
 * annual report): fill in, check and export the yearly report. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

static void
usage(FILE *out)
{
	fputs("用法：nianbao [选项] [草稿.yaml]      打开草稿编辑（文件不存在则新建）\n"
	      "      nianbao check [选项] 草稿.yaml|目录...   检查勾稽关系（check --help）\n"
	      "      nianbao new --org 机关 --year 年度 -o 草稿.yaml     新建空白草稿\n"
	      "      nianbao new --from 上年.yaml [--year 年度] -o 草稿.yaml  据上年草稿新建下一年度\n"
	      "      nianbao export [--draft] 草稿.yaml -o 报告.txt|.md|.html|.docx|.pdf|.csv|.xlsx  导出报告\n"
	      "      nianbao import 报告.docx|.html|.pdf|.txt -o 草稿.yaml          导入已发布的报告\n"
	      "      nianbao stats 草稿.yaml...|目录 [--format tsv|html] [-o 文件]  统计一组草稿\n"
	      "      nianbao stats 目录 -o 汇总表.xlsx|.csv      每个机关一行的汇总表\n"
	      "      nianbao sum -o 合计.yaml --org 机关 --year 年度 草稿.yaml...|目录   逐格合计\n"
	      "      nianbao check --children 目录 上级.yaml   核对上级报告等于下级合计\n"
	      "      nianbao diff 甲.yaml 乙.yaml              列出两份草稿的不同之处\n"
	      "\n"
	      "选项：\n"
	      "  --forms 目录   到此目录查找表单文件（默认为安装目录）\n"
	      "  --previous 上年.yaml  编辑时用它核对跨年度的勾稽关系（默认：草稿记下的\n"
	      "                 上年草稿，或同一文件夹中同一机关上一年度的唯一一份草稿）\n"
	      "  -h, --help     显示本帮助\n"
	      "  -V, --version  显示版本\n"
	      "\n"
	      "Usage: nianbao [--forms DIR] [--previous LAST.yaml] [DRAFT.yaml] | check DRAFT... | new ... | export ...\n"
	      "       | import ... | stats DRAFT...|DIR | sum ... | diff A B\n"
	      "See also: man nianbao\n",
	      out);
}

static void
version(void)
{
	printf("%s %s\n"
	       "This is free software: you are free to change and redistribute it.\n"
	       "There is NO WARRANTY, to the extent permitted by law.\n",
	       PACKAGE_NAME, PACKAGE_VERSION);
}

/* A standard stream closed by the caller (`>&-`) would be the next file
 * opened, and what is printed would go into a draft or a report: hold its
 * place with /dev/null, read-only so that a write fails and is reported. */
static void
hold_std_fds(void)
{
	int fd;

	for (fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) < 0 && errno == EBADF &&
		    open("/dev/null", O_RDONLY) != fd)
			return;
}

/* What was printed is only written now: a full disk or a closed output
 * must not pass for success.  A command that failed (2) said so already. */
static int
finish(int rc)
{
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return rc;
	if (rc != 2 && errno)
		fprintf(stderr, "nianbao: 无法写到标准输出：%s\n", strerror(errno));
	else if (rc != 2)
		fputs("nianbao: 无法写到标准输出\n", stderr);
	return 2;
}

typedef struct {
	const char *name;
	int (*run)(const nb_cli_t *, int, char **);
} command_t;

static const command_t commands[] = {
	{ "check", nb_cmd_check },
	{ "new", nb_cmd_new },
	{ "export", nb_cmd_export },
	{ "import", nb_cmd_import },
	{ "stats", nb_cmd_stats },
	{ "sum", nb_cmd_sum },
	{ "diff", nb_cmd_diff },
};

/* The editor's argument is a draft to open or to create, or a report to
 * import: a word that is neither (a command mistyped, or one this version
 * does not have) must not become a new draft named after it. */
static int
refuse_unknown(const char *arg)
{
	struct stat st;
	size_t i, n = strlen(arg);

	if ((n > 5 && !strcmp(arg + n - 5, ".yaml")) || stat(arg, &st) == 0)
		return 0;
	fprintf(stderr, "nianbao: “%s”不是命令，也不是已有的文件\n"
	        "命令有：", arg);
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(stderr, "%s%s", i ? "、" : "", commands[i].name);
	fputs("\n新建草稿请给出以 .yaml 结尾的文件名；详见 nianbao --help\n", stderr);
	return 2;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "forms", required_argument, NULL, 'F' },
		{ "previous", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *dirs[6];
	nb_cli_t cli = { 0 };
	size_t i;
	int c;

	hold_std_fds();
	setlocale(LC_ALL, "");
	/* '+': stop at the first non-option, which may be a command name */
	while ((c = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
		switch (c) {
		case 'F': cli.forms_dir = optarg; break;
		case 'p': cli.previous = optarg; break;
		case 'h': usage(stdout); return finish(0);
		case 'V': version(); return finish(0);
		default: usage(stderr); return 2;
		}
	}
	nb_cli_form_dirs(cli.forms_dir, dirs);
	cli.form_dirs = dirs;
	if (!(cli.forms = nb_formset_new(dirs))) {
		fputs("nianbao: 内存不足\n", stderr);
		return 2;
	}
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (optind < argc && !strcmp(argv[optind], commands[i].name))
			break;
	if (i < sizeof commands / sizeof commands[0] && cli.previous) {
		fprintf(stderr, "nianbao: --previous 写在命令名之前只用于编辑器（%s 的选项写在它之后）\n",
		        commands[i].name);
		c = 2;
	} else if (i < sizeof commands / sizeof commands[0])
		c = commands[i].run(&cli, argc - optind, argv + optind);
	else if (optind < argc && refuse_unknown(argv[optind]))
		c = 2;
	else
		c = nb_cmd_edit(&cli, argc - optind, argv + optind);
	nb_formset_free(cli.forms);
	return finish(c);
}
