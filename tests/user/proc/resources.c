/*
 * Identity and resources: uname(2) says Cairn on x86_64; getrlimit(2),
 * setrlimit(2) and prlimit64(2) read and change limits (RLIMIT_NOFILE is
 * enforced by open and inherited by fork); getrandom(2) fills buffers;
 * sysinfo(2) describes the machine; set_tid_address(2) returns the tid.
 */
#include "rt.h"

#include <uapi/random.h>

/* True if the 65-byte utsname field has a NUL. */
static bool terminated_field(const char *f)
{
	for (int i = 0; i <= __NEW_UTS_LEN; i++) {
		if (!f[i])
			return true;
	}
	return false;
}

static void test_uname(void)
{
	struct utsname u;
	memset(&u, 0x7f, sizeof(u));
	long r = sys_uname(&u);
	T_OK(r == 0, "uname() (%ld)", r);
	T_OK(!strcmp(u.sysname, "Cairn"), "sysname is Cairn (%s)", u.sysname);
	T_OK(!strcmp(u.machine, "x86_64"), "machine is x86_64 (%s)", u.machine);
	T_OK(!strcmp(u.nodename, "cairn"), "the default nodename is cairn (%s)", u.nodename);
	bool terminated = true;
	const char *fields[] = {u.sysname, u.nodename, u.release,
	                        u.version, u.machine,  u.domainname};
	for (size_t i = 0; i < ARRAY_SIZE(fields); i++)
		terminated &= terminated_field(fields[i]);
	T_OK(terminated && u.release[0] && u.version[0],
	     "every field is NUL-terminated; release \"%s\", version \"%s\"", u.release, u.version);
	T_OK(sys_uname(NULL) == -EFAULT, "uname(NULL) gives -EFAULT");
}

static int child_nofile(void *arg)
{
	struct rlimit rl;
	sys_getrlimit(RLIMIT_NOFILE, &rl);
	return rl.rlim_cur == (uint64_t)(long)arg ? 0 : 1;
}

static void test_rlimits(void)
{
	struct rlimit rl, old, got;
	long r = sys_getrlimit(RLIMIT_NOFILE, &rl);
	T_OK(r == 0 && rl.rlim_cur > 0 && rl.rlim_cur <= rl.rlim_max,
	     "getrlimit(RLIMIT_NOFILE): cur %llu, max %llu", (unsigned long long)rl.rlim_cur,
	     (unsigned long long)rl.rlim_max);
	r = sys_prlimit64(0, RLIMIT_NOFILE, NULL, &got);
	T_OK(r == 0 && got.rlim_cur == rl.rlim_cur && got.rlim_max == rl.rlim_max,
	     "prlimit64(0, RLIMIT_NOFILE, NULL, &old) agrees with getrlimit");
	r = sys_getrlimit(RLIMIT_STACK, &got);
	T_OK(r == 0 && (got.rlim_cur >= 128 * 1024 || got.rlim_cur == RLIM_INFINITY),
	     "RLIMIT_STACK is at least 128 KiB (%llu)", (unsigned long long)got.rlim_cur);

	struct rlimit low = {10, rl.rlim_max};
	r = sys_setrlimit(RLIMIT_NOFILE, &low);
	sys_getrlimit(RLIMIT_NOFILE, &got);
	T_OK(r == 0 && got.rlim_cur == 10 && got.rlim_max == rl.rlim_max,
	     "setrlimit lowers RLIMIT_NOFILE's soft limit to 10 (%ld, %llu)", r,
	     (unsigned long long)got.rlim_cur);
	int st = rt_run_child(child_nofile, (void *)10L);
	T_OK(st == 0, "a forked child inherits the limit (status %#x)", st);
	long fd = 0, highest = -1;
	for (int opened = 0; opened < 100; opened++) {
		fd = sys_open("/dev/null", O_RDONLY, 0);
		if (fd < 0)
			break;
		highest = fd;
	}
	T_OK(fd == -EMFILE && highest == 9,
	     "open stops at the limit with -EMFILE (%ld, highest fd %ld)", fd, highest);
	for (long i = 3; i <= highest; i++)
		sys_close((int)i);

	struct rlimit too_high = {rl.rlim_max == RLIM_INFINITY ? 10 : rl.rlim_max + 1, 5};
	r = sys_setrlimit(RLIMIT_NOFILE, &too_high);
	T_OK(r == -EINVAL, "a soft limit above the hard limit gives -EINVAL (%ld)", r);
	r = sys_prlimit64(0, RLIMIT_NOFILE, &rl, &old);
	T_OK(r == 0 && old.rlim_cur == 10,
	     "prlimit64 sets a limit and returns the old one (%ld, %llu)", r,
	     (unsigned long long)old.rlim_cur);
	sys_getrlimit(RLIMIT_NOFILE, &got);
	T_OK(got.rlim_cur == rl.rlim_cur, "the limit is back (%llu)",
	     (unsigned long long)got.rlim_cur);
	r = sys_getrlimit(RLIM_NLIMITS, &got);
	T_OK(r == -EINVAL, "an unknown resource gives -EINVAL (%ld)", r);
	r = sys_getrlimit(RLIMIT_NOFILE, NULL);
	T_OK(r == -EFAULT, "getrlimit to NULL gives -EFAULT (%ld)", r);
	r = sys_prlimit64(999999, RLIMIT_NOFILE, NULL, &got);
	T_OK(r == -ESRCH, "prlimit64 of a pid that does not exist gives -ESRCH (%ld)", r);
}

static void test_getrandom(void)
{
	unsigned char a[64], b[64];
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	long r1 = sys_getrandom(a, sizeof(a), 0);
	long r2 = sys_getrandom(b, sizeof(b), GRND_NONBLOCK);
	T_OK(r1 == 64 && r2 == 64, "getrandom fills 64 bytes (%ld, %ld with GRND_NONBLOCK)", r1,
	     r2);
	int zeros = 0;
	for (int i = 0; i < 64; i++)
		zeros += a[i] == 0;
	T_OK(zeros < 8 && memcmp(a, b, sizeof(a)), "the bytes look random and two calls differ");
	T_OK(sys_getrandom(a, 0, 0) == 0, "getrandom of 0 bytes returns 0");
	long r = sys_getrandom(NULL, 16, 0);
	T_OK(r == -EFAULT, "getrandom to NULL gives -EFAULT (%ld)", r);
	r = sys_getrandom(a, 16, 0x100);
	T_OK(r == -EINVAL, "getrandom with an unknown flag gives -EINVAL (%ld)", r);
}

static void test_sysinfo(void)
{
	struct sysinfo si;
	memset(&si, 0, sizeof(si));
	long r = sys_sysinfo(&si);
	unsigned long unit = si.mem_unit ? si.mem_unit : 1;
	T_OK(r == 0, "sysinfo() (%ld)", r);
	T_OK(si.totalram * unit >= 16UL << 20 && si.freeram <= si.totalram,
	     "total memory %lu KiB, free %lu KiB", si.totalram * unit / 1024,
	     si.freeram * unit / 1024);
	T_OK(si.uptime >= 0 && si.procs >= 1, "uptime %ld s, %u processes", si.uptime, si.procs);
}

int main(void)
{
	test_uname();
	test_rlimits();
	test_getrandom();
	test_sysinfo();
	int tid_word = 0;
	long r = sys_set_tid_address(&tid_word);
	T_OK(r == sys_gettid(), "set_tid_address returns the caller's tid (%ld)", r);
	T_OK(sys_sched_yield() == 0, "sched_yield returns 0");
	return t_done();
}
