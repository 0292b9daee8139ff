/*
 * <signal.h> and <setjmp.h>: signal sets, sigaction() with and without
 * SA_SIGINFO, SA_RESETHAND, sa_mask while a handler runs, sigprocmask()
 * holding a signal back until it is unblocked, signal(), SIG_IGN, and
 * sigsetjmp()/siglongjmp() restoring the mask (also out of a handler).
 * Calls the kernel may not have yet (sigpending, sigtimedwait) are
 * accepted failing with ENOSYS, and only that way.
 */
#define _GNU_SOURCE
#define AREA "libc-signal"
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

static volatile sig_atomic_t hits, last_sig, info_code, info_pid, info_ctx, usr2_blocked_inside,
    usr1_blocked_inside;
static sigjmp_buf jump;

static void on_signal(int sig)
{
	sigset_t now;

	hits++;
	last_sig = sig;
	sigprocmask(SIG_BLOCK, NULL, &now);
	usr1_blocked_inside = sigismember(&now, SIGUSR1);
	usr2_blocked_inside = sigismember(&now, SIGUSR2);
}

static void on_info(int sig, siginfo_t *si, void *ctx)
{
	hits++;
	last_sig = sig == si->si_signo ? sig : -1;
	info_code = si->si_code;
	info_pid = si->si_pid;
	info_ctx = ctx != NULL;
}

static void on_jump(int sig)
{
	(void)sig;
	siglongjmp(jump, 2);
}

static void check_sets(void)
{
	sigset_t s;

	CHECK(sigemptyset(&s) == 0 && !sigismember(&s, SIGINT) && !sigismember(&s, SIGRTMIN),
	      "sigemptyset() empties the set");
	CHECK(sigaddset(&s, SIGINT) == 0 && sigismember(&s, SIGINT) == 1 &&
	          !sigismember(&s, SIGQUIT),
	      "sigaddset() adds just that signal");
	CHECK(sigaddset(&s, 64) == 0 && sigismember(&s, 64) == 1, "signal 64 fits in the set");
	CHECK(sigdelset(&s, SIGINT) == 0 && !sigismember(&s, SIGINT), "sigdelset() removes it");
	CHECK(sigfillset(&s) == 0 && sigismember(&s, SIGKILL) && sigismember(&s, SIGUSR2) &&
	          sigismember(&s, SIGRTMIN),
	      "sigfillset() holds every signal");
	errno = 0;
	CHECK(sigaddset(&s, 0) == -1 && errno == EINVAL, "sigaddset(0) fails with EINVAL");
	errno = 0;
	CHECK(sigismember(&s, 65) == -1 && errno == EINVAL, "sigismember(65) fails with EINVAL");
	CHECK(SIGUSR1 == 10 && SIGCHLD == 17 && SIG_BLOCK == 0 && SIG_SETMASK == 2 &&
	          SA_SIGINFO == 4 && SA_RESTART == 0x10000000,
	      "signal numbers and flags are Linux's");
	CHECK(sizeof(siginfo_t) == 128, "siginfo_t is 128 bytes");
}

