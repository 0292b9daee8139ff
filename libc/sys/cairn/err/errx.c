/* errx: verrx() with the arguments listed. */
#include <err.h>

void errx(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verrx(status, fmt, ap);
}
