/* nianbao [--previous LAST] [DRAFT]: the interactive editor (src/ui). */

#include "config.h"

#include <stdio.h>

#include "cli/cli.h"
#include "ui/session.h"

int
nb_cmd_edit(const nb_cli_t *cli, int argc, char **argv)
{
	if (argc > 1) {
		fputs("nianbao: 一次只能编辑一个草稿\n", stderr);
		return 2;
	}
	if (cli->previous && !argc) {
		fputs("nianbao: --previous 还需要要编辑的草稿（nianbao --previous 上年.yaml 草稿.yaml）\n",
		      stderr);
		return 2;
	}
	return nb_ui_start(cli->form_dirs, argc ? argv[0] : NULL, cli->previous);
}
