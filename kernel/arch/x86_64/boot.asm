; Multiboot2 entry: GRUB jumps here in 32-bit protected mode with paging off,
; eax = multiboot2 magic, ebx = physical address of the boot information.
; We build temporary page tables that identity-map and direct-map the first
; 4 GiB and map the kernel image at 0xffffffff80000000, enter long mode, and
; jump to the higher half, where arch_boot_main(magic, info) takes over.

KERNEL_VMA      equ 0xffffffff80000000
DIRECT_MAP      equ 0xffff800000000000
PTE_PRESENT     equ 1 << 0
PTE_WRITE       equ 1 << 1
PTE_HUGE        equ 1 << 7

MB2_MAGIC       equ 0xe85250d6
MB2_ARCH_I386   equ 0

section .multiboot2
align 8
mb2_header:
	dd MB2_MAGIC
	dd MB2_ARCH_I386
	dd mb2_header_end - mb2_header
	dd -(MB2_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))
	; End tag: no framebuffer request, so GRUB leaves VGA text mode.
	dw 0, 0
	dd 8
mb2_header_end:

section .boot.bss nobits
align 4096
global boot_pml4
boot_pml4:      resb 4096
boot_pdpt_low:  resb 4096
boot_pdpt_high: resb 4096
boot_pd:        resb 4096 * 4

section .boot.data
align 16
boot_gdt:
	dq 0
	dq 0x00af9a000000ffff   ; 0x08: 64-bit kernel code
	dq 0x00cf92000000ffff   ; 0x10: kernel data
boot_gdt_end:
boot_gdtr:
	dw boot_gdt_end - boot_gdt - 1
	dq boot_gdt

boot_msg_nolm: db "Cairn: this CPU has no long mode", 0

section .boot.text
bits 32
global _start
_start:
	cli
	cld
	mov edi, eax                    ; keep magic and info for arch_boot_main
	mov esi, ebx

	; Long mode is required.
	mov eax, 0x80000000
	cpuid
	cmp eax, 0x80000001
	jb .no_long_mode
	mov eax, 0x80000001
	cpuid
	test edx, 1 << 29
	jz .no_long_mode
	mov ebp, edx                    ; remember NX support (bit 20)

	; The tables are in a NOLOAD section: clear them before use.
	mov ebx, edi                    ; no stack yet: park the magic in ebx
	mov edi, boot_pml4
	mov ecx, (4096 * 7) / 4
	xor eax, eax
	rep stosd
	mov edi, ebx

	; Four page directories of 2 MiB pages cover physical 0..4 GiB.
	mov ecx, 0
.fill_pd:
	mov eax, ecx
	shl eax, 21
	or eax, PTE_PRESENT | PTE_WRITE | PTE_HUGE
	mov [boot_pd + ecx * 8], eax
	mov eax, ecx
	shr eax, 11                     ; high dword: (ecx << 21) >> 32
	mov [boot_pd + ecx * 8 + 4], eax
	inc ecx
	cmp ecx, 2048
	jne .fill_pd

	; pdpt_low[0..3] -> the four directories (identity and direct map).
	mov ecx, 0
.fill_pdpt:
	mov eax, ecx
	shl eax, 12
	add eax, boot_pd
	or eax, PTE_PRESENT | PTE_WRITE
	mov [boot_pdpt_low + ecx * 8], eax
	inc ecx
	cmp ecx, 4
	jne .fill_pdpt

	; pdpt_high[510] -> first directory: 0xffffffff80000000 = physical 0.
	mov eax, boot_pd
	or eax, PTE_PRESENT | PTE_WRITE
	mov [boot_pdpt_high + 510 * 8], eax

	mov eax, boot_pdpt_low
	or eax, PTE_PRESENT | PTE_WRITE
	mov [boot_pml4], eax                        ; identity
	mov [boot_pml4 + 256 * 8], eax              ; direct map
	mov eax, boot_pdpt_high
	or eax, PTE_PRESENT | PTE_WRITE
	mov [boot_pml4 + 511 * 8], eax              ; kernel image

	mov eax, boot_pml4
	mov cr3, eax
	mov eax, cr4
	or eax, 1 << 5                  ; PAE
	mov cr4, eax

	mov ecx, 0xc0000080             ; EFER
	rdmsr
	or eax, 1 << 8                  ; LME
	test ebp, 1 << 20
	jz .no_nx
	or eax, 1 << 11                 ; NXE
.no_nx:
	wrmsr

	mov eax, cr0
	or eax, (1 << 31) | (1 << 16) | 1   ; PG, WP, PE
	mov cr0, eax

	lgdt [boot_gdtr]
	jmp 0x08:.long_mode

.no_long_mode:
	; Print to the VGA text buffer and stop.
	mov esi, boot_msg_nolm
	mov edi, 0xb8000
.print:
	lodsb
	test al, al
	jz .halt
	mov ah, 0x4f
	stosw
	jmp .print
.halt:
	hlt
	jmp .halt

bits 64
.long_mode:
	mov ax, 0x10
	mov ds, ax
	mov es, ax
	mov ss, ax
	xor ax, ax
	mov fs, ax
	mov gs, ax
	mov rax, boot_higher_half
	jmp rax

section .text
extern arch_boot_main
global boot_higher_half
boot_higher_half:
	mov rsp, boot_stack_top
	xor ebp, ebp
	; edi = magic, esi = info (zero-extended by the 32-bit moves above)
	mov edi, edi
	mov esi, esi
	call arch_boot_main
.hang:
	cli
	hlt
	jmp .hang

; The boot CPU's kernel stack, with an unmapped guard page below it (mmu_init
; removes its mapping) so that a kernel stack overflow faults instead of
; silently overwriting .bss.
section .bss nobits
align 4096
global boot_stack_guard
global boot_stack_bottom
global boot_stack_top
boot_stack_guard:  resb 4096
boot_stack_bottom: resb 16384
boot_stack_top:
