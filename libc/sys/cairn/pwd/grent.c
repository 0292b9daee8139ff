/*
 * getgrent, setgrent, endgrent: /etc/group entry by entry, in static memory
 * (not reentrant). They share the open file, so they live in one file.
 */
#include <errno.h>

#include "internal/userdb.h"

static FILE *db;

void setgrent(void)
{
	if (db)
		rewind(db);
}

void endgrent(void)
{
	if (db)
		fclose(db);
	db = 0;
}

struct group *getgrent(void)
{
	static struct group gr;
	static char buf[__USERDB_BUFSIZE * 4];
	int r;

	if (!db && !(db = fopen(__GROUP_PATH, "re")))
		return 0;
	while ((r = __userdb_line(db, buf, sizeof(buf))) != 0)
		if (r > 0 && __group_parse(buf, sizeof(buf), &gr) == 0)
			return &gr;
	return 0;
}
