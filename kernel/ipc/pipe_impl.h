/*
 * The ring shared by anonymous pipes (pipe.c) and FIFOs (fifo.c); private
 * to kernel/ipc/. An anonymous pipe's ring is its pipefs inode's priv; a
 * FIFO's ring belongs to the open FIFO and each of its files points at it
 * through file->priv.
 */
#ifndef CAIRN_IPC_PIPE_IMPL_H
#define CAIRN_IPC_PIPE_IMPL_H

#include <fs/vfs.h>
#include <proc/wait.h>
#include <types.h>

struct pipe {
	char *buf;
	size_t size;    /* of buf: 2^order pages (F_SETPIPE_SZ changes it) */
	unsigned order;
	size_t head;  /* index of the oldest byte */
	size_t count; /* bytes in the ring */
	unsigned readers, writers;
	struct wait_queue rwait, wwait;
	/* FIFOs only: opens so far of each side, for open's wait. */
	unsigned read_opens, write_opens;
};

#define READ_ONCE(x) __atomic_load_n(&(x), __ATOMIC_ACQUIRE)

static inline struct pipe *pipe_of(struct file *file)
{
	return file->priv ? file->priv : file->inode->priv;
}

/* An empty ring with no readers or writers; NULL when out of memory. */
struct pipe *pipe_alloc(void);
void pipe_free(struct pipe *p);

int fifo_open(struct inode *inode, struct file *file);
void fifo_release(struct inode *inode, struct file *file);

#endif
