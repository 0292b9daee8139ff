/*
 * procfs on /proc: the files a ps, top, free, mount or df reads, parsed and
 * checked for plausible content. The caller's own /proc/self/stat (its pid,
 * comm, state, parent); a child's cmdline, environ, comm and exe; fd links;
 * maps with the stack; status; cwd; meminfo against sysinfo(2); mounts
 * listing /proc, /tmp and /dev; uptime, loadavg, stat, version,
 * filesystems, partitions, cpuinfo; a reaped child's directory vanishing.
 */
#include "rt.h"

#include <uapi/dirent.h>
#include <uapi/statfs.h>

static char buf[65536];

/* Reads the whole file into buf (NUL-terminated); returns its length or -errno. */
static long slurp(const char *path)
{
	long fd = sys_open(path, O_RDONLY, 0);
	if (fd < 0)
		return fd;
	long len = 0, n;
	while ((n = sys_read((int)fd, buf + len, sizeof(buf) - 1 - (size_t)len)) > 0)
		len += n;
	sys_close((int)fd);
	if (n < 0)
		return n;
	buf[len] = '\0';
	return len;
}

static char *strstr_(const char *h, const char *n)
{
	size_t len = strlen(n);
	for (; *h; h++)
		if (!strncmp(h, n, len))
			return (char *)h;
	return NULL;
}

/* The number after "key" in buf (e.g. "MemTotal:"), skipping blanks; -1 if absent. */
static long field(const char *key)
{
	const char *s = strstr_(buf, key);
	if (!s)
		return -1;
	s += strlen(key);
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s < '0' || *s > '9')
		return -1;
	return rt_atol(s);
}

/* The n-th (1-based) blank-separated field of stat text after the ") ", as a number. */
static long stat_field(const char *stat, int n)
{
	const char *s = stat;
	const char *close = NULL;
	for (const char *c = s; *c; c++)
		if (*c == ')')
			close = c;
	if (!close)
		return -1;
	s = close + 2; /* field 3, the state */
	for (int i = 3; i < n; i++) {
		while (*s && *s != ' ')
			s++;
		if (*s)
			s++;
	}
	if (*s == '-')
		return -rt_atol(s + 1);
	return rt_atol(s);
}

static long link_of(const char *path, char *out, size_t size)
{
	long n = syscall3(SYS_readlink, (long)path, (long)out, (long)size - 1);
	if (n >= 0)
		out[n] = '\0';
	return n;
}

