/* sysinfo: sysinfo(2): uptime, load, memory and process counts. */
#include <sys/sysinfo.h>

#include "internal/syscall.h"

int sysinfo(struct sysinfo *info)
{
	return (int)__syscall_ret(__syscall1(SYS_sysinfo, (long)info));
}
