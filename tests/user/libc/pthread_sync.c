/*
 * POSIX threads, the synchronisation objects: mutexes (normal, recursive,
 * error-checking; trylock, timedlock), condition variables (signal,
 * broadcast, timedwait on CLOCK_REALTIME and, through
 * pthread_condattr_setclock, CLOCK_MONOTONIC), read-write locks, spin
 * locks and barriers.
 *
 * Built with -pthread; prints "ok - libc-pthread: ..." or "not ok - ..." per
 * check and exits 0 when all passed; also built against glibc on the host
 * (tests/toolchain/pthread.sh).
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define NTHREADS 4
#define ITERS    20000

static int failures;

static void check(int ok, const char *what)
{
	printf("%s - libc-pthread: %s\n", ok ? "ok" : "not ok", what);
	if (!ok)
		failures++;
}

static struct timespec deadline_in_ms(clockid_t clk, long ms)
{
	struct timespec ts;
	clock_gettime(clk, &ts);
	ts.tv_sec += ms / 1000;
	ts.tv_nsec += (ms % 1000) * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	return ts;
}

static long elapsed_ms(const struct timespec *from)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - from->tv_sec) * 1000 + (now.tv_nsec - from->tv_nsec) / 1000000;
}

static pthread_mutex_t counter_m = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *count_up(void *arg)
{
	(void)arg;
	for (int i = 0; i < ITERS; i++) {
		pthread_mutex_lock(&counter_m);
		long v = counter;
		if ((i & 255) == 0)
			sched_yield(); /* contend inside the critical section */
		counter = v + 1;
		pthread_mutex_unlock(&counter_m);
	}
	return NULL;
}

static void check_mutex_counter(void)
{
	pthread_t t[NTHREADS];

	for (int i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, count_up, NULL);
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	check(counter == (long)NTHREADS * ITERS,
	      "4 threads x 20000 increments under a mutex reach exactly 80000");
}

static void *try_lock(void *m)
{
	int r = pthread_mutex_trylock(m);
	if (r == 0)
		pthread_mutex_unlock(m);
	return (void *)(long)r;
}

static int trylock_from_other_thread(pthread_mutex_t *m)
{
	pthread_t t;
	void *r;
	pthread_create(&t, NULL, try_lock, m);
	pthread_join(t, &r);
	return (int)(long)r;
}

static void check_mutex_types(void)
{
	pthread_mutex_t m;
	pthread_mutexattr_t a;
	int type = -1;

	pthread_mutex_init(&m, NULL);
	pthread_mutex_lock(&m);
	int busy = trylock_from_other_thread(&m);
	pthread_mutex_unlock(&m);
	check(busy == EBUSY && trylock_from_other_thread(&m) == 0,
	      "pthread_mutex_trylock: EBUSY while another thread holds it, 0 when free");
	pthread_mutex_destroy(&m);

	pthread_mutexattr_init(&a);
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutexattr_gettype(&a, &type);
	pthread_mutex_init(&m, &a);
	int ok = pthread_mutex_lock(&m) == 0 && pthread_mutex_lock(&m) == 0 &&
		 pthread_mutex_trylock(&m) == 0;
	ok &= trylock_from_other_thread(&m) == EBUSY;
	pthread_mutex_unlock(&m);
	pthread_mutex_unlock(&m);
	ok &= trylock_from_other_thread(&m) == EBUSY;
	pthread_mutex_unlock(&m);
	ok &= trylock_from_other_thread(&m) == 0;
	check(ok && type == PTHREAD_MUTEX_RECURSIVE,
	      "a recursive mutex locked 3 times is released by the third unlock");
	check(pthread_mutex_unlock(&m) == EPERM, "unlocking a recursive mutex not held gives EPERM");
	pthread_mutex_destroy(&m);

	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutex_init(&m, &a);
	pthread_mutex_lock(&m);
	check(pthread_mutex_lock(&m) == EDEADLK,
	      "an error-checking mutex locked again by its owner gives EDEADLK");
	pthread_mutex_unlock(&m);
	check(pthread_mutex_unlock(&m) == EPERM,
	      "unlocking an error-checking mutex not held gives EPERM");
	pthread_mutex_destroy(&m);
	pthread_mutexattr_destroy(&a);
}

static pthread_mutex_t held_m = PTHREAD_MUTEX_INITIALIZER;

