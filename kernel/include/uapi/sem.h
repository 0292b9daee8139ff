/*
 * System V semaphores: semop's struct sembuf and SEM_UNDO, semctl
 * commands, limits and struct semid64_ds. Values and layout are Linux
 * x86-64's (<linux/sem.h>, <asm/sembuf.h>).
 */
#ifndef CAIRN_UAPI_SEM_H
#define CAIRN_UAPI_SEM_H

#include <uapi/ipc.h>

#define SEM_UNDO	0x1000 /* semop: undo the operation when the process exits */

/* semctl commands besides IPC_*. */
#define GETPID		11
#define GETVAL		12
#define GETALL		13
#define GETNCNT		14
#define GETZCNT		15
#define SETVAL		16
#define SETALL		17
#define SEM_STAT	18
#define SEM_INFO	19

/* Limits (Linux's defaults). */
#define SEMMSL		32000	/* semaphores per set */
#define SEMOPM		500	/* operations per semop */
#define SEMVMX		32767	/* the largest value */

struct sembuf {
	unsigned short sem_num;	/* index in the set */
	short sem_op;		/* >0 add, <0 take (may block), 0 wait for zero */
	short sem_flg;		/* IPC_NOWAIT, SEM_UNDO */
};

struct semid64_ds {
	struct ipc64_perm sem_perm;
	long sem_otime;		/* last semop, seconds since the epoch */
	unsigned long __unused1;
	long sem_ctime;		/* creation or last change by semctl */
	unsigned long __unused2;
	unsigned long sem_nsems;
	unsigned long __unused3;
	unsigned long __unused4;
};

#endif
