/*
 * System V shared memory: shmat flags, shmctl commands and struct
 * shmid64_ds. Values and layout are Linux x86-64's (<linux/shm.h>,
 * <asm/shmbuf.h>).
 */
#ifndef CAIRN_UAPI_SHM_H
#define CAIRN_UAPI_SHM_H

#include <stddef.h>
#include <uapi/ipc.h>

#define SHMMIN		1 /* the smallest segment, in bytes */

/* Permission bits in shmget's flags (S_IRUSR and S_IWUSR). */
#define SHM_R		0400
#define SHM_W		0200

/* shmat flags. */
#define SHM_RDONLY	010000	/* attach read-only */
#define SHM_RND		020000	/* round the address down to SHMLBA */
#define SHM_REMAP	040000	/* replace mappings at the address */
#define SHM_EXEC	0100000	/* attach executable */

/* shmctl commands besides IPC_*. */
#define SHM_LOCK	11
#define SHM_UNLOCK	12
#define SHM_STAT	13
#define SHM_INFO	14

struct shmid64_ds {
	struct ipc64_perm shm_perm;
	size_t shm_segsz;	/* size in bytes, as shmget asked */
	long shm_atime;		/* last shmat, seconds since the epoch */
	long shm_dtime;		/* last shmdt */
	long shm_ctime;		/* creation or last IPC_SET */
	int shm_cpid;		/* creator */
	int shm_lpid;		/* last shmat or shmdt */
	unsigned long shm_nattch; /* current attachments */
	unsigned long __unused4;
	unsigned long __unused5;
};

#endif
