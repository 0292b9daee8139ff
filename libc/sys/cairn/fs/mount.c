/* mount: mount(2); flags and data are passed to the kernel as they are. */
#include <sys/mount.h>

#include "internal/syscall.h"

int mount(const char *source, const char *target, const char *fstype, unsigned long flags,
	  const void *data)
{
	return (int)__syscall_ret(__syscall5(SYS_mount, (long)source, (long)target, (long)fstype,
					     (long)flags, (long)data));
}
