/* lock.h - one editor per draft: a lock file beside it.
 *
 * Editing DIR/NAME.yaml takes the lock DIR/.NAME.yaml.lock, created with
 * O_EXCL and holding who took it, one "key: value" line each:
 *
 *     user: zhangsan
 *     host: pc-0612
 *     pid: 4242
 *     started: 1735689600          (seconds since 1970, UTC)
 *
 * A second editor of the same draft finds the lock and can say who holds
 * it.  A lock whose process no longer exists on this host (the editor
 * crashed, the machine was switched off) is stale: the caller may take it
 * over.  One whose pid now belongs to a process that started after the
 * lock was taken (compared with the start time in /proc/PID/stat) is
 * almost surely stale too, but a process is there: the operator decides,
 * as for the next two.  A lock
 * from another host is never judged stale (its process cannot be seen
 * from here), nor is one that cannot be understood (not "key: value"
 * lines with host, pid and started; a directory, a dangling link, a file
 * that cannot be read): the operator decides, told the risk, and
 * nb_lock_take_over does it.
 *
 * The lock file is found through nb_file_sidecar: a draft opened through
 * a symbolic link has the lock of the file it points to, so two names of
 * one draft are one lock.
 *
 * Taking, taking over and releasing are serialised between processes on
 * one host by flock() on the draft's directory, so two editors that find
 * the same stale lock cannot both take it over.  Curses-free; no function
 * prints or exits.
 */
#ifndef NB_LOCK_H
#define NB_LOCK_H

#include <time.h>

#include "core/buf.h"
#include "core/error.h"

typedef struct {
	char user[64];          /* "" when the lock file does not say */
	char host[256];
	long pid;               /* 0 when unknown */
	long long started;      /* seconds since 1970; 0 when unknown */
	const char *problem;    /* why the lock file cannot be understood, to
	                         * follow "锁文件 PATH" in a message ("是一个
	                         * 目录"); static text; NULL when it can */
} nb_lock_owner_t;

/* How much later than the lock's time a process with its pid may have
 * started and still be its holder: the clock may have been set forward
 * since the lock was taken. */
#define NB_LOCK_CLOCK_SLACK 60

typedef struct {
	char *path;             /* the lock file (owned); NULL when not held */
	nb_lock_owner_t me;     /* what this process wrote into it */
} nb_lock_t;

typedef enum {
	NB_LOCK_OK,             /* the lock is ours */
	NB_LOCK_BUSY,           /* another editor holds it (see *other) */
	NB_LOCK_STALE,          /* held by a process gone from this host */
	NB_LOCK_REUSED,         /* its pid is now another, later process's */
	NB_LOCK_FOREIGN,        /* held from another host: maybe still there */
	NB_LOCK_UNKNOWN,        /* a lock file that cannot be understood */
	NB_LOCK_ERROR           /* could not be taken or read (see *err) */
} nb_lock_status_t;

/* The lock file of draft: ".NAME.yaml.lock" in the draft's directory.
 * Returns a malloc'd string, NULL when out of memory. */
char *nb_lock_path(const char *draft);

/* Takes the lock of draft into *lock (which the caller zeroes first).
 * BUSY, STALE, FOREIGN and UNKNOWN leave the lock untouched and fill
 * *other with its holder (other may be NULL). */
nb_lock_status_t nb_lock_acquire(nb_lock_t *lock, const char *draft,
                                 nb_lock_owner_t *other, nb_error_t *err);

/* Replaces the lock held by `holder` (as acquire or nb_lock_read reported
 * it; a directory in place of the lock file is removed if empty) with
 * ours.  When the lock changed meanwhile (someone else took it
 * over, or released it and another editor took it) nothing is done and
 * BUSY is returned with the new holder in *other (may be NULL).  When
 * the lock is gone, it is simply taken. */
nb_lock_status_t nb_lock_take_over(nb_lock_t *lock, const char *draft,
                                   const nb_lock_owner_t *holder,
                                   nb_lock_owner_t *other, nb_error_t *err);

/* Who holds the lock of draft: 0 with *owner filled (fields the file does
 * not give are empty; owner->problem when it cannot be understood), 1
 * when there is no lock, -1 when out of memory. */
int nb_lock_read(const char *draft, nb_lock_owner_t *owner, nb_error_t *err);

/* Whether the holder's process is gone: the lock is from this host and no
 * process has its pid (1), or the one that has it started more than
 * NB_LOCK_CLOCK_SLACK seconds after the lock was taken (2); 0 otherwise. */
int nb_lock_is_stale(const nb_lock_owner_t *owner);

/* Whether the lock was taken on this host. */
int nb_lock_from_here(const nb_lock_owner_t *owner);

/* The holder for a message: "zhangsan（主机 pc-0612，进程 4242，2025-01-01
 * 08:00 起）", the parts that are known. */
void nb_lock_describe(const nb_lock_owner_t *owner, nb_buf_t *out);

/* Removes the lock file if it is still ours and forgets the lock (a lock
 * not held is fine).  Returns -1 only when an existing lock of ours could
 * not be removed. */
int nb_lock_release(nb_lock_t *lock, nb_error_t *err);

#endif
