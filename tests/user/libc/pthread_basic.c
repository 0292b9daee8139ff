/*
 * POSIX threads, the thread functions: create and join with results,
 * pthread_self and pthread_equal, detached threads (by attribute and by
 * pthread_detach), attributes (stack size, caller-provided stack, guard
 * size, a stack overflow caught by the guard page), pthread_exit with
 * cleanup handlers, thread-specific data with destructors, pthread_once,
 * deferred cancellation (pthread_testcancel, a thread blocked in
 * pthread_cond_wait, cancellation disabled), per-thread signal masks,
 * sched_yield, errno per thread, and pthread_kill reaching the thread it
 * names.
 *
 * Built with -pthread; prints "ok - libc-pthread: ..." or "not ok - ..." per
 * check and exits 0 when all passed. The same source builds against glibc
 * on the host (tests/toolchain/pthread.sh), which shows the checks are right.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define NTHREADS 8

static int failures;

static void check(int ok, const char *what)
{
	printf("%s - libc-pthread: %s\n", ok ? "ok" : "not ok", what);
	if (!ok)
		failures++;
}

static pthread_t main_thread;

static void *return_arg_times_ten(void *arg)
{
	return (void *)((long)arg * 10);
}

static void check_create_join(void)
{
	pthread_t t[NTHREADS];
	int created = 0, joined = 0;

	for (long i = 0; i < NTHREADS; i++)
		created += pthread_create(&t[i], NULL, return_arg_times_ten, (void *)i) == 0;
	for (long i = 0; i < NTHREADS; i++) {
		void *r = NULL;
		joined += pthread_join(t[i], &r) == 0 && (long)r == i * 10;
	}
	check(created == NTHREADS && joined == NTHREADS,
	      "8 threads created, joined, each returned its argument times ten");
}

static void *report_self(void *arg)
{
	pthread_t *out = arg;
	*out = pthread_self();
	return NULL;
}

static void check_self_equal(void)
{
	pthread_t t, seen;

	pthread_create(&t, NULL, report_self, &seen);
	pthread_join(t, NULL);
	check(pthread_equal(seen, t) && !pthread_equal(seen, main_thread) &&
	          pthread_equal(pthread_self(), main_thread),
	      "pthread_self in a thread equals its pthread_t and differs from main's");
}

static volatile int detached_done;

static void *count_detached(void *arg)
{
	(void)arg;
	__atomic_fetch_add(&detached_done, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static void wait_for(volatile int *v, int target)
{
	for (int i = 0; i < 100000 && __atomic_load_n(v, __ATOMIC_SEQ_CST) < target; i++) {
		struct timespec ts = {0, 1000000};
		nanosleep(&ts, NULL);
	}
}

static void check_detached(void)
{
	pthread_attr_t a;
	int state = -1, ok = 1;

	pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	pthread_attr_getdetachstate(&a, &state);
	for (int i = 0; i < 20; i++) {
		pthread_t t;
		ok &= pthread_create(&t, &a, count_detached, NULL) == 0;
	}
	for (int i = 0; i < 20; i++) {
		pthread_t t;
		ok &= pthread_create(&t, NULL, count_detached, NULL) == 0;
		ok &= pthread_detach(t) == 0;
	}
	pthread_attr_destroy(&a);
	wait_for(&detached_done, 40);
	check(ok && state == PTHREAD_CREATE_DETACHED && detached_done == 40,
	      "40 detached threads (20 by attribute, 20 by pthread_detach) all ran");
}

/* Uses about 32 KiB of its stack and reports the stack address it ran on. */
static void *use_stack(void *arg)
{
	volatile char buf[32 * 1024];
	memset((char *)buf, 0x5a, sizeof(buf));
	*(void **)arg = (void *)buf;
	return (void *)(long)buf[sizeof(buf) - 1];
}

