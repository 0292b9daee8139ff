/* linkat: link() with both paths relative to directory descriptors. */
#include <unistd.h>

#include "internal/syscall.h"

int linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags)
{
	return (int)__syscall_ret(__syscall5(SYS_linkat, (long)olddirfd, (long)oldpath,
	                                     (long)newdirfd, (long)newpath, (long)flags));
}
