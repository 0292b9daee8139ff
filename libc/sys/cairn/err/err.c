/* err: verr() with the arguments listed. */
#include <err.h>

void err(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verr(status, fmt, ap);
}
