/* nianbao new --org NAME --year YYYY [--format F] -o FILE */

#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

static void
usage(FILE *out)
{
	fputs("用法：nianbao new --org 机关名称 --year 年度 -o 草稿.yaml [--format 格式] [--force]\n"
	      "写出一份空白草稿：所有数字未填写，总体情况的五个标准分项已列出。\n"
	      "-o - 写到标准输出。\n",
	      out);
}

/* Builds the empty draft and writes it; returns the exit status. */
static int
write_new(const nb_cli_t *cli, const char *format, const char *org,
          int64_t year, const char *out)
{
	nb_form_t *form;
	nb_report_t *rep;
	int rc = 0;

	if ((rc = nb_cli_form(cli, format, &form)) != 0)
		return rc;
	if (!(rep = nb_report_new_for(form, org, year))) {
		nb_form_free(form);
		fputs("nianbao new: 内存不足\n", stderr);
		return 2;
	}
	rc = nb_cli_save_draft("new", rep, out);
	nb_report_free(rep);
	nb_form_free(form);
	return rc;
}

int
nb_cmd_new(const nb_cli_t *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, NULL, 'n' },
		{ "year", required_argument, NULL, 'y' },
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "force", no_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *org = NULL, *year_s = NULL, *out = NULL, *format = NB_FORMAT_DEFAULT;
	int c, force = 0;
	int64_t year;

	optind = 1;
	while ((c = getopt_long(argc, argv, "n:y:o:f:Fh", opts, NULL)) != -1) {
		switch (c) {
		case 'n': org = optarg; break;
		case 'y': year_s = optarg; break;
		case 'o': out = optarg; break;
		case 'f': format = optarg; break;
		case 'F': force = 1; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (!org || !year_s || !out || optind != argc) {
		fputs("nianbao new: 需要 --org、--year 和 -o\n", stderr);
		usage(stderr);
		return 2;
	}
	if (nb_cli_identity("new", org, year_s, &year) != 0)
		return 2;
	if (!force && strcmp(out, "-") && access(out, F_OK) == 0) {
		fprintf(stderr, "nianbao new: %s 已存在（要覆盖请加 --force）\n", out);
		return 2;
	}
	return write_new(cli, format, org, year, out);
}