static void check_actions(void)
{
	struct sigaction sa, old;
	sigset_t mask, prev;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	CHECK(sigaction(SIGUSR1, &sa, NULL) == 0, "sigaction() installs a handler");
	hits = 0;
	kill(getpid(), SIGUSR1);
	CHECK(hits == 1 && last_sig == SIGUSR1, "the handler runs for kill(getpid(), SIGUSR1)");
	CHECK(usr1_blocked_inside == 1 && usr2_blocked_inside == 1,
	      "inside the handler the signal and sa_mask are blocked");
	CHECK(sigaction(SIGUSR1, NULL, &old) == 0 && old.sa_handler == on_signal &&
	          sigismember(&old.sa_mask, SIGUSR2) == 1,
	      "sigaction() reports the installed handler and mask");
	CHECK(raise(SIGUSR1) == 0 && hits == 2, "raise() delivers to the handler");

	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR1);
	CHECK(sigprocmask(SIG_BLOCK, &mask, &prev) == 0 && !sigismember(&prev, SIGUSR1),
	      "sigprocmask(SIG_BLOCK) blocks SIGUSR1");
	hits = 0;
	kill(getpid(), SIGUSR1);
	CHECK(hits == 0, "a blocked signal is held back");
	sigset_t pending;
	sigemptyset(&pending);
	int r = sigpending(&pending);
	CHECK((r == 0 && sigismember(&pending, SIGUSR1) == 1) || (r == -1 && errno == ENOSYS),
	      "sigpending() shows it (or ENOSYS)");
	CHECK(sigprocmask(SIG_UNBLOCK, &mask, NULL) == 0 && hits == 1,
	      "unblocking delivers it at once");
	sigprocmask(SIG_SETMASK, NULL, &prev);
	CHECK(!sigismember(&prev, SIGUSR1), "sigprocmask(.., NULL, &old) reads the mask");

	sa.sa_flags = SA_RESETHAND;
	sigaction(SIGUSR1, &sa, NULL);
	hits = 0;
	raise(SIGUSR1);
	CHECK(hits == 1 && sigaction(SIGUSR1, NULL, &old) == 0 && old.sa_handler == SIG_DFL,
	      "SA_RESETHAND: the handler runs once and SIG_DFL is back");

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_info;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR2, &sa, NULL);
	hits = 0;
	kill(getpid(), SIGUSR2);
	/* FIXME: si_code SI_USER and si_pid == getpid() too, once Cairn's kill(2) fills them. */
	CHECK(hits == 1 && last_sig == SIGUSR2 && info_ctx,
	      "SA_SIGINFO: the handler gets the signal, a siginfo with its si_signo and a context");

	CHECK((void *)signal(SIGUSR2, SIG_IGN) == (void *)on_info,
	      "signal() returns the previous handler");
	hits = 0;
	kill(getpid(), SIGUSR2);
	CHECK(hits == 0, "SIG_IGN discards the signal");
	CHECK(signal(SIGUSR2, SIG_DFL) == SIG_IGN, "signal(SIG_DFL) returns SIG_IGN");
	errno = 0;
	CHECK(sigaction(SIGKILL, &sa, NULL) == -1 && errno == EINVAL,
	      "sigaction(SIGKILL) fails with EINVAL");
	CHECK(signal(0, SIG_IGN) == SIG_ERR && errno == EINVAL, "signal(0) fails with EINVAL");

	struct timespec zero = {0, 0};
	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR2);
	r = sigtimedwait(&mask, NULL, &zero);
	CHECK(r == -1 && (errno == EAGAIN || errno == ENOSYS),
	      "sigtimedwait() with nothing pending times out with EAGAIN (or ENOSYS)");
}

static void check_jumps(void)
{
	sigset_t mask, now;
	volatile int rounds = 0;
	struct sigaction sa;

	sigemptyset(&mask);
	sigprocmask(SIG_SETMASK, &mask, NULL);
	if (sigsetjmp(jump, 1) == 0) {
		rounds++;
		sigaddset(&mask, SIGUSR1);
		sigprocmask(SIG_BLOCK, &mask, NULL);
		siglongjmp(jump, 1);
	}
	sigprocmask(SIG_BLOCK, NULL, &now);
	CHECK(rounds == 1 && !sigismember(&now, SIGUSR1),
	      "siglongjmp() restores the mask sigsetjmp(env, 1) saved");

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_jump;
	sigaction(SIGUSR1, &sa, NULL);
	int v = sigsetjmp(jump, 1);
	if (v == 0)
		raise(SIGUSR1);
	sigprocmask(SIG_BLOCK, NULL, &now);
	CHECK(v == 2 && !sigismember(&now, SIGUSR1),
	      "siglongjmp() out of a handler unblocks the signal again");
	signal(SIGUSR1, SIG_DFL);
}

static void check_children(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		signal(SIGTERM, SIG_DFL);
		raise(SIGTERM);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM, "raise(SIGTERM) kills a child");

	pid = fork();
	if (pid == 0) {
		sigset_t m;
		sigemptyset(&m);
		sigaddset(&m, SIGUSR1);
		sigprocmask(SIG_BLOCK, &m, NULL);
		execl("/nonexistent", "x", (char *)NULL);
		_exit(sigprocmask(SIG_BLOCK, NULL, &m) == 0 && sigismember(&m, SIGUSR1) ? 42 : 1);
	}
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 42, "a child inherits the blocked mask");
	CHECK(strstr(strsignal(SIGINT), "nterrupt") != NULL, "strsignal(SIGINT) names it (%s)",
	      strsignal(SIGINT));
	CHECK(killpg(-1, 0) == -1 && errno == EINVAL, "killpg(-1) fails with EINVAL");
}

int main(void)
{
	check_sets();
	check_actions();
	check_jumps();
	check_children();
	return tap_done();
}
