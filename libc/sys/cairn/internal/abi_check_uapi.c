/*
 * Build-time check, not part of the library: the glue's private copies of
 * kernel structures and constants agree with kernel/include/uapi/. Compiled
 * with -Werror by libc/build.sh; any difference stops the build.
 */
#include <stddef.h>
#include <uapi/signal.h>
#include <uapi/stat.h>
#include <uapi/time.h>
#include <uapi/times.h>
#include <uapi/utsname.h>

#include "internal/abi_layout.h"
#include "internal/ksigaction.h"
#include "internal/kstat.h"

#define SAME_FIELD(a, b, f)                                                                        \
	_Static_assert(offsetof(struct a, f) == offsetof(struct b, f) &&                           \
	                   sizeof(((struct a *)0)->f) == sizeof(((struct b *)0)->f),               \
	               "struct " #b " has " #f " where struct " #a " has it")

_Static_assert(sizeof(struct stat) == sizeof(struct __kernel_stat), "struct stat's size");
SAME_FIELD(stat, __kernel_stat, st_dev);
SAME_FIELD(stat, __kernel_stat, st_ino);
SAME_FIELD(stat, __kernel_stat, st_nlink);
SAME_FIELD(stat, __kernel_stat, st_mode);
SAME_FIELD(stat, __kernel_stat, st_uid);
SAME_FIELD(stat, __kernel_stat, st_gid);
SAME_FIELD(stat, __kernel_stat, st_rdev);
SAME_FIELD(stat, __kernel_stat, st_size);
SAME_FIELD(stat, __kernel_stat, st_blksize);
SAME_FIELD(stat, __kernel_stat, st_blocks);
SAME_FIELD(stat, __kernel_stat, st_atim);
SAME_FIELD(stat, __kernel_stat, st_mtim);
SAME_FIELD(stat, __kernel_stat, st_ctim);
SAME_FIELD(timespec, __kernel_timespec, tv_sec);
SAME_FIELD(timespec, __kernel_timespec, tv_nsec);

_Static_assert(sizeof(struct k_sigaction) == sizeof(struct __kernel_sigaction),
               "struct k_sigaction's size");
#define SAME_KSA_FIELD(f)                                                                          \
	_Static_assert(offsetof(struct k_sigaction, f) ==                                          \
	                       offsetof(struct __kernel_sigaction, k##f) &&                        \
	                   sizeof(((struct k_sigaction *)0)->f) ==                                 \
	                       sizeof(((struct __kernel_sigaction *)0)->k##f),                     \
	               "struct __kernel_sigaction has k" #f " where struct k_sigaction has " #f)
SAME_KSA_FIELD(sa_handler);
SAME_KSA_FIELD(sa_flags);
SAME_KSA_FIELD(sa_restorer);
SAME_KSA_FIELD(sa_mask);
_Static_assert(SA_RESTORER == __KSA_RESTORER && SA_RESTART == __KSA_RESTART, "SA_* flags");

_Static_assert(sizeof(struct timespec) == __ABI_TIMESPEC_SIZE &&
                   offsetof(struct timespec, tv_nsec) == __ABI_TIMESPEC_NSEC,
               "the kernel's struct timespec");
_Static_assert(sizeof(struct timeval) == __ABI_TIMEVAL_SIZE &&
                   offsetof(struct timeval, tv_usec) == __ABI_TIMEVAL_USEC,
               "the kernel's struct timeval");
_Static_assert(sizeof(struct tms) == __ABI_TMS_SIZE, "the kernel's struct tms");
_Static_assert(sizeof(struct utsname) == __ABI_UTSNAME_SIZE, "the kernel's struct utsname");

/*
 * <cairn/signum.h> and <cairn/clockid.h> spell their numbers exactly as the
 * uapi headers do; included after them, a different value is a "redefined"
 * error. SIGRTMAX is the exception: the kernel writes it as _NSIG, which libc
 * does not define (glibc's _NSIG means something else).
 */
#undef SIGRTMAX
#include <cairn/clockid.h>
#include <cairn/signum.h>
_Static_assert(SIGRTMAX == _NSIG, "SIGRTMAX");

/*
 * <cairn/sigaction.h> spells SA_*, SIG_BLOCK..., SI_* and the si_code values
 * as the uapi header does (a different value is a "redefined" error), and
 * its siginfo_t has the kernel's size.
 */
#include <machine/_default_types.h>
#include <sys/_sigset.h>
#include <cairn/sigaction.h>
_Static_assert(sizeof(siginfo_t) == sizeof(struct siginfo), "siginfo_t's size");
