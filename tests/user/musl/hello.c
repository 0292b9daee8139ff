/*
 * A static program built on the host with Debian's musl-gcc (not with
 * Cairn's toolchain): proof that Cairn runs unmodified static Linux
 * binaries. It prints its arguments and environment, one per line, and
 * "musl hello done"; tests/boot/user.py checks the lines.
 */
#include <stdio.h>
#include <stdlib.h>

extern char **environ;

int main(int argc, char **argv)
{
	for (int i = 0; i < argc; i++)
		printf("musl hello: argv[%d]=%s\n", i, argv[i]);
	for (char **e = environ; *e; e++)
		printf("musl hello: env %s\n", *e);
	/* malloc exercises brk/mmap; a buffered stdout exercises writev at exit. */
	char *p = malloc(100000);
	if (!p) {
		printf("musl hello: malloc failed\n");
		return 1;
	}
	p[0] = p[99999] = 'x';
	free(p);
	printf("musl hello done\n");
	return 0;
}
