/* Reading and replacing files, and the names of the files beside a draft
 * (see file.h). */

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/file.h"

/* ---- reading ---- */

/* What a path that is not a regular file is, in the operator's words. */
static const char *
file_kind(mode_t mode)
{
	if (S_ISDIR(mode))
		return "一个目录";
	if (S_ISFIFO(mode))
		return "一个命名管道（FIFO）";
	if (S_ISCHR(mode))
		return "一个字符设备";
	if (S_ISBLK(mode))
		return "一个块设备";
	if (S_ISSOCK(mode))
		return "一个套接字";
	return "一个特殊文件";
}

static int
not_regular(const char *path, mode_t mode, nb_error_t *err)
{
	return nb_error_set(err, path, 0, 0, "这是%s，不是普通文件：无法读取",
	                    file_kind(mode));
}

/* Opens path for reading only if it is a regular file: reading a FIFO
 * waits for a writer forever, and a device may never end.  stat() first,
 * so that a device is not even opened; O_NONBLOCK and fstat() for what
 * may have been put in its place meanwhile.  *size: its size then. */
static int
open_regular(const char *path, off_t *size, nb_error_t *err)
{
	struct stat st;
	int fd;

	if (stat(path, &st) < 0)
		return nb_error_set(err, path, 0, 0, "无法打开：%s", strerror(errno));
	if (!S_ISREG(st.st_mode))
		return not_regular(path, st.st_mode, err);
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0)
		return nb_error_set(err, path, 0, 0, "无法打开：%s", strerror(errno));
	if (fstat(fd, &st) == 0 && !S_ISREG(st.st_mode)) {
		close(fd);
		return not_regular(path, st.st_mode, err);
	}
	*size = st.st_size;
	return fd;
}

/* Reads fd to its end into *buf (cap bytes, grown as the file turns out
 * longer than it was), but no more than max + 1 bytes; -1 with errno. */
