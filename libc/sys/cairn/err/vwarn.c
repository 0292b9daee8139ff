/* vwarn: "prog: message: strerror(errno)\n" on stderr (prog is argv[0]'s last part). */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "internal/libc.h"

void vwarn(const char *fmt, va_list ap)
{
	int saved = errno;

	fprintf(stderr, "%s: ", program_invocation_short_name);
	if (fmt) {
		vfprintf(stderr, fmt, ap);
		fputs(": ", stderr);
	}
	fprintf(stderr, "%s\n", strerror(saved));
}
