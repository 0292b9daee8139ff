/*
 * long __pthread_clone(flags, stack, ptid, ctid, tls, t)
 *                      rdi    rsi    rdx   rcx   r8   r9
 * clone(2) takes (flags, newsp, parent_tid, child_tid, tls) in rdi, rsi,
 * rdx, r10, r8. The descriptor t is stored on the new stack before the
 * call, so the child needs nothing from the parent's frame: it pops it and
 * calls __pthread_start(t), which never returns, with an ABI-aligned stack.
 * The parent gets the new thread's id or -errno.
 */
#include "syscall_nr.h"

	.text
	.globl	__pthread_clone
	.type	__pthread_clone, @function
__pthread_clone:
	andq	$-16, %rsi
	subq	$16, %rsi
	movq	%r9, 0(%rsi)			/* t, popped by the child */
	movq	$0, 8(%rsi)			/* padding: keeps the child aligned */
	movq	%rcx, %r10
	movl	$SYS_clone, %eax
	syscall
	testq	%rax, %rax
	jz	1f
	ret					/* the parent */
1:	xorl	%ebp, %ebp			/* the child, on its own stack */
	popq	%rdi				/* t */
	popq	%rax				/* padding; %rsp is 16-byte aligned */
	call	__pthread_start
	hlt					/* not reached */
	.size	__pthread_clone, . - __pthread_clone

	.section .note.GNU-stack, "", @progbits
