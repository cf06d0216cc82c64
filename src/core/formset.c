#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/draft.h"
#include "core/formset.h"

typedef struct {
	char *format;
	nb_form_t *form;
} entry_t;

struct nb_formset {
	const char *const *dirs;
	pthread_mutex_t lock;   /* over v: drafts are read on several threads */
	entry_t *v;
	size_t n, cap;
};

nb_formset_t *
nb_formset_new(const char *const *dirs)
{
	nb_formset_t *set = calloc(1, sizeof *set);

	if (!set)
		return NULL;
	if (pthread_mutex_init(&set->lock, NULL) != 0) {
		free(set);
		return NULL;
	}
	set->dirs = dirs;
	return set;
}

void
nb_formset_free(nb_formset_t *set)
{
	size_t i;

	if (!set)
		return;
	for (i = 0; i < set->n; i++) {
		free(set->v[i].format);
		nb_form_free(set->v[i].form);
	}
	free(set->v);
	pthread_mutex_destroy(&set->lock);
	free(set);
}

static int
keep(nb_formset_t *set, const char *format, nb_form_t *form, nb_error_t *err)
{
	entry_t *v;
	char *name;

	if (set->n == set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 4;

		if (!(v = realloc(set->v, cap * sizeof *v)))
			goto oom;
		set->v = v;
		set->cap = cap;
	}
	if (!(name = strdup(format)))
		goto oom;
	set->v[set->n].format = name;
	set->v[set->n++].form = form;
	return 0;
oom:
	nb_form_free(form);
	return nb_error_set(err, "", 0, 0, "内存不足");
}

static int
get_locked(nb_formset_t *set, const char *format, const nb_form_t **out,
           nb_error_t *err)
{
	nb_form_t *form;
	size_t i;

	for (i = 0; i < set->n; i++)
		if (!strcmp(set->v[i].format, format)) {
			*out = set->v[i].form;
			return 0;
		}
	if (nb_form_open(format, set->dirs, &form, err) < 0 ||
	    keep(set, format, form, err) < 0)
		return -1;
	*out = form;
	return 0;
}

int
nb_formset_get(nb_formset_t *set, const char *format, const nb_form_t **out,
               nb_error_t *err)
{
	int rc;

	pthread_mutex_lock(&set->lock);
	rc = get_locked(set, format, out, err);
	pthread_mutex_unlock(&set->lock);
	return rc;
}

int
nb_formset_open_draft(nb_formset_t *set, const char *path, nb_report_t **out,
                      nb_error_t *err)
{
	const nb_form_t *form;
	const nb_ynode_t *at;
	nb_ynode_t *root;
	const char *format;
	int rc = -1;

	*out = NULL;
	if (nb_ytree_load(path, &root, err) < 0)
		return -1;
	if (nb_draft_format_of(root, path, &format, err) < 0)
		goto done;
	if (nb_formset_get(set, format, &form, err) < 0) {
		/* a fault of the form file names that file; a form not
		 * found is the draft's fault, at its format line */
		if (!err->file[0]) {
			at = nb_ymap_get(root, "format");
			err->line = at->line;
			err->col = at->col;
			snprintf(err->file, sizeof err->file, "%s", path);
		}
		goto done;
	}
	rc = nb_draft_from_tree(form, path, root, out, err);
done:
	nb_ytree_free(root);
	return rc;
}
