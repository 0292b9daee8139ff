/*
 * <sys/shm.h>: System V shared memory (libc/sys/cairn/ipc/shm*.c). newlib
 * has none. Constants from kernel/include/uapi/shm.h; struct shmid_ds has
 * the kernel's struct shmid64_ds layout with glibc's names.
 */
#ifndef _SYS_SHM_H
#define _SYS_SHM_H

#include <sys/cdefs.h>
#include <sys/ipc.h>
#include <sys/types.h>
#include <uapi/shm.h>

#define SHMLBA 4096 /* the page size: attach addresses are multiples of it */

typedef unsigned long shmatt_t;

struct shmid_ds {
	struct ipc_perm shm_perm;
	size_t shm_segsz;
	time_t shm_atime;
	time_t shm_dtime;
	time_t shm_ctime;
	pid_t shm_cpid;
	pid_t shm_lpid;
	shmatt_t shm_nattch;
	unsigned long __unused4;
	unsigned long __unused5;
};

__BEGIN_DECLS
int shmget(key_t, size_t, int);
void *shmat(int, const void *, int);
int shmdt(const void *);
int shmctl(int, int, struct shmid_ds *);
__END_DECLS

#endif
