/* reboot: reboot(2) with Linux's magic numbers; cmd is an RB_* value. */
#include <sys/reboot.h>

#include "internal/syscall.h"

int reboot(int cmd)
{
	return (int)__syscall_ret(
		__syscall4(SYS_reboot, 0xfee1dead, 672274793, (long)(unsigned)cmd, 0));
}
