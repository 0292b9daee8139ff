/*
 * POSIX message queues inside ipc/ (docs/ipc.md): mqueue.c (names, open,
 * unlink, attributes, the descriptor's file ops), mqueue_msg.c (send and
 * receive), mqueue_notify.c (mq_notify).
 *
 * Locking: FIXME: as for System V IPC (ipc/sysv.h), queues are only
 * touched by system calls in process context on a kernel that is not
 * preempted and schedules on one CPU, so no lock is taken.
 */
#ifndef CAIRN_IPC_MQUEUE_IMPL_H
#define CAIRN_IPC_MQUEUE_IMPL_H

#include <list.h>
#include <proc/wait.h>
#include <types.h>
#include <uapi/limits.h>
#include <uapi/mqueue.h>
#include <uapi/signal.h>

struct file;

struct mq_msg {
	struct list_head link; /* in queue->msgs: highest priority first, FIFO within one */
	unsigned prio;
	size_t len;
	char data[];
};

struct mqueue {
	char name[NAME_MAX + 1];
	struct list_head link;  /* in the name table while linked */
	bool linked;
	int refs;               /* open descriptions, plus one while linked */
	uint32_t uid, gid, mode;
	long maxmsg, msgsize, curmsgs;
	struct list_head msgs;
	struct wait_queue wait; /* senders, receivers and pollers */
	int receivers;          /* sleeping in mq_timedreceive */
	/* mq_notify's registration: notify_pid 0 when none. */
	int notify_pid;
	struct k_sigevent notify;
};

/* The queue behind descriptor fd with a file reference in *filep, or NULL (-EBADF). */
struct mqueue *mq_from_fd(int fd, struct file **filep);
/* A message arrived: sends the registered notification if the queue was empty and no one waits. */
void mq_notify_arrival(struct mqueue *q, bool was_empty);

#endif
