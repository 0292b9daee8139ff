/*
 * +MANIFEST: the description at the head of every .cpkg (docs/ports.md has
 * the format). Parsing checks every record: paths are relative, with no
 * "." or ".." component and no empty one, modes are octal permission bits,
 * digests are 64 hex digits, and no path appears twice.
 */
#ifndef PKG_MANIFEST_H
#define PKG_MANIFEST_H

#include <stddef.h>

#define PKG_NAME_MAX 64

struct manifest_entry {
	char type;        /* 'd', 'f' or 'l' */
	unsigned mode;    /* 'd' and 'f' */
	char sha256[65];  /* 'f' */
	char *path;
	char *target;     /* 'l' */
};

struct manifest {
	char name[PKG_NAME_MAX + 1];
	char version[PKG_NAME_MAX + 1];
	char *summary;
	char **depends;   /* NULL-terminated */
	struct manifest_entry *entries;
	size_t count;
};

/*
 * Parses text (len bytes, need not be NUL-terminated) into m. Returns 0, or
 * -1 with a message in err (errlen bytes) naming the line; m is then empty.
 */
int manifest_parse(struct manifest *m, const char *text, size_t len, char *err, size_t errlen);
void manifest_free(struct manifest *m);
/* The entry for path, or NULL. */
const struct manifest_entry *manifest_find(const struct manifest *m, const char *path);
/* 1 when path is a safe relative path as described above. */
int manifest_path_ok(const char *path);

#endif
