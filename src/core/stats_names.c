/* What the renderings of the statistics call things (see stats.h): the
 * labels are the form's, the sentences around them the same in text and
 * on the page. */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "core/stats.h"

void
nb_stats_describe(const nb_stats_t *s, nb_buf_t *out)
{
	nb_buf_printf(out, "草稿 %zu 份", s->nreports);
	if (s->year_min && s->year_min == s->year_max)
		nb_buf_printf(out, "，%" PRId64 "年度", s->year_min);
	else if (s->year_min)
		nb_buf_printf(out, "，%" PRId64 "至%" PRId64 "年度", s->year_min, s->year_max);
	if (s->nincomplete)
		nb_buf_printf(out, "；其中 %zu 份有未填写的数字，未填写的格不计入合计，"
		              "各项另注未填份数", s->nincomplete);
	if (s->nunread)
		nb_buf_printf(out, "；另有 %zu 份无法读取，未计入", s->nunread);
	nb_buf_puts(out, "。");
}

static const char *
column_of(const nb_stats_t *s, const nb_stat_sum_t *x)
{
	const nb_cell_t *c = &s->form->cells[x->cell];

	return c->column < 0 ? NULL : c->field->columns->cols[c->column].label;
}

/* The column every figure of the table is of, or NULL. */
static const char *
one_column(const nb_stats_t *s, const nb_stat_table_t *t)
{
	const char *label = t->n ? column_of(s, t->v[0]) : NULL;
	size_t i;

	for (i = 1; label && i < t->n; i++)
		if (!column_of(s, t->v[i]) || strcmp(label, column_of(s, t->v[i])))
			return NULL;
	return label;
}

void
nb_stats_table_title(const nb_stats_t *s, const nb_stat_table_t *t,
                     nb_buf_t *out)
{
	const char *col = one_column(s, t);

	nb_buf_puts(out, t->section->heading);
	if (col)
		nb_buf_printf(out, "（%s）", col);
}

/* Whether f is one of the fields the section shows (or the root). */
static int
section_field(const nb_section_t *sec, const nb_field_t *f)
{
	size_t i;

	if (!f->parent)
		return 1;
	for (i = 0; i < sec->nfields; i++)
		if (sec->fields[i] == f)
			return 1;
	return 0;
}

size_t
nb_stats_groups(const nb_stats_t *s, const nb_stat_table_t *t,
                const nb_stat_sum_t *x, const nb_field_t **chain, size_t max)
{
	const nb_field_t *g;
	size_t n = 0, i;

	for (g = s->form->cells[x->cell].field->parent;
	     g && !section_field(t->section, g); g = g->parent)
		n++;
	if (n > max)
		n = max;
	for (i = n, g = s->form->cells[x->cell].field->parent; i > 0; g = g->parent)
		chain[--i] = g;
	return n;
}

void
nb_stats_label(const nb_stats_t *s, const nb_stat_table_t *t,
               const nb_stat_sum_t *x, nb_buf_t *out)
{
	const char *col = column_of(s, x);

	nb_buf_puts(out, s->form->cells[x->cell].field->label);
	if (col && !one_column(s, t))
		nb_buf_printf(out, " %s", col);
}

static void
count(int64_t n, nb_buf_t *out)
{
	nb_buf_printf(out, "%" PRId64, n);
}

void
nb_stats_dist_title(const nb_stat_dist_t *d, nb_buf_t *out)
{
	nb_buf_puts(out, d->label);
	if (d->kind == NB_DIST_REASON) {
		nb_buf_puts(out, "（共 ");
	} else {
		nb_buf_printf(out, "（占%s ", d->whole.label);
	}
	count(d->whole.value, out);
	nb_buf_puts(out, "）");
}

void
nb_stats_top_title(const nb_stats_t *s, nb_buf_t *out)
{
	const nb_cell_t *c = &s->form->cells[s->rank->cell];

	nb_buf_puts(out, c->field->label);
	if (c->column >= 0)
		nb_buf_printf(out, "（%s）", c->field->columns->cols[c->column].label);
	if (s->nbodies_kept)
		nb_buf_printf(out, "最多的 %zu 个机关", s->nbodies_kept);
	else
		nb_buf_puts(out, "：没有可排名的机关");
}

void
nb_stats_percent(int64_t part, int64_t whole, nb_buf_t *out)
{
	int64_t pm = nb_stats_ratio(part, whole, 1000);

	if (pm < 0)
		nb_buf_puts(out, "-");
	else
		nb_buf_printf(out, "%" PRId64 ".%" PRId64 "%%", pm / 10, pm % 10);
}

void
nb_stats_body_name(const nb_stats_t *s, const nb_stat_body_t *b, nb_buf_t *out)
{
	nb_buf_puts(out, b->org);
	if (s->year_min != s->year_max && b->year)
		nb_buf_printf(out, "（%" PRId64 "）", b->year);
}

void
nb_stats_dist_note(const nb_stat_dist_t *d, nb_buf_t *out)
{
	if (d->unfilled)
		nb_buf_printf(out, "有 %zu 份草稿这些格未填全，未填的格不计入", d->unfilled);
}

void
nb_stats_top_note(const nb_stats_t *s, nb_buf_t *out)
{
	if (s->nreports > s->nbodies)
		nb_buf_printf(out, "另有 %zu 份草稿未填写此格，未排名", s->nreports - s->nbodies);
}
