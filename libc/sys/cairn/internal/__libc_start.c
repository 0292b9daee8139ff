/*
 * __libc_start: everything between the kernel's execve(2) and main().
 *
 * It reads argc, argv, envp and the auxiliary vector off the initial stack,
 * sets up the main thread (its TLS block and descriptor, where errno lives:
 * nothing that may set errno can run before), sets environ, runs the
 * constructors (.preinit_array, _init from crti.o, .init_array) through
 * newlib's __libc_init_array, arranges for the
 * destructors to run at exit, and calls exit(main(argc, argv, envp)), so
 * returning from main flushes stdio like calling exit does.
 */
#include <stdlib.h>

#include "internal/libc.h"

extern char **environ;
extern int main(int argc, char **argv, char **envp);
extern void __libc_init_array(void);
extern void __libc_fini_array(void);

unsigned long *__auxv;

noreturn void __libc_start(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **p = envp;

	while (*p)
		p++;
	__auxv = (unsigned long *)(p + 1);
	__pthread_init_main();
	environ = envp;

	atexit(__libc_fini_array);
	__libc_init_array();
	exit(main(argc, argv, envp));
}
