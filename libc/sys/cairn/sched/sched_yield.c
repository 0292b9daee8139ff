/* sched_yield: gives up the CPU to another runnable thread. */
#include <sched.h>

#include "internal/syscall.h"

int sched_yield(void)
{
	return (int)__syscall_ret(__syscall0(SYS_sched_yield));
}
