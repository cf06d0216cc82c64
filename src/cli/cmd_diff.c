/* nianbao diff [--format text|tsv] A.yaml B.yaml
 *
 * Every cell and paragraph that differs from A to B, by its official
 * name, under the heading of its section: old and new value and, for
 * figures, the change.  Exit 0 when equal, 1 when different, 2 when a
 * file cannot be read or the two follow different forms. */

#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/buf.h"
#include "core/diff.h"
#include "core/text.h"

static void
usage(FILE *out)
{
	fputs("用法：nianbao diff [--format text|tsv] 甲.yaml 乙.yaml\n"
	      "逐项列出从甲到乙的不同：表格的格按正式名称（表、行、列）列出原值、新值和增减百分比，\n"
	      "文字按段落列出（- 删去，+ 新增，旧/新 改写）；机关名称和年度排在最前。\n"
	      "--format tsv 每处一行：类别、名称、原值、新值、变化，以制表符分隔。\n"
	      "退出状态：0 相同，1 有不同，2 文件无法读取或格式不同。\n",
	      out);
}

/* What a difference is called: the cell's official name, the title of a
 * subsection, and which paragraph. */
static void
name_of(const nb_form_t *form, const nb_diff_t *d, nb_buf_t *out)
{
	if (d->item)
		nb_buf_puts(out, d->item);
	else
		nb_cell_name(form, d->cell, 0, out);
	if (d->kind == NB_DIFF_REMOVED)
		nb_buf_printf(out, " 第%zu段", d->para_old);
	else if (d->kind == NB_DIFF_ADDED || d->kind == NB_DIFF_CHANGED)
		nb_buf_printf(out, " 第%zu段", d->para_new);
}

static int
is_paragraph(nb_diff_kind_t k)
{
	return k == NB_DIFF_REMOVED || k == NB_DIFF_ADDED || k == NB_DIFF_CHANGED ||
	       k == NB_DIFF_ITEM_REMOVED || k == NB_DIFF_ITEM_ADDED;
}

/* ---- tsv ---- */

static void
tsv_field(const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\t')
			fputs("\\t", stdout);
		else if (*s == '\n')
			fputs("\\n", stdout);
		else if (*s == '\\')
			fputs("\\\\", stdout);
		else
			putchar(*s);
	}
}

static void
print_tsv(const nb_form_t *form, const nb_diffs_t *ds)
{
	char change[32];
	nb_buf_t name;
	size_t i;

	for (i = 0; i < ds->n; i++) {
		const nb_diff_t *d = &ds->v[i];
		nb_buf_init(&name);
		name_of(form, d, &name);
		nb_diff_change(d, change);
		printf("%s\t", nb_diff_kind_name(d->kind));
		tsv_field(name.data);
		putchar('\t');
		tsv_field(d->old);
		putchar('\t');
		tsv_field(d->new);
		printf("\t%s\n", change);
		nb_buf_free(&name);
	}
}

/* ---- text, aligned by display width ---- */

typedef struct {
	size_t name, old, new;  /* column widths */
} widths_t;

static size_t
width(const char *s)
{
	return nb_str_width(s, strlen(s));
}

static const char *
shown(const char *s)
{
	return s ? s : "~";
}

static void
pad(const char *s, size_t w, int right)
{
	size_t n = width(s);

	if (right)
		printf("%*s%s", (int)(w > n ? w - n : 0), "", s);
	else
		printf("%s%*s", s, (int)(w > n ? w - n : 0), "");
}

static widths_t
measure(const nb_form_t *form, const nb_diffs_t *ds)
{
	widths_t w = { 0, 0, 0 };
	nb_buf_t name;
	size_t i, n;

	for (i = 0; i < ds->n; i++) {
		const nb_diff_t *d = &ds->v[i];
		nb_buf_init(&name);
		name_of(form, d, &name);
		if ((n = name.data ? width(name.data) : 0) > w.name)
			w.name = n;
		nb_buf_free(&name);
		if (is_paragraph(d->kind))
			continue;
		if ((n = width(shown(d->old))) > w.old)
			w.old = n;
		if ((n = width(shown(d->new))) > w.new)
			w.new = n;
	}
	return w;
}

