#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/readmany.h"

typedef struct {
	nb_report_t *rep;
	nb_error_t err;
	int done;               /* read, not yet taken */
} slot_t;

/* Path i is read into slots[i % NB_READ_WINDOW], once path i - WINDOW
 * has been taken from there. */
typedef struct {
	nb_formset_t *set;
	char *const *paths;
	size_t n;
	slot_t slots[NB_READ_WINDOW];
	size_t next;            /* the next path to read */
	size_t taken;           /* how many the caller has taken */
	int stop;
	pthread_mutex_t lock;
	pthread_cond_t ready;   /* a slot was filled */
	pthread_cond_t room;    /* a slot was emptied, or stop */
} pool_t;

/* The next path to read, or n when there is none; called locked. */
static size_t
claim(pool_t *P)
{
	while (!P->stop && P->next < P->n && P->next >= P->taken + NB_READ_WINDOW)
		pthread_cond_wait(&P->room, &P->lock);
	return P->stop || P->next >= P->n ? P->n : P->next++;
}

static void *
worker(void *arg)
{
	pool_t *P = arg;
	nb_report_t *rep;
	nb_error_t err;
	size_t i;

	pthread_mutex_lock(&P->lock);
	while ((i = claim(P)) < P->n) {
		pthread_mutex_unlock(&P->lock);
		memset(&err, 0, sizeof err);
		if (nb_formset_open_draft(P->set, P->paths[i], &rep, &err) < 0)
			rep = NULL;
		pthread_mutex_lock(&P->lock);
		P->slots[i % NB_READ_WINDOW].rep = rep;
		P->slots[i % NB_READ_WINDOW].err = err;
		P->slots[i % NB_READ_WINDOW].done = 1;
		pthread_cond_broadcast(&P->ready);
	}
	pthread_mutex_unlock(&P->lock);
	return NULL;
}

/* Waits for path i and takes it out of its slot. */
static void
take(pool_t *P, size_t i, nb_report_t **rep, nb_error_t *err)
{
	slot_t *s = &P->slots[i % NB_READ_WINDOW];

	pthread_mutex_lock(&P->lock);
	while (!s->done)
		pthread_cond_wait(&P->ready, &P->lock);
	*rep = s->rep;
	*err = s->err;
	s->rep = NULL;
	s->done = 0;
	P->taken = i + 1;
	pthread_cond_broadcast(&P->room);
	pthread_mutex_unlock(&P->lock);
}

static int
read_in_order(nb_formset_t *set, char *const *paths, size_t n,
              nb_draft_fn *fn, void *ctx)
{
	nb_report_t *rep;
	nb_error_t err;
	size_t i;

	for (i = 0; i < n; i++) {
		memset(&err, 0, sizeof err);
		if (nb_formset_open_draft(set, paths[i], &rep, &err) < 0)
			rep = NULL;
		if (fn(paths[i], rep, &err, ctx) < 0)
			return -1;
	}
	return 0;
}

static unsigned
threads_for(unsigned asked, size_t n)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned t = asked ? asked : cpus > 0 ? (unsigned)cpus : 1;

	if (t > NB_READ_MAX_THREADS)
		t = NB_READ_MAX_THREADS;
	return n < t ? (unsigned)n : t;
}

/* Hands every path over in order; -1 when fn stopped. */
static int
hand_over(pool_t *P, nb_draft_fn *fn, void *ctx)
{
	nb_report_t *rep;
	nb_error_t err;
	size_t i;

	for (i = 0; i < P->n; i++) {
		take(P, i, &rep, &err);
		if (fn(P->paths[i], rep, &err, ctx) < 0) {
			pthread_mutex_lock(&P->lock);
			P->stop = 1;
			pthread_cond_broadcast(&P->room);
			pthread_mutex_unlock(&P->lock);
			return -1;
		}
	}
	return 0;
}

static int
read_side_by_side(pool_t *P, unsigned nthreads, nb_draft_fn *fn, void *ctx)
{
	pthread_t tid[NB_READ_MAX_THREADS];
	unsigned started = 0, k;
	int rc;

	while (started < nthreads &&
	       pthread_create(&tid[started], NULL, worker, P) == 0)
		started++;
	if (!started)           /* no thread at all: read them here */
		return read_in_order(P->set, P->paths, P->n, fn, ctx);
	rc = hand_over(P, fn, ctx);
	for (k = 0; k < started; k++)
		pthread_join(tid[k], NULL);
	for (k = 0; k < NB_READ_WINDOW; k++)   /* read ahead of a stop */
		nb_report_free(P->slots[k].rep);
	return rc;
}

int
nb_read_drafts(nb_formset_t *set, char *const *paths, size_t n,
               unsigned threads, nb_draft_fn *fn, void *ctx)
{
	unsigned t = threads_for(threads, n);
	pool_t *P;
	int rc;

	if (t <= 1 || !(P = calloc(1, sizeof *P)))
		return read_in_order(set, paths, n, fn, ctx);
	P->set = set;
	P->paths = paths;
	P->n = n;
	pthread_mutex_init(&P->lock, NULL);
	pthread_cond_init(&P->ready, NULL);
	pthread_cond_init(&P->room, NULL);
	rc = read_side_by_side(P, t, fn, ctx);
	pthread_cond_destroy(&P->room);
	pthread_cond_destroy(&P->ready);
	pthread_mutex_destroy(&P->lock);
	free(P);
	return rc;
}
