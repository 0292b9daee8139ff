/* <sys/sysinfo.h>: newlib has none. struct sysinfo is the kernel's. */
#ifndef _SYS_SYSINFO_H
#define _SYS_SYSINFO_H

#include <sys/cdefs.h>
#include <uapi/sysinfo.h>

#define SI_LOAD_SHIFT 16

__BEGIN_DECLS
int sysinfo(struct sysinfo *);
__END_DECLS

#endif
