/* nianbao stats [--format text|tsv|html|xlsx|csv] [-o FILE] DRAFT...|DIR...
 *
 * Figures over many drafts (stats.h), or the summary of them, a row a
 * body (summary.h).  A draft that cannot be read is said and left out; the
 * others are counted all the same, and the exit status is then 2. */

#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "core/stats.h"
#include "core/summary.h"
#include "core/walk.h"

#define TOP 10

typedef enum { OUT_TEXT, OUT_TSV, OUT_HTML, OUT_XLSX, OUT_CSV } output_t;

static const struct {
	const char *name;
	output_t out;
} outputs[] = {
	{ "text", OUT_TEXT }, { "txt", OUT_TEXT }, { "tsv", OUT_TSV },
	{ "html", OUT_HTML }, { "htm", OUT_HTML }, { "xlsx", OUT_XLSX },
	{ "csv", OUT_CSV },
};

typedef struct {
	const nb_cli_t *cli;
	nb_stats_t stats;
	int started;            /* stats set up with the first draft's form */
	int summary;            /* keep the reports for the summary */
	nb_report_t **reps;
	size_t nreps, cap;
	size_t nunread;
	int rc;
} run_t;

static void
usage(FILE *out)
{
	fputs("用法：nianbao stats [--format text|tsv|html] [-o 输出文件] 草稿.yaml...|目录...\n"
	      "      nianbao stats 目录 -o 汇总表.xlsx|汇总表.csv\n"
	      "统计一组草稿（目录中的草稿逐级查找）：三张表各项的合计，办理结果的构成，\n"
	      "新收申请最多的 10 个机关。默认为对齐的文字和条形图，--format tsv 每项一行\n"
	      "（类别、名称、数值、比例），--format html 为带 SVG 条形图的网页，可打印或附送。\n"
	      "写到 .xlsx 或 .csv 时为汇总表：每份草稿一行（机关、年度、各表各格），末行为合计。\n"
	      "格式也可由 -o 的扩展名决定。未填写的格不计入合计，另注份数。\n"
	      "退出状态：0 已统计，2 有草稿无法读取（其余照常统计）、无法写出或用法错误。\n",
	      out);
}

static int
output_parse(const char *name, output_t *out)
{
	size_t i;

	for (i = 0; i < sizeof outputs / sizeof outputs[0]; i++)
		if (!strcasecmp(name, outputs[i].name)) {
			*out = outputs[i].out;
			return 0;
		}
	return -1;
}

static void
dir_error(const char *path, int errnum, void *ctx)
{
	run_t *R = ctx;

	fprintf(stderr, "%s: error: 无法读取目录：%s\n", path, strerror(errnum));
	R->nunread++;
	R->rc = 2;
}

static int
keep(run_t *R, nb_report_t *rep)
{
	if (R->nreps == R->cap) {
		size_t cap = R->cap ? 2 * R->cap : 64;
		nb_report_t **v = realloc(R->reps, cap * sizeof *v);
		if (!v)
			return -1;
		R->reps = v;
		R->cap = cap;
	}
	R->reps[R->nreps++] = rep;
	return 0;
}

/* Reads one draft and counts it; what went wrong is said, and the draft
 * is left out.  -1 only when out of memory. */
static int
count_one(run_t *R, const char *path)
{
	nb_error_t err = { 0 };
	nb_report_t *rep = NULL;

	if (nb_cli_open(R->cli, path, &rep) != 0) {
		R->nunread++;
		R->rc = 2;
		return 0;
	}
	if (!R->started && nb_stats_init(&R->stats, rep->form, &err) < 0)
		goto fatal;
	R->started = 1;
	if (nb_stats_add(&R->stats, rep, path, &err) < 0) {
		nb_error_print(&err, stderr);
		nb_report_free(rep);
		R->nunread++;
		R->rc = 2;
		return 0;
	}
	if (!R->summary) {
		nb_report_free(rep);
		return 0;
	}
	if (keep(R, rep) == 0)
		return 0;
fatal:
	nb_report_free(rep);
	fprintf(stderr, "nianbao stats: 内存不足\n");
	return -1;
}

