/*
 * rename(2), renameat2(2), truncate(2), ftruncate(2), statfs(2), sync(2) and
 * fsync(2) on the ramfs root: moves within and across directories, over a
 * file and over an empty directory, the ".." of a moved directory, and
 * Linux's errors (ENOENT, EINVAL into itself, ENOTEMPTY, EISDIR, ENOTDIR,
 * EEXIST with RENAME_NOREPLACE, EINVAL for RENAME_EXCHANGE, EBUSY for ".").
 */
#include "rt.h"

#include <uapi/statfs.h>

static long ren(const char *a, const char *b)
{
	return syscall2(SYS_rename, (long)a, (long)b);
}

static long mk(const char *path, const char *data)
{
	long fd = sys_open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	if (fd < 0)
		return fd;
	long n = sys_write((int)fd, data, strlen(data));
	sys_close((int)fd);
	return n < 0 ? n : 0;
}

static long slurp(const char *path, char *buf, size_t size)
{
	long fd = sys_open(path, O_RDONLY, 0);
	if (fd < 0)
		return fd;
	long n = sys_read((int)fd, buf, size);
	sys_close((int)fd);
	return n;
}

static long fsize(const char *path)
{
	struct stat st;
	long r = syscall2(SYS_stat, (long)path, (long)&st);
	return r < 0 ? r : (long)st.st_size;
}