static void check_stack_attrs(void)
{
	pthread_attr_t a;
	size_t size = 0, guard = 0;
	void *where = NULL, *r = NULL, *got_addr = NULL;
	size_t got_size = 0;
	pthread_t t;
	int ok;

	pthread_attr_init(&a);
	ok = pthread_attr_setstacksize(&a, 64 * 1024) == 0;
	pthread_attr_getstacksize(&a, &size);
	ok &= pthread_attr_setguardsize(&a, 8192) == 0;
	pthread_attr_getguardsize(&a, &guard);
	ok &= pthread_create(&t, &a, use_stack, &where) == 0 && pthread_join(t, &r) == 0;
	check(ok && size == 64 * 1024 && guard == 8192 && (long)r == 0x5a,
	      "a thread with a 64 KiB stack and an 8 KiB guard uses 32 KiB of it");
	check(pthread_attr_setstacksize(&a, 1) == EINVAL,
	      "pthread_attr_setstacksize below PTHREAD_STACK_MIN fails with EINVAL");
	pthread_attr_destroy(&a);

	size_t len = 256 * 1024;
	char *stack = malloc(len);
	pthread_attr_init(&a);
	ok = pthread_attr_setstack(&a, stack, len) == 0;
	pthread_attr_getstack(&a, &got_addr, &got_size);
	ok &= pthread_create(&t, &a, use_stack, &where) == 0 && pthread_join(t, &r) == 0;
	check(ok && got_addr == stack && got_size == len && (char *)where >= stack &&
	          (char *)where < stack + len,
	      "pthread_attr_setstack: the thread runs on the caller's memory");
	pthread_attr_destroy(&a);
	free(stack);
}

/* Recurses until `limit` (far beyond any 64 KiB stack). */
static int recurse(int n, int limit)
{
	volatile char pad[512];
	pad[0] = (char)n;
	if (n == limit)
		return pad[0];
	return recurse(n + 1, limit) + pad[0];
}

static void *overflow(void *arg)
{
	(void)arg;
	return (void *)(long)recurse(0, 1 << 30);
}

