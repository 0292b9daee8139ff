/* warnx: vwarnx() with the arguments listed. */
#include <err.h>

void warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
}
