/*
 * File descriptor tables: the per-process map from small integers to open
 * files, with a close-on-exec bit per descriptor. A table is shared by the
 * processes (threads) created with CLONE_FILES and copied by fork.
 *
 * Ownership: a descriptor holds one reference to its file. fd_install()
 * takes over the caller's reference on success; fd_get() returns a new one
 * the caller drops with file_put().
 */
#ifndef CAIRN_FS_FDTABLE_H
#define CAIRN_FS_FDTABLE_H

#include <spinlock.h>
#include <types.h>

struct file;

#define FDTABLE_MAX 1024 /* descriptors per table, like RLIMIT_NOFILE's default */

struct fdtable {
	struct spinlock lock; /* guards everything below but refcount */
	int refcount;         /* atomic: sharers (CLONE_FILES) */
	unsigned capacity;    /* slots in files[], a multiple of 64, <= FDTABLE_MAX */
	struct file **files;
	uint64_t *cloexec; /* one bit per slot */
};

/* An empty table with one reference, or NULL when out of memory. */
struct fdtable *fdtable_create(void);
/* Another reference (CLONE_FILES). */
struct fdtable *fdtable_get(struct fdtable *t);
/* Drops a reference; the last one closes every descriptor and frees the table. */
void fdtable_put(struct fdtable *t);
/* A copy for fork: the same files (each gains a reference) and close-on-exec bits. */
struct fdtable *fdtable_dup(struct fdtable *t);
/* execve: closes the descriptors marked close-on-exec. */
void fdtable_close_on_exec(struct fdtable *t);
/* Closes every descriptor (the table stays usable). */
void fdtable_close_all(struct fdtable *t);

/* Puts file in the lowest free slot >= min_fd; returns it, -EMFILE, -EINVAL or -ENOMEM. */
int fd_install(struct fdtable *t, struct file *file, int min_fd, bool cloexec);
/*
 * Puts file in slot fd, closing what was there (dup2); returns fd, -EBADF
 * for fd out of range or -ENOMEM. Takes over the caller's reference on success.
 */
int fd_install_at(struct fdtable *t, struct file *file, int fd, bool cloexec);
/* The file in slot fd with a new reference, or NULL. */
struct file *fd_get(struct fdtable *t, int fd);
/* Empties slot fd and drops its reference: 0 or -EBADF. */
int fd_close(struct fdtable *t, int fd);
/* F_GETFD / F_SETFD: the close-on-exec bit, or -EBADF. */
int fd_get_cloexec(struct fdtable *t, int fd);
int fd_set_cloexec(struct fdtable *t, int fd, bool cloexec);

#endif
