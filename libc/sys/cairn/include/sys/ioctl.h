/*
 * <sys/ioctl.h>: newlib has none. ioctl() and the request numbers of the
 * kernel (kernel/include/uapi/ioctl.h: TCGETS, TIOCGWINSZ, FIONREAD, ...)
 * with struct winsize.
 */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <sys/cdefs.h>
#include <uapi/ioctl.h>

__BEGIN_DECLS
int ioctl(int, unsigned long, ...);
__END_DECLS

#endif
