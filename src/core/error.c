#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "core/error.h"

/* A message cut to fit must not end inside a character. */
static void
trim_utf8(char *s)
{
	size_t n = strlen(s), i = n, need;

	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;                   /* back to the last lead byte */
	if (i == 0 || (unsigned char)s[i - 1] < 0xC0)
		return;
	need = (unsigned char)s[i - 1] >= 0xF0 ? 4 : (unsigned char)s[i - 1] >= 0xE0 ? 3 : 2;
	if (n - (i - 1) < need)
		s[i - 1] = '\0';
}

int
nb_error_set(nb_error_t *err, const char *file, int line, int col,
             const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!err)
		return -1;
	snprintf(err->file, sizeof err->file, "%s", file ? file : "");
	err->line = line;
	err->col = col;
	va_start(ap, fmt);
	n = vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof err->msg)
		trim_utf8(err->msg);
	return -1;
}

void
nb_error_format(const nb_error_t *err, const char *kind, char *out, size_t cap)
{
	if (err->file[0] && err->line > 0)
		snprintf(out, cap, "%s:%d:%d: %s: %s\n", err->file, err->line,
		         err->col > 0 ? err->col : 1, kind, err->msg);
	else if (err->file[0])
		snprintf(out, cap, "%s: %s: %s\n", err->file, kind, err->msg);
	else
		snprintf(out, cap, "nianbao: %s: %s\n", kind, err->msg);
}

static void
print(const nb_error_t *err, FILE *out, const char *kind)
{
	char line[NB_ERROR_LINE_MAX];

	nb_error_format(err, kind, line, sizeof line);
	fputs(line, out);
}

void
nb_error_print(const nb_error_t *err, FILE *out)
{
	print(err, out, "error");
}

void
nb_error_print_warning(const nb_error_t *err, FILE *out)
{
	print(err, out, "warning");
}
