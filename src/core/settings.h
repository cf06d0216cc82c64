/* settings.h - a project's settings for the checks: nianbao.yaml beside the
 * drafts (or a file named on the command line), read with ytree.
 *
 *   rules:                       # by rule id (the form's rules and
 *     text-placeholder: error    # text checks): error, warning,
 *     text-same-as-last-year: off   # suggestion, or off
 *
 * Reading refuses what it does not understand with the file, line and
 * column; whether an id names a rule is known only with a form, and is
 * checked when the config is applied (judge.h).
 */
#ifndef NB_SETTINGS_H
#define NB_SETTINGS_H

#include <stddef.h>

#include "core/error.h"

#define NB_SETTINGS_NAME "nianbao.yaml"
#define NB_SETTINGS_OFF (-1)

typedef struct {
	char *id;
	int severity;           /* an nb_severity_t, or NB_SETTINGS_OFF */
	int line, col;          /* where the file names it */
} nb_setting_t;

typedef struct {
	char *file;
	nb_setting_t *rules;
	size_t nrules;
} nb_settings_t;

int nb_settings_load(const char *path, nb_settings_t **out, nb_error_t *err);
/* The config of the directory a draft is in: 0 with *out NULL when that
 * directory has none, 0 with *out when it was read, -1 with *err. */
int nb_settings_find(const char *draft, nb_settings_t **out, nb_error_t *err);
void nb_settings_free(nb_settings_t *c);

/* The setting for a rule id, or NULL. */
const nb_setting_t *nb_settings_rule(const nb_settings_t *c, const char *id);

/* The configs of many drafts' directories, each read once while the drafts
 * of one directory come one after another (as a walk of a tree gives
 * them): the last directory's config, or why it could not be read, kept. */
typedef struct {
	char *dir;              /* the last draft's directory ("" for "."), or NULL */
	nb_settings_t *cfg;     /* its config, or NULL when it has none */
	int bad;                /* it could not be read: err says why */
	nb_error_t err;
} nb_settings_cache_t;

void nb_settings_cache_init(nb_settings_cache_t *c);
/* As nb_settings_find, *out owned by the cache (valid until the next
 * call); a directory's wrong config is refused for each of its drafts. */
int nb_settings_cached(nb_settings_cache_t *c, const char *draft,
                       const nb_settings_t **out, nb_error_t *err);
void nb_settings_cache_free(nb_settings_cache_t *c);

#endif
