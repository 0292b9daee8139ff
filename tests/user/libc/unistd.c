/*
 * The unistd, fcntl, sys/stat and sys/wait surface of the C library: pipes
 * and descriptors, directories and links, the *at calls, exec and the
 * PATH search, wait statuses, sysconf/pathconf, host and login names and
 * getopt. Calls the kernel may not have yet are accepted failing with
 * ENOSYS, and only that way (docs/syscalls.md).
 *
 * Usage: unistd            the tests
 *        unistd exit N     exits with status N (the exec tests run this)
 */
#define _GNU_SOURCE
#define AREA "libc-unistd"
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

#define DIR_ "/tmp/libc-unistd"

static char self[PATH_MAX];

static int ok_or_enosys(int r)
{
	return r == 0 || (r == -1 && errno == ENOSYS);
}

static void check_pipes(void)
{
	int p[2], q[2], fd;
	char buf[8] = "";

	CHECK(pipe(p) == 0 && write(p[1], "abc", 3) == 3 && read(p[0], buf, 8) == 3 &&
	          !memcmp(buf, "abc", 3),
	      "pipe() carries bytes from fds[1] to fds[0]");
	CHECK(pipe2(q, O_CLOEXEC) == 0 && (fcntl(q[0], F_GETFD) & FD_CLOEXEC) &&
	          (fcntl(q[1], F_GETFD) & FD_CLOEXEC),
	      "pipe2(O_CLOEXEC) sets FD_CLOEXEC on both ends");
	fd = dup(p[1]);
	CHECK(fd > p[1] || (fd >= 0 && fd != p[1]), "dup() gives a new descriptor (%d)", fd);
	CHECK(dup2(fd, 40) == 40 && write(40, "x", 1) == 1 && read(p[0], buf, 1) == 1 &&
	          buf[0] == 'x',
	      "dup2() onto 40 writes into the same pipe");
	CHECK(dup2(40, 40) == 40, "dup2(fd, fd) returns fd");
	errno = 0;
	int r = dup3(40, 40, 0);
	CHECK(r == -1 && (errno == EINVAL || errno == ENOSYS), "dup3(fd, fd) fails with EINVAL");
	CHECK(close(40) == 0 && close(40) == -1 && errno == EBADF, "closing twice gives EBADF");
	CHECK(isatty(p[0]) == 0 && errno == ENOTTY, "isatty() on a pipe is 0 with ENOTTY");
	CHECK(ttyname(p[0]) == NULL && errno == ENOTTY, "ttyname() on a pipe fails with ENOTTY");
	char name[64];
	CHECK(ttyname_r(p[0], name, sizeof(name)) == ENOTTY,
	      "ttyname_r() on a pipe returns ENOTTY");
	close(p[0]);
	close(p[1]);
	close(q[0]);
	close(q[1]);
	close(fd);
}

