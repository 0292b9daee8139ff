/* sigaltstack: sigaltstack(2): the stack SA_ONSTACK handlers run on. */
#include <signal.h>

#include "internal/syscall.h"

int sigaltstack(const stack_t *restrict ss, stack_t *restrict old)
{
	return (int)__syscall_ret(__syscall2(SYS_sigaltstack, (long)ss, (long)old));
}
