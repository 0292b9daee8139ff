/* getpgrp: the caller's process group, as getpgid(0). */
#include <unistd.h>

#include "internal/syscall.h"

pid_t getpgrp(void)
{
	return (pid_t)__syscall_ret(__syscall1(SYS_getpgid, (long)0));
}
