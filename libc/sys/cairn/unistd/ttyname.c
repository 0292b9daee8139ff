/* ttyname: ttyname_r() into a static buffer (not reentrant), or NULL with errno. */
#include <errno.h>
#include <unistd.h>

char *ttyname(int fd)
{
	static char name[256];
	int err = ttyname_r(fd, name, sizeof(name));

	if (err) {
		errno = err;
		return 0;
	}
	return name;
}
