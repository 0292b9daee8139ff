/* umount2: umount2(2) with MNT_* flags. */
#include <sys/mount.h>

#include "internal/syscall.h"

int umount2(const char *target, int flags)
{
	return (int)__syscall_ret(__syscall2(SYS_umount2, (long)target, (long)flags));
}
