/*
 * Pipes (ipc/pipe.h). A pipe is an anonymous S_IFIFO inode of the "pipefs"
 * superblock whose priv is the ring; both ends are files on that inode, so
 * fstat(2) reports a FIFO. The inode's sleeping lock serialises readers and
 * writers (it is held while copying to or from user memory, which may fault);
 * the spinlock guards the reader and writer counts, which release() changes.
 * Waiting happens without either lock, on rwait (for data or for the last
 * writer going) and wwait (for room or for the last reader going).
 */
#include <arch/mmu.h>
#include <errno.h>
#include <fs/poll.h>
#include <fs/vfs.h>
#include <ipc/pipe.h>

#include "pipe_impl.h"
#include <lib/string.h>
#include <mm/pmm.h>
#include <mm/slab.h>
#include <proc/process.h>
#include <proc/signal.h>
#include <uaccess.h>
#include <uapi/fcntl.h>
#include <uapi/ioctl.h>
#include <uapi/signal.h>


struct pipe *pipe_alloc(void)
{
	struct pipe *p = kzalloc(sizeof(*p));
	if (!p)
		return NULL;
	phys_addr_t pa = pmm_alloc_pages(PIPE_ORDER);
	if (!pa) {
		kfree(p);
		return NULL;
	}
	p->buf = phys_to_virt(pa);
	p->order = PIPE_ORDER;
	p->size = PIPE_SIZE;
	wait_queue_init(&p->rwait);
	wait_queue_init(&p->wwait);
	return p;
}

void pipe_free(struct pipe *p)
{
	pmm_free_pages(virt_to_phys(p->buf), p->order);
	kfree(p);
}

static void pipe_evict(struct inode *inode)
{
	pipe_free(inode->priv);
}

static const struct super_ops pipefs_ops = {
    .evict_inode = pipe_evict,
};

static struct super_block pipefs_sb = {
    .fs_name = "pipefs",
    .dev = 0xc, /* an anonymous device (0, 12), like Linux's pipefs */
    .ops = &pipefs_ops,
    .next_ino = 1,
};

static ssize_t pipe_read(struct file *file, struct uio *uio, uint64_t *pos)
{
	struct inode *inode = file->inode;
	struct pipe *p = pipe_of(file);
	size_t done = 0;
	int err = 0;

	inode_lock(inode);
	while (p->count == 0) {
		if (READ_ONCE(p->writers) == 0)
			goto out_unlock; /* end of file */
		if (file->flags & O_NONBLOCK) {
			err = -EAGAIN;
			goto out_unlock;
		}
		inode_unlock(inode);
		/* -EINTR: the signal code restarts the read if SA_RESTART or a stop says so. */
		if (wait_event_interruptible(p->rwait,
		                             READ_ONCE(p->count) || !READ_ONCE(p->writers)))
			return -EINTR;
		inode_lock(inode);
	}
	while (p->count && uio->len) {
		size_t chunk = MIN(MIN(p->count, p->size - p->head), uio->len);
		if (uio_copy_out(uio, p->buf + p->head, chunk) < 0) {
			err = -EFAULT;
			break;
		}
		p->head = (p->head + chunk) % p->size;
		__atomic_store_n(&p->count, p->count - chunk, __ATOMIC_RELEASE);
		done += chunk;
	}
	if (done)
		wake_up(&p->wwait);
out_unlock:
	inode_unlock(inode);
	return done ? (ssize_t)done : err;
}

/* Copies as much of uio as fits into the ring; the inode lock is held. */
static int pipe_fill(struct pipe *p, struct uio *uio, size_t *done)
{
	while (p->count < p->size && uio->len) {
		size_t tail = (p->head + p->count) % p->size;
		size_t chunk = MIN(MIN(p->size - p->count, p->size - tail), uio->len);
		if (uio_copy_in(p->buf + tail, uio, chunk) < 0)
			return -EFAULT;
		__atomic_store_n(&p->count, p->count + chunk, __ATOMIC_RELEASE);
		*done += chunk;
	}
	return 0;
}

static ssize_t pipe_write(struct file *file, struct uio *uio, uint64_t *pos)
{
	struct inode *inode = file->inode;
	struct pipe *p = pipe_of(file);
	/* Up to PIPE_BUF bytes go in at once or not at all. */
	size_t need = uio->len <= PIPE_BUF ? uio->len : 1;
	size_t done = 0;
	int err = 0;

	inode_lock(inode);
	while (uio->len) {
		if (READ_ONCE(p->readers) == 0) {
			/* No reader: SIGPIPE for the writing thread, and EPIPE if it survives. */
			signal_send_task(current, SIGPIPE);
			err = -EPIPE;
			break;
		}
		if (p->size - p->count >= need) {
			err = pipe_fill(p, uio, &done);
			wake_up(&p->rwait);
			if (err)
				break;
			continue;
		}
		if (file->flags & O_NONBLOCK) {
			err = -EAGAIN;
			break;
		}
		inode_unlock(inode);
		err = wait_event_interruptible(p->wwait, p->size - READ_ONCE(p->count) >= need ||
		                                             !READ_ONCE(p->readers));
		inode_lock(inode);
		if (err)
			break;
	}
	inode_unlock(inode);
	return done ? (ssize_t)done : err;
}

