/* nianbao check --children DIR PARENT.yaml...
 *
 * A published parent report (a county's) against the sum of its bodies'
 * drafts under DIR, cell by cell: one error per table cell that differs,
 * at that cell of the parent.  Exit 0 when equal, 1 when a cell differs
 * or a body's draft cannot be added, 2 when a file cannot be read. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/buf.h"
#include "core/number.h"

/* A figure as written; amounts with `decimals` places. */
static void
figure(const nb_field_t *f, int64_t v, int decimals, char *buf)
{
	if (f->type == NB_T_AMOUNT)
		nb_amount_format(v, decimals, buf);
	else
		snprintf(buf, 32, "%lld", (long long)v);
}

/* "规章 本年制发件数 为 3，下级合计为 5（差 -2）" */
static void
mismatch(const nb_report_t *parent, const nb_report_t *total, size_t cell,
         nb_buf_t *out)
{
	const nb_field_t *f = parent->form->cells[cell].field;
	const nb_value_t *x = &parent->values[cell], *y = &total->values[cell];
	int dec = x->decimals > y->decimals ? x->decimals : y->decimals;
	char a[32], b[32], d[32];

	nb_cell_name(parent->form, cell, 0, out);
	figure(f, x->num, dec, a);
	figure(f, y->num, dec, b);
	if (x->filled && y->filled) {
		int64_t z = x->num - y->num;   /* both >= 0: no overflow */
		figure(f, z < 0 ? -z : z, dec, d);
		nb_buf_printf(out, " 为 %s，下级合计为 %s（差 %s%s）", a, b,
		              z < 0 ? "-" : "+", d);
	} else {
		nb_buf_printf(out, " 为 %s，下级合计为 %s", x->filled ? a : "未填写",
		              y->filled ? b : "未填写");
	}
}

static int
print_mismatches(const char *path, const nb_report_t *parent,
                 const nb_report_t *total, size_t count)
{
	size_t *cells, n, i;
	nb_buf_t b;

	if (nb_sum_compare(parent, total, &cells, &n) < 0) {
		fprintf(stderr, "%s: error: 内存不足\n", path);
		return 2;
	}
	for (i = 0; i < n; i++) {
		const nb_value_t *v = &parent->values[cells[i]];
		nb_buf_init(&b);
		mismatch(parent, total, cells[i], &b);
		printf("%s:%d:%d: error: %s [children]\n", path, v->line ? v->line : 1,
		       v->col ? v->col : 1, b.failed ? "内存不足" : b.data);
		nb_buf_free(&b);
	}
	if (n)
		fprintf(stderr, "%s: %zu 格与下级 %zu 份草稿的合计不同\n", path, n, count);
	free(cells);
	return n ? 1 : 0;
}

/* The parent against the sum of the drafts under dir. */
static int
children_one(const nb_cli_t *cli, const char *dir, const char *path)
{
	char *args[1] = { (char *)dir };
	nb_report_t *parent = NULL, *total = NULL;
	nb_sum_t *s = NULL;
	size_t count = 0;
	int rc;

	if ((rc = nb_cli_open(cli, path, &parent)) != 0)
		return rc;
	if (!(s = nb_sum_new(parent->form, nb_report_org(parent), nb_report_year(parent)))) {
		fprintf(stderr, "%s: error: 内存不足\n", path);
		rc = 2;
	} else if ((rc = nb_cli_sum_drafts(cli, s, args, 1, 0, path)) != 0) {
		fprintf(stderr, "%s: 下级草稿未能全部计入合计，没有比对\n", path);
	} else if (!(count = nb_sum_count(s))) {
		fprintf(stderr, "%s: error: 没有找到下级草稿\n", dir);
		rc = 2;
	} else if (!(total = nb_sum_finish(s, NULL))) {
		fprintf(stderr, "%s: error: 内存不足\n", path);
		rc = 2;
	} else {
		rc = print_mismatches(path, parent, total, count);
	}
	nb_report_free(total);
	nb_sum_free(s);
	nb_report_free(parent);
	return rc;
}

int
nb_cmd_check_children(const nb_cli_t *cli, const char *dir, int argc,
                      char **argv)
{
	int i, rc, worst = 0;

	for (i = 0; i < argc; i++) {
		rc = children_one(cli, dir, argv[i]);
		if (rc > worst)
			worst = rc;
	}
	return worst;
}