static void check_guard_page(void)
{
	pid_t pid = fork();
	int status = 0;

	if (pid == 0) {
		pthread_attr_t a;
		pthread_t t;
		pthread_attr_init(&a);
		pthread_attr_setstacksize(&a, 64 * 1024);
		pthread_create(&t, &a, overflow, NULL);
		pthread_join(t, NULL);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	check(pid > 0 && WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	      "a thread that overflows its stack dies of SIGSEGV on the guard page");
}

static char cleanup_log[16];

static void log_cleanup(void *arg)
{
	strcat(cleanup_log, arg);
}

static void *exit_with_cleanups(void *arg)
{
	(void)arg;
	pthread_cleanup_push(log_cleanup, "a");
	pthread_cleanup_push(log_cleanup, "x");
	pthread_cleanup_pop(0);
	pthread_cleanup_push(log_cleanup, "b");
	pthread_cleanup_push(log_cleanup, "c");
	pthread_exit((void *)77);
	pthread_cleanup_pop(0);
	pthread_cleanup_pop(0);
	pthread_cleanup_pop(0);
	return NULL;
}

static void check_exit_cleanup(void)
{
	pthread_t t;
	void *r = NULL;

	pthread_create(&t, NULL, exit_with_cleanups, NULL);
	pthread_join(t, &r);
	check((long)r == 77 && strcmp(cleanup_log, "cba") == 0,
	      "pthread_exit(77) runs the cleanup handlers innermost first (cba)");
}

static pthread_key_t key;
static volatile int dtor_calls;
static volatile long dtor_sum;

static void key_dtor(void *v)
{
	__atomic_fetch_add(&dtor_calls, 1, __ATOMIC_SEQ_CST);
	__atomic_fetch_add(&dtor_sum, (long)v, __ATOMIC_SEQ_CST);
}

static void *use_key(void *arg)
{
	int fresh = pthread_getspecific(key) == NULL;
	pthread_setspecific(key, arg);
	sched_yield();
	return (void *)(long)(fresh && pthread_getspecific(key) == arg);
}

static void check_keys(void)
{
	pthread_t t[NTHREADS];
	long good = 0;
	int ok = pthread_key_create(&key, key_dtor) == 0;

	pthread_setspecific(key, (void *)1000);
	for (long i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, use_key, (void *)(i + 1));
	for (int i = 0; i < NTHREADS; i++) {
		void *r;
		pthread_join(t[i], &r);
		good += (long)r;
	}
	check(ok && good == NTHREADS && pthread_getspecific(key) == (void *)1000,
	      "pthread_key_create: each thread sees its own value, NULL at first");
	check(dtor_calls == NTHREADS && dtor_sum == NTHREADS * (NTHREADS + 1) / 2,
	      "key destructors ran once per exiting thread with its value");
	check(pthread_key_delete(key) == 0 && pthread_setspecific(key, NULL) == EINVAL,
	      "pthread_key_delete; setspecific on the deleted key fails with EINVAL");
}

static pthread_once_t once = PTHREAD_ONCE_INIT;
static volatile int once_runs;

static void once_routine(void)
{
	__atomic_fetch_add(&once_runs, 1, __ATOMIC_SEQ_CST);
	sched_yield();
}

static void *call_once(void *arg)
{
	(void)arg;
	pthread_once(&once, once_routine);
	return (void *)(long)once_runs;
}

static void check_once(void)
{
	pthread_t t[NTHREADS];
	int all_saw_one = 1;

	for (int i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, call_once, NULL);
	for (int i = 0; i < NTHREADS; i++) {
		void *r;
		pthread_join(t[i], &r);
		all_saw_one &= (long)r == 1;
	}
	check(once_runs == 1 && all_saw_one,
	      "pthread_once from 8 threads runs the routine once, all return after it");
}

static volatile int spin_started;
static volatile int cancel_cleanup_ran;

static void note_cancel(void *arg)
{
	(void)arg;
	cancel_cleanup_ran = 1;
}

static void *spin_until_cancelled(void *arg)
{
	(void)arg;
	pthread_cleanup_push(note_cancel, NULL);
	__atomic_store_n(&spin_started, 1, __ATOMIC_SEQ_CST);
	for (;;) {
		pthread_testcancel();
		sched_yield();
	}
	pthread_cleanup_pop(0);
	return NULL;
}

static pthread_mutex_t cancel_m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cancel_c = PTHREAD_COND_INITIALIZER;
static volatile int cond_waiting;

static void unlock_mutex(void *m)
{
	pthread_mutex_unlock(m);
}

static void *wait_forever(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&cancel_m);
	pthread_cleanup_push(unlock_mutex, &cancel_m);
	cond_waiting = 1;
	for (;;)
		pthread_cond_wait(&cancel_c, &cancel_m);
	pthread_cleanup_pop(1);
	return NULL;
}

static volatile int disabled_go;

static void *cancel_while_disabled(void *arg)
{
	int old;
	(void)arg;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	while (!__atomic_load_n(&disabled_go, __ATOMIC_SEQ_CST))
		sched_yield();
	pthread_testcancel(); /* disabled: returns */
	pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old);
	pthread_testcancel(); /* acts now */
	return (void *)1;
}

static void check_cancel(void)
{
	pthread_t t;
	void *r = NULL;

	pthread_create(&t, NULL, spin_until_cancelled, NULL);
	wait_for(&spin_started, 1);
	check(pthread_cancel(t) == 0 && pthread_join(t, &r) == 0 && r == PTHREAD_CANCELED &&
	          cancel_cleanup_ran,
	      "pthread_cancel: pthread_testcancel exits with PTHREAD_CANCELED, cleanup runs");

	pthread_create(&t, NULL, wait_forever, NULL);
	wait_for(&cond_waiting, 1);
	pthread_mutex_lock(&cancel_m); /* the waiter is inside pthread_cond_wait */
	pthread_mutex_unlock(&cancel_m);
	r = NULL;
	pthread_cancel(t);
	pthread_join(t, &r);
	check(r == PTHREAD_CANCELED && pthread_mutex_trylock(&cancel_m) == 0,
	      "a thread blocked in pthread_cond_wait is cancelled, its cleanup unlocks the mutex");
	pthread_mutex_unlock(&cancel_m);

	pthread_create(&t, NULL, cancel_while_disabled, NULL);
	pthread_cancel(t);
	__atomic_store_n(&disabled_go, 1, __ATOMIC_SEQ_CST);
	r = NULL;
	pthread_join(t, &r);
	check(r == PTHREAD_CANCELED,
	      "with cancellation disabled the request waits until it is enabled again");
}

