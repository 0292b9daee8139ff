/*
 * Queued signals and their siginfo: real-time signals queue one entry per
 * send and arrive in order with si_value, standard ones merge; si_code
 * (SI_USER, SI_TKILL, SI_QUEUE, CLD_EXITED), si_pid, si_uid, si_status;
 * rt_sigqueueinfo's EPERM rule; rt_sigpending, rt_sigsuspend, pause and
 * rt_sigtimedwait.
 */
#include "rt.h"

__asm__(".text\n.globl restore_rt\nrestore_rt:\n\tmov $15, %eax\n\tsyscall\n\thlt\n");
void restore_rt(void);

#define sigqueueinfo(p, s, i) syscall3(SYS_rt_sigqueueinfo, (p), (s), (long)(i))
#define tgsigqueueinfo(p, t, s, i) syscall4(SYS_rt_tgsigqueueinfo, (p), (t), (s), (long)(i))
#define sigtimedwait(set, info, ts) syscall4(SYS_rt_sigtimedwait, (long)(set), (long)(info), (long)(ts), 8)

#define MASK(s) (1ULL << ((s)-1))
#define RT1 (SIGRTMIN + 1)

static volatile int hits;
static struct siginfo seen[8];

static void on_info(int sig, struct siginfo *info, void *uc)
{
	(void)sig, (void)uc;
	if (hits < 8)
		seen[hits] = *info;
	hits++;
}

static long set_handler(int sig, void *fn, unsigned long flags)
{
	struct k_sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags | SA_RESTORER | SA_SIGINFO;
	sa.sa_restorer = (void *)restore_rt;
	return sys_rt_sigaction(sig, &sa, NULL);
}

static void mask(int how, uint64_t m)
{
	syscall4(SYS_rt_sigprocmask, how, (long)&m, 0, 8);
}

static uint64_t blocked_now(void)
{
	uint64_t m = 0;
	syscall4(SYS_rt_sigprocmask, SIG_BLOCK, 0, (long)&m, 8);
	return m;
}

static uint64_t pending_now(void)
{
	uint64_t m = 0;
	syscall2(SYS_rt_sigpending, (long)&m, 8);
	return m;
}

static long signal_later(int ms, int sig)
{
	long parent = sys_getpid();
	long pid = sys_fork();
	if (pid == 0) {
		rt_sleep_ms(ms);
		sys_kill((int)parent, sig);
		sys_exit(0);
	}
	return pid;
}

static void reap(long pid)
{
	int st;
	sys_wait4((int)pid, &st, 0, NULL);
}

static int perm_child(void *arg)
{
	long parent = (long)arg;
	struct siginfo si;
	memset(&si, 0, sizeof(si));
	si.si_code = SI_USER;
	if (sigqueueinfo(parent, RT1, &si) != -EPERM)
		return 1;
	si.si_code = SI_QUEUE;
	si.si_value.sival_int = 99;
	return sigqueueinfo(parent, RT1, &si) == 0 ? 0 : 2;
}

