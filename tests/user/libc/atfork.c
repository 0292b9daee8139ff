/*
 * pthread_atfork() and fork() in a threaded program: the prepare handlers
 * run newest first, the parent and child handlers oldest first; fork()
 * while other threads hammer malloc() and stdio gives children in which
 * malloc, printf and new threads work (no lock left held by a thread that
 * does not exist there). A deadlocked child is killed by its own alarm(),
 * which the parent sees as a failed check.
 */
#define _GNU_SOURCE
#define AREA "libc-atfork"
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

static char trace[32];
static size_t trace_len;

static void note(char c)
{
	if (trace_len < sizeof(trace) - 1)
		trace[trace_len++] = c;
	trace[trace_len] = 0;
}

static void prep1(void) { note('a'); }
static void prep2(void) { note('b'); }
static void prep3(void) { note('c'); }
static void par1(void) { note('1'); }
static void par2(void) { note('2'); }
static void par3(void) { note('3'); }
static void chi1(void) { note('x'); }
static void chi2(void) { note('y'); }
static void chi3(void) { note('z'); }

static volatile int stop;

/* Keeps malloc, free and stdio busy until stop is set. */
static void *busy(void *arg)
{
	FILE *f = arg;
	unsigned n = 0;

	while (!stop) {
		char *p = malloc(16 + n % 4000);
		if (p) {
			memset(p, 'x', 16);
			p[15] = 0;
			fprintf(f, "%s %u\n", p, n);
			if (n % 64 == 0)
				fflush(f);
		}
		free(p);
		n++;
	}
	return NULL;
}

static void *child_thread(void *arg)
{
	return (char *)arg + 1;
}

/* What a child does: malloc, stdio, a thread of its own. Exit status 0 = fine. */
static int child_work(void)
{
	char *blocks[64];
	char buf[64];
	pthread_t t;
	void *res = NULL;

	alarm(20);
	for (int i = 0; i < 64; i++) {
		blocks[i] = malloc(100 + i * 50);
		if (!blocks[i])
			return 2;
	}
	for (int i = 0; i < 64; i++)
		free(blocks[i]);
	snprintf(buf, sizeof(buf), "child %d", (int)getpid());
	FILE *f = fopen("/dev/null", "w");
	if (!f || fprintf(f, "%s\n", buf) < 0 || fclose(f))
		return 3;
	if (pthread_create(&t, NULL, child_thread, buf) || pthread_join(t, &res) || res != buf + 1)
		return 4;
	if (pthread_kill(pthread_self(), 0))
		return 5;
	return 0;
}

int main(void)
{
	pid_t pid;
	int status, p[2];

	CHECK(pthread_atfork(prep1, par1, chi1) == 0, "pthread_atfork registers a first set");
	CHECK(pthread_atfork(prep2, par2, chi2) == 0, "pthread_atfork registers a second set");
	CHECK(pthread_atfork(NULL, NULL, NULL) == 0, "pthread_atfork accepts NULL handlers");
	CHECK(pthread_atfork(prep3, par3, chi3) == 0, "pthread_atfork registers a third set");

	if (pipe(p) == 0) {
		trace_len = 0;
		pid = fork();
		if (pid == 0) {
			ssize_t w = write(p[1], trace, strlen(trace));
			_exit(w == (ssize_t)strlen(trace) ? 0 : 1);
		}
		CHECK(pid > 0, "fork with handlers registered");
		char got[32] = {0};
		close(p[1]);
		ssize_t n = read(p[0], got, sizeof(got) - 1);
		close(p[0]);
		waitpid(pid, &status, 0);
		CHECK(n > 0 && !strcmp(got, "cbaxyz"),
		      "the child ran prepare newest first, then child handlers oldest first (%s)",
		      got);
		CHECK(!strcmp(trace, "cba123"),
		      "the parent ran prepare newest first, then parent handlers oldest first (%s)",
		      trace);
	}

	/* fork() while four threads use malloc and stdio. */
	pthread_t th[4];
	FILE *files[4];
	int started = 0;
	for (int i = 0; i < 4; i++) {
		files[i] = fopen("/dev/null", "w");
		if (files[i] && pthread_create(&th[i], NULL, busy, files[i]) == 0)
			started++;
	}
	CHECK(started == 4, "four threads busy with malloc and stdio");
	int ok = 0, forks = 20, deadlocked = 0;
	for (int i = 0; i < forks; i++) {
		usleep(1000 * (i % 5));
		pid = fork();
		if (pid == 0)
			_exit(child_work());
		if (pid < 0)
			continue;
		if (waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0)
			ok++;
		else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
			deadlocked++;
		else
			printf("# child %d: status %#x\n", i, status);
	}
	stop = 1;
	for (int i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	for (int i = 0; i < 4; i++)
		if (files[i])
			fclose(files[i]);
	CHECK(deadlocked == 0, "no child deadlocked on a lock another thread held (%d)", deadlocked);
	CHECK(ok == forks, "%d of %d children could malloc, use stdio and create a thread", ok,
	      forks);
	CHECK(strlen(trace) > 6, "the handlers ran again for every fork");
	return tap_done();
}
