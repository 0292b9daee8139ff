/*
 * POSIX semaphores: unnamed ones (sem_init, sem_wait, sem_trywait,
 * sem_timedwait, sem_post, sem_getvalue, a waiter woken by sem_post,
 * ping-pong between two threads) and named ones in /dev/shm (sem_open with
 * O_CREAT and O_EXCL, opening again, the count shared with a forked child
 * through the shared mapping, sem_close, sem_unlink).
 *
 * Built with -pthread; prints "ok - libc-pthread: ..." or "not ok - ..." per
 * check and exits 0 when all passed; also built against glibc on the host
 * (tests/toolchain/pthread.sh).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int failures;

static void check(int ok, const char *what)
{
	printf("%s - libc-pthread: %s\n", ok ? "ok" : "not ok", what);
	if (!ok)
		failures++;
}

static long elapsed_ms(const struct timespec *from)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - from->tv_sec) * 1000 + (now.tv_nsec - from->tv_nsec) / 1000000;
}

static void check_unnamed(void)
{
	sem_t s;
	int v = -1;

	check(sem_init(&s, 0, 2) == 0 && sem_getvalue(&s, &v) == 0 && v == 2,
	      "sem_init(2): sem_getvalue gives 2");
	int ok = sem_wait(&s) == 0 && sem_trywait(&s) == 0;
	errno = 0;
	ok &= sem_trywait(&s) == -1 && errno == EAGAIN;
	check(ok, "sem_wait and sem_trywait take the two, a third sem_trywait fails with EAGAIN");
	ok = sem_post(&s) == 0 && sem_getvalue(&s, &v) == 0 && v == 1;
	check(ok, "sem_post brings the count back to 1");
	sem_wait(&s);

	struct timespec start, dl;
	clock_gettime(CLOCK_MONOTONIC, &start);
	clock_gettime(CLOCK_REALTIME, &dl);
	dl.tv_nsec += 100000000L;
	if (dl.tv_nsec >= 1000000000L) {
		dl.tv_sec++;
		dl.tv_nsec -= 1000000000L;
	}
	errno = 0;
	int r = sem_timedwait(&s, &dl);
	long ms = elapsed_ms(&start);
	check(r == -1 && errno == ETIMEDOUT && ms >= 90 && ms < 5000,
	      "sem_timedwait on 0 fails with ETIMEDOUT after 100 ms");
	check(sem_destroy(&s) == 0, "sem_destroy");
	check(sem_init(&s, 0, (unsigned)SEM_VALUE_MAX + 1u) == -1 && errno == EINVAL,
	      "sem_init above SEM_VALUE_MAX fails with EINVAL");
}

static sem_t ping, pong;
static volatile int ping_count;

static void *ponger(void *arg)
{
	(void)arg;
	for (int i = 0; i < 1000; i++) {
		sem_wait(&ping);
		ping_count++;
		sem_post(&pong);
	}
	return NULL;
}

static sem_t gate;
static volatile int passed_gate;

static void *wait_at_gate(void *arg)
{
	(void)arg;
	sem_wait(&gate);
	passed_gate = 1;
	return NULL;
}

static void check_threads(void)
{
	pthread_t t;
	int ok = 1;

	sem_init(&ping, 0, 0);
	sem_init(&pong, 0, 0);
	pthread_create(&t, NULL, ponger, NULL);
	for (int i = 0; i < 1000; i++) {
		sem_post(&ping);
		ok &= sem_wait(&pong) == 0 && ping_count == i + 1;
	}
	pthread_join(t, NULL);
	check(ok, "1000 rounds of ping-pong between two threads on two semaphores");

	sem_init(&gate, 0, 0);
	pthread_create(&t, NULL, wait_at_gate, NULL);
	struct timespec ts = {0, 50000000};
	nanosleep(&ts, NULL);
	int blocked = passed_gate == 0;
	sem_post(&gate);
	pthread_join(t, NULL);
	check(blocked && passed_gate, "a thread blocked in sem_wait is let through by sem_post");
}

static void check_named(void)
{
	const char *name = "/cairn-test-sem";
	int v = -1;

	sem_unlink(name);
	sem_t *a = sem_open(name, O_CREAT | O_EXCL, 0600, 3);
	check(a != SEM_FAILED && sem_getvalue(a, &v) == 0 && v == 3,
	      "sem_open(O_CREAT|O_EXCL, 3) creates a named semaphore with count 3");
	errno = 0;
	sem_t *dup = sem_open(name, O_CREAT | O_EXCL, 0600, 1);
	check(dup == SEM_FAILED && errno == EEXIST, "a second O_CREAT|O_EXCL fails with EEXIST");
	sem_t *b = sem_open(name, 0);
	check(b != SEM_FAILED && sem_wait(b) == 0 && sem_getvalue(a, &v) == 0 && v == 2,
	      "opening the name again gives the same semaphore (a wait through one shows in the other)");

	pid_t pid = fork();
	if (pid == 0) {
		sem_t *c = sem_open(name, 0);
		_exit(c != SEM_FAILED && sem_post(c) == 0 && sem_post(c) == 0 ? 0 : 1);
	}
	int status = -1;
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0 && sem_getvalue(a, &v) == 0 && v == 4,
	      "a forked child's two sem_posts show in the parent (shared mapping in /dev/shm)");

	check(sem_close(b) == 0 && sem_close(a) == 0, "sem_close on both handles");
	check(sem_unlink(name) == 0, "sem_unlink removes the name");
	errno = 0;
	check(sem_open(name, 0) == SEM_FAILED && errno == ENOENT,
	      "sem_open of an unlinked name fails with ENOENT");
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	check_unnamed();
	check_threads();
	check_named();
	printf("libc-pthread sem done\n");
	return failures ? 1 : 0;
}
