/*
 * sigaction: rt_sigaction(2) with the C library's struct sigaction, converted
 * to and from the kernel's (internal/ksigaction.h). Every handler returns
 * through __restore_rt, which calls rt_sigreturn(2): the kernel builds the
 * frame and the restorer undoes it (docs/processes.md). An old action the
 * kernel reports is given back as it was installed, without SA_RESTORER.
 */
#include <errno.h>
#include <signal.h>

#include "internal/ksigaction.h"
#include "internal/syscall.h"

int sigaction(int sig, const struct sigaction *restrict act, struct sigaction *restrict old)
{
	struct __kernel_sigaction kact, kold;
	long r;

	if (act) {
		kact.ksa_handler = (void *)act->sa_handler;
		kact.ksa_flags = (unsigned long)(unsigned int)act->sa_flags | __KSA_RESTORER;
		kact.ksa_restorer = (void *)__restore_rt;
		kact.ksa_mask = act->sa_mask;
	}
	r = __syscall4(SYS_rt_sigaction, sig, act ? (long)&kact : 0, old ? (long)&kold : 0,
	               sizeof(kact.ksa_mask));
	if (r < 0)
		return (int)__syscall_ret((unsigned long)r);
	if (old) {
		old->sa_handler = (_sig_func_ptr)kold.ksa_handler;
		old->sa_flags = (int)(kold.ksa_flags & ~(unsigned long)__KSA_RESTORER);
		old->sa_restorer = 0;
		old->sa_mask = kold.ksa_mask;
	}
	return 0;
}
