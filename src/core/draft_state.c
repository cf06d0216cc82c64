/* draft_state.c - how far a draft is (draft_state.h): counted by an
 * editor opened on it, read only. */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/draft.h"
#include "core/draft_state.h"
#include "core/formset.h"
#include "core/previous.h"

static void
count(const nb_editor_t *ed, nb_draft_state_t *st)
{
	char words[64];
	size_t i;

	for (i = 0; i < ed->nav.nsecs; i++) {
		st->errors += ed->sec_errors[i];
		st->unfilled += ed->sec_unfilled[i];
	}
	st->state = nb_ed_state_words(st->errors, st->unfilled, words, sizeof words);
}

/* The counts of the editor opened on a draft, given last year's draft as
 * the editing session would give it (found: nb_previous_find's outcome);
 * one that cannot be used leaves the rules that compare the two years
 * unjudged, as there.  Closes the editor. */
static int
judge(nb_editor_t *ed, int found, nb_previous_t *prev, nb_draft_state_t *st)
{
	int broken;

	if (found == 0 && prev->rep && prev->name) {
		nb_ed_set_previous(ed, prev->rep, prev->name);
		prev->rep = NULL;       /* the editor's now */
	}
	nb_previous_free(prev);
	count(ed, st);
	broken = ed->broken;
	nb_ed_close(ed);
	return broken ? -1 : 0;
}

/* Whose report and which year, from the draft as read. */
static int
identify(const nb_report_t *rep, nb_draft_state_t *st)
{
	st->readable = 1;
	st->year = nb_report_year(rep);
	return (st->org = strdup(nb_report_org(rep))) ? 0 : -1;
}

int
nb_draft_state(const char *path, const char *const *dirs, nb_draft_state_t *st)
{
	nb_form_t *form;
	nb_report_t *rep;
	nb_editor_t ed;
	nb_previous_t prev;
	nb_error_t err = { 0 };
	struct stat sb;

	memset(st, 0, sizeof *st);
	if (stat(path, &sb) == 0)
		st->mtime = sb.st_mtime;
	if (nb_draft_open(path, dirs, &form, &rep, &st->err) < 0)
		return 0;
	if (identify(rep, st) < 0) {
		nb_report_free(rep);
		nb_form_free(form);
		return -1;
	}
	if (nb_ed_open(&ed, form, rep, path, NB_ED_READONLY) < 0) {
		nb_ed_close(&ed);       /* frees form and rep too */
		return -1;
	}
	return judge(&ed, nb_previous_find(ed.rep, path, NULL, &prev, &err), &prev, st);
}

/* ---- a folder's drafts at once ---- */

/* Reads the draft at path through the forms into *rep (NULL when it
 * cannot be read), and d, the draft as the others see it. */
static int
read_one(nb_formset_t *forms, const char *path, nb_report_t **rep,
         nb_previous_draft_t *d, nb_draft_state_t *st)
{
	struct stat sb;
	int known = stat(path, &sb) == 0;

	d->path = path;
	if (known) {
		st->mtime = sb.st_mtime;
		d->dev = sb.st_dev;
		d->ino = sb.st_ino;
	}
	if (nb_formset_open_draft(forms, path, rep, &st->err) < 0)
		return 0;
	d->rep = known ? *rep : NULL;   /* a file not seen is no one's last year's */
	return identify(*rep, st);
}

/* The state of v[i], read as rep, the drafts of its folder being v[0..n). */
static int
judge_among(const nb_previous_draft_t *v, size_t n, size_t i, const nb_report_t *rep,
            nb_draft_state_t *st)
{
	nb_report_t *mine = nb_report_copy(rep);
	nb_editor_t ed;
	nb_previous_t prev;
	nb_error_t err = { 0 };
	int found;

	if (!mine)
		return -1;
	if (nb_ed_open_lent(&ed, rep->form, mine, v[i].path, NB_ED_READONLY) < 0) {
		nb_ed_close(&ed);       /* frees mine too */
		return -1;
	}
	/* a draft whose file could not be looked at is found for as alone */
	found = v[i].rep ? nb_previous_find_among(v, n, i, &prev, &err)
	                 : nb_previous_find(rep, v[i].path, NULL, &prev, &err);
	return judge(&ed, found, &prev, st);
}

int
nb_draft_states(const char *const *paths, size_t n, const char *const *dirs,
                nb_draft_state_t *st)
{
	nb_formset_t *forms = nb_formset_new(dirs);
	nb_previous_draft_t *v = calloc(n ? n : 1, sizeof *v);
	nb_report_t **reps = calloc(n ? n : 1, sizeof *reps);
	int rc = forms && v && reps ? 0 : -1;
	size_t i;

	for (i = 0; i < n; i++)
		memset(&st[i], 0, sizeof st[i]);
	for (i = 0; rc == 0 && i < n; i++)
		rc = read_one(forms, paths[i], &reps[i], &v[i], &st[i]);
	for (i = 0; rc == 0 && i < n; i++)
		if (reps[i])
			rc = judge_among(v, n, i, reps[i], &st[i]);
	for (i = 0; reps && i < n; i++)
		nb_report_free(reps[i]);
	free(reps);
	free(v);
	nb_formset_free(forms);     /* after the reports that follow its forms */
	return rc;
}

void
nb_draft_state_free(nb_draft_state_t *st)
{
	free(st->org);
	memset(st, 0, sizeof *st);
}
