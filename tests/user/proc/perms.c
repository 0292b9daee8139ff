/*
 * Credentials and file permissions: the uid/gid calls and their rules for
 * an unprivileged process, permission bits on open/create/remove/search/
 * exec, root's override, the sticky directory, chmod/chown/utimensat/
 * access, set-user-ID exec, chroot, fchdir, and the positional and dup3
 * descriptor calls. Children drop to uid 1000 to see the refusals.
 */
#include "rt.h"

#include <uapi/auxv.h>
#include <uapi/uio.h>

#define USER 1000
#define SUID_OWNER 123

static long fstat_mode(const char *path, struct stat *st)
{
	long r = syscall2(SYS_stat, (long)path, (long)st);
	return r < 0 ? r : (long)st->st_mode;
}

static long mode_of(const char *path)
{
	struct stat st;
	return fstat_mode(path, &st);
}

static void make_file(const char *path, unsigned mode, const char *data)
{
	long fd = sys_open(path, O_CREAT | O_WRONLY | O_TRUNC, mode);
	if (fd >= 0) {
		sys_write((int)fd, data, strlen(data));
		sys_close((int)fd);
	}
	syscall2(SYS_chmod, (long)path, mode);
}

/* Runs fn in a child that has become uid/gid USER; returns its exit status or -1. */
static int as_user(int (*fn)(void))
{
	long pid = sys_fork();
	if (pid == 0) {
		if (syscall2(SYS_setgroups, 0, 0) || syscall3(SYS_setresgid, USER, USER, USER) ||
		    syscall3(SYS_setresuid, USER, USER, USER))
			syscall1(SYS_exit_group, 99);
		syscall1(SYS_exit_group, fn());
	}
	int status = 0;
	if (pid < 0 || sys_wait4((int)pid, &status, 0, NULL) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/* Each user_* check returns 0 when the refusal or permission came out as it should. */
static int user_ids(void)
{
	uint32_t r, e, s;
	if (syscall0(SYS_getuid) != USER || syscall0(SYS_geteuid) != USER)
		return 1;
	if (syscall1(SYS_setuid, 0) != -EPERM)
		return 2;
	if (syscall3(SYS_setresuid, -1, 0, -1) != -EPERM)
		return 3;
	if (syscall3(SYS_getresuid, (long)&r, (long)&e, (long)&s) || r != USER || e != USER ||
	    s != USER)
		return 4;
	if (syscall2(SYS_setgroups, 0, 0) != -EPERM)
		return 5;
	if (syscall1(SYS_setuid, USER) != 0)
		return 6;
	return 0;
}

static int user_open(void)
{
	if (sys_open("/tmp/perm/secret", O_RDONLY, 0) != -EACCES)
		return 1;
	if (sys_open("/tmp/perm/public", O_RDWR, 0) != -EACCES)
		return 2;
	long fd = sys_open("/tmp/perm/public", O_RDONLY, 0);
	if (fd < 0)
		return 3;
	sys_close((int)fd);
	if (sys_open("/tmp/perm/new", O_CREAT | O_WRONLY, 0644) != -EACCES)
		return 4;
	if (syscall2(SYS_mkdir, (long)"/tmp/perm/d", 0755) != -EACCES)
		return 5;
	if (syscall1(SYS_unlink, (long)"/tmp/perm/public") != -EACCES)
		return 6;
	struct stat st;
	if (syscall2(SYS_stat, (long)"/tmp/perm/closed/inside", (long)&st) != -EACCES)
		return 7;
	return 0;
}

static int user_sticky(void)
{
	if (syscall1(SYS_unlink, (long)"/tmp/sticky/roots") != -EPERM)
		return 1;
	long fd = sys_open("/tmp/sticky/mine", O_CREAT | O_WRONLY, 0600);
	if (fd < 0)
		return 2;
	sys_close((int)fd);
	if (syscall1(SYS_unlink, (long)"/tmp/sticky/mine") != 0)
		return 3;
	return 0;
}

static int user_attrs(void)
{
	if (syscall2(SYS_chmod, (long)"/tmp/perm/public", 0777) != -EPERM)
		return 1;
	if (syscall3(SYS_chown, (long)"/tmp/perm/public", USER, -1) != -EPERM)
		return 2;
	struct timespec ts[2] = {{1, 0}, {2, 0}};
	if (syscall4(SYS_utimensat, AT_FDCWD, (long)"/tmp/perm/public", (long)ts, 0) != -EPERM)
		return 3;
	if (syscall2(SYS_access, (long)"/tmp/perm/secret", 4) != -EACCES)
		return 4;
	if (syscall2(SYS_access, (long)"/tmp/perm/public", 4) != 0)
		return 5;
	if (syscall2(SYS_access, (long)"/tmp/perm/public", 2) != -EACCES)
		return 6;
	/* The owner may chmod and set times on its own file, and give it to its group. */
	if (syscall2(SYS_chmod, (long)"/tmp/perm/users", 0640) != 0)
		return 7;
	if (syscall4(SYS_utimensat, AT_FDCWD, (long)"/tmp/perm/users", (long)ts, 0) != 0)
		return 8;
	if (syscall3(SYS_chown, (long)"/tmp/perm/users", -1, USER) != 0)
		return 9;
	if (syscall1(SYS_chroot, (long)"/tmp") != -EPERM)
		return 10;
	return 0;
}

static int user_exec(void)
{
	char *argv[] = {"/tmp/perm/noexec", NULL};
	if (sys_execve("/tmp/perm/noexec", argv, argv + 1) != -EACCES)
		return 1;
	return 0;
}

/* Run through a set-user-ID copy of this program: reports the ids it got. */
static int show_ids(void)
{
	long ok = syscall0(SYS_getuid) == USER && syscall0(SYS_geteuid) == SUID_OWNER &&
		  rt_getauxval(AT_SECURE) == 1 && rt_getauxval(AT_EUID) == SUID_OWNER;
	return ok ? 42 : 1;
}

static int user_suid_exec(void)
{
	char *argv[] = {"/perm-suid", "show-ids", NULL};
	sys_execve("/perm-suid", argv, argv + 2);
	return 3;
}

static void copy_file(const char *from, const char *to)
{
	long in = sys_open(from, O_RDONLY, 0);
	long out = sys_open(to, O_CREAT | O_WRONLY | O_TRUNC, 0755);
	static char buf[4096];
	long n;
	while (in >= 0 && out >= 0 && (n = sys_read((int)in, buf, sizeof(buf))) > 0)
		sys_write((int)out, buf, n);
	sys_close((int)in);
	sys_close((int)out);
}

static void check_root_attrs(void)
{
	struct stat st;
	make_file("/tmp/perm/a", 0644, "hello");
	T_OK(syscall2(SYS_chmod, (long)"/tmp/perm/a", 04711) == 0 &&
		     mode_of("/tmp/perm/a") == (S_IFREG | 04711),
	     "chmod sets the bits (%lo)", mode_of("/tmp/perm/a"));
	long fd = sys_open("/tmp/perm/a", O_RDONLY, 0);
	T_OK(syscall2(SYS_fchmod, (int)fd, 0600) == 0 && mode_of("/tmp/perm/a") == (S_IFREG | 0600),
	     "fchmod");
	T_OK(syscall4(SYS_fchmodat, AT_FDCWD, (long)"/tmp/perm/a", 0640, 0) == 0 &&
		     mode_of("/tmp/perm/a") == (S_IFREG | 0640),
	     "fchmodat");
	T_OK(syscall3(SYS_chown, (long)"/tmp/perm/a", 7, 8) == 0 &&
		     fstat_mode("/tmp/perm/a", &st) >= 0 && st.st_uid == 7 && st.st_gid == 8,
	     "chown sets owner and group");
	T_OK(syscall3(SYS_fchown, (int)fd, -1, 9) == 0 && fstat_mode("/tmp/perm/a", &st) >= 0 &&
		     st.st_uid == 7 && st.st_gid == 9,
	     "fchown with -1 keeps the owner");
	syscall2(SYS_chmod, (long)"/tmp/perm/a", 06755);
	syscall3(SYS_chown, (long)"/tmp/perm/a", 0, 0);
	T_OK(mode_of("/tmp/perm/a") == (S_IFREG | 0755), "chown clears set-user-ID and set-group-ID (%lo)",
	     mode_of("/tmp/perm/a"));
	syscall2(SYS_symlink, (long)"a", (long)"/tmp/perm/link");
	T_OK(syscall3(SYS_lchown, (long)"/tmp/perm/link", 5, 5) == 0 &&
		     syscall2(SYS_lstat, (long)"/tmp/perm/link", (long)&st) == 0 && S_ISLNK(st.st_mode) &&
		     st.st_uid == 5,
	     "lchown and lstat act on the link itself");
	T_OK(fstat_mode("/tmp/perm/a", &st) >= 0 && st.st_uid == 0, "and not on its target");

	struct timespec ts[2] = {{1000, 5}, {2000, 7}};
	T_OK(syscall4(SYS_utimensat, AT_FDCWD, (long)"/tmp/perm/a", (long)ts, 0) == 0 &&
		     fstat_mode("/tmp/perm/a", &st) >= 0 && st.st_atim.tv_sec == 1000 &&
		     st.st_atim.tv_nsec == 5 && st.st_mtim.tv_sec == 2000 && st.st_mtim.tv_nsec == 7,
	     "utimensat sets atime and mtime");
	struct timespec omit[2] = {{0, UTIME_OMIT}, {0, UTIME_NOW}};
	T_OK(syscall4(SYS_utimensat, AT_FDCWD, (long)"/tmp/perm/a", (long)omit, 0) == 0 &&
		     fstat_mode("/tmp/perm/a", &st) >= 0 && st.st_atim.tv_sec == 1000 &&
		     st.st_mtim.tv_sec > 2000,
	     "UTIME_OMIT keeps atime, UTIME_NOW sets mtime to now");
	struct timespec bad[2] = {{0, 1000000000}, {0, 0}};
	T_OK(syscall4(SYS_utimensat, AT_FDCWD, (long)"/tmp/perm/a", (long)bad, 0) == -EINVAL,
	     "a bad tv_nsec is EINVAL");
	struct timeval tv[2] = {{300, 1}, {400, 2}};
	T_OK(syscall2(SYS_utimes, (long)"/tmp/perm/a", (long)tv) == 0 &&
		     fstat_mode("/tmp/perm/a", &st) >= 0 && st.st_mtim.tv_sec == 400 &&
		     st.st_mtim.tv_nsec == 2000,
	     "utimes takes microseconds");
	T_OK(syscall4(SYS_utimensat, (int)fd, 0, 0, 0) == 0, "futimens form (NULL path) works");
	sys_close((int)fd);

	T_OK(syscall2(SYS_access, (long)"/tmp/perm/nothing", 0) == -ENOENT, "access F_OK of a missing file");
	syscall2(SYS_chmod, (long)"/tmp/perm/a", 0);
	T_OK(syscall2(SYS_access, (long)"/tmp/perm/a", 4 | 2) == 0, "root may read and write a mode-0 file");
	T_OK(syscall2(SYS_access, (long)"/tmp/perm/a", 1) == -EACCES,
	     "but not execute a file with no execute bit");
	T_OK(syscall2(SYS_access, (long)"/tmp/perm/a", 8) == -EINVAL, "a bad access mode is EINVAL");
}

static void check_descriptors(void)
{
	long fd = sys_open("/tmp/perm/rw", O_CREAT | O_RDWR | O_TRUNC, 0644);
	T_OK(sys_write((int)fd, "0123456789", 10) == 10, "write ten bytes");
	char buf[8] = {0};
	T_OK(syscall4(SYS_pread64, (int)fd, (long)buf, 3, 4) == 3 && !memcmp(buf, "456", 3),
	     "pread64 reads at the offset");
	T_OK(sys_lseek((int)fd, 0, SEEK_CUR) == 10, "and leaves the position alone");
	T_OK(syscall4(SYS_pwrite64, (int)fd, (long)"AB", 2, 1) == 2 &&
		     syscall4(SYS_pread64, (int)fd, (long)buf, 4, 0) == 4 && !memcmp(buf, "0AB3", 4),
	     "pwrite64 writes at the offset");
	char a[2], b[3];
	struct iovec iov[2] = {{a, 2}, {b, 3}};
	T_OK(syscall4(SYS_preadv, (int)fd, (long)iov, 2, 5) == 5 && !memcmp(a, "56", 2) &&
		     !memcmp(b, "789", 3),
	     "preadv scatters from the offset");
	T_OK(syscall4(SYS_pread64, (int)fd, (long)buf, 1, -1) == -EINVAL, "a negative offset is EINVAL");
	int p[2];
	sys_pipe2(p, 0);
	T_OK(syscall4(SYS_pread64, p[0], (long)buf, 1, 0) == -ESPIPE, "pread64 on a pipe is ESPIPE");
	long d = syscall3(SYS_dup3, (int)fd, 30, O_CLOEXEC);
	T_OK(d == 30 && syscall3(SYS_fcntl, 30, F_GETFD, 0) == FD_CLOEXEC, "dup3 with O_CLOEXEC");
	T_OK(syscall3(SYS_dup3, 30, 30, 0) == -EINVAL, "dup3 onto itself is EINVAL");
	T_OK(syscall3(SYS_dup3, (int)fd, 31, O_APPEND) == -EINVAL, "dup3 with other flags is EINVAL");
	sys_close(30), sys_close(p[0]), sys_close(p[1]), sys_close((int)fd);

	long dfd = sys_open("/tmp/perm", O_RDONLY | O_DIRECTORY, 0);
	char cwd[64];
	T_OK(syscall1(SYS_fchdir, (int)dfd) == 0 && syscall2(SYS_getcwd, (long)cwd, sizeof(cwd)) > 0 &&
		     !strcmp(cwd, "/tmp/perm"),
	     "fchdir (%s)", cwd);
	T_OK(syscall1(SYS_fchdir, 77) == -EBADF, "fchdir of a closed descriptor");
	syscall1(SYS_chdir, (long)"/");
	sys_close((int)dfd);
}

static void check_chroot(void)
{
	syscall2(SYS_mkdir, (long)"/tmp/jail", 0755);
	make_file("/tmp/jail/inside", 0644, "jailed");
	long pid = sys_fork();
	if (pid == 0) {
		struct stat st;
		int bad = 0;
		if (syscall1(SYS_chroot, (long)"/tmp/jail") || syscall1(SYS_chdir, (long)"/"))
			bad |= 1;
		if (syscall2(SYS_stat, (long)"/inside", (long)&st) || st.st_size != 6)
			bad |= 2;
		if (syscall2(SYS_stat, (long)"/../../tmp", (long)&st) != -ENOENT)
			bad |= 4;
		syscall1(SYS_exit_group, bad);
	}
	int status = -1;
	sys_wait4((int)pid, &status, 0, NULL);
	T_OK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	     "chroot: / is the new root and .. cannot leave it (%x)", status);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "show-ids"))
		return show_ids();
	t_set_prog("perms");
	T_OK(syscall0(SYS_getuid) == 0 && syscall0(SYS_geteuid) == 0 && syscall0(SYS_getgid) == 0 &&
		     syscall0(SYS_getegid) == 0,
	     "init's tests run as root");
	uint32_t groups[4] = {5, 6, 7}, got[4];
	T_OK(syscall2(SYS_setgroups, 3, (long)groups) == 0 &&
		     syscall2(SYS_getgroups, 0, 0) == 3 &&
		     syscall2(SYS_getgroups, 4, (long)got) == 3 && got[2] == 7,
	     "setgroups and getgroups");
	T_OK(syscall2(SYS_getgroups, 1, (long)got) == -EINVAL, "getgroups with too small a list");
	syscall2(SYS_setgroups, 0, 0);
	T_OK(syscall1(SYS_setfsuid, 5) == 0 && syscall1(SYS_setfsuid, 0) == 5,
	     "setfsuid returns the previous filesystem uid");

	syscall2(SYS_mkdir, (long)"/tmp/perm", 0755);
	check_root_attrs();
	make_file("/tmp/perm/secret", 0600, "s");
	make_file("/tmp/perm/public", 0644, "p");
	make_file("/tmp/perm/noexec", 0644, "#!/bin/none\n");
	make_file("/tmp/perm/users", 0600, "u");
	syscall3(SYS_chown, (long)"/tmp/perm/users", USER, 0);
	syscall2(SYS_mkdir, (long)"/tmp/perm/closed", 0700);
	make_file("/tmp/perm/closed/inside", 0644, "i");
	syscall2(SYS_mkdir, (long)"/tmp/sticky", 0777);
	syscall2(SYS_chmod, (long)"/tmp/sticky", 01777);
	make_file("/tmp/sticky/roots", 0666, "r");
	copy_file("/bin/test-perms", "/perm-suid");
	syscall3(SYS_chown, (long)"/perm-suid", SUID_OWNER, 0);
	syscall2(SYS_chmod, (long)"/perm-suid", 04755);

	T_OK(as_user(user_ids) == 0, "uid 1000 cannot take uid 0 back, but may set its own (%d)",
	     as_user(user_ids));
	T_OK(as_user(user_open) == 0, "permission bits refuse reads, writes, creates, removes and searches (%d)",
	     as_user(user_open));
	T_OK(as_user(user_sticky) == 0, "a sticky directory protects others' files (%d)",
	     as_user(user_sticky));
	T_OK(as_user(user_attrs) == 0, "chmod/chown/utimensat/access/chroot rules for a user (%d)",
	     as_user(user_attrs));
	T_OK(as_user(user_exec) == 0, "exec needs execute permission (%d)", as_user(user_exec));
	T_OK(as_user(user_suid_exec) == 42, "a set-user-ID program runs with the owner's euid (%d)",
	     as_user(user_suid_exec));
	struct stat st;
	T_OK(fstat_mode("/tmp/perm/users", &st) == (S_IFREG | 0640) && st.st_gid == USER,
	     "the user's own changes took");

	check_descriptors();
	check_chroot();
	return t_done();
}
