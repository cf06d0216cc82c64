/* keys.h - floor 2 of the screen: keys become requests ("next field",
 * "save"), so that what is done never depends on which key did it. */
#ifndef NB_UI_KEYS_H
#define NB_UI_KEYS_H

#include <stddef.h>
#include <wchar.h>

#include "ui/requests.h"

#define NB_REQ_ENUM(id, name, edits, help) NB_REQ_##id,
typedef enum {
	NB_REQ_NONE,            /* typing: a character, no request */
	NB_REQUESTS(NB_REQ_ENUM)
	NB_REQ_COUNT
} nb_req_t;
#undef NB_REQ_ENUM

/* The terminal's keys for the requests (terminfo, and the common ones a
 * terminfo entry may lack); call once the terminal is up. */
void nb_ui_keys_init(void);
nb_req_t nb_ui_bind(int is_key, wint_t code);
/* Reads one key: *req gets the request; *ch the character typed (when
 * *req is NB_REQ_NONE and the return is 1). */
int nb_ui_read_key(nb_req_t *req, wint_t *ch);
/* Whether a request (or typing, NB_REQ_NONE) would change the report. */
int nb_ui_req_edits(nb_req_t req);
/* The help text: one line per request that has one, its keys and what it
 * does. */
size_t nb_ui_help_lines(const char ***keys, const char ***what);
/* The name of the first key bound to a request ("Ctrl-S"), or "". */
const char *nb_ui_key_name(nb_req_t req);
/* The same as a key line shows it ("^S" for Ctrl-S), into out of
 * `size`; returns out. */
const char *nb_ui_key_short(nb_req_t req, char *out, size_t size);
/* text with each {name} of a request (requests.h) replaced by the name of
 * its key, into out of `size` bytes; returns out.  The editor's messages
 * speak of requests, so that they never name a key another one replaced. */
const char *nb_ui_keys_in(const char *text, char *out, size_t size);
/* While the terminal is too small, keys are dropped (but quitting and
 * resizing): 1 when req is, counted; the count, for the notice. */
int nb_ui_key_paused(nb_req_t req);
long nb_ui_keys_dropped(void);

#endif
