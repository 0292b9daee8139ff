/* Self-tests of kernel threads, wait queues, sleeping and nice weights. */
#include <errno.h>
#include <ktest.h>
#include <proc/sched.h>
#include <proc/wait.h>
#include <time.h>

static struct wait_queue kt_wq = WAIT_QUEUE_INIT(kt_wq);
static volatile int kt_flag;

static void set_flag(void *arg)
{
	kt_flag = (int)(uintptr_t)arg;
	wake_up(&kt_wq);
}

KTEST(kthread_runs_and_wakes)
{
	kt_flag = 0;
	KT_ASSERT(kthread_create(set_flag, (void *)42, "kt-flag") != NULL);
	wait_event(kt_wq, kt_flag == 42);
	KT_ASSERT(kt_flag == 42);
	return 0;
}

static struct wait_queue ping_wq = WAIT_QUEUE_INIT(ping_wq);
static volatile int ping_turn, ping_count;
#define PING_ROUNDS 1000

static void ponger(void *arg)
{
	(void)arg;
	for (int i = 0; i < PING_ROUNDS; i++) {
		wait_event(ping_wq, ping_turn == 1);
		ping_count++;
		ping_turn = 0;
		wake_up(&ping_wq);
	}
}

KTEST(kthread_ping_pong)
{
	ping_turn = 0;
	ping_count = 0;
	KT_ASSERT(kthread_create(ponger, NULL, "kt-pong") != NULL);
	for (int i = 0; i < PING_ROUNDS; i++) {
		ping_turn = 1;
		wake_up(&ping_wq);
		wait_event(ping_wq, ping_turn == 0);
	}
	KT_ASSERT(ping_count == PING_ROUNDS);
	return 0;
}

KTEST(sleep_duration)
{
	uint64_t t0 = clock_monotonic_ns();
	KT_ASSERT(sched_sleep_ns(50 * 1000000ULL) == 0);
	uint64_t ms = (clock_monotonic_ns() - t0) / 1000000;
	KT_ASSERT(ms >= 50 && ms < 200);
	return 0;
}

struct spinner {
	volatile uint64_t loops;
	volatile bool stop;
	int nice;
	volatile bool done;
};

static struct wait_queue spin_wq = WAIT_QUEUE_INIT(spin_wq);

static void spinner(void *arg)
{
	struct spinner *s = arg;
	current->nice = s->nice;
	while (!s->stop) {
		s->loops++;
		if (sched_need_resched())
			schedule();
	}
	s->done = true;
	wake_up(&spin_wq);
}

KTEST(nice_weights)
{
	/* Two busy threads at nice 0 and nice 5 (weights 1024 and 335) share the CPU about 3:1. */
	static struct spinner a, b;
	a = (struct spinner){ .nice = 0 };
	b = (struct spinner){ .nice = 5 };
	KT_ASSERT(kthread_create(spinner, &a, "kt-nice0") != NULL);
	KT_ASSERT(kthread_create(spinner, &b, "kt-nice5") != NULL);
	KT_ASSERT(sched_sleep_ns(600 * 1000000ULL) == 0);
	a.stop = b.stop = true;
	wait_event(spin_wq, a.done && b.done);
	KT_ASSERT(a.loops > 0 && b.loops > 0);
	uint64_t ratio_x10 = a.loops * 10 / b.loops;
	pr_info("ktest: nice 0 vs 5 loop ratio %lu.%lu\n", ratio_x10 / 10, ratio_x10 % 10);
	KT_ASSERT(ratio_x10 >= 20 && ratio_x10 <= 45);
	return 0;
}
