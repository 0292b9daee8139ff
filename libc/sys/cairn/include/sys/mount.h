/*
 * <sys/mount.h>: newlib has none. The MS_* and MNT_* flags are the kernel's
 * (<uapi/mount.h>, Linux's values).
 */
#ifndef _SYS_MOUNT_H
#define _SYS_MOUNT_H

#include <sys/cdefs.h>
#include <uapi/mount.h>

/* Linux's flags the kernel does not act on yet; mount(2) refuses them. */
#ifndef MS_UNBINDABLE
#define MS_UNBINDABLE (1 << 17)
#define MS_PRIVATE (1 << 18)
#define MS_SLAVE (1 << 19)
#define MS_SHARED (1 << 20)
#define MS_STRICTATIME (1 << 24)
#define MS_LAZYTIME (1 << 25)
#endif

#define BLKGETSIZE64 0x80081272

__BEGIN_DECLS
int mount(const char *, const char *, const char *, unsigned long, const void *);
int umount(const char *);
int umount2(const char *, int);
__END_DECLS

#endif
