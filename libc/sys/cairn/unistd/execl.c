/*
 * execl: execv() with the arguments listed after path, ending with a null
 * pointer (argv lives on the stack for the call).
 */
#include <stdarg.h>
#include <unistd.h>

int execl(const char *path, const char *arg0, ...)
{
	va_list ap;
	int n = 1;

	va_start(ap, arg0);
	while (va_arg(ap, const char *))
		n++;
	va_end(ap);

	char *argv[n + 1];
	argv[0] = (char *)arg0;
	va_start(ap, arg0);
	for (int i = 1; i <= n; i++)
		argv[i] = va_arg(ap, char *);
	va_end(ap);
	return execv(path, argv);
}
