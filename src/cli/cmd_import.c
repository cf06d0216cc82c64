/* nianbao import REPORT -o DRAFT.yaml
 * nianbao import -d DIR REPORT...
 *
 * A published report (plain text, a saved web page, a Word file, a PDF)
 * made into a draft; what cannot be read for certain is left unfilled
 * and said.  Exit 0 when every report is complete, 1 when something was
 * left unfilled, 2 when a file is not a report of this format. */

#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/import.h"

static void
usage(FILE *out)
{
	fputs("用法：nianbao import 报告.txt|.html|.docx|.pdf -o 草稿.yaml\n"
	      "      nianbao import -d 目录 报告...\n"
	      "把已发布的年度报告读成草稿：读不准的格留空并说明。-o - 写到标准输出。\n",
	      out);
}

static void
print_summary(const char *path, const nb_isummary_t *s)
{
	size_t i;

	fprintf(stderr, "%s: 数字 %zu/%zu 格，部分 %zu/%zu 个", path, s->filled,
	        s->cells, s->sections_found, s->sections);
	fputs(s->nleft ? "：\n" : "\n", stderr);
	for (i = 0; i < s->nleft; i++)
		fprintf(stderr, "%s: note: %s\n", path, s->left[i]);
}

/* Imports one report to out ("-": standard output); the exit status. */
static int
import_one(const nb_form_t *form, const char *in, const char *out, int quiet)
{
	nb_isummary_t sum;
	nb_report_t *rep = NULL;
	nb_error_t err = { 0 };
	nb_buf_t b;
	int rc;

	if ((rc = nb_import_file(form, in, &rep, &sum, &err)) < 0) {
		nb_error_print(&err, stderr);
		return 2;
	}
	if (!quiet)
		print_summary(in, &sum);
	nb_isummary_free(&sum);
	nb_buf_init(&b);
	if (nb_draft_emit(rep, &b, &err) < 0) {
		nb_error_print(&err, stderr);
		rc = 2;
	} else if (nb_cli_write("import", out, b.data ? b.data : "", b.len) != 0) {
		rc = 2;
	}
	nb_buf_free(&b);
	nb_report_free(rep);
	return rc;
}

static int
import_many(const nb_form_t *form, const char *dir, int argc, char **argv)
{
	size_t counts[3] = { 0, 0, 0 };
	int i, rc, worst = 0, tty = isatty(STDERR_FILENO);
	char *out;

	for (i = 0; i < argc; i++) {
		if (tty)
			fprintf(stderr, "[%d/%d] %s\n", i + 1, argc, argv[i]);
		if (!(out = nb_import_draft_name(dir, argv[i]))) {
			fputs("nianbao import: 内存不足\n", stderr);
			return 2;
		}
		rc = import_one(form, argv[i], out, 0);
		free(out);
		counts[rc]++;
		if (rc > worst)
			worst = rc;
	}
	fprintf(stderr, "nianbao import: %d 份报告：%zu 份完整，%zu 份有未填的格，%zu 份未能导入\n",
	        argc, counts[0], counts[1], counts[2]);
	return worst;
}

int
nb_cmd_import(const nb_cli_t *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "dir", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *out = NULL, *dir = NULL;
	nb_form_t *form;
	int c, rc;

	optind = 0;   /* 0: GNU getopt starts afresh (main parsed with "+") */
	while ((c = getopt_long(argc, argv, "o:d:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o': out = optarg; break;
		case 'd': dir = optarg; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (optind >= argc || (!out == !dir) || (out && optind != argc - 1)) {
		fputs(optind >= argc ? "nianbao import: 缺少要导入的报告\n" :
		      !out == !dir ? "nianbao import: 需要 -o 草稿文件（一份报告）或 -d 目录（多份）\n" :
		      "nianbao import: -o 只能用于一份报告；多份请用 -d 目录\n", stderr);
		usage(stderr);
		return 2;
	}
	if ((rc = nb_cli_form(cli, NB_FORMAT_DEFAULT, &form)) != 0)
		return rc;
	rc = out ? import_one(form, argv[optind], out, 0)
	         : import_many(form, dir, argc - optind, argv + optind);
	nb_form_free(form);
	return rc;
}
