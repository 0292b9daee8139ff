/* ptsname: the slave's path of master fd in a static buffer, or NULL with errno. */
#define _GNU_SOURCE /* newlib declares the XSI functions under _XOPEN_SOURCE or _GNU_SOURCE */
#include <stdlib.h>

char *ptsname(int fd)
{
	static char name[32];

	return ptsname_r(fd, name, sizeof(name)) ? NULL : name;
}
