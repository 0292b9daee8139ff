/*
 * mknod(2) and mknodat(2): FIFOs, regular files, and (root only) device
 * nodes, through vfs_mknod (fs/dir.c). dev is the user-visible dev_t, the
 * same encoding as st_rdev.
 */
#include <errno.h>
#include <fs/vfs.h>
#include <mm/slab.h>
#include <proc/process.h>
#include <uapi/fcntl.h>
#include <uapi/stat.h>

#include "fs_common.h"

long sys_mknodat(int dirfd, const char *upath, unsigned int mode, unsigned int dev)
{
	uint32_t type = mode & S_IFMT;
	if ((type == S_IFCHR || type == S_IFBLK) && current_proc()->euid != 0)
		return -EPERM;
	char *path;
	long r = fs_copy_path(upath, &path);
	if (r)
		return r;
	struct inode *base;
	r = path[0] ? fs_dirfd_base(dirfd, path, &base) : -ENOENT;
	if (!r) {
		r = vfs_mknod(base, path, mode, dev);
		inode_put(base);
	}
	kfree(path);
	return r;
}

long sys_mknod(const char *path, unsigned int mode, unsigned int dev)
{
	return sys_mknodat(AT_FDCWD, path, mode, dev);
}
