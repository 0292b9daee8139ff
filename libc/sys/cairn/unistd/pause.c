/* pause: waits for a signal; always -1, with EINTR after a handler ran. */
#include <unistd.h>

#include "internal/syscall.h"

int pause(void)
{
	return (int)__syscall_ret(__syscall0(SYS_pause));
}
