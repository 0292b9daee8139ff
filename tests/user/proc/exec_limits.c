/*
 * The rest of the process issue's checklist: int 0x80 is refused (SIGSEGV),
 * "#!" scripts run through their interpreter with the right argv,
 * close-on-exec descriptors are closed by execve, waitid reports an exit,
 * the stack grows on demand up to RLIMIT_STACK, RLIMIT_AS stops a large
 * mapping, a process touching memory without bound dies alone (SIGBUS) and
 * the memory comes back, and a fork bomb meets an error, not a crash, after
 * which the system forks normally again.
 */
#include "rt.h"

#define SCRIPT "/tmp/exec_limits_script"

static int do_int80(void *arg)
{
	(void)arg;
	long r = 39; /* getpid through the 32-bit gate: must not be a system call */
	__asm__ volatile("int $0x80" : "+a"(r)::"memory");
	return 0;
}

/* Recurses through depth KiB of stack. */
static __attribute__((noinline)) int use_stack(int kib)
{
	volatile char buf[1024];
	buf[0] = (char)kib;
	if (kib <= 1)
		return buf[0];
	return use_stack(kib - 1) + buf[0];
}

static int stack_1mib(void *arg)
{
	(void)arg;
	use_stack(1024);
	return 7;
}

static int stack_over_limit(void *arg)
{
	(void)arg;
	struct rlimit rl = { 256 * 1024, 256 * 1024 };
	sys_setrlimit(RLIMIT_STACK, &rl);
	use_stack(2048);
	return 0;
}

