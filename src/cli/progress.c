/* The progress line of a long run (progress.h). */

#include "config.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "cli/progress.h"

#define PROGRESS_AFTER 1.0      /* seconds: a quick run shows none */
#define PROGRESS_EVERY 0.1

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void
nb_progress_init(nb_progress_t *p, const char *verb, size_t total)
{
	p->verb = verb;
	p->total = total;
	p->tty = isatty(2);
	p->shown = 0;
	p->start = p->last = now();
}

void
nb_progress_tick(nb_progress_t *p, size_t done)
{
	double t;

	if (!p->tty)
		return;
	t = now();
	if (t - p->start < PROGRESS_AFTER || (p->shown && t - p->last < PROGRESS_EVERY))
		return;
	fprintf(stderr, "\r%s %zu/%zu", p->verb, done, p->total);
	fflush(stderr);
	p->shown = 1;
	p->last = t;
}

void
nb_progress_clear(nb_progress_t *p)
{
	if (p->shown) {
		fputs("\r\033[K", stderr);
		p->shown = 0;
	}
}
