/* access: access(2) with the real user and group ids (F_OK, R_OK, W_OK, X_OK). */
#include <unistd.h>

#include "internal/syscall.h"

int access(const char *path, int mode)
{
	return (int)__syscall_ret(__syscall2(SYS_access, (long)path, (long)mode));
}