static void *timedlock_held(void *arg)
{
	struct timespec start, dl = deadline_in_ms(CLOCK_REALTIME, 100);
	(void)arg;
	clock_gettime(CLOCK_MONOTONIC, &start);
	int r = pthread_mutex_timedlock(&held_m, &dl);
	long ms = elapsed_ms(&start);
	return (void *)(long)(r == ETIMEDOUT && ms >= 90 && ms < 5000);
}

static void check_timedlock(void)
{
	pthread_t t;
	void *r = NULL;

	pthread_mutex_lock(&held_m);
	pthread_create(&t, NULL, timedlock_held, NULL);
	pthread_join(t, &r);
	pthread_mutex_unlock(&held_m);
	struct timespec dl = deadline_in_ms(CLOCK_REALTIME, 100);
	int free_ok = pthread_mutex_timedlock(&held_m, &dl) == 0;
	pthread_mutex_unlock(&held_m);
	check(r == (void *)1 && free_ok,
	      "pthread_mutex_timedlock: ETIMEDOUT after 100 ms when held, 0 when free");
}

/* A bounded queue: producers and consumers on one mutex, two condvars. */
#define QSIZE    8
#define NITEMS   5000
#define NPRODUCERS 3
#define NCONSUMERS 3
static struct {
	pthread_mutex_t m;
	pthread_cond_t not_empty, not_full;
	int items[QSIZE];
	int head, count, produced_done;
	long sum;
	long consumed;
} q = {
	.m = PTHREAD_MUTEX_INITIALIZER,
	.not_empty = PTHREAD_COND_INITIALIZER,
	.not_full = PTHREAD_COND_INITIALIZER,
};

static void *produce(void *arg)
{
	(void)arg;
	for (int i = 1; i <= NITEMS; i++) {
		pthread_mutex_lock(&q.m);
		while (q.count == QSIZE)
			pthread_cond_wait(&q.not_full, &q.m);
		q.items[(q.head + q.count) % QSIZE] = i;
		q.count++;
		pthread_cond_signal(&q.not_empty);
		pthread_mutex_unlock(&q.m);
	}
	return NULL;
}

static void *consume(void *arg)
{
	(void)arg;
	for (;;) {
		pthread_mutex_lock(&q.m);
		while (q.count == 0 && q.produced_done < NPRODUCERS)
			pthread_cond_wait(&q.not_empty, &q.m);
		if (q.count == 0) {
			pthread_mutex_unlock(&q.m);
			return NULL;
		}
		q.sum += q.items[q.head];
		q.consumed++;
		q.head = (q.head + 1) % QSIZE;
		q.count--;
		pthread_cond_signal(&q.not_full);
		pthread_mutex_unlock(&q.m);
	}
}

static void check_producer_consumer(void)
{
	pthread_t p[NPRODUCERS], c[NCONSUMERS];

	for (int i = 0; i < NCONSUMERS; i++)
		pthread_create(&c[i], NULL, consume, NULL);
	for (int i = 0; i < NPRODUCERS; i++)
		pthread_create(&p[i], NULL, produce, NULL);
	for (int i = 0; i < NPRODUCERS; i++) {
		pthread_join(p[i], NULL);
		pthread_mutex_lock(&q.m);
		q.produced_done++;
		pthread_cond_broadcast(&q.not_empty);
		pthread_mutex_unlock(&q.m);
	}
	for (int i = 0; i < NCONSUMERS; i++)
		pthread_join(c[i], NULL);
	check(q.consumed == (long)NPRODUCERS * NITEMS &&
	          q.sum == (long)NPRODUCERS * NITEMS * (NITEMS + 1) / 2,
	      "condvar producer/consumer: 3x5000 items through an 8-slot queue, sum exact");
}

