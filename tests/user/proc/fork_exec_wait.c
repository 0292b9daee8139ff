/*
 * fork(2), execve(2), wait4(2), exit(2), getpid(2)/getppid(2) and vfork(2):
 * - a fork/exec/wait chain three levels deep: the program re-executes itself
 *   as "level N PPID", and each level checks its parent's pid and its child's
 *   exit status (Linux's encoding: the code << 8);
 * - wait4 on a specific pid and on -1, WNOHANG while the child runs, -ECHILD
 *   without children, status encodings for exit codes and signals;
 * - an orphan is reparented to init (pid 1);
 * - a vfork child shares memory and runs before its parent resumes.
 * Levels below the top report their own TAP lines as "fork_exec_wait[N]".
 */
#include "rt.h"

#define LEVELS 3

static char **self_argv;
static char **self_envp;

/* Runs the chain from `level`: forks and execs level + 1, checks it, exits 10 + level. */
static int chain(int level)
{
	long me = sys_getpid();
	if (level < LEVELS) {
		char lvl[16], ppid[24];
		tsnprintf(lvl, sizeof(lvl), "%d", level + 1);
		tsnprintf(ppid, sizeof(ppid), "%ld", me);
		char *argv[] = {self_argv[0], "level", lvl, ppid, NULL};
		long pid = sys_fork();
		if (pid == 0) {
			long err = sys_execve(self_argv[0], argv, self_envp);
			tprintf("# exec of %s failed: %ld\n", self_argv[0], err);
			sys_exit_group(100);
		}
		T_OK(pid > 0, "level %d: fork (%ld)", level, pid);
		int status = -1;
		long r = sys_wait4((pid_t)pid, &status, 0, NULL);
		T_OK(r == pid, "level %d: wait4(%ld) returns the child's pid (%ld)", level, pid, r);
		int want = 10 + level + 1;
		T_OK(status == want << 8 && WIFEXITED(status) && WEXITSTATUS(status) == want,
		     "level %d: level %d exited with %d (status %#x)", level, level + 1, want,
		     status);
	}
	return 10 + level;
}

/* argv: level N PPID */
static int run_level(char **argv)
{
	int level = (int)rt_atol(argv[2]);
	char name[40];
	tsnprintf(name, sizeof(name), "fork_exec_wait[%d]", level);
	t_set_prog(name);
	long ppid = sys_getppid();
	T_OK(ppid == rt_atol(argv[3]), "getppid() is the parent's getpid() (%ld, %s)", ppid,
	     argv[3]);
	int code = chain(level);
	return t_failures() ? 1 : code;
}

static int exit_with(void *arg)
{
	return (int)(long)arg;
}

static int kill_self(void *arg)
{
	sys_kill((pid_t)sys_getpid(), (int)(long)arg);
	rt_sleep_ms(5000);
	return 0;
}

static void test_chain(void)
{
	char *argv[] = {self_argv[0], "level", "1", NULL, NULL};
	char ppid[24];
	tsnprintf(ppid, sizeof(ppid), "%ld", sys_getpid());
	argv[3] = ppid;
	long pid = sys_fork();
	if (pid == 0) {
		sys_execve(self_argv[0], argv, self_envp);
		sys_exit_group(100);
	}
	int status = -1;
	long r = sys_wait4((pid_t)pid, &status, 0, NULL);
	T_OK(r == pid && status == 11 << 8,
	     "%d-level fork/exec/wait chain: level 1 exited 11 (pid %ld, status %#x)", LEVELS, r,
	     status);
}

static void test_exit_status(void)
{
	int st = rt_run_child(exit_with, (void *)0L);
	T_OK(st == 0 && WIFEXITED(st), "exit(0) gives status 0 (%#x)", st);
	st = rt_run_child(exit_with, (void *)42L);
	T_OK(st == 42 << 8 && WIFEXITED(st) && WEXITSTATUS(st) == 42,
	     "exit(42) gives status 42 << 8 (%#x)", st);
	st = rt_run_child(exit_with, (void *)0x1ffL);
	T_OK(st == 0xff << 8, "exit(0x1ff) keeps the low 8 bits: status 0xff00 (%#x)", st);
	st = rt_run_child(kill_self, (void *)(long)SIGKILL);
	T_OK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL && !WIFEXITED(st),
	     "a child killed by SIGKILL: status & 0x7f is 9 (%#x)", st);
}

