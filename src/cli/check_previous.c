/* The drafts of last year for --previous DIR (see check.h): every draft
 * under DIR read once, beforehand, and indexed by its body and year; the
 * check of each draft then loads the one it needs.  A file there that
 * cannot be read is no draft of last year: it is left out, and a draft
 * that would have needed it says that none was found. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli/check.h"

/* A directory under DIR that cannot be read: said, and passed over. */
static void
unreadable_dir(const char *path, int errnum, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "%s: warning: 无法读取目录（%s），其中的上年草稿不参与比对\n",
	        path, strerror(errnum));
}

int
check_index_previous(const nb_cli_t *cli, const char *dir, nb_paths_t *paths,
                     nb_idindex_t **index)
{
	nb_report_t *rep;
	nb_error_t err;
	size_t i, first;
	const char *org;

	if (!(*index = nb_idindex_new()) ||
	    nb_paths_add(paths, dir, unreadable_dir, NULL) < 0)
		goto oom;
	for (i = 0; i < paths->n; i++) {
		if (nb_formset_open_draft(cli->forms, paths->v[i], &rep, &err) < 0)
			continue;
		org = nb_report_org(rep);
		/* the first of a body's year, in name order, is the one used */
		if (*org && nb_report_year(rep) &&
		    nb_idindex_add(*index, org, nb_report_year(rep), i, &first) < 0) {
			nb_report_free(rep);
			goto oom;
		}
		nb_report_free(rep);
	}
	return 0;
oom:
	fputs("nianbao check: 内存不足\n", stderr);
	return -1;
}
