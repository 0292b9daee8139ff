/*
 * More file calls: statx, mknod/mknodat (FIFOs, device nodes and their
 * privilege rule, regular files), creat, close_range and sendfile.
 */
#include "rt.h"

#include <uapi/statx.h>

int main(void)
{
	t_set_prog("filecalls");
	long fd = syscall2(SYS_creat, (long)"/tmp/fc-a", 0640);
	T_OK(fd >= 0 && sys_write((int)fd, "hello, sendfile", 15) == 15, "creat makes a writable file");
	T_OK(sys_read((int)fd, (char[4]){0}, 1) == -EBADF, "creat opens write-only");
	sys_close((int)fd);

	struct statx sx;
	struct stat st;
	T_OK(syscall5(SYS_statx, AT_FDCWD, (long)"/tmp/fc-a", 0, STATX_BASIC_STATS, (long)&sx) == 0 &&
		     syscall2(SYS_stat, (long)"/tmp/fc-a", (long)&st) == 0,
	     "statx and stat");
	T_OK((sx.stx_mask & STATX_BASIC_STATS) == STATX_BASIC_STATS && sx.stx_size == 15 &&
		     sx.stx_ino == st.st_ino && sx.stx_mode == (S_IFREG | 0640) &&
		     sx.stx_nlink == 1 && sx.stx_mtime.tv_sec == st.st_mtim.tv_sec,
	     "statx agrees with stat");
	syscall2(SYS_symlink, (long)"fc-a", (long)"/tmp/fc-l");
	T_OK(syscall5(SYS_statx, AT_FDCWD, (long)"/tmp/fc-l", AT_SYMLINK_NOFOLLOW, STATX_TYPE,
		      (long)&sx) == 0 && S_ISLNK(sx.stx_mode),
	     "statx AT_SYMLINK_NOFOLLOW sees the link");
	T_OK(syscall5(SYS_statx, AT_FDCWD, (long)"/tmp/fc-a", 0, STATX__RESERVED, (long)&sx) == -EINVAL,
	     "STATX__RESERVED is EINVAL");
	fd = sys_open("/tmp/fc-a", O_RDONLY, 0);
	T_OK(syscall5(SYS_statx, (int)fd, (long)"", AT_EMPTY_PATH, STATX_SIZE, (long)&sx) == 0 &&
		     sx.stx_size == 15,
	     "statx AT_EMPTY_PATH on a descriptor");
	T_OK(syscall5(SYS_statx, AT_FDCWD, (long)"", 0, STATX_SIZE, (long)&sx) == -ENOENT,
	     "an empty path without AT_EMPTY_PATH is ENOENT");

	T_OK(syscall3(SYS_mknod, (long)"/tmp/fc-fifo", S_IFIFO | 0644, 0) == 0 &&
		     syscall2(SYS_lstat, (long)"/tmp/fc-fifo", (long)&st) == 0 && S_ISFIFO(st.st_mode),
	     "mknod makes a FIFO");
	T_OK(syscall4(SYS_mknodat, AT_FDCWD, (long)"/fc-null", S_IFCHR | 0666, (1 << 8) | 3) == 0 &&
		     syscall2(SYS_stat, (long)"/fc-null", (long)&st) == 0 && S_ISCHR(st.st_mode) &&
		     st.st_rdev == ((1 << 8) | 3),
	     "mknodat makes a character device node (1,3)");
	long nfd = sys_open("/fc-null", O_WRONLY, 0);
	T_OK(nfd >= 0 && sys_write((int)nfd, "x", 1) == 1, "and it works as /dev/null");
	sys_close((int)nfd);
	T_OK(syscall3(SYS_mknod, (long)"/tmp/fc-dir", S_IFDIR | 0755, 0) == -EPERM,
	     "mknod of a directory is EPERM");
	T_OK(syscall3(SYS_mknod, (long)"/tmp/fc-reg", 0644, 0) == 0 &&
		     syscall2(SYS_stat, (long)"/tmp/fc-reg", (long)&st) == 0 && S_ISREG(st.st_mode),
	     "mknod with type 0 makes a regular file");
	long pid = sys_fork();
	if (pid == 0) {
		syscall3(SYS_setresuid, 1000, 1000, 1000);
		long r = syscall3(SYS_mknod, (long)"/tmp/fc-dev2", S_IFBLK | 0600, 0x0801);
		syscall1(SYS_exit_group, r == -EPERM ? 0 : 1);
	}
	int status = -1;
	sys_wait4((int)pid, &status, 0, NULL);
	T_OK(status == 0, "an unprivileged mknod of a device is EPERM");

	int p[2];
	sys_pipe2(p, 0);
	long off = 7;
	T_OK(syscall4(SYS_sendfile, p[1], (int)fd, (long)&off, 100) == 8 && off == 15,
	     "sendfile from an offset to a pipe, advancing the offset");
	char buf[16] = {0};
	T_OK(sys_read(p[0], buf, sizeof(buf)) == 8 && !memcmp(buf, "sendfile", 8), "the pipe got it");
	T_OK(sys_lseek((int)fd, 0, SEEK_CUR) == 0, "the input position did not move");
	T_OK(syscall4(SYS_sendfile, p[1], (int)fd, 0, 5) == 5 && sys_lseek((int)fd, 0, SEEK_CUR) == 5,
	     "without an offset it moves the input position");
	T_OK(syscall4(SYS_sendfile, (int)fd, p[0], 0, 5) == -EBADF,
	     "sendfile to a read-only descriptor is EBADF");

	long a = syscall1(SYS_dup, p[0]), b = syscall1(SYS_dup, p[0]);
	T_OK(syscall3(SYS_close_range, (unsigned)a, (unsigned)b, CLOSE_RANGE_CLOEXEC) == 0 &&
		     syscall3(SYS_fcntl, (int)a, F_GETFD, 0) == FD_CLOEXEC,
	     "close_range CLOSE_RANGE_CLOEXEC marks");
	T_OK(syscall3(SYS_close_range, (unsigned)a, ~0u, 0) == 0 &&
		     syscall3(SYS_fcntl, (int)a, F_GETFD, 0) == -EBADF &&
		     syscall3(SYS_fcntl, (int)b, F_GETFD, 0) == -EBADF &&
		     syscall3(SYS_fcntl, p[0], F_GETFD, 0) == 0,
	     "close_range closes the range and nothing below it");
	T_OK(syscall3(SYS_close_range, 5, 4, 0) == -EINVAL, "a reversed range is EINVAL");
	sys_close(p[0]), sys_close(p[1]), sys_close((int)fd);
	syscall1(SYS_unlink, (long)"/tmp/fc-a");
	syscall1(SYS_unlink, (long)"/tmp/fc-l");
	syscall1(SYS_unlink, (long)"/tmp/fc-fifo");
	syscall1(SYS_unlink, (long)"/fc-null");
	syscall1(SYS_unlink, (long)"/tmp/fc-reg");
	return t_done();
}
