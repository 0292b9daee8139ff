/*
 * Timers: alarm, setitimer/getitimer (ITIMER_REAL with an interval,
 * ITIMER_VIRTUAL and ITIMER_PROF on CPU time) and POSIX timers
 * (SIGEV_SIGNAL with SI_TIMER/si_timerid/si_value, overruns while the signal
 * is queued, SIGEV_NONE, TIMER_ABSTIME on CLOCK_REALTIME, timer_delete).
 */
#include "rt.h"

__asm__(".text\n.globl restore_rt\nrestore_rt:\n\tmov $15, %eax\n\tsyscall\n\thlt\n");
void restore_rt(void);

#define MASK(s) (1ULL << ((s)-1))
#define sigtimedwait(set, info, ts) syscall4(SYS_rt_sigtimedwait, (long)(set), (long)(info), (long)(ts), 8)
#define setitimer(w, n, o) syscall3(SYS_setitimer, (w), (long)(n), (long)(o))
#define getitimer(w, v) syscall2(SYS_getitimer, (w), (long)(v))

static volatile int alrm, vt, prof;

static void on_sig(int sig)
{
	if (sig == SIGALRM)
		alrm++;
	else if (sig == SIGVTALRM)
		vt++;
	else if (sig == SIGPROF)
		prof++;
}

static long set_handler(int sig, void *fn)
{
	struct k_sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = SA_RESTORER | SA_RESTART;
	sa.sa_restorer = (void *)restore_rt;
	return sys_rt_sigaction(sig, &sa, NULL);
}

static void mask(int how, uint64_t m)
{
	syscall4(SYS_rt_sigprocmask, how, (long)&m, 0, 8);
}

static long ms_since(int64_t t0)
{
	return (long)((rt_now_ns() - t0) / 1000000);
}

