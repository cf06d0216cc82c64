/* The document model of a published report: the one place that walks the
 * form's sections and tables (see export.h). */

#include "config.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/export.h"
#include "core/number.h"
#include "core/text.h"

/* ---- blocks and text ---- */

#define IDEO_SPACE "\xE3\x80\x80"     /* U+3000 */

static nb_block_t *
add_block(nb_doc_t *d, nb_block_kind_t kind, int level, const char *text)
{
	nb_block_t *b;

	if (d->n == d->cap) {
		size_t cap = d->cap ? 2 * d->cap : 32;
		nb_block_t *v = realloc(d->v, cap * sizeof *v);
		if (!v)
			return NULL;
		d->v = v;
		d->cap = cap;
	}
	b = &d->v[d->n++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->level = level;
	b->text = text ? text : "";
	return b;
}

/* A copy of n bytes of text in the document's arena, without the control
 * characters XML forbids (a tab becomes a space, a CR goes silently) and
 * without blanks at either end: spaces, and the full-width spaces some
 * paste to indent a paragraph, which every format indents its own way. */
static const char *
clean(nb_doc_t *d, const char *s, size_t n)
{
	char *out = nb_arena_alloc(&d->arena, 3 * n + 1), *o = out;
	size_t i = 0, len;
	uint32_t cp;

	if (!out)
		return NULL;
	while (i < n) {
		len = nb_utf8_next(s + i, n - i, &cp);
		if (cp == '\t') {
			*o++ = ' ';
		} else if (cp == '\r') {
			/* line ends are the draft reader's business */
		} else if ((cp < 0x20 && cp != '\n') || cp == 0x7F ||
		           cp == 0xFFFE || cp == 0xFFFF) {
			d->dropped++;
		} else if (cp == 0xFFFD && len == 1) {
			memcpy(o, "\xEF\xBF\xBD", 3);   /* invalid byte */
			o += 3;
		} else {
			memcpy(o, s + i, len);
			o += len;
		}
		i += len;
	}
	*o = '\0';
	for (;;) {
		if (o > out && (o[-1] == ' ' || o[-1] == '\n'))
			*--o = '\0';
		else if (o - out >= 3 && !memcmp(o - 3, IDEO_SPACE, 3))
			*(o -= 3) = '\0';
		else
			break;
	}
	for (o = out; *o == ' ' || !strncmp(o, IDEO_SPACE, 3); o += *o == ' ' ? 1 : 3)
		;
	return o;
}

/* One paragraph block per non-blank line of text; the first starts with
 * `label` when given. */
static int
add_paragraphs(nb_doc_t *d, const char *text, const char *label)
{
	const char *p = text, *nl, *t;
	nb_buf_t b;
	int first = 1;

	for (; p && *p; p = nl ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		if (!(t = clean(d, p, nl ? (size_t)(nl - p) : strlen(p))))
			return -1;
		if (!*t)
			continue;
		if (first && label && *label) {
			nb_buf_init(&b);
			nb_buf_puts(&b, label);
			nb_buf_puts(&b, t);
			t = b.failed ? NULL : nb_arena_strdup(&d->arena, b.data);
			nb_buf_free(&b);
			if (!t)
				return -1;
		}
		first = 0;
		if (!add_block(d, NB_BLK_PARA, 0, t))
			return -1;
	}
	return 0;
}

/* ---- templates ---- */

void
nb_cn_numeral(int n, char *buf)
{
	static const char *const digit[] = {
		"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"
	};

	buf[0] = '\0';
	if (n <= 0 || n > 99) {
		snprintf(buf, 16, "%d", n);
		return;
	}
	if (n >= 20)
		strcat(buf, digit[n / 10]);
	if (n >= 10)
		strcat(buf, "十");
	if (n % 10 || n < 10)
		strcat(buf, digit[n % 10]);
}

void
nb_value_text(const nb_report_t *r, size_t cell, nb_buf_t *out)
{
	const nb_field_t *f = r->form->cells[cell].field;
	const nb_value_t *v = &r->values[cell];
	char num[32];

	if (!v->filled && !v->text)
		return;
	switch (f->type) {
	case NB_T_COUNT:
	case NB_T_YEAR:
	case NB_T_ROW:
		nb_buf_printf(out, "%" PRId64, v->num);
		break;
	case NB_T_AMOUNT:
		nb_amount_format(v->num, v->decimals, num);
		nb_buf_puts(out, num);
		break;
	default:
		if (v->text)
			nb_buf_puts(out, v->text);
		break;
	}
}

/* Appends the value of {name}; returns 1 when it was empty. */
static int
placeholder(const nb_report_t *r, const char *name, size_t n,
            const char *const *vars, size_t nvars, nb_buf_t *out)
{
	const nb_field_t *f;
	char path[128];
	size_t i, before = out->len;

	for (i = 0; i < 2 * nvars; i += 2)
		if (strlen(vars[i]) == n && !strncmp(vars[i], name, n)) {
			nb_buf_puts(out, vars[i + 1] ? vars[i + 1] : "");
			return out->len == before;
		}
	if (n >= sizeof path)
		return 1;
	memcpy(path, name, n);
	path[n] = '\0';
	if (!strcmp(path, "period") && r->form->period)
		nb_template_expand(r, r->form->period, vars, nvars, out);
	else if ((f = nb_form_field(r->form, path)) && f->type != NB_T_GROUP &&
	         f->type != NB_T_ITEMS && f->ncells == 1)
		nb_value_text(r, f->cell, out);
	return out->len == before;
}

/* Expands s up to the matching ']' (or the end); returns the position after
 * it and sets *empty when a placeholder was empty. */
static const char *
expand(const nb_report_t *r, const char *s, const char *const *vars,
       size_t nvars, nb_buf_t *out, int *empty)
{
	const char *e;
	size_t mark;
	int inner;

	while (*s && *s != ']') {
		if (*s == '{' && (e = strchr(s, '}'))) {
			if (placeholder(r, s + 1, (size_t)(e - s - 1), vars, nvars, out))
				*empty = 1;
			s = e + 1;
		} else if (*s == '[') {
			mark = out->len;
			inner = 0;
			s = expand(r, s + 1, vars, nvars, out, &inner);
			if (*s == ']')
				s++;
			if (inner && !out->failed) {
				out->len = mark;        /* leave the part out */
				out->data[mark] = '\0';
			}
		} else {
			nb_buf_add(out, s, 1);
			s++;
		}
	}
	return s;
}

void
nb_template_expand(const nb_report_t *r, const char *tmpl,
                   const char *const *vars, size_t n, nb_buf_t *out)
{
	const char *s = tmpl;
	int empty = 0;

	while (s && *s) {
		s = expand(r, s, vars, n, out, &empty);
		if (*s == ']')                  /* a stray ']' is kept */
			nb_buf_add(out, s++, 1);
	}
}

static const char *
expand_dup(nb_doc_t *d, const nb_report_t *r, const char *tmpl,
           const char *const *vars, size_t n)
{
	nb_buf_t b;
	const char *s;

	nb_buf_init(&b);
	nb_buf_puts(&b, "");
	nb_template_expand(r, tmpl, vars, n, &b);
	s = b.failed ? NULL : clean(d, b.data, b.len);
	nb_buf_free(&b);
	return s;
}

/* ---- tables ---- */

const nb_gcell_t *
nb_grid_at(const nb_grid_t *g, int row, int col)
{
	return &g->cells[g->slot[row * g->ncols + col]];
}

/* A table cell where the form loader placed it (form.h). */
static int
place(nb_doc_t *d, const nb_report_t *r, nb_grid_t *g, const nb_tcell_t *t,
      nb_error_t *err)
{
	nb_gcell_t *c = &g->cells[g->ncells];
	int i, j;
	nb_buf_t b;

	for (i = t->grow; i < t->grow + t->rows; i++)
		for (j = t->gcol; j < t->gcol + t->cols; j++)
			g->slot[i * g->ncols + j] = (int)g->ncells;
	c->row = t->grow;
	c->col = t->gcol;
	c->rows = t->rows;
	c->cols = t->cols;
	if (t->text) {
		c->kind = t->grow < g->nhead || t->head ? NB_GC_HEAD : NB_GC_LABEL;
		c->text = clean(d, t->text, strlen(t->text));
	} else {
		c->kind = NB_GC_VALUE;
		nb_buf_init(&b);
		nb_buf_puts(&b, "");
		nb_value_text(r, t->cell, &b);
		c->text = b.failed ? NULL : clean(d, b.data, b.len);
		nb_buf_free(&b);
	}
	if (!c->text)
		return nb_error_set(err, NULL, 0, 0, "内存不足");
	g->ncells++;
	return 0;
}

static const nb_grid_t *
build_grid(nb_doc_t *d, const nb_report_t *r, const nb_table_t *t,
           nb_error_t *err)
{
	nb_grid_t *g = nb_arena_alloc(&d->arena, sizeof *g);
	size_t i, j, n = 0;
	int row;

	if (!g)
		return nb_error_set(err, NULL, 0, 0, "内存不足"), NULL;
	g->ncols = t->columns;
	g->nhead = (int)t->nhead;
	g->nrows = (int)(t->nhead + t->nbody);
	for (i = 0; i < t->nhead; i++)
		n += t->head[i].n;
	for (i = 0; i < t->nbody; i++)
		n += t->body[i].n;
	g->cells = nb_arena_alloc(&d->arena, (n ? n : 1) * sizeof *g->cells);
	g->slot = nb_arena_alloc(&d->arena,
	                         ((size_t)g->nrows * g->ncols + 1) * sizeof *g->slot);
	if (!g->cells || !g->slot)
		return nb_error_set(err, NULL, 0, 0, "内存不足"), NULL;
	for (row = 0; row < g->nrows; row++) {
		const nb_trow_t *tr = row < g->nhead ? &t->head[row]
		                                     : &t->body[row - g->nhead];
		for (j = 0; j < tr->n; j++)
			if (place(d, r, g, &tr->cells[j], err) < 0)
				return NULL;
	}
	return g;
}

/* ---- sections ---- */

static int
add_field(nb_doc_t *d, const nb_report_t *r, const nb_field_t *f, int inline_labels)
{
	const nb_form_text_t *ft = &r->form->text;
	const nb_value_t *v = &r->values[f->cell];
	const char *label = NULL;
	char num[16];
	size_t i;

	switch (f->type) {
	case NB_T_GROUP:
		for (i = 0; i < f->nkids; i++)
			if (add_field(d, r, f->kids[i], inline_labels) < 0)
				return -1;
		return 0;
	case NB_T_TEXT:
		if (inline_labels && ft->inline_label) {
			const char *vars[] = { "label", f->label };
			if (!(label = expand_dup(d, r, ft->inline_label, vars, 1)))
				return -1;
		}
		return add_paragraphs(d, v->text, label);
	case NB_T_ITEMS:
		for (i = 0; i < v->nitems; i++) {
			const char *vars[] = { "n", num, "title", v->items[i].title };
			const char *h;
			nb_cn_numeral((int)i + 1, num);
			h = ft->item_heading ? expand_dup(d, r, ft->item_heading, vars, 2)
			                     : clean(d, vars[3], strlen(vars[3]));
			if (!h || !add_block(d, NB_BLK_HEADING, 2, h) ||
			    add_paragraphs(d, v->items[i].text, NULL) < 0)
				return -1;
		}
		return 0;
	default:                /* figures are shown in the tables */
		return 0;
	}
}

/* The part before section 一: the title and the opening paragraph. */
static int
add_header(nb_doc_t *d, const nb_report_t *r, const nb_section_t *s)
{
	const char *opening = r->form->text.opening;
	const nb_value_t *v;
	size_t i;

	if (!(d->title = expand_dup(d, r, r->form->title, NULL, 0)) ||
	    !add_block(d, NB_BLK_TITLE, 0, d->title))
		return -1;
	d->title_lines = d->title;
	if (r->form->text.title_lines &&
	    !(d->title_lines = expand_dup(d, r, r->form->text.title_lines, NULL, 0)))
		return -1;
	for (i = 0; i < s->nfields; i++) {
		if (s->fields[i]->type != NB_T_TEXT)
			continue;
		v = &r->values[s->fields[i]->cell];
		if (v->text && strspn(v->text, " \t\n") < strlen(v->text)) {
			if (add_paragraphs(d, v->text, NULL) < 0)
				return -1;
		} else if (opening) {
			const char *t = expand_dup(d, r, opening, NULL, 0);
			if (!t || add_paragraphs(d, t, NULL) < 0)
				return -1;
		}
	}
	return 0;
}

int
nb_doc_build(const nb_report_t *r, int draft_mark, nb_doc_t *doc, nb_error_t *err)
{
	const nb_form_t *F = r->form;
	const char *mark = F->text.draft_mark ? F->text.draft_mark : "草稿";
	const nb_grid_t *g;
	size_t i, j;

	memset(doc, 0, sizeof *doc);
	nb_arena_init(&doc->arena);
	if (draft_mark && !add_block(doc, NB_BLK_MARK, 0, clean(doc, mark, strlen(mark))))
		goto oom;
	for (i = 0; i < F->nsections; i++) {
		const nb_section_t *s = &F->sections[i];
		if (s->unnumbered) {
			if (add_header(doc, r, s) < 0)
				goto oom;
			continue;
		}
		if (!add_block(doc, NB_BLK_HEADING, 1, clean(doc, s->heading, strlen(s->heading))))
			goto oom;
		if (s->table) {
			if (!(g = build_grid(doc, r, s->table, err)))
				goto fail;
			if (!add_block(doc, NB_BLK_TABLE, 0, ""))
				goto oom;
			doc->v[doc->n - 1].grid = g;
			continue;
		}
		for (j = 0; j < s->nfields; j++)
			if (add_field(doc, r, s->fields[j], s->inline_labels) < 0)
				goto oom;
	}
	if (!doc->title)
		doc->title = doc->title_lines = "";
	return 0;
oom:
	nb_error_set(err, NULL, 0, 0, "内存不足");
fail:
	nb_doc_free(doc);
	return -1;
}

void
nb_doc_free(nb_doc_t *doc)
{
	nb_arena_free(&doc->arena);
	free(doc->v);
	doc->v = NULL;
	doc->n = doc->cap = 0;
}

/* ---- column widths ---- */

/* The widest piece of text that cannot be broken: a CJK character, an
 * enumerator in full-width brackets ("（三）"), or a run of ASCII letters,
 * digits and punctuation (counted up to 12). */
static int
unbreakable(const char *s)
{
	size_t i = 0, n = strlen(s), len;
	int run = 0, best = 0, w;
	uint32_t cp;
	const char *close;

	while (i < n) {
		if (!strncmp(s + i, "（", 3) && (close = strstr(s + i + 3, "）")) &&
		    close - (s + i) <= 12) {
			len = (size_t)(close + 3 - (s + i));
			w = (int)nb_str_width(s + i, len);
			if (w > best)
				best = w;
			run = 0;
			i += len;
			continue;
		}
		i += nb_utf8_next(s + i, n - i, &cp);
		w = nb_cp_width(cp);
		if (cp > ' ' && cp < 0x7F) {
			run += w;
		} else {
			run = 0;
			if (w > best)
				best = w;
		}
		if (run > best)
			best = run > 12 ? 12 : run;
	}
	return best;
}

/* Spreads what a cell over several columns needs beyond those columns. */
static void
spread(int *w, int from, int cols, int need, int sep)
{
	int have = (cols - 1) * sep, j;

	for (j = from; j < from + cols; j++)
		have += w[j];
	for (j = 0; have < need; j = (j + 1) % cols, have++)
		w[from + j]++;
}

/* What each column needs: min[] its longest unbreakable piece, des[] its
 * text unwrapped (at least 4 each).  Returns 0, or -1 out of memory. */
static int
needs(const nb_grid_t *g, int sep, int *min, int *des)
{
	int c, pass;
	size_t i;

	for (c = 0; c < g->ncols; c++)
		min[c] = des[c] = 4;
	for (pass = 0; pass < 2; pass++)        /* single columns, then spans */
		for (i = 0; i < g->ncells; i++) {
			const nb_gcell_t *x = &g->cells[i];
			int u = unbreakable(x->text);
			int full = (int)nb_str_width(x->text, strlen(x->text));
			if ((x->cols == 1) != (pass == 0))
				continue;
			spread(min, x->col, x->cols, u, sep);
			spread(des, x->col, x->cols, full, sep);
		}
	for (c = 0; c < g->ncols; c++)
		if (des[c] < min[c])
			des[c] = min[c];
	return 0;
}

int
nb_grid_min_width(const nb_grid_t *g, int sep)
{
	int *min = calloc((size_t)g->ncols * 2 + 1, sizeof *min);
	int c, total = 1;

	if (!min)
		return 1 + g->ncols * (4 + sep);
	needs(g, sep, min, min + g->ncols);
	for (c = 0; c < g->ncols; c++)
		total += min[c] + sep;
	free(min);
	return total;
}

int
nb_grid_widths(const nb_grid_t *g, int budget, int sep, int *widths)
{
	int *min = calloc((size_t)g->ncols * 2 + 1, sizeof *min), *des;
	int c, pass, smin = 0, sdes = 0, avail, total, even;

	if (!min) {                     /* fall back to equal columns */
		for (c = 0; c < g->ncols; c++)
			widths[c] = 4;
		return 1 + g->ncols * (4 + sep);
	}
	des = min + g->ncols;
	needs(g, sep, min, des);
	avail = budget - 1 - g->ncols * sep;
	for (c = 0; c < g->ncols; c++)
		smin += min[c];
	if (smin > avail) {
		/* even the unbreakable pieces do not fit: let long numbers break
		 * too, down to an even share of the width (2 at least) */
		even = avail / g->ncols - (avail / g->ncols) % 2;
		if (even < 2)
			even = 2;
		for (smin = 0, c = 0; c < g->ncols; c++) {
			if (min[c] > even)
				min[c] = even;
			smin += min[c];
		}
	}
	for (c = 0; c < g->ncols; c++)
		sdes += des[c];
	avail = budget - 1 - g->ncols * sep;
	for (c = 0; c < g->ncols; c++) {
		if (sdes <= avail)
			widths[c] = des[c];
		else if (smin >= avail)
			widths[c] = min[c];
		else
			widths[c] = min[c] + (int)((long)(des[c] - min[c]) *
			                           (avail - smin) / (sdes - smin));
	}
	/* give what rounding left over to the columns furthest from content */
	for (total = 0, c = 0; c < g->ncols; c++)
		total += widths[c];
	while (sdes > avail && smin < avail && total < avail) {
		int best = 0;
		for (c = 1; c < g->ncols; c++)
			if (des[c] - widths[c] > des[best] - widths[best])
				best = c;
		widths[best]++;
		total++;
	}
	/* a CJK character takes two columns: odd widths waste one */
	for (pass = 0; pass < 2; pass++)
		for (c = 0; c < g->ncols; c++) {
			if (widths[c] % 2 == 0 || widths[c] >= des[c])
				continue;
			if (total < avail) {
				widths[c]++;
				total++;
			} else if (widths[c] - 1 >= min[c]) {
				widths[c]--;
				total--;
			}
		}
	free(min);
	return 1 + total + g->ncols * sep;
}

/* A column of figures: no label covers a slot of it below the head, and
 * some figure does. */
static int
figure_column(const nb_grid_t *g, int c)
{
	int r, figures = 0;

	for (r = g->nhead; r < g->nrows; r++) {
		const nb_gcell_t *x = nb_grid_at(g, r, c);
		if (x->kind == NB_GC_LABEL)
			return 0;
		figures += x->kind == NB_GC_VALUE;
	}
	return figures > 0;
}

int
nb_grid_print_widths(const nb_grid_t *g, int total, int *widths)
{
	int *w = calloc((size_t)g->ncols + 1, sizeof *w);
	int c, sum = 0, used = 0, nfig = 0, figsum = 0, spare = -1;

	if (!w)
		return -1;
	nb_grid_widths(g, 80, 2, w);
	for (c = 0; c < g->ncols; c++)
		sum += w[c] + 2;
	for (c = 0; c < g->ncols; c++) {
		widths[c] = (int)((long)total * (w[c] + 2) / sum);
		if (figure_column(g, c)) {
			nfig++;
			figsum += widths[c];
		} else if (spare < 0) {
			spare = c;
		}
	}
	for (c = 0; c < g->ncols; c++) {
		if (nfig && figure_column(g, c))
			widths[c] = figsum / nfig;
		used += widths[c];
	}
	/* what rounding left goes to a column of labels, or else is lost
	 * (less than one unit a column) */
	if (spare >= 0)
		widths[spare] += total - used;
	free(w);
	return 0;
}

/* The lines a cell's text takes in the columns it covers. */
static int
cell_lines(const nb_gcell_t *x, const int *w)
{
	int c, width = 2 * (x->cols - 1);

	for (c = x->col; c < x->col + x->cols; c++)
		width += w[c];
	return (int)nb_txt_wrap(x->text, width, NULL, 0);
}

int
nb_grid_keeps(const nb_grid_t *g, unsigned char *keep)
{
	int *w = calloc((size_t)g->ncols + (size_t)g->nrows + 1, sizeof *w);
	int *lines, r, k, have;
	size_t i;

	if (!w)
		return -1;
	lines = w + g->ncols;
	nb_grid_widths(g, 80, 2, w);
	for (i = 0; i < g->ncells; i++)         /* a row's own height */
		if (g->cells[i].rows == 1 && cell_lines(&g->cells[i], w) > lines[g->cells[i].row])
			lines[g->cells[i].row] = cell_lines(&g->cells[i], w);
	for (r = 0; r < g->nrows; r++)
		keep[r] = r < g->nhead;
	for (i = 0; i < g->ncells; i++) {
		const nb_gcell_t *x = &g->cells[i];
		if (x->rows < 2 || x->row < g->nhead)
			continue;
		for (k = 0, have = 0; k < x->rows - 1; k++) {
			have += lines[x->row + k];
			if (have >= cell_lines(x, w))
				break;
			keep[x->row + k] = 1;
		}
	}
	free(w);
	return 0;
}

static int
url_char(unsigned char c)
{
	return c > ' ' && c < 0x7F && !strchr("\"<>\\^`{|}", c);
}

const char *
nb_find_url(const char *s, size_t *len)
{
	static const char *const starts[] = { "http://", "https://", "www." };
	const char *best = NULL, *p;
	size_t i, n;

	for (i = 0; i < sizeof starts / sizeof starts[0]; i++)
		for (p = s; (p = strstr(p, starts[i])); p++)
			if (p == s || !isalnum((unsigned char)p[-1])) {
				if (!best || p < best)
					best = p;
				break;
			}
	if (!best)
		return NULL;
	for (n = 0; url_char((unsigned char)best[n]); n++)
		;
	while (n && strchr(".,;:!?)'", best[n - 1]))
		n--;
	*len = n;
	return best;
}

/* ---- the whole export ---- */

static const struct {
	const char *name;
	nb_export_format_t fmt;
} format_names[] = {
	{ "txt", NB_EXPORT_TXT }, { "md", NB_EXPORT_MD },
	{ "html", NB_EXPORT_HTML }, { "docx", NB_EXPORT_DOCX }, { "pdf", NB_EXPORT_PDF },
	{ "csv", NB_EXPORT_CSV }, { "xlsx", NB_EXPORT_XLSX },
	{ "text", NB_EXPORT_TXT }, { "markdown", NB_EXPORT_MD },
	{ "htm", NB_EXPORT_HTML },
};

int
nb_export_format_parse(const char *name, nb_export_format_t *fmt)
{
	size_t i;

	for (i = 0; i < sizeof format_names / sizeof format_names[0]; i++)
		if (!strcasecmp(name, format_names[i].name)) {
			*fmt = format_names[i].fmt;
			return 0;
		}
	return -1;
}

int
nb_export_format_of_path(const char *path, nb_export_format_t *fmt)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash : path, '.');

	return dot ? nb_export_format_parse(dot + 1, fmt) : -1;
}

const char *
nb_export_format_name(nb_export_format_t fmt)
{
	return format_names[fmt].name;
}

int
nb_export_render(const nb_report_t *r, nb_export_format_t fmt, int draft_mark,
                 nb_buf_t *out, nb_error_t *err)
{
	static int (*const render[])(const nb_doc_t *, nb_buf_t *, nb_error_t *) = {
		nb_render_txt, nb_render_md, nb_render_html, nb_render_docx, nb_render_pdf,
		nb_render_csv, nb_render_xlsx
	};
	nb_doc_t doc;
	int rc;

	if ((unsigned)fmt >= sizeof render / sizeof render[0])
		return nb_error_set(err, NULL, 0, 0, "未知的导出格式");
	if (nb_doc_build(r, draft_mark, &doc, err) < 0)
		return -1;
	rc = render[fmt](&doc, out, err);
	if (rc == 0 && out->failed)
		rc = nb_error_set(err, NULL, 0, 0, "内存不足");
	if (rc == 0)
		rc = doc.dropped > 0x7fffffff ? 0x7fffffff : (int)doc.dropped;
	nb_doc_free(&doc);
	return rc;
}
