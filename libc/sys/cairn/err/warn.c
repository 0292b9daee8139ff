/* warn: vwarn() with the arguments listed. */
#include <err.h>

void warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}
