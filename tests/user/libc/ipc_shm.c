/*
 * System V shared memory (<sys/shm.h>, docs/ipc.md): a segment shared by a
 * parent and its forked child, attached by key from an unrelated program
 * (this one exec'ed with "attach KEY"), attachment counts through fork,
 * exec, exit and shmdt, SHM_RDONLY, IPC_STAT/IPC_SET, and IPC_RMID that
 * takes the key away at once and the segment at the last detach.
 */
#define _GNU_SOURCE
#define AREA "libc-ipc_shm"
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

#define SHM_DEST_BIT 01000 /* Linux marks a removed segment in its mode */

/* "attach KEY": the unrelated program's side; exit 0 when it read "hello" and wrote "world". */
static int attach_by_key(const char *arg)
{
	key_t key = (key_t)strtol(arg, NULL, 0);
	int id = shmget(key, 0, 0);
	if (id < 0)
		return 2;
	char *p = shmat(id, NULL, 0);
	if (p == (void *)-1)
		return 3;
	if (strcmp(p, "hello") != 0)
		return 4;
	strcpy(p, "world");
	return shmdt(p) == 0 ? 0 : 5;
}

/* "nattch ID": exit with the segment's attachment count as this exec'ed program sees it. */
static int report_nattch(const char *arg)
{
	struct shmid_ds ds;
	if (shmctl(atoi(arg), IPC_STAT, &ds) < 0)
		return 100;
	return (int)ds.shm_nattch;
}

static unsigned long nattch(int id)
{
	struct shmid_ds ds;
	return shmctl(id, IPC_STAT, &ds) == 0 ? ds.shm_nattch : 999;
}

