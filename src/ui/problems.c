/* problems.c - every finding of the rules in a list; the one chosen is
 * where the cursor goes. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/screen.h"
#include "ui/widgets.h"

long
nb_ui_problems(nb_ui_t *ui)
{
	static const char *const sev[] = { "[未填] ", "[建议] ", "[提醒] ", "[错误] " };
	const nb_findings_t *f = &ui->ed.findings;
	const char **lines;
	char title[128];
	size_t i;
	long r;

	if (!(lines = calloc(f->n + 1, sizeof *lines)))
		return -1;
	for (i = 0; i < f->n; i++) {
		char *s = malloc(strlen(f->v[i].message) + 16);
		if (s)
			sprintf(s, "%s%s", f->v[i].pair[0] ? "[疑似] "
			        : sev[f->v[i].severity], f->v[i].message);
		lines[i] = s ? s : "";
	}
	if (f->suggestions)
		snprintf(title, sizeof title, "问题列表：%zu 个错误，%zu 个提醒，%zu 个建议，"
		         "%zu 处未填写（回车跳到该处）", f->errors, f->warnings,
		         f->suggestions, f->notes);
	else
		snprintf(title, sizeof title, "问题列表：%zu 个错误，%zu 个提醒，%zu 处未填写"
		         "（回车跳到该处）", f->errors, f->warnings, f->notes);
	r = nb_ui_choose(title, lines, f->n, 0, NULL);
	for (i = 0; i < f->n; i++)
		if (*lines[i])
			free((char *)lines[i]);
	free(lines);
	return r;
}
