/*
 * Helpers shared by the file system calls (fs.c, fs_stat.c): the caller's
 * descriptor table, paths copied from user memory, and the base directory of
 * the *at calls. Private to kernel/syscall/.
 */
#ifndef CAIRN_SYSCALL_FS_COMMON_H
#define CAIRN_SYSCALL_FS_COMMON_H

#include <fs/vfs.h>

struct fdtable;

/* The calling process's descriptor table, or NULL when it has none. */
struct fdtable *fs_files(void);
/* The file behind fd with a reference, or NULL (the caller returns -EBADF). */
struct file *fs_fd_get(int fd);
/*
 * Copies a user path into a new PATH_MAX kernel buffer (kfree it). Returns
 * 0, -EFAULT, -ENAMETOOLONG or -ENOMEM. An empty path is returned as is.
 */
int fs_copy_path(const char *upath, char **out);
/*
 * The directory a *at call resolves path from: NULL (the working directory)
 * for AT_FDCWD or an absolute path, otherwise dirfd's inode, referenced.
 * Returns 0, -EBADF or -ENOTDIR.
 */
int fs_dirfd_base(int dirfd, const char *path, struct inode **base);

/*
 * Resolves a user path relative to dirfd as the *at calls do: flags may
 * hold AT_SYMLINK_NOFOLLOW (do not follow a final symlink) and
 * AT_EMPTY_PATH (an empty path names dirfd's file itself, or the working
 * directory for AT_FDCWD); other bits are the caller's to check. Returns 0
 * and a referenced inode, or -Exxx (-ENOENT for an empty path without
 * AT_EMPTY_PATH).
 */
int fs_resolve_at(int dirfd, const char *upath, int flags, struct inode **out);

#endif
