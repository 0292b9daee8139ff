/*
 * __libc_start: everything between the kernel's execve(2) and main().
 *
 * It reads argc, argv, envp and the auxiliary vector off the initial stack,
 * sets up the main thread (its TLS block and descriptor, where errno lives:
 * nothing that may set errno can run before), sets environ and the
 * program's name (program_invocation_name and its last component
 * program_invocation_short_name, which err() and warn() print), runs the
 * constructors (.preinit_array, _init from crti.o, .init_array) through
 * newlib's __libc_init_array, arranges for the destructors to run at exit,
 * and calls exit(main(argc, argv, envp)), so returning from main flushes
 * stdio like calling exit does.
 */
#include <stdlib.h>
#include <string.h>

#include "internal/libc.h"

extern char **environ;
extern int main(int argc, char **argv, char **envp);
extern void __libc_init_array(void);
extern void __libc_fini_array(void);

unsigned long *__auxv;
char *program_invocation_name = "";
char *program_invocation_short_name = "";

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
	if (argc > 0 && argv[0]) {
		char *slash = strrchr(argv[0], '/');

		program_invocation_name = argv[0];
		program_invocation_short_name = slash ? slash + 1 : argv[0];
	}

	atexit(__libc_fini_array);
	__libc_init_array();
	exit(main(argc, argv, envp));
}
