/*
 * sem_open: opens (O_CREAT: creates, with `mode` and `value`) the named
 * semaphore. A creator writes an initialised sem_t into the new file;
 * anyone else maps an existing file, waiting briefly for a creator that has
 * not finished writing it. The mapping is MAP_SHARED, so the count is shared
 * with every process that opens the name.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pthread/pthread_impl.h"
#include "pthread/sem_named.h"

static int create(const char *path, mode_t mode, unsigned value, int excl)
{
	sem_t init;
	int fd;

	if (value > SEM_VALUE_MAX) {
		errno = EINVAL;
		return -1;
	}
	fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	if (fd < 0)
		return errno == EEXIST && !excl ? -2 : -1;
	sem_init(&init, 1, value);
	if (write(fd, &init, sizeof(init)) != (ssize_t)sizeof(init)) {
		unlink(path);
		close(fd);
		errno = errno ? errno : EIO;
		return -1;
	}
	return fd;
}

/* The mapping of the file open on fd: the registry's, or a new one. */
static sem_t *map(int fd)
{
	struct __sem_mapping *m;
	struct stat st;
	sem_t *sem = SEM_FAILED;

	for (int tries = 0;; tries++) {
		if (fstat(fd, &st) != 0)
			return SEM_FAILED;
		if (st.st_size >= (off_t)sizeof(sem_t))
			break;
		if (tries == 1000) {
			errno = EINVAL;
			return SEM_FAILED;
		}
		sched_yield();
	}
	__lock(&__sem_mappings_lock);
	for (m = __sem_mappings; m; m = m->next) {
		if (m->dev == st.st_dev && m->ino == st.st_ino) {
			m->refs++;
			sem = m->sem;
			goto out_unlock;
		}
	}
	m = malloc(sizeof(*m));
	if (!m)
		goto out_unlock;
	m->sem = mmap(NULL, sizeof(sem_t), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (m->sem == MAP_FAILED) {
		free(m);
		goto out_unlock;
	}
	m->dev = st.st_dev;
	m->ino = st.st_ino;
	m->refs = 1;
	m->next = __sem_mappings;
	__sem_mappings = m;
	sem = m->sem;
out_unlock:
	__unlock(&__sem_mappings_lock, 0);
	return sem;
}

sem_t *sem_open(const char *name, int oflag, ...)
{
	char path[SEM_PATH_MAX];
	sem_t *sem;
	int fd = -2;

	if (__sem_path(name, path) != 0)
		return SEM_FAILED;
	if (oflag & O_CREAT) {
		va_list ap;
		va_start(ap, oflag);
		mode_t mode = va_arg(ap, mode_t);
		unsigned value = va_arg(ap, unsigned);
		va_end(ap);
		fd = create(path, mode, value, oflag & O_EXCL);
		if (fd == -1)
			return SEM_FAILED;
	}
	if (fd == -2) {
		fd = open(path, O_RDWR | O_CLOEXEC);
		if (fd < 0)
			return SEM_FAILED;
	}
	sem = map(fd);
	close(fd);
	return sem;
}
