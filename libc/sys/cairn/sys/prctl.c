/* prctl: prctl(2), up to four arguments after the option. */
#include <stdarg.h>
#include <sys/prctl.h>

#include "internal/syscall.h"

int prctl(int option, ...)
{
	va_list ap;
	long a[4];

	va_start(ap, option);
	for (int i = 0; i < 4; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	return (int)__syscall_ret(__syscall5(SYS_prctl, (long)option, a[0], a[1], a[2], a[3]));
}
