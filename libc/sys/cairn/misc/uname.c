/* uname: uname(2); struct utsname is the kernel's (<sys/utsname.h>). */
#include <sys/utsname.h>

#include "internal/syscall.h"

int uname(struct utsname *buf)
{
	return (int)__syscall_ret(__syscall1(SYS_uname, (long)buf));
}