static void test_self(void)
{
	long pid = sys_getpid(), ppid = sys_getppid();
	char path[64], target[256];
	long n = link_of("/proc/self", target, sizeof(target));
	T_OK(n > 0 && rt_atol(target) == pid, "/proc/self links to our pid (%s)",
	     n > 0 ? target : "");

	n = slurp("/proc/self/stat");
	char want[32];
	tsnprintf(want, sizeof(want), "%ld (test-procfs) R ", pid);
	T_OK(n > 0 && !strncmp(buf, want, strlen(want)), "/proc/self/stat starts \"%s\"", want);
	T_OK(stat_field(buf, 4) == ppid, "its ppid field is our parent (%ld)", stat_field(buf, 4));
	int fields = 2; /* pid and comm, then one per blank after the comm */
	for (const char *c = strchr(buf, ')'); c && *c; c++)
		fields += *c == ' ';
	T_OK(fields == 52, "it has Linux's 52 fields (%d)", fields);
	T_OK(stat_field(buf, 20) == 1, "num_threads is 1");
	long vsize = stat_field(buf, 23), rss = stat_field(buf, 24);
	T_OK(vsize > 4096 && rss > 0, "vsize and rss are set (%ld bytes, %ld pages)", vsize, rss);

	tsnprintf(path, sizeof(path), "/proc/%ld/status", pid);
	n = slurp(path);
	T_OK(n > 0 && strstr_(buf, "Name:\ttest-procfs\n") && field("Pid:") == pid &&
	         field("PPid:") == ppid && strstr_(buf, "State:\tR (running)") &&
	         field("Uid:") == 0,
	     "/proc/PID/status has Name, Pid, PPid, State and Uid");
	T_OK(field("VmRSS:") > 0 && field("Threads:") == 1, "and VmRSS, Threads");

	T_OK(link_of("/proc/self/exe", target, sizeof(target)) > 0 &&
	         !strcmp(target, "/bin/test-procfs"),
	     "/proc/self/exe is /bin/test-procfs (%s)", target);
	T_OK(syscall1(SYS_chdir, (long)"/etc") == 0 &&
	         link_of("/proc/self/cwd", target, sizeof(target)) > 0 && !strcmp(target, "/etc"),
	     "/proc/self/cwd follows chdir (%s)", target);
	syscall1(SYS_chdir, (long)"/");
	T_OK(link_of("/proc/self/root", target, sizeof(target)) == 1 && !strcmp(target, "/"),
	     "/proc/self/root is /");

	n = slurp("/proc/self/maps");
	T_OK(n > 0 && strstr_(buf, "[stack]\n") && strstr_(buf, "r-xp") &&
	         strstr_(buf, "/bin/test-procfs\n"),
	     "/proc/self/maps has the stack and the program's text");
	unsigned long sp = (unsigned long)&n, lo = 0, hi = 0;
	for (char *line = buf; line && *line;) {
		char *next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (strstr_(line, "[stack]")) {
			for (char *c = line; *c != '-'; c++)
				lo =
				    lo * 16 + (unsigned long)(*c <= '9' ? *c - '0' : *c - 'a' + 10);
			for (char *c = strchr(line, '-') + 1; *c != ' '; c++)
				hi =
				    hi * 16 + (unsigned long)(*c <= '9' ? *c - '0' : *c - 'a' + 10);
		}
		line = next;
	}
	T_OK(lo <= sp && sp < hi, "the [stack] area holds our stack pointer (%lx in %lx-%lx)", sp,
	     lo, hi);

	long fd = sys_open("/etc/tests", O_RDONLY, 0);
	tsnprintf(path, sizeof(path), "/proc/self/fd/%ld", fd);
	T_OK(link_of(path, target, sizeof(target)) > 0 && !strcmp(target, "/etc/tests"),
	     "/proc/self/fd/N links to the opened path (%s)", target);
	long fd3 = sys_open("/etc/../etc/./tests", O_RDONLY, 0);
	syscall1(SYS_chdir, (long)"/etc");
	long fd4 = sys_open("tests", O_RDONLY, 0);
	syscall1(SYS_chdir, (long)"/");
	char t3[64] = "", t4[64] = "";
	tsnprintf(path, sizeof(path), "/proc/self/fd/%ld", fd3);
	link_of(path, t3, sizeof(t3));
	tsnprintf(path, sizeof(path), "/proc/self/fd/%ld", fd4);
	link_of(path, t4, sizeof(t4));
	T_OK(!strcmp(t3, "/etc/tests") && !strcmp(t4, "/etc/tests"),
	     "the link is absolute and clean for \"/etc/../etc/./tests\" (%s) and a relative path "
	     "(%s)",
	     t3, t4);
	sys_close((int)fd3);
	sys_close((int)fd4);
	tsnprintf(path, sizeof(path), "/proc/self/fd/%ld", fd);
	long fd2 = sys_open(path, O_RDONLY, 0);
	char c1 = 0, c2 = 1;
	T_OK(fd2 >= 0 && sys_read((int)fd2, &c1, 1) == 1 && sys_read((int)fd, &c2, 1) == 1 &&
	         c1 == c2,
	     "opening the fd link opens the file");
	sys_close((int)fd2);
	int fds[2];
	sys_pipe2(fds, 0);
	tsnprintf(path, sizeof(path), "/proc/self/fd/%d", fds[0]);
	T_OK(link_of(path, target, sizeof(target)) > 0 && !strncmp(target, "pipe:[", 6),
	     "a pipe's link is pipe:[ino] (%s)", target);
	long dfd = sys_open("/proc/self/fd", O_RDONLY | O_DIRECTORY, 0);
	bool seen[4] = {false, false, false, false};
	n = syscall3(SYS_getdents64, dfd, (long)buf, sizeof(buf));
	for (long off = 0; off < n;) {
		struct dirent64 *d = (struct dirent64 *)(buf + off);
		long v = d->d_name[0] >= '0' && d->d_name[0] <= '9' ? rt_atol(d->d_name) : -1;
		if (v == fd && d->d_type == DT_LNK)
			seen[0] = true;
		if (v == fds[0])
			seen[1] = true;
		if (v == fds[1])
			seen[2] = true;
		if (v == dfd)
			seen[3] = true;
		off += d->d_reclen;
	}
	T_OK(seen[0] && seen[1] && seen[2] && seen[3], "/proc/self/fd lists the open descriptors");
	sys_close((int)dfd);
	sys_close(fds[0]);
	sys_close(fds[1]);
	sys_close((int)fd);
	tsnprintf(path, sizeof(path), "/proc/self/fd/%ld", fd);
	T_OK(link_of(path, target, sizeof(target)) == -ENOENT,
	     "a closed descriptor's link is gone");
}

