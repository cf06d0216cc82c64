#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/file.h"
#include "core/number.h"
#include "core/textcheck.h"

#ifndef NB_PKGDATADIR
#define NB_PKGDATADIR "/usr/local/share/nianbao"
#endif

/* The forms of an install that was moved as a whole (a package unpacked
 * elsewhere, a copied prefix): PREFIX/share/nianbao/forms beside the
 * PREFIX/bin the program runs from, as make install lays them out.  NULL
 * when that is the installed data directory anyway, or unknown. */
static const char *
relocated_forms(const char *exe)
{
	static char dir[PATH_MAX];
	const char *tail = "/share/" PACKAGE "/forms";
	char *slash;
	int k;

	if (strlen(exe) >= sizeof dir)
		return NULL;
	strcpy(dir, exe);
	for (k = 0; k < 2; k++) {          /* PREFIX/bin/nianbao: PREFIX */
		if (!(slash = strrchr(dir, '/')))
			return NULL;
		*slash = '\0';
	}
	if (strlen(dir) + strlen(tail) >= sizeof dir)
		return NULL;
	strcat(dir, tail);
	return strcmp(dir, NB_PKGDATADIR "/forms") ? dir : NULL;
}

void
nb_cli_form_dirs(const char *override, const char **dirs)
{
	static char exe[PATH_MAX];
	const char *env = getenv("NIANBAO_FORMS");
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	int i = 0;

	if (override)
		dirs[i++] = override;
	if (env && *env)
		dirs[i++] = env;
	if (n > 0) {
		exe[n] = '\0';
#if defined(NB_BUILDDIR) && defined(NB_SRCDIR)
		/* run from the build tree: use the forms being developed there */
		if (!strncmp(exe, NB_BUILDDIR "/", strlen(NB_BUILDDIR) + 1))
			dirs[i++] = NB_SRCDIR "/forms";
#endif
		if ((dirs[i] = relocated_forms(exe)))
			i++;
	}
	dirs[i++] = NB_PKGDATADIR "/forms";
	dirs[i] = NULL;
}

int
nb_cli_open(const nb_cli_t *cli, const char *path, nb_report_t **rep)
{
	nb_error_t err = { 0 };

	if (nb_formset_open_draft(cli->forms, path, rep, &err) < 0) {
		nb_error_print(&err, stderr);
		return 2;
	}
	return 0;
}

int
nb_cli_write(const char *cmd, const char *path, const char *data, size_t len)
{
	nb_error_t err = { 0 };

	if (!strcmp(path, "-")) {
		if (fwrite(data, 1, len, stdout) == len && fflush(stdout) == 0)
			return 0;
		fprintf(stderr, "nianbao %s: 无法写到标准输出\n", cmd);
		return 2;
	}
	if (nb_file_replace(path, data, len, &err) < 0) {
		nb_error_print(&err, stderr);
		return 2;
	}
	return 0;
}

int
nb_cli_form(const nb_cli_t *cli, const char *format, nb_form_t **form)
{
	nb_error_t err = { 0 };

	if (nb_form_open(format, cli->form_dirs, form, &err) < 0) {
		nb_error_print(&err, stderr);
		return 2;
	}
	return 0;
}

void
nb_cli_put_finding(nb_buf_t *out, const char *path, const nb_finding_t *f)
{
	nb_buf_printf(out, "%s:%d:%d: %s: %s [%s]\n", path, f->line ? f->line : 1,
	              f->col ? f->col : 1, nb_severity_name(f->severity),
	              f->message, f->rule_id);
}

void
nb_cli_print_finding(FILE *out, const char *path, const nb_finding_t *f)
{
	nb_buf_t b;

	nb_buf_init(&b);
	nb_cli_put_finding(&b, path, f);
	if (b.data)
		fputs(b.data, out);
	nb_buf_free(&b);
}

int
nb_cli_identity(const char *cmd, const char *org, const char *year_s,
                int64_t *year)
{
	nb_textcheck_t bad;
	char what[64];

	if (nb_textcheck(org, strlen(org), NB_TEXTCHECK_ONE_LINE, &bad) < 0) {
		fprintf(stderr, "nianbao %s: --org 给出的机关名称中有%s（机关名称只能是一行文字）\n",
		        cmd, nb_textcheck_what(&bad, what, sizeof what));
		return 2;
	}
	if (nb_count_parse(year_s, year) != NB_NUM_OK || *year < 1900 || *year > 2999) {
		fprintf(stderr, "nianbao %s: 年度应为四位数年份，而不是“%s”\n", cmd, year_s);
		return 2;
	}
	return 0;
}

int
nb_cli_save_draft(const char *cmd, const nb_report_t *rep, const char *out)
{
	nb_error_t err = { 0 };
	nb_buf_t b;
	int rc;

	if (strcmp(out, "-")) {
		if ((rc = nb_draft_save(rep, out, &err)) < 0)
			nb_error_print(&err, stderr);
		else if (rc > 0)        /* saved, without a backup */
			nb_error_print_warning(&err, stderr);
		return rc < 0 ? 2 : 0;
	}
	nb_buf_init(&b);
	if (nb_draft_emit(rep, &b, &err) < 0) {
		nb_error_print(&err, stderr);
		rc = 2;
	} else {
		rc = nb_cli_write(cmd, out, b.data ? b.data : "", b.len);
	}
	nb_buf_free(&b);
	return rc;
}
