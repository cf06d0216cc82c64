/* Writing a draft: the canonical YAML layout (file.c writes it to disk). */

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "core/draft.h"
#include "core/file.h"
#include "core/number.h"

typedef struct {
	yaml_emitter_t em;
	const nb_report_t *rep;
	nb_error_t *err;
	int failed;
} writer_t;

static int
emit(writer_t *W, yaml_event_t *ev)
{
	if (W->failed)
		return -1;
	if (!yaml_emitter_emit(&W->em, ev)) {
		W->failed = 1;
		return nb_error_set(W->err, NULL, 0, 0, "无法生成 YAML：%s",
		                    W->em.problem ? W->em.problem : "内存不足");
	}
	return 0;
}

static void
scalar(writer_t *W, const char *s, yaml_scalar_style_t style)
{
	yaml_event_t ev;

	if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s,
	                                  (int)strlen(s), 1, 1, style)) {
		W->failed = 1;
		nb_error_set(W->err, NULL, 0, 0, "内存不足");
		return;
	}
	emit(W, &ev);
}

/* Whether YAML 1.1 would read s as something other than a string. */
static int
needs_quotes(const char *s)
{
	static const char *const words[] = {
		"y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"
	};
	size_t i;

	if (!*s || strchr("0123456789+-.", *s))
		return 1;
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (!strcasecmp(s, words[i]))
			return 1;
	return 0;
}

static void
string(writer_t *W, const char *s)
{
	scalar(W, s, needs_quotes(s) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE
	                             : YAML_PLAIN_SCALAR_STYLE);
}

static void
paragraphs(writer_t *W, const char *s)
{
	scalar(W, s, *s ? YAML_LITERAL_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE);
}

static void
start(writer_t *W, int map, int flow)
{
	yaml_event_t ev;

	if (map)
		yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
		    flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
	else
		yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
		    flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
	emit(W, &ev);
}

static void
end(writer_t *W, int map)
{
	yaml_event_t ev;

	if (map)
		yaml_mapping_end_event_initialize(&ev);
	else
		yaml_sequence_end_event_initialize(&ev);
	emit(W, &ev);
}

static void
number(writer_t *W, const nb_field_t *f, const nb_value_t *v)
{
	char buf[32];

	if (!v->filled)
		snprintf(buf, sizeof buf, "~");
	else if (f->type == NB_T_AMOUNT)
		nb_amount_format(v->num, v->decimals, buf);
	else
		snprintf(buf, sizeof buf, "%lld", (long long)v->num);
	scalar(W, buf, YAML_PLAIN_SCALAR_STYLE);
}

/* A kept "x-" value, written back as it was read. */
static void
node(writer_t *W, const nb_ynode_t *n)
{
	size_t i;

	/* Where libyaml cannot write a plain scalar (an empty one, or "a, b"
	 * inside a flow collection) it falls back to single quotes; asking for
	 * single quotes for quoted ones too makes the text canonical: saving a
	 * saved draft again gives the same bytes.  An empty plain scalar is
	 * null and stays null. */
	if (n->type == NB_Y_SCALAR) {
		if (n->plain && !n->len)
			scalar(W, "~", YAML_PLAIN_SCALAR_STYLE);
		else
			scalar(W, n->str, n->plain ? YAML_PLAIN_SCALAR_STYLE
			                           : YAML_SINGLE_QUOTED_SCALAR_STYLE);
		return;
	}
	start(W, n->type == NB_Y_MAP, n->flow);
	for (i = 0; i < n->n; i++)
		node(W, n->kids[i]);
	end(W, n->type == NB_Y_MAP);
}

static void
items(writer_t *W, const nb_value_t *v)
{
	size_t i, k;

	start(W, 0, 0);
	for (i = 0; i < v->nitems; i++) {
		start(W, 1, 0);
		scalar(W, "title", YAML_PLAIN_SCALAR_STYLE);
		string(W, v->items[i].title);
		scalar(W, "text", YAML_PLAIN_SCALAR_STYLE);
		paragraphs(W, v->items[i].text);
		for (k = 0; v->items[i].extras && k < v->items[i].extras->n; k++)
			node(W, v->items[i].extras->kids[k]);
		end(W, 1);
	}
	end(W, 0);
}

static void field(writer_t *W, const nb_field_t *f);

static void
group(writer_t *W, const nb_field_t *g)
{
	const nb_report_t *r = W->rep;
	size_t i;

	start(W, 1, g->flow);
	for (i = 0; i < g->nkids; i++) {
		scalar(W, g->kids[i]->key, YAML_PLAIN_SCALAR_STYLE);
		field(W, g->kids[i]);
	}
	for (i = 0; i < r->nextras; i++) {
		if (r->extras[i].parent != g)
			continue;
		string(W, r->extras[i].key);
		node(W, r->extras[i].node);
	}
	end(W, 1);
}

static void
field(writer_t *W, const nb_field_t *f)
{
	const nb_value_t *v = &W->rep->values[f->cell];
	size_t i;

	switch (f->type) {
	case NB_T_GROUP:
		group(W, f);
		break;
	case NB_T_ROW:
		start(W, 0, 1);
		for (i = 0; i < f->ncells; i++)
			number(W, f, &v[i]);
		end(W, 0);
		break;
	case NB_T_ITEMS:
		items(W, v);
		break;
	case NB_T_COUNT:
	case NB_T_AMOUNT:
	case NB_T_YEAR:
		number(W, f, v);
		break;
	case NB_T_TEXT:
		paragraphs(W, v->text ? v->text : "");
		break;
	default:
		string(W, v->text ? v->text : "");
		break;
	}
}

static int
to_buf(void *data, unsigned char *bytes, size_t size)
{
	nb_buf_t *b = data;

	nb_buf_add(b, (const char *)bytes, size);
	return !b->failed;
}

int
nb_draft_emit(const nb_report_t *r, nb_buf_t *out, nb_error_t *err)
{
	writer_t W = { .rep = r, .err = err };
	yaml_event_t ev;

	if (!yaml_emitter_initialize(&W.em))
		return nb_error_set(err, NULL, 0, 0, "内存不足");
	yaml_emitter_set_output(&W.em, to_buf, out);
	yaml_emitter_set_unicode(&W.em, 1);
	yaml_emitter_set_width(&W.em, -1);
	yaml_emitter_set_indent(&W.em, 2);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(&W, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	emit(&W, &ev);
	group(&W, r->form->root);
	yaml_document_end_event_initialize(&ev, 1);
	emit(&W, &ev);
	yaml_stream_end_event_initialize(&ev);
	emit(&W, &ev);
	yaml_emitter_delete(&W.em);
	if (!W.failed && out->failed)
		return nb_error_set(err, NULL, 0, 0, "内存不足");
	return W.failed ? -1 : 0;
}

int
nb_draft_save(const nb_report_t *r, const char *path, nb_error_t *err)
{
	nb_buf_t b;
	int rc;

	nb_buf_init(&b);
	if (nb_draft_emit(r, &b, err) < 0) {
		nb_buf_free(&b);
		snprintf(err->file, sizeof err->file, "%s", path);
		return -1;
	}
	rc = nb_file_save(path, b.data ? b.data : "", b.len, err);
	nb_buf_free(&b);
	return rc;
}