int main(void)
{
	long me = sys_getpid();
	set_handler(RT1, (void *)on_info, 0);
	set_handler(SIGUSR1, (void *)on_info, 0);
	set_handler(SIGCHLD, (void *)on_info, SA_RESTART);

	/* Three queued real-time signals arrive in order with their values. */
	mask(SIG_BLOCK, MASK(RT1));
	struct siginfo si;
	for (int i = 1; i <= 3; i++) {
		memset(&si, 0, sizeof(si));
		si.si_code = SI_QUEUE;
		si.si_pid = (int)me;
		si.si_value.sival_int = i * 10;
		sigqueueinfo(me, RT1, &si);
	}
	T_OK(pending_now() == MASK(RT1), "rt_sigpending shows the blocked real-time signal (%#lx)",
	     (unsigned long)pending_now());
	hits = 0;
	mask(SIG_UNBLOCK, MASK(RT1));
	T_OK(hits == 3 && seen[0].si_value.sival_int == 10 && seen[1].si_value.sival_int == 20 &&
		 seen[2].si_value.sival_int == 30 && seen[0].si_code == SI_QUEUE &&
		 seen[2].si_signo == RT1,
	     "three queued real-time signals run the handler three times, in order (%d)", hits);
	T_OK(pending_now() == 0, "nothing is pending afterwards");

	/* Standard signals merge; kill(2) fills si_pid/si_uid with SI_USER. */
	mask(SIG_BLOCK, MASK(SIGUSR1));
	sys_kill((int)me, SIGUSR1);
	sys_kill((int)me, SIGUSR1);
	hits = 0;
	mask(SIG_UNBLOCK, MASK(SIGUSR1));
	T_OK(hits == 1 && seen[0].si_code == SI_USER && seen[0].si_pid == me &&
		 seen[0].si_uid == 0,
	     "two blocked SIGUSR1 arrive once, SI_USER from our pid (%d, code %d, pid %d)", hits,
	     seen[0].si_code, seen[0].si_pid);
	hits = 0;
	syscall2(SYS_tkill, sys_gettid(), SIGUSR1);
	T_OK(hits == 1 && seen[0].si_code == SI_TKILL, "tkill gives SI_TKILL (%d)", seen[0].si_code);
	hits = 0;
	memset(&si, 0, sizeof(si));
	si.si_code = SI_QUEUE;
	si.si_value.sival_int = 5;
	T_OK(tgsigqueueinfo(me, sys_gettid(), SIGUSR1, &si) == 0 && hits == 1 &&
		 seen[0].si_value.sival_int == 5,
	     "rt_tgsigqueueinfo to our thread delivers its si_value");

	/* Another process may not pretend to be kill() or the kernel. */
	mask(SIG_BLOCK, MASK(RT1) | MASK(SIGCHLD));
	int st = rt_run_child(perm_child, (void *)me);
	T_OK(st == 0, "rt_sigqueueinfo with si_code >= 0 to another process is EPERM, SI_QUEUE "
		      "works (%#x)", st);
	hits = 0;
	struct siginfo got;
	memset(&got, 0, sizeof(got));
	uint64_t set = MASK(RT1);
	struct timespec ts = { 1, 0 };
	long r = sigtimedwait(&set, &got, &ts);
	T_OK(r == RT1 && got.si_value.sival_int == 99 && got.si_code == SI_QUEUE && hits == 0,
	     "rt_sigtimedwait takes the queued signal with its siginfo, no handler (%ld)", r);
	ts = (struct timespec){ 0, 100000000 };
	int64_t t0 = rt_now_ns();
	r = sigtimedwait(&set, &got, &ts);
	long ms = (long)((rt_now_ns() - t0) / 1000000);
	T_OK(r == -EAGAIN && ms >= 90, "rt_sigtimedwait times out with EAGAIN (%ld, %ld ms)", r, ms);
	/* SIGCHLD's siginfo: drain the queued ones, then take a fresh one with rt_sigtimedwait. */
	set = MASK(SIGCHLD);
	ts = (struct timespec){ 0, 0 };
	while (sigtimedwait(&set, &got, &ts) > 0)
		;
	long pid = sys_fork();
	if (pid == 0)
		sys_exit(7);
	ts = (struct timespec){ 5, 0 };
	r = sigtimedwait(&set, &got, &ts);
	T_OK(r == SIGCHLD && got.si_code == CLD_EXITED && got.si_status == 7 && got.si_pid == pid,
	     "SIGCHLD carries CLD_EXITED, the child's pid and status (code %d status %d)",
	     got.si_code, got.si_status);
	reap(pid);
	mask(SIG_UNBLOCK, MASK(RT1) | MASK(SIGCHLD));

	/* rt_sigsuspend and pause. */
	mask(SIG_BLOCK, MASK(SIGUSR1));
	hits = 0;
	pid = signal_later(50, SIGUSR1);
	uint64_t none = 0;
	r = syscall2(SYS_rt_sigsuspend, (long)&none, 8);
	T_OK(r == -EINTR && hits >= 1 && (blocked_now() & MASK(SIGUSR1)),
	     "rt_sigsuspend waits with its mask, returns EINTR after the handler, mask back (%ld)",
	     r);
	reap(pid);
	mask(SIG_UNBLOCK, MASK(SIGUSR1));
	hits = 0;
	pid = signal_later(50, SIGUSR1);
	r = syscall0(SYS_pause);
	T_OK(r == -EINTR && hits >= 1, "pause returns EINTR after a handler (%ld)", r);
	reap(pid);
	return t_done();
}
