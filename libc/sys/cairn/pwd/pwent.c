/*
 * getpwent, setpwent, endpwent: /etc/passwd entry by entry, in static memory
 * (not reentrant). They share the open file, so they live in one file.
 */
#include <errno.h>

#include "internal/userdb.h"

static FILE *db;

void setpwent(void)
{
	if (db)
		rewind(db);
}

void endpwent(void)
{
	if (db)
		fclose(db);
	db = 0;
}

struct passwd *getpwent(void)
{
	static struct passwd pw;
	static char buf[__USERDB_BUFSIZE];
	int r;

	if (!db && !(db = fopen(__PASSWD_PATH, "re")))
		return 0;
	while ((r = __userdb_line(db, buf, sizeof(buf))) != 0)
		if (r > 0 && __passwd_parse(buf, &pw) == 0)
			return &pw;
	return 0;
}
