/*
 * Stop and continue: SIGSTOP/SIGTSTP stop a process (SIGTSTP not in an
 * orphaned group), SIGCONT resumes it, SIGKILL ends a stopped one; wait4 with
 * WUNTRACED/WCONTINUED and waitid with WSTOPPED/WCONTINUED report it with
 * Linux's status words; SIGCHLD comes for stops unless SA_NOCLDSTOP; default
 * actions (core flag, ignore); a group orphaned with a stopped member gets
 * SIGHUP and SIGCONT.
 */
#include "rt.h"

__asm__(".text\n.globl restore_rt\nrestore_rt:\n\tmov $15, %eax\n\tsyscall\n\thlt\n");
void restore_rt(void);

#define setpgid(p, g) syscall2(SYS_setpgid, (p), (g))
#define setsid() syscall0(SYS_setsid)
#define waitid(t, i, info, o) syscall5(SYS_waitid, (t), (i), (long)(info), (o), 0)

static volatile int chld_hits;

static void on_chld(int sig)
{
	(void)sig;
	chld_hits++;
}

static void on_hup(int sig)
{
	(void)sig;
	sys_write(3, "H", 1);
	sys_exit(0);
}

static long set_handler(int sig, void *fn, unsigned long flags)
{
	struct k_sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags | SA_RESTORER;
	sa.sa_restorer = (void *)restore_rt;
	return sys_rt_sigaction(sig, &sa, NULL);
}

static volatile unsigned long *counter; /* shared with the children */

/* A child that counts in shared memory until killed. */
static long spawn_counter(bool own_group)
{
	long pid = sys_fork();
	if (pid == 0) {
		if (own_group)
			setpgid(0, 0);
		for (;;) {
			(*counter)++;
			rt_sleep_ms(2);
		}
	}
	if (own_group)
		setpgid(pid, pid);
	unsigned long c0 = *counter;
	while (*counter == c0)
		rt_sleep_ms(2);
	return pid;
}

/* True when the counter does not move for ms milliseconds. */
static bool frozen(int ms)
{
	unsigned long c0 = *counter;
	rt_sleep_ms(ms);
	return *counter == c0;
}

static int core_child(void *arg)
{
	sys_kill((int)sys_getpid(), (int)(long)arg);
	return 42;
}

/* Makes an orphaned group with a stopped member, which must get SIGHUP then SIGCONT. */
static int orphan_child(void *arg)
{
	int fd = (int)(long)arg;
	setsid(); /* init's session is another: our groups have no link through init */
	long a = sys_fork();
	if (a == 0) {
		setpgid(0, 0);
		long b = sys_fork();
		if (b == 0) {
			sys_dup2(fd, 3);
			set_handler(SIGHUP, (void *)on_hup, 0);
			sys_kill((int)sys_getpid(), SIGSTOP);
			sys_exit(5); /* continued without SIGHUP */
		}
		int st;
		sys_wait4(b, &st, WUNTRACED, NULL);
		sys_exit(WIFSTOPPED(st) ? 0 : 1); /* the group becomes orphaned */
	}
	int st;
	sys_wait4(a, &st, 0, NULL);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 9;
}

