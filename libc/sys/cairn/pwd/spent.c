/*
 * getspent, setspent, endspent: /etc/shadow entry by entry, in static memory
 * (not reentrant). They share the open file, so they live in one file.
 */
#include "internal/userdb.h"

static FILE *db;

void setspent(void)
{
	if (db)
		rewind(db);
}

void endspent(void)
{
	if (db)
		fclose(db);
	db = 0;
}

struct spwd *getspent(void)
{
	static struct spwd sp;
	static char buf[__USERDB_BUFSIZE];
	int r;

	if (!db && !(db = fopen(__SHADOW_PATH, "re")))
		return 0;
	while ((r = __userdb_line(db, buf, sizeof(buf))) != 0)
		if (r > 0 && __shadow_parse(buf, &sp) == 0)
			return &sp;
	return 0;
}
