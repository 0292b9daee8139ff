/*
 * POSIX message queues (<mqueue.h>, docs/ipc.md): attributes and limits,
 * priority order (highest first, FIFO within one), O_NONBLOCK and
 * EAGAIN, timeouts with ETIMEDOUT, a blocking receive woken by another
 * process, poll on the descriptor, mq_notify with SIGEV_SIGNAL and
 * SIGEV_NONE, and close/unlink semantics.
 */
#define _GNU_SOURCE
#define AREA "libc-mqueue"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <mqueue.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

#ifndef MQ_PRIO_MAX
#define MQ_PRIO_MAX 32768
#endif

static volatile sig_atomic_t hits, hit_code, hit_value, hit_pid, hit_sig;

static void on_notify(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	hits++;
	hit_sig = sig;
	hit_code = si->si_code;
	hit_value = si->si_value.sival_int;
	hit_pid = si->si_pid;
}

static int wait_status(pid_t pid)
{
	int status = -1;
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* An absolute CLOCK_REALTIME time ms (>= 0) milliseconds from now. */
static struct timespec in_ms(long ms)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec += ms * 1000000L;
	ts.tv_sec += ts.tv_nsec / 1000000000L;
	ts.tv_nsec %= 1000000000L;
	return ts;
}

static short poll_events(mqd_t q)
{
	struct pollfd pfd = { .fd = q, .events = POLLIN | POLLOUT };
	return poll(&pfd, 1, 0) < 0 ? -1 : pfd.revents;
}

