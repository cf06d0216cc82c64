/* editor_text.c - the findings about sentences of the narrative, as the
 * editor shows them: the spans of a paragraph to mark, the finding under
 * the cursor, and where a finding puts the cursor. */

#include "config.h"

#include <string.h>

#include "core/editor.h"
#include "core/editor_impl.h"

/* The text of a paragraph stop as stored in the report ("" if none). */
static const char *
stored_text(const nb_editor_t *ed, const nb_stop_t *s)
{
	const nb_value_t *v = &ed->rep->values[s->cell];
	const char *t = s->kind == NB_STOP_ITEM
	                ? ((size_t)s->item < v->nitems ? v->items[s->item].text : NULL)
	                : v->text;

	return t ? t : "";
}

static int
is_paragraph(const nb_stop_t *s)
{
	return s->kind == NB_STOP_TEXT || s->kind == NB_STOP_ITEM;
}

/* Characters in the first `bytes` bytes of s, and the reverse. */
static size_t
chars_in(const char *s, size_t bytes)
{
	size_t i, n = 0;

	for (i = 0; i < bytes && s[i]; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

static size_t
bytes_of(const char *s, size_t chars)
{
	size_t i = 0;

	while (s[i] && chars) {
		i++;
		while (((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		chars--;
	}
	return i;
}

static int
about_stop(const nb_finding_t *f, const nb_stop_t *s)
{
	return f->in_text && f->cell == s->cell && f->item == s->item;
}

size_t
nb_ed_text_marks(const nb_editor_t *ed, size_t stop, nb_mark_span_t *out,
                 size_t max)
{
	const nb_stop_t *s = &ed->nav.stops[stop];
	const char *text;
	size_t i, n = 0;

	if (!is_paragraph(s))
		return 0;
	text = stored_text(ed, s);
	for (i = 0; i < ed->findings.n; i++) {
		const nb_finding_t *f = &ed->findings.v[i];
		if (!about_stop(f, s))
			continue;
		if (n < max) {
			out[n].start = chars_in(text, f->start);
			out[n].end = chars_in(text, f->end);
			out[n].severity = f->severity;
		}
		n++;
	}
	return n;
}

size_t
nb_ed_cursor_byte(const nb_editor_t *ed)
{
	const nb_stop_t *s = nb_ed_stop(ed);

	return is_paragraph(s) ? bytes_of(stored_text(ed, s), ed->buf.cur) : 0;
}

const nb_finding_t *
nb_ed_text_finding(const nb_editor_t *ed)
{
	const nb_stop_t *s = nb_ed_stop(ed);
	const nb_finding_t *first = NULL;
	size_t i, at;

	if (!is_paragraph(s))
		return NULL;
	at = nb_ed_cursor_byte(ed);
	for (i = 0; i < ed->findings.n; i++) {
		const nb_finding_t *f = &ed->findings.v[i];
		if (!about_stop(f, s))
			continue;
		if (at >= f->start && at <= f->end)
			return f;
		if (!first)
			first = f;
	}
	return first;
}

void
nb_ed_cursor_to_byte(nb_editor_t *ed, size_t byte)
{
	const nb_stop_t *s = nb_ed_stop(ed);
	size_t pos;

	if (!is_paragraph(s))
		return;
	pos = chars_in(stored_text(ed, s), byte);
	ed->buf.cur = pos < ed->buf.len ? pos : ed->buf.len;
	ed->buf.goal = -1;
}
