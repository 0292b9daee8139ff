/* <sys/prctl.h>: newlib has none. prctl(2) (not implemented by the kernel yet: ENOSYS). */
#ifndef _SYS_PRCTL_H
#define _SYS_PRCTL_H

#include <sys/cdefs.h>

#define PR_SET_PDEATHSIG 1
#define PR_GET_PDEATHSIG 2
#define PR_SET_NAME 15
#define PR_GET_NAME 16

__BEGIN_DECLS
int prctl(int, ...);
__END_DECLS

#endif