static void test_wait_pid_and_any(void)
{
	/* A exits later than B; waiting for A by pid must not return B. */
	int pa[2];
	sys_pipe2(pa, 0);
	long a = sys_fork();
	if (a == 0) {
		char c;
		sys_close(pa[1]);
		sys_read(pa[0], &c, 1); /* until the parent closes its end */
		sys_exit_group(1);
	}
	long b = sys_fork();
	if (b == 0)
		sys_exit_group(2);
	sys_close(pa[0]);
	rt_sleep_ms(50); /* B is a zombie by now (not required for the checks) */
	sys_close(pa[1]);
	int st = -1;
	long r = sys_wait4((pid_t)a, &st, 0, NULL);
	T_OK(r == a && st == 1 << 8,
	     "wait4(pid) waits for that child even when another exited first"
	     " (%ld of %ld, status %#x)",
	     r, a, st);
	r = sys_wait4((pid_t)b, &st, 0, NULL);
	T_OK(r == b && st == 2 << 8, "wait4(pid) reaps the zombie (%ld of %ld, status %#x)", r, b,
	     st);

	long c = sys_fork();
	if (c == 0)
		sys_exit_group(7);
	r = sys_wait4(-1, &st, 0, NULL);
	T_OK(r == c && WEXITSTATUS(st) == 7, "wait4(-1) returns the child (%ld of %ld, status %#x)",
	     r, c, st);
	st = 12345;
	r = sys_wait4(-1, NULL, 0, NULL);
	T_OK(r == -ECHILD, "wait4(-1) without children gives -ECHILD (%ld)", r);
	r = sys_wait4(-1, &st, WNOHANG, NULL);
	T_OK(r == -ECHILD, "wait4(-1, WNOHANG) without children gives -ECHILD (%ld)", r);
	r = sys_wait4((pid_t)sys_getppid(), &st, 0, NULL);
	T_OK(r == -ECHILD, "wait4() of a process that is not a child gives -ECHILD (%ld)", r);
	T_OK(st == 12345, "a failed wait4 leaves the status alone");
}

static void test_wnohang(void)
{
	int p[2];
	sys_pipe2(p, 0);
	long pid = sys_fork();
	if (pid == 0) {
		char c;
		sys_close(p[1]);
		long n = sys_read(p[0], &c, 1);
		sys_exit_group(n == 0 ? 3 : 4);
	}
	sys_close(p[0]);
	int st = 12345;
	long r = sys_wait4((pid_t)pid, &st, WNOHANG, NULL);
	T_OK(r == 0, "wait4(pid, WNOHANG) returns 0 while the child runs (%ld)", r);
	r = sys_wait4(-1, &st, WNOHANG, NULL);
	T_OK(r == 0, "wait4(-1, WNOHANG) returns 0 while the child runs (%ld)", r);
	sys_close(p[1]); /* the child's read returns 0 and it exits */
	r = sys_wait4((pid_t)pid, &st, 0, NULL);
	T_OK(r == pid && st == 3 << 8, "then wait4(pid, 0) reaps it (%ld, status %#x)", r, st);
}

static void test_getppid(void)
{
	int p[2];
	sys_pipe2(p, 0);
	long parent = sys_getpid();
	long pid = sys_fork();
	if (pid == 0) {
		long ids[2] = {sys_getpid(), sys_getppid()};
		sys_write(p[1], ids, sizeof(ids));
		sys_exit_group(0);
	}
	long ids[2] = {0, 0};
	long n = sys_read(p[0], ids, sizeof(ids));
	sys_wait4((pid_t)pid, NULL, 0, NULL);
	sys_close(p[0]);
	sys_close(p[1]);
	T_OK(n == sizeof(ids) && ids[0] == pid,
	     "the child's getpid() is fork's return value (%ld, %ld)", ids[0], pid);
	T_OK(ids[1] == parent, "the child's getppid() is the parent's getpid() (%ld, %ld)", ids[1],
	     parent);
	T_OK(pid != parent, "the child has its own pid");
}

