/*
 * A small job-control shell, driven over the serial console by
 * tests/boot/user.py (JOBSH_DIALOG). It makes its own session with the
 * console as controlling terminal, reads command lines at numbered prompts
 * ("jobsh[N]$ "), and runs programs as jobs, each in its own process group:
 *
 *	PROG ARGS... [&]	run in the foreground (tcsetpgrp) or background
 *	jobs			list the jobs: [n] Running|Stopped command
 *	fg N / bg N		continue job N in the foreground / background
 *	exit			kill the remaining jobs and leave
 *
 * A foreground job that stops (Ctrl-Z: SIGTSTP from the terminal) is
 * reported and the shell takes the terminal back; Ctrl-C kills only the
 * foreground job. The TAP results check what the kernel did at each step.
 * The same program is the jobs' payload: "sleep SECONDS", "spin TAG" and
 * "winch" (waits for SIGWINCH and prints the new window size). With
 * "on PATH" the shell's terminal is PATH instead of the console (the pty
 * test, tests/user/proc/pty.c, runs it on a pty slave).
 */
#include "rt.h"

#define setpgid(p, g) syscall2(SYS_setpgid, (p), (g))
#define setsid() syscall0(SYS_setsid)
#define ioctl(fd, c, a) syscall3(SYS_ioctl, (fd), (c), (long)(a))

#define MAX_JOBS 8

__asm__(".text\n.globl restore_rt\nrestore_rt:\n\tmov $15, %eax\n\tsyscall\n\thlt\n");
void restore_rt(void);

struct job {
	int pgid; /* 0: free */
	bool stopped;
	char cmd[64];
};

static struct job jobs[MAX_JOBS];
static int tty = -1, shell_pgid;

static void set_fg(int pgid)
{
	ioctl(tty, TIOCSPGRP, &pgid);
}

static int fg_pgrp(void)
{
	int pg = 0;
	ioctl(tty, TIOCGPGRP, &pg);
	return pg;
}

/* Waits for the foreground job j to stop or end; takes the terminal back. */
static int wait_fg(struct job *j)
{
	int st = 0;
	sys_wait4(-j->pgid, &st, WUNTRACED, NULL);
	set_fg(shell_pgid);
	if (WIFSTOPPED(st)) {
		j->stopped = true;
		tdprintf(tty, "jobsh: [%d] Stopped %s\n", (int)(j - jobs) + 1, j->cmd);
	} else {
		tdprintf(tty, "jobsh: [%d] Done (status %#x) %s\n", (int)(j - jobs) + 1, st, j->cmd);
		j->pgid = 0;
	}
	return st;
}

static int run(char **argv, int argc, bool background, const char *line)
{
	struct job *j = NULL;
	for (int i = 0; i < MAX_JOBS && !j; i++)
		if (!jobs[i].pgid)
			j = &jobs[i];
	if (!j)
		return -1;
	long pid = sys_fork();
	if (pid == 0) {
		setpgid(0, 0);
		if (!background)
			set_fg((int)sys_getpid());
		/* The job gets the default actions the shell ignores. */
		struct k_sigaction dfl;
		memset(&dfl, 0, sizeof(dfl));
		sys_rt_sigaction(SIGTSTP, &dfl, NULL);
		sys_rt_sigaction(SIGTTOU, &dfl, NULL);
		sys_rt_sigaction(SIGINT, &dfl, NULL);
		argv[argc] = NULL;
		char *env[] = { NULL };
		sys_execve(argv[0], argv, env);
		sys_exit(127);
	}
	setpgid(pid, pid); /* whichever runs first; both say the same */
	j->pgid = (int)pid;
	j->stopped = false;
	memset(j->cmd, 0, sizeof(j->cmd));
	size_t len = strlen(line);
	memcpy(j->cmd, line, len < sizeof(j->cmd) - 1 ? len : sizeof(j->cmd) - 1);
	if (background) {
		tdprintf(tty, "jobsh: [%d] %ld\n", (int)(j - jobs) + 1, pid);
		return 0;
	}
	set_fg((int)pid);
	return wait_fg(j);
}

static struct job *job_arg(char **argv, int argc)
{
	int n = argc > 1 ? (int)rt_atol(argv[1]) : 0;
	if (n < 1 || n > MAX_JOBS || !jobs[n - 1].pgid)
		return NULL;
	return &jobs[n - 1];
}

