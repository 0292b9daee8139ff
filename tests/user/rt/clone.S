/*
 * The two system call wrappers that cannot be C functions.
 *
 * long rt_clone(flags, stack_top, ptid, ctid, tls, fn, arg)
 *	rdi      rsi        rdx   rcx   r8   r9  8(%rsp)
 * clone(2) takes (flags, newsp, parent_tid, child_tid, tls) in rdi, rsi,
 * rdx, r10, r8. fn and arg are stored on the child's new stack before the
 * call, so the child needs nothing from the parent's frame: it pops them,
 * calls fn(arg) with an ABI-aligned stack, and exit(2)s (only this thread)
 * with fn's return value.
 *
 * long sys_vfork(void)
 * The child of vfork(2) runs on the parent's stack until it execs or exits;
 * a C wrapper's frame would be reused by the child and be garbage when the
 * parent resumes. So the return address is kept in a register (the child
 * gets a copy of the registers), as musl does.
 */
#include <syscall_nr.h>

	.text
	.globl	rt_clone
	.type	rt_clone, @function
rt_clone:
	movq	8(%rsp), %rax			/* arg */
	andq	$-16, %rsi
	subq	$16, %rsi
	movq	%r9, 0(%rsi)			/* fn, popped first by the child */
	movq	%rax, 8(%rsi)			/* arg */
	movq	%rcx, %r10			/* child_tid */
	movl	$SYS_clone, %eax
	syscall
	testq	%rax, %rax
	jz	1f
	ret					/* the parent: tid or -errno */
1:	xorl	%ebp, %ebp			/* the child, on the new stack */
	popq	%rax				/* fn */
	popq	%rdi				/* arg; %rsp is now 16-byte aligned */
	call	*%rax
	movl	%eax, %edi
	movl	$SYS_exit, %eax
	syscall
	hlt
	.size	rt_clone, . - rt_clone

	.globl	sys_vfork
	.type	sys_vfork, @function
sys_vfork:
	popq	%rdx				/* the return address */
	movl	$SYS_vfork, %eax
	syscall
	pushq	%rdx
	ret
	.size	sys_vfork, . - sys_vfork

	.section .note.GNU-stack, "", @progbits
