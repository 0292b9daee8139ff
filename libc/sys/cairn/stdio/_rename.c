/*
 * _rename: rename(2), under newlib's _rename_r and stdio's rename() (Cairn
 * configures newlib with HAVE_RENAME, so rename is atomic rather than
 * link + unlink).
 */
#include "internal/syscall.h"

int _rename(const char *old, const char *new)
{
	return (int)__syscall_ret(__syscall2(SYS_rename, (long)old, (long)new));
}
