/*
 * sigaltstack and SA_ONSTACK: a handler with SA_ONSTACK runs on the
 * alternate stack (and sees SS_ONSTACK there, where changing the stack is
 * EPERM), one without runs on the normal stack; argument checks; and the
 * reason it exists: a stack overflow's SIGSEGV handled on the alternate stack.
 */
#include <uapi/sigcontext.h>

#include "rt.h"

__asm__(".text\n.globl restore_rt\nrestore_rt:\n\tmov $15, %eax\n\tsyscall\n\thlt\n");
void restore_rt(void);

#define sigaltstack(n, o) syscall2(SYS_sigaltstack, (long)(n), (long)(o))
#define ALT_SIZE (64 * 1024)

static char *alt;
static volatile uintptr_t handler_sp;
static volatile int inside_flags, inside_set;

static void on_usr1(int sig)
{
	(void)sig;
	volatile char local;
	handler_sp = (uintptr_t)&local;
	struct k_sigaltstack cur, ss = { alt, 0, ALT_SIZE };
	sigaltstack(NULL, &cur);
	inside_flags = cur.ss_flags;
	inside_set = (int)sigaltstack(&ss, NULL);
}

static long set_handler(int sig, void *fn, unsigned long flags)
{
	struct k_sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags | SA_RESTORER;
	sa.sa_restorer = (void *)restore_rt;
	return sys_rt_sigaction(sig, &sa, NULL);
}

static bool on_alt(uintptr_t sp)
{
	return sp >= (uintptr_t)alt && sp < (uintptr_t)alt + ALT_SIZE;
}

static void on_segv(int sig)
{
	volatile char local;
	sys_exit(sig == SIGSEGV && on_alt((uintptr_t)&local) ? 0 : 3);
}

static volatile int depth_limit = 1 << 30; /* never reached: the stack ends first */

static int recurse(int n)
{
	volatile char pad[512];
	pad[0] = (char)n;
	if (n >= depth_limit)
		return 0;
	return recurse(n + 1) + pad[0];
}

static int overflow_child(void *arg)
{
	(void)arg;
	struct rlimit rl = { 256 * 1024, 256 * 1024 };
	sys_setrlimit(RLIMIT_STACK, &rl);
	struct k_sigaltstack ss = { alt, 0, ALT_SIZE };
	sigaltstack(&ss, NULL);
	set_handler(SIGSEGV, (void *)on_segv, SA_ONSTACK);
	return recurse(0) ? 1 : 2;
}

int main(void)
{
	alt = (char *)sys_mmap(NULL, ALT_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			       -1, 0);
	struct k_sigaltstack cur;
	T_OK(sigaltstack(NULL, &cur) == 0 && cur.ss_flags == SS_DISABLE,
	     "no alternate stack at first: SS_DISABLE (%d)", cur.ss_flags);
	struct k_sigaltstack ss = { alt, 0, MINSIGSTKSZ - 1 };
	T_OK(sigaltstack(&ss, NULL) == -ENOMEM, "a stack below MINSIGSTKSZ is ENOMEM");
	ss = (struct k_sigaltstack){ alt, 12345, ALT_SIZE };
	T_OK(sigaltstack(&ss, NULL) == -EINVAL, "unknown ss_flags are EINVAL");
	ss = (struct k_sigaltstack){ alt, 0, ALT_SIZE };
	T_OK(sigaltstack(&ss, NULL) == 0 && sigaltstack(NULL, &cur) == 0 && cur.ss_sp == alt &&
		 cur.ss_size == ALT_SIZE && cur.ss_flags == 0,
	     "sigaltstack sets it and reads it back");

	set_handler(SIGUSR1, (void *)on_usr1, SA_ONSTACK);
	sys_kill((int)sys_getpid(), SIGUSR1);
	T_OK(on_alt(handler_sp), "an SA_ONSTACK handler runs on the alternate stack (%#lx)",
	     (unsigned long)handler_sp);
	T_OK(inside_flags == SS_ONSTACK, "there sigaltstack reports SS_ONSTACK (%d)", inside_flags);
	T_OK(inside_set == -EPERM, "and changing it is EPERM (%d)", inside_set);

	set_handler(SIGUSR1, (void *)on_usr1, 0);
	sys_kill((int)sys_getpid(), SIGUSR1);
	T_OK(!on_alt(handler_sp), "a handler without SA_ONSTACK runs on the normal stack");

	int st = rt_run_child(overflow_child, NULL);
	T_OK(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	     "a stack overflow's SIGSEGV is handled on the alternate stack (%#x)", st);

	ss = (struct k_sigaltstack){ NULL, SS_DISABLE, 0 };
	T_OK(sigaltstack(&ss, NULL) == 0 && sigaltstack(NULL, &cur) == 0 &&
		 cur.ss_flags == SS_DISABLE,
	     "SS_DISABLE removes it");
	return t_done();
}
