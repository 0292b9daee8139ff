/* umount: umount2() without flags (x86-64 Linux has no umount system call). */
#include <sys/mount.h>

int umount(const char *target)
{
	return umount2(target, 0);
}