static void check_files(void)
{
	char buf[PATH_MAX], cwd[PATH_MAX];
	struct stat st;
	int fd, dfd;
	mode_t old;

	old = umask(022);
	CHECK(umask(old) == 022, "umask() returns the previous mask");
	mkdir(DIR_, 0755);
	CHECK(stat(DIR_, &st) == 0 && S_ISDIR(st.st_mode), "mkdir() makes a directory");
	CHECK(getcwd(cwd, sizeof(cwd)) != NULL && cwd[0] == '/', "getcwd() is absolute (%s)", cwd);
	CHECK(chdir(DIR_) == 0 && getcwd(buf, sizeof(buf)) && !strcmp(buf, DIR_),
	      "chdir() then getcwd() gives the new directory");
	fd = creat("f", 0644);
	CHECK(fd >= 0 && write(fd, "hello", 5) == 5, "creat() makes a writable file");
	CHECK(fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 5,
	      "fstat() sees a 5-byte regular file");
	CHECK((fcntl(fd, F_GETFL) & O_ACCMODE) == O_WRONLY, "creat() opens O_WRONLY");
	close(fd);
	CHECK(link("f", "g") == 0 && stat("g", &st) == 0 && st.st_nlink == 2,
	      "link() makes a second name (nlink 2)");
	CHECK(symlink("f", "s") == 0, "symlink() succeeds");
	ssize_t n = readlink("s", buf, sizeof(buf));
	CHECK(n == 1 && buf[0] == 'f', "readlink() gives the target without a NUL (%zd)", n);
	dfd = open(DIR_, O_RDONLY | O_DIRECTORY);
	CHECK(dfd >= 0, "open(O_DIRECTORY) opens a directory");
	CHECK(fstatat(dfd, "f", &st, 0) == 0 && st.st_size == 5,
	      "fstatat() relative to a directory");
	fd = openat(dfd, "h", O_CREAT | O_WRONLY | O_EXCL, 0600);
	CHECK(fd >= 0, "openat(O_CREAT) creates a file in the directory");
	CHECK(fstat(fd, &st) == 0 && (st.st_mode & 0777) == 0600, "openat() honours the mode");
	close(fd);
	CHECK(openat(dfd, "h", O_CREAT | O_EXCL | O_WRONLY, 0600) == -1 && errno == EEXIST,
	      "openat(O_EXCL) on an existing file fails with EEXIST");
	CHECK(mkdirat(dfd, "sub", 0700) == 0 && fstatat(dfd, "sub", &st, 0) == 0 &&
	          S_ISDIR(st.st_mode),
	      "mkdirat() makes a directory");
	CHECK(readlinkat(dfd, "s", buf, sizeof(buf)) == 1, "readlinkat() reads the link");
	CHECK(unlinkat(dfd, "sub", AT_REMOVEDIR) == 0 && fstatat(dfd, "sub", &st, 0) == -1 &&
	          errno == ENOENT,
	      "unlinkat(AT_REMOVEDIR) removes the directory");
	CHECK(unlinkat(dfd, "h", 0) == 0, "unlinkat() removes a file");
	CHECK(ok_or_enosys(access("f", F_OK)), "access(F_OK) on an existing file (or ENOSYS)");
	errno = 0;
	CHECK(access("missing", F_OK) == -1 && (errno == ENOENT || errno == ENOSYS),
	      "access() on a missing file fails with ENOENT (or ENOSYS)");
	CHECK(ok_or_enosys(truncate("f", 2)), "truncate() (or ENOSYS)");
	CHECK(ok_or_enosys(chmod("f", 0600)), "chmod() (or ENOSYS)");
	CHECK(mkdir("d2", 0755) == 0 && rmdir("d2") == 0 && stat("d2", &st) == -1 &&
	          errno == ENOENT,
	      "rmdir() removes an empty directory");
	CHECK(rmdir("missing") == -1 && errno == ENOENT, "rmdir() of a missing directory: ENOENT");
	CHECK(unlink("s") == 0 && unlink("g") == 0 && unlink("f") == 0, "unlink() removes names");
	close(dfd);
	CHECK(chdir(cwd) == 0 && rmdir(DIR_) == 0, "back to the old directory and remove ours");
	CHECK(pathconf("/", _PC_NAME_MAX) == 255 && pathconf("/", _PC_PATH_MAX) == 4096,
	      "pathconf() NAME_MAX 255 and PATH_MAX 4096");
	CHECK(fpathconf(0, _PC_PIPE_BUF) >= 512 || fpathconf(1, _PC_PIPE_BUF) >= 512,
	      "fpathconf() PIPE_BUF is at least 512");
	CHECK(pathconf("/nonexistent", _PC_NAME_MAX) == -1 && errno == ENOENT,
	      "pathconf() of a missing path fails with ENOENT");
}

