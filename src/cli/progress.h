/* progress.h - "已检查 1234/10000" on standard error while a run over
 * many files lasts, when standard error is a terminal: nothing for a run
 * of under a second, then the count at most ten times a second, on one
 * line that is wiped before anything else is written to the terminal and
 * when the run ends. */
#ifndef NB_PROGRESS_H
#define NB_PROGRESS_H

#include <stddef.h>

typedef struct {
	const char *verb;       /* "已检查", "已读取" */
	size_t total;
	int tty;                /* standard error is a terminal */
	int shown;              /* the line is on it now */
	double start, last;
} nb_progress_t;

void nb_progress_init(nb_progress_t *p, const char *verb, size_t total);

/* done of the total are through. */
void nb_progress_tick(nb_progress_t *p, size_t done);

/* Wipes the line, if it is shown: before other output reaches the
 * terminal, and at the end. */
void nb_progress_clear(nb_progress_t *p);

#endif
