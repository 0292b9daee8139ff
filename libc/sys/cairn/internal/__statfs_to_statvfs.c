/* __statfs_to_statvfs: POSIX's struct statvfs from the kernel's struct statfs. */
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <string.h>

#include "internal/statvfs.h"

void __statfs_to_statvfs(const struct statfs *in, struct statvfs *out)
{
	memset(out, 0, sizeof(*out));
	out->f_bsize = (unsigned long)in->f_bsize;
	out->f_frsize = (unsigned long)(in->f_frsize ? in->f_frsize : in->f_bsize);
	out->f_blocks = (fsblkcnt_t)in->f_blocks;
	out->f_bfree = (fsblkcnt_t)in->f_bfree;
	out->f_bavail = (fsblkcnt_t)in->f_bavail;
	out->f_files = (fsfilcnt_t)in->f_files;
	out->f_ffree = (fsfilcnt_t)in->f_ffree;
	out->f_favail = (fsfilcnt_t)in->f_ffree;
	out->f_fsid = (unsigned long)(unsigned)in->f_fsid.val[0] |
		      ((unsigned long)(unsigned)in->f_fsid.val[1] << 32);
	out->f_flag = (unsigned long)in->f_flags;
	out->f_namemax = (unsigned long)in->f_namelen;
}
