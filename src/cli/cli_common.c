#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/file.h"

#ifndef NB_PKGDATADIR
#define NB_PKGDATADIR "/usr/local/share/nianbao"
#endif

void
nb_cli_form_dirs(const char *override, const char **dirs)
{
	const char *env = getenv("NIANBAO_FORMS");
	int i = 0;

	if (override)
		dirs[i++] = override;
	if (env && *env)
		dirs[i++] = env;
#if defined(NB_BUILDDIR) && defined(NB_SRCDIR)
	{
		/* run from the build tree: use the forms being developed there */
		static char exe[PATH_MAX];
		ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

		if (n > 0) {
			exe[n] = '\0';
			if (!strncmp(exe, NB_BUILDDIR "/", strlen(NB_BUILDDIR) + 1))
				dirs[i++] = NB_SRCDIR "/forms";
		}
	}
#endif
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
nb_cli_print_finding(FILE *out, const char *path, const nb_finding_t *f)
{
	static const char *const sev[] = { "note", "suggestion", "warning", "error" };

	fprintf(out, "%s:%d:%d: %s: %s [%s]\n", path, f->line ? f->line : 1,
	        f->col ? f->col : 1, sev[f->severity], f->message, f->rule_id);
}
