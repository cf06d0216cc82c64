/* cli.h - the command-line modes.  Each takes the arguments after its name
 * and returns the process exit status: 0 all good, 1 findings, 2 a file
 * could not be read or the command was misused. */
#ifndef NB_CLI_H
#define NB_CLI_H

#include <stdio.h>

#include "core/buf.h"
#include "core/draft.h"
#include "core/formset.h"
#include "core/rules.h"
#include "core/sum.h"

typedef struct {
	const char *forms_dir;        /* --forms, or NULL */
	const char *const *form_dirs; /* where form files are looked for */
	nb_formset_t *forms;          /* each form read once (form_dirs) */
	const char *previous;         /* the editor's --previous, or NULL */
} nb_cli_t;

int nb_cmd_check(const nb_cli_t *cli, int argc, char **argv);
int nb_cmd_new(const nb_cli_t *cli, int argc, char **argv);
int nb_cmd_export(const nb_cli_t *cli, int argc, char **argv);
int nb_cmd_import(const nb_cli_t *cli, int argc, char **argv);
/* Figures over many drafts, or their summary a row a body. */
int nb_cmd_stats(const nb_cli_t *cli, int argc, char **argv);
int nb_cmd_sum(const nb_cli_t *cli, int argc, char **argv);
int nb_cmd_diff(const nb_cli_t *cli, int argc, char **argv);
/* check --children DIR: each parent (argv) against the sum of the drafts
 * under dir, cell by cell. */
int nb_cmd_check_children(const nb_cli_t *cli, const char *dir, int argc,
                          char **argv);
/* The interactive editor: argv holds at most the draft to open (created
 * after asking 机关名称 and 年度 when it does not exist); without it, the
 * start screen lists the drafts in the current directory.  cli->previous
 * names last year's draft for the cross-year rules. */
int nb_cmd_edit(const nb_cli_t *cli, int argc, char **argv);

/* Where form files are looked for, in order: --forms, $NIANBAO_FORMS, the
 * source tree when running from the build tree, share/nianbao/forms beside
 * the bin directory the program runs from (an install moved elsewhere),
 * the installed data directory.  Fills dirs (room for 6) and
 * NULL-terminates it; the strings live until the program ends. */
void nb_cli_form_dirs(const char *override, const char **dirs);

/* Loads a draft, printing the diagnostic on failure.  Returns 0 or 2.
 * Its form, (*rep)->form, belongs to cli->forms. */
int nb_cli_open(const nb_cli_t *cli, const char *path, nb_report_t **rep);

/* Writes what a command made to path ("-": standard output) as
 * nb_file_replace does, printing the diagnostic on failure (cmd names
 * the command in it).  Returns 0 or 2. */
int nb_cli_write(const char *cmd, const char *path, const char *data,
                 size_t len);

/* One finding as `nianbao check` prints it: "FILE:L:C: error: … [id]". */
void nb_cli_print_finding(FILE *out, const char *path, const nb_finding_t *f);
/* The same line appended to a buffer. */
void nb_cli_put_finding(nb_buf_t *out, const char *path, const nb_finding_t *f);

/* Checks the identity a command is given (--org, --year: a one-line
 * name, a four-digit year), printing what is wrong.  Returns 0 or 2. */
int nb_cli_identity(const char *cmd, const char *org, const char *year_s,
                    int64_t *year);

/* Saves a draft to out as nb_draft_save does ("-": standard output),
 * printing the diagnostic or the warning.  Returns 0 or 2. */
int nb_cli_save_draft(const char *cmd, const nb_report_t *rep, const char *out);

/* Adds the drafts that args name (files; directories searched, walk.h)
 * to s, skipping the file `skip` (NULL: none) where it is one of them.
 * Each draft refused is printed with its reasons; with force, one with
 * errors, unfilled cells or another year is taken all the same, saying
 * so.  Returns 0 when all were added, 1 when some were refused, 2 when
 * some could not be read (each said). */
int nb_cli_sum_drafts(const nb_cli_t *cli, nb_sum_t *s, char **args, int n,
                      int force, const char *skip);

/* Loads the form for a format, printing the diagnostic on failure. */
int nb_cli_form(const nb_cli_t *cli, const char *format, nb_form_t **form);

#endif
