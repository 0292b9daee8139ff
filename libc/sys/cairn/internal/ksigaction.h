/*
 * The kernel's rt_sigaction(2) structure and the constants signal() needs,
 * from kernel/include/uapi/signal.h under names of their own: that header's
 * SIG_DFL, SA_* and siginfo clash with newlib's <signal.h>, so it cannot be
 * included next to it. The fields are named k* because <signal.h> makes
 * sa_handler a macro. internal/abi_check_uapi.c compares this copy with the
 * uapi header at build time.
 */
#ifndef _CAIRN_INTERNAL_KSIGACTION_H
#define _CAIRN_INTERNAL_KSIGACTION_H

#include <stdint.h>

struct __kernel_sigaction {
	void *ksa_handler;
	unsigned long ksa_flags;
	void *ksa_restorer;
	uint64_t ksa_mask;
};

#define __KSA_RESTORER 0x04000000
#define __KSA_RESTART  0x10000000

/* The handler's return address: calls rt_sigreturn(2) (internal/__restore_rt.S). */
void __restore_rt(void);

#endif