static int
render(run_t *R, output_t fmt, nb_buf_t *out, nb_error_t *err)
{
	const nb_report_t *const *reps = (const nb_report_t *const *)R->reps;

	R->stats.nunread = R->nunread;
	nb_stats_finish(&R->stats, TOP);
	switch (fmt) {
	case OUT_TSV: return nb_stats_tsv(&R->stats, out, err);
	case OUT_HTML: return nb_stats_html(&R->stats, out, err);
	case OUT_XLSX: return nb_summary_render(reps, R->nreps, NB_EXPORT_XLSX, out, err);
	case OUT_CSV: return nb_summary_render(reps, R->nreps, NB_EXPORT_CSV, out, err);
	default: return nb_stats_text(&R->stats, out, err);
	}
}

static int
run(run_t *R, int argc, char **argv, output_t fmt, const char *outpath)
{
	nb_paths_t paths = { 0 };
	nb_error_t err = { 0 };
	nb_buf_t out;
	size_t i;
	int i_arg, rc;

	for (i_arg = 0; i_arg < argc; i_arg++)
		if (nb_paths_add(&paths, argv[i_arg], dir_error, R) < 0)
			goto oom;
	for (i = 0; i < paths.n; i++)
		if (count_one(R, paths.v[i]) < 0)
			goto fail;
	nb_paths_free(&paths);
	if (!R->started || !R->stats.nreports) {
		fputs("nianbao stats: 没有可统计的草稿\n", stderr);
		return 2;
	}
	nb_buf_init(&out);
	if (render(R, fmt, &out, &err) < 0 || out.failed) {
		if (out.failed)
			nb_error_set(&err, NULL, 0, 0, "内存不足");
		nb_error_print(&err, stderr);
		nb_buf_free(&out);
		return 2;
	}
	if (R->summary && R->stats.nincomplete)
		fprintf(stderr, "nianbao stats: %zu 份草稿中有 %zu 份有未填写的数字，汇总表中留空\n",
		        R->stats.nreports, R->stats.nincomplete);
	rc = nb_cli_write("stats", outpath, out.data ? out.data : "", out.len);
	nb_buf_free(&out);
	return rc > R->rc ? rc : R->rc;
oom:
	fputs("nianbao stats: 内存不足\n", stderr);
fail:
	nb_paths_free(&paths);
	return 2;
}

/* The output's format: --format, else the extension of -o, else text. */
static int
choose(const char *fmtname, const char *outpath, output_t *fmt)
{
	const char *dot = outpath ? strrchr(outpath, '.') : NULL;

	*fmt = OUT_TEXT;
	if (fmtname && output_parse(fmtname, fmt) < 0) {
		fprintf(stderr, "nianbao stats: 未知的格式“%s”（应为 text、tsv、html、xlsx 或 csv）\n",
		        fmtname);
		return -1;
	}
	if (!fmtname && outpath && strcmp(outpath, "-") &&
	    (!dot || strchr(dot, '/') || output_parse(dot + 1, fmt) < 0)) {
		fprintf(stderr, "nianbao stats: 无法从“%s”的扩展名判断格式；"
		        "请用 .txt、.tsv、.html、.xlsx、.csv 或 --format\n", outpath);
		return -1;
	}
	return 0;
}

int
nb_cmd_stats(const nb_cli_t *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *outpath = NULL, *fmtname = NULL;
	run_t R = { 0 };
	output_t fmt;
	size_t i;
	int c, rc;

	optind = 0;   /* 0: GNU getopt starts afresh (main parsed with "+") */
	while ((c = getopt_long(argc, argv, "o:f:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o': outpath = optarg; break;
		case 'f': fmtname = optarg; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (optind >= argc) {
		fputs("nianbao stats: 缺少要统计的草稿或目录\n", stderr);
		usage(stderr);
		return 2;
	}
	if (choose(fmtname, outpath, &fmt) < 0)
		return 2;
	R.cli = cli;
	R.summary = fmt == OUT_XLSX || fmt == OUT_CSV;
	rc = run(&R, argc - optind, argv + optind, fmt, outpath ? outpath : "-");
	for (i = 0; i < R.nreps; i++)
		nb_report_free(R.reps[i]);
	free(R.reps);
	if (R.started)
		nb_stats_free(&R.stats);
	return rc;
}
