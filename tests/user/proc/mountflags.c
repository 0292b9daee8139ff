/*
 * MS_NOEXEC, MS_NODEV and MS_NOSUID on tmpfs mounts: exec from a noexec
 * mount is EACCES (and works again after a remount without it), a device
 * node on a nodev mount cannot be opened (EACCES; FIFOs still open), a
 * set-user-ID program on a nosuid mount runs with the caller's euid, and
 * /proc/mounts shows the options. The program copies itself to the mounts
 * and runs the copies with "exit-euid", which exits with its euid.
 */
#include "rt.h"

#define BASE "/tmp/mf"
#define USER 1050 /* exits with euid & 0xff: below 100, unlike exec failures */
#define OWNER 77

static long do_mount(const char *dir, unsigned long flags)
{
	return syscall5(SYS_mount, (long)"tmpfs", (long)dir, (long)"tmpfs", (long)flags, 0);
}

static bool copy_file(const char *from, const char *to, unsigned mode)
{
	long in = sys_open(from, O_RDONLY, 0);
	long out = sys_open(to, O_CREAT | O_WRONLY | O_TRUNC, 0755);
	static char buf[4096];
	long n = 0, total = 0;
	while (in >= 0 && out >= 0 && (n = sys_read((int)in, buf, sizeof(buf))) > 0)
		total += sys_write((int)out, buf, n) == n ? n : 0;
	sys_close((int)in);
	sys_close((int)out);
	return in >= 0 && out >= 0 && n == 0 && total > 0 &&
	       syscall2(SYS_chmod, (long)to, mode) == 0;
}

/*
 * Runs path "exit-euid" in a child, as uid if uid >= 0. Returns its exit
 * code, or 1000 + the errno execve failed with.
 */
static long run(const char *path, long uid)
{
	long pid = sys_fork();
	if (pid == 0) {
		if (uid >= 0)
			syscall3(SYS_setresuid, uid, uid, uid);
		char *argv[] = {(char *)path, "exit-euid", NULL};
		long r = sys_execve(path, argv, argv + 2);
		syscall1(SYS_exit_group, 100 + (-r & 0xff));
	}
	int status = -1;
	sys_wait4((int)pid, &status, 0, NULL);
	int code = (status >> 8) & 0xff;
	return code >= 100 ? 1000 + code - 100 : code;
}

static void test_noexec(void)
{
	T_OK(syscall2(SYS_mkdir, (long)BASE "/x", 0755) == 0 && do_mount(BASE "/x", MS_NOEXEC) == 0,
	     "mount a tmpfs with MS_NOEXEC");
	T_OK(copy_file("/bin/test-mountflags", BASE "/x/prog", 0755), "a program on it");
	long r = run(BASE "/x/prog", -1);
	T_OK(r == 1000 + EACCES, "exec from a noexec mount is EACCES (%ld)", r);
	T_OK(syscall5(SYS_mount, 0, (long)BASE "/x", 0, MS_REMOUNT, 0) == 0,
	     "remount without MS_NOEXEC");
	r = run(BASE "/x/prog", -1);
	T_OK(r == 0, "now it runs (exit %ld, the euid)", r);
}

static void test_nodev(void)
{
	T_OK(syscall2(SYS_mkdir, (long)BASE "/d", 0755) == 0 && do_mount(BASE "/d", MS_NODEV) == 0,
	     "mount a tmpfs with MS_NODEV");
	T_OK(syscall3(SYS_mknod, (long)BASE "/d/null", S_IFCHR | 0666, (1 << 8) | 3) == 0 &&
		     syscall3(SYS_mknod, (long)BASE "/d/fifo", S_IFIFO | 0666, 0) == 0,
	     "a device node and a FIFO on it");
	T_OK(sys_open(BASE "/d/null", O_WRONLY, 0) == -EACCES,
	     "opening the device node is EACCES");
	long fd = sys_open(BASE "/d/fifo", O_RDONLY | O_NONBLOCK, 0);
	T_OK(fd >= 0, "the FIFO opens (%ld)", fd);
	sys_close((int)fd);
	T_OK(syscall5(SYS_mount, 0, (long)BASE "/d", 0, MS_REMOUNT, 0) == 0,
	     "remount without MS_NODEV");
	fd = sys_open(BASE "/d/null", O_WRONLY, 0);
	T_OK(fd >= 0 && sys_write((int)fd, "x", 1) == 1, "now the device node works as /dev/null");
	sys_close((int)fd);
}

static void test_nosuid(void)
{
	T_OK(syscall2(SYS_mkdir, (long)BASE "/s", 0755) == 0 && do_mount(BASE "/s", MS_NOSUID) == 0,
	     "mount a tmpfs with MS_NOSUID");
	T_OK(copy_file("/bin/test-mountflags", BASE "/s/prog", 0755) &&
		     syscall3(SYS_chown, (long)BASE "/s/prog", OWNER, 0) == 0 &&
		     syscall2(SYS_chmod, (long)BASE "/s/prog", 04755) == 0,
	     "a set-user-ID program owned by uid %d on it", OWNER);
	long r = run(BASE "/s/prog", USER);
	T_OK(r == (USER & 0xff), "on nosuid it runs with the caller's euid (exit %ld)", r);
	T_OK(syscall5(SYS_mount, 0, (long)BASE "/s", 0, MS_REMOUNT, 0) == 0,
	     "remount without MS_NOSUID");
	r = run(BASE "/s/prog", USER);
	T_OK(r == OWNER, "now it runs with the owner's euid (exit %ld)", r);
}

static void test_proc_mounts(void)
{
	T_OK(syscall2(SYS_mkdir, (long)BASE "/all", 0755) == 0 &&
		     do_mount(BASE "/all", MS_NOSUID | MS_NODEV | MS_NOEXEC) == 0,
	     "mount with all three");
	static char buf[4096];
	long fd = sys_open("/proc/mounts", O_RDONLY, 0);
	long n = fd >= 0 ? sys_read((int)fd, buf, sizeof(buf) - 1) : -1;
	sys_close((int)fd);
	buf[n > 0 ? n : 0] = '\0';
	const char *want = "tmpfs " BASE "/all tmpfs rw,nosuid,nodev,noexec 0 0\n";
	bool found = false;
	for (char *p = buf; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
		if (!strncmp(p, want, strlen(want)))
			found = true;
	T_OK(found, "/proc/mounts shows rw,nosuid,nodev,noexec");
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "exit-euid"))
		return (int)(syscall0(SYS_geteuid) & 0xff);
	t_set_prog("mountflags");
	T_OK(syscall2(SYS_mkdir, (long)BASE, 0755) == 0, "mkdir " BASE);
	test_noexec();
	test_nodev();
	test_nosuid();
	test_proc_mounts();
	static const char *const dirs[] = {BASE "/x", BASE "/d", BASE "/s", BASE "/all"};
	long bad = 0;
	for (size_t i = 0; i < ARRAY_SIZE(dirs); i++)
		bad += syscall2(SYS_umount2, (long)dirs[i], 0) != 0;
	T_OK(bad == 0, "umount all four");
	return t_done();
}
