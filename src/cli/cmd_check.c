/* nianbao check [--previous LAST.yaml] DRAFT... */

#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/rules.h"

static void
print_findings(const char *path, const nb_findings_t *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		nb_cli_print_finding(stdout, path, &f->v[i]);
}

/* Checks one draft; returns its exit status. */
static int
check_one(const nb_cli_t *cli, const char *path, const char *prev_path)
{
	nb_report_t *rep = NULL, *prev = NULL;
	nb_findings_t f;
	int rc;

	if ((rc = nb_cli_open(cli, path, &rep)) != 0)
		return rc;
	if (prev_path && (rc = nb_cli_open(cli, prev_path, &prev)) != 0)
		goto done;
	if (prev && prev->form != rep->form) {
		fprintf(stderr, "%s: error: 上年草稿的格式“%s”与本年“%s”不同，无法比对\n",
		        prev_path, prev->form->format, rep->form->format);
		rc = 2;
		goto done;
	}
	nb_findings_init(&f);
	if (nb_rules_eval(rep, prev, &f) < 0) {
		fprintf(stderr, "%s: error: 内存不足\n", path);
		rc = 2;
	} else {
		print_findings(path, &f);
		if (f.n)
			fprintf(stderr, "%s: %zu 个错误，%zu 个警告，%zu 处未填写\n",
			        path, f.errors, f.warnings, f.notes);
		rc = f.errors || f.notes ? 1 : 0;
	}
	nb_findings_free(&f);
done:
	nb_report_free(prev);
	nb_report_free(rep);
	return rc;
}

static void
usage(FILE *out)
{
	fputs("用法：nianbao check [--previous 上年草稿.yaml] 草稿.yaml...\n"
	      "      nianbao check --children 目录 上级报告.yaml   上级报告的各表是否等于目录中下级草稿的合计\n"
	      "检查草稿的勾稽关系和必填内容，每个问题一行：\n"
	      "  文件:行:列: error|warning|note: 说明 [规则编号]\n"
	      "退出状态：0 全部正确，1 有错误或未填写的格，2 文件无法读取。\n",
	      out);
}

int
nb_cmd_check(const nb_cli_t *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "previous", required_argument, NULL, 'p' },
		{ "children", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *prev = NULL, *children = NULL;
	int c, i, rc, worst = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "p:h", opts, NULL)) != -1) {
		if (c == 'p') {
			prev = optarg;
		} else if (c == 'c') {
			children = optarg;
		} else if (c == 'h') {
			usage(stdout);
			return 0;
		} else {
			usage(stderr);
			return 2;
		}
	}
	if (optind >= argc) {
		fputs("nianbao check: 缺少要检查的草稿文件\n", stderr);
		usage(stderr);
		return 2;
	}
	if (children)
		return nb_cmd_check_children(cli, children, argc - optind, argv + optind);
	for (i = optind; i < argc; i++) {
		rc = check_one(cli, argv[i], prev);
		if (rc > worst)
			worst = rc;
	}
	return worst;
}
