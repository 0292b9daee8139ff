/*
 * Signal handlers: a handler runs on a signal frame and returns through
 * sa_restorer/rt_sigreturn to the interrupted code with its registers and
 * signal mask back; SA_SIGINFO passes siginfo (fault address and code for
 * SIGSEGV); the signal is blocked during its handler unless SA_NODEFER;
 * SA_RESETHAND falls back to the default; SA_RESTART restarts a read that a
 * signal interrupted, and without it the read fails with EINTR.
 */
#include "rt.h"

__asm__(".text\n.globl restore_rt\nrestore_rt:\n\tmov $15, %eax\n\tsyscall\n\thlt\n");
void restore_rt(void);

static volatile int hits, last_sig, blocked_inside;
static volatile uint64_t seen_addr;
static volatile int seen_code;

static long set_handler(int sig, void *fn, unsigned long flags)
{
	struct k_sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags | SA_RESTORER;
	sa.sa_restorer = (void *)restore_rt;
	return sys_rt_sigaction(sig, &sa, NULL);
}

static void on_usr1(int sig)
{
	uint64_t mask = 0;
	syscall4(SYS_rt_sigprocmask, SIG_BLOCK, 0, (long)&mask, 8);
	blocked_inside = (mask >> (SIGUSR1 - 1)) & 1;
	last_sig = sig;
	hits++;
}

static void on_info(int sig, struct siginfo *info, void *uc)
{
	(void)uc;
	last_sig = sig;
	seen_code = info ? info->si_code : -1;
	hits++;
}

static void on_segv(int sig, struct siginfo *info, void *uc)
{
	(void)uc;
	sys_exit(sig == SIGSEGV && info->si_addr == (void *)0x10 && info->si_code == 1 ? 33 : 34);
}

static int segv_child(void *arg)
{
	(void)arg;
	set_handler(SIGSEGV, (void *)on_segv, SA_SIGINFO);
	uintptr_t addr = 0x10;
	__asm__("" : "+r"(addr)); /* hide the constant from the bounds checker */
	*(volatile int *)addr = 1;
	return 0;
}

static int resethand_child(void *arg)
{
	(void)arg;
	hits = 0;
	set_handler(SIGUSR1, (void *)on_usr1, SA_RESETHAND);
	sys_kill((int)sys_getpid(), SIGUSR1);
	if (hits != 1)
		return 5;
	sys_kill((int)sys_getpid(), SIGUSR1); /* now the default: terminate */
	return 6;
}

static void on_alarmish(int sig)
{
	(void)sig;
	hits++;
}

/* A child reads a pipe; the parent signals it, then writes. */
static long interrupted_read(unsigned long flags)
{
	int p[2], q[2];
	sys_pipe2(p, 0);
	sys_pipe2(q, 0);
	long pid = sys_fork();
	if (pid == 0) {
		hits = 0;
		set_handler(SIGUSR2, (void *)on_alarmish, flags);
		sys_write(q[1], "r", 1); /* ready */
		char c = 0;
		long n = sys_read(p[0], &c, 1);
		sys_exit(n == 1 && c == 'd' && hits == 1 ? 0 : (n == -EINTR && hits == 1 ? 4 : 9));
	}
	char c;
	sys_read(q[0], &c, 1);
	rt_sleep_ms(50); /* let the child block in read */
	sys_kill((int)pid, SIGUSR2);
	rt_sleep_ms(50);
	sys_write(p[1], "d", 1);
	int status = 0;
	sys_wait4((int)pid, &status, 0, NULL);
	sys_close(p[0]), sys_close(p[1]), sys_close(q[0]), sys_close(q[1]);
	return status;
}

int main(void)
{
	t_set_prog("signals");
	T_OK(set_handler(SIGUSR1, (void *)on_usr1, 0) == 0, "rt_sigaction installs a handler");
	long keep = 0x1234567890abcdefL;
	long r = sys_kill((int)sys_getpid(), SIGUSR1);
	T_OK(r == 0 && hits == 1 && last_sig == SIGUSR1,
	     "kill(self) runs the handler before kill returns (%d hits)", hits);
	T_OK(keep == 0x1234567890abcdefL, "the interrupted code's state is intact");
	T_OK(blocked_inside == 1, "the signal is blocked while its handler runs");
	uint64_t mask = ~0ULL;
	syscall4(SYS_rt_sigprocmask, SIG_BLOCK, 0, (long)&mask, 8);
	T_OK(((mask >> (SIGUSR1 - 1)) & 1) == 0, "rt_sigreturn restores the signal mask");

	set_handler(SIGUSR1, (void *)on_usr1, SA_NODEFER);
	sys_kill((int)sys_getpid(), SIGUSR1);
	T_OK(hits == 2 && blocked_inside == 0, "SA_NODEFER leaves it unblocked in the handler");

	T_OK(set_handler(SIGUSR2, (void *)on_info, SA_SIGINFO) == 0 &&
		     sys_kill((int)sys_getpid(), SIGUSR2) == 0 && last_sig == SIGUSR2 &&
		     seen_code == 0,
	     "SA_SIGINFO passes siginfo (si_code %d = SI_USER)", seen_code);

	int st = rt_run_child(segv_child, NULL);
	T_OK(WIFEXITED(st) && WEXITSTATUS(st) == 33,
	     "a SIGSEGV handler gets si_addr and SEGV_MAPERR (%#x)", st);
	st = rt_run_child(resethand_child, NULL);
	T_OK(WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR1,
	     "SA_RESETHAND: the second signal takes the default action (%#x)", st);

	st = (int)interrupted_read(SA_RESTART);
	T_OK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "SA_RESTART restarts an interrupted read (%#x)",
	     st);
	st = (int)interrupted_read(0);
	T_OK(WIFEXITED(st) && WEXITSTATUS(st) == 4, "without SA_RESTART the read fails with EINTR (%#x)",
	     st);
	return t_done();
}
