/* nianbao export [--draft] [--format FMT] DRAFT.yaml -o OUT (txt md html docx pdf csv xlsx) */

#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/export.h"
#include "core/judge.h"

static void
usage(FILE *out)
{
	fputs("用法：nianbao export [--draft] [--format txt|md|html|docx|pdf|csv|xlsx] 草稿.yaml -o 输出文件\n"
	      "把草稿导出为可发布的年度报告，格式由输出文件的扩展名\n"
	      "（.txt .md .html .docx .pdf .csv .xlsx）或 --format 决定；\n"
	      "-o - 写到标准输出（须给出 --format）。\n"
	      "PDF 由 nianbao 自己排版（A4，公文字体，未安装时用 Noto CJK、文泉驿字体，字体嵌入），\n"
	      "不需要办公软件。\n"
	      ".xlsx 把三张统计表写成工作簿（每表一个工作表，数字为数值）；\n"
	      ".csv 写成逗号分隔的表格（UTF-8，带 BOM，Excel 可直接打开）。\n"
	      "草稿有错误或未填写的格时拒绝导出并列出问题，除非给出 --draft：\n"
	      "此时在文档顶部（docx、pdf 和打印的 HTML 为每页）标明“草稿”。\n"
	      "退出状态：0 已导出，1 因检查发现问题而拒绝，2 文件无法读取、无法写入或用法错误。\n",
	      out);
}

/* Lists the findings (as the project's nianbao.yaml beside the draft
 * has them); returns 1 when there are errors or unfilled cells, which
 * stand in the way, 0 when the report may be published, 2 when the
 * settings are wrong or memory ran out. */
static int
judge(const char *path, const nb_report_t *rep, int draft)
{
	nb_settings_t *cfg = NULL;
	nb_error_t err = { 0 };
	nb_findings_t f;
	size_t i;
	int rc;

	nb_findings_init(&f);
	if (nb_settings_find(path, &cfg, &err) < 0 ||
	    nb_judge(rep, NULL, cfg, path, &f, &err) < 0) {
		nb_settings_free(cfg);
		nb_findings_free(&f);
		nb_error_print(&err, stderr);
		return 2;
	}
	nb_settings_free(cfg);
	rc = f.errors || f.notes ? 1 : 0;
	for (i = 0; i < f.n; i++) {
		const nb_finding_t *x = &f.v[i];
		if (draft && x->severity == NB_SEV_NOTE)
			continue;       /* blanks are expected in a draft */
		nb_cli_print_finding(stderr, path, x);
	}
	if (rc && !draft)
		fprintf(stderr, "nianbao export: %s 有 %zu 个错误、%zu 处未填写，未导出"
		        "（改正后重试，或用 --draft 导出标明“草稿”的文档）\n",
		        path, f.errors, f.notes);
	nb_findings_free(&f);
	return rc;
}

static int
export_one(const nb_cli_t *cli, const char *in, const char *outpath,
           nb_export_format_t fmt, int draft)
{
	nb_report_t *rep = NULL;
	nb_error_t err = { 0 };
	nb_buf_t out;
	int rc, dropped;

	if ((rc = nb_cli_open(cli, in, &rep)) != 0)
		return rc;
	nb_buf_init(&out);
	if ((rc = judge(in, rep, draft)) == 2 || (rc == 1 && !draft))
		goto done;
	if ((dropped = nb_export_render(rep, fmt, draft, &out, &err)) < 0) {
		nb_error_print(&err, stderr);
		rc = 2;
		goto done;
	}
	if (dropped)
		fprintf(stderr, "%s: warning: 文字中有 %d 个不可打印的控制字符，导出时已删去\n",
		        in, dropped);
	rc = nb_cli_write("export", outpath, out.data ? out.data : "", out.len);
	if (rc == 0 && strcmp(outpath, "-"))
		fprintf(stderr, "已导出 %s（%s，%zu 字节%s）\n", outpath,
		        nb_export_format_name(fmt), out.len, draft ? "，标有“草稿”" : "");
done:
	nb_buf_free(&out);
	nb_report_free(rep);
	return rc;
}

int
nb_cmd_export(const nb_cli_t *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "draft", no_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *outpath = NULL, *fmtname = NULL;
	nb_export_format_t fmt;
	int c, draft = 0;

	optind = 0;   /* 0: GNU getopt starts afresh (main parsed with "+") */
	while ((c = getopt_long(argc, argv, "o:f:dh", opts, NULL)) != -1) {
		switch (c) {
		case 'o': outpath = optarg; break;
		case 'f': fmtname = optarg; break;
		case 'd': draft = 1; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (optind != argc - 1 || !outpath) {
		fputs(optind >= argc ? "nianbao export: 缺少草稿文件\n" :
		      optind < argc - 1 ? "nianbao export: 一次只能导出一个草稿\n" :
		      "nianbao export: 缺少 -o 输出文件\n", stderr);
		usage(stderr);
		return 2;
	}
	if (fmtname ? nb_export_format_parse(fmtname, &fmt) < 0
	            : nb_export_format_of_path(outpath, &fmt) < 0) {
		if (fmtname)
			fprintf(stderr, "nianbao export: 未知的格式“%s”"
			        "（应为 txt、md、html、docx、pdf、csv 或 xlsx）\n", fmtname);
		else
			fprintf(stderr, "nianbao export: 无法从“%s”的扩展名判断格式；"
			        "请用 .txt、.md、.html、.docx、.pdf、.csv、.xlsx 或 --format\n", outpath);
		return 2;
	}
	return export_one(cli, argv[optind], outpath, fmt, draft);
}
