/*
 * ftok: a System V IPC key from a file's inode and device numbers and the
 * low 8 bits of proj, computed as glibc does, so both give the same key for
 * the same file. Also checks at build time that <sys/ipc.h>, <sys/shm.h>
 * and <sys/sem.h> lay their structures out as the kernel does.
 */
#include <stddef.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>

_Static_assert(sizeof(struct ipc_perm) == sizeof(struct ipc64_perm) &&
                   offsetof(struct ipc_perm, mode) == offsetof(struct ipc64_perm, mode) &&
                   offsetof(struct ipc_perm, __seq) == offsetof(struct ipc64_perm, seq),
               "struct ipc_perm has the kernel's layout");
_Static_assert(sizeof(struct shmid_ds) == sizeof(struct shmid64_ds) &&
                   offsetof(struct shmid_ds, shm_segsz) == offsetof(struct shmid64_ds, shm_segsz) &&
                   offsetof(struct shmid_ds, shm_cpid) == offsetof(struct shmid64_ds, shm_cpid) &&
                   offsetof(struct shmid_ds, shm_nattch) == offsetof(struct shmid64_ds, shm_nattch),
               "struct shmid_ds has the kernel's layout");
_Static_assert(sizeof(struct semid_ds) == sizeof(struct semid64_ds) &&
                   offsetof(struct semid_ds, sem_ctime) == offsetof(struct semid64_ds, sem_ctime) &&
                   offsetof(struct semid_ds, sem_nsems) == offsetof(struct semid64_ds, sem_nsems),
               "struct semid_ds has the kernel's layout");

key_t ftok(const char *path, int proj)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return -1;
	return (key_t)(int)((st.st_ino & 0xffff) | ((st.st_dev & 0xff) << 16) |
	                    ((unsigned)(proj & 0xff) << 24));
}
