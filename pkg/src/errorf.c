/* errorf: formats an error message into a caller's buffer. */
#include <stdarg.h>
#include <stdio.h>

#include "util.h"

int errorf(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}
