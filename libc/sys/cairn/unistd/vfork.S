/*
 * pid_t vfork(void)
 *
 * The child of vfork(2) runs on the parent's stack until it calls _exit or
 * exec; a C wrapper's frame would be reused by the child and be garbage when
 * the parent resumes. So the return address is kept in a register across the
 * system call (the child gets a copy of the registers) and pushed back for
 * each of the two returns. Errors set errno through __cairn_vfork_error.
 */
#include <syscall_nr.h>

	.text
	.globl	vfork
	.type	vfork, @function
vfork:
	popq	%rdx				/* the return address */
	movl	$SYS_vfork, %eax
	syscall
	pushq	%rdx
	cmpq	$-4095, %rax
	jae	1f
	ret
1:	movq	%rax, %rdi
	jmp	__syscall_ret
	.size	vfork, . - vfork

	.section .note.GNU-stack, "", @progbits
