/* nianbao new --org NAME --year YYYY [--format F] -o FILE
 * nianbao new --from LAST [--year YYYY] -o FILE: next year's draft */

#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sys/stat.h>

#include "cli/cli.h"
#include "core/nextyear.h"
#include "core/number.h"
#include "core/previous.h"
#include "core/textcheck.h"

static void
usage(FILE *out)
{
	fputs("用法：nianbao new --org 机关名称 --year 年度 -o 草稿.yaml [--format 格式] [--force]\n"
	      "      nianbao new --from 上年.yaml [--year 年度] -o 草稿.yaml [--force]\n"
	      "写出一份空白草稿：所有数字未填写，总体情况的五个标准分项已列出。\n"
	      "--from：据上年的草稿写出下一年度的草稿（年度默认为上年加一）：保留机关名称、\n"
	      "联系方式和总体情况各分项的标题，上年结转取自上年的结转下年度继续办理，\n"
	      "上年的下一步改进举措放在上年改进情况开头待改写，并记下上年草稿的位置。\n"
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

/* Whether the output would be last year's draft itself. */
static int
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

/* Next year's draft from last year's, written to out (year 0: last
 * year's plus one); returns the exit status. */
static int
write_next_year(const nb_cli_t *cli, const char *from, int64_t year,
                const char *out)
{
	nb_report_t *last, *rep = NULL;
	nb_error_t err = { 0 };
	int rc;

	if ((rc = nb_cli_open(cli, from, &last)) != 0)
		return rc;
	if (year && nb_report_year(last) && year <= nb_report_year(last)) {
		fprintf(stderr, "nianbao new: --year %lld 应在上年报告 %s 的年度 %lld 之后\n",
		        (long long)year, from, (long long)nb_report_year(last));
		nb_report_free(last);
		return 2;
	}
	if (nb_report_next_year(last, year, &rep, &err) < 0 ||
	    nb_previous_record(rep, out, from, &err) < 0) {
		if (!err.file[0])
			snprintf(err.file, sizeof err.file, "%s", from);
		nb_error_print(&err, stderr);
		rc = 2;
	} else {
		rc = nb_cli_save_draft("new", rep, out);
	}
	nb_report_free(rep);
	nb_report_free(last);
	return rc;
}

/* new --from: the body and the format are last year's. */
static int
new_from(const nb_cli_t *cli, const char *from, const char *year_s,
         const char *out, int force)
{
	int64_t year = 0;

	if (year_s && (nb_count_parse(year_s, &year) != NB_NUM_OK || year < 1900 ||
	               year > 2999)) {
		fprintf(stderr, "nianbao new: 年度应为四位数年份，而不是“%s”\n", year_s);
		return 2;
	}
	if (strcmp(out, "-") && access(out, F_OK) == 0) {
		if (same_file(out, from)) {
			fprintf(stderr, "nianbao new: %s 就是上年的草稿（--from），不能写到它上面\n", out);
			return 2;
		}
		if (!force) {
			fprintf(stderr, "nianbao new: %s 已存在（要覆盖请加 --force）\n", out);
			return 2;
		}
	}
	return write_next_year(cli, from, year, out);
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
		{ "from", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *org = NULL, *year_s = NULL, *out = NULL, *format = NULL;
	const char *from = NULL;
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
		case 'l': from = optarg; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (from && (org || format)) {
		fputs("nianbao new: --from 与 --org、--format 不能同时使用（机关名称和格式取自上年的草稿）\n",
		      stderr);
		return 2;
	}
	if (from && (!out || optind != argc)) {
		fputs("nianbao new: --from 还需要 -o\n", stderr);
		usage(stderr);
		return 2;
	}
	if (from)
		return new_from(cli, from, year_s, out, force);
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
	return write_new(cli, format ? format : NB_FORMAT_DEFAULT, org, year, out);
}
