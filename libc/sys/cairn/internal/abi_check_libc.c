/*
 * Build-time check, not part of the library: the newlib structures the glue
 * hands to the kernel unchanged have the kernel's layout
 * (internal/abi_layout.h). Compiled with -Werror by libc/build.sh.
 */
#include <stddef.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <time.h>

#include "internal/abi_layout.h"

_Static_assert(sizeof(struct timespec) == __ABI_TIMESPEC_SIZE &&
                   offsetof(struct timespec, tv_nsec) == __ABI_TIMESPEC_NSEC,
               "newlib's struct timespec");
_Static_assert(sizeof(struct timeval) == __ABI_TIMEVAL_SIZE &&
                   offsetof(struct timeval, tv_usec) == __ABI_TIMEVAL_USEC,
               "newlib's struct timeval");
_Static_assert(sizeof(struct tms) == __ABI_TMS_SIZE, "newlib's struct tms");
_Static_assert(sizeof(struct utsname) == __ABI_UTSNAME_SIZE, "libc's struct utsname");
_Static_assert(sizeof(pid_t) == 4 && sizeof(clockid_t) == 4 && sizeof(off_t) == 8,
               "pid_t, clockid_t and off_t have the kernel's widths");