static int child_status(pid_t pid)
{
	int status = -1;

	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static void check_exec_wait(void)
{
	pid_t pid;
	int status;
	char dir[PATH_MAX], *slash;

	pid = fork();
	if (pid == 0)
		_exit(7);
	status = child_status(pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 7 && !WIFSIGNALED(status),
	      "fork + _exit(7): WIFEXITED, WEXITSTATUS 7 (status %#x)", status);

	pid = fork();
	if (pid == 0) {
		for (;;)
			pause(); /* returns at once with ENOSYS on a kernel without pause(2) */
	}
	kill(pid, SIGTERM);
	status = child_status(pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM && !WIFEXITED(status),
	      "a child killed by SIGTERM: WIFSIGNALED, WTERMSIG (status %#x)", status);

	pid = fork();
	if (pid == 0) {
		execl(self, self, "exit", "11", (char *)NULL);
		_exit(100);
	}
	status = child_status(pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 11, "execl() runs a program (status %#x)",
	      status);

	pid = fork();
	if (pid == 0) {
		char *envp[] = {"LIBC_TEST=envp", NULL};
		execle(self, self, "exit", "env", (char *)NULL, envp);
		_exit(100);
	}
	status = child_status(pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 12,
	      "execle() passes its environment (status %#x)", status);

	strcpy(dir, self);
	slash = strrchr(dir, '/');
	*slash = 0;
	pid = fork();
	if (pid == 0) {
		setenv("PATH", "/nonexistent:", 1);
		char *path = malloc(strlen(dir) + 20);
		sprintf(path, "/nonexistent:%s", dir);
		setenv("PATH", path, 1);
		execlp(slash + 1, slash + 1, "exit", "13", (char *)NULL);
		_exit(100);
	}
	status = child_status(pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 13,
	      "execlp() searches $PATH past a missing directory (status %#x)", status);

	pid = fork();
	if (pid == 0) {
		char *argv[] = {"x", "exit", "14", NULL};
		char *envp[] = {NULL};
		setenv("PATH", dir, 1);
		execvpe(slash + 1, argv, envp);
		_exit(100);
	}
	status = child_status(pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 14, "execvpe() (status %#x)", status);

	errno = 0;
	CHECK(execvp("libc-no-such-program", (char *[]){"x", NULL}) == -1 && errno == ENOENT,
	      "execvp() of a missing program fails with ENOENT");

	pid = fork();
	if (pid == 0)
		_exit(3);
	struct rusage ru;
	CHECK(wait4(pid, &status, 0, &ru) == pid && WEXITSTATUS(status) == 3,
	      "wait4() reaps the child with its status");
	pid = fork();
	if (pid == 0)
		_exit(5);
	siginfo_t si;
	memset(&si, 0, sizeof(si));
	int r = waitid(P_PID, (id_t)pid, &si, WEXITED);
	CHECK(r == 0 && si.si_pid == pid && si.si_code == CLD_EXITED && si.si_status == 5 &&
	          si.si_signo == SIGCHLD,
	      "waitid(P_PID, WEXITED) describes the exit (pid, CLD_EXITED, status 5)");
	CHECK(waitpid(-1, &status, WNOHANG) == -1 && errno == ECHILD,
	      "waitpid(WNOHANG) with no children fails with ECHILD");
	pid = fork();
	if (pid == 0) {
		usleep(200000);
		_exit(0);
	}
	CHECK(waitpid(pid, &status, WNOHANG) == 0, "waitpid(WNOHANG) on a running child gives 0");
	CHECK(wait(&status) == pid && WIFEXITED(status), "wait() then reaps it");
}

static void check_names(void)
{
	struct utsname u;
	char host[256], small[2], login[64];
	long v;

	CHECK(uname(&u) == 0 && gethostname(host, sizeof(host)) == 0 && !strcmp(host, u.nodename),
	      "gethostname() is uname's nodename (%s)", host);
	CHECK(strlen(u.nodename) < 2 ||
	          (gethostname(small, sizeof(small)) == -1 && errno == ENAMETOOLONG),
	      "gethostname() into a too small buffer fails with ENAMETOOLONG");
	int r = getlogin_r(login, sizeof(login));
	CHECK(r == 0 ? login[0] != 0 : r > 0, "getlogin_r() gives a name or an error number (%d)",
	      r);
	v = sysconf(_SC_PAGESIZE);
	CHECK(v == 4096, "sysconf(_SC_PAGESIZE) is 4096 (%ld)", v);
	CHECK(sysconf(_SC_ARG_MAX) >= 4096, "sysconf(_SC_ARG_MAX) is at least 4096");
	CHECK(sysconf(_SC_OPEN_MAX) >= 20, "sysconf(_SC_OPEN_MAX) is at least 20");
	CHECK(sysconf(_SC_NGROUPS_MAX) >= 8, "sysconf(_SC_NGROUPS_MAX) is at least 8");
	CHECK(sysconf(_SC_VERSION) == 200809L, "sysconf(_SC_VERSION) is 200809");
	CHECK(sysconf(_SC_PHYS_PAGES) > 0, "sysconf(_SC_PHYS_PAGES) is positive");
	errno = 0;
	CHECK(sysconf(-5) == -1 && errno == EINVAL,
	      "sysconf() of an unknown name fails with EINVAL");
	CHECK(getpid() > 0 && getppid() >= 0, "getpid() and getppid()");
	uid_t uid = getuid();
	CHECK(uid != (uid_t)-1 || errno == ENOSYS, "getuid() (or ENOSYS)");
}

static void check_getopt(void)
{
	char *argv[] = {"prog", "-a", "-b", "val", "--long", "--with=3", "rest", NULL};
	static const struct option longopts[] = {
	    {"long", no_argument, 0, 'L'},
	    {"with", required_argument, 0, 'W'},
	    {0, 0, 0, 0},
	};
	int c, a = 0, l = 0, w = 0;
	char *b = NULL;

	char *argv2[] = {"prog", "-x", NULL};
	opterr = 0;
	CHECK(getopt(2, argv2, "a") == '?' && optind == 2,
	      "getopt() returns '?' for an unknown option");
	opterr = 1;
	optind = 0; /* 0 restarts the scan from scratch in glibc and newlib */
	while ((c = getopt_long(7, argv, "ab:", longopts, NULL)) != -1) {
		if (c == 'a')
			a = 1;
		else if (c == 'b')
			b = optarg;
		else if (c == 'L')
			l = 1;
		else if (c == 'W')
			w = atoi(optarg);
	}
	CHECK(a && b && !strcmp(b, "val") && l && w == 3 && optind == 6 &&
	          !strcmp(argv[optind], "rest"),
	      "getopt_long() parses -a -b val --long --with=3");
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "exit")) {
		if (!strcmp(argv[2], "env")) {
			const char *v = getenv("LIBC_TEST");
			return v && !strcmp(v, "envp") && !getenv("PATH") ? 12 : 99;
		}
		return atoi(argv[2]);
	}
	if (argv[0][0] == '/')
		strcpy(self, argv[0]);
	else if (!getcwd(self, sizeof(self)) ||
	         snprintf(self + strlen(self), sizeof(self) - strlen(self), "/%s", argv[0]) < 0)
		return 1;
	check_pipes();
	check_files();
	check_exec_wait();
	check_names();
	check_getopt();
	return tap_done();
}
