/* readmany.h - many drafts read side by side, handed over in their order.
 *
 * A command that sums or checks thousands of drafts spends its time
 * reading them (most of it in the YAML parser).  The drafts do not depend
 * on one another, so they are read on as many threads as the machine has
 * processors (at most NB_READ_MAX_THREADS), while the caller takes each
 * in the order of the paths, on its own thread: what it prints comes out
 * in that order, as if they had been read one after the other.  At most
 * NB_READ_WINDOW drafts are read ahead of the caller, so the memory stays
 * bounded however many there are.
 */
#ifndef NB_READMANY_H
#define NB_READMANY_H

#include <stddef.h>

#include "core/error.h"
#include "core/formset.h"
#include "core/report.h"

#define NB_READ_MAX_THREADS 8
#define NB_READ_WINDOW 64

/* Takes one draft: rep is the draft read from path (the callee owns it),
 * or NULL when it could not be read, err then saying why (as
 * nb_formset_open_draft says it).  Returns 0 to go on, -1 to stop. */
typedef int nb_draft_fn(const char *path, nb_report_t *rep,
                        const nb_error_t *err, void *ctx);

/* Reads the n drafts at paths through set and gives each to fn in order.
 * threads is how many to read on (0: one per processor).  Returns 0, or
 * -1 when fn stopped. */
int nb_read_drafts(nb_formset_t *set, char *const *paths, size_t n,
                   unsigned threads, nb_draft_fn *fn, void *ctx);

#endif
