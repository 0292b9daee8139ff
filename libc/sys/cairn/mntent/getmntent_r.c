/*
 * getmntent_r: reads the next entry of a mount table into ent, its strings in
 * buf (len bytes). Blank lines and lines starting with '#' are skipped; a
 * line longer than the buffer is skipped whole. The fields are separated by
 * blanks; a missing mnt_freq or mnt_passno reads as 0, and the escapes
 * \040 (space), \011 (tab), \012 (newline) and \134 (backslash) in a field
 * are decoded. Returns ent, or NULL at the end of the table.
 */
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Decodes the octal escapes of one field in place. */
static void mntent_unescape(char *s)
{
	char *out = s;

	while (*s) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7' &&
		    s[3] >= '0' && s[3] <= '7') {
			*out++ = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
			s += 4;
		} else {
			*out++ = *s++;
		}
	}
	*out = '\0';
}

/* Returns the next blank-separated field of *pos, or NULL. */
static char *mntent_field(char **pos)
{
	char *s = *pos + strspn(*pos, " \t\n");
	char *end;

	if (*s == '\0')
		return NULL;
	end = s + strcspn(s, " \t\n");
	if (*end)
		*end++ = '\0';
	*pos = end;
	mntent_unescape(s);
	return s;
}

struct mntent *getmntent_r(FILE *f, struct mntent *ent, char *buf, int len)
{
	char *pos, *freq, *passno;

	if (!f || !ent || !buf || len < 2)
		return NULL;
	while (fgets(buf, len, f)) {
		size_t n = strlen(buf);

		if (n == (size_t)len - 1 && buf[n - 1] != '\n') {
			int c;

			/* Too long: skip the rest of the line. */
			while ((c = getc(f)) != EOF && c != '\n')
				;
			continue;
		}
		pos = buf;
		ent->mnt_fsname = mntent_field(&pos);
		if (!ent->mnt_fsname || ent->mnt_fsname[0] == '#')
			continue;
		ent->mnt_dir = mntent_field(&pos);
		ent->mnt_type = mntent_field(&pos);
		ent->mnt_opts = mntent_field(&pos);
		if (!ent->mnt_dir || !ent->mnt_type)
			continue;
		if (!ent->mnt_opts)
			ent->mnt_opts = "";
		freq = mntent_field(&pos);
		passno = freq ? mntent_field(&pos) : NULL;
		ent->mnt_freq = freq ? atoi(freq) : 0;
		ent->mnt_passno = passno ? atoi(passno) : 0;
		return ent;
	}
	return NULL;
}
