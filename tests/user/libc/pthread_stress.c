/*
 * Threads hammering the C library: newlib's malloc and stdio are
 * thread-safe only through Cairn's __retarget_lock_* functions, and errno
 * and the other per-thread state only through __getreent.
 * - 8 threads each allocate, fill, check and free 3000 blocks of assorted
 *   sizes (malloc, realloc, calloc, free), no block corrupted;
 * - 8 threads each write 200 whole lines into one shared FILE with fprintf;
 *   read back, every line is intact and all 1600 are there;
 * - 8 threads each print 3 lines on stdout with printf, each printf
 *   reporting the whole line written;
 * - 8 threads x 25000 increments of a mutex-protected counter reach exactly
 *   200000;
 * - condvar producer/consumer: 4 producers x 4000 items, 4 consumers, a
 *   4-slot queue, every item consumed once (sum exact);
 * - 200 threads created and joined in waves of 8 (stacks are reclaimed).
 *
 * Built with -pthread; prints "ok - libc-pthread: ..." or "not ok - ..." per
 * check and exits 0 when all passed; also built against glibc on the host
 * (tests/toolchain/pthread.sh).
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NTHREADS 8

static int failures;

static void check(int ok, const char *what)
{
	printf("%s - libc-pthread: %s\n", ok ? "ok" : "not ok", what);
	if (!ok)
		failures++;
}

static void run_all(void *(*fn)(void *), long *results)
{
	pthread_t t[NTHREADS];
	for (long i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, fn, (void *)i);
	for (int i = 0; i < NTHREADS; i++) {
		void *r;
		pthread_join(t[i], &r);
		if (results)
			results[i] = (long)r;
	}
}

#define BLOCKS 32
#define ROUNDS 3000

static void *malloc_hammer(void *arg)
{
	unsigned char *blocks[BLOCKS] = {0};
	size_t sizes[BLOCKS] = {0};
	unsigned seed = 12345u + (unsigned)(long)arg * 7919u;
	long bad = 0;

	for (int round = 0; round < ROUNDS; round++) {
		int i = (int)((seed = seed * 1103515245u + 12345u) >> 16) % BLOCKS;
		unsigned char mark = (unsigned char)((long)arg * 16 + i);
		if (blocks[i]) {
			for (size_t k = 0; k < sizes[i]; k++)
				bad += blocks[i][k] != mark;
			if (round % 3 == 0) {
				size_t n = sizes[i] * 2 + 1;
				unsigned char *p = realloc(blocks[i], n);
				if (!p) {
					bad++;
					continue;
				}
				for (size_t k = 0; k < sizes[i]; k++)
					bad += p[k] != mark;
				memset(p, mark, n);
				blocks[i] = p;
				sizes[i] = n;
				continue;
			}
			free(blocks[i]);
			blocks[i] = NULL;
			continue;
		}
		size_t n = 1 + (seed >> 8) % 3000;
		blocks[i] = round & 1 ? malloc(n) : calloc(1, n);
		if (!blocks[i]) {
			bad++;
			continue;
		}
		if (!(round & 1))
			for (size_t k = 0; k < n; k++)
				bad += blocks[i][k] != 0;
		memset(blocks[i], mark, n);
		sizes[i] = n;
	}
	for (int i = 0; i < BLOCKS; i++)
		free(blocks[i]);
	return (void *)bad;
}

static FILE *shared_file;
#define LINES 200

static void *fprintf_hammer(void *arg)
{
	long id = (long)arg;
	for (int i = 0; i < LINES; i++)
		fprintf(shared_file, "thread %ld line %d %s\n", id, i, "abcdefghijklmnopqrstuvwxyz");
	return NULL;
}

static void check_fprintf(void)
{
	char line[128];
	int counts[NTHREADS] = {0}, bad = 0, total = 0;

	shared_file = tmpfile();
	if (!shared_file) {
		check(0, "tmpfile for the shared FILE");
		return;
	}
	run_all(fprintf_hammer, NULL);
	rewind(shared_file);
	while (fgets(line, sizeof(line), shared_file)) {
		long id;
		int n;
		char tail[64];
		total++;
		if (sscanf(line, "thread %ld line %d %63s", &id, &n, tail) != 3 || id < 0 ||
		    id >= NTHREADS || n != counts[id] || strcmp(tail, "abcdefghijklmnopqrstuvwxyz")) {
			bad++;
			continue;
		}
		counts[id]++;
	}
	fclose(shared_file);
	check(bad == 0 && total == NTHREADS * LINES,
	      "8 threads x 200 fprintf lines into one FILE: all intact, each thread's in order");
}

#define PRINTF_LINE "# libc-pthread: stress thread %ld says hello %d\n"

/* Returns how many of its 3 printf calls reported the full line length. */
static void *printf_lines(void *arg)
{
	long full = 0;
	for (int i = 0; i < 3; i++) {
		int want = snprintf(NULL, 0, PRINTF_LINE, (long)arg, i);
		full += printf(PRINTF_LINE, (long)arg, i) == want;
	}
	return (void *)full;
}

