/*
 * Process groups and sessions: setpgid/getpgid/getpgrp/setsid/getsid with
 * POSIX's rules (ESRCH for a stranger, EPERM across sessions, for a session
 * leader or a missing group, EACCES once the child has exec'ed), and kill(2)
 * for pid > 0, 0, -1 and -pgrp, tkill and tgkill.
 */
#include "rt.h"

__asm__(".text\n.globl restore_rt\nrestore_rt:\n\tmov $15, %eax\n\tsyscall\n\thlt\n");
void restore_rt(void);

#define setpgid(p, g) syscall2(SYS_setpgid, (p), (g))
#define getpgid(p) syscall1(SYS_getpgid, (p))
#define getpgrp() syscall0(SYS_getpgrp)
#define setsid() syscall0(SYS_setsid)
#define getsid(p) syscall1(SYS_getsid, (p))
#define tkill(t, s) syscall2(SYS_tkill, (t), (s))
#define tgkill(g, t, s) syscall3(SYS_tgkill, (g), (t), (s))

static volatile int usr1_hits, usr2_hits;

static void on_usr1(int sig)
{
	(void)sig;
	usr1_hits++;
}

static void on_usr2(int sig)
{
	(void)sig;
	usr2_hits++;
}

static long set_handler(int sig, void *fn)
{
	struct k_sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = SA_RESTORER;
	sa.sa_restorer = (void *)restore_rt;
	return sys_rt_sigaction(sig, &sa, NULL);
}

/* Waits for one byte on fd (the child's "ready"). */
static void wait_byte(int fd)
{
	char c;
	sys_read(fd, &c, 1);
}

static int setsid_child(void *arg)
{
	(void)arg;
	long me = sys_getpid();
	if (getpgrp() == me)
		return 1; /* a fork child starts in its parent's group */
	if (setsid() != me)
		return 2;
	if (getsid(0) != me || getpgrp() != me || getpgid(0) != me)
		return 3;
	if (setsid() != -EPERM)
		return 4; /* now a group leader */
	if (setpgid(0, 0) != -EPERM)
		return 5; /* a session leader does not move */
	return 0;
}

