/*
 * A reader of ustar archives held in memory. Every header is checked
 * (checksum, magic, octal fields, sizes inside the buffer), so a corrupt or
 * hostile archive yields an error, never a read past the end.
 */
#ifndef PKG_TAR_H
#define PKG_TAR_H

#include <stddef.h>
#include <stdint.h>

struct tar_reader {
	const uint8_t *buf;
	size_t len;
	size_t off;
};

struct tar_entry {
	char name[257];      /* prefix "/" name, NUL-terminated */
	char linkname[101];
	char type;           /* '0' file, '5' directory, '2' symlink, ... */
	unsigned mode;
	const uint8_t *data; /* the contents of a file, inside the reader's buffer */
	size_t size;
};

void tar_open(struct tar_reader *r, const void *buf, size_t len);
/*
 * Reads the next member into e. Returns 1 for a member, 0 at the end of the
 * archive (two zero blocks or the end of the buffer on a block boundary),
 * -1 when the archive is malformed, with *err naming what is wrong.
 */
int tar_next(struct tar_reader *r, struct tar_entry *e, const char **err);

#endif