int main(void)
{
	set_handler(SIGALRM, (void *)on_sig);
	set_handler(SIGVTALRM, (void *)on_sig);
	set_handler(SIGPROF, (void *)on_sig);

	T_OK(syscall1(SYS_alarm, 5) == 0, "alarm(5) with none set returns 0");
	T_OK(syscall1(SYS_alarm, 0) == 5, "alarm(0) cancels it and returns the 5 s left");

	/* A one-shot ITIMER_REAL wakes pause. */
	struct itimerval it = { { 0, 0 }, { 0, 100000 } }, cur;
	int64_t t0 = rt_now_ns();
	alrm = 0;
	T_OK(setitimer(ITIMER_REAL, &it, NULL) == 0, "setitimer(ITIMER_REAL, 100 ms)");
	T_OK(getitimer(ITIMER_REAL, &cur) == 0 && cur.it_value.tv_sec == 0 &&
		 cur.it_value.tv_usec > 0 && cur.it_value.tv_usec <= 100000,
	     "getitimer shows the time left (%ld us)", (long)cur.it_value.tv_usec);
	long r = syscall0(SYS_pause);
	long ms = ms_since(t0);
	T_OK(r == -EINTR && alrm == 1 && ms >= 90 && ms < 3000, "SIGALRM after about 100 ms (%ld ms)",
	     ms);

	/* With an interval it keeps firing until disarmed. */
	it = (struct itimerval){ { 0, 30000 }, { 0, 30000 } };
	alrm = 0;
	setitimer(ITIMER_REAL, &it, NULL);
	t0 = rt_now_ns();
	while (alrm < 3 && ms_since(t0) < 3000)
		syscall0(SYS_pause);
	struct itimerval zero = { { 0, 0 }, { 0, 0 } }, old;
	setitimer(ITIMER_REAL, &zero, &old);
	T_OK(alrm == 3 && old.it_interval.tv_usec == 30000,
	     "an interval ITIMER_REAL fires repeatedly (%d in %ld ms)", alrm, ms_since(t0));
	int seen = alrm;
	rt_sleep_ms(100);
	T_OK(alrm == seen, "disarmed, it fires no more");

	/* CPU-time timers fire while we spin. */
	it = (struct itimerval){ { 0, 0 }, { 0, 50000 } };
	setitimer(ITIMER_PROF, &it, NULL);
	setitimer(ITIMER_VIRTUAL, &it, NULL);
	t0 = rt_now_ns();
	while ((!prof || !vt) && ms_since(t0) < 5000)
		;
	T_OK(prof == 1 && vt == 1, "ITIMER_PROF and ITIMER_VIRTUAL fire after 50 ms of CPU (%ld ms)",
	     ms_since(t0));
	T_OK(setitimer(3, &it, NULL) == -EINVAL, "setitimer of an unknown timer is EINVAL");

	/* POSIX timers. */
	int rtsig = SIGRTMIN + 3;
	mask(SIG_BLOCK, MASK(rtsig));
	struct k_sigevent ev;
	memset(&ev, 0, sizeof(ev));
	ev.sigev_notify = SIGEV_SIGNAL;
	ev.sigev_signo = rtsig;
	ev.sigev_value.sival_int = 42;
	int id = -1;
	T_OK(syscall3(SYS_timer_create, CLOCK_MONOTONIC, (long)&ev, (long)&id) == 0 && id >= 0,
	     "timer_create(CLOCK_MONOTONIC, SIGEV_SIGNAL) gives id %d", id);
	struct itimerspec its = { { 0, 0 }, { 0, 50000000 } };
	T_OK(syscall4(SYS_timer_settime, id, 0, (long)&its, 0) == 0, "timer_settime(50 ms)");
	struct siginfo si;
	uint64_t set = MASK(rtsig);
	struct timespec ts = { 3, 0 };
	r = sigtimedwait(&set, &si, &ts);
	T_OK(r == rtsig && si.si_code == SI_TIMER && si.si_timerid == id &&
		 si.si_value.sival_int == 42 && si.si_overrun == 0,
	     "its signal carries SI_TIMER, si_timerid and si_value (code %d value %d)", si.si_code,
	     si.si_value.sival_int);

	its = (struct itimerspec){ { 0, 20000000 }, { 0, 20000000 } };
	syscall4(SYS_timer_settime, id, 0, (long)&its, 0);
	rt_sleep_ms(250);
	r = sigtimedwait(&set, &si, &ts);
	long over = syscall1(SYS_timer_getoverrun, id);
	T_OK(r == rtsig && over >= 3 && si.si_overrun == over,
	     "expirations while its signal was queued count as overruns (%ld)", over);
	struct itimerspec gt;
	T_OK(syscall2(SYS_timer_gettime, id, (long)&gt) == 0 && gt.it_interval.tv_nsec == 20000000,
	     "timer_gettime shows the interval");
	T_OK(syscall1(SYS_timer_delete, id) == 0, "timer_delete");
	T_OK(syscall4(SYS_timer_settime, id, 0, (long)&its, 0) == -EINVAL &&
		 syscall1(SYS_timer_delete, id) == -EINVAL,
	     "a deleted timer is EINVAL");
	ts = (struct timespec){ 0, 0 };
	while (sigtimedwait(&set, &si, &ts) > 0)
		;

	/* SIGEV_NONE: no signal, but the time runs down. */
	ev.sigev_notify = SIGEV_NONE;
	syscall3(SYS_timer_create, CLOCK_MONOTONIC, (long)&ev, (long)&id);
	its = (struct itimerspec){ { 0, 0 }, { 1, 0 } };
	syscall4(SYS_timer_settime, id, 0, (long)&its, 0);
	rt_sleep_ms(100);
	syscall2(SYS_timer_gettime, id, (long)&gt);
	T_OK(gt.it_value.tv_sec == 0 && gt.it_value.tv_nsec > 0 && gt.it_value.tv_nsec < 950000000,
	     "a SIGEV_NONE timer counts down (%ld ns left)", gt.it_value.tv_nsec);
	syscall1(SYS_timer_delete, id);

	/* TIMER_ABSTIME on CLOCK_REALTIME. */
	ev.sigev_notify = SIGEV_SIGNAL;
	syscall3(SYS_timer_create, CLOCK_REALTIME, (long)&ev, (long)&id);
	struct timespec now;
	sys_clock_gettime(CLOCK_REALTIME, &now);
	now.tv_nsec += 100000000;
	if (now.tv_nsec >= 1000000000) {
		now.tv_sec++;
		now.tv_nsec -= 1000000000;
	}
	its = (struct itimerspec){ { 0, 0 }, now };
	t0 = rt_now_ns();
	syscall4(SYS_timer_settime, id, TIMER_ABSTIME, (long)&its, 0);
	ts = (struct timespec){ 3, 0 };
	r = sigtimedwait(&set, &si, &ts);
	ms = ms_since(t0);
	T_OK(r == rtsig && ms >= 50 && ms < 2000, "an absolute CLOCK_REALTIME time fires (%ld ms)",
	     ms);
	syscall1(SYS_timer_delete, id);
	T_OK(syscall3(SYS_timer_create, CLOCK_PROCESS_CPUTIME_ID, (long)&ev, (long)&id) == -EINVAL,
	     "timer_create on an unsupported clock is EINVAL");
	mask(SIG_UNBLOCK, MASK(rtsig));
	return t_done();
}