static void check_cond_timedwait(void)
{
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	pthread_cond_t c = PTHREAD_COND_INITIALIZER;
	pthread_condattr_t a;
	clockid_t clk = -1;
	struct timespec start, dl;
	int r;
	long ms;

	pthread_mutex_lock(&m);
	clock_gettime(CLOCK_MONOTONIC, &start);
	dl = deadline_in_ms(CLOCK_REALTIME, 100);
	r = pthread_cond_timedwait(&c, &m, &dl);
	ms = elapsed_ms(&start);
	check(r == ETIMEDOUT && ms >= 90 && ms < 5000 && pthread_mutex_trylock(&m) == EBUSY,
	      "pthread_cond_timedwait (CLOCK_REALTIME): ETIMEDOUT after 100 ms, mutex held");
	pthread_mutex_unlock(&m);

	pthread_condattr_init(&a);
	int set = pthread_condattr_setclock(&a, CLOCK_MONOTONIC) == 0;
	pthread_condattr_getclock(&a, &clk);
	pthread_cond_init(&c, &a);
	pthread_condattr_destroy(&a);
	pthread_mutex_lock(&m);
	clock_gettime(CLOCK_MONOTONIC, &start);
	dl = deadline_in_ms(CLOCK_MONOTONIC, 100);
	r = pthread_cond_timedwait(&c, &m, &dl);
	ms = elapsed_ms(&start);
	pthread_mutex_unlock(&m);
	check(set && clk == CLOCK_MONOTONIC && r == ETIMEDOUT && ms >= 90 && ms < 5000,
	      "pthread_condattr_setclock(CLOCK_MONOTONIC): timedwait takes a monotonic deadline");
	pthread_cond_destroy(&c);
	pthread_condattr_init(&a);
	check(pthread_condattr_setclock(&a, 12345) == EINVAL,
	      "pthread_condattr_setclock with a bad clock gives EINVAL");
}

static pthread_mutex_t bm = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t bc = PTHREAD_COND_INITIALIZER;
static int b_waiting, b_go, b_woken;

static void *wait_for_go(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&bm);
	b_waiting++;
	while (b_go == 0)
		pthread_cond_wait(&bc, &bm);
	b_woken++;
	b_go--;
	pthread_mutex_unlock(&bm);
	return NULL;
}

static int wait_count(int *v, int target)
{
	for (int i = 0; i < 5000; i++) {
		pthread_mutex_lock(&bm);
		int done = *v >= target;
		pthread_mutex_unlock(&bm);
		if (done)
			return 1;
		struct timespec ts = {0, 1000000};
		nanosleep(&ts, NULL);
	}
	return 0;
}

static void check_signal_broadcast(void)
{
	pthread_t t[NTHREADS];

	for (int i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, wait_for_go, NULL);
	wait_count(&b_waiting, NTHREADS);
	pthread_mutex_lock(&bm);
	b_go = 1;
	pthread_cond_signal(&bc);
	pthread_mutex_unlock(&bm);
	int one = wait_count(&b_woken, 1);
	struct timespec ts = {0, 50000000};
	nanosleep(&ts, NULL);
	pthread_mutex_lock(&bm);
	int woken_after_signal = b_woken;
	b_go = NTHREADS - 1;
	pthread_cond_broadcast(&bc);
	pthread_mutex_unlock(&bm);
	int all = wait_count(&b_woken, NTHREADS);
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	check(one && woken_after_signal == 1, "pthread_cond_signal lets one of 4 waiters through");
	check(all && b_woken == NTHREADS, "pthread_cond_broadcast wakes the other 3");
}

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static long rw_value;

static void *try_read(void *arg)
{
	(void)arg;
	int r = pthread_rwlock_tryrdlock(&rw);
	if (r == 0)
		pthread_rwlock_unlock(&rw);
	return (void *)(long)r;
}

static void *try_write(void *arg)
{
	(void)arg;
	int r = pthread_rwlock_trywrlock(&rw);
	if (r == 0)
		pthread_rwlock_unlock(&rw);
	return (void *)(long)r;
}

static void *timed_write(void *arg)
{
	struct timespec dl = deadline_in_ms(CLOCK_REALTIME, 100);
	(void)arg;
	return (void *)(long)pthread_rwlock_timedwrlock(&rw, &dl);
}

static long run(void *(*fn)(void *))
{
	pthread_t t;
	void *r;
	pthread_create(&t, NULL, fn, NULL);
	pthread_join(t, &r);
	return (long)r;
}

static void *rw_writer(void *arg)
{
	(void)arg;
	for (int i = 0; i < 2000; i++) {
		pthread_rwlock_wrlock(&rw);
		long v = rw_value;
		if ((i & 127) == 0)
			sched_yield();
		rw_value = v + 1;
		pthread_rwlock_unlock(&rw);
	}
	return NULL;
}

static void *rw_reader(void *arg)
{
	long odd = 0;
	(void)arg;
	for (int i = 0; i < 2000; i++) {
		pthread_rwlock_rdlock(&rw);
		long a = rw_value;
		sched_yield();
		odd += rw_value != a; /* no writer may change it under a read lock */
		pthread_rwlock_unlock(&rw);
		if (i > 200)
			break;
	}
	return (void *)odd;
}

