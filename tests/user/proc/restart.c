/*
 * EINTR or restart after a handler: wait4 and FUTEX_WAIT fail with EINTR
 * without SA_RESTART and go on with it; nanosleep reports EINTR and the time
 * left even with SA_RESTART; a stop and continue (no handler) restarts a
 * read transparently. And a stop stops every thread of a process.
 */
#include "rt.h"

__asm__(".text\n.globl restore_rt\nrestore_rt:\n\tmov $15, %eax\n\tsyscall\n\thlt\n");
void restore_rt(void);

#define THREAD_FLAGS                                                                       \
	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM)

static volatile int hits;

static void on_usr1(int sig)
{
	(void)sig;
	hits++;
}

static void set_handler(unsigned long flags)
{
	struct k_sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = (void *)on_usr1;
	sa.sa_flags = flags | SA_RESTORER;
	sa.sa_restorer = (void *)restore_rt;
	sys_rt_sigaction(SIGUSR1, &sa, NULL);
}

/* A child that signals us after ms, then exits after another ms. */
static long signaller(int ms)
{
	long parent = sys_getpid();
	long pid = sys_fork();
	if (pid == 0) {
		rt_sleep_ms(ms);
		sys_kill((int)parent, SIGUSR1);
		rt_sleep_ms(ms);
		sys_exit(3);
	}
	return pid;
}

static volatile unsigned long *count; /* shared with the child: [0] thread, [1] main */
static char thread_stack[16384] __attribute__((aligned(16)));

static int counter_thread(void *arg)
{
	(void)arg;
	for (;;) {
		count[0]++;
		rt_sleep_ms(2);
	}
	return 0;
}

static bool both_move(void)
{
	unsigned long a = count[0], b = count[1];
	for (int i = 0; i < 200; i++) {
		rt_sleep_ms(5);
		if (count[0] != a && count[1] != b)
			return true;
	}
	return false;
}

int main(void)
{
	int st;
	set_handler(0);
	hits = 0;
	long pid = signaller(50);
	long r = sys_wait4((int)pid, &st, 0, NULL);
	T_OK(r == -EINTR && hits == 1, "wait4 without SA_RESTART: EINTR (%ld)", r);
	sys_wait4((int)pid, &st, 0, NULL);

	set_handler(SA_RESTART);
	hits = 0;
	pid = signaller(50);
	r = sys_wait4((int)pid, &st, 0, NULL);
	T_OK(r == pid && hits == 1 && WEXITSTATUS(st) == 3,
	     "wait4 with SA_RESTART runs on to the child's exit (%ld)", r);

	uint32_t word = 0;
	set_handler(0);
	hits = 0;
	pid = signaller(50);
	r = sys_futex(&word, FUTEX_WAIT, 0, NULL, NULL, 0);
	T_OK(r == -EINTR && hits == 1, "FUTEX_WAIT without SA_RESTART: EINTR (%ld)", r);
	sys_wait4((int)pid, &st, 0, NULL);

	set_handler(SA_RESTART);
	hits = 0;
	pid = signaller(50);
	struct timespec req = { 2, 0 }, rem = { 0, 0 };
	r = sys_nanosleep(&req, &rem);
	T_OK(r == -EINTR && hits == 1 && rem.tv_sec >= 1 && rem.tv_sec <= 2,
	     "nanosleep reports EINTR and the time left even with SA_RESTART (%ld, %ld s left)", r,
	     rem.tv_sec);
	sys_wait4((int)pid, &st, 0, NULL);

	/* A stop and continue restarts a blocking read without the caller seeing it. */
	int p[2];
	sys_pipe2(p, 0);
	pid = sys_fork();
	if (pid == 0) {
		char c = 0;
		long n = sys_read(p[0], &c, 1);
		sys_exit(n == 1 && c == 'k' ? 0 : 1);
	}
	rt_sleep_ms(50);
	sys_kill((int)pid, SIGSTOP);
	sys_wait4((int)pid, &st, WUNTRACED, NULL);
	sys_kill((int)pid, SIGCONT);
	sys_write(p[1], "k", 1);
	sys_wait4((int)pid, &st, 0, NULL);
	T_OK(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	     "a read interrupted by a stop runs on after SIGCONT (%#x)", st);

	/* SIGSTOP stops every thread. */
	count = (unsigned long *)sys_mmap(NULL, 4096, PROT_READ | PROT_WRITE,
					  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	pid = sys_fork();
	if (pid == 0) {
		int ptid, ctid;
		rt_clone(THREAD_FLAGS, thread_stack + sizeof(thread_stack), &ptid, &ctid, 0,
			 counter_thread, NULL);
		for (;;) {
			count[1]++;
			rt_sleep_ms(2);
		}
	}
	T_OK(both_move(), "both threads of the child run");
	sys_kill((int)pid, SIGSTOP);
	r = sys_wait4((int)pid, &st, WUNTRACED, NULL);
	unsigned long a = count[0], b = count[1];
	rt_sleep_ms(150);
	T_OK(r == pid && WIFSTOPPED(st) && count[0] == a && count[1] == b,
	     "SIGSTOP stops every thread of the process");
	sys_kill((int)pid, SIGCONT);
	T_OK(both_move(), "SIGCONT resumes every thread");
	sys_kill((int)pid, SIGKILL);
	sys_wait4((int)pid, &st, 0, NULL);
	T_OK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL, "SIGKILL ends the threaded process (%#x)",
	     st);
	return t_done();
}