static void *block_all_signals(void *arg)
{
	sigset_t all, now;
	(void)arg;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, NULL);
	pthread_sigmask(SIG_BLOCK, NULL, &now);
	return (void *)(long)(sigismember(&now, SIGUSR1) == 1 && sigismember(&now, SIGTERM) == 1);
}

static void check_sigmask(void)
{
	sigset_t mine;
	pthread_t t;
	void *r = NULL;

	pthread_create(&t, NULL, block_all_signals, NULL);
	pthread_join(t, &r);
	pthread_sigmask(SIG_BLOCK, NULL, &mine);
	check(r == (void *)1 && sigismember(&mine, SIGUSR1) == 0,
	      "pthread_sigmask blocks signals in the calling thread only");
	check(pthread_sigmask(12345, &mine, NULL) == EINVAL,
	      "pthread_sigmask with a bad how returns EINVAL");
}

static void *set_errno(void *arg)
{
	errno = (int)(long)arg;
	sched_yield();
	long v = strtol("99999999999999999999999", NULL, 10);
	return (void *)(long)(v == __LONG_MAX__ && errno == ERANGE);
}

static void check_errno(void)
{
	pthread_t t[NTHREADS];
	long good = 0;

	errno = 0;
	for (long i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, set_errno, (void *)(i + 100));
	for (int i = 0; i < NTHREADS; i++) {
		void *r;
		pthread_join(t[i], &r);
		good += (long)r;
	}
	check(good == NTHREADS && errno == 0, "errno is per thread (strtol's ERANGE stays in its thread)");
	check(sched_yield() == 0, "sched_yield returns 0");
}

static pthread_t kill_target;
static volatile sig_atomic_t kill_hit, kill_right_thread;

static void on_kill_signal(int sig)
{
	kill_right_thread = pthread_equal(pthread_self(), kill_target);
	kill_hit = sig;
}

static void *wait_for_kill(void *arg)
{
	(void)arg;
	while (!kill_hit)
		sched_yield();
	return NULL;
}

/* pthread_kill delivers to the named thread (the main thread blocks the signal). */
static void check_kill(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_kill_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR2, &sa, NULL);
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGUSR2);
	pthread_sigmask(SIG_BLOCK, &block, &old);
	/* The new thread starts with the creator's mask: let it take SIGUSR2. */
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	int created = pthread_create(&kill_target, NULL, wait_for_kill, NULL) == 0;
	pthread_sigmask(SIG_BLOCK, &block, NULL);
	check(created && pthread_kill(kill_target, 0) == 0, "pthread_kill(t, 0) finds a live thread");
	check(created && pthread_kill(kill_target, SIGUSR2) == 0, "pthread_kill sends SIGUSR2");
	if (created)
		pthread_join(kill_target, NULL);
	check(kill_hit == SIGUSR2 && kill_right_thread,
	      "the signal ran its handler on the thread pthread_kill named");
	check(pthread_kill(pthread_self(), 999) == EINVAL, "an invalid signal number is EINVAL");
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	main_thread = pthread_self();
	check_create_join();
	check_self_equal();
	check_detached();
	check_stack_attrs();
	check_guard_page();
	check_exit_cleanup();
	check_keys();
	check_once();
	check_cancel();
	check_sigmask();
	check_errno();
	check_kill();
	printf("libc-pthread basic done\n");
	return failures ? 1 : 0;
}
