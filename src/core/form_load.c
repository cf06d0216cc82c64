/* The helpers of the form-file loader (form_load.h): one key of a mapping
 * read and checked, errors with their place in the form file. */

#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "core/form_load.h"
#include "core/text.h"
#include "core/textcheck.h"
#include "core/ytree.h"

int
nb_fl_bad(nb_formload_t *L, const nb_ynode_t *at, const char *fmt, ...)
{
	char msg[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return nb_error_set(L->err, L->file, at ? at->line : 0, at ? at->col : 0,
	                    "表单文件：%s", msg);
}

/* Never NULL on success, even for an empty list (`tables: []`): callers
 * take NULL for failure. */
void *
nb_fl_alloc(nb_formload_t *L, size_t n, size_t size)
{
	void *p = NULL;

	if (!n)
		n = 1;
	if (n <= SIZE_MAX / size)
		p = nb_arena_alloc(&L->form->arena, n * size);
	if (!p)
		nb_error_set(L->err, L->file, 0, 0, "内存不足");
	return p;
}

const char *
nb_fl_dup(nb_formload_t *L, const char *s)
{
	const char *p = nb_arena_strdup(&L->form->arena, s);

	if (s && !p)
		nb_error_set(L->err, L->file, 0, 0, "内存不足");
	return p;
}

int
nb_fl_strs(nb_formload_t *L, const nb_ynode_t *map, const char *key,
           const char ***out, size_t *n)
{
	const nb_ynode_t *list = nb_ymap_get(map, key);
	size_t i;

	*out = NULL;
	*n = 0;
	if (!list)
		return 0;
	if (list->type != NB_Y_SEQ)
		return nb_fl_bad(L, list, "“%s”应为列表", key);
	if (!(*out = nb_fl_alloc(L, list->n, sizeof **out)))
		return -1;
	for (i = 0; i < list->n; i++) {
		if (list->kids[i]->type != NB_Y_SCALAR)
			return nb_fl_bad(L, list->kids[i], "标题应为文字");
		if (!((*out)[i] = nb_fl_dup(L, list->kids[i]->str)))
			return -1;
	}
	*n = list->n;
	return 0;
}

/* A scalar under key; required ones missing are an error. */
int
nb_fl_str(nb_formload_t *L, const nb_ynode_t *map, const char *key, int required,
        const char **out)
{
	const nb_ynode_t *v = nb_ymap_get(map, key);

	*out = NULL;
	if (!v) {
		if (required)
			return nb_fl_bad(L, map, "缺少“%s”", key);
		return 0;
	}
	if (v->type != NB_Y_SCALAR)
		return nb_fl_bad(L, v, "“%s”应为文字", key);
	*out = nb_fl_dup(L, v->str);
	return *out ? 0 : -1;
}

int
nb_fl_brief(nb_formload_t *L, const nb_ynode_t *map, const char *key,
            const char *full, const char **out)
{
	nb_textcheck_t bad;
	char what[64];

	if (nb_fl_str(L, map, key, 0, out) < 0)
		return -1;
	if (!*out)
		return 0;
	if (!**out)
		return nb_fl_bad(L, nb_ymap_get(map, key), "“%s”不能为空", key);
	if (nb_textcheck(*out, strlen(*out), NB_TEXTCHECK_ONE_LINE, &bad) < 0)
		return nb_fl_bad(L, nb_ymap_get(map, key), "“%s”应为一行文字（其中有%s）",
		                 key, nb_textcheck_what(&bad, what, sizeof what));
	if (nb_str_width(*out, strlen(*out)) >= nb_str_width(full, strlen(full)))
		return nb_fl_bad(L, nb_ymap_get(map, key), "“%s”（%s）应比它代替的“%s”短",
		                 key, *out, full);
	return 0;
}

int
nb_fl_flag(nb_formload_t *L, const nb_ynode_t *map, const char *key, int *out)
{
	const nb_ynode_t *v = nb_ymap_get(map, key);

	*out = 0;
	if (!v)
		return 0;
	if (v->type == NB_Y_SCALAR && !strcmp(v->str, "true"))
		*out = 1;
	else if (!(v->type == NB_Y_SCALAR && !strcmp(v->str, "false")))
		return nb_fl_bad(L, v, "“%s”应为 true 或 false", key);
	return 0;
}

int
nb_fl_int(nb_formload_t *L, const nb_ynode_t *map, const char *key, int dflt,
        int *out)
{
	const nb_ynode_t *v = nb_ymap_get(map, key);
	char *end;
	long n;

	*out = dflt;
	if (!v)
		return 0;
	n = v->type == NB_Y_SCALAR ? strtol(v->str, &end, 10) : -1;
	if (v->type != NB_Y_SCALAR || *end || end == v->str || n < 0 || n > 1000)
		return nb_fl_bad(L, v, "“%s”应为 0 到 1000 的整数", key);
	*out = (int)n;
	return 0;
}

const nb_ynode_t *
nb_fl_node(nb_formload_t *L, const nb_ynode_t *map, const char *key, nb_ytype_t type)
{
	const nb_ynode_t *v = nb_ymap_get(map, key);

	if (!v) {
		nb_fl_bad(L, map, "缺少“%s”", key);
		return NULL;
	}
	if (v->type != type) {
		nb_fl_bad(L, v, type == NB_Y_SEQ ? "“%s”应为列表" : "“%s”应为映射", key);
		return NULL;
	}
	return v;
}

int
nb_fl_severity(nb_formload_t *L, const nb_ynode_t *rule, nb_severity_t *out)
{
	const char *sev;

	if (nb_fl_str(L, rule, "severity", 0, &sev) < 0)
		return -1;
	if (!sev || !strcmp(sev, "error"))
		*out = NB_SEV_ERROR;
	else if (!strcmp(sev, "warning"))
		*out = NB_SEV_WARNING;
	else if (!strcmp(sev, "suggestion"))
		*out = NB_SEV_SUGGESTION;
	else
		return nb_fl_bad(L, rule, "severity 应为 error、warning 或 suggestion，而不是“%s”", sev);
	return 0;
}
