/* recovery.h - unsaved edits kept beside the draft, and telling whether
 * the draft changed on disk.
 *
 * While a draft DIR/NAME.yaml is edited, the editor writes what it holds
 * now to DIR/.NAME.yaml.recover from time to time (in the draft format,
 * atomically and flushed to disk, like a save but with no backup), and
 * removes it after a save.  A recovery file newer than the draft, found
 * when the draft is opened, means the last editor did not save: the
 * operator can be shown which fields differ and choose.
 *
 * A file stamp taken when the draft is loaded tells, before saving,
 * whether someone changed the draft on disk meanwhile (another program, a
 * text editor, a copy from a USB stick).  Saving replaces the file (a new
 * inode), so take a new stamp after each save.  Curses-free.
 */
#ifndef NB_RECOVERY_H
#define NB_RECOVERY_H

#include <sys/types.h>
#include <time.h>

#include "core/error.h"
#include "core/form.h"
#include "core/report.h"

/* The recovery file of draft: ".NAME.yaml.recover" in the draft's
 * directory.  A malloc'd string, NULL when out of memory. */
char *nb_recovery_path(const char *draft);

/* Writes r as the recovery file of draft (atomically, fsynced). */
int nb_recovery_write(const nb_report_t *r, const char *draft, nb_error_t *err);

/* 1 when draft has a recovery file newer than the draft itself (or the
 * draft is gone), 0 when not (no recovery file, or an older one). */
int nb_recovery_pending(const char *draft);

/* Reads the recovery file of draft against form (as nb_draft_load). */
int nb_recovery_load(const nb_form_t *form, const char *draft,
                     nb_report_t **out, nb_error_t *err);

/* Removes the recovery file of draft; no file is not an error. */
int nb_recovery_remove(const char *draft, nb_error_t *err);

/* One field whose values differ. */
typedef struct {
	size_t cell;            /* the form's cell */
	char *name;             /* its full name (nb_cell_name), owned */
} nb_change_t;

typedef struct {
	nb_change_t *v;         /* in cell order; owned */
	size_t n;
} nb_changes_t;

/* The cells of two reports of one form whose values differ (filled or
 * not, number and decimals, text, the list of items), with their full
 * names, into *out (which the caller frees with nb_changes_free).
 * Returns -1 only when out of memory. */
int nb_recovery_diff(const nb_report_t *a, const nb_report_t *b,
                     nb_changes_t *out);
void nb_changes_free(nb_changes_t *c);

/* What identifies the file at a path: device, inode, size and time of
 * last change (to the nanosecond). */
typedef struct {
	int exists;
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
} nb_filestamp_t;

/* Stamps the file at path now (exists = 0 when there is none). */
void nb_filestamp_take(const char *path, nb_filestamp_t *out);

/* 1 when the file at path is not the stamped one any more (written,
 * replaced, removed or created), 0 when it is. */
int nb_filestamp_changed(const char *path, const nb_filestamp_t *stamp);

#endif
