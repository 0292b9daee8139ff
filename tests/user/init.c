/*
 * /sbin/init of the test initrd. Runs every program listed in /etc/tests
 * (one absolute path and its blank-separated arguments per line; built from
 * tests/user/tests.list) one after the other: fork, execve with a fixed
 * environment, wait. Prints "init: <path> exited <code>" and a TAP line of
 * its own per program, reaps orphans reparented to it, and ends with
 * "init: all tests done"; then it exits 0 and the kernel powers off.
 * Before the tests it mounts what a system's init would: tmpfs on /tmp
 * (mode 1777), /dev/shm and /run, proc on /proc and devpts on /dev/pts.
 * tests/boot/user.py reads all of this from the serial console.
 *
 * For a try on a Linux host: init [TESTS-FILE].
 */
#include "rt.h"

#define TESTS_FILE "/etc/tests"
#define MAX_ARGS   32

/* The environment of every test; proc/argv_env.c checks it. */
static char *const test_env[] = {"HOME=/", "PATH=/bin:/sbin", "TERM=cairn", "CAIRN_TEST=1", NULL};

static char tests[16384];

/* Reads the whole tests file into `tests`, NUL-terminated; returns its length or -errno. */
static long read_tests(const char *path)
{
	long fd = sys_open(path, O_RDONLY, 0);
	if (fd < 0)
		return fd;
	size_t len = 0;
	for (;;) {
		long n = sys_read((int)fd, tests + len, sizeof(tests) - 1 - len);
		if (n < 0) {
			sys_close((int)fd);
			return n;
		}
		if (n == 0 || len + (size_t)n == sizeof(tests) - 1) {
			len += (size_t)n;
			break;
		}
		len += (size_t)n;
	}
	tests[len] = '\0';
	sys_close((int)fd);
	return (long)len;
}

/* Splits line in place at blanks into argv (NULL-terminated); returns argc. */
static int split(char *line, char **argv)
{
	int argc = 0;
	char *s = line;
	while (*s && argc < MAX_ARGS) {
		while (*s == ' ' || *s == '\t')
			*s++ = '\0';
		if (!*s)
			break;
		argv[argc++] = s;
		while (*s && *s != ' ' && *s != '\t')
			s++;
	}
	argv[argc] = NULL;
	return argc;
}

/* The filesystems init mounts, in order; the directories are made first if missing. */
static const struct {
	const char *type, *dir, *options;
} init_mounts[] = {
    {"tmpfs", "/tmp", "mode=1777"},
    {"tmpfs", "/dev/shm", "mode=1777"},
    {"tmpfs", "/run", "mode=755"},
    {"proc", "/proc", NULL},
    {"devpts", "/dev/pts", NULL},
};

static void mount_filesystems(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(init_mounts); i++) {
		syscall2(SYS_mkdir, (long)init_mounts[i].dir, 0755);
		long r = syscall5(SYS_mount, (long)init_mounts[i].type, (long)init_mounts[i].dir,
		                  (long)init_mounts[i].type,
		                  MS_NOSUID | (strcmp(init_mounts[i].type, "devpts") ? MS_NODEV : MS_NOEXEC),
		                  (long)init_mounts[i].options);
		T_OK(r == 0, "mount %s on %s (%ld)", init_mounts[i].type, init_mounts[i].dir, r);
	}
}

/* Waits for pid, reaping (and reporting) any other child that turns up first. */
static long wait_for(long pid, int *status)
{
	for (;;) {
		long r = sys_wait4(-1, status, 0, NULL);
		if (r == pid || r < 0)
			return r;
		tprintf("init: reaped orphan %ld (status %#x)\n", r, *status);
	}
}

/* Runs one test program; returns true when it exited with status 0. */
static bool run(char **argv)
{
	tprintf("init: running");
	for (char **a = argv; *a; a++)
		tprintf(" %s", *a);
	tprintf("\n");

	int64_t start = rt_now_ns();
	long pid = sys_fork();
	if (pid == 0) {
		long err = sys_execve(argv[0], argv, test_env);
		tprintf("init: execve %s failed: error %ld\n", argv[0], err);
		sys_exit_group(127);
	}
	/*
	 * The fork's result is reported after the child is reaped, so that
	 * init's line never lands in the middle of the program's output.
	 */
	int status = 0;
	long r = pid > 0 ? wait_for(pid, &status) : pid;
	long ms = (long)((rt_now_ns() - start) / 1000000);
	if (!T_OK(pid > 0, "fork for %s (%ld)", argv[0], pid))
		return false;
	if (!T_OK(r == pid, "wait4 for %s returned its pid (%ld)", argv[0], r))
		return false;
	if (WIFEXITED(status)) {
		tprintf("init: %s exited %d (%ld ms)\n", argv[0], WEXITSTATUS(status), ms);
		return T_OK(WEXITSTATUS(status) == 0, "%s exit status %d", argv[0],
		            WEXITSTATUS(status));
	}
	tprintf("init: %s killed by signal %d (status %#x, %ld ms)\n", argv[0], WTERMSIG(status),
	        status, ms);
	return T_OK(false, "%s exit status: killed by signal %d", argv[0], WTERMSIG(status));
}

int main(int argc, char **argv)
{
	const char *file = argc > 1 ? argv[1] : TESTS_FILE;
	tprintf("init: starting tests\n");
	if (argc <= 1) {
		T_OK(sys_getpid() == 1, "runs as pid 1 (%ld)", sys_getpid());
		mount_filesystems();
	}

	int ran = 0, failed = 0;
	long len = read_tests(file);
	if (T_OK(len > 0, "read %s (%ld)", file, len)) {
		char *line = tests;
		while (line && *line) {
			char *next = strchr(line, '\n');
			if (next)
				*next++ = '\0';
			char *args[MAX_ARGS + 1];
			if (line[0] != '#' && split(line, args) > 0) {
				ran++;
				failed += !run(args);
			}
			line = next;
		}
	}

	/* Orphans that outlived their tests. */
	int status;
	long r;
	while ((r = sys_wait4(-1, &status, WNOHANG, NULL)) > 0)
		tprintf("init: reaped orphan %ld (status %#x)\n", r, status);

	tprintf("init: %d programs, %d failed\n", ran, failed);
	tprintf("init: all tests done\n");
	return 0;
}
