/* nianbao sum -o TOTAL.yaml --org NAME --year N [--force]
 *            [--contact-from DRAFT] DRAFT...|DIR...
 *
 * The tables of many bodies' drafts added up into one draft, as a county
 * publishes them.  Exit 0 when the sum is written, 1 when drafts were
 * refused (nothing is written), 2 when a file could not be read or
 * written or the command was misused. */

#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static void
usage(FILE *out)
{
	fputs("用法：nianbao sum -o 合计.yaml --org 机关名称 --year 年度 [--force]\n"
	      "                  [--contact-from 草稿.yaml] 草稿.yaml...|目录...\n"
	      "把各单位草稿的表二、表三、表四逐格相加，写成一份草稿：文字部分留空，\n"
	      "所合计的草稿列在 x-sum-of 下。目录中的草稿逐层查找。\n"
	      "有错误、有未填写的格或年度不同的草稿不予合计（逐份说明原因，不写出文件），\n"
	      "除非加 --force：只合计已填写的格，并说明强行计入了哪些。\n"
	      "--contact-from 从该草稿取联系方式（如本级上年的报告）。-o - 写到标准输出。\n"
	      "退出状态：0 已写出，1 有草稿被拒绝，2 文件无法读取或写入。\n",
	      out);
}

/* The one-line fields other than the identity (the contact details) of
 * from, put into to.  -1 when out of memory. */
static int
copy_contact(nb_report_t *to, const nb_report_t *from)
{
	const nb_form_t *F = to->form;
	size_t i;

	for (i = 0; i < F->ncells; i++) {
		const nb_field_t *f = F->cells[i].field;
		if (f->type != NB_T_LINE || f == F->org_field)
			continue;
		if (nb_report_set_text(to, i, from->values[i].text) < 0)
			return -1;
	}
	return 0;
}

/* The sum finished and written to out; returns the exit status. */
static int
write_sum(nb_sum_t *s, const nb_report_t *contact, const char *out)
{
	size_t n = nb_sum_count(s), recomputed = 0;
	nb_report_t *total = nb_sum_finish(s, &recomputed);
	int rc;

	if (!total || (contact && copy_contact(total, contact) < 0)) {
		nb_report_free(total);
		fputs("nianbao sum: 内存不足\n", stderr);
		return 2;
	}
	if (recomputed)
		fprintf(stderr, "nianbao sum: warning: %zu 个总计按合计后的各项重新计算"
		        "（与各份草稿的总计之和不同）\n", recomputed);
	if ((rc = nb_cli_save_draft("sum", total, out)) == 0)
		fprintf(stderr, "nianbao sum: 合计了 %zu 份草稿，写到 %s\n", n,
		        strcmp(out, "-") ? out : "标准输出");
	nb_report_free(total);
	return rc;
}

/* The draft whose contact details the sum takes, of the sum's form. */
static int
open_contact(const nb_cli_t *cli, const nb_form_t *form, const char *path,
             nb_report_t **out)
{
	int rc;

	*out = NULL;
	if (!path)
		return 0;
	if ((rc = nb_cli_open(cli, path, out)) != 0)
		return rc;
	if ((*out)->form != form) {
		fprintf(stderr, "%s: error: 格式为“%s”，不是“%s”，不能从中取联系方式\n",
		        path, (*out)->form->format, form->format);
		nb_report_free(*out);
		*out = NULL;
		return 2;
	}
	return 0;
}

typedef struct {
	const char *org, *year, *out, *format, *contact;
	int force;
} sum_opts_t;

static int
run(const nb_cli_t *cli, const sum_opts_t *o, int64_t year, char **args, int n)
{
	const nb_form_t *form;
	nb_report_t *contact = NULL;
	nb_error_t err = { 0 };
	nb_sum_t *s = NULL;
	int rc;

	if (nb_formset_get(cli->forms, o->format, &form, &err) < 0) {
		nb_error_print(&err, stderr);
		return 2;
	}
	if ((rc = open_contact(cli, form, o->contact, &contact)) != 0)
		return rc;
	if (!(s = nb_sum_new(form, o->org, year))) {
		fputs("nianbao sum: 内存不足\n", stderr);
		rc = 2;
	} else if ((rc = nb_cli_sum_drafts(cli, s, args, n, o->force, o->out)) != 0) {
		fprintf(stderr, "nianbao sum: 有草稿未能计入合计，没有写出 %s\n", o->out);
	} else if (!nb_sum_count(s)) {
		fputs("nianbao sum: 没有找到要合计的草稿\n", stderr);
		rc = 2;
	} else {
		rc = write_sum(s, contact, o->out);
	}
	nb_sum_free(s);
	nb_report_free(contact);
	return rc;
}

int
nb_cmd_sum(const nb_cli_t *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, NULL, 'n' },
		{ "year", required_argument, NULL, 'y' },
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "contact-from", required_argument, NULL, 'c' },
		{ "force", no_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	sum_opts_t o = { .format = NB_FORMAT_DEFAULT };
	int64_t year;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "n:y:o:f:c:Fh", opts, NULL)) != -1) {
		switch (c) {
		case 'n': o.org = optarg; break;
		case 'y': o.year = optarg; break;
		case 'o': o.out = optarg; break;
		case 'f': o.format = optarg; break;
		case 'c': o.contact = optarg; break;
		case 'F': o.force = 1; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (!o.org || !o.year || !o.out || optind >= argc) {
		fputs("nianbao sum: 需要 --org、--year、-o 和要合计的草稿或目录\n", stderr);
		usage(stderr);
		return 2;
	}
	if (nb_cli_identity("sum", o.org, o.year, &year) != 0)
		return 2;
	return run(cli, &o, year, argv + optind, argc - optind);
}
