/* execvp: execvpe() with the caller's environment (the $PATH search is there). */
#define _GNU_SOURCE
#include <unistd.h>

extern char **environ;

int execvp(const char *file, char *const argv[])
{
	return execvpe(file, argv, environ);
}