int main(void)
{
	counter = (void *)sys_mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
				   -1, 0);
	set_handler(SIGCHLD, (void *)on_chld, SA_RESTART);

	long pid = spawn_counter(false);
	chld_hits = 0;
	int st = 0;
	T_OK(sys_kill(pid, SIGSTOP) == 0, "kill(SIGSTOP)");
	long r = sys_wait4(pid, &st, WUNTRACED, NULL);
	T_OK(r == pid && WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP && st == 0x137f,
	     "wait4(WUNTRACED) reports the stop: status %#x", st);
	T_OK(chld_hits == 1, "the stop sent SIGCHLD to the parent (%d)", chld_hits);
	T_OK(frozen(100), "a stopped process does not run");
	T_OK(sys_wait4(pid, &st, WUNTRACED | WNOHANG, NULL) == 0,
	     "a stop is reported once");
	T_OK(sys_kill(pid, SIGCONT) == 0, "kill(SIGCONT)");
	r = sys_wait4(pid, &st, WCONTINUED, NULL);
	T_OK(r == pid && st == 0xffff,
	     "wait4(WCONTINUED) reports the continue: status %#x", st);
	T_OK(!frozen(100), "a continued process runs again");
	T_OK(chld_hits == 2, "the continue sent SIGCHLD too (%d)", chld_hits);

	struct siginfo si;
	memset(&si, 0, sizeof(si));
	sys_kill(pid, SIGSTOP);
	r = waitid(P_PID, pid, &si, WSTOPPED);
	T_OK(r == 0 && si.si_signo == SIGCHLD &&
		 si.si_code == CLD_STOPPED && si.si_status == SIGSTOP && si.si_pid == pid,
	     "waitid(WSTOPPED): CLD_STOPPED with si_status SIGSTOP (code %d status %d)",
	     si.si_code, si.si_status);
	sys_kill(pid, SIGCONT);
	memset(&si, 0, sizeof(si));
	r = waitid(P_PID, pid, &si, WCONTINUED);
	T_OK(r == 0 && si.si_code == CLD_CONTINUED &&
		 si.si_status == SIGCONT,
	     "waitid(WCONTINUED): CLD_CONTINUED (code %d status %d)", si.si_code, si.si_status);

	/* SA_NOCLDSTOP: no SIGCHLD for stops. */
	set_handler(SIGCHLD, (void *)on_chld, SA_RESTART | SA_NOCLDSTOP);
	chld_hits = 0;
	sys_kill(pid, SIGSTOP);
	sys_wait4(pid, &st, WUNTRACED, NULL);
	T_OK(WIFSTOPPED(st) && chld_hits == 0, "with SA_NOCLDSTOP a stop sends no SIGCHLD (%d)",
	     chld_hits);
	r = sys_kill(pid, SIGKILL) == 0 ? sys_wait4(pid, &st, 0, NULL) : -1;
	T_OK(r == pid && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL,
	     "SIGKILL ends a stopped process (%#x)", st);
	set_handler(SIGCHLD, (void *)on_chld, SA_RESTART);

	/* SIGTSTP stops a process in a group with a parent outside it... */
	pid = spawn_counter(true);
	sys_kill(pid, SIGTSTP);
	r = sys_wait4(pid, &st, WUNTRACED, NULL);
	T_OK(r == pid && WIFSTOPPED(st) && WSTOPSIG(st) == SIGTSTP,
	     "SIGTSTP stops a process in a non-orphaned group (%#x)", st);
	sys_kill(pid, SIGKILL);
	sys_wait4(pid, &st, 0, NULL);

	/* ...but not in an orphaned group (its own session). */
	pid = sys_fork();
	if (pid == 0) {
		setsid();
		for (;;) {
			(*counter)++;
			rt_sleep_ms(2);
		}
	}
	rt_sleep_ms(50);
	sys_kill(pid, SIGTSTP);
	T_OK(!frozen(150) && sys_wait4(pid, &st, WUNTRACED | WNOHANG, NULL) == 0,
	     "SIGTSTP does not stop a process in an orphaned group");
	sys_kill(pid, SIGSTOP);
	r = sys_wait4(pid, &st, WUNTRACED, NULL);
	T_OK(r == pid && WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP,
	     "SIGSTOP does (%#x)", st);
	sys_kill(pid, SIGKILL);
	sys_wait4(pid, &st, 0, NULL);

	/* Default actions. */
	st = rt_run_child(core_child, (void *)(long)SIGQUIT);
	T_OK(WIFSIGNALED(st) && WTERMSIG(st) == SIGQUIT && WCOREDUMP(st),
	     "SIGQUIT terminates with the core flag (%#x)", st);
	st = rt_run_child(core_child, (void *)(long)SIGTERM);
	T_OK(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM && !WCOREDUMP(st),
	     "SIGTERM terminates without it (%#x)", st);
	st = rt_run_child(core_child, (void *)(long)SIGURG);
	T_OK(WIFEXITED(st) && WEXITSTATUS(st) == 42, "SIGURG is ignored by default (%#x)", st);
	st = rt_run_child(core_child, (void *)(long)SIGCONT);
	T_OK(WIFEXITED(st) && WEXITSTATUS(st) == 42, "SIGCONT is ignored by default (%#x)", st);
	st = rt_run_child(core_child, (void *)(long)(SIGRTMIN + 2));
	T_OK(WIFSIGNALED(st) && WTERMSIG(st) == SIGRTMIN + 2,
	     "a real-time signal terminates by default (%#x)", st);

	/* An orphaned group with a stopped member gets SIGHUP (then SIGCONT). */
	int fds[2];
	sys_pipe2(fds, O_NONBLOCK);
	st = rt_run_child(orphan_child, (void *)(long)fds[1]);
	T_OK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "orphan setup ran (%#x)", st);
	char c = 0;
	long n = -EAGAIN;
	for (int i = 0; i < 200 && n == -EAGAIN; i++) {
		n = sys_read(fds[0], &c, 1);
		if (n == -EAGAIN)
			rt_sleep_ms(10);
	}
	T_OK(n == 1 && c == 'H', "the stopped member of the newly orphaned group got SIGHUP (%ld)",
	     n);
	return t_done();
}
