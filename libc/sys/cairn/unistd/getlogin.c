/* getlogin: getlogin_r() into a static buffer (not reentrant), or NULL with errno. */
#include <errno.h>
#include <unistd.h>

char *getlogin(void)
{
	static char name[256];
	int err = getlogin_r(name, sizeof(name));

	if (err) {
		errno = err;
		return 0;
	}
	return name;
}
