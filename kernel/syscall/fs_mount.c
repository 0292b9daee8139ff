/*
 * mount(2) and umount2(2): copy the strings in and call fs/mount_fs.c.
 * What is left out of Linux's mount(2) (bind and move mounts, propagation
 * flags, per-mount nosuid/noexec) fails with -EINVAL; see fs/mount.h.
 */
#include <errno.h>
#include <fs/mount.h>
#include <mm/slab.h>
#include <uaccess.h>
#include <uapi/mount.h>

#include "fs_common.h"

#define FSTYPE_MAX 32
#define MOUNT_DATA_MAX 4096

/* Copies an optional user string of at most max-1 bytes into a new buffer. */
static int copy_string(const char *ustr, size_t max, char **out)
{
	*out = NULL;
	if (!ustr)
		return 0;
	char *s = kmalloc(max);
	if (!s)
		return -ENOMEM;
	long n = strncpy_from_user(s, ustr, max);
	if (n < 0 || (size_t)n >= max) {
		kfree(s);
		return n < 0 ? (int)n : -ENAMETOOLONG;
	}
	*out = s;
	return 0;
}

long sys_mount(const char *source, const char *target, const char *fstype, unsigned long flags,
	       const void *data)
{
	char *src = NULL, *dir = NULL, *type = NULL, *opts = NULL;
	long err = fs_copy_path(target, &dir);
	if (err)
		return err;
	err = copy_string(source, PATH_MAX, &src);
	if (!err && !(flags & MS_REMOUNT)) {
		err = copy_string(fstype, FSTYPE_MAX, &type);
		if (!err && !type)
			err = -EINVAL;
	}
	if (!err)
		err = copy_string(data, MOUNT_DATA_MAX, &opts);
	if (!err)
		err = vfs_mount_fs(src, dir, type ? type : "", flags, opts);
	kfree(opts);
	kfree(type);
	kfree(src);
	kfree(dir);
	return err;
}

long sys_umount2(const char *target, int flags)
{
	char *dir;
	long err = fs_copy_path(target, &dir);
	if (err)
		return err;
	err = vfs_umount(dir, flags);
	kfree(dir);
	return err;
}
