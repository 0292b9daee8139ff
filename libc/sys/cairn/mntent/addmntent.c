/*
 * addmntent: appends ent to the end of a mount table opened for writing,
 * escaping blanks and backslashes in the fields as \040, \011, \012 and
 * \134. Returns 0, or 1 if the write failed.
 */
#include <mntent.h>
#include <stdio.h>

/* Writes one field with the escapes getmntent_r() decodes. */
static void mntent_put_field(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\\')
			fprintf(f, "\\%03o", (unsigned char)*s);
		else
			putc(*s, f);
	}
}

int addmntent(FILE *f, const struct mntent *ent)
{
	if (fseek(f, 0, SEEK_END) < 0)
		return 1;
	mntent_put_field(f, ent->mnt_fsname);
	putc(' ', f);
	mntent_put_field(f, ent->mnt_dir);
	putc(' ', f);
	mntent_put_field(f, ent->mnt_type);
	putc(' ', f);
	mntent_put_field(f, ent->mnt_opts[0] ? ent->mnt_opts : MNTOPT_DEFAULTS);
	fprintf(f, " %d %d\n", ent->mnt_freq, ent->mnt_passno);
	return ferror(f) || fflush(f) ? 1 : 0;
}
