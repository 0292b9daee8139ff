/*
 * <sys/utsname.h>: newlib has none. struct utsname is the kernel's (Linux's
 * struct new_utsname: six fields of 65 bytes, domainname included), so
 * uname() hands the caller's buffer to the kernel as it is.
 */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#include <sys/cdefs.h>
#include <uapi/utsname.h>

__BEGIN_DECLS
int uname(struct utsname *);
__END_DECLS

#endif
