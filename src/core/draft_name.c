/* draft_name.c - names for new drafts (draft_name.h). */

#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/draft_name.h"
#include "core/text.h"

#ifndef NAME_MAX
#define NAME_MAX 255
#endif

static int
is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
}

/* The 机关名称 as part of a file name, in at most max bytes. */
static void
put_org(nb_buf_t *b, const char *org, size_t max)
{
	size_t n = strlen(org), k, at = 0;
	uint32_t cp;

	while (at < n) {
		k = nb_utf8_next(org + at, n - at, &cp);
		if (b->len + k > max)
			return;
		if (cp == '/' || is_control(cp) || (cp == '.' && !at))
			nb_buf_puts(b, "_");
		else
			nb_buf_add(b, org + at, k);
		at += k;
	}
}

char *
nb_draft_name_for(const char *org, int64_t year)
{
	char tail[64];
	nb_buf_t b;

	snprintf(tail, sizeof tail, "%lld年报.yaml", (long long)year);
	nb_buf_init(&b);
	put_org(&b, org, NAME_MAX - strlen(tail));
	nb_buf_puts(&b, tail);
	return nb_buf_take(&b);
}

static int
ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), m = strlen(end);

	return n >= m && !strcmp(s + n - m, end);
}

char *
nb_draft_name_complete(const char *name)
{
	nb_buf_t b;

	nb_buf_init(&b);
	nb_buf_puts(&b, name);
	if (!ends_with(name, ".yaml") && !ends_with(name, ".yml"))
		nb_buf_puts(&b, ".yaml");
	return nb_buf_take(&b);
}

/* What in the name itself keeps it from being a draft's, or NULL. */
static const char *
bad_name(const char *name)
{
	size_t n = strlen(name), at = 0;
	uint32_t cp;

	if (!n || !strcmp(name, ".yaml") || !strcmp(name, ".yml"))
		return "文件名不能为空";
	while (at < n) {
		at += nb_utf8_next(name + at, n - at, &cp);
		if (cp == '/')
			return "文件名中不能有“/”：草稿存在当前文件夹里";
		if (is_control(cp))
			return "文件名中不能有控制字符";
	}
	if (name[0] == '.')
		return "以“.”开头的是隐藏文件，草稿列表里会看不到它";
	if (n > NAME_MAX)
		return "文件名太长（最多 255 个字节，约 85 个汉字）";
	return NULL;
}

int
nb_draft_name_check(const char *name, nb_error_t *err)
{
	const char *bad = bad_name(name);
	struct stat st;

	if (bad)
		return nb_error_set(err, name, 0, 0, "%s", bad);
	if (lstat(name, &st) == 0)
		return nb_error_set(err, name, 0, 0, "这个文件已经存在，请换一个名字"
		                    "（或在列表中直接打开它）");
	if (access(".", W_OK) < 0)
		return nb_error_set(err, name, 0, 0, "当前文件夹不能写入（%s），"
		                    "请在别的文件夹中运行 nianbao", strerror(errno));
	return 0;
}