int main(void)
{
	char name[64], name2[64];
	snprintf(name, sizeof(name), "/cairn-mq-%d", (int)getpid());
	snprintf(name2, sizeof(name2), "/cairn-mq2-%d", (int)getpid());
	struct mq_attr attr = { .mq_maxmsg = 4, .mq_msgsize = 64 }, got;

	/* Opening: flags, attributes and their limits. */
	errno = 0;
	CHECK(mq_open("no-slash", O_RDWR | O_CREAT, 0600, NULL) < 0 && errno == EINVAL,
	      "a name without a leading '/' fails with EINVAL");
	errno = 0;
	CHECK(mq_open(name, O_RDWR) < 0 && errno == ENOENT,
	      "opening a missing queue without O_CREAT fails with ENOENT");
	struct mq_attr bad = { .mq_maxmsg = 0, .mq_msgsize = 64 };
	errno = 0;
	CHECK(mq_open(name, O_RDWR | O_CREAT, 0600, &bad) < 0 && errno == EINVAL,
	      "mq_maxmsg 0 fails with EINVAL");
	mqd_t q = mq_open(name, O_RDWR | O_CREAT | O_EXCL, 0600, &attr);
	CHECK(q >= 0, "mq_open creates a queue (%d)", (int)q);
	errno = 0;
	CHECK(mq_open(name, O_RDWR | O_CREAT | O_EXCL, 0600, &attr) < 0 && errno == EEXIST,
	      "O_CREAT|O_EXCL on an existing queue fails with EEXIST");
	CHECK(mq_getattr(q, &got) == 0 && got.mq_maxmsg == 4 && got.mq_msgsize == 64 &&
	          got.mq_curmsgs == 0 && got.mq_flags == 0,
	      "mq_getattr: maxmsg 4, msgsize 64, empty, blocking");
	mqd_t dflt = mq_open(name2, O_RDWR | O_CREAT | O_EXCL, 0600, NULL);
	CHECK(dflt >= 0 && mq_getattr(dflt, &got) == 0 && got.mq_maxmsg == 10 &&
	          got.mq_msgsize == 8192,
	      "without attributes a queue gets Linux's defaults (10 x 8192)");
	mq_close(dflt);
	mq_unlink(name2);

	/* Priorities: highest first, FIFO within one. */
	CHECK(poll_events(q) == POLLOUT, "poll on an empty queue: writable only");
	CHECK(mq_send(q, "a", 2, 1) == 0 && mq_send(q, "b", 2, 5) == 0 && mq_send(q, "c", 2, 1) == 0 &&
	          mq_send(q, "d", 2, 3) == 0,
	      "four messages sent (priorities 1, 5, 1, 3)");
	CHECK(mq_getattr(q, &got) == 0 && got.mq_curmsgs == 4, "mq_curmsgs is 4");
	CHECK(poll_events(q) == POLLIN, "poll on a full queue: readable only");
	char buf[64], order[5] = { 0 };
	unsigned prios[4] = { 0 };
	int fine = 1;
	for (int i = 0; i < 4; i++) {
		ssize_t n = mq_receive(q, buf, sizeof(buf), &prios[i]);
		fine &= n == 2;
		order[i] = buf[0];
	}
	CHECK(fine && !strcmp(order, "bdac"), "received in the order b d a c (%s)", order);
	CHECK(prios[0] == 5 && prios[1] == 3 && prios[2] == 1 && prios[3] == 1,
	      "with their priorities 5 3 1 1");

	/* Sizes and priorities out of range. */
	char big[65] = { 0 };
	errno = 0;
	CHECK(mq_send(q, big, sizeof(big), 0) < 0 && errno == EMSGSIZE,
	      "a message longer than mq_msgsize fails with EMSGSIZE");
	errno = 0;
	CHECK(mq_receive(q, buf, 63, NULL) < 0 && errno == EMSGSIZE,
	      "a receive buffer shorter than mq_msgsize fails with EMSGSIZE");
	errno = 0;
	CHECK(mq_send(q, "x", 1, MQ_PRIO_MAX) < 0 && errno == EINVAL,
	      "priority MQ_PRIO_MAX fails with EINVAL");
	CHECK(mq_send(q, "", 0, 0) == 0 && mq_receive(q, buf, sizeof(buf), NULL) == 0,
	      "an empty message goes through");

	/* Timeouts. */
	struct timespec ts = in_ms(200);
	double t0 = now();
	errno = 0;
	int r = (int)mq_timedreceive(q, buf, sizeof(buf), NULL, &ts);
	double waited = now() - t0;
	CHECK(r < 0 && errno == ETIMEDOUT && waited >= 0.18 && waited < 5,
	      "mq_timedreceive on an empty queue: ETIMEDOUT after the timeout (%.3f s)", waited);
	for (int i = 0; i < 4; i++)
		mq_send(q, "f", 1, 0);
	ts = in_ms(200);
	t0 = now();
	errno = 0;
	r = mq_timedsend(q, "g", 1, 0, &ts);
	waited = now() - t0;
	CHECK(r < 0 && errno == ETIMEDOUT && waited >= 0.18 && waited < 5,
	      "mq_timedsend on a full queue: ETIMEDOUT after the timeout (%.3f s)", waited);
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec -= 1;
	errno = 0;
	CHECK(mq_timedsend(q, "g", 1, 0, &ts) < 0 && errno == ETIMEDOUT,
	      "a timeout in the past fails at once with ETIMEDOUT");
	ts.tv_nsec = 1000000000L;
	errno = 0;
	CHECK(mq_timedsend(q, "g", 1, 0, &ts) < 0 && errno == EINVAL,
	      "a timeout with tv_nsec of 1e9 fails with EINVAL");

	/* O_NONBLOCK through mq_setattr. */
	struct mq_attr nb = { .mq_flags = O_NONBLOCK }, old;
	CHECK(mq_setattr(q, &nb, &old) == 0 && old.mq_flags == 0 && old.mq_curmsgs == 4,
	      "mq_setattr sets O_NONBLOCK and returns the old attributes");
	CHECK(mq_getattr(q, &got) == 0 && got.mq_flags == O_NONBLOCK && got.mq_maxmsg == 4,
	      "mq_getattr shows O_NONBLOCK; other attributes unchanged");
	errno = 0;
	CHECK(mq_send(q, "g", 1, 0) < 0 && errno == EAGAIN, "nonblocking send to a full queue: EAGAIN");
	for (int i = 0; i < 4; i++)
		mq_receive(q, buf, sizeof(buf), NULL);
	errno = 0;
	CHECK(mq_receive(q, buf, sizeof(buf), NULL) < 0 && errno == EAGAIN,
	      "nonblocking receive from an empty queue: EAGAIN");
	nb.mq_flags = 0;
	mq_setattr(q, &nb, NULL);

	/* A blocking receive in another process, woken by a send. */
	pid_t pid = fork();
	if (pid == 0) {
		mqd_t c = mq_open(name, O_RDONLY);
		char cb[64];
		unsigned pr = 0;
		ssize_t n = mq_receive(c, cb, sizeof(cb), &pr);
		_exit(n == 6 && !strcmp(cb, "hello") && pr == 7 ? 0 : 1);
	}
	usleep(100000);
	CHECK(mq_send(q, "hello", 6, 7) == 0, "send while another process waits");
	int st = wait_status(pid);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "the other process (opened by name) received it with its priority");

	/* mq_notify with a signal. */
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_notify;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, NULL);
	struct sigevent sev;
	memset(&sev, 0, sizeof(sev));
	sev.sigev_notify = SIGEV_SIGNAL;
	sev.sigev_signo = SIGUSR1;
	sev.sigev_value.sival_int = 42;
	CHECK(mq_notify(q, &sev) == 0, "mq_notify registers for SIGUSR1");
	errno = 0;
	CHECK(mq_notify(q, &sev) < 0 && errno == EBUSY, "a second registration fails with EBUSY");
	CHECK(mq_send(q, "n1", 3, 0) == 0, "a message arrives on the empty queue");
	for (int i = 0; i < 100 && !hits; i++)
		usleep(10000);
	CHECK(hits == 1 && hit_sig == SIGUSR1 && hit_code == SI_MESGQ && hit_value == 42 &&
	          hit_pid == getpid(),
	      "SIGUSR1 arrives with SI_MESGQ, the value 42 and the sender's pid (%d %d %d)",
	      (int)hits, (int)hit_code, (int)hit_value);
	mq_receive(q, buf, sizeof(buf), NULL);
	mq_send(q, "n2", 3, 0);
	usleep(20000);
	CHECK(hits == 1, "the registration is gone after one notification");
	mq_receive(q, buf, sizeof(buf), NULL);
	CHECK(mq_notify(q, &sev) == 0 && mq_notify(q, NULL) == 0,
	      "register again, then unregister with NULL");
	mq_send(q, "n3", 3, 0);
	usleep(20000);
	CHECK(hits == 1, "no signal after unregistering");
	mq_receive(q, buf, sizeof(buf), NULL);
	sev.sigev_notify = SIGEV_NONE;
	CHECK(mq_notify(q, &sev) == 0, "SIGEV_NONE registers");
	pid = fork();
	if (pid == 0) {
		struct sigevent s2;
		memset(&s2, 0, sizeof(s2));
		s2.sigev_notify = SIGEV_NONE;
		errno = 0;
		_exit(mq_notify(q, &s2) < 0 && errno == EBUSY ? 0 : 1);
	}
	st = wait_status(pid);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "another process cannot register while one is registered (EBUSY)");
	mq_send(q, "n4", 3, 0);
	usleep(20000);
	CHECK(hits == 1, "SIGEV_NONE sends nothing");
	mq_receive(q, buf, sizeof(buf), NULL);
	mq_notify(q, NULL);

	/* Access modes. */
	mqd_t wo = mq_open(name, O_WRONLY);
	errno = 0;
	CHECK(wo >= 0 && mq_receive(wo, buf, sizeof(buf), NULL) < 0 && errno == EBADF,
	      "receiving on a write-only descriptor fails with EBADF");
	errno = 0;
	CHECK(mq_send(STDOUT_FILENO, "x", 1, 0) < 0 && errno == EBADF,
	      "mq_send on a descriptor that is no queue fails with EBADF");

	/* Unlink and close. */
	CHECK(mq_send(wo, "kept", 5, 2) == 0, "a message waits in the queue");
	CHECK(mq_unlink(name) == 0, "mq_unlink removes the name");
	errno = 0;
	CHECK(mq_open(name, O_RDWR) < 0 && errno == ENOENT, "the name is gone (ENOENT)");
	errno = 0;
	CHECK(mq_unlink(name) < 0 && errno == ENOENT, "a second mq_unlink fails with ENOENT");
	mqd_t fresh = mq_open(name, O_RDWR | O_CREAT | O_EXCL, 0600, &attr);
	CHECK(fresh >= 0 && mq_getattr(fresh, &got) == 0 && got.mq_curmsgs == 0,
	      "the name can be reused for a new, empty queue");
	ssize_t n = mq_receive(q, buf, sizeof(buf), NULL);
	CHECK(n == 5 && !strcmp(buf, "kept"), "open descriptors keep the unlinked queue and its message");
	CHECK(mq_close(wo) == 0 && mq_close(q) == 0, "mq_close");
	errno = 0;
	CHECK(mq_send(q, "x", 1, 0) < 0 && errno == EBADF, "a closed descriptor: EBADF");
	mq_close(fresh);
	CHECK(mq_unlink(name) == 0, "unlink the second queue");
	return tap_done();
}