static pthread_mutex_t counter_m = PTHREAD_MUTEX_INITIALIZER;
static long counter;
#define INCREMENTS 25000

static void *count_up(void *arg)
{
	(void)arg;
	for (int i = 0; i < INCREMENTS; i++) {
		pthread_mutex_lock(&counter_m);
		counter++;
		pthread_mutex_unlock(&counter_m);
	}
	return NULL;
}

#define QSIZE      4
#define NITEMS     4000
#define NPRODUCERS 4
static struct {
	pthread_mutex_t m;
	pthread_cond_t not_empty, not_full;
	long items[QSIZE];
	int head, count, producers_left;
	long sum, consumed;
} q = {
	.m = PTHREAD_MUTEX_INITIALIZER,
	.not_empty = PTHREAD_COND_INITIALIZER,
	.not_full = PTHREAD_COND_INITIALIZER,
	.producers_left = NPRODUCERS,
};

static void *produce_or_consume(void *arg)
{
	long id = (long)arg;
	if (id < NPRODUCERS) {
		for (long i = 1; i <= NITEMS; i++) {
			pthread_mutex_lock(&q.m);
			while (q.count == QSIZE)
				pthread_cond_wait(&q.not_full, &q.m);
			q.items[(q.head + q.count++) % QSIZE] = i;
			pthread_cond_signal(&q.not_empty);
			pthread_mutex_unlock(&q.m);
		}
		pthread_mutex_lock(&q.m);
		q.producers_left--;
		pthread_cond_broadcast(&q.not_empty);
		pthread_mutex_unlock(&q.m);
		return NULL;
	}
	for (;;) {
		pthread_mutex_lock(&q.m);
		while (q.count == 0 && q.producers_left > 0)
			pthread_cond_wait(&q.not_empty, &q.m);
		if (q.count == 0) {
			pthread_mutex_unlock(&q.m);
			return NULL;
		}
		q.sum += q.items[q.head];
		q.head = (q.head + 1) % QSIZE;
		q.count--;
		q.consumed++;
		pthread_cond_signal(&q.not_full);
		pthread_mutex_unlock(&q.m);
	}
}

static void *nothing(void *arg)
{
	return arg;
}

int main(void)
{
	long results[NTHREADS];
	long bad = 0;

	setvbuf(stdout, NULL, _IOLBF, 0);
	run_all(malloc_hammer, results);
	for (int i = 0; i < NTHREADS; i++)
		bad += results[i];
	check(bad == 0, "8 threads x 3000 malloc/calloc/realloc/free rounds, no block corrupted");

	check_fprintf();
	run_all(printf_lines, results);
	long full = 0;
	for (int i = 0; i < NTHREADS; i++)
		full += results[i];
	check(full == NTHREADS * 3, "8 threads x 3 printf lines on stdout, each call wrote the whole line");

	run_all(count_up, NULL);
	check(counter == (long)NTHREADS * INCREMENTS,
	      "8 threads x 25000 mutex-protected increments reach exactly 200000");

	run_all(produce_or_consume, NULL);
	check(q.consumed == (long)NPRODUCERS * NITEMS &&
	          q.sum == (long)NPRODUCERS * NITEMS * (NITEMS + 1) / 2,
	      "condvar producer/consumer: 4x4000 items through a 4-slot queue, sum exact");

	int created = 0, joined = 0;
	for (int wave = 0; wave < 25; wave++) {
		pthread_t t[NTHREADS];
		for (long i = 0; i < NTHREADS; i++)
			created += pthread_create(&t[i], NULL, nothing, (void *)i) == 0;
		for (long i = 0; i < NTHREADS; i++) {
			void *r;
			joined += pthread_join(t[i], &r) == 0 && (long)r == i;
		}
	}
	check(created == 200 && joined == 200, "200 threads created and joined in waves of 8");
	printf("libc-pthread stress done\n");
	return failures ? 1 : 0;
}
