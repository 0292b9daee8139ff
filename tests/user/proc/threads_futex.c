/*
 * Threads (clone(2) with CLONE_VM | CLONE_THREAD and friends, as a pthreads
 * library makes them) and futex(2):
 * - NTHREADS threads on mmap'ed stacks, each with its own TLS block
 *   (CLONE_SETTLS), increment a shared counter under a futex-based mutex;
 *   sched_yield() inside the critical section makes them contend;
 * - the main thread joins each thread by FUTEX_WAITing on its tid word,
 *   which the kernel sets at clone (CLONE_PARENT_SETTID) and clears and wakes
 *   at thread exit (CLONE_CHILD_CLEARTID);
 * - FUTEX_WAKE returns how many it woke, FUTEX_WAIT with a stale value gives
 *   -EAGAIN, with a timeout -ETIMEDOUT;
 * - gettid() differs per thread while getpid() is the same.
 */
#include "rt.h"

#define NTHREADS   4
#define ITERS      20000
#define STACK_SIZE (64 * 1024)

#define THREAD_FLAGS                                                                               \
	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM |        \
	 CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

struct thread {
	int tid_word; /* CLONE_PARENT_SETTID / CLONE_CHILD_CLEARTID */
	long clone_ret;
	long tid, pid;     /* what the thread saw */
	unsigned long fs0; /* %fs:0 in the thread */
	void *stack;
	unsigned long tls[4]; /* tls[0] points at itself, as x86-64 TLS ABIs want */
};

static struct thread threads[NTHREADS];
static uint32_t lock_word; /* 0 free, 1 locked, 2 locked with waiters */
static volatile long counter;
static uint32_t start_gate;
static int ready;

static long futex_wait(uint32_t *w, uint32_t val, const struct timespec *ts)
{
	return sys_futex(w, FUTEX_WAIT, val, ts, NULL, 0);
}

static long futex_wake(uint32_t *w, int n)
{
	return sys_futex(w, FUTEX_WAKE, (uint32_t)n, NULL, NULL, 0);
}

