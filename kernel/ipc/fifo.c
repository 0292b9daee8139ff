/*
 * FIFOs (named pipes): a S_IFIFO inode of any filesystem, opened through
 * fifo_fops (vfs_open_inode's hook). The ring exists while the FIFO is
 * open: the first open makes it, the last close frees it (and what was left
 * in it), as in Linux. The table of open FIFOs maps each inode to its ring.
 *
 * Opening follows POSIX: O_RDONLY waits for a writer and O_WRONLY for a
 * reader (interruptibly: EINTR, or a restart with SA_RESTART); with
 * O_NONBLOCK a reader opens at once and a writer without a reader fails
 * with ENXIO; O_RDWR never waits. Reads, writes and poll are the pipe's.
 */
#include <errno.h>
#include <fs/vfs.h>
#include <ipc/pipe.h>
#include <list.h>
#include <mm/slab.h>
#include <spinlock.h>
#include <uapi/fcntl.h>

#include "pipe_impl.h"

struct fifo {
	struct list_head link;
	struct inode *inode; /* the files hold references, so the key stays valid */
	struct pipe *pipe;
};

static LIST_HEAD(open_fifos);
static struct spinlock fifos_lock = SPINLOCK_INIT("fifos");

/* The ring of inode, made on first use; NULL when out of memory. */
static struct pipe *fifo_get(struct inode *inode)
{
	struct fifo *f, *made = NULL;
	struct pipe *fresh = NULL;
	for (;;) {
		spin_lock(&fifos_lock);
		list_for_each_entry(f, &open_fifos, link)
			if (f->inode == inode) {
				spin_unlock(&fifos_lock);
				if (made) {
					pipe_free(fresh);
					kfree(made);
				}
				return f->pipe;
			}
		if (made) {
			list_add_tail(&made->link, &open_fifos);
			spin_unlock(&fifos_lock);
			return fresh;
		}
		spin_unlock(&fifos_lock);
		/* Allocate outside the lock, then look again. */
		made = kzalloc(sizeof(*made));
		fresh = made ? pipe_alloc() : NULL;
		if (!fresh) {
			kfree(made);
			return NULL;
		}
		made->inode = inode;
		made->pipe = fresh;
	}
}

/* Frees inode's ring once nobody has it open. */
static void fifo_put(struct inode *inode, struct pipe *p)
{
	spin_lock(&fifos_lock);
	if (p->readers || p->writers) {
		spin_unlock(&fifos_lock);
		return;
	}
	struct fifo *f, *found = NULL;
	list_for_each_entry(f, &open_fifos, link)
		if (f->inode == inode) {
			found = f;
			break;
		}
	if (found)
		list_del(&found->link);
	spin_unlock(&fifos_lock);
	if (found) {
		pipe_free(found->pipe);
		kfree(found);
	}
}

int fifo_open(struct inode *inode, struct file *file)
{
	struct pipe *p = fifo_get(inode);
	if (!p)
		return -ENOMEM;
	file->priv = p;
	int acc = file->flags & O_ACCMODE;
	bool rd = acc == O_RDONLY || acc == O_RDWR, wr = acc == O_WRONLY || acc == O_RDWR;
	bool nonblock = file->flags & O_NONBLOCK;
	int err = 0;

	spin_lock(&fifos_lock);
	if (wr && !rd && nonblock && !p->readers) {
		spin_unlock(&fifos_lock);
		fifo_put(inode, p);
		return -ENXIO;
	}
	if (rd)
		p->readers++, p->read_opens++;
	if (wr)
		p->writers++, p->write_opens++;
	unsigned reads = p->read_opens, writes = p->write_opens;
	spin_unlock(&fifos_lock);
	wake_up(&p->rwait);
	wake_up(&p->wwait);

	if (rd && !wr && !nonblock && !READ_ONCE(p->writers))
		err = wait_event_interruptible(p->rwait, READ_ONCE(p->write_opens) != writes);
	else if (wr && !rd && !READ_ONCE(p->readers))
		err = wait_event_interruptible(p->wwait, READ_ONCE(p->read_opens) != reads);
	if (err) {
		fifo_release(inode, file);
		return err;
	}
	return 0;
}

void fifo_release(struct inode *inode, struct file *file)
{
	struct pipe *p = file->priv;
	spin_lock(&fifos_lock);
	if (file_readable(file))
		p->readers--;
	if (file_writable(file))
		p->writers--;
	spin_unlock(&fifos_lock);
	wake_up(&p->rwait);
	wake_up(&p->wwait);
	fifo_put(inode, p);
}
