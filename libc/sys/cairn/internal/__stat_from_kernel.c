/*
 * __stat_from_kernel: newlib's struct stat from the kernel's.
 *
 * The two hold the same information in a different order (newlib puts
 * st_mode before st_nlink and the times before st_blksize). With the widths
 * of <cairn/types.h> every field fits without loss: dev_t, ino_t and nlink_t
 * are 64 bits, uid_t and gid_t 32.
 */
#include <string.h>
#include <sys/stat.h>

#include "internal/kstat.h"

_Static_assert(sizeof(dev_t) == 8 && sizeof(ino_t) == 8 && sizeof(nlink_t) == 8,
               "<cairn/types.h> widens dev_t, ino_t and nlink_t to 64 bits");
_Static_assert(sizeof(uid_t) == 4 && sizeof(gid_t) == 4 && sizeof(mode_t) == 4,
               "uid_t, gid_t and mode_t are 32 bits, as in the kernel");
_Static_assert(sizeof(off_t) == 8 && sizeof(blksize_t) == 8 && sizeof(blkcnt_t) == 8,
               "off_t, blksize_t and blkcnt_t are 64 bits, as in the kernel");

void __stat_from_kernel(struct stat *st, const struct __kernel_stat *k)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = k->st_dev;
	st->st_ino = k->st_ino;
	st->st_mode = k->st_mode;
	st->st_nlink = k->st_nlink;
	st->st_uid = k->st_uid;
	st->st_gid = k->st_gid;
	st->st_rdev = k->st_rdev;
	st->st_size = k->st_size;
	st->st_atim.tv_sec = k->st_atim.tv_sec;
	st->st_atim.tv_nsec = k->st_atim.tv_nsec;
	st->st_mtim.tv_sec = k->st_mtim.tv_sec;
	st->st_mtim.tv_nsec = k->st_mtim.tv_nsec;
	st->st_ctim.tv_sec = k->st_ctim.tv_sec;
	st->st_ctim.tv_nsec = k->st_ctim.tv_nsec;
	st->st_blksize = k->st_blksize;
	st->st_blocks = k->st_blocks;
}
