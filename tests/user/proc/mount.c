/*
 * mount(2) and umount2(2) with the ramfs type: a new, empty filesystem
 * covers a directory and goes away again; read-only mounts; the errors for
 * unknown types, busy filesystems and directories that are not mounts.
 */
#include "rt.h"

static long fmode(const char *path)
{
	struct stat st;
	long r = syscall2(SYS_stat, (long)path, (long)&st);
	return r < 0 ? r : (long)st.st_mode;
}

static long do_mount(const char *src, const char *dir, const char *type, unsigned long flags)
{
	return syscall5(SYS_mount, (long)src, (long)dir, (long)type, (long)flags, 0);
}

int main(void)
{
	t_set_prog("mount");
	T_OK(syscall2(SYS_mkdir, (long)"/tmp/mnt", 0755) == 0, "mkdir /tmp/mnt");
	long fd = sys_open("/tmp/mnt/under", O_CREAT | O_WRONLY, 0644);
	T_OK(fd >= 0, "a file under the mount point");
	sys_close((int)fd);

	T_OK(do_mount("none", "/tmp/mnt", "nosuchfs", 0) == -ENODEV, "an unknown type is ENODEV");
	T_OK(do_mount("none", "/tmp/mnt/under", "ramfs", 0) == -ENOTDIR,
	     "mounting on a file is ENOTDIR");
	T_OK(do_mount("none", "/tmp/mnt", "ramfs", MS_BIND) == -EINVAL, "MS_BIND is EINVAL");
	T_OK(syscall2(SYS_umount2, (long)"/tmp/mnt", 0) == -EINVAL,
	     "umount of a directory that is not a mount is EINVAL");

	T_OK(do_mount("none", "/tmp/mnt", "ramfs", 0) == 0, "mount a ramfs");
	T_OK(fmode("/tmp/mnt/under") == -ENOENT, "the mount hides what was under it");
	fd = sys_open("/tmp/mnt/new", O_CREAT | O_WRONLY, 0644);
	T_OK(fd >= 0 && sys_write((int)fd, "x", 1) == 1, "create a file in the new filesystem");
	struct stat root, in;
	T_OK(syscall2(SYS_stat, (long)"/", (long)&root) == 0 &&
		     syscall2(SYS_stat, (long)"/tmp/mnt/new", (long)&in) == 0 &&
		     root.st_dev != in.st_dev,
	     "its files have another st_dev");
	T_OK(syscall2(SYS_umount2, (long)"/tmp/mnt", 0) == -EBUSY,
	     "umount with an open file in it is EBUSY");
	sys_close((int)fd);
	T_OK(syscall2(SYS_chdir, (long)"/tmp/mnt", 0) == 0, "chdir into it");
	T_OK(syscall2(SYS_umount2, (long)"/tmp/mnt", 0) == -EBUSY,
	     "umount of a working directory is EBUSY");
	T_OK(syscall1(SYS_chdir, (long)"/") == 0, "chdir out");
	T_OK(syscall2(SYS_umount2, (long)"/tmp/mnt", 7) == -EINVAL, "unknown umount flags are EINVAL");
	T_OK(syscall2(SYS_umount2, (long)"/tmp/mnt", 0) == 0, "umount");
	T_OK(fmode("/tmp/mnt/under") == (S_IFREG | 0644) && fmode("/tmp/mnt/new") == -ENOENT,
	     "what was under the mount is back");

	T_OK(do_mount("none", "/tmp/mnt", "ramfs", MS_RDONLY) == 0, "mount read-only");
	T_OK(sys_open("/tmp/mnt/f", O_CREAT | O_WRONLY, 0644) == -EROFS,
	     "creating in a read-only mount is EROFS");
	T_OK(syscall2(SYS_mkdir, (long)"/tmp/mnt/d", 0755) == -EROFS, "mkdir there is EROFS");
	T_OK(do_mount(NULL, "/tmp/mnt", NULL, MS_REMOUNT) == 0, "remount read-write");
	fd = sys_open("/tmp/mnt/f", O_CREAT | O_WRONLY, 0644);
	T_OK(fd >= 0, "now creating works (%ld)", fd);
	sys_close((int)fd);
	T_OK(do_mount(NULL, "/tmp/mnt", NULL, MS_REMOUNT | MS_RDONLY) == 0, "remount read-only");
	T_OK(sys_open("/tmp/mnt/f", O_WRONLY, 0) == -EROFS, "opening for writing is EROFS");
	fd = sys_open("/tmp/mnt/f", O_RDONLY, 0);
	T_OK(fd >= 0, "opening for reading works");
	sys_close((int)fd);
	T_OK(syscall1(SYS_unlink, (long)"/tmp/mnt/f") == -EROFS, "unlink is EROFS");
	T_OK(syscall2(SYS_umount2, (long)"/tmp/mnt", 0) == 0, "umount again");
	T_OK(syscall1(SYS_unlink, (long)"/tmp/mnt/under") == 0 && syscall1(SYS_rmdir, (long)"/tmp/mnt") == 0,
	     "clean up");
	return t_done();
}
