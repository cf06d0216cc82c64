/* nianbao check [--previous LAST.yaml] [--config FILE] DRAFT... */

#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/judge.h"

static void
print_findings(const char *path, const nb_findings_t *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		nb_cli_print_finding(stdout, path, &f->v[i]);
}

/* The project's config for a draft: the one given, else nianbao.yaml
 * beside it (*found, for the caller to free).  0 or 2. */
static int
config_for(const char *path, const nb_settings_t *given, const nb_settings_t **cfg,
           nb_settings_t **found)
{
	nb_error_t err = { 0 };

	*found = NULL;
	*cfg = given;
	if (given)
		return 0;
	if (nb_settings_find(path, found, &err) < 0) {
		nb_error_print(&err, stderr);
		return 2;
	}
	*cfg = *found;
	return 0;
}

/* Checks one draft; returns its exit status. */
static int
check_one(const nb_cli_t *cli, const char *path, const char *prev_path,
          const nb_settings_t *given)
{
	nb_report_t *rep = NULL, *prev = NULL;
	nb_settings_t *found = NULL;
	const nb_settings_t *cfg;
	nb_error_t err = { 0 };
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
	if ((rc = config_for(path, given, &cfg, &found)) != 0)
		goto done;
	nb_findings_init(&f);
	if (nb_judge(rep, prev, cfg, path, &f, &err) < 0) {
		nb_error_print(&err, stderr);
		rc = 2;
	} else {
		print_findings(path, &f);
		if (f.n && f.suggestions)
			fprintf(stderr, "%s: %zu 个错误，%zu 个警告，%zu 个建议，%zu 处未填写\n",
			        path, f.errors, f.warnings, f.suggestions, f.notes);
		else if (f.n)
			fprintf(stderr, "%s: %zu 个错误，%zu 个警告，%zu 处未填写\n",
			        path, f.errors, f.warnings, f.notes);
		rc = f.errors || f.notes ? 1 : 0;
	}
	nb_findings_free(&f);
done:
	nb_settings_free(found);
	nb_report_free(prev);
	nb_report_free(rep);
	return rc;
}

static void
usage(FILE *out)
{
	fputs("用法：nianbao check [--previous 上年草稿.yaml] [--config 设置.yaml] 草稿.yaml...\n"
	      "检查草稿的勾稽关系、必填内容和正文（正文所说的数字与表格、年度、\n"
	      "未替换的占位符、必备的内容），每个问题一行：\n"
	      "  文件:行:列: error|warning|suggestion|note: 说明 [规则编号]\n"
	      "  --previous  上年的草稿：比对结转数，并找出与上年一字不差的段落\n"
	      "  --config    设置文件（改变规则的级别或关闭规则）；不给出时使用\n"
	      "              草稿所在目录的 nianbao.yaml（如有）\n"
	      "退出状态：0 没有错误和未填写的格（只有警告、建议也是 0），\n"
	      "1 有错误或未填写的格，2 文件无法读取或设置有误。\n",
	      out);
}

int
nb_cmd_check(const nb_cli_t *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "previous", required_argument, NULL, 'p' },
		{ "config", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *prev = NULL, *config = NULL;
	nb_settings_t *cfg = NULL;
	nb_error_t err = { 0 };
	int c, i, rc, worst = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "p:c:h", opts, NULL)) != -1) {
		if (c == 'p') {
			prev = optarg;
		} else if (c == 'c') {
			config = optarg;
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
	if (config && nb_settings_load(config, &cfg, &err) < 0) {
		nb_error_print(&err, stderr);
		return 2;
	}
	for (i = optind; i < argc; i++) {
		rc = check_one(cli, argv[i], prev, cfg);
		if (rc > worst)
			worst = rc;
	}
	nb_settings_free(cfg);
	return worst;
}
