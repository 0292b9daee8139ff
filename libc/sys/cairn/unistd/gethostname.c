/*
 * gethostname: the node name uname(2) reports, NUL-terminated in name.
 * ENAMETOOLONG when it does not fit in len bytes with its NUL (name then
 * holds as much as fits, unterminated), as glibc does.
 */
#include <errno.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

int gethostname(char *name, size_t len)
{
	struct utsname u;
	size_t n;

	if (uname(&u) < 0)
		return -1;
	n = strnlen(u.nodename, sizeof(u.nodename));
	if (n + 1 > len) {
		memcpy(name, u.nodename, len);
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(name, u.nodename, n + 1);
	return 0;
}
