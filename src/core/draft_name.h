/* draft_name.h - the file name of a new draft: proposed from whose report
 * it is and for which year, completed, and judged before anything is
 * written, so that the operator hears why a name will not do while it can
 * still be corrected.
 */
#ifndef NB_DRAFT_NAME_H
#define NB_DRAFT_NAME_H

#include <stdint.h>

#include "core/error.h"

/* "<机关名称><年度>年报.yaml" ("金寨县公共资源交易中心2024年报.yaml"), with
 * "_" for what a file name cannot hold (a "/", a control character, a
 * leading "."), the 机关名称 cut short (at a character) where the name would
 * pass 255 bytes.  malloc'd; NULL when out of memory. */
char *nb_draft_name_for(const char *org, int64_t year);

/* name with ".yaml" added when it ends in neither ".yaml" nor ".yml";
 * malloc'd, NULL when out of memory. */
char *nb_draft_name_complete(const char *name);

/* Whether a new draft can be made under name in the current folder: 0,
 * or -1 with *err saying why not (empty, a "/" or a control character in
 * it, hidden, too long, already there, the folder not writable). */
int nb_draft_name_check(const char *name, nb_error_t *err);

#endif
