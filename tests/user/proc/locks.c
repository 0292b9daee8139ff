/*
 * File locks: fcntl record locks between processes (conflicts, F_GETLK's
 * report, ranges and splitting, shared read locks, F_SETLKW waiting,
 * EDEADLK, release on close) and flock(2) (exclusive/shared, LOCK_NB,
 * ownership by the open file description).
 */
#include "rt.h"

#define PATH "/tmp/locks-file"

static long setlk(int fd, int cmd, short type, long start, long len)
{
	struct flock fl = {.l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len};
	return syscall3(SYS_fcntl, fd, cmd, (long)&fl);
}

static void pause_ms(long ms)
{
	struct timespec ts = {0, ms * 1000000};
	sys_nanosleep(&ts, NULL);
}

/* Runs fn(fd) in a child with its own descriptor for PATH; returns its exit code. */
static int in_child(int (*fn)(int fd), bool wait_now, long *pid_out)
{
	long pid = sys_fork();
	if (pid == 0) {
		long fd = sys_open(PATH, O_RDWR, 0);
		syscall1(SYS_exit_group, fd < 0 ? 100 : fn((int)fd));
	}
	if (pid_out)
		*pid_out = pid;
	if (!wait_now)
		return 0;
	int status = 0;
	sys_wait4((int)pid, &status, 0, NULL);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int child_conflicts(int fd)
{
	if (setlk(fd, F_SETLK, F_WRLCK, 5, 1) != -EAGAIN)
		return 1;
	if (setlk(fd, F_SETLK, F_RDLCK, 0, 0) != -EAGAIN)
		return 2;
	struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 8, .l_len = 4};
	if (syscall3(SYS_fcntl, fd, F_GETLK, (long)&fl) || fl.l_type != F_WRLCK ||
	    fl.l_start != 0 || fl.l_len != 10 || fl.l_pid != (int)sys_getppid())
		return 3;
	if (setlk(fd, F_SETLK, F_WRLCK, 10, 10) != 0)
		return 4;
	return 0;
}

static int child_after_split(int fd)
{
	/* The parent unlocked [3, 5): that hole is free, its neighbours are not. */
	if (setlk(fd, F_SETLK, F_WRLCK, 3, 2) != 0)
		return 1;
	if (setlk(fd, F_SETLK, F_WRLCK, 2, 1) != -EAGAIN || setlk(fd, F_SETLK, F_WRLCK, 5, 1) != -EAGAIN)
		return 2;
	return 0;
}

static int child_reads(int fd)
{
	return setlk(fd, F_SETLK, F_RDLCK, 0, 100) == 0 ? 0 : 1;
}

static int child_waits(int fd)
{
	/* Blocks until the parent lets go, then holds the lock. */
	return setlk(fd, F_SETLKW, F_WRLCK, 0, 1) == 0 ? 7 : 1;
}

static int child_deadlock(int fd)
{
	if (setlk(fd, F_SETLK, F_WRLCK, 50, 1) != 0)
		return 1;
	/* Waits for the parent's byte 40; the parent then asks for our byte 50. */
	long r = setlk(fd, F_SETLKW, F_WRLCK, 40, 1);
	return r == 0 ? 9 : 2;
}

static int child_flock(int fd)
{
	if (syscall2(SYS_flock, fd, LOCK_EX | LOCK_NB) != -EWOULDBLOCK)
		return 1;
	if (syscall2(SYS_flock, fd, LOCK_SH | LOCK_NB) != -EWOULDBLOCK)
		return 2;
	return 0;
}

static int child_flock_shared(int fd)
{
	if (syscall2(SYS_flock, fd, LOCK_SH | LOCK_NB) != 0)
		return 1;
	if (syscall2(SYS_flock, fd, LOCK_EX | LOCK_NB) != -EWOULDBLOCK)
		return 2;
	return 0;
}