static ssize_t
read_all(int fd, char **buf, size_t cap, size_t max)
{
	size_t n = 0;
	ssize_t got;
	char *b;

	for (;;) {
		if (n == cap) {
			if (cap > max)
				return (ssize_t)n;
			cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
			if (!(b = realloc(*buf, cap + 1)))
				return errno = ENOMEM, -1;
			*buf = b;
		}
		got = read(fd, *buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return -1;
		if (got == 0)
			return (ssize_t)n;
		n += (size_t)got;
	}
}

int
nb_file_read(const char *path, size_t max, char **out, size_t *len,
             nb_error_t *err)
{
	off_t size = 0;
	size_t cap;
	ssize_t n;
	char *buf;
	int fd, e;

	*out = NULL;
	if ((fd = open_regular(path, &size, err)) < 0)
		return -1;
	/* the size stat() gives, and a little more, to see the end in one read */
	cap = size < 0 || (uintmax_t)size > max ? max + 1 : (size_t)size + 1;
	if (!(buf = malloc(cap + 1))) {
		close(fd);
		return nb_error_set(err, path, 0, 0, "内存不足");
	}
	n = read_all(fd, &buf, cap, max);
	e = errno;
	close(fd);
	if (n < 0) {
		free(buf);
		return e == ENOMEM ? nb_error_set(err, path, 0, 0, "内存不足")
		                   : nb_error_set(err, path, 0, 0, "读取失败：%s", strerror(e));
	}
	if ((size_t)n > max) {
		free(buf);
		return nb_error_set(err, path, 0, 0,
		    "文件太大（超过 %zu 字节）", max);
	}
	buf[n] = '\0';
	*out = buf;
	*len = (size_t)n;
	return 0;
}

/* ---- writing ---- */

/* Faults a test can ask for (nb_file_test_faults): a full disk cannot be
 * had without mounting a filesystem, and a filesystem without hard links
 * not at all. */
static struct {
	int write_errno;        /* writes fail with this... */
	size_t write_after;     /* ...once this many more bytes are written */
	int link_errno;         /* link() fails with this */
} fault;

void
nb_file_test_faults(int write_errno, size_t write_after, int link_errno)
{
	fault.write_errno = write_errno;
	fault.write_after = write_after;
	fault.link_errno = link_errno;
}

static ssize_t
checked_write(int fd, const char *data, size_t len)
{
	if (fault.write_errno) {
		if (!fault.write_after) {
			errno = fault.write_errno;
			return -1;
		}
		if (len > fault.write_after)
			len = fault.write_after;
		fault.write_after -= len;
	}
	return write(fd, data, len);
}

static int
write_all(int fd, const char *data, size_t len)
{
	ssize_t n;

	while (len) {
		n = checked_write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0) {
			errno = EIO;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* What went wrong, in the operator's words. */
static const char *
why(int e)
{
	switch (e) {
	case ENOSPC: return "磁盘已满";
	case EDQUOT: return "磁盘配额已用完";
	case EFBIG:  return "文件超过了允许的大小";
	case EROFS:  return "磁盘或目录是只读的";
	case EACCES:
	case EPERM:  return "没有在这个目录里写文件的权限";
	case ENOENT: return "文件所在的目录不存在";
	case ENOTDIR: return "路径中有一段不是目录";
	case EISDIR: return "这个名字已经是一个目录";
	case ENAMETOOLONG: return "文件名太长";
	case EIO:    return "磁盘读写出错";
	case ELOOP:  return "符号链接太多层（也许链接指向了自己）";
	default:     return strerror(e);
	}
}

static int
save_failed(nb_error_t *err, const char *path, int existed, const char *step,
            int e)
{
	return nb_error_set(err, path, 0, 0, "无法保存：%s（%s时）；%s", why(e), step,
	                    existed ? "原文件未改动" : "没有写入任何文件");
}


/* The directory part of path, for fsync after the rename. */
int
nb_file_open_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char dir[4096];

	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else
		snprintf(dir, sizeof dir, "%.*s", (int)(slash > path ? slash - path : 1), path);
	return open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

static void
sync_dir(const char *path)
{
	int fd = nb_file_open_dir(path);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

static mode_t
new_file_mode(const char *path)
{
	struct stat st;
	mode_t mask;

	if (stat(path, &st) == 0)
		return st.st_mode & 07777;
	mask = umask(022);
	umask(mask);
	return 0666 & ~mask;
}

/* ---- names beside the target ---- */

/* FNV-1a, 32 bits: a tag of fixed length for a name of any length. */
static unsigned long
name_hash(const char *s)
{
	unsigned long h = 2166136261u;

	while (*s)
		h = ((h ^ (unsigned char)*s++) * 16777619u) & 0xffffffffu;
	return h;
}

/* The length of path's directory part, with its slash. */
static size_t
dir_len(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? (size_t)(slash - path) + 1 : 0;
}

/* DIR/ + prefix + NAME + suffix for path DIR/NAME, malloc'd.  Where that
 * would pass NAME_MAX, NAME is cut at a character boundary and "~" and
 * the hash of the whole name end it instead: the same name every time,
 * and two long names that begin alike still get two. */
static char *
beside(const char *path, const char *prefix, const char *suffix)
{
	size_t dl = dir_len(path), room = NAME_MAX - strlen(prefix) - strlen(suffix);
	const char *name = path + dl;
	size_t keep = strlen(name), n;
	char tag[16] = "";
	char *s;

	if (keep > room) {
		keep = room - 9;
		while (keep > 0 && ((unsigned char)name[keep] & 0xC0) == 0x80)
			keep--;
		snprintf(tag, sizeof tag, "~%08lx", name_hash(name));
	}
	n = dl + strlen(prefix) + keep + strlen(tag) + strlen(suffix) + 1;
	if ((s = malloc(n)))
		snprintf(s, n, "%.*s%s%.*s%s%s", (int)dl, path, prefix, (int)keep, name,
		         tag, suffix);
	return s;
}

/* The mkstemp template of a temporary file for target:
 * DIR/.nb-HASH-PID-XXXXXX.  Its length does not grow with the target's
 * name, and the hash of that name and the pid let a later save of the
 * same target recognise what a killed one left (see sweep). */
static char *
temp_name(const char *target)
{
	size_t dl = dir_len(target), n = dl + 48;
	char *s = malloc(n);

	if (s)
		snprintf(s, n, "%.*s.nb-%08lx-%ld-XXXXXX", (int)dl, target,
		         name_hash(target + dl), (long)getpid());
	return s;
}

/* Removes the temporary files of target whose process is gone: what a
 * save or export killed midway left behind. */
static void
sweep(const char *target)
{
	size_t dl = dir_len(target), plen;
	char dir[4096], prefix[32], *end;
	struct dirent *e;
	DIR *d;
	long pid;

	snprintf(dir, sizeof dir, "%.*s", dl ? (int)dl : 1, dl ? target : ".");
	plen = (size_t)snprintf(prefix, sizeof prefix, ".nb-%08lx-",
	                        name_hash(target + dl));
	if (!(d = opendir(dir)))
		return;
	while ((e = readdir(d))) {
		if (strncmp(e->d_name, prefix, plen))
			continue;
		pid = strtol(e->d_name + plen, &end, 10);
		if (pid <= 0 || pid == (long)getpid() || *end != '-' || strlen(end) != 7)
			continue;
		if (kill((pid_t)pid, 0) < 0 && errno == ESRCH)
			unlinkat(dirfd(d), e->d_name, 0);
	}
	closedir(d);
}

/* Where a symbolic link points: relative to the link's directory. */
static char *
link_target(const char *link, const char *to)
{
	size_t dl = to[0] == '/' ? 0 : dir_len(link), n = dl + strlen(to) + 1;
	char *s = malloc(n);

	if (s)
		snprintf(s, n, "%.*s%s", (int)dl, link, to);
	return s;
}

char *
nb_file_resolve(const char *path)
{
	char *cur = strdup(path), *next, to[4096];
	struct stat st;
	ssize_t n;
	int hops;

	for (hops = 0; cur && hops < 40; hops++) {
		if (lstat(cur, &st) < 0 || !S_ISLNK(st.st_mode))
			return cur;
		if ((n = readlink(cur, to, sizeof to - 1)) < 0) {
			free(cur);
			return NULL;
		}
		to[n] = '\0';
		next = link_target(cur, to);
		free(cur);
		cur = next;
	}
	if (cur) {
		free(cur);
		errno = ELOOP;
	}
	return NULL;
}

/* ---- saving ---- */

/* Writes data to a new file named from tmpl (mkstemp), flushed to disk;
 * on failure no file is left and errno says why. */
static int
write_temp(char *tmpl, mode_t mode, const char *data, size_t len)
{
	int fd = mkstemp(tmpl), e;

	if (fd < 0)
		return -1;
	if (fchmod(fd, mode) < 0 || write_all(fd, data, len) < 0 || fsync(fd) < 0) {
		e = errno;
		close(fd);
		unlink(tmpl);
		errno = e;
		return -1;
	}
	if (close(fd) < 0) {
		e = errno;
		unlink(tmpl);
		errno = e;
		return -1;
	}
	return 0;
}

/* A copy of path's current bytes in a new file named from tmpl, for a
 * filesystem without hard links. */
static int
copy_temp(const char *path, char *tmpl)
{
	nb_error_t ignored;
	char *data;
	size_t len;
	int rc;

	/* a draft that could be loaded fits; anything bigger is not ours */
	if (nb_file_read(path, 64u * 1024u * 1024u, &data, &len, &ignored) < 0) {
		errno = EIO;
		return -1;
	}
	rc = write_temp(tmpl, new_file_mode(path), data, len);
	free(data);
	return rc;
}

/* Makes TARGET~ the file now at target, atomically: a hard link (or else
 * a copy) under a temporary name, renamed over the old TARGET~.  Until
 * the rename the old TARGET~ stands; after it, TARGET~ is the complete
 * draft.  A backup is not worth a refused save: when it cannot be made
 * (a directory of that name, a full disk) 1 is returned with a warning
 * in *err, and the save goes on. */
static int
keep_backup(const char *path, const char *target, nb_error_t *err)
{
	char *bak = beside(target, "", "~"), *tmp = temp_name(target);
	int fd, e = ENOMEM;

	if (!bak || !tmp)
		goto failed;
	if ((fd = mkstemp(tmp)) < 0) {
		e = errno;
		goto failed;
	}
	close(fd);              /* only to find a unique name */
	unlink(tmp);
	if (fault.link_errno || link(target, tmp) < 0) {
		memcpy(tmp + strlen(tmp) - 6, "XXXXXX", 6);   /* a template again */
		if (copy_temp(target, tmp) < 0) {
			e = errno;
			goto failed;
		}
	}
	if (rename(tmp, bak) < 0) {
		e = errno;
		unlink(tmp);
		goto failed;
	}
	free(bak);
	free(tmp);
	return 0;
failed:
	nb_error_set(err, path, 0, 0, "已保存；但无法建立备份文件 %s（%s），保存前的版本没有留下",
	             bak ? bak : "~", why(e));
	free(bak);
	free(tmp);
	return 1;
}

/* A FIFO or a device is written where it is: a file renamed over it
 * would take its place (as root, over /dev/null). */
static int
write_in_place(const char *path, const char *data, size_t len, nb_error_t *err)
{
	int fd = open(path, O_WRONLY | O_NOCTTY), e = 0;

	if (fd < 0 || write_all(fd, data, len) < 0)
		e = errno;
	if (fd >= 0 && close(fd) < 0 && !e)
		e = errno;
	if (e)
		return nb_error_set(err, path, 0, 0, "无法写入：%s",
		                    e == EACCES ? "没有写这个文件的权限" : why(e));
	return 0;
}

/* Writes a temporary file beside target (path with its links followed),
 * keeps a backup if asked, renames the temporary file over target. */
static int
replace_file(const char *path, const char *target, const char *data,
             size_t len, int backup, nb_error_t *err)
{
	struct stat st;
	int existed = stat(target, &st) == 0, e, rc = 0;
	char *tmp;

	if (existed && S_ISDIR(st.st_mode))
		return save_failed(err, path, 0, "检查文件", EISDIR);
	sweep(target);
	if (!(tmp = temp_name(target)))
		return nb_error_set(err, path, 0, 0, "内存不足");
	if (write_temp(tmp, new_file_mode(target), data, len) < 0) {
		e = errno;
		free(tmp);
		return save_failed(err, path, existed, "写入临时文件", e);
	}
	if (existed && backup)
		rc = keep_backup(path, target, err);
	if (rename(tmp, target) < 0) {
		e = errno;
		unlink(tmp);
		free(tmp);
		return save_failed(err, path, existed, "替换原文件", e);
	}
	free(tmp);
	sync_dir(target);
	return rc;
}

/* A symbolic link stays a link (its target is replaced), a FIFO or a
 * device is written in place, a plain file is replaced atomically. */
static int
replace(const char *path, const char *data, size_t len, int backup,
        nb_error_t *err)
{
	struct stat st;
	int existed = stat(path, &st) == 0, rc;
	char *target;

	if (existed && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
		return write_in_place(path, data, len, err);
	if (!(target = nb_file_resolve(path)))
		return save_failed(err, path, existed, "查找链接指向的文件", errno);
	rc = replace_file(path, target, data, len, backup, err);
	free(target);
	return rc;
}

int
nb_file_replace(const char *path, const char *data, size_t len,
                nb_error_t *err)
{
	return replace(path, data, len, 0, err);
}

int
nb_file_save(const char *path, const char *data, size_t len, nb_error_t *err)
{
	return replace(path, data, len, 1, err);
}

char *
nb_file_sidecar(const char *draft, const char *suffix)
{
	char *real = nb_file_resolve(draft), *dotted, *p;
	size_t n = strlen(suffix) + 2;

	if (!real && errno == ENOMEM)
		return NULL;
	if ((dotted = malloc(n)))
		snprintf(dotted, n, ".%s", suffix);
	p = dotted ? beside(real ? real : draft, ".", dotted) : NULL;
	free(dotted);
	free(real);
	return p;
}

