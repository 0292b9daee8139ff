/* <sys/random.h>: getrandom(), with the kernel's (Linux's) GRND_* flags. */
#ifndef _SYS_RANDOM_H
#define _SYS_RANDOM_H

#include <sys/cdefs.h>
#include <sys/types.h>
#include <uapi/random.h>

__BEGIN_DECLS
ssize_t getrandom(void *, size_t, unsigned int);
__END_DECLS

#endif