static int child_wait(void *arg)
{
	(void)arg;
	return 0;
}

static void test_child(void)
{
	int pipefd[2];
	sys_pipe2(pipefd, 0);
	long pid = sys_fork();
	if (pid == 0) {
		char *argv[] = {"/bin/test-procfs", "--sleep", "arg one", NULL};
		char *envp[] = {"PROCFS_TEST=yes", NULL};
		sys_close(pipefd[1]);
		sys_dup2(pipefd[0], 0);
		sys_execve(argv[0], argv, envp);
		sys_exit_group(127);
	}
	sys_close(pipefd[0]);
	char path[64], target[128];
	/* Wait until the child has exec'ed: its comm and cmdline change. */
	long n = 0;
	for (int i = 0; i < 200; i++) {
		tsnprintf(path, sizeof(path), "/proc/%ld/cmdline", pid);
		n = slurp(path);
		if (n > 0 && !memcmp(buf, "/bin/test-procfs\0--sleep", 25))
			break;
		rt_sleep_ms(10);
	}
	static const char want[] = "/bin/test-procfs\0--sleep\0arg one";
	T_OK(n == (long)sizeof(want) && !memcmp(buf, want, sizeof(want)),
	     "a child's cmdline is its argv, NUL-separated (%ld bytes)", n);
	tsnprintf(path, sizeof(path), "/proc/%ld/environ", pid);
	n = slurp(path);
	T_OK(n == 16 && !memcmp(buf, "PROCFS_TEST=yes", 16), "its environ is its environment");
	tsnprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	n = slurp(path);
	char want_stat[48];
	tsnprintf(want_stat, sizeof(want_stat), "%ld (test-procfs) S %ld ", pid, sys_getpid());
	T_OK(n > 0 && !strncmp(buf, want_stat, strlen(want_stat)),
	     "its stat shows it sleeping, our child (%.40s)", buf);
	tsnprintf(path, sizeof(path), "/proc/%ld/comm", pid);
	T_OK(slurp(path) > 0 && !strcmp(buf, "test-procfs\n"), "its comm");
	tsnprintf(path, sizeof(path), "/proc/%ld/exe", pid);
	T_OK(link_of(path, target, sizeof(target)) > 0 && !strcmp(target, "/bin/test-procfs"),
	     "its exe");
	tsnprintf(path, sizeof(path), "/proc/%ld/fd/0", pid);
	T_OK(link_of(path, target, sizeof(target)) > 0 && !strncmp(target, "pipe:[", 6),
	     "its fd 0 is the pipe (%s)", target);

	bool listed = false;
	long dfd = sys_open("/proc", O_RDONLY | O_DIRECTORY, 0);
	while ((n = syscall3(SYS_getdents64, dfd, (long)buf, sizeof(buf))) > 0) {
		for (long off = 0; off < n;) {
			struct dirent64 *d = (struct dirent64 *)(buf + off);
			if (d->d_type == DT_DIR && d->d_name[0] >= '1' && d->d_name[0] <= '9' &&
			    rt_atol(d->d_name) == pid)
				listed = true;
			off += d->d_reclen;
		}
	}
	sys_close((int)dfd);
	T_OK(listed, "/proc lists the child's directory");

	sys_close(pipefd[1]); /* the child's read returns 0: it exits */
	int status;
	T_OK(sys_wait4((pid_t)pid, &status, 0, NULL) == pid && WIFEXITED(status) &&
	         WEXITSTATUS(status) == 0,
	     "the child exits");
	tsnprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	struct stat st;
	T_OK(slurp(path) == -ENOENT && syscall2(SYS_stat, (long)path, (long)&st) == -ENOENT,
	     "a reaped child's /proc directory is gone");
	(void)child_wait;
}

