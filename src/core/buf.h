/* buf.h - a growable byte buffer, always NUL-terminated.
 *
 * Allocation failure is remembered in `failed` rather than reported at every
 * append, so writers can append freely and check once at the end.
 */
#ifndef NB_BUF_H
#define NB_BUF_H

#include <stddef.h>

typedef struct {
	char *data;      /* owned; NULL until the first append */
	size_t len, cap;
	int failed;      /* an allocation failed: the contents are incomplete */
} nb_buf_t;

void nb_buf_init(nb_buf_t *b);
void nb_buf_free(nb_buf_t *b);
/* Empties it for new contents, keeping its memory. */
void nb_buf_clear(nb_buf_t *b);
void nb_buf_add(nb_buf_t *b, const char *s, size_t n);
void nb_buf_puts(nb_buf_t *b, const char *s);
void nb_buf_printf(nb_buf_t *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Hands the data over to the caller (never NULL unless failed). */
char *nb_buf_take(nb_buf_t *b);

/* strdup that tolerates NULL. */
char *nb_strdup(const char *s);

#endif
