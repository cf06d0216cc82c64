/* error.h - an error as a value: where it happened and what was expected.
 *
 * Functions that can fail take an nb_error_t * and return 0 on success or -1
 * on failure, leaving the position and a message (in Chinese, for the
 * operator) in the error.  Nothing below main() prints or exits on its own.
 */
#ifndef NB_ERROR_H
#define NB_ERROR_H

#include <stdio.h>

typedef struct {
	char file[512];   /* the file at fault, "" when none */
	int line, col;    /* 1-based; 0 when the position is unknown */
	char msg[1024];
} nb_error_t;

/* Records an error; returns -1 so callers can `return nb_error_set(...)`. */
int nb_error_set(nb_error_t *err, const char *file, int line, int col,
                 const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* The longest line nb_error_format makes, its NUL included. */
#define NB_ERROR_LINE_MAX (sizeof ((nb_error_t *)0)->file + \
                           sizeof ((nb_error_t *)0)->msg + 64)

/* The line nb_error_print prints, "\n" included, into out (cap bytes);
 * kind is "error" or "warning". */
void nb_error_format(const nb_error_t *err, const char *kind, char *out,
                     size_t cap);

/* Prints "file:line:col: error: msg" (parts that are unknown are left out). */
void nb_error_print(const nb_error_t *err, FILE *out);

/* The same, as "warning:": for what went wrong without stopping the work
 * (a save that could not keep its backup). */
void nb_error_print_warning(const nb_error_t *err, FILE *out);

#endif
