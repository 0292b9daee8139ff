/*
 * Signal frames on the user stack, laid out as Linux x86-64 does so that
 * libc's sa_restorer (which calls rt_sigreturn) and debuggers find what they
 * expect:
 *
 *   rsp -> pretcode (the restorer: where the handler returns)
 *          struct k_ucontext (saved registers, signal mask)
 *          struct siginfo
 *          512-byte fxsave image (16-byte aligned)
 *
 * With SA_ONSTACK and an alternate stack (sigaltstack(2)) that the
 * interrupted code is not already on, the frame goes at the top of the
 * alternate stack instead.
 *
 * The handler starts with rdi = signal, rsi = &info, rdx = &uc, and rsp + 8
 * 16-byte aligned, as after a call. rt_sigreturn restores everything from the
 * frame, but never a privileged bit: cs/ss stay user selectors, only the
 * user-changeable flags are taken, and the FPU image's MXCSR is masked so
 * fxrstor cannot fault in the kernel.
 */
#include <arch/percpu.h>
#include <arch/segments.h>
#include <arch/signal.h>
#include <arch/trap.h>
#include <errno.h>
#include <lib/string.h>
#include <proc/signal.h>
#include <proc/task.h>
#include <uaccess.h>
#include <uapi/sigcontext.h>
#include <uapi/signal.h>

struct rt_sigframe {
	uint64_t pretcode;
	struct k_ucontext uc;
	struct siginfo info;
};

/* The flags a user program may set: CF PF AF ZF SF TF DF OF AC and ID. */
#define USER_RFLAGS 0x00244dd5UL
#define REDZONE 128

static void save_regs(struct sigcontext *sc, const struct trap_frame *tf)
{
	sc->r8 = tf->r8, sc->r9 = tf->r9, sc->r10 = tf->r10, sc->r11 = tf->r11;
	sc->r12 = tf->r12, sc->r13 = tf->r13, sc->r14 = tf->r14, sc->r15 = tf->r15;
	sc->rdi = tf->rdi, sc->rsi = tf->rsi, sc->rbp = tf->rbp, sc->rbx = tf->rbx;
	sc->rdx = tf->rdx, sc->rax = tf->rax, sc->rcx = tf->rcx, sc->rsp = tf->rsp;
	sc->rip = tf->rip;
	sc->eflags = tf->rflags;
	sc->cs = SEL_UCODE;
	sc->ss = SEL_UDATA;
	sc->trapno = tf->vector < 32 ? tf->vector : 0;
	sc->err = tf->vector < 32 ? tf->error : 0;
}

int arch_signal_frame_setup(struct trap_frame *tf, int sig, const struct siginfo *info,
			    const struct k_sigaction *sa, uint64_t old_mask)
{
	struct task *t = current;
	if (!(sa->sa_flags & SA_RESTORER) || !sa->sa_restorer)
		return -EFAULT;
	uintptr_t sp = tf->rsp - REDZONE;
	bool on_alt = signal_on_altstack(t, tf->rsp);
	if ((sa->sa_flags & SA_ONSTACK) && t->sas_size && !on_alt) {
		sp = t->sas_sp + t->sas_size; /* the top of the alternate stack */
		on_alt = true;
	}
	sp = (sp - 512) & ~15UL;
	uintptr_t fpstate = sp;
	sp -= sizeof(struct rt_sigframe);
	sp = ((sp + 8) & ~15UL) - 8; /* rsp + 8 aligned, as at function entry */

	__asm__ volatile("fxsave64 %0" : "=m"(*(uint8_t(*)[512])t->fpu));
	struct rt_sigframe frame;
	memset(&frame, 0, sizeof(frame));
	frame.pretcode = (uint64_t)sa->sa_restorer;
	save_regs(&frame.uc.uc_mcontext, tf);
	frame.uc.uc_mcontext.oldmask = old_mask;
	frame.uc.uc_mcontext.fpstate = fpstate;
	frame.uc.uc_sigmask = old_mask;
	frame.uc.uc_stack.ss_sp = (void *)t->sas_sp;
	frame.uc.uc_stack.ss_size = t->sas_size;
	frame.uc.uc_stack.ss_flags = !t->sas_size ? SS_DISABLE : on_alt ? SS_ONSTACK : 0;
	frame.info = *info;
	if (copy_to_user((void *)fpstate, t->fpu, 512) ||
	    copy_to_user((void *)sp, &frame, sizeof(frame)))
		return -EFAULT;

	struct rt_sigframe *uf = (struct rt_sigframe *)sp;
	tf->rsp = sp;
	tf->rip = (uint64_t)sa->sa_handler;
	tf->rdi = (uint64_t)sig;
	tf->rsi = (uint64_t)&uf->info;
	tf->rdx = (uint64_t)&uf->uc;
	tf->rax = 0;
	tf->rflags &= ~((1UL << 8) | (1UL << 10)); /* TF, DF clear for the handler */
	tf->cs = SEL_UCODE;
	tf->ss = SEL_UDATA;
	return 0;
}

int arch_signal_return(struct trap_frame *tf, uint64_t *mask)
{
	struct task *t = current;
	struct rt_sigframe frame;
	uintptr_t sp = tf->rsp - 8; /* the restorer's ret popped pretcode */
	if (copy_from_user(&frame, (void *)sp, sizeof(frame)))
		return -EFAULT;
	const struct sigcontext *sc = &frame.uc.uc_mcontext;
	if (sc->rip >= 0x00007ffffffff000UL)
		return -EFAULT;
	if (sc->fpstate) {
		uint8_t fp[512] __aligned(16);
		if (copy_from_user(fp, (void *)sc->fpstate, sizeof(fp)))
			return -EFAULT;
		uint32_t mxcsr_mask = *(uint32_t *)&t->fpu[28];
		*(uint32_t *)&fp[24] &= mxcsr_mask ? mxcsr_mask : 0xffbf;
		memcpy(t->fpu, fp, sizeof(fp));
		__asm__ volatile("fxrstor64 %0" ::"m"(*(uint8_t(*)[512])t->fpu));
	}
	tf->r8 = sc->r8, tf->r9 = sc->r9, tf->r10 = sc->r10, tf->r11 = sc->r11;
	tf->r12 = sc->r12, tf->r13 = sc->r13, tf->r14 = sc->r14, tf->r15 = sc->r15;
	tf->rdi = sc->rdi, tf->rsi = sc->rsi, tf->rbp = sc->rbp, tf->rbx = sc->rbx;
	tf->rdx = sc->rdx, tf->rax = sc->rax, tf->rcx = sc->rcx, tf->rsp = sc->rsp;
	tf->rip = sc->rip;
	tf->rflags = (tf->rflags & ~USER_RFLAGS) | (sc->eflags & USER_RFLAGS) | (1UL << 9);
	tf->cs = SEL_UCODE;
	tf->ss = SEL_UDATA;
	tf->vector = SIGRETURN_FRAME; /* not a restartable system call any more */
	*mask = frame.uc.uc_sigmask;
	return 0;
}
