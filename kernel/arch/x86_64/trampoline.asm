; Application processor start-up code. smp.c copies the bytes between
; trampoline_start and trampoline_end to physical TRAMP_BASE and points the
; STARTUP IPI there. An AP starts in 16-bit real mode at TRAMP_BASE, switches
; to protected mode, enables PAE and long mode with the kernel's page tables
; (which map this page 1:1 while APs start), and jumps to ap_entry(cpu) on the
; stack smp.c left in the parameter block at the end.

TRAMP_BASE equ 0x8000
%define T(x) (TRAMP_BASE + (x) - trampoline_start)

section .rodata
align 16
global trampoline_start
global trampoline_end
global trampoline_params

bits 16
trampoline_start:
	cli
	cld
	xor ax, ax
	mov ds, ax
	lgdt [T(tr_gdtr)]
	mov eax, cr0
	or eax, 1
	mov cr0, eax
	jmp dword 0x08:T(tr_protected)

bits 32
tr_protected:
	mov ax, 0x10
	mov ds, ax
	mov es, ax
	mov ss, ax
	mov eax, cr4
	or eax, 1 << 5                  ; PAE
	mov cr4, eax
	mov eax, [T(tr_cr3)]
	mov cr3, eax
	mov ecx, 0xc0000080             ; EFER: the boot CPU's value (LME, NXE, ...)
	mov eax, [T(tr_efer)]
	mov edx, [T(tr_efer) + 4]
	wrmsr
	mov eax, cr0
	or eax, (1 << 31) | (1 << 16)   ; PG, WP
	mov cr0, eax
	jmp 0x18:T(tr_long)

bits 64
tr_long:
	mov ax, 0x10
	mov ds, ax
	mov es, ax
	mov ss, ax
	mov rsp, [T(tr_stack)]
	mov rdi, [T(tr_cpu)]
	xor ebp, ebp
	mov rax, [T(tr_entry)]
	call rax
.hang:
	cli
	hlt
	jmp .hang

align 8
tr_gdt:
	dq 0
	dq 0x00cf9a000000ffff           ; 0x08: 32-bit code
	dq 0x00cf92000000ffff           ; 0x10: data
	dq 0x00af9a000000ffff           ; 0x18: 64-bit code
tr_gdtr:
	dw 4 * 8 - 1
	dd T(tr_gdt)

; Parameter block, filled by smp.c for each AP (layout: struct trampoline_params).
align 8
trampoline_params:
tr_cr3:   dq 0
tr_efer:  dq 0
tr_stack: dq 0
tr_cpu:   dq 0
tr_entry: dq 0
trampoline_end:
