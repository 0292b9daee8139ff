/* getrandom: getrandom(2), up to `len` random bytes; flags are GRND_*. */
#include <sys/random.h>

#include "internal/syscall.h"

ssize_t getrandom(void *buf, size_t len, unsigned int flags)
{
	return __syscall_ret(__syscall3(SYS_getrandom, (long)buf, (long)len, flags));
}
