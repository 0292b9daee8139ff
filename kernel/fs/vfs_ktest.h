/*
 * Helpers shared by the VFS self-tests (vfs_ktest.c, fdtable_ktest.c,
 * initrd_ktest.c, ipc/pipe_ktest.c). They run in the init kernel thread, with
 * no process, so they use the vfs_* layer directly.
 */
#ifndef CAIRN_FS_VFS_KTEST_H
#define CAIRN_FS_VFS_KTEST_H

#include <errno.h>
#include <fs/vfs.h>
#include <ktest.h>

/* Creates or replaces path with len bytes of data; 0 or -Exxx. */
static inline int kt_write_file(const char *path, const void *data, size_t len)
{
	struct file *f;
	int err = vfs_open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644, &f);
	if (err)
		return err;
	ssize_t n = kernel_write(f, data, len, 0);
	file_put(f);
	return n < 0 ? (int)n : (size_t)n == len ? 0 : -EIO;
}

/* Reads up to len bytes from the start of path; the count or -Exxx. */
static inline ssize_t kt_read_file(const char *path, void *buf, size_t len)
{
	struct file *f;
	int err = vfs_open(path, O_RDONLY, 0, &f);
	if (err)
		return err;
	ssize_t n = kernel_read(f, buf, len, 0);
	file_put(f);
	return n;
}

/* Fills *st for path (following symlinks if follow); 0 or -Exxx. */
static inline int kt_stat(const char *path, bool follow, struct stat *st)
{
	struct inode *inode;
	int err = vfs_lookup(path, follow ? LOOKUP_FOLLOW : 0, &inode);
	if (err)
		return err;
	vfs_stat(inode, st);
	inode_put(inode);
	return 0;
}

#endif
