; Kernel context switch and the first steps of new tasks.

bits 64
section .text

extern sched_finish_switch
extern kthread_exit
extern trap_exit

; void switch_context(uintptr_t *save_ksp, uintptr_t new_ksp)
; Saves the callee-saved registers on the current stack, stores the stack
; pointer in *save_ksp, and resumes the task whose stack pointer is new_ksp.
global switch_context
switch_context:
	push rbp
	push rbx
	push r12
	push r13
	push r14
	push r15
	mov [rdi], rsp
	mov rsp, rsi
	pop r15
	pop r14
	pop r13
	pop r12
	pop rbx
	pop rbp
	ret

; A new kernel thread starts here: r12 = function, rbx = argument.
global kthread_start
kthread_start:
	call sched_finish_switch
	mov rdi, rbx
	call r12
	call kthread_exit
	ud2

; A new user task (fork, clone) starts here with a struct trap_frame right
; above the switch frame; it returns to user mode through trap_exit.
global user_task_start
user_task_start:
	call sched_finish_switch
	jmp trap_exit
