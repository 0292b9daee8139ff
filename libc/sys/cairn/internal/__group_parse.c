/*
 * __group_parse: name:password:gid:member,member,... with the member array
 * placed in the buffer after the line (aligned for pointers).
 */
#include <stdint.h>
#include <string.h>

#include "internal/userdb.h"
#include "internal/userdb_fields.h"

int __group_parse(char *line, size_t size, struct group *gr)
{
	char *f[4], *p, **mem;
	size_t used = strlen(line) + 1, n = 1;
	uintptr_t at;
	unsigned int gid;

	if (__userdb_fields(line, f, 4) != 4 || !*f[0] || __userdb_id(f[2], &gid) < 0)
		return -1;
	for (p = f[3]; *p; p++)
		n += *p == ',';
	at = ((uintptr_t)line + used + sizeof(char *) - 1) & ~(uintptr_t)(sizeof(char *) - 1);
	if (at + (n + 1) * sizeof(char *) > (uintptr_t)line + size)
		return -2;
	mem = (char **)at;
	n = 0;
	for (p = f[3]; *p;) {
		mem[n++] = p;
		p = strchr(p, ',');
		if (!p)
			break;
		*p++ = 0;
	}
	mem[n] = 0;
	gr->gr_name = f[0];
	gr->gr_passwd = f[1];
	gr->gr_gid = gid;
	gr->gr_mem = mem;
	return 0;
}
