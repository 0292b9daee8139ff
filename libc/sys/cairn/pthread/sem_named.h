/*
 * Named semaphores: the semaphore "/NAME" is a sem_t in the file
 * /dev/shm/sem.NAME, mapped shared. A process maps each file once: opening
 * the same semaphore again returns the same address (futexes are keyed by
 * address), counted in a registry that sem_close releases.
 */
#ifndef _CAIRN_SEM_NAMED_H
#define _CAIRN_SEM_NAMED_H

#include <semaphore.h>
#include <sys/types.h>

#define SEM_DIR    "/dev/shm/sem."
#define SEM_PATH_MAX 256

struct __sem_mapping {
	struct __sem_mapping *next;
	sem_t *sem;
	dev_t dev;
	ino_t ino;
	int refs;
};

extern struct __sem_mapping *__sem_mappings;
extern volatile int __sem_mappings_lock; /* a __lock word */

/* Writes the file name for semaphore `name` into path (SEM_PATH_MAX bytes);
   returns 0, or -1 with errno EINVAL or ENAMETOOLONG. */
int __sem_path(const char *name, char *path);

#endif
