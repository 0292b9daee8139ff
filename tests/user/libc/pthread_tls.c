/*
 * Thread-local storage: `__thread` variables through the FS base, with the
 * static TLS block laid out from the executable's PT_TLS segment (x86-64
 * TLS variant II). Initialised (.tdata) and zeroed (.tbss) variables start
 * with their initial values in every thread, over-aligned variables are
 * aligned, each thread has its own copies (distinct addresses, values that
 * survive other threads' writes), and errno is one of them.
 *
 * Built with -pthread; prints "ok - libc-pthread: ..." or "not ok - ..." per
 * check and exits 0 when all passed; also built against glibc on the host
 * (tests/toolchain/pthread.sh).
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define NTHREADS 8

static int failures;

static void check(int ok, const char *what)
{
	printf("%s - libc-pthread: %s\n", ok ? "ok" : "not ok", what);
	if (!ok)
		failures++;
}

static __thread int tdata_int = 42;
static __thread char tdata_str[16] = "cairn tls";
static __thread long tbss_long;
static __thread char tbss_big[16384];
static __thread int tbss_aligned __attribute__((aligned(64)));
__thread double tdata_double = 2.5;

struct seen {
	int initial_ok;
	void *addr_int, *addr_big, *addr_errno;
	int survived;
};

/* Is every byte of the 16 KiB .tbss array zero? */
static int big_is_zero(void)
{
	for (size_t i = 0; i < sizeof(tbss_big); i++)
		if (tbss_big[i])
			return 0;
	return 1;
}

static void *thread_main(void *arg)
{
	struct seen *s = arg;
	s->initial_ok = tdata_int == 42 && strcmp(tdata_str, "cairn tls") == 0 && tbss_long == 0 &&
			big_is_zero() && tdata_double == 2.5 &&
			((uintptr_t)&tbss_aligned & 63) == 0;
	s->addr_int = &tdata_int;
	s->addr_big = tbss_big;
	s->addr_errno = &errno;
	/* Write this thread's own values, let the others run, read them back. */
	tdata_int = (int)(uintptr_t)s & 0x7fffffff;
	memset(tbss_big, (int)((uintptr_t)s & 0xff), sizeof(tbss_big));
	tbss_long = (long)(uintptr_t)s;
	for (int i = 0; i < 20; i++)
		sched_yield();
	s->survived = tdata_int == (int)((uintptr_t)s & 0x7fffffff) &&
		      tbss_long == (long)(uintptr_t)s &&
		      tbss_big[0] == (char)((uintptr_t)s & 0xff) &&
		      tbss_big[sizeof(tbss_big) - 1] == (char)((uintptr_t)s & 0xff);
	return NULL;
}

int main(void)
{
	struct seen seen[NTHREADS];
	pthread_t t[NTHREADS];
	int initial = 1, survived = 1, distinct = 1;

	setvbuf(stdout, NULL, _IOLBF, 0);
	check(tdata_int == 42 && strcmp(tdata_str, "cairn tls") == 0 && tdata_double == 2.5,
	      "the main thread's initialised __thread variables have their values");
	check(tbss_long == 0 && big_is_zero(), "the main thread's zeroed __thread variables are 0");
	check(((uintptr_t)&tbss_aligned & 63) == 0, "an aligned(64) __thread variable is aligned");

	tdata_int = 7;
	memset(&seen, 0, sizeof(seen));
	for (int i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, thread_main, &seen[i]);
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	for (int i = 0; i < NTHREADS; i++) {
		initial &= seen[i].initial_ok;
		survived &= seen[i].survived;
		distinct &= seen[i].addr_int != &tdata_int && seen[i].addr_errno != &errno;
		for (int j = 0; j < i; j++)
			distinct &= seen[i].addr_int != seen[j].addr_int &&
				    seen[i].addr_big != seen[j].addr_big &&
				    seen[i].addr_errno != seen[j].addr_errno;
	}
	check(initial, "8 new threads start with the initial TLS values (.tdata, 16 KiB .tbss, alignment)");
	check(distinct, "each thread's __thread variables and errno are at their own addresses");
	check(survived, "values a thread writes survive the other threads' writes");
	check(tdata_int == 7, "the main thread's value is untouched by the threads");
	printf("libc-pthread tls done\n");
	return failures ? 1 : 0;
}
