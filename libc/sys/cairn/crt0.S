/*
 * crt0.o: the entry point of every Cairn program (GCC's STARTFILE_SPEC puts
 * it first, before crti.o and crtbegin.o from libgcc).
 *
 * execve(2) leaves the SysV x86-64 initial stack: at rsp argc, then argv[]
 * and a NULL, envp[] and a NULL, then the auxiliary vector. _start hands a
 * pointer to it to __libc_start (internal/__libc_start.c), which does the
 * rest in C and never returns.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	xorl	%ebp, %ebp		/* the outermost frame, for unwinders and debuggers */
	movq	%rsp, %rdi		/* __libc_start(sp) */
	andq	$-16, %rsp		/* the ABI's alignment at a call */
	call	__libc_start
	hlt				/* not reached */
	.size	_start, . - _start

/*
 * A reference to main from the first object of every link, as glibc's
 * crt1.o has: the linker then pulls main() out of an archive that was
 * scanned before libc.a asked for it (busybox links its main from
 * libbb/lib.a). The section is unused and --gc-sections may drop it.
 */
	.section .rodata.cairn_main_ref, "a"
	.balign	8
	.quad	main

	.section .note.GNU-stack, "", @progbits
