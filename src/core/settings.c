/* settings.c - reading nianbao.yaml (settings.h). */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/buf.h"
#include "core/settings.h"
#include "core/form.h"
#include "core/ytree.h"

void
nb_settings_free(nb_settings_t *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->nrules; i++)
		free(c->rules[i].id);
	free(c->rules);
	free(c->file);
	free(c);
}

static int
severity_of(const char *s)
{
	static const struct { const char *name; int sev; } tab[] = {
		{ "error", NB_SEV_ERROR }, { "warning", NB_SEV_WARNING },
		{ "suggestion", NB_SEV_SUGGESTION }, { "off", NB_SETTINGS_OFF },
	};
	size_t i;

	for (i = 0; i < sizeof tab / sizeof tab[0]; i++)
		if (!strcmp(s, tab[i].name))
			return tab[i].sev;
	return -2;
}

static int
read_rules(nb_settings_t *c, const nb_ynode_t *m, nb_error_t *err)
{
	size_t i;

	if (m->type != NB_Y_MAP)
		return nb_error_set(err, c->file, m->line, m->col,
		                    "rules 应为映射（规则编号: error、warning、suggestion 或 off）");
	if (!(c->rules = calloc(m->n / 2 + 1, sizeof *c->rules)))
		return nb_error_set(err, c->file, 0, 0, "内存不足");
	for (i = 0; i + 1 < m->n; i += 2) {
		const nb_ynode_t *k = m->kids[i], *v = m->kids[i + 1];
		nb_setting_t *r = &c->rules[c->nrules];
		if (v->type != NB_Y_SCALAR || (r->severity = severity_of(v->str)) == -2)
			return nb_error_set(err, c->file, v->line, v->col,
			    "规则“%s”的设置应为 error、warning、suggestion 或 off", k->str);
		if (!(r->id = strdup(k->str)))
			return nb_error_set(err, c->file, 0, 0, "内存不足");
		r->line = k->line;
		r->col = k->col;
		c->nrules++;
	}
	return 0;
}

static int
read_config(nb_settings_t *c, const nb_ynode_t *root, nb_error_t *err)
{
	size_t i;

	if (root->type != NB_Y_MAP)
		return nb_error_set(err, c->file, root->line, root->col,
		                    "设置文件的顶层应为映射（rules: …）");
	for (i = 0; i + 1 < root->n; i += 2) {
		const nb_ynode_t *k = root->kids[i];
		if (k->type != NB_Y_SCALAR || strcmp(k->str, "rules"))
			return nb_error_set(err, c->file, k->line, k->col,
			    "未知的键“%s”（设置文件只有 rules）",
			    k->type == NB_Y_SCALAR ? k->str : "?");
		if (read_rules(c, root->kids[i + 1], err) < 0)
			return -1;
	}
	return 0;
}

int
nb_settings_load(const char *path, nb_settings_t **out, nb_error_t *err)
{
	nb_ynode_t *root;
	nb_settings_t *c;
	int rc;

	*out = NULL;
	if (nb_ytree_load(path, &root, err) < 0)
		return -1;
	if (!(c = calloc(1, sizeof *c)) || !(c->file = strdup(path))) {
		free(c);
		nb_ytree_free(root);
		return nb_error_set(err, path, 0, 0, "内存不足");
	}
	rc = read_config(c, root, err);
	nb_ytree_free(root);
	if (rc < 0) {
		nb_settings_free(c);
		return -1;
	}
	*out = c;
	return 0;
}

int
nb_settings_find(const char *draft, nb_settings_t **out, nb_error_t *err)
{
	const char *slash = strrchr(draft, '/');
	struct stat st;
	nb_buf_t b;
	int rc = 0;

	*out = NULL;
	nb_buf_init(&b);
	if (slash)
		nb_buf_add(&b, draft, (size_t)(slash - draft) + 1);
	nb_buf_puts(&b, NB_SETTINGS_NAME);
	if (b.failed)
		rc = nb_error_set(err, draft, 0, 0, "内存不足");
	else if (stat(b.data, &st) == 0)
		rc = nb_settings_load(b.data, out, err);
	nb_buf_free(&b);
	return rc;
}

const nb_setting_t *
nb_settings_rule(const nb_settings_t *c, const char *id)
{
	size_t i;

	for (i = 0; c && i < c->nrules; i++)
		if (!strcmp(c->rules[i].id, id))
			return &c->rules[i];
	return NULL;
}

void
nb_settings_cache_init(nb_settings_cache_t *c)
{
	memset(c, 0, sizeof *c);
}

void
nb_settings_cache_free(nb_settings_cache_t *c)
{
	free(c->dir);
	nb_settings_free(c->cfg);
	nb_settings_cache_init(c);
}

int
nb_settings_cached(nb_settings_cache_t *c, const char *draft,
                   const nb_settings_t **out, nb_error_t *err)
{
	const char *slash = strrchr(draft, '/');
	size_t n = slash ? (size_t)(slash - draft) + 1 : 0;

	if (!c->dir || strlen(c->dir) != n || memcmp(c->dir, draft, n)) {
		nb_settings_cache_free(c);
		if (!(c->dir = malloc(n + 1)))
			return nb_error_set(err, draft, 0, 0, "内存不足");
		memcpy(c->dir, draft, n);
		c->dir[n] = '\0';
		c->bad = nb_settings_find(draft, &c->cfg, &c->err) < 0;
	}
	*out = c->cfg;
	if (c->bad)
		*err = c->err;
	return c->bad ? -1 : 0;
}