static int as_limit(void *arg)
{
	(void)arg;
	struct rlimit rl = { 64UL << 20, 64UL << 20 };
	if (sys_setrlimit(RLIMIT_AS, &rl) != 0)
		return 1;
	long r = sys_mmap(0, 128UL << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (r != -ENOMEM)
		return 2;
	r = sys_mmap(0, 1UL << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return r < 0 ? 3 : 0;
}

/* Touches pages of a huge lazy mapping until the kernel runs out of memory. */
static int runaway(void *arg)
{
	(void)arg;
	size_t len = 64UL << 30;
	long r = sys_mmap(0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (r < 0)
		return 1;
	for (size_t off = 0; off < len; off += 4096)
		((volatile char *)r)[off] = 1;
	return 2; /* never reached on a machine with less than 64 GiB */
}

static unsigned long free_kib(void)
{
	struct sysinfo si;
	sys_sysinfo(&si);
	return si.freeram * si.mem_unit / 1024;
}

static void fork_bomb(void)
{
	int gate[2];
	T_OK(sys_pipe2(gate, 0) == 0, "fork bomb: a pipe to hold the children");
	unsigned long before = free_kib();
	long n = 0, err = 0;
	for (;;) {
		long pid = sys_fork();
		if (pid == 0) {
			char c;
			sys_close(gate[1]);
			sys_read(gate[0], &c, 1); /* returns at EOF, when the parent closes */
			sys_exit(0);
		}
		if (pid < 0) {
			err = pid;
			break;
		}
		if (++n >= 20000)
			break;
	}
	T_OK(err == -EAGAIN || err == -ENOMEM,
	     "fork bomb: after %ld children fork fails cleanly (%ld)", n, err);
	sys_close(gate[1]);
	sys_close(gate[0]);
	long reaped = 0;
	int status;
	while (sys_wait4(-1, &status, 0, NULL) > 0)
		reaped++;
	T_OK(reaped == n, "fork bomb: all %ld children exited and were reaped", reaped);
	int st = rt_run_child(stack_1mib, NULL);
	T_OK(WIFEXITED(st) && WEXITSTATUS(st) == 7, "fork bomb: forking works again afterwards");
	unsigned long after = free_kib();
	T_OK(after + 256 >= before, "fork bomb: memory came back (%lu KiB free before, %lu after)",
	     before, after);
}

static int script_child(char *self)
{
	(void)self;
	char *argv[] = { SCRIPT, "x", NULL };
	char *envp[] = { NULL };
	sys_execve(SCRIPT, argv, envp);
	return 99;
}

static int cloexec_child(void *arg)
{
	char **fds = arg;
	char *argv[] = { "/bin/test-exec_limits", "--fds", fds[0], fds[1], NULL };
	char *envp[] = { NULL };
	sys_execve(argv[0], argv, envp);
	return 99;
}

int main(int argc, char **argv)
{
	t_set_prog("exec_limits");
	/* Re-executed modes. */
	if (argc >= 2 && !strcmp(argv[1], "--script"))
		return argc == 4 && !strcmp(argv[2], SCRIPT) && !strcmp(argv[3], "x") ? 42 : 43;
	if (argc == 4 && !strcmp(argv[1], "--fds")) {
		char c;
		long closed = sys_read((int)rt_atol(argv[2]), &c, 1);
		long open_ = sys_read((int)rt_atol(argv[3]), &c, 1);
		return closed == -EBADF && open_ == 1 ? 0 : 1;
	}

	int st = rt_run_child(do_int80, NULL);
	T_OK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV, "int $0x80 is not a system call: SIGSEGV (%#x)",
	     st);

	long fd = sys_open(SCRIPT, O_CREAT | O_WRONLY | O_TRUNC, 0755);
	const char text[] = "#!/bin/test-exec_limits   --script  \nignored\n";
	T_OK(fd >= 0 && sys_write((int)fd, text, sizeof(text) - 1) == sizeof(text) - 1,
	     "write a #! script");
	sys_close((int)fd);
	st = rt_run_child((int (*)(void *))script_child, NULL);
	T_OK(WIFEXITED(st) && WEXITSTATUS(st) == 42,
	     "a #! script runs its interpreter with (interp, arg, script, args) (%#x)", st);

	long a = sys_open("/etc/testdata.bin", O_RDONLY | O_CLOEXEC, 0);
	long b = sys_open("/etc/testdata.bin", O_RDONLY, 0);
	char na[16], nb[16];
	tsnprintf(na, sizeof(na), "%ld", a);
	tsnprintf(nb, sizeof(nb), "%ld", b);
	char *fds[] = { na, nb };
	st = rt_run_child(cloexec_child, fds);
	T_OK(a >= 0 && b >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	     "execve closes O_CLOEXEC descriptors and keeps the others (%#x)", st);
	sys_close((int)a);
	sys_close((int)b);

	long pid = sys_fork();
	if (pid == 0)
		sys_exit(5);
	struct siginfo si;
	memset(&si, 0, sizeof(si));
	long r = syscall5(SYS_waitid, P_PID, pid, (long)&si, WEXITED, 0);
	T_OK(r == 0 && si.si_signo == SIGCHLD && si.si_pid == pid && si.si_code == CLD_EXITED &&
		     si.si_status == 5,
	     "waitid(P_PID, WEXITED) reports the exit (code %d status %d)", si.si_code,
	     si.si_status);

	st = rt_run_child(stack_1mib, NULL);
	T_OK(WIFEXITED(st) && WEXITSTATUS(st) == 7, "the stack grows to 1 MiB on demand (%#x)", st);
	st = rt_run_child(stack_over_limit, NULL);
	T_OK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV,
	     "growing past RLIMIT_STACK is SIGSEGV (%#x)", st);
	st = rt_run_child(as_limit, NULL);
	T_OK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "RLIMIT_AS refuses a larger mapping (%#x)", st);

	unsigned long before = free_kib();
	st = rt_run_child(runaway, NULL);
	unsigned long after = free_kib();
	T_OK(WIFSIGNALED(st) && WTERMSIG(st) == SIGBUS,
	     "a runaway allocation kills only its process, with SIGBUS (%#x)", st);
	T_OK(after + 256 >= before, "its memory comes back (%lu KiB free before, %lu after)",
	     before, after);

	fork_bomb();
	return t_done();
}