static void test_system(void)
{
	struct sysinfo si;
	sys_sysinfo(&si);
	long n = slurp("/proc/meminfo");
	long total_kb = (long)(si.totalram * si.mem_unit / 1024);
	T_OK(n > 0 && field("MemTotal:") == total_kb, "meminfo MemTotal matches sysinfo (%ld kB)",
	     total_kb);
	long free_kb = field("MemFree:"), si_free = (long)(si.freeram * si.mem_unit / 1024);
	T_OK(free_kb > 0 && free_kb <= total_kb && free_kb > si_free - 4096 &&
	         free_kb < si_free + 4096,
	     "MemFree is close to sysinfo's (%ld vs %ld kB)", free_kb, si_free);
	T_OK(field("MemAvailable:") >= 0 && field("Cached:") >= 0 && field("SwapTotal:") >= 0 &&
	         field("Buffers:") >= 0 && field("SReclaimable:") >= 0 && field("Shmem:") >= 0,
	     "meminfo has the fields free(1) and top read");

	n = slurp("/proc/mounts");
	T_OK(n > 0 && strstr_(buf, " /proc proc rw") && strstr_(buf, " /tmp tmpfs rw") &&
	         strstr_(buf, "devtmpfs /dev devtmpfs rw") && strstr_(buf, " / ramfs rw"),
	     "mounts lists / (ramfs), /dev (devtmpfs), /tmp (tmpfs) and /proc (proc)");
	T_OK(strstr_(buf, " 0 0\n") != NULL, "its lines end in \" 0 0\"");

	struct statfs sfs;
	T_OK(syscall2(SYS_statfs, (long)"/proc", (long)&sfs) == 0 && sfs.f_type == PROC_SUPER_MAGIC,
	     "statfs(/proc) says PROC_SUPER_MAGIC");

	n = slurp("/proc/uptime");
	long up = rt_atol(buf);
	char *dot = strchr(buf, '.');
	T_OK(n > 0 && dot && dot[3] == ' ' && up >= 0 && up <= si.uptime + 1 && up >= si.uptime - 1,
	     "uptime is \"S.CC I.CC\" and agrees with sysinfo (%ld s)", up);
	n = slurp("/proc/loadavg");
	T_OK(n > 0 && buf[1] == '.' && strchr(buf, '/') != NULL,
	     "loadavg has Linux's shape (%.30s)", buf);
	n = slurp("/proc/stat");
	T_OK(n > 0 && !strncmp(buf, "cpu  ", 5) && strstr_(buf, "\ncpu0 ") &&
	         field("btime") > 1500000000 && field("procs_running") >= 1,
	     "stat has the cpu lines, btime and procs_running");
	n = slurp("/proc/version");
	T_OK(n > 0 && !strncmp(buf, "Cairn version ", 14), "version starts \"Cairn version\"");
	n = slurp("/proc/filesystems");
	T_OK(n > 0 && strstr_(buf, "nodev\ttmpfs\n") && strstr_(buf, "nodev\tproc\n") &&
	         strstr_(buf, "nodev\tdevtmpfs\n") && strstr_(buf, "nodev\tramfs\n"),
	     "filesystems lists ramfs, tmpfs, proc and devtmpfs as nodev");
	bool shape = true;
	for (char *line = buf; *line;) {
		char *tab = strchr(line, '\t'), *nl = strchr(line, '\n');
		shape &= tab && nl && tab < nl && (tab == line || !strncmp(line, "nodev\t", 6));
		if (!nl)
			break;
		line = nl + 1;
	}
	T_OK(shape, "each of its lines is \"nodev\tNAME\" or \"\tNAME\"");
	n = slurp("/proc/partitions");
	T_OK(n > 0 && !strncmp(buf, "major minor  #blocks  name\n\n", 28) &&
	         strstr_(buf, " sda\n") && strstr_(buf, "   8        2 ") &&
	         strstr_(buf, " sda2\n"),
	     "partitions lists sda and sda2 (8,2)");
	n = slurp("/proc/cpuinfo");
	T_OK(n > 0 && !strncmp(buf, "processor\t: 0\n", 14) && strstr_(buf, "\nflags\t\t: ") &&
	         strstr_(buf, " lm") && strstr_(buf, "model name\t: "),
	     "cpuinfo describes processor 0 with its flags");
	T_OK(sys_open("/proc/meminfo", O_WRONLY, 0) == -EACCES,
	     "the files cannot be opened for writing");
	T_OK(sys_open("/proc/nosuch", O_RDONLY, 0) == -ENOENT &&
	         sys_open("/proc/99999/stat", O_RDONLY, 0) == -ENOENT,
	     "unknown names and PIDs are ENOENT");
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--sleep")) {
		char c;
		return (int)sys_read(0, &c, 1); /* until the parent closes the pipe: 0 */
	}
	t_set_prog("procfs");
	test_self();
	test_child();
	test_system();
	return t_done();
}
