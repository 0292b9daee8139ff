/*
 * void __pthread_unmap_self(void *base, size_t size)
 * A detached thread frees the mapping that holds its own stack and then
 * exits; between the two it runs on registers only, since the stack is gone.
 * Signals are blocked and the clear-child-tid word is unset by the caller.
 */
#include "syscall_nr.h"

	.text
	.globl	__pthread_unmap_self
	.type	__pthread_unmap_self, @function
__pthread_unmap_self:
	movl	$SYS_munmap, %eax
	syscall
	xorl	%edi, %edi
	movl	$SYS_exit, %eax
	syscall
	hlt					/* not reached */
	.size	__pthread_unmap_self, . - __pthread_unmap_self

	.section .note.GNU-stack, "", @progbits
