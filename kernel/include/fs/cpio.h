/*
 * Reading "newc" cpio archives, the format of the initial ramdisk. The parser
 * walks an archive in memory and hands out entries that point into it; it
 * copies, allocates and prints nothing, and never reads outside the buffer.
 *
 * On disk each entry is a 110-byte ASCII header, the name with its NUL, padding
 * to a multiple of 4 bytes, the data, and padding to a multiple of 4 again
 * (offsets counted from the start of the archive). The header is the magic
 * "070701" ("070702" when a checksum follows; it is not verified) and thirteen
 * 8-digit hexadecimal fields. The entry named "TRAILER!!!" ends the archive.
 */
#ifndef CAIRN_FS_CPIO_H
#define CAIRN_FS_CPIO_H

#include <types.h>

#define CPIO_HDR_SIZE 110

/* The on-disk header, all fields 8 ASCII hex digits (upper or lower case). */
struct cpio_newc_header {
	char c_magic[6];
	char c_ino[8];
	char c_mode[8];
	char c_uid[8];
	char c_gid[8];
	char c_nlink[8];
	char c_mtime[8];
	char c_filesize[8];
	char c_devmajor[8];
	char c_devminor[8];
	char c_rdevmajor[8];
	char c_rdevminor[8];
	char c_namesize[8]; /* Including the NUL. */
	char c_check[8];
};

_Static_assert(sizeof(struct cpio_newc_header) == CPIO_HDR_SIZE, "newc header is 110 bytes");

#define CPIO_NEWC_MAGIC "070701"
#define CPIO_CRC_MAGIC  "070702"
#define CPIO_TRAILER    "TRAILER!!!"

/*
 * One archive member. name and data point into the archive; name is also
 * NUL-terminated there. mode holds the file type and permission bits as in
 * st_mode; a symbolic link's data is its target, without a NUL.
 */
struct cpio_entry {
	const char *name;
	size_t namelen; /* Without the NUL. */
	uint32_t mode;
	uint32_t uid, gid;
	uint32_t nlink;
	uint64_t mtime;
	const void *data;
	size_t size;
	uint32_t devmajor, devminor, rdevmajor, rdevminor;
	uint32_t ino;
};

/* Iteration state over one archive; set up with cpio_iter_init(). */
struct cpio_iter {
	const uint8_t *base;
	size_t len;
	size_t off; /* Offset of the next header. */
	bool done;  /* The end or an error was reached... */
	int result; /* ...and this is what cpio_next() keeps returning: 0 or -EINVAL. */
};

/* Prepares it to walk the len bytes of archive from the first entry. */
void cpio_iter_init(struct cpio_iter *it, const void *archive, size_t len);

/*
 * Advances to the next entry. Returns 1 and fills *e, 0 at the "TRAILER!!!"
 * entry or when the buffer ends cleanly at an entry boundary (the padding after
 * the last entry's data may be missing), or -EINVAL for a malformed archive: a
 * bad magic, a field that is not 8 hex digits, a namesize of 0, a name that is
 * not NUL-terminated or contains a NUL, or a header, name or data running past
 * the buffer. Once it has returned 0 or -EINVAL it keeps returning that.
 *
 * Names are reported without a leading "./" or leading slashes ("./a/b" and
 * "/a/b" become "a/b"); the entry for the archive root ("." or "./") is skipped.
 * Other components, ".." included, are passed through for the caller to judge.
 */
int cpio_next(struct cpio_iter *it, struct cpio_entry *e);

#endif
