/*
 * System V IPC (docs/ipc.md): shared memory segments (ipc/shm.c) and
 * semaphore sets (ipc/sem.c, ipc/sem_undo.c) are objects found by a key or
 * an id, each with an owner and permission bits (ipc/sysv_ids.c).
 *
 * Layers: ids and permissions (sysv_ids.c) -> segments and sets (shm.c,
 * sem.c) -> the per-process pieces: attachments are areas of the address
 * space (mm/vm.h), so fork copies and exec and exit drop them; semaphore
 * adjustments (SEM_UNDO) are kept per process id and applied by sem_exit().
 *
 * Locking: FIXME: like mm/vm.h, the tables are only changed by system
 * calls in process context and the kernel is not preempted and schedules
 * on one CPU, so no lock is taken; SMP scheduling needs a sleeping lock.
 */
#ifndef CAIRN_IPC_SYSV_H
#define CAIRN_IPC_SYSV_H

#include <list.h>
#include <types.h>
#include <uapi/ipc.h>

struct process;

/* One object: its key, id and permissions. Embedded in a segment or a set. */
struct ipc_obj {
	struct ipc64_perm perm;
	int id;
	struct list_head link; /* in its struct ipc_ids */
};

/* A table of objects of one kind (segments or sets). */
struct ipc_ids {
	struct list_head objs;
	unsigned short seq; /* bumped at every creation, so a stale id does not find a new object */
	int count, max;
};

#define IPC_IDS_INIT(name, limit) { LIST_HEAD_INIT((name).objs), 0, 0, (limit) }

/* The object with this key (not IPC_PRIVATE), or NULL. */
struct ipc_obj *ipc_find_key(struct ipc_ids *ids, int key);
/* The object with this id, or NULL. */
struct ipc_obj *ipc_find_id(struct ipc_ids *ids, int id);
/*
 * Adds obj with key and the permission bits of flags (owner and creator:
 * the caller's effective ids) and gives it an id. 0, or -ENOSPC when the
 * table is full.
 */
int ipc_add(struct ipc_ids *ids, struct ipc_obj *obj, int key, int flags);
/* Takes obj out of its table: neither its key nor its id finds it any more. */
void ipc_remove(struct ipc_ids *ids, struct ipc_obj *obj);
/*
 * 0 when the caller may access obj as the permission bits in flag ask
 * (0444 read, 0222 write, or shmget's/semget's mode bits), else -EACCES.
 * An effective user id of 0 may do anything.
 */
int ipc_check_perm(const struct ipc_obj *obj, int flag);
/* True when the caller owns or created obj or is root (IPC_SET, IPC_RMID). */
bool ipc_is_owner(const struct ipc_obj *obj);
/* IPC_SET: the owner's uid, gid and the nine permission bits from in; 0 or -EPERM. */
int ipc_set_perm(struct ipc_obj *obj, const struct ipc64_perm *in);
/*
 * The get step shared by shmget and semget: the existing object for key
 * (checking IPC_CREAT|IPC_EXCL and the mode bits of flags), or NULL with
 * *err 0 when a new one must be created, or NULL with *err -ENOENT,
 * -EEXIST or -EACCES.
 */
struct ipc_obj *ipc_lookup(struct ipc_ids *ids, int key, int flags, int *err);

/* Applies and forgets p's semaphore adjustments (SEM_UNDO); called at exit. */
void sem_exit(struct process *p);

#endif
