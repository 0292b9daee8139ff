/*
 * Program entry for the test runtime. The kernel enters _start with the SysV
 * initial stack: %rsp points at argc, followed by argv[0..argc-1], NULL,
 * envp[...], NULL, then the auxiliary vector. _start records those, aligns
 * the stack to 16 bytes as the C ABI requires at a call, calls
 * main(argc, argv, envp), and passes its return value to exit_group(2).
 */
#include <syscall_nr.h>

	.text
	.globl	_start
	.type	_start, @function
_start:
	xorl	%ebp, %ebp			/* the outermost frame */
	movq	%rsp, __rt_initial_sp(%rip)
	movq	(%rsp), %rdi			/* argc */
	leaq	8(%rsp), %rsi			/* argv */
	leaq	16(%rsp,%rdi,8), %rdx		/* envp = &argv[argc + 1] */
	movl	%edi, __rt_argc(%rip)
	movq	%rsi, __rt_argv(%rip)
	movq	%rdx, __rt_envp(%rip)
	andq	$-16, %rsp
	call	main
	movl	%eax, %edi
	movl	$SYS_exit_group, %eax
	syscall
	hlt					/* not reached: faults if it is */
	.size	_start, . - _start

	.bss
	.balign	8
	.globl	__rt_initial_sp, __rt_argv, __rt_envp, __rt_argc
__rt_initial_sp:
	.zero	8
__rt_argv:
	.zero	8
__rt_envp:
	.zero	8
__rt_argc:
	.zero	4

	.section .note.GNU-stack, "", @progbits
