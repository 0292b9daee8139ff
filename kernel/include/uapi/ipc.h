/*
 * System V IPC: keys, flags, control commands and the permission record
 * every shared memory segment and semaphore set carries. Values and layout
 * are Linux x86-64's (<linux/ipc.h>, <asm-generic/ipcbuf.h>); tests/abi
 * checks them against linux-libc-dev.
 */
#ifndef CAIRN_UAPI_IPC_H
#define CAIRN_UAPI_IPC_H

#include <stdint.h>

#define IPC_PRIVATE 0 /* a new object no key finds */

/* shmget/semget flags, above the nine permission bits. */
#define IPC_CREAT	00001000
#define IPC_EXCL	00002000
#define IPC_NOWAIT	00004000

/* shmctl/semctl commands common to both. */
#define IPC_RMID	0
#define IPC_SET		1
#define IPC_STAT	2
#define IPC_INFO	3

/* Other architectures take it in the command for the 64-bit layouts; x86-64 has only those and rejects it. */
#define IPC_64		0x0100

/* The owner, creator and permission bits of an object, as IPC_STAT reports them. */
struct ipc64_perm {
	int32_t key;
	uint32_t uid;
	uint32_t gid;
	uint32_t cuid;
	uint32_t cgid;
	uint32_t mode; /* the low nine bits are permissions */
	unsigned short seq;
	unsigned short __pad2;
	unsigned long __unused1;
	unsigned long __unused2;
};

#endif
