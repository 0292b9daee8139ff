/*
 * <sys/ipc.h>: System V IPC keys, flags and struct ipc_perm. newlib has
 * none. The constants are the kernel's (kernel/include/uapi/ipc.h, Linux's
 * values); struct ipc_perm has glibc's x86-64 names over the kernel's
 * struct ipc64_perm layout (libc/sys/cairn/ipc/ftok.c checks it).
 */
#ifndef _SYS_IPC_H
#define _SYS_IPC_H

#include <sys/cdefs.h>
#include <sys/types.h>
#include <uapi/ipc.h>

struct ipc_perm {
	int __key; /* the key_t it was created with (glibc's key_t is int) */
	uid_t uid;
	gid_t gid;
	uid_t cuid;
	gid_t cgid;
	mode_t mode;
	unsigned short __seq;
	unsigned short __pad2;
	unsigned long __unused1;
	unsigned long __unused2;
};

__BEGIN_DECLS
key_t ftok(const char *, int);
__END_DECLS

#endif
