/* nianbao check [--previous LAST.yaml|DIR] [--config FILE] [--year N]
 *               [--format tsv] [-j N] DRAFT|DIR... */

#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/check.h"

static void
usage(FILE *out)
{
	fputs("用法：nianbao check [选项] 草稿.yaml|目录...\n"
	      "      nianbao check --children 目录 上级报告.yaml   上级报告的各表是否等于目录中下级草稿的合计\n"
	      "检查草稿的勾稽关系、必填内容和正文（正文所说的数字与表格、年度、\n"
	      "未替换的占位符、必备的内容），每个问题一行：\n"
	      "  文件:行:列: error|warning|suggestion|note: 说明 [规则编号]\n"
	      "目录中的草稿（.yaml、.yml 文件）逐级查找，按名称顺序检查。检查多份草稿时，\n"
	      "最后在标准错误上汇总：文件数，通过、有错误、未填完、无法读取的各有几个，\n"
	      "以及违反最多的规则。\n"
	      "\n"
	      "选项：\n"
	      "  --previous 上年.yaml  用上年的草稿检查跨年度的规则（如结转），\n"
	      "                        并找出与上年一字不差的段落\n"
	      "  --previous 目录       为每份草稿在目录中找同一机关上一年度的草稿\n"
	      "  --config 设置.yaml    设置文件（改变规则的级别或关闭规则）；不给出时\n"
	      "                        使用草稿所在目录的 nianbao.yaml（如有）\n"
	      "  --force               上年草稿不是同一机关的上一年度时也照样比对\n"
	      "  --year 年度           不是这一年度的草稿作为错误报告\n"
	      "  --format tsv          以制表符分隔，每个问题一行：文件、行、列、级别、\n"
	      "                        规则、说明；第一行是表头\n"
	      "  -j, --jobs N          用 N 个进程同时检查（输出的顺序和内容不变）\n"
	      "\n"
	      "同一机关同一年度的草稿出现两份，后一份报错（规则 duplicate）。名字像草稿的目录\n"
	      "（如 x.yaml）直接给出时不查找，作为无法读取的文件报告。\n"
	      "退出状态：0 没有错误和未填写的格（只有警告、建议也是 0），\n"
	      "1 有错误或未填写的格，2 有文件无法读取或设置有误。\n",
	      out);
}

/* A number option between lo and hi; -1 (said) when it is not. */
static long
number_arg(const char *opt, const char *s, long lo, long hi, const char *what)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi) {
		fprintf(stderr, "nianbao check: %s 应为%s，而不是“%s”\n", opt, what, s);
		return -1;
	}
	return v;
}

typedef struct {
	const char *previous;
	const char *config;     /* --config FILE */
	const char *children;   /* --children DIR */
	int force;
	check_format_t format;
	long year, jobs;
} args_t;

/* The options: 0 to go on, -1 when help was asked for (and printed), 2
 * when they are wrong (and said). */
