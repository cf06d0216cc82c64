#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"

void
nb_buf_init(nb_buf_t *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
}

void
nb_buf_free(nb_buf_t *b)
{
	free(b->data);
	nb_buf_init(b);
}

void
nb_buf_clear(nb_buf_t *b)
{
	b->len = 0;
	b->failed = 0;
	if (b->data)
		b->data[0] = '\0';
}

static int
reserve(nb_buf_t *b, size_t extra)
{
	size_t want;
	char *p;

	if (b->failed)
		return -1;
	if (extra > (size_t)-1 / 2 - b->len) {
		b->failed = 1;
		return -1;
	}
	want = b->len + extra + 1;
	if (want <= b->cap)
		return 0;
	if (want < 2 * b->cap)
		want = 2 * b->cap;
	if (want < 64)
		want = 64;
	p = realloc(b->data, want);
	if (!p) {
		b->failed = 1;
		return -1;
	}
	b->data = p;
	b->cap = want;
	return 0;
}

void
nb_buf_add(nb_buf_t *b, const char *s, size_t n)
{
	if (reserve(b, n) < 0)
		return;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
nb_buf_puts(nb_buf_t *b, const char *s)
{
	nb_buf_add(b, s, strlen(s));
}

void
nb_buf_printf(nb_buf_t *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	/* formatted straight into the room there is; a second time only when
	 * it did not fit (a finding's line is formatted once, not twice) */
	if (reserve(b, 128) < 0)
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->data[b->len] = '\0';
		return;
	}
	if ((size_t)n >= b->cap - b->len) {
		if (reserve(b, (size_t)n) < 0) {
			b->data[b->len] = '\0';
			return;
		}
		va_start(ap, fmt);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

char *
nb_buf_take(nb_buf_t *b)
{
	char *p;

	if (b->failed) {
		nb_buf_free(b);
		return NULL;
	}
	if (!b->data)
		nb_buf_add(b, "", 0);
	p = b->data;
	nb_buf_init(b);
	return p;
}

char *
nb_strdup(const char *s)
{
	return s ? strdup(s) : NULL;
}
