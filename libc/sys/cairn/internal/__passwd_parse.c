/*
 * __passwd_parse: name:password:uid:gid:gecos:home:shell. pw_comment points
 * at the gecos field too (newlib's structure has both).
 */
#include "internal/userdb.h"
#include "internal/userdb_fields.h"

int __passwd_parse(char *line, struct passwd *pw)
{
	char *f[7];
	unsigned int uid, gid;

	if (__userdb_fields(line, f, 7) != 7 || !*f[0])
		return -1;
	if (__userdb_id(f[2], &uid) < 0 || __userdb_id(f[3], &gid) < 0)
		return -1;
	pw->pw_name = f[0];
	pw->pw_passwd = f[1];
	pw->pw_uid = uid;
	pw->pw_gid = gid;
	pw->pw_gecos = f[4];
	pw->pw_comment = f[4];
	pw->pw_dir = f[5];
	pw->pw_shell = f[6];
	return 0;
}
