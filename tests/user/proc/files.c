/*
 * Name and descriptor calls on the ramfs root: mkdir, symlink/readlink, link,
 * unlink, rmdir (ENOTEMPTY, then success), umask applied to new files, and
 * fcntl's descriptor flags, status flags and duplication.
 */
#include "rt.h"

static long fmode(const char *path)
{
	struct stat st;
	long r = syscall2(SYS_stat, (long)path, (long)&st);
	return r < 0 ? r : (long)st.st_mode;
}

int main(void)
{
	t_set_prog("files");
	long old = syscall1(SYS_umask, 027);
	T_OK(old == 022, "umask returns the previous mask (%lo)", old);
	T_OK(syscall2(SYS_mkdir, (long)"/tmp/fdir", 0777) == 0, "mkdir");
	T_OK(fmode("/tmp/fdir") == (S_IFDIR | 0750), "the umask applies to mkdir (%lo)",
	     fmode("/tmp/fdir"));
	T_OK(syscall2(SYS_mkdir, (long)"/tmp/fdir", 0777) == -EEXIST, "mkdir again is EEXIST");
	long fd = sys_open("/tmp/fdir/a", O_CREAT | O_WRONLY, 0666);
	T_OK(fd >= 0 && sys_write((int)fd, "data", 4) == 4, "create a file in it");
	T_OK(fmode("/tmp/fdir/a") == (S_IFREG | 0640), "the umask applies to open (%lo)",
	     fmode("/tmp/fdir/a"));
	syscall1(SYS_umask, 022);

	T_OK(syscall2(SYS_symlink, (long)"a", (long)"/tmp/fdir/s") == 0, "symlink");
	char buf[64];
	long n = syscall3(SYS_readlink, (long)"/tmp/fdir/s", (long)buf, sizeof(buf));
	T_OK(n == 1 && buf[0] == 'a', "readlink gives the target (%ld)", n);
	T_OK(syscall3(SYS_readlink, (long)"/tmp/fdir/a", (long)buf, sizeof(buf)) == -EINVAL,
	     "readlink of a file is EINVAL");
	T_OK(syscall2(SYS_link, (long)"/tmp/fdir/a", (long)"/tmp/fdir/b") == 0, "link");
	struct stat st;
	T_OK(syscall2(SYS_stat, (long)"/tmp/fdir/b", (long)&st) == 0 && st.st_nlink == 2 &&
		     st.st_size == 4,
	     "the hard link shares the file (nlink %lu)", (unsigned long)st.st_nlink);
	T_OK(syscall1(SYS_rmdir, (long)"/tmp/fdir") == -ENOTEMPTY, "rmdir of a full directory");

	/* fcntl */
	T_OK(syscall3(SYS_fcntl, (int)fd, F_GETFD, 0) == 0, "F_GETFD: no close-on-exec");
	T_OK(syscall3(SYS_fcntl, (int)fd, F_SETFD, FD_CLOEXEC) == 0 &&
		     syscall3(SYS_fcntl, (int)fd, F_GETFD, 0) == FD_CLOEXEC,
	     "F_SETFD sets close-on-exec");
	long fl = syscall3(SYS_fcntl, (int)fd, F_GETFL, 0);
	T_OK((fl & O_ACCMODE) == O_WRONLY, "F_GETFL gives the access mode");
	T_OK(syscall3(SYS_fcntl, (int)fd, F_SETFL, O_APPEND | O_RDWR) == 0 &&
		     (syscall3(SYS_fcntl, (int)fd, F_GETFL, 0) & (O_APPEND | O_ACCMODE)) ==
			     (O_APPEND | O_WRONLY),
	     "F_SETFL changes O_APPEND but not the access mode");
	long d = syscall3(SYS_fcntl, (int)fd, F_DUPFD, 20);
	T_OK(d >= 20 && syscall3(SYS_fcntl, (int)d, F_GETFD, 0) == 0,
	     "F_DUPFD gives the lowest free descriptor >= 20 without close-on-exec (%ld)", d);
	long d2 = syscall3(SYS_fcntl, (int)fd, F_DUPFD_CLOEXEC, 20);
	T_OK(d2 > d && syscall3(SYS_fcntl, (int)d2, F_GETFD, 0) == FD_CLOEXEC,
	     "F_DUPFD_CLOEXEC sets close-on-exec (%ld)", d2);
	T_OK(syscall3(SYS_fcntl, 999, F_GETFD, 0) == -EBADF, "fcntl on a closed descriptor is EBADF");
	sys_close((int)d), sys_close((int)d2), sys_close((int)fd);

	T_OK(syscall1(SYS_unlink, (long)"/tmp/fdir/a") == 0 &&
		     syscall1(SYS_unlink, (long)"/tmp/fdir/b") == 0 &&
		     syscall1(SYS_unlink, (long)"/tmp/fdir/s") == 0,
	     "unlink the names");
	T_OK(syscall1(SYS_unlink, (long)"/tmp/fdir/a") == -ENOENT, "unlink again is ENOENT");
	T_OK(syscall1(SYS_unlink, (long)"/tmp/fdir") == -EISDIR, "unlink of a directory is EISDIR");
	T_OK(syscall1(SYS_rmdir, (long)"/tmp/fdir") == 0, "rmdir of the empty directory");
	T_OK(fmode("/tmp/fdir") == -ENOENT, "and it is gone");
	return t_done();
}
