; Interrupt and exception entry stubs. Every vector pushes an error code (a
; zero when the CPU does not) and its number, then joins isr_common, which
; saves the general registers as a struct trap_frame (arch/trap.h) and calls
; trap_dispatch(frame).

%include "frame.inc"

bits 64
section .text

extern trap_dispatch

%macro ISR_NOERR 1
isr_%1:
	push 0
	push %1
	jmp isr_common
%endmacro

%macro ISR_ERR 1
isr_%1:
	push %1
	jmp isr_common
%endmacro

isr_common:
	cld
	PUSH_GPRS
	; Swap GS when we came from user mode, so gs always points at per-CPU data.
	test qword [rsp + 18 * 8], 3
	jz .from_kernel
	swapgs
.from_kernel:
	mov rdi, rsp
	; A frame-pointer link so backtraces walk through the interrupted code.
	mov rbp, [rsp + 8 * 8]
	push qword [rsp + 17 * 8]
	push rbp
	mov rbp, rsp
	call trap_dispatch
	add rsp, 16
global trap_exit
trap_exit:
	; rsp points at a struct trap_frame; return to whatever it describes.
	; Interrupts stay off from here: after swapgs the kernel's GS is gone.
	cli
	test qword [rsp + 18 * 8], 3
	jz .to_kernel
	swapgs
.to_kernel:
	POP_GPRS
	add rsp, 16
	iretq

; Vectors with a CPU-pushed error code: 8, 10-14, 17, 21, 29, 30.
%assign i 0
%rep 256
%if i == 8 || (i >= 10 && i <= 14) || i == 17 || i == 21 || i == 29 || i == 30
	ISR_ERR i
%else
	ISR_NOERR i
%endif
%assign i i + 1
%endrep

section .rodata
align 8
global isr_table
isr_table:
%assign i 0
%rep 256
	dq isr_ %+ i
%assign i i + 1
%endrep

; int arch_probe_read64(const void *addr, uint64_t *out)
; Returns 0 and stores the value, or -EFAULT (-14) when the load faults.
section .text
global arch_probe_read64
arch_probe_read64:
.load:
	mov rax, [rdi]
	mov [rsi], rax
	xor eax, eax
	ret
.fault:
	mov rax, -14
	ret

section .extable align=8
	dq arch_probe_read64.load, arch_probe_read64.fault
