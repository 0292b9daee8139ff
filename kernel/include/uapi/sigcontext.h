/*
 * What a signal handler finds on its stack (Linux x86-64 layouts): the saved
 * registers (struct sigcontext) inside a ucontext, next to the siginfo; the
 * kernel builds them when it delivers a signal and rt_sigreturn reads them
 * back.
 */
#ifndef CAIRN_UAPI_SIGCONTEXT_H
#define CAIRN_UAPI_SIGCONTEXT_H

#include <stdint.h>

struct sigcontext {
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
	uint64_t rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip;
	uint64_t eflags;
	uint16_t cs, gs, fs, ss;
	uint64_t err, trapno, oldmask, cr2;
	uint64_t fpstate; /* user address of the 512-byte fxsave image */
	uint64_t reserved1[8];
};

struct k_sigaltstack {
	void *ss_sp;
	int ss_flags;
	unsigned long ss_size;
};

struct k_ucontext {
	unsigned long uc_flags;
	struct k_ucontext *uc_link;
	struct k_sigaltstack uc_stack;
	struct sigcontext uc_mcontext;
	uint64_t uc_sigmask;
};

#endif