static void check_rwlock(void)
{
	int r1 = pthread_rwlock_rdlock(&rw);
	check(r1 == 0 && run(try_read) == 0 && run(try_write) == EBUSY,
	      "rwlock: a second reader gets in while a reader holds it, a writer does not");
	check(run(timed_write) == ETIMEDOUT, "pthread_rwlock_timedwrlock: ETIMEDOUT while read-locked");
	pthread_rwlock_unlock(&rw);
	pthread_rwlock_wrlock(&rw);
	check(run(try_read) == EBUSY && run(try_write) == EBUSY &&
	          pthread_rwlock_wrlock(&rw) == EDEADLK,
	      "rwlock: a writer excludes readers and writers; relocking gives EDEADLK");
	pthread_rwlock_unlock(&rw);

	pthread_t w[3], r[2];
	long changed = 0;
	for (int i = 0; i < 3; i++)
		pthread_create(&w[i], NULL, rw_writer, NULL);
	for (int i = 0; i < 2; i++)
		pthread_create(&r[i], NULL, rw_reader, NULL);
	for (int i = 0; i < 3; i++)
		pthread_join(w[i], NULL);
	for (int i = 0; i < 2; i++) {
		void *v;
		pthread_join(r[i], &v);
		changed += (long)v;
	}
	check(rw_value == 6000 && changed == 0,
	      "rwlock: 3 writers x 2000 increments exact, readers never see a change");
}

static pthread_spinlock_t spin;
static long spin_counter;

static void *spin_count(void *arg)
{
	(void)arg;
	for (int i = 0; i < ITERS; i++) {
		pthread_spin_lock(&spin);
		spin_counter++;
		pthread_spin_unlock(&spin);
	}
	return NULL;
}

static void check_spinlock(void)
{
	pthread_t t[NTHREADS];

	pthread_spin_init(&spin, PTHREAD_PROCESS_PRIVATE);
	for (int i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, spin_count, NULL);
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	pthread_spin_lock(&spin);
	int busy = pthread_spin_trylock(&spin) == EBUSY;
	pthread_spin_unlock(&spin);
	check(spin_counter == (long)NTHREADS * ITERS && busy && pthread_spin_destroy(&spin) == 0,
	      "spin lock: 4 threads x 20000 increments exact; trylock on a held lock gives EBUSY");
}

#define ROUNDS 5
static pthread_barrier_t barrier;
static volatile int arrivals;
static volatile int serials;

static void *barrier_rounds(void *arg)
{
	long bad = 0;
	(void)arg;
	for (int round = 1; round <= ROUNDS; round++) {
		__atomic_fetch_add(&arrivals, 1, __ATOMIC_SEQ_CST);
		int r = pthread_barrier_wait(&barrier);
		if (r == PTHREAD_BARRIER_SERIAL_THREAD)
			__atomic_fetch_add(&serials, 1, __ATOMIC_SEQ_CST);
		else if (r != 0)
			bad++;
		/* Everyone arrived for this round before anyone left it. */
		if (__atomic_load_n(&arrivals, __ATOMIC_SEQ_CST) < round * NTHREADS)
			bad++;
		pthread_barrier_wait(&barrier);
	}
	return (void *)bad;
}

static void check_barrier(void)
{
	pthread_t t[NTHREADS];
	long bad = 0;

	check(pthread_barrier_init(&barrier, NULL, 0) == EINVAL,
	      "pthread_barrier_init with a count of 0 gives EINVAL");
	pthread_barrier_init(&barrier, NULL, NTHREADS);
	for (int i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, barrier_rounds, NULL);
	for (int i = 0; i < NTHREADS; i++) {
		void *v;
		pthread_join(t[i], &v);
		bad += (long)v;
	}
	check(bad == 0 && serials == ROUNDS && pthread_barrier_destroy(&barrier) == 0,
	      "barrier: 4 threads x 5 rounds, nobody leaves early, one serial thread per round");
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	check_mutex_counter();
	check_mutex_types();
	check_timedlock();
	check_producer_consumer();
	check_cond_timedwait();
	check_signal_broadcast();
	check_rwlock();
	check_spinlock();
	check_barrier();
	printf("libc-pthread sync done\n");
	return failures ? 1 : 0;
}
