/* The statistics as tab-separated values, one figure a line, for scripts
 * and spreadsheets:
 *   kind      name                       value  share
 *   reports / incomplete / unread / year_from / year_to   (name empty)
 *   figure    a table's figure (its full name, nb_cell_name)
 *   unfilled  the same figure: reports where it is not filled in (when any)
 *   outcome   an outcome, its share of the total
 *   reason    "outcome reason", its share of the outcome
 *   applicant a column of the first row, its share of the total column
 *   body      a body of the top ones, its share of the ranking cell's sum
 * A share is a fraction with four places; empty when there is none. */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "core/stats.h"

static void
name(nb_buf_t *out, const char *s)
{
	for (; *s; s++)
		nb_buf_add(out, *s == '\t' || *s == '\n' || *s == '\r' ? " " : s, 1);
}

static void
share(nb_buf_t *out, int64_t part, int64_t whole)
{
	int64_t r = nb_stats_ratio(part, whole, 10000);

	if (r >= 0)
		nb_buf_printf(out, "%" PRId64 ".%04" PRId64, r / 10000, r % 10000);
}

static void
line(nb_buf_t *out, const char *kind, const char *a, const char *b,
     const char *value)
{
	nb_buf_printf(out, "%s\t", kind);
	name(out, a);
	if (b) {
		nb_buf_puts(out, " ");
		name(out, b);
	}
	nb_buf_printf(out, "\t%s\t", value);
}

static void
count_line(nb_buf_t *out, const char *kind, int64_t n)
{
	char num[32];

	snprintf(num, sizeof num, "%" PRId64, n);
	line(out, kind, "", NULL, num);
	nb_buf_puts(out, "\n");
}

static void
part_line(nb_buf_t *out, const char *kind, const char *a, const char *b,
          int64_t value, int64_t whole)
{
	char num[32];

	snprintf(num, sizeof num, "%" PRId64, value);
	line(out, kind, a, b, num);
	share(out, value, whole);
	nb_buf_puts(out, "\n");
}

static void
figures(nb_buf_t *out, const nb_stats_t *s, const nb_stat_table_t *t)
{
	char num[32];
	nb_buf_t cell;
	size_t i;

	for (i = 0; i < t->n; i++) {
		const nb_stat_sum_t *x = t->v[i];
		nb_buf_init(&cell);
		nb_buf_puts(&cell, "");
		nb_cell_name(s->form, x->cell, 0, &cell);
		if (x->filled)
			nb_stats_format(s, x, num);
		else
			num[0] = '\0';
		line(out, "figure", cell.data ? cell.data : "", NULL, num);
		nb_buf_puts(out, "\n");
		if (x->unfilled) {
			snprintf(num, sizeof num, "%zu", x->unfilled);
			line(out, "unfilled", cell.data ? cell.data : "", NULL, num);
			nb_buf_puts(out, "\n");
		}
		nb_buf_free(&cell);
	}
}

static void
dist(nb_buf_t *out, const nb_stat_dist_t *d)
{
	static const char *const kind[] = { "outcome", "reason", "applicant" };
	size_t i;

	for (i = 0; i < d->n; i++) {
		const nb_stat_part_t *p = &d->v[i];
		if (d->kind == NB_DIST_REASON)   /* named with its outcome */
			part_line(out, kind[d->kind], d->label, p->label, p->value,
			          d->whole.value);
		else
			part_line(out, kind[d->kind], p->label, NULL, p->value,
			          d->whole.value);
	}
}

int
nb_stats_tsv(const nb_stats_t *s, nb_buf_t *out, nb_error_t *err)
{
	nb_buf_t b;
	size_t i;

	(void)err;
	nb_buf_puts(out, "kind\tname\tvalue\tshare\n");
	count_line(out, "reports", (int64_t)s->nreports);
	count_line(out, "incomplete", (int64_t)s->nincomplete);
	count_line(out, "unread", (int64_t)s->nunread);
	if (s->year_min) {
		count_line(out, "year_from", s->year_min);
		count_line(out, "year_to", s->year_max);
	}
	for (i = 0; i < s->ntables; i++)
		figures(out, s, &s->tables[i]);
	for (i = 0; i < s->ndists; i++)
		dist(out, &s->dists[i]);
	for (i = 0; i < s->nbodies_kept; i++) {
		nb_buf_init(&b);
		nb_stats_body_name(s, &s->bodies[i], &b);
		part_line(out, "body", b.data ? b.data : "", NULL, s->bodies[i].value,
		          s->rank->sum);
		nb_buf_free(&b);
	}
	return 0;
}
