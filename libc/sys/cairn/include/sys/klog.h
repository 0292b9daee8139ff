/* <sys/klog.h>: newlib has none. The kernel log through syslog(2). */
#ifndef _SYS_KLOG_H
#define _SYS_KLOG_H

#include <sys/cdefs.h>

__BEGIN_DECLS
int klogctl(int, char *, int);
__END_DECLS

#endif
