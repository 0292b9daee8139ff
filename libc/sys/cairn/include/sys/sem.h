/*
 * <sys/sem.h>: System V semaphores (libc/sys/cairn/ipc/sem*.c). newlib has
 * none. Constants and struct sembuf from kernel/include/uapi/sem.h; struct
 * semid_ds has the kernel's struct semid64_ds layout with glibc's names.
 * As POSIX says, the caller defines union semun itself when it needs one.
 */
#ifndef _SYS_SEM_H
#define _SYS_SEM_H

#include <sys/cdefs.h>
#include <sys/ipc.h>
#include <sys/types.h>
#include <time.h>
#include <uapi/sem.h>

struct semid_ds {
	struct ipc_perm sem_perm;
	time_t sem_otime;
	unsigned long __unused1;
	time_t sem_ctime;
	unsigned long __unused2;
	unsigned long sem_nsems;
	unsigned long __unused3;
	unsigned long __unused4;
};

__BEGIN_DECLS
int semget(key_t, int, int);
int semop(int, struct sembuf *, size_t);
int semtimedop(int, struct sembuf *, size_t, const struct timespec *);
int semctl(int, int, int, ...);
__END_DECLS

#endif
