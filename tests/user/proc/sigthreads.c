/*
 * Process-wide signals with threads: a signal sent to the process (kill) is
 * pending for the whole thread group and taken by a thread that does not
 * block it; when every thread blocks it, sigpending(2) shows it in each
 * thread, and the first thread to unblock it (or to wait for it with
 * sigtimedwait) gets it. tgkill stays with the thread it names.
 */
#include "rt.h"

__asm__(".text\n.globl restore_rt\nrestore_rt:\n\tmov $15, %eax\n\tsyscall\n\thlt\n");
void restore_rt(void);

#define STACK_SIZE (64 * 1024)
#define SIGMASK(sig) (1ULL << ((sig)-1))
#define THREAD_FLAGS                                                                               \
	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM |        \
	 CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

static volatile int step, b_tid, b_ack;
static volatile int usr1_tid, usr2_tid;
static volatile uint64_t b_pending;
static volatile long b_wait_ret;
static int tid_word;

static long sigmask(int how, uint64_t set)
{
	return syscall4(SYS_rt_sigprocmask, how, (long)&set, 0, 8);
}

static uint64_t pending(void)
{
	uint64_t set = 0;
	syscall2(SYS_rt_sigpending, (long)&set, 8);
	return set;
}

static void on_usr1(int sig)
{
	(void)sig;
	usr1_tid = (int)syscall0(SYS_gettid);
}

static void on_usr2(int sig)
{
	(void)sig;
	usr2_tid = (int)syscall0(SYS_gettid);
}

static void set_handler(int sig, void (*fn)(int))
{
	struct k_sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = (void *)fn;
	sa.sa_flags = SA_RESTORER;
	sa.sa_restorer = (void *)restore_rt;
	sys_rt_sigaction(sig, &sa, NULL);
}

/* Waits (3 s at most) until *v is nonzero. */
static bool await(volatile int *v)
{
	for (int i = 0; i < 600 && !*v; i++)
		rt_sleep_ms(5);
	return *v != 0;
}

/* The second thread: acts on each step the main thread sets, then acks it. */
static int second(void *arg)
{
	(void)arg;
	sigmask(SIG_BLOCK, SIGMASK(SIGUSR2));
	b_tid = (int)syscall0(SYS_gettid);
	int done = 0;
	while (step != 99) {
		if (step == done) {
			rt_sleep_ms(2);
			continue;
		}
		done = step;
		if (step == 2) {
			b_pending = pending();
			sigmask(SIG_UNBLOCK, SIGMASK(SIGUSR2)); /* the handler runs here */
			sigmask(SIG_BLOCK, SIGMASK(SIGUSR2));
		} else if (step == 3) {
			uint64_t set = SIGMASK(SIGUSR2);
			struct timespec ts = {.tv_sec = 3};
			b_ack = 3;
			b_wait_ret = syscall4(SYS_rt_sigtimedwait, (long)&set, 0, (long)&ts, 8);
		} else if (step == 4) {
			b_pending = pending();
		}
		b_ack = done;
	}
	return 0;
}

int main(void)
{
	set_handler(SIGUSR1, on_usr1);
	set_handler(SIGUSR2, on_usr2);
	int pid = (int)sys_getpid();
	long stack = sys_mmap(NULL, STACK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
	                      -1, 0);
	long tid = rt_clone(THREAD_FLAGS, (char *)stack + STACK_SIZE, &tid_word, &tid_word, 0,
	                    second, NULL);
	T_OK(tid > 0 && await(&b_tid), "a second thread runs (%ld)", tid);

	/* 1. The main thread blocks SIGUSR1: kill() reaches the other thread. */
	sigmask(SIG_BLOCK, SIGMASK(SIGUSR1) | SIGMASK(SIGUSR2));
	sys_kill(pid, SIGUSR1);
	T_OK(await(&usr1_tid) && usr1_tid == b_tid,
	     "kill: the thread that does not block the signal runs the handler (%d, %d)", usr1_tid,
	     b_tid);
	usr1_tid = 0;

	/* 2. Every thread blocks SIGUSR2: it waits for the process, seen by both. */
	sys_kill(pid, SIGUSR2);
	rt_sleep_ms(50);
	T_OK(usr2_tid == 0, "a signal every thread blocks stays pending");
	T_OK(pending() & SIGMASK(SIGUSR2), "sigpending in the main thread shows it");
	step = 2;
	T_OK(await(&b_ack) && (b_pending & SIGMASK(SIGUSR2)),
	     "sigpending in the other thread shows it too (%#lx)", (unsigned long)b_pending);
	T_OK(usr2_tid == b_tid, "the thread that unblocks it first runs the handler (%d)", usr2_tid);
	T_OK(!(pending() & SIGMASK(SIGUSR2)), "then it is no longer pending for the process");
	usr2_tid = 0;

	/* 3. sigtimedwait in one thread takes a process-wide signal. */
	b_ack = 0;
	step = 3;
	await(&b_ack);
	rt_sleep_ms(50);
	sys_kill(pid, SIGUSR2);
	for (int i = 0; i < 600 && b_wait_ret == 0; i++)
		rt_sleep_ms(5);
	T_OK(b_wait_ret == SIGUSR2 && usr2_tid == 0,
	     "sigtimedwait in the other thread takes the process's signal (%ld)", b_wait_ret);

	/* 4. tgkill stays with the thread it names. */
	syscall3(SYS_tgkill, pid, pid, SIGUSR1);
	b_ack = 0;
	step = 4;
	T_OK(await(&b_ack) && !(b_pending & SIGMASK(SIGUSR1)),
	     "tgkill to the main thread: not pending in the other thread (%#lx)",
	     (unsigned long)b_pending);
	T_OK(pending() & SIGMASK(SIGUSR1), "but pending in the main thread");
	T_OK(usr1_tid == 0, "the other thread did not run its handler");
	sigmask(SIG_UNBLOCK, SIGMASK(SIGUSR1));
	T_OK(usr1_tid == pid, "unblocking it runs the handler in the main thread (%d)", usr1_tid);

	step = 99;
	for (int i = 0; i < 600 && tid_word != 0; i++)
		rt_sleep_ms(5);
	return t_done();
}
