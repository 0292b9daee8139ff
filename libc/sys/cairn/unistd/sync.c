/* sync: sync(2): every filesystem's dirty data is written to its device. */
#include <unistd.h>

#include "internal/syscall.h"

void sync(void)
{
	(void)__syscall0(SYS_sync);
}
