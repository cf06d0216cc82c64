/* formset.h - the forms one process has loaded, each read once.
 *
 * A command that reads thousands of drafts would otherwise parse the same
 * form file for every one of them.  A set loads the form of a format at
 * its first use and keeps it until the set is freed; the reports read
 * through it point at its forms, so the set must outlive them.  Drafts
 * may be read through one set on several threads at once (readmany.h);
 * a loaded form is never changed.
 */
#ifndef NB_FORMSET_H
#define NB_FORMSET_H

#include "core/error.h"
#include "core/form.h"
#include "core/report.h"

typedef struct nb_formset nb_formset_t;

/* A set that looks for form files in dirs (NULL-terminated; the strings
 * must outlive the set).  NULL when out of memory. */
nb_formset_t *nb_formset_new(const char *const *dirs);
void nb_formset_free(nb_formset_t *set);

/* The form of a format, loaded at the first call (nb_form_open); owned
 * by the set.  A form that failed to load is tried again next time. */
int nb_formset_get(nb_formset_t *set, const char *format,
                   const nb_form_t **out, nb_error_t *err);

/* Loads a draft file with the set's form of the format it declares: the
 * same checks and messages as nb_draft_open. */
int nb_formset_open_draft(nb_formset_t *set, const char *path,
                          nb_report_t **out, nb_error_t *err);

#endif