/* Child: joins its own group, forks two members that wait for SIGUSR1, and counts them. */
static int group_kill_child(void *arg)
{
	(void)arg;
	if (setpgid(0, 0) != 0)
		return 1;
	int fds[2];
	if (sys_pipe2(fds, 0) < 0)
		return 2;
	set_handler(SIGUSR1, (void *)on_usr1);
	for (int i = 0; i < 2; i++) {
		long pid = sys_fork();
		if (pid == 0) {
			sys_close(fds[0]);
			sys_write(fds[1], "r", 1);
			while (!usr1_hits)
				rt_sleep_ms(5);
			sys_exit(7);
		}
	}
	wait_byte(fds[0]);
	wait_byte(fds[0]);
	if (sys_kill(0, SIGUSR1) != 0) /* the caller's group: both members and us */
		return 3;
	int st, exits = 0;
	while (sys_wait4(-1, &st, 0, NULL) > 0)
		exits += WIFEXITED(st) && WEXITSTATUS(st) == 7;
	if (exits != 2 || usr1_hits != 1)
		return 4;
	return 0;
}

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	if (argc == 3 && !strcmp(argv[1], "exec-ready")) {
		/* Re-executed child: say so, then wait for the parent to be done with us. */
		int fd = (int)rt_atol(argv[2]);
		sys_write(fd, "e", 1);
		rt_sleep_ms(2000);
		return 0;
	}
	long me = sys_getpid();
	T_OK(getpgrp() == getpgid(0) && getpgid(0) > 0, "getpgrp() = getpgid(0) = %ld", getpgrp());
	T_OK(getsid(0) > 0 && getsid(0) == getsid(me), "getsid(0) = getsid(getpid()) = %ld",
	     getsid(0));
	T_OK(getpgid(999999) == -ESRCH, "getpgid of no process is ESRCH");
	T_OK(getsid(999999) == -ESRCH, "getsid of no process is ESRCH");
	T_OK(setpgid(1, 0) == -ESRCH, "setpgid of a process that is not a child is ESRCH");
	T_OK(setpgid(0, -1) == -EINVAL, "setpgid to a negative group is EINVAL");
	T_OK(setpgid(0, 999999) == -EPERM, "setpgid into a group that does not exist is EPERM");

	/* The parent moves a child that has not exec'ed, into a new group and back. */
	int fds[2];
	sys_pipe2(fds, 0);
	long pid = sys_fork();
	if (pid == 0) {
		wait_byte(fds[0]);
		sys_exit(0);
	}
	T_OK(setpgid(pid, pid) == 0 && getpgid(pid) == pid, "the parent puts a child in a new group");
	T_OK(setpgid(pid, getpgrp()) == 0 && getpgid(pid) == getpgrp(),
	     "and back into the parent's group");
	sys_write(fds[1], "x", 1);
	int st;
	sys_wait4(pid, &st, 0, NULL);
	sys_close(fds[0]);
	sys_close(fds[1]);

	/* After exec, the parent may no longer move it. */
	sys_pipe2(fds, 0);
	pid = sys_fork();
	if (pid == 0) {
		char fdarg[16];
		tsnprintf(fdarg, sizeof(fdarg), "%d", fds[1]);
		char *args[] = { argv[0], "exec-ready", fdarg, NULL };
		char *env[] = { NULL };
		sys_execve(argv[0], args, env);
		sys_exit(99);
	}
	wait_byte(fds[0]);
	T_OK(setpgid(pid, pid) == -EACCES, "setpgid of a child after its exec is EACCES");
	sys_kill(pid, SIGKILL);
	sys_wait4(pid, &st, 0, NULL);
	T_OK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL, "kill(pid, SIGKILL) ends it (status %#x)",
	     st);
	sys_close(fds[0]);
	sys_close(fds[1]);

	T_OK(rt_run_child(setsid_child, NULL) == 0,
	     "setsid makes a session and group led by the caller; then setsid and setpgid are EPERM");

	/* A child in another session cannot be moved. */
	sys_pipe2(fds, 0);
	pid = sys_fork();
	if (pid == 0) {
		setsid();
		sys_write(fds[1], "s", 1);
		rt_sleep_ms(2000);
		sys_exit(0);
	}
	wait_byte(fds[0]);
	T_OK(getsid(pid) == pid, "the child's session is its own");
	T_OK(setpgid(pid, pid) == -EPERM, "setpgid of a child in another session is EPERM");
	T_OK(setpgid(pid, getpgrp()) == -EPERM, "(into the parent's group too)");
	sys_kill(pid, SIGKILL);
	sys_wait4(pid, &st, 0, NULL);
	sys_close(fds[0]);
	sys_close(fds[1]);

	T_OK(rt_run_child(group_kill_child, NULL) == 0,
	     "kill(0, sig) reaches every member of the caller's group");

	/* kill(-pgrp) is killpg. */
	sys_pipe2(fds, 0);
	long leader = sys_fork();
	if (leader == 0) {
		setpgid(0, 0);
		if (sys_fork() == 0) {
			sys_write(fds[1], "m", 1);
			for (;;)
				rt_sleep_ms(100);
		}
		sys_write(fds[1], "l", 1);
		for (;;)
			rt_sleep_ms(100);
	}
	setpgid(leader, leader); /* whichever of us runs first */
	wait_byte(fds[0]);
	wait_byte(fds[0]);
	T_OK(sys_kill(-(int)leader, 0) == 0, "kill(-pgrp, 0) finds the group");
	T_OK(sys_kill(-(int)leader, SIGTERM) == 0, "kill(-pgrp, SIGTERM) succeeds");
	sys_wait4(leader, &st, 0, NULL);
	T_OK(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM, "the group's leader died of SIGTERM (%#x)",
	     st);
	/* The other member is init's now; it must be gone too (its group is empty). */
	for (int i = 0; i < 100 && sys_kill(-(int)leader, 0) == 0; i++)
		rt_sleep_ms(10);
	T_OK(sys_kill(-(int)leader, 0) == -ESRCH, "the whole group is gone: kill(-pgrp) is ESRCH");
	T_OK(sys_kill(-999999, SIGTERM) == -ESRCH, "kill of a group that does not exist is ESRCH");
	sys_close(fds[0]);
	sys_close(fds[1]);

	/* kill(-1): everyone but init and the caller. */
	set_handler(SIGUSR2, (void *)on_usr2);
	pid = sys_fork();
	if (pid == 0)
		sys_exit(sys_kill(-1, SIGUSR2) == 0 && usr2_hits == 0 ? 0 : 1);
	sys_wait4(pid, &st, 0, NULL);
	T_OK(WIFEXITED(st) && WEXITSTATUS(st) == 0 && usr2_hits == 1,
	     "kill(-1, sig) from a child reaches its parent and spares the sender (hits %d)",
	     usr2_hits);

	/* Thread-directed signals. */
	set_handler(SIGUSR1, (void *)on_usr1);
	usr1_hits = 0;
	T_OK(tgkill(me, sys_gettid(), SIGUSR1) == 0 && usr1_hits == 1,
	     "tgkill(getpid(), gettid(), SIGUSR1) runs the handler");
	T_OK(tkill(sys_gettid(), SIGUSR1) == 0 && usr1_hits == 2, "tkill(gettid(), SIGUSR1) too");
	T_OK(tkill(sys_gettid(), 0) == 0, "tkill with signal 0 checks the thread");
	T_OK(tgkill(me, 999999, SIGUSR1) == -ESRCH, "tgkill of no thread is ESRCH");
	T_OK(tgkill(1, sys_gettid(), SIGUSR1) == -ESRCH, "tgkill with the wrong group is ESRCH");
	T_OK(tgkill(0, sys_gettid(), SIGUSR1) == -EINVAL && tkill(-1, SIGUSR1) == -EINVAL,
	     "tgkill/tkill with ids <= 0 are EINVAL");
	T_OK(sys_kill(me, 65) == -EINVAL, "kill with signal 65 is EINVAL");
	return t_done();
}
