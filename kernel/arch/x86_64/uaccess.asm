; Fault-tolerant copies for uaccess.c. Each returns the number of bytes NOT
; copied (0 on success); a fault in the rep instruction resumes at the fixup,
; which returns the remaining count in rcx. The caller brackets these with
; stac/clac when the CPU enforces SMAP.

bits 64
section .text

; size_t arch_copy_user(void *dst, const void *src, size_t n)
global arch_copy_user
arch_copy_user:
	mov rcx, rdx
.copy:
	rep movsb
	xor eax, eax
	ret
.fault:
	mov rax, rcx
	ret

; size_t arch_clear_user(void *dst, size_t n)
global arch_clear_user
arch_clear_user:
	mov rcx, rsi
	xor eax, eax
.clear:
	rep stosb
	xor eax, eax
	ret
.fault:
	mov rax, rcx
	ret

; long arch_strnlen_user(const char *s, size_t max)
; Returns the string length if a NUL comes within max bytes, max if not,
; or -1 on a fault.
global arch_strnlen_user
arch_strnlen_user:
	xor eax, eax
.loop:
	cmp rax, rsi
	jae .done
.load:
	cmp byte [rdi + rax], 0
	je .done
	inc rax
	jmp .loop
.done:
	ret
.fault:
	mov rax, -1
	ret

section .extable align=8
	dq arch_copy_user.copy, arch_copy_user.fault
	dq arch_clear_user.clear, arch_clear_user.fault
	dq arch_strnlen_user.load, arch_strnlen_user.fault