static void pipe_release(struct inode *inode, struct file *file)
{
	struct pipe *p = pipe_of(file);

	spin_lock(&inode->lock);
	if (file_readable(file))
		p->readers--;
	if (file_writable(file))
		p->writers--;
	spin_unlock(&inode->lock);
	wake_up(&p->rwait);
	wake_up(&p->wwait);
}

/* FIONREAD: the bytes waiting in the pipe. */
static long pipe_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pipe *p = pipe_of(file);
	if (cmd != FIONREAD)
		return -ENOTTY;
	int n = (int)READ_ONCE(p->count);
	return copy_to_user((void *)arg, &n, sizeof(n));
}

/*
 * Readable when bytes are queued, hung up (POLLHUP) when the last writer
 * went; writable when there is room, in error (POLLERR) without readers.
 */
static unsigned pipe_poll(struct file *file, struct poll_table *pt)
{
	struct pipe *p = pipe_of(file);
	unsigned mask = 0;
	if (file_readable(file)) {
		poll_wait(pt, &p->rwait);
		if (READ_ONCE(p->count))
			mask |= POLLIN | POLLRDNORM;
		if (!READ_ONCE(p->writers))
			mask |= POLLHUP;
	}
	if (file_writable(file)) {
		poll_wait(pt, &p->wwait);
		if (READ_ONCE(p->count) < p->size)
			mask |= POLLOUT | POLLWRNORM;
		if (!READ_ONCE(p->readers))
			mask |= POLLERR;
	}
	return mask;
}

const struct file_ops fifo_fops = {
    .open = fifo_open,
    .read = pipe_read,
    .write = pipe_write,
    .poll = pipe_poll,
    .ioctl = pipe_ioctl,
    .release = fifo_release,
    .llseek = no_llseek,
};

static const struct file_ops pipe_fops = {
    .read = pipe_read,
    .write = pipe_write,
    .poll = pipe_poll,
    .ioctl = pipe_ioctl,
    .release = pipe_release,
    .llseek = no_llseek,
};

/*
 * Gives p a ring of 2^order pages, keeping what is queued (it fits: the
 * caller checked). The inode lock is held, so no reader or writer is inside.
 */
static int pipe_resize(struct pipe *p, unsigned order)
{
	phys_addr_t pa = pmm_alloc_pages(order);
	if (!pa)
		return -ENOMEM;
	char *buf = phys_to_virt(pa);
	size_t first = MIN(p->count, p->size - p->head);
	memcpy(buf, p->buf + p->head, first);
	memcpy(buf + first, p->buf, p->count - first);
	pmm_free_pages(virt_to_phys(p->buf), p->order);
	p->buf = buf;
	p->head = 0;
	p->order = order;
	__atomic_store_n(&p->size, (size_t)PAGE_SIZE << order, __ATOMIC_RELEASE);
	return 0;
}

long pipe_fcntl(struct file *file, int cmd, unsigned long arg)
{
	if (file->ops != &pipe_fops && file->ops != &fifo_fops)
		return -EBADF;
	struct pipe *p = pipe_of(file);
	if (cmd == F_GETPIPE_SZ)
		return (long)READ_ONCE(p->size);
	if (arg > PIPE_SIZE_LIMIT)
		return -ENOMEM;
	struct process *me = current_proc();
	if (arg > PIPE_MAX_SIZE && me->euid != 0)
		return -EPERM;
	unsigned order = 0;
	while (((size_t)PAGE_SIZE << order) < arg)
		order++;
	long r = (long)(PAGE_SIZE << order);
	inode_lock(file->inode);
	if (p->count > (size_t)r)
		r = -EBUSY;
	else if (order != p->order && pipe_resize(p, order) < 0)
		r = -ENOMEM;
	inode_unlock(file->inode);
	if (r > 0)
		wake_up(&p->wwait); /* there may be room now */
	return r;
}

int pipe_create(int flags, struct file **read_end, struct file **write_end)
{
	if (flags & ~O_NONBLOCK)
		return -EINVAL;

	struct pipe *p = pipe_alloc();
	if (!p)
		return -ENOMEM;
	p->readers = p->writers = 1;

	struct inode *inode = inode_alloc(&pipefs_sb, S_IFIFO | 0600);
	if (!inode) {
		pipe_free(p);
		return -ENOMEM;
	}
	inode->priv = p; /* from here on, the inode's eviction frees the pipe */
	struct process *proc = current ? current_proc() : NULL;
	if (proc) {
		inode->uid = proc->euid;
		inode->gid = proc->egid;
	}

	struct file *r = file_alloc(inode, &pipe_fops, O_RDONLY | flags);
	if (!r) {
		inode_put(inode);
		return -ENOMEM;
	}
	struct file *w = file_alloc(inode_get(inode), &pipe_fops, O_WRONLY | flags);
	if (!w) {
		inode_put(inode);
		p->writers = 0;
		file_put(r);
		return -ENOMEM;
	}
	*read_end = r;
	*write_end = w;
	return 0;
}
