/*
 * __shadow_parse: name:hash:lastchg:min:max:warn:inactive:expire:flag; an
 * empty number is -1 (the flag ~0UL).
 */
#include <stdlib.h>

#include "internal/userdb.h"
#include "internal/userdb_fields.h"

static int number(const char *s, long *v)
{
	char *end;

	if (!*s) {
		*v = -1;
		return 0;
	}
	*v = strtol(s, &end, 10);
	return *end ? -1 : 0;
}

int __shadow_parse(char *line, struct spwd *sp)
{
	char *f[9];
	long flag;

	if (__userdb_fields(line, f, 9) != 9 || !*f[0])
		return -1;
	sp->sp_namp = f[0];
	sp->sp_pwdp = f[1];
	if (number(f[2], &sp->sp_lstchg) || number(f[3], &sp->sp_min) ||
	    number(f[4], &sp->sp_max) || number(f[5], &sp->sp_warn) ||
	    number(f[6], &sp->sp_inact) || number(f[7], &sp->sp_expire) || number(f[8], &flag))
		return -1;
	sp->sp_flag = (unsigned long)flag;
	return 0;
}
