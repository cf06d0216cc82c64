/* draft_state.c - how far a draft is (draft_state.h): counted by an
 * editor opened on it, read only. */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/draft.h"
#include "core/draft_state.h"
#include "core/previous.h"

/* Last year's draft given to the editor as the editing session would
 * give it; one that cannot be used leaves the rules that compare the two
 * years unjudged, as there. */
static void
judge_with_previous(nb_editor_t *ed, const char *path)
{
	nb_previous_t prev;
	nb_error_t err = { 0 };

	if (nb_previous_find(ed->rep, path, NULL, &prev, &err) == 0 && prev.rep &&
	    prev.name) {
		nb_ed_set_previous(ed, prev.rep, prev.name);
		prev.rep = NULL;        /* the editor's now */
	}
	nb_previous_free(&prev);
}

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

int
nb_draft_state(const char *path, const char *const *dirs, nb_draft_state_t *st)
{
	nb_form_t *form;
	nb_report_t *rep;
	nb_editor_t ed;
	struct stat sb;
	int broken;

	memset(st, 0, sizeof *st);
	if (stat(path, &sb) == 0)
		st->mtime = sb.st_mtime;
	if (nb_draft_open(path, dirs, &form, &rep, &st->err) < 0)
		return 0;
	st->readable = 1;
	st->year = nb_report_year(rep);
	if (!(st->org = strdup(nb_report_org(rep)))) {
		nb_report_free(rep);
		nb_form_free(form);
		return -1;
	}
	if (nb_ed_open(&ed, form, rep, path, NB_ED_READONLY) < 0) {
		nb_ed_close(&ed);       /* frees form and rep too */
		return -1;
	}
	judge_with_previous(&ed, path);
	count(&ed, st);
	broken = ed.broken;
	nb_ed_close(&ed);
	return broken ? -1 : 0;
}

void
nb_draft_state_free(nb_draft_state_t *st)
{
	free(st->org);
	memset(st, 0, sizeof *st);
}
