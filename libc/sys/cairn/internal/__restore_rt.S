/*
 * __restore_rt: where a signal handler returns to. libc sets it as the
 * sa_restorer of every handler it installs (SA_RESTORER); it asks the kernel
 * to restore the interrupted context with rt_sigreturn(2).
 */
#include "syscall_nr.h"

	.text
	.globl	__restore_rt
	.type	__restore_rt, @function
__restore_rt:
	movl	$SYS_rt_sigreturn, %eax
	syscall
	hlt				/* not reached */
	.size	__restore_rt, . - __restore_rt

	.section .note.GNU-stack, "", @progbits