static int wait_status(pid_t pid)
{
	int status = -1;
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static int run_self(char *self, const char *mode, const char *arg)
{
	pid_t pid = fork();
	if (pid == 0) {
		char *argv[] = { self, (char *)mode, (char *)arg, NULL };
		execv(self, argv);
		_exit(127);
	}
	int st = wait_status(pid);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "attach"))
		return attach_by_key(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "nattch"))
		return report_nattch(argv[2]);

	/* A private segment and its status. */
	errno = 0;
	CHECK(shmget(IPC_PRIVATE, 0, IPC_CREAT | 0600) < 0 && errno == EINVAL,
	      "shmget of size 0 fails with EINVAL");
	int id = shmget(IPC_PRIVATE, 8192, IPC_CREAT | 0600);
	CHECK(id >= 0, "shmget(IPC_PRIVATE, 8192) makes a segment (%d)", id);
	struct shmid_ds ds;
	memset(&ds, 0, sizeof(ds));
	CHECK(shmctl(id, IPC_STAT, &ds) == 0 && ds.shm_segsz == 8192 && ds.shm_nattch == 0 &&
	          ds.shm_cpid == getpid() && (ds.shm_perm.mode & 0777) == 0600 &&
	          ds.shm_perm.uid == geteuid(),
	      "IPC_STAT: size 8192, no attachments, creator pid, mode 0600, owner");

	char *p = shmat(id, NULL, 0);
	CHECK(p != (void *)-1, "shmat attaches the segment");
	CHECK(p[0] == 0 && p[8191] == 0, "a new segment reads as zeros");
	CHECK(nattch(id) == 1, "one attachment after shmat (%lu)", nattch(id));
	strcpy(p, "from parent");

	/* Parent and forked child share the pages; the child's attachment counts. */
	pid_t pid = fork();
	if (pid == 0) {
		int bad = strcmp(p, "from parent") != 0;
		bad |= (nattch(id) != 2) << 1;
		strcpy(p + 4096, "from child");
		_exit(bad);
	}
	int st = wait_status(pid);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "the forked child sees the parent's data and two attachments (status %#x)", st);
	CHECK(!strcmp(p + 4096, "from child"), "the parent sees the child's write");
	CHECK(nattch(id) == 1, "the child's attachment went at its exit (%lu)", nattch(id));

	/* exec drops the attachments fork gave. */
	char idbuf[32];
	snprintf(idbuf, sizeof(idbuf), "%d", id);
	CHECK(run_self(argv[0], "nattch", idbuf) == 1,
	      "after exec a child has no attachment of its own (the count is the parent's 1)");

	/* A second attachment of the same segment, and shmdt. */
	char *q = shmat(id, NULL, 0);
	CHECK(q != (void *)-1 && q != p, "a second shmat gives another address");
	CHECK(q != (void *)-1 && !strcmp(q, "from parent"), "both addresses show the same pages");
	CHECK(nattch(id) == 2, "two attachments (%lu)", nattch(id));
	errno = 0;
	CHECK(shmdt(q + 4096) < 0 && errno == EINVAL,
	      "shmdt of an address inside an attachment fails with EINVAL");
	errno = 0;
	CHECK(shmdt(&ds) < 0 && errno == EINVAL, "shmdt of a non-shm address fails with EINVAL");
	CHECK(shmdt(q) == 0 && nattch(id) == 1, "shmdt drops one attachment");
	errno = 0;
	CHECK(shmat(id, (char *)p + 1, 0) == (void *)-1 && errno == EINVAL,
	      "shmat at an unaligned address without SHM_RND fails with EINVAL");

	/* SHM_RDONLY: reads work, a write is a SIGSEGV. */
	char *r = shmat(id, NULL, SHM_RDONLY);
	CHECK(r != (void *)-1 && !strcmp(r, "from parent"), "SHM_RDONLY attachment reads the data");
	pid = fork();
	if (pid == 0) {
		r[0] = 'x';
		_exit(0);
	}
	st = wait_status(pid);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV,
	      "writing through SHM_RDONLY kills with SIGSEGV (status %#x)", st);
	CHECK(p[0] == 'f', "the failed write changed nothing");
	shmdt(r);

	/* IPC_SET changes the mode. */
	ds.shm_perm.mode = 0640;
	CHECK(shmctl(id, IPC_SET, &ds) == 0, "IPC_SET succeeds for the owner");
	CHECK(shmctl(id, IPC_STAT, &ds) == 0 && (ds.shm_perm.mode & 0777) == 0640,
	      "IPC_STAT shows the new mode 0640");

	/* IPC_RMID while attached: the segment stays until the last detach. */
	CHECK(shmctl(id, IPC_RMID, NULL) == 0, "IPC_RMID on an attached segment succeeds");
	CHECK(shmctl(id, IPC_STAT, &ds) == 0 && (ds.shm_perm.mode & SHM_DEST_BIT) &&
	          ds.shm_nattch == 1,
	      "the removed segment is still there, marked for destruction, with 1 attachment");
	strcpy(p, "still usable");
	CHECK(!strcmp(p, "still usable"), "the removed segment's memory is still usable");
	CHECK(shmdt(p) == 0, "shmdt of the last attachment");
	errno = 0;
	CHECK(shmctl(id, IPC_STAT, &ds) < 0 && errno == EINVAL,
	      "after the last detach the id is gone (EINVAL)");

	/* Keys: IPC_EXCL, lookups, and an unrelated program attaching by key. */
	key_t key = (key_t)(0x43490000 | (getpid() & 0xffff));
	int kid = shmget(key, 4096, IPC_CREAT | IPC_EXCL | 0600);
	CHECK(kid >= 0, "shmget with a key and IPC_CREAT|IPC_EXCL creates (%d)", kid);
	errno = 0;
	CHECK(shmget(key, 4096, IPC_CREAT | IPC_EXCL | 0600) < 0 && errno == EEXIST,
	      "IPC_CREAT|IPC_EXCL on an existing key fails with EEXIST");
	CHECK(shmget(key, 0, 0) == kid, "shmget(key, 0, 0) finds the same id");
	errno = 0;
	CHECK(shmget(key, 8192, 0) < 0 && errno == EINVAL,
	      "asking for more than the segment's size fails with EINVAL");
	errno = 0;
	CHECK(shmget(key ^ 0x8000, 0, 0) < 0 && errno == ENOENT,
	      "shmget of an unknown key without IPC_CREAT fails with ENOENT");
	char *k = shmat(kid, NULL, 0);
	CHECK(k != (void *)-1, "the parent attaches the keyed segment");
	strcpy(k, "hello");
	char keybuf[32];
	snprintf(keybuf, sizeof(keybuf), "%#lx", (unsigned long)(unsigned)key);
	int rc = run_self(argv[0], "attach", keybuf);
	CHECK(rc == 0, "an exec'ed program attaches by key and reads the data (exit %d)", rc);
	CHECK(!strcmp(k, "world"), "the parent sees what the other program wrote");
	CHECK(shmctl(kid, IPC_STAT, &ds) == 0 && ds.shm_nattch == 1 && ds.shm_lpid != getpid(),
	      "the other program detached (1 attachment) and was the last operator");
	CHECK(shmctl(kid, IPC_RMID, NULL) == 0, "IPC_RMID");
	errno = 0;
	CHECK(shmget(key, 0, 0) < 0 && errno == ENOENT, "a removed segment's key finds nothing");
	CHECK(shmdt(k) == 0, "detach the removed keyed segment");
	return tap_done();
}
