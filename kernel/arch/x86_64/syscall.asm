; The syscall instruction's entry point (MSR_LSTAR).
;
; On entry: rcx = user rip, r11 = user rflags, rsp = user stack, interrupts
; masked by SFMASK, and the Linux argument registers rdi, rsi, rdx, r10, r8,
; r9 with the number in rax. We switch to the task's kernel stack and build
; the same struct trap_frame an interrupt would (vector = 0x80 | syscall
; marker, error = the syscall number), so fork, signals and ptrace-like code
; see one format. The return goes through sysret when the frame still
; describes a normal return, else through iretq (trap_exit).

%include "frame.inc"

bits 64
section .text

extern syscall_dispatch
extern trap_exit

CPU_KERNEL_RSP equ 8
CPU_USER_RSP   equ 16
SEL_UDATA      equ 0x23
SEL_UCODE      equ 0x2b
SYSCALL_VECTOR equ 0x100        ; not an IDT vector: marks a syscall frame

global syscall_entry
syscall_entry:
	swapgs
	mov [gs:CPU_USER_RSP], rsp
	mov rsp, [gs:CPU_KERNEL_RSP]
	push SEL_UDATA                  ; ss
	push qword [gs:CPU_USER_RSP]    ; rsp
	push r11                        ; rflags
	push SEL_UCODE                  ; cs
	push rcx                        ; rip
	push rax                        ; error slot: the syscall number
	push SYSCALL_VECTOR             ; vector
	PUSH_GPRS
	xor ebp, ebp
	mov rdi, rsp
	sti
	call syscall_dispatch           ; returns nonzero when sysret is safe
	cli
	test eax, eax
	jz .slow_return
	POP_GPRS
	add rsp, 16                     ; vector, error
	mov rcx, [rsp]                  ; rip
	mov r11, [rsp + 16]             ; rflags
	mov rsp, [rsp + 24]             ; user rsp
	swapgs
	o64 sysret

.slow_return:
	; A frame changed by exec, a signal or fork's child setup: iretq restores all of it.
	jmp trap_exit
