/*
 * eventfd(2): a 64-bit counter behind a descriptor. write() adds its 8-byte
 * value (blocking while the sum would pass 0xfffffffffffffffe); read()
 * returns the counter and zeroes it, or with EFD_SEMAPHORE returns 1 and
 * decrements it, blocking while it is 0. poll() reports readable while the
 * counter is above 0 and writable while it can take at least 1.
 */
#include <errno.h>
#include <fs/fdtable.h>
#include <fs/poll.h>
#include <fs/vfs.h>
#include <mm/slab.h>
#include <proc/process.h>
#include <proc/wait.h>
#include <spinlock.h>
#include <uapi/eventfd.h>
#include <uapi/fcntl.h>

#define EVENTFD_MAX 0xfffffffffffffffeULL

struct eventfd {
	uint64_t count; /* guarded by lock */
	bool semaphore;
	struct spinlock lock;
	struct wait_queue wait; /* readers and writers both: each re-checks its own condition */
};

static struct eventfd *efd_of(struct file *file)
{
	return file->priv;
}

/* Takes what a read returns, if the counter allows it now; true when it did. */
static bool try_take(struct eventfd *e, uint64_t *out)
{
	bool ok = false;
	unsigned long irq = spin_lock_irqsave(&e->lock);
	if (e->count) {
		*out = e->semaphore ? 1 : e->count;
		e->count -= *out;
		ok = true;
	}
	spin_unlock_irqrestore(&e->lock, irq);
	return ok;
}

/* Adds v if the counter has room for it now; true when it did. */
static bool try_add(struct eventfd *e, uint64_t v)
{
	bool ok = false;
	unsigned long irq = spin_lock_irqsave(&e->lock);
	if (EVENTFD_MAX - e->count >= v) {
		e->count += v;
		ok = true;
	}
	spin_unlock_irqrestore(&e->lock, irq);
	return ok;
}

static ssize_t eventfd_read(struct file *file, struct uio *uio, uint64_t *pos)
{
	struct eventfd *e = efd_of(file);
	uint64_t v;
	if (uio->len < sizeof(v))
		return -EINVAL;
	if (!try_take(e, &v)) {
		if (file->flags & O_NONBLOCK)
			return -EAGAIN;
		int err = wait_event_interruptible(e->wait, try_take(e, &v));
		if (err)
			return err;
	}
	wake_up(&e->wait);
	int err = uio_copy_out(uio, &v, sizeof(v));
	return err ? err : (ssize_t)sizeof(v);
}

static ssize_t eventfd_write(struct file *file, struct uio *uio, uint64_t *pos)
{
	struct eventfd *e = efd_of(file);
	uint64_t v;
	if (uio->len < sizeof(v))
		return -EINVAL;
	int err = uio_copy_in(&v, uio, sizeof(v));
	if (err)
		return err;
	if (v == UINT64_MAX)
		return -EINVAL;
	if (!try_add(e, v)) {
		if (file->flags & O_NONBLOCK)
			return -EAGAIN;
		err = wait_event_interruptible(e->wait, try_add(e, v));
		if (err)
			return err;
	}
	wake_up(&e->wait);
	return sizeof(v);
}

static unsigned eventfd_poll(struct file *file, struct poll_table *pt)
{
	struct eventfd *e = efd_of(file);
	poll_wait(pt, &e->wait);
	uint64_t count = __atomic_load_n(&e->count, __ATOMIC_RELAXED);
	unsigned mask = 0;
	if (count)
		mask |= POLLIN | POLLRDNORM;
	if (count < EVENTFD_MAX)
		mask |= POLLOUT | POLLWRNORM;
	return mask;
}

static void eventfd_release(struct inode *inode, struct file *file)
{
	kfree(file->priv);
}

static const struct file_ops eventfd_fops = {
    .read = eventfd_read,
    .write = eventfd_write,
    .poll = eventfd_poll,
    .release = eventfd_release,
    .llseek = no_llseek,
};

long sys_eventfd2(unsigned int initval, int flags)
{
	if (flags & ~(EFD_SEMAPHORE | EFD_CLOEXEC | EFD_NONBLOCK))
		return -EINVAL;
	struct fdtable *files = current_proc() ? current_proc()->files : NULL;
	if (!files)
		return -EMFILE;
	struct eventfd *e = kzalloc(sizeof(*e));
	if (!e)
		return -ENOMEM;
	e->count = initval;
	e->semaphore = flags & EFD_SEMAPHORE;
	spin_init(&e->lock, "eventfd");
	wait_queue_init(&e->wait);
	struct file *f = file_alloc(NULL, &eventfd_fops, O_RDWR | (flags & EFD_NONBLOCK));
	if (!f) {
		kfree(e);
		return -ENOMEM;
	}
	f->priv = e;
	int fd = fd_install(files, f, 0, flags & EFD_CLOEXEC);
	if (fd < 0)
		file_put(f); /* releases e */
	return fd;
}

long sys_eventfd(unsigned int initval)
{
	return sys_eventfd2(initval, 0);
}