static int shell(const char *path)
{
	long me = setsid();
	shell_pgid = (int)me;
	tty = (int)sys_open(path, O_RDWR, 0);
	int sid = 0;
	T_OK(tty >= 0 && ioctl(tty, TIOCGSID, &sid) == 0 && sid == me,
	     "the shell's session has the console as controlling terminal (%d)", sid);
	/* Like a real shell: job-control signals do not stop the shell itself. */
	struct k_sigaction ign;
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = (void *)SIG_IGN;
	sys_rt_sigaction(SIGTSTP, &ign, NULL);
	sys_rt_sigaction(SIGTTOU, &ign, NULL);
	sys_rt_sigaction(SIGINT, &ign, NULL);

	char line[128];
	for (int n = 1;; n++) {
		/* Report background jobs that ended. */
		int st;
		long pid;
		while ((pid = sys_wait4(-1, &st, WNOHANG, NULL)) > 0)
			for (int i = 0; i < MAX_JOBS; i++)
				if (jobs[i].pgid == pid) {
					tdprintf(tty, "jobsh: [%d] Done %s\n", i + 1, jobs[i].cmd);
					jobs[i].pgid = 0;
				}
		tdprintf(tty, "jobsh[%d]$ \n", n);
		long got = sys_read(tty, line, sizeof(line) - 1);
		if (got <= 0)
			break;
		line[got] = 0;
		if (got && line[got - 1] == '\n')
			line[--got] = 0;
		char copy[128], *argv[16];
		memcpy(copy, line, sizeof(copy));
		int argc = 0;
		for (char *s = copy; *s && argc < 15;) {
			while (*s == ' ')
				*s++ = 0;
			if (!*s)
				break;
			argv[argc++] = s;
			while (*s && *s != ' ')
				s++;
		}
		if (argc == 0)
			continue;
		bool bg = !strcmp(argv[argc - 1], "&");
		if (bg)
			argc--;
		struct job *j;
		if (!strcmp(argv[0], "exit")) {
			break;
		} else if (!strcmp(argv[0], "jobs")) {
			for (int i = 0; i < MAX_JOBS; i++)
				if (jobs[i].pgid)
					tdprintf(tty, "jobsh: [%d] %s %s\n", i + 1,
						 jobs[i].stopped ? "Stopped" : "Running", jobs[i].cmd);
		} else if (!strcmp(argv[0], "bg") || !strcmp(argv[0], "fg")) {
			if (!(j = job_arg(argv, argc))) {
				tdprintf(tty, "jobsh: no such job\n");
				continue;
			}
			bool fg = argv[0][0] == 'f';
			if (fg)
				set_fg(j->pgid);
			sys_kill(-j->pgid, SIGCONT);
			j->stopped = false;
			if (!fg) {
				long r = sys_wait4(-j->pgid, &st, WCONTINUED, NULL);
				T_OK(r == j->pgid && st == 0xffff,
				     "bg: SIGCONT to the group continues the stopped job (%#x)", st);
				tdprintf(tty, "jobsh: [%d] Running %s\n", (int)(j - jobs) + 1, j->cmd);
				continue;
			}
			T_OK(fg_pgrp() == j->pgid, "fg: the job's group is the foreground group");
			tdprintf(tty, "jobsh: [%d] continued in the foreground\n", (int)(j - jobs) + 1);
			st = wait_fg(j);
			T_OK(WIFSIGNALED(st) && WTERMSIG(st) == SIGINT,
			     "Ctrl-C kills the foreground job with SIGINT (%#x)", st);
			T_OK(fg_pgrp() == shell_pgid, "the shell has the terminal back");
			for (int i = 0; i < MAX_JOBS; i++)
				if (jobs[i].pgid)
					T_OK(sys_kill(-jobs[i].pgid, 0) == 0,
					     "background job [%d] survived Ctrl-C", i + 1);
		} else {
			int r = run(argv, argc, bg, line);
			if (!bg && WIFSTOPPED(r))
				T_OK(WSTOPSIG(r) == SIGTSTP && fg_pgrp() == shell_pgid,
				     "Ctrl-Z stops the foreground job with SIGTSTP; the shell takes the "
				     "terminal back (%#x)", r);
		}
	}
	for (int i = 0; i < MAX_JOBS; i++)
		if (jobs[i].pgid) {
			sys_kill(-jobs[i].pgid, SIGKILL);
			sys_kill(-jobs[i].pgid, SIGCONT);
		}
	while (sys_wait4(-1, NULL, 0, NULL) > 0)
		;
	tdprintf(tty, "jobsh: bye\n");
	return t_done();
}

static volatile int winched;

static void on_winch(int sig)
{
	(void)sig;
	winched = 1;
}

/* Payload: waits (10 s at most) for SIGWINCH, then prints the size of its terminal (fd 0). */
static int winch(void)
{
	struct k_sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = (void *)on_winch;
	sa.sa_flags = SA_RESTORER;
	sa.sa_restorer = (void *)restore_rt;
	sys_rt_sigaction(SIGWINCH, &sa, NULL);
	tprintf("jobsh: winch ready\n");
	for (int i = 0; i < 500 && !winched; i++)
		rt_sleep_ms(20);
	struct winsize ws;
	memset(&ws, 0, sizeof(ws));
	ioctl(0, TIOCGWINSZ, &ws);
	tprintf("jobsh: %s rows %d cols %d\n", winched ? "SIGWINCH" : "no SIGWINCH", ws.ws_row,
	        ws.ws_col);
	return winched ? 0 : 1;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "sleep")) {
		rt_sleep_ms(rt_atol(argv[2]) * 1000);
		return 0;
	}
	if (argc == 2 && !strcmp(argv[1], "winch"))
		return winch();
	if (argc == 3 && !strcmp(argv[1], "spin")) {
		tprintf("jobsh: spin %s running\n", argv[2]);
		for (;;)
			rt_sleep_ms(20);
	}
	t_set_prog("jobsh");
	return shell(argc == 3 && !strcmp(argv[1], "on") ? argv[2] : "/dev/console");
}
