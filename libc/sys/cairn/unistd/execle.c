/*
 * execle: execve() with the arguments listed after path, a null pointer,
 * then the environment (char *const envp[]).
 */
#include <stdarg.h>
#include <unistd.h>

int execle(const char *path, const char *arg0, ...)
{
	va_list ap;
	char *const *envp;
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
	envp = va_arg(ap, char *const *);
	va_end(ap);
	return execve(path, argv, envp);
}
