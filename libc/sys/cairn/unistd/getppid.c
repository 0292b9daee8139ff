/* getppid: getppid(2). */
#include <unistd.h>

#include "internal/syscall.h"

pid_t getppid(void)
{
	return (pid_t)__syscall0(SYS_getppid); /* cannot fail */
}
