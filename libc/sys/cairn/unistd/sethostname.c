/* sethostname: sethostname(2). */
#include <unistd.h>

#include "internal/syscall.h"

int sethostname(const char *name, size_t len)
{
	return (int)__syscall_ret(__syscall2(SYS_sethostname, (long)name, (long)len));
}