int main(void)
{
	t_set_prog("locks");
	long fd = sys_open(PATH, O_CREAT | O_RDWR | O_TRUNC, 0644);
	T_OK(fd >= 0 && sys_write((int)fd, "0123456789abcdefghij", 20) == 20, "a test file");

	T_OK(setlk((int)fd, F_SETLK, F_WRLCK, 0, 10) == 0, "write-lock bytes 0-9");
	T_OK(in_child(child_conflicts, true, NULL) == 0,
	     "another process conflicts, F_GETLK names the holder, other bytes are free (%d)",
	     in_child(child_conflicts, true, NULL));
	T_OK(setlk((int)fd, F_SETLK, F_WRLCK, 5, 10) == 0,
	     "the owner may re-lock over its own lock");
	T_OK(setlk((int)fd, F_SETLK, F_UNLCK, 0, 0) == 0, "unlock everything");

	T_OK(setlk((int)fd, F_SETLK, F_WRLCK, 0, 10) == 0 && setlk((int)fd, F_SETLK, F_UNLCK, 3, 2) == 0,
	     "unlocking the middle of a lock splits it");
	T_OK(in_child(child_after_split, true, NULL) == 0, "the hole is free, the ends are held (%d)",
	     in_child(child_after_split, true, NULL));
	setlk((int)fd, F_SETLK, F_UNLCK, 0, 0);

	T_OK(setlk((int)fd, F_SETLK, F_RDLCK, 0, 100) == 0 && in_child(child_reads, true, NULL) == 0,
	     "read locks are shared");
	long ro = sys_open(PATH, O_RDONLY, 0);
	T_OK(setlk((int)ro, F_SETLK, F_WRLCK, 0, 1) == -EBADF,
	     "a write lock on a read-only descriptor is EBADF");
	sys_close((int)ro);

	/* Closing any descriptor of the file drops the process's locks. */
	setlk((int)fd, F_SETLK, F_WRLCK, 0, 0);
	ro = sys_open(PATH, O_RDONLY, 0);
	sys_close((int)ro);
	T_OK(in_child(child_reads, true, NULL) == 0, "closing another descriptor released the lock");

	setlk((int)fd, F_SETLK, F_WRLCK, 0, 1);
	long pid;
	in_child(child_waits, false, &pid);
	pause_ms(100);
	int status = 0;
	T_OK(sys_wait4((int)pid, &status, WNOHANG, NULL) == 0, "F_SETLKW waits while the lock is held");
	setlk((int)fd, F_SETLK, F_UNLCK, 0, 1);
	sys_wait4((int)pid, &status, 0, NULL);
	T_OK(WIFEXITED(status) && WEXITSTATUS(status) == 7, "and gets it once released (%x)", status);

	setlk((int)fd, F_SETLK, F_WRLCK, 40, 1);
	in_child(child_deadlock, false, &pid);
	pause_ms(100);
	T_OK(setlk((int)fd, F_SETLKW, F_WRLCK, 50, 1) == -EDEADLK,
	     "F_SETLKW that would wait for its own waiter is EDEADLK");
	setlk((int)fd, F_SETLK, F_UNLCK, 0, 0);
	sys_wait4((int)pid, &status, 0, NULL);
	T_OK(WIFEXITED(status) && WEXITSTATUS(status) == 9, "the other waiter then gets its lock (%x)",
	     status);
	T_OK(setlk((int)fd, F_SETLK, 7, 0, 1) == -EINVAL, "a bad lock type is EINVAL");

	T_OK(syscall2(SYS_flock, (int)fd, LOCK_EX) == 0, "flock LOCK_EX");
	T_OK(in_child(child_flock, true, NULL) == 0, "another open file cannot take it (%d)",
	     in_child(child_flock, true, NULL));
	long dup = syscall1(SYS_dup, (int)fd);
	T_OK(syscall2(SYS_flock, (int)dup, LOCK_EX | LOCK_NB) == 0,
	     "a duplicate descriptor shares the lock");
	sys_close((int)dup);
	T_OK(syscall2(SYS_flock, (int)fd, LOCK_SH) == 0 && in_child(child_flock_shared, true, NULL) == 0,
	     "LOCK_SH is shared");
	T_OK(syscall2(SYS_flock, (int)fd, LOCK_UN) == 0, "LOCK_UN");
	T_OK(syscall2(SYS_flock, (int)fd, 0) == -EINVAL, "a bad operation is EINVAL");
	sys_close((int)fd);
	syscall1(SYS_unlink, (long)PATH);
	return t_done();
}
