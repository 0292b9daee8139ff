/* vwarnx: "prog: message\n" on stderr. */
#include <err.h>
#include <errno.h>
#include <stdio.h>

#include "internal/libc.h"

void vwarnx(const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", program_invocation_short_name);
	if (fmt)
		vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}
