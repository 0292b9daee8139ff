/*
 * signal: installs a handler, SIG_IGN or SIG_DFL with rt_sigaction(2), with
 * BSD semantics as glibc's signal() has: the handler stays installed and
 * interrupted system calls restart (SA_RESTART). Handlers return through
 * __restore_rt, which calls rt_sigreturn(2).
 */
#include <errno.h>
#include <signal.h>

#include "internal/ksigaction.h"
#include "internal/syscall.h"

_sig_func_ptr signal(int sig, _sig_func_ptr handler)
{
	struct __kernel_sigaction sa = {
	    .ksa_handler = (void *)handler,
	    .ksa_flags = __KSA_RESTART | __KSA_RESTORER,
	    .ksa_restorer = (void *)__restore_rt,
	    .ksa_mask = 0,
	};
	struct __kernel_sigaction old;

	if (handler == SIG_ERR) {
		errno = EINVAL;
		return SIG_ERR;
	}
	if (__syscall_ret(
	        __syscall4(SYS_rt_sigaction, sig, (long)&sa, (long)&old, sizeof(sa.ksa_mask))) < 0)
		return SIG_ERR;
	return (_sig_func_ptr)old.ksa_handler;
}
