/*
 * Waiting for several files at once (poll, ppoll, select, pselect6).
 *
 * A file's ops->poll(file, pt) returns the POLL* events ready now (see
 * uapi/poll.h) and, when pt is not NULL, calls poll_wait(pt, wq) for each
 * wait queue on which a change of those events is announced with wake_up().
 * The poller registers on every queue once, then sleeps until a wake-up,
 * its deadline or a signal, and asks every file again. A file without
 * ops->poll is always ready for reading and writing (regular files).
 */
#ifndef CAIRN_FS_POLL_H
#define CAIRN_FS_POLL_H

#include <proc/wait.h>
#include <types.h>
#include <uapi/poll.h>

#define POLL_DEFAULT_MASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

struct poll_entry {
	struct wait_queue *wq;
	struct waiter w;
};

/* One poll call's registrations (the caller's stack; chunks come from kmalloc). */
struct poll_table {
	struct poll_entry *entries;
	unsigned nr, cap;
	int error; /* -ENOMEM when a registration could not be recorded */
};

/* Registers the calling task on wq until the poll call ends. */
void poll_wait(struct poll_table *pt, struct wait_queue *wq);

struct file;
/* The events file has now (registering it in pt, if pt is not NULL). */
unsigned poll_file(struct file *file, struct poll_table *pt);

/*
 * Polls n pollfds (kernel copies), filling revents, until one is ready, the
 * monotonic deadline passes (0: wait forever; UINT64_MAX: do not wait) or a
 * signal arrives. Returns the number of ready entries, or -EINTR/-ENOMEM.
 */
int poll_do(struct pollfd *fds, unsigned n, uint64_t deadline);

#endif
