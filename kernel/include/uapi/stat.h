/*
 * struct stat and file mode bits shared by the kernel and libc, with Linux
 * x86-64's layout and values (shared/DESIGN.md decision 3); tests/abi checks
 * them against linux-libc-dev.
 */
#ifndef CAIRN_UAPI_STAT_H
#define CAIRN_UAPI_STAT_H

#include <stdint.h>
#include <uapi/time.h>

/*
 * What stat(2), fstat(2) and newfstatat(2) write: 144 bytes. x86-64 keeps its
 * own historical order (st_nlink is 64 bits and comes before st_mode), unlike
 * the generic layout other 64-bit architectures use. Linux spells the times
 * as separate seconds and nanoseconds fields; a struct timespec has the same
 * layout. The padding fields must be written as zero.
 */
struct stat {
	uint64_t st_dev;
	uint64_t st_ino;
	uint64_t st_nlink;
	uint32_t st_mode;
	uint32_t st_uid;
	uint32_t st_gid;
	uint32_t __pad0;
	uint64_t st_rdev;
	int64_t st_size;
	int64_t st_blksize;
	int64_t st_blocks; /* in 512-byte units */
	struct timespec st_atim;
	struct timespec st_mtim;
	struct timespec st_ctim;
	int64_t __st_reserved[3]; /* Linux's __unused; that name is a macro in BSD-style libcs */
};

#define S_IFMT		0170000
#define S_IFSOCK	0140000
#define S_IFLNK		0120000
#define S_IFREG		0100000
#define S_IFBLK		0060000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_IFIFO		0010000
#define S_ISUID		0004000
#define S_ISGID		0002000
#define S_ISVTX		0001000

#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m)	(((m) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(m)	(((m) & S_IFMT) == S_IFIFO)
#define S_ISSOCK(m)	(((m) & S_IFMT) == S_IFSOCK)

#define S_IRWXU		00700
#define S_IRUSR		00400
#define S_IWUSR		00200
#define S_IXUSR		00100
#define S_IRWXG		00070
#define S_IRGRP		00040
#define S_IWGRP		00020
#define S_IXGRP		00010
#define S_IRWXO		00007
#define S_IROTH		00004
#define S_IWOTH		00002
#define S_IXOTH		00001

/* utimensat(2): a tv_nsec that means "now" or "leave this time alone". */
#define UTIME_NOW	((1l << 30) - 1l)
#define UTIME_OMIT	((1l << 30) - 2l)

#endif
