/* dup2: dup2(2), `newfd` for the same open file as `oldfd`. */
#include <unistd.h>

#include "internal/syscall.h"

int dup2(int oldfd, int newfd)
{
	return (int)__syscall_ret(__syscall2(SYS_dup2, oldfd, newfd));
}