/* Ulrich Drepper's mutex ("Futexes Are Tricky", mutex 2). */
static void lock(uint32_t *w)
{
	uint32_t c = 0;
	if (__atomic_compare_exchange_n(w, &c, 1, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return;
	if (c != 2)
		c = __atomic_exchange_n(w, 2, __ATOMIC_ACQUIRE);
	while (c != 0) {
		futex_wait(w, 2, NULL);
		c = __atomic_exchange_n(w, 2, __ATOMIC_ACQUIRE);
	}
}

static void unlock(uint32_t *w)
{
	if (__atomic_fetch_sub(w, 1, __ATOMIC_RELEASE) != 1) {
		__atomic_store_n(w, 0, __ATOMIC_RELEASE);
		futex_wake(w, 1);
	}
}

static int worker(void *arg)
{
	struct thread *t = arg;
	t->tid = sys_gettid();
	t->pid = sys_getpid();
	__asm__ volatile("movq %%fs:0, %0" : "=r"(t->fs0));

	__atomic_fetch_add(&ready, 1, __ATOMIC_SEQ_CST);
	while (__atomic_load_n(&start_gate, __ATOMIC_ACQUIRE) == 0)
		futex_wait(&start_gate, 0, NULL);

	for (int i = 0; i < ITERS; i++) {
		lock(&lock_word);
		long c = counter;
		if (i % 512 == 0)
			sys_sched_yield(); /* let the others find the lock taken */
		counter = c + 1;
		unlock(&lock_word);
	}
	return 0;
}

/* Waits (at most 30 s) for the kernel to clear the thread's tid word at its exit. */
static bool join(struct thread *t)
{
	int64_t deadline = rt_now_ns() + 30 * 1000000000LL;
	int v;
	while ((v = __atomic_load_n(&t->tid_word, __ATOMIC_ACQUIRE)) != 0) {
		struct timespec ts = {1, 0};
		futex_wait((uint32_t *)&t->tid_word, (uint32_t)v, &ts);
		if (rt_now_ns() > deadline)
			return false;
	}
	return true;
}

static void test_threads(void)
{
	for (int i = 0; i < NTHREADS; i++) {
		struct thread *t = &threads[i];
		long stack = sys_mmap(NULL, STACK_SIZE, PROT_READ | PROT_WRITE,
		                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (!T_OK(stack > 0, "thread %d: mmap a stack (%#lx)", i, stack))
			return;
		t->stack = (void *)stack;
		t->tls[0] = (unsigned long)t->tls;
		t->clone_ret = rt_clone(THREAD_FLAGS, (char *)stack + STACK_SIZE, &t->tid_word,
		                        &t->tid_word, (unsigned long)t->tls, worker, t);
		if (!T_OK(t->clone_ret > 0, "thread %d: clone (%ld)", i, t->clone_ret))
			return;
	}
	/* Every thread is about to sleep on start_gate; give them time to get there. */
	int64_t deadline = rt_now_ns() + 10 * 1000000000LL;
	while (__atomic_load_n(&ready, __ATOMIC_SEQ_CST) < NTHREADS && rt_now_ns() < deadline)
		rt_sleep_ms(10);
	T_OK(ready == NTHREADS, "all %d threads started (%d)", NTHREADS, ready);
	rt_sleep_ms(200);
	for (int i = 0; i < NTHREADS; i++) {
		struct thread *t = &threads[i];
		T_OK(t->tid_word == t->clone_ret,
		     "thread %d: CLONE_PARENT_SETTID stored the tid clone returned (%d, %ld)", i,
		     t->tid_word, t->clone_ret);
	}

	__atomic_store_n(&start_gate, 1, __ATOMIC_RELEASE);
	long w1 = futex_wake(&start_gate, 1);
	long wrest = futex_wake(&start_gate, 1 << 30);
	long w0 = futex_wake(&start_gate, 1 << 30);
	T_OK(w1 == 1, "FUTEX_WAKE with nr 1 wakes one of %d waiters and returns 1 (%ld)", NTHREADS,
	     w1);
	T_OK(wrest == NTHREADS - 1, "FUTEX_WAKE with nr INT_MAX wakes the other %d (%ld)",
	     NTHREADS - 1, wrest);
	T_OK(w0 == 0, "FUTEX_WAKE without waiters returns 0 (%ld)", w0);

	for (int i = 0; i < NTHREADS; i++)
		T_OK(join(&threads[i]),
		     "thread %d: joined through FUTEX_WAIT on its tid word (CLONE_CHILD_CLEARTID)",
		     i);
	T_OK(counter == (long)NTHREADS * ITERS,
	     "the futex mutex kept the counter exact: %ld of %ld", counter, (long)NTHREADS * ITERS);

	long me = sys_gettid(), pid = sys_getpid();
	T_OK(me == pid, "the main thread's gettid() is getpid() (%ld, %ld)", me, pid);
	bool distinct = true, same_pid = true, tid_ok = true, tls_ok = true;
	for (int i = 0; i < NTHREADS; i++) {
		struct thread *t = &threads[i];
		same_pid &= t->pid == pid;
		tid_ok &= t->tid == t->clone_ret;
		tls_ok &= t->fs0 == (unsigned long)t->tls;
		distinct &= t->tid != me;
		for (int j = 0; j < i; j++)
			distinct &= t->tid != threads[j].tid;
		t_diag("thread %d: tid %ld, pid %ld, %%fs:0 %#lx", i, t->tid, t->pid, t->fs0);
	}
	T_OK(same_pid, "every thread's getpid() is the process's (%ld)", pid);
	T_OK(distinct, "every thread has its own gettid(), unlike the main thread's");
	T_OK(tid_ok, "each thread's gettid() is what clone returned for it");
	T_OK(tls_ok, "each thread runs with its own FS base (CLONE_SETTLS)");
	for (int i = 0; i < NTHREADS; i++)
		sys_munmap(threads[i].stack, STACK_SIZE);
	int st;
	T_OK(sys_wait4(-1, &st, WNOHANG | __WALL, NULL) == -ECHILD,
	     "exited threads leave nothing to wait for");
}

static void test_futex_errors(void)
{
	uint32_t w = 5;
	long r = futex_wait(&w, 6, NULL);
	T_OK(r == -EAGAIN, "FUTEX_WAIT with a value that does not match gives -EAGAIN (%ld)", r);
	r = sys_futex(&w, FUTEX_WAIT_PRIVATE, 6, NULL, NULL, 0);
	T_OK(r == -EAGAIN, "FUTEX_WAIT_PRIVATE likewise (%ld)", r);

	struct timespec ts = {0, 50 * 1000000L};
	int64_t start = rt_now_ns();
	r = futex_wait(&w, 5, &ts);
	long ms = (long)((rt_now_ns() - start) / 1000000);
	T_OK(r == -ETIMEDOUT, "FUTEX_WAIT with a 50 ms timeout gives -ETIMEDOUT (%ld)", r);
	T_OK(ms >= 49 && ms < 5000, "... after about 50 ms (%ld ms)", ms);
	r = sys_futex(&w, FUTEX_WAIT_PRIVATE, 5, &ts, NULL, 0);
	T_OK(r == -ETIMEDOUT, "FUTEX_WAIT_PRIVATE with a timeout gives -ETIMEDOUT (%ld)", r);

	r = futex_wake(&w, 1);
	T_OK(r == 0, "FUTEX_WAKE on a word nobody waits on returns 0 (%ld)", r);
	struct timespec bad = {0, 2000000000L};
	r = futex_wait(&w, 5, &bad);
	T_OK(r == -EINVAL, "FUTEX_WAIT with tv_nsec >= 1e9 gives -EINVAL (%ld)", r);
	r = futex_wait(NULL, 0, &ts);
	T_OK(r == -EFAULT, "FUTEX_WAIT on NULL gives -EFAULT (%ld)", r);
	r = futex_wait((uint32_t *)((char *)&w + 1), 0, &ts);
	T_OK(r == -EINVAL, "FUTEX_WAIT on a misaligned word gives -EINVAL (%ld)", r);
	r = sys_futex(&w, 0x7f, 0, NULL, NULL, 0);
	T_OK(r == -ENOSYS || r == -EINVAL, "an unknown futex op fails (%ld)", r);
}

int main(void)
{
	test_futex_errors();
	test_threads();
	return t_done();
}
