/*
 * getlogin_r: the login name of the session. Cairn has no utmp, so it is
 * $LOGNAME when set, as musl answers, and otherwise the name of the real
 * user id in /etc/passwd (ENXIO when there is none). ERANGE when the name
 * and its NUL do not fit in size bytes. Returns 0 or an error number.
 */
#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int getlogin_r(char *name, size_t size)
{
	const char *login = getenv("LOGNAME");
	struct passwd pw, *res = 0;
	char buf[1024];
	size_t n;

	if (!login || !*login) {
		if (getpwuid_r(getuid(), &pw, buf, sizeof(buf), &res) != 0 || !res)
			return ENXIO;
		login = pw.pw_name;
	}
	n = strlen(login);
	if (n + 1 > size)
		return ERANGE;
	memcpy(name, login, n + 1);
	return 0;
}
