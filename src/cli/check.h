/* check.h - the parts of `nianbao check` (cmd_check.c reads the command
 * line and puts them together).
 *
 * A draft is checked into a result that holds everything the check will
 * print for it (check_draft.c), so that the drafts can be checked by
 * parallel workers and their results still be printed in the order the
 * drafts were named (check_jobs.c).  The run takes the results in that
 * order (check_run.c): it reports drafts of the same body and year given
 * twice, shows the progress on a terminal, counts, and ends with the
 * summary.  The drafts of last year that --previous DIR names are found
 * by body and year beforehand (check_previous.c).  A draft is judged as
 * the project's settings (--config, or the nianbao.yaml beside it) and
 * its own acknowledgements have it (judge.h).
 */
#ifndef NB_CHECK_H
#define NB_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "cli/cli.h"
#include "core/buf.h"
#include "core/idindex.h"
#include "core/settings.h"
#include "core/walk.h"

typedef enum { CHECK_TEXT, CHECK_TSV } check_format_t;

/* What every draft of a run is checked with. */
typedef struct {
	const nb_cli_t *cli;
	check_format_t format;
	int batch;                  /* many drafts: no count line for each */
	int64_t year;               /* --year: the year expected, or 0 */
	const char *prev_file;      /* --previous FILE, for every draft */
	const nb_report_t *prev;    /* it, loaded once */
	int force;                  /* --force: compare with a --previous FILE
	                             * of another body or year all the same */
	const char *prev_dir;       /* --previous DIR */
	const nb_paths_t *prev_paths;   /* the drafts under it, */
	const nb_idindex_t *prev_index; /* by body and year */
	const nb_settings_t *settings;  /* --config, for every draft; NULL:
	                                 * each draft's nianbao.yaml, if any, */
	nb_settings_cache_t *dir_settings;  /* read once a directory */
} check_opts_t;

/* Everything the check of one draft prints and counts. */
typedef struct {
	int status;                 /* 0, 1 or 2: as `check` of it alone exits */
	nb_buf_t out, err;          /* for standard output, for standard error */
	nb_buf_t org;               /* its body's name; "" when unknown */
	int64_t year;               /* its year; 0 when unknown */
	int org_line, org_col;      /* where the name stands */
	size_t errors, warnings, suggestions, notes;
	nb_buf_t rules;             /* the rules broken: "id\0wording\0" each */
	size_t nrules;
} check_result_t;

void check_result_init(check_result_t *r);
/* Empties a result for the next draft, keeping its memory. */
void check_result_clear(check_result_t *r);
void check_result_free(check_result_t *r);

/* Checks the draft at path into res (cleared first).  A draft that cannot
 * be read gives status 2 and its diagnostic; -1 only when out of memory. */
int check_draft(const check_opts_t *o, const char *path, check_result_t *res);

/* Appends a finding in the run's format. */
void check_put_finding(nb_buf_t *b, check_format_t format, const char *path,
                       const nb_finding_t *f);
/* The ids of the findings `check` adds to the form's rules. */
#define CHECK_RULE_YEAR "year"            /* --year: another year */
#define CHECK_RULE_DUPLICATE "duplicate"  /* a body's year given twice */

/* The first line of --format tsv. */
#define CHECK_TSV_HEADER "file\tline\tcolumn\tseverity\trule\tmessage\n"

/* The run: takes the results of paths->v[0], [1]... in this order. */
typedef struct check_run check_run_t;

check_run_t *check_run_new(const check_opts_t *o, const nb_paths_t *paths);
/* Prints and counts the result of paths->v[i]; -1 when out of memory or
 * the output cannot be written (said on stderr). */
int check_run_take(check_run_t *run, size_t i, check_result_t *res);
/* A directory that could not be searched: counted as unreadable. */
void check_run_unreadable(check_run_t *run);
/* Ends the run: the summary (in batch mode); returns the exit status. */
int check_run_finish(check_run_t *run);
void check_run_free(check_run_t *run);

/* Checks every path with `jobs` worker processes (1: in this process),
 * handing each result to run in the order of paths.  -1 when a worker
 * could not be started or ended early (said on stderr). */
int check_all(const check_opts_t *o, const nb_paths_t *paths, int jobs,
              check_run_t *run);

/* Finds the drafts under dir and indexes them by body and year, for
 * --previous DIR; a file that cannot be read is left out.  -1 when out
 * of memory (said on stderr). */
int check_index_previous(const nb_cli_t *cli, const char *dir,
                         nb_paths_t *paths, nb_idindex_t **index);

#endif
