/* Signal frames on the user stack (arch/x86_64/signal_frame.c). */
#ifndef CAIRN_ARCH_SIGNAL_H
#define CAIRN_ARCH_SIGNAL_H

#include <types.h>

struct trap_frame;
struct siginfo;
struct k_sigaction;

/* Pushes a frame for sig and points tf at the handler; 0 or -EFAULT. */
int arch_signal_frame_setup(struct trap_frame *tf, int sig, const struct siginfo *info,
			    const struct k_sigaction *sa, uint64_t old_mask);
/* Restores tf and the saved mask from the frame rt_sigreturn found; 0 or -EFAULT. */
int arch_signal_return(struct trap_frame *tf, uint64_t *mask);

#endif