int main(void)
{
	t_set_prog("rename");
	char buf[64];
	T_OK(syscall2(SYS_mkdir, (long)"/tmp/r", 0755) == 0 &&
		     syscall2(SYS_mkdir, (long)"/tmp/r/a", 0755) == 0 &&
		     syscall2(SYS_mkdir, (long)"/tmp/r/b", 0755) == 0,
	     "set up /tmp/r/{a,b}");
	T_OK(mk("/tmp/r/a/one", "first") == 0 && mk("/tmp/r/a/two", "second") == 0, "two files");
	T_OK(ren("/tmp/r/a/one", "/tmp/r/a/uno") == 0 && fsize("/tmp/r/a/one") == -ENOENT &&
		     slurp("/tmp/r/a/uno", buf, sizeof(buf)) == 5,
	     "rename within a directory");
	T_OK(ren("/tmp/r/a/uno", "/tmp/r/b/uno") == 0 && fsize("/tmp/r/b/uno") == 5,
	     "rename across directories");
	T_OK(ren("/tmp/r/a/two", "/tmp/r/b/uno") == 0 && slurp("/tmp/r/b/uno", buf, sizeof(buf)) == 6 &&
		     !memcmp(buf, "second", 6) && fsize("/tmp/r/a/two") == -ENOENT,
	     "rename over an existing file replaces it");
	T_OK(ren("/tmp/r/b/uno", "/tmp/r/b/uno") == 0 && fsize("/tmp/r/b/uno") == 6,
	     "rename to itself does nothing");
	T_OK(ren("/tmp/r/nothing", "/tmp/r/x") == -ENOENT, "a missing source is ENOENT");

	T_OK(syscall2(SYS_mkdir, (long)"/tmp/r/a/sub", 0755) == 0, "a subdirectory");
	T_OK(ren("/tmp/r/a", "/tmp/r/a/sub/x") == -EINVAL, "a directory into itself is EINVAL");
	T_OK(ren("/tmp/r/a", "/tmp/r/a") == 0, "a directory onto itself is fine");
	T_OK(ren("/tmp/r/a", "/tmp/r/b") == -ENOTEMPTY, "over a non-empty directory is ENOTEMPTY");
	T_OK(ren("/tmp/r/a", "/tmp/r/b/uno") == -ENOTDIR, "a directory over a file is ENOTDIR");
	T_OK(ren("/tmp/r/b/uno", "/tmp/r/a") == -EISDIR, "a file over a directory is EISDIR");
	T_OK(ren("/tmp/r/b/uno/", "/tmp/r/b/x") == -ENOTDIR, "a file with a trailing slash is ENOTDIR");
	T_OK(ren("/tmp/r/.", "/tmp/r/y") == -EBUSY, "renaming '.' is EBUSY");
	T_OK(syscall2(SYS_mkdir, (long)"/tmp/r/empty", 0755) == 0 &&
		     ren("/tmp/r/a/sub", "/tmp/r/empty") == 0,
	     "a directory over an empty directory");
	struct stat sub, dotdot;
	T_OK(syscall2(SYS_stat, (long)"/tmp/r", (long)&sub) == 0 &&
		     syscall2(SYS_stat, (long)"/tmp/r/empty/..", (long)&dotdot) == 0 &&
		     sub.st_ino == dotdot.st_ino,
	     "the moved directory's '..' is its new parent");
	T_OK(syscall5(SYS_renameat2, AT_FDCWD, (long)"/tmp/r/b/uno", AT_FDCWD, (long)"/tmp/r/empty",
		      RENAME_NOREPLACE) == -EEXIST,
	     "RENAME_NOREPLACE over an existing name is EEXIST");
	T_OK(syscall5(SYS_renameat2, AT_FDCWD, (long)"/tmp/r/b/uno", AT_FDCWD, (long)"/tmp/r/b/dos",
		      RENAME_NOREPLACE) == 0,
	     "RENAME_NOREPLACE to a free name works");
	T_OK(syscall5(SYS_renameat2, AT_FDCWD, (long)"/tmp/r/b/dos", AT_FDCWD, (long)"/tmp/r/empty",
		      RENAME_EXCHANGE) == -EINVAL,
	     "RENAME_EXCHANGE is EINVAL (not supported)");
	long dfd = sys_open("/tmp/r/b", O_RDONLY | O_DIRECTORY, 0);
	T_OK(syscall4(SYS_renameat, dfd, (long)"dos", dfd, (long)"tres") == 0 &&
		     fsize("/tmp/r/b/tres") == 6,
	     "renameat relative to a directory descriptor");
	sys_close((int)dfd);

	T_OK(syscall2(SYS_truncate, (long)"/tmp/r/b/tres", 3) == 0 && fsize("/tmp/r/b/tres") == 3,
	     "truncate down");
	T_OK(syscall2(SYS_truncate, (long)"/tmp/r/b/tres", 100) == 0 &&
		     slurp("/tmp/r/b/tres", buf, sizeof(buf)) == 64 && buf[3] == 0 && buf[63] == 0,
	     "truncate up reads zeros");
	T_OK(syscall2(SYS_truncate, (long)"/tmp/r/b", 0) == -EISDIR, "truncate of a directory: EISDIR");
	T_OK(syscall2(SYS_truncate, (long)"/tmp/r/b/tres", -1) == -EINVAL, "negative length: EINVAL");
	long fd = sys_open("/tmp/r/b/tres", O_RDONLY, 0);
	T_OK(syscall2(SYS_ftruncate, fd, 0) == -EINVAL, "ftruncate of a read-only descriptor: EINVAL");
	sys_close((int)fd);
	fd = sys_open("/tmp/r/b/tres", O_RDWR, 0);
	T_OK(syscall2(SYS_ftruncate, fd, 1) == 0 && fsize("/tmp/r/b/tres") == 1, "ftruncate");
	T_OK(syscall1(SYS_fsync, fd) == 0 && syscall1(SYS_fdatasync, fd) == 0 &&
		     syscall1(SYS_syncfs, fd) == 0,
	     "fsync, fdatasync, syncfs");
	sys_close((int)fd);
	T_OK(syscall1(SYS_fsync, 99) == -EBADF, "fsync of a bad descriptor: EBADF");
	T_OK(syscall0(SYS_sync) == 0, "sync");

	struct statfs st;
	memset(&st, 0, sizeof(st));
	T_OK(syscall2(SYS_statfs, (long)"/", (long)&st) == 0 && st.f_type == RAMFS_MAGIC &&
		     st.f_namelen == 255,
	     "statfs: the initrd's root is ramfs");
	T_OK(syscall2(SYS_statfs, (long)"/tmp", (long)&st) == 0 && st.f_type == TMPFS_MAGIC,
	     "statfs: /tmp is tmpfs");
	fd = sys_open("/", O_RDONLY | O_DIRECTORY, 0);
	T_OK(syscall2(SYS_fstatfs, fd, (long)&st) == 0 && st.f_type == RAMFS_MAGIC, "fstatfs");
	sys_close((int)fd);
	T_OK(syscall2(SYS_statfs, (long)"/nonexistent", (long)&st) == -ENOENT, "statfs: ENOENT");
	T_OK(syscall2(SYS_statfs, (long)"/", 16) == -EFAULT, "statfs to a bad buffer: EFAULT");
	return t_done();
}
