/* previous.h - last year's draft of a draft, for the rules that compare
 * the two years (rules.h).
 *
 * Which one: the draft the operator names; else the one the draft records
 * under x-previous (a path relative to the draft's folder, as `new --from`
 * writes it); else the only draft in the draft's folder of the same body
 * for the year before.  It is read with the draft's own form, so that the
 * rules compare cell by cell; one of another format is not read.
 */
#ifndef NB_PREVIOUS_H
#define NB_PREVIOUS_H

#include <stddef.h>
#include <sys/types.h>

#include "core/error.h"
#include "core/report.h"

#define NB_PREVIOUS_KEY "x-previous"

typedef enum {
	NB_PREV_NONE, NB_PREV_GIVEN, NB_PREV_RECORDED, NB_PREV_BESIDE
} nb_prev_how_t;

typedef struct {
	nb_prev_how_t how;
	nb_report_t *rep;     /* last year's, of the draft's form (owned) */
	char *name;           /* as the operator knows it: as given, as
	                       * recorded, or its file name (owned) */
	int other_format;     /* the one given or recorded is of another format */
	size_t alike;         /* drafts beside of the same body and the year
	                       * before: more than one, and none was taken */
} nb_previous_t;

/* Finds and reads last year's draft of r, the draft at path; given (or
 * NULL) is the one the operator named.  0 with out->rep, or with
 * out->how NB_PREV_NONE when none is known.  -1 when the one given or
 * recorded cannot be read or is of another format: *err says why, and
 * out->how and out->name which one it was.  Free with nb_previous_free. */
int nb_previous_find(const nb_report_t *r, const char *path, const char *given,
                     nb_previous_t *out, nb_error_t *err);
void nb_previous_free(nb_previous_t *p);

/* One of the drafts of a folder, read by the caller with the forms of the
 * same form folders as the draft whose last year's is sought (the list of
 * drafts reads each once, draft_state.h). */
typedef struct {
	const char *path;
	const nb_report_t *rep;     /* NULL: it cannot be read */
	dev_t dev;                  /* the file (stat), when rep is not NULL */
	ino_t ino;
} nb_previous_draft_t;

/* nb_previous_find with none given, for v[self] (a readable one) of
 * v[0..n), all the drafts of one folder (each regular file there that
 * nb_walk_is_draft_name takes): the same one found, or the same error,
 * without reading the folder again.  The one found is a copy of one of v
 * when that was read with v[self]'s form (all read through one formset,
 * formset.h); else it is read. */
int nb_previous_find_among(const nb_previous_draft_t *v, size_t n, size_t self,
                           nb_previous_t *out, nb_error_t *err);

/* Records in r, the draft to be saved at draft, where last year's is:
 * last's path relative to the draft's folder, under x-previous (replacing
 * one there).  Both folders must exist.  -1 with *err otherwise. */
int nb_previous_record(nb_report_t *r, const char *draft, const char *last,
                       nb_error_t *err);
/* The path r records, or NULL. */
const char *nb_previous_recorded(const nb_report_t *r);

#endif