/*
 * The child forks a grandchild and exits; the grandchild waits until its
 * parent is gone and reports getppid() through a pipe.
 */
static void test_orphan(void)
{
	int p[2];
	sys_pipe2(p, 0);
	long child = sys_fork();
	if (child == 0) {
		long me = sys_getpid();
		long gc = sys_fork();
		if (gc == 0) {
			long ppid = 0;
			for (int i = 0; i < 500 && (ppid = sys_getppid()) == me; i++)
				rt_sleep_ms(10);
			sys_write(p[1], &ppid, sizeof(ppid));
			sys_exit_group(0);
		}
		rt_sleep_ms(20);
		sys_exit_group(gc > 0 ? 0 : 1);
	}
	sys_close(p[1]);
	int st = -1;
	long r = sys_wait4((pid_t)child, &st, 0, NULL);
	T_OK(r == child && st == 0, "the orphan's parent exits (status %#x)", st);
	long ppid = -1;
	long n = sys_read(p[0], &ppid, sizeof(ppid));
	sys_close(p[0]);
	T_OK(n == sizeof(ppid) && ppid == 1,
	     "an orphan is reparented to init: its getppid() becomes 1 (%ld)", ppid);
	r = sys_wait4(-1, NULL, WNOHANG, NULL);
	T_OK(r == -ECHILD, "the orphan is not our child (%ld)", r);
}

static volatile int vfork_shared;

static void test_vfork(void)
{
	vfork_shared = 0;
	long pid = sys_vfork();
	if (pid == 0) {
		vfork_shared = 1234; /* the parent's memory: vfork shares it */
		sys_exit_group(5);
	}
	int seen = vfork_shared;
	int st = -1;
	long r = sys_wait4((pid_t)pid, &st, 0, NULL);
	T_OK(pid > 0 && r == pid && st == 5 << 8, "vfork: the child exits 5 (%ld, status %#x)", pid,
	     st);
	T_OK(seen == 1234,
	     "vfork: the parent resumes after the child exits, sharing its memory (%d)", seen);

	pid = sys_vfork();
	if (pid == 0) {
		char *argv[] = {self_argv[0], "exit", "9", NULL};
		sys_execve(self_argv[0], argv, self_envp);
		sys_exit_group(100);
	}
	r = sys_wait4((pid_t)pid, &st, 0, NULL);
	T_OK(r == pid && st == 9 << 8, "vfork + execve runs the program (status %#x)", st);
}

static void test_exec_errors(void)
{
	char *argv[] = {"/nonexistent/program", NULL};
	long r = sys_execve("/nonexistent/program", argv, self_envp);
	T_OK(r == -ENOENT, "execve of a missing file gives -ENOENT and returns (%ld)", r);
	/* A text file: /etc/tests in the initrd (/etc/passwd on a Linux host). */
	const char *text = "/etc/tests";
	long fd = sys_open(text, O_RDONLY, 0);
	if (fd < 0)
		text = "/etc/passwd";
	sys_close((int)fd);
	r = sys_execve(text, argv, self_envp);
	T_OK(r == -EACCES || r == -ENOEXEC, "execve of a text file (%s) fails and returns (%ld)",
	     text, r);
	r = sys_execve(NULL, argv, self_envp);
	T_OK(r == -EFAULT, "execve(NULL) gives -EFAULT (%ld)", r);
}

int main(int argc, char **argv, char **envp)
{
	self_argv = argv;
	self_envp = envp;
	if (argc == 4 && !strcmp(argv[1], "level"))
		return run_level(argv);
	if (argc == 3 && !strcmp(argv[1], "exit"))
		return (int)rt_atol(argv[2]);

	test_chain();
	test_exit_status();
	test_wait_pid_and_any();
	test_wnohang();
	test_getppid();
	test_orphan();
	test_vfork();
	test_exec_errors();
	return t_done();
}
