/* klogctl: syslog(2), the kernel log (glibc's name, as in <sys/klog.h>). */
#include <sys/klog.h>

#include "internal/syscall.h"

int klogctl(int type, char *buf, int len)
{
	return (int)__syscall_ret(__syscall3(SYS_syslog, (long)type, (long)buf, (long)len));
}
