#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "error.h"

int
nb_error_set(nb_error_t *err, const char *file, int line, int col,
             const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return -1;
	snprintf(err->file, sizeof err->file, "%s", file ? file : "");
	err->line = line;
	err->col = col;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return -1;
}

void
nb_error_print(const nb_error_t *err, FILE *out)
{
	if (err->file[0] && err->line > 0)
		fprintf(out, "%s:%d:%d: error: %s\n", err->file, err->line,
		        err->col > 0 ? err->col : 1, err->msg);
	else if (err->file[0])
		fprintf(out, "%s: error: %s\n", err->file, err->msg);
	else
		fprintf(out, "nianbao: error: %s\n", err->msg);
}