static void
print_value(const nb_diff_t *d, const widths_t *w)
{
	int right = d->kind == NB_DIFF_FIGURE;
	char change[32];

	switch (d->kind) {
	case NB_DIFF_REMOVED:
		printf("- %s\n", d->old);
		return;
	case NB_DIFF_ADDED:
		printf("+ %s\n", d->new);
		return;
	case NB_DIFF_CHANGED:
		printf("旧 %s\n  %*s  新 %s\n", d->old, (int)w->name, "", d->new);
		return;
	case NB_DIFF_ITEM_REMOVED:
		puts("- 删去这一分项");
		return;
	case NB_DIFF_ITEM_ADDED:
		puts("+ 新增这一分项");
		return;
	default:
		break;
	}
	nb_diff_change(d, change);
	pad(shown(d->old), w->old, right);
	fputs(" -> ", stdout);
	if (!*change) {
		printf("%s\n", shown(d->new));
		return;
	}
	pad(shown(d->new), w->new, right);
	printf("  %s\n", change);
}

static void
print_text(const nb_form_t *form, const nb_diffs_t *ds)
{
	const nb_section_t *section = NULL;
	widths_t w = measure(form, ds);
	nb_buf_t name;
	size_t i;

	for (i = 0; i < ds->n; i++) {
		const nb_diff_t *d = &ds->v[i];
		if (d->section && d->section != section)
			printf("%s\n", d->section->heading);
		section = d->section;
		nb_buf_init(&name);
		name_of(form, d, &name);
		fputs("  ", stdout);
		pad(name.data ? name.data : "", w.name, 0);
		fputs("  ", stdout);
		print_value(d, &w);
		nb_buf_free(&name);
	}
}

/* ---- the command ---- */

static int
compare(const nb_cli_t *cli, const char *pa, const char *pb, int tsv)
{
	nb_report_t *a = NULL, *b = NULL;
	nb_diffs_t ds;
	int rc;

	if ((rc = nb_cli_open(cli, pa, &a)) != 0 || (rc = nb_cli_open(cli, pb, &b)) != 0)
		goto done;
	if (a->form != b->form) {
		fprintf(stderr, "%s: error: 格式为“%s”，与 %s 的“%s”不同，无法比较\n", pb,
		        b->form->format, pa, a->form->format);
		rc = 2;
		goto done;
	}
	nb_diffs_init(&ds);
	if (nb_diff(a, b, &ds) < 0) {
		fputs("nianbao diff: 内存不足\n", stderr);
		rc = 2;
	} else {
		(tsv ? print_tsv : print_text)(a->form, &ds);
		rc = ds.n ? 1 : 0;
	}
	nb_diffs_free(&ds);
done:
	nb_report_free(a);
	nb_report_free(b);
	return rc;
}

int
nb_cmd_diff(const nb_cli_t *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c, tsv = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "f:h", opts, NULL)) != -1) {
		if (c == 'f' && (!strcmp(optarg, "tsv") || !strcmp(optarg, "text"))) {
			tsv = !strcmp(optarg, "tsv");
		} else if (c == 'h') {
			usage(stdout);
			return 0;
		} else {
			if (c == 'f')
				fprintf(stderr, "nianbao diff: 未知的输出格式“%s”（应为 text 或 tsv）\n",
				        optarg);
			usage(stderr);
			return 2;
		}
	}
	if (argc - optind != 2) {
		fputs("nianbao diff: 需要两份草稿\n", stderr);
		usage(stderr);
		return 2;
	}
	return compare(cli, argv[optind], argv[optind + 1], tsv);
}