static int
parse_args(int argc, char **argv, args_t *a)
{
	static const struct option opts[] = {
		{ "previous", required_argument, NULL, 'p' },
		{ "year", required_argument, NULL, 'y' },
		{ "format", required_argument, NULL, 'f' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "config", required_argument, NULL, 'c' },
		{ "children", required_argument, NULL, 'C' },
		{ "force", no_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	a->jobs = 1;
	optind = 1;
	while ((c = getopt_long(argc, argv, "p:c:j:h", opts, NULL)) != -1) {
		if (c == 'p') {
			a->previous = optarg;
		} else if (c == 'c') {
			a->config = optarg;
		} else if (c == 'C') {
			a->children = optarg;
		} else if (c == 'F') {
			a->force = 1;
		} else if (c == 'y') {
			if ((a->year = number_arg("--year", optarg, 1900, 2999,
			                          "四位数年份（1900 至 2999）")) < 0)
				return 2;
		} else if (c == 'j') {
			if ((a->jobs = number_arg("-j", optarg, 1, 64, " 1 至 64 的进程数")) < 0)
				return 2;
		} else if (c == 'f' && (!strcmp(optarg, "text") || !strcmp(optarg, "tsv"))) {
			a->format = !strcmp(optarg, "tsv") ? CHECK_TSV : CHECK_TEXT;
		} else if (c == 'f') {
			fprintf(stderr, "nianbao check: --format 应为 text 或 tsv，而不是“%s”\n", optarg);
			return 2;
		} else if (c == 'h') {
			usage(stdout);
			return -1;
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
	return 0;
}

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A directory among those named that cannot be searched. */
static void
unreadable_dir(const char *path, int errnum, void *ctx)
{
	fprintf(stderr, "%s: error: 无法读取目录：%s\n", path, strerror(errnum));
	++*(size_t *)ctx;
}

/* Whether a directory is named like a draft ("x.yaml"): given, it is
 * taken for a draft mistaken, and refused as one, not searched. */
static int
named_like_a_draft(const char *path)
{
	char name[4096];
	size_t n = strlen(path);
	const char *slash;

	while (n > 1 && path[n - 1] == '/')
		n--;
	if (n >= sizeof name)
		return 0;
	memcpy(name, path, n);
	name[n] = '\0';
	slash = strrchr(name, '/');
	return nb_walk_is_draft_name(slash ? slash + 1 : name);
}

/* The drafts named, directories searched; *batch when there are many. */
static int
list_drafts(int argc, char **argv, nb_paths_t *paths, size_t *bad_dirs,
            int *batch)
{
	int i, dir, rc;

	*batch = 0;
	for (i = optind; i < argc; i++) {
		dir = is_dir(argv[i]) && !named_like_a_draft(argv[i]);
		*batch |= dir;
		rc = dir ? nb_paths_add(paths, argv[i], unreadable_dir, bad_dirs)
		         : nb_paths_push(paths, argv[i]);
		if (rc < 0) {
			fputs("nianbao check: 内存不足\n", stderr);
			return 2;
		}
	}
	*batch |= paths->n + *bad_dirs != 1;
	if (!paths->n && !*bad_dirs) {
		fputs("nianbao check: 所给的目录中没有草稿（.yaml 或 .yml 文件）\n", stderr);
		return 2;
	}
	return 0;
}

/* --config: read once, for every draft. */
static int
open_settings(const char *path, check_opts_t *o, nb_settings_t **cfg)
{
	nb_error_t err = { 0 };

	if (!path)
		return 0;
	if (nb_settings_load(path, cfg, &err) < 0) {
		nb_error_print(&err, stderr);
		return 2;
	}
	o->settings = *cfg;
	return 0;
}

/* --previous: a file, loaded once, or a directory, indexed. */
static int
open_previous(const nb_cli_t *cli, const char *path, check_opts_t *o,
              nb_report_t **prev, nb_paths_t *prev_paths, nb_idindex_t **index)
{
	if (!path)
		return 0;
	if (is_dir(path)) {
		if (check_index_previous(cli, path, prev_paths, index) < 0)
			return 2;
		o->prev_dir = path;
		o->prev_paths = prev_paths;
		o->prev_index = *index;
		return 0;
	}
	if (nb_cli_open(cli, path, prev) != 0)
		return 2;
	o->prev_file = path;
	o->prev = *prev;
	return 0;
}

static int
run_check(const check_opts_t *o, const nb_paths_t *paths, size_t bad_dirs,
          long jobs)
{
	check_run_t *run = check_run_new(o, paths);
	int rc, status;

	if (!run) {
		fputs("nianbao check: 内存不足\n", stderr);
		return 2;
	}
	if (o->format == CHECK_TSV)
		fputs(CHECK_TSV_HEADER, stdout);
	while (bad_dirs--)
		check_run_unreadable(run);
	rc = check_all(o, paths, (int)jobs, run);
	status = check_run_finish(run);
	check_run_free(run);
	return rc < 0 ? 2 : status;
}

int
nb_cmd_check(const nb_cli_t *cli, int argc, char **argv)
{
	args_t a = { NULL, NULL, NULL, 0, CHECK_TEXT, 0, 1 };
	check_opts_t o = { 0 };
	nb_settings_cache_t dir_settings;
	nb_paths_t paths = { 0 }, prev_paths = { 0 };
	nb_idindex_t *index = NULL;
	nb_report_t *prev = NULL;
	nb_settings_t *cfg = NULL;
	size_t bad_dirs = 0;
	int rc;

	if ((rc = parse_args(argc, argv, &a)) != 0)
		return rc < 0 ? 0 : rc;
	if (a.children)
		return nb_cmd_check_children(cli, a.children, argc - optind, argv + optind);
	nb_settings_cache_init(&dir_settings);
	o.dir_settings = &dir_settings;
	o.cli = cli;
	o.format = a.format;
	o.year = a.year;
	o.force = a.force;
	if ((rc = list_drafts(argc, argv, &paths, &bad_dirs, &o.batch)) == 0 &&
	    (rc = open_settings(a.config, &o, &cfg)) == 0 &&
	    (rc = open_previous(cli, a.previous, &o, &prev, &prev_paths, &index)) == 0)
		rc = run_check(&o, &paths, bad_dirs, a.jobs);
	nb_report_free(prev);
	nb_settings_free(cfg);
	nb_settings_cache_free(&dir_settings);
	nb_idindex_free(index);
	nb_paths_free(&prev_paths);
	nb_paths_free(&paths);
	return rc;
}
