/*
 * <sys/statfs.h>: newlib has none. struct statfs and the *_MAGIC numbers are
 * the kernel's (<uapi/statfs.h>), handed to statfs(2) as they are.
 */
#ifndef _SYS_STATFS_H
#define _SYS_STATFS_H

#include <sys/cdefs.h>
#include <uapi/statfs.h>

typedef kernel_fsid_t fsid_t;

__BEGIN_DECLS
int statfs(const char *, struct statfs *);
int fstatfs(int, struct statfs *);
__END_DECLS

#endif
