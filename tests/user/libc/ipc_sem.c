/*
 * System V semaphores (<sys/sem.h>, docs/ipc.md): semctl's value commands,
 * all-or-nothing semop, mutual exclusion between processes, SEM_UNDO
 * applied at exit, sleepers counted by GETNCNT and GETZCNT and woken by an
 * increment, EIDRM when the set is removed under a sleeper, EINTR from a
 * signal, and semtimedop's timeout.
 */
#define _GNU_SOURCE
#define AREA "libc-ipc_sem"
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/sem.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

union semun {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
};

static int op(int id, int num, int delta, int flags)
{
	struct sembuf b = { .sem_num = (unsigned short)num, .sem_op = (short)delta,
	                    .sem_flg = (short)flags };
	return semop(id, &b, 1);
}

static int wait_status(pid_t pid)
{
	int status = -1;
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

/* Waits (up to 5 s) until semctl(id, num, cmd) returns want. */
static int wait_count(int id, int num, int cmd, int want)
{
	for (int i = 0; i < 500; i++) {
		if (semctl(id, num, cmd) == want)
			return 1;
		usleep(10000);
	}
	return 0;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void on_usr1(int sig)
{
	(void)sig;
}

#define WORKERS 4
#define ROUNDS 300

int main(void)
{
	errno = 0;
	CHECK(semget(IPC_PRIVATE, 0, IPC_CREAT | 0600) < 0 && errno == EINVAL,
	      "semget of 0 semaphores fails with EINVAL");
	int id = semget(IPC_PRIVATE, 3, IPC_CREAT | 0600);
	CHECK(id >= 0, "semget(IPC_PRIVATE, 3) makes a set (%d)", id);
	struct semid_ds ds;
	union semun arg = { .buf = &ds };
	CHECK(semctl(id, 0, IPC_STAT, arg) == 0 && ds.sem_nsems == 3 &&
	          (ds.sem_perm.mode & 0777) == 0600 && ds.sem_perm.uid == geteuid(),
	      "IPC_STAT: 3 semaphores, mode 0600, owner");
	CHECK(semctl(id, 0, GETVAL) == 0 && semctl(id, 2, GETVAL) == 0, "new semaphores are 0");

	arg.val = 5;
	CHECK(semctl(id, 1, SETVAL, arg) == 0 && semctl(id, 1, GETVAL) == 5, "SETVAL 5, GETVAL 5");
	CHECK(semctl(id, 1, GETPID) == getpid(), "GETPID names the process that set it");
	arg.val = 40000;
	errno = 0;
	CHECK(semctl(id, 1, SETVAL, arg) < 0 && errno == ERANGE, "SETVAL above SEMVMX: ERANGE");
	errno = 0;
	CHECK(semctl(id, 3, GETVAL) < 0 && errno == EINVAL, "GETVAL past the set: EINVAL");
	unsigned short vals[3] = { 1, 2, 3 }, got[3] = { 0 };
	arg.array = vals;
	CHECK(semctl(id, 0, SETALL, arg) == 0, "SETALL {1, 2, 3}");
	arg.array = got;
	CHECK(semctl(id, 0, GETALL, arg) == 0 && got[0] == 1 && got[1] == 2 && got[2] == 3,
	      "GETALL reads {1, 2, 3} (%u %u %u)", got[0], got[1], got[2]);

	/* semop: all or nothing. */
	CHECK(op(id, 0, -1, IPC_NOWAIT) == 0 && semctl(id, 0, GETVAL) == 0, "semop -1 takes 1");
	errno = 0;
	CHECK(op(id, 0, -1, IPC_NOWAIT) < 0 && errno == EAGAIN,
	      "semop -1 on 0 with IPC_NOWAIT fails with EAGAIN");
	struct sembuf two[2] = { { 1, -1, 0 }, { 2, -4, IPC_NOWAIT } };
	errno = 0;
	CHECK(semop(id, two, 2) < 0 && errno == EAGAIN && semctl(id, 1, GETVAL) == 2,
	      "when one operation cannot proceed none is applied");
	two[1].sem_op = -3;
	CHECK(semop(id, two, 2) == 0 && semctl(id, 1, GETVAL) == 1 && semctl(id, 2, GETVAL) == 0,
	      "both operations applied together");
	struct sembuf far = { 7, 1, 0 };
	errno = 0;
	CHECK(semop(id, &far, 1) < 0 && errno == EFBIG, "sem_num past the set: EFBIG");
	CHECK(op(id, 2, 0, IPC_NOWAIT) == 0, "wait-for-zero on 0 proceeds at once");

	/* Mutual exclusion: a counter in shared memory incremented under the semaphore. */
	int mid = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
	arg.val = 1;
	semctl(mid, 0, SETVAL, arg);
	volatile int *counter = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
	                             -1, 0);
	CHECK(mid >= 0 && counter != MAP_FAILED, "a mutex semaphore and a shared counter");
	pid_t kids[WORKERS];
	for (int w = 0; w < WORKERS; w++) {
		kids[w] = fork();
		if (kids[w] == 0) {
			for (int i = 0; i < ROUNDS; i++) {
				if (op(mid, 0, -1, SEM_UNDO) < 0)
					_exit(1);
				int v = *counter;
				sched_yield();
				*counter = v + 1;
				if (op(mid, 0, 1, SEM_UNDO) < 0)
					_exit(2);
			}
			_exit(0);
		}
	}
	int good = 0;
	for (int w = 0; w < WORKERS; w++) {
		int st = wait_status(kids[w]);
		good += WIFEXITED(st) && WEXITSTATUS(st) == 0;
	}
	CHECK(good == WORKERS && *counter == WORKERS * ROUNDS,
	      "%d processes x %d locked increments give %d (%d)", WORKERS, ROUNDS,
	      WORKERS * ROUNDS, *counter);
	CHECK(semctl(mid, 0, GETVAL) == 1, "the mutex is free again");

	/* SEM_UNDO: what an exiting process took comes back. */
	pid_t pid = fork();
	if (pid == 0)
		_exit(op(mid, 0, -1, SEM_UNDO) == 0 && op(mid, 0, 3, SEM_UNDO) == 0 &&
		              semctl(mid, 0, GETVAL) == 3
		          ? 0
		          : 1);
	int st = wait_status(pid);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "a child took 1 and added 3 with SEM_UNDO");
	CHECK(semctl(mid, 0, GETVAL) == 1, "its exit undid both (value %d, want 1)",
	      semctl(mid, 0, GETVAL));
	pid = fork();
	if (pid == 0)
		_exit(op(mid, 0, -1, 0) == 0 ? 0 : 1);
	wait_status(pid);
	CHECK(semctl(mid, 0, GETVAL) == 0, "without SEM_UNDO the decrement stays");

	/* A sleeper: counted by GETNCNT, woken by an increment. */
	pid = fork();
	if (pid == 0)
		_exit(op(mid, 0, -1, 0) == 0 ? 0 : 1);
	CHECK(wait_count(mid, 0, GETNCNT, 1), "GETNCNT counts the sleeping decrement");
	CHECK(op(mid, 0, 1, 0) == 0, "an increment");
	st = wait_status(pid);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0 && semctl(mid, 0, GETVAL) == 0,
	      "wakes the sleeper, which takes it");
	CHECK(semctl(mid, 0, GETNCNT) == 0, "GETNCNT is 0 again");

	/* Wait-for-zero sleeper: GETZCNT. */
	arg.val = 1;
	semctl(mid, 0, SETVAL, arg);
	pid = fork();
	if (pid == 0)
		_exit(op(mid, 0, 0, 0) == 0 ? 0 : 1);
	CHECK(wait_count(mid, 0, GETZCNT, 1), "GETZCNT counts the wait-for-zero sleeper");
	arg.val = 0;
	semctl(mid, 0, SETVAL, arg);
	st = wait_status(pid);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "SETVAL 0 wakes it");

	/* EINTR: a signal ends the sleep. */
	pid = fork();
	if (pid == 0) {
		struct sigaction sa;
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_usr1; /* no SA_RESTART */
		sigaction(SIGUSR1, &sa, NULL);
		errno = 0;
		int r = op(mid, 0, -1, 0);
		_exit(r < 0 && errno == EINTR ? 0 : 1);
	}
	CHECK(wait_count(mid, 0, GETNCNT, 1), "a child sleeps in semop");
	kill(pid, SIGUSR1);
	st = wait_status(pid);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "a signal makes its semop fail with EINTR");
	pid = fork();
	if (pid == 0) {
		struct sigaction sa;
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_usr1;
		sa.sa_flags = SA_RESTART; /* semop is never restarted after a handler */
		sigaction(SIGUSR1, &sa, NULL);
		errno = 0;
		int r = op(mid, 0, -1, 0);
		_exit(r < 0 && errno == EINTR ? 0 : 1);
	}
	CHECK(wait_count(mid, 0, GETNCNT, 1), "a child with an SA_RESTART handler sleeps in semop");
	kill(pid, SIGUSR1);
	st = wait_status(pid);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "its semop fails with EINTR all the same");

	/* semtimedop's timeout. */
	struct timespec ts = { 0, 200 * 1000 * 1000 };
	struct sembuf take = { 0, -1, 0 };
	double t0 = now();
	errno = 0;
	int r = semtimedop(mid, &take, 1, &ts);
	double waited = now() - t0;
	CHECK(r < 0 && errno == EAGAIN, "semtimedop times out with EAGAIN");
	CHECK(waited >= 0.18 && waited < 5, "after about the timeout (%.3f s)", waited);
	ts.tv_nsec = 1000 * 1000 * 1000;
	errno = 0;
	CHECK(semtimedop(mid, &take, 1, &ts) < 0 && errno == EINVAL,
	      "a timeout with tv_nsec of 1e9 fails with EINVAL");

	/* EIDRM: the set removed under a sleeper. */
	pid = fork();
	if (pid == 0) {
		errno = 0;
		int rr = op(mid, 0, -1, 0);
		_exit(rr < 0 && errno == EIDRM ? 0 : 1);
	}
	CHECK(wait_count(mid, 0, GETNCNT, 1), "a child sleeps before the removal");
	CHECK(semctl(mid, 0, IPC_RMID) == 0, "IPC_RMID");
	st = wait_status(pid);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the sleeper's semop fails with EIDRM");
	errno = 0;
	CHECK(semctl(mid, 0, GETVAL) < 0 && errno == EINVAL, "a removed set's id: EINVAL");

	/* Keys. */
	key_t key = (key_t)(0x43530000 | (getpid() & 0xffff));
	int kid = semget(key, 2, IPC_CREAT | IPC_EXCL | 0600);
	CHECK(kid >= 0, "semget with a key creates");
	errno = 0;
	CHECK(semget(key, 2, IPC_CREAT | IPC_EXCL | 0600) < 0 && errno == EEXIST,
	      "IPC_CREAT|IPC_EXCL on an existing key: EEXIST");
	CHECK(semget(key, 0, 0) == kid && semget(key, 2, 0) == kid, "the key finds the set");
	errno = 0;
	CHECK(semget(key, 3, 0) < 0 && errno == EINVAL, "more semaphores than the set has: EINVAL");
	arg.buf = &ds;
	ds.sem_perm.mode = 0640;
	CHECK(semctl(kid, 0, IPC_SET, arg) == 0 && semctl(kid, 0, IPC_STAT, arg) == 0 &&
	          (ds.sem_perm.mode & 0777) == 0640,
	      "IPC_SET changes the mode to 0640");
	CHECK(semctl(kid, 0, IPC_RMID) == 0 && semctl(id, 0, IPC_RMID) == 0, "remove both sets");
	errno = 0;
	CHECK(semget(key, 0, 0) < 0 && errno == ENOENT, "the removed set's key finds nothing");
	return tap_done();
}
