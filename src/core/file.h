/* file.h - the program's files on disk: reading them (regular files
 * only), replacing them atomically, and naming the files that belong
 * beside a draft.  Every write of a draft, an export or a recovery file
 * goes through here, and so does every read of a draft or form file.
 */
#ifndef NB_FILE_H
#define NB_FILE_H

#include <stddef.h>

#include "core/error.h"

/* Reads a whole file into a NUL-terminated buffer of at most max bytes
 * (malloc'd).  Anything but a regular file (a directory, a FIFO, a
 * device) is refused at once, saying what it is. */
int nb_file_read(const char *path, size_t max, char **out, size_t *len,
                 nb_error_t *err);

/* Writes bytes to path atomically: a temporary file beside it, flushed
 * to disk, then renamed over it.  When path exists, the
 * version it holds is first kept as PATH~ (the backup): a hard link, or a
 * copy where hard links are not possible, made under a temporary name and
 * renamed over the previous PATH~.  At every moment PATH is the complete
 * old or the complete new draft and PATH~ a complete earlier version.
 *
 * A path that is a symbolic link is saved into the file it points to (the
 * link stays; the temporary file and PATH~ are beside that file); a FIFO
 * or a device is written in place, without a backup.
 *
 * Temporary files are named DIR/.nb-HASH-PID-XXXXXX (HASH: 8 hex digits
 * of the 32-bit FNV-1a hash of the file's name; PID: the process writing
 * it), a name that fits whatever the length of the draft's name; one
 * that a killed process left is removed by the next save of the same
 * file.  When PATH~ would pass NAME_MAX (255 bytes), see nb_file_sidecar
 * for how it is shortened.
 *
 * Returns 0 when saved; 1 when saved but the backup could not be made (a
 * directory named PATH~, a full disk: the save goes on, and *err holds
 * the warning); -1 on failure (disk full, no permission, read-only disk,
 * no such directory, a directory named PATH...), when the message says
 * why in the operator's words, PATH and PATH~ are as they were, and no
 * temporary file is left. */
int nb_file_save(const char *path, const char *data, size_t len, nb_error_t *err);

/* The same without a backup (an export, a recovery file): 0 or -1. */
int nb_file_replace(const char *path, const char *data, size_t len,
                    nb_error_t *err);

/* For tests only: from now on, writes by the two functions above fail
 * with write_errno once write_after more bytes have been written (0: no
 * write fault), and link() fails with link_errno (0: no link fault), as
 * on a full disk or a filesystem without hard links.  Not thread-safe;
 * nb_file_test_faults(0, 0, 0) turns them off. */
void nb_file_test_faults(int write_errno, size_t write_after, int link_errno);

/* The hidden file beside a draft that belongs to it: "dir/x.yaml" and
 * "lock" give "dir/.x.yaml.lock".  A draft that is a symbolic link is
 * followed first: the side files belong to the file it points to, so two
 * names of one draft share them.  A name that would pass NAME_MAX (255
 * bytes) is shortened the same way every time: the draft's name is cut at
 * a character boundary and ends in "~" and 8 hex digits of a hash of the
 * whole name (".<cut name>~1a2b3c4d.recover"); the backup PATH~ likewise
 * ("<cut name>~1a2b3c4d~").  malloc'd; NULL when out of memory. */
char *nb_file_sidecar(const char *draft, const char *suffix);

/* path with the symbolic links of its last part followed (a link to a
 * link, a relative link) to the file they name, which need not exist.
 * malloc'd; NULL with errno (ELOOP, ENOMEM) on failure. */
char *nb_file_resolve(const char *path);

/* The directory path is in, opened for fsync() or flock(); -1 with errno. */
int nb_file_open_dir(const char *path);

#endif
