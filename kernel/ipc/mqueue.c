/*
 * POSIX message queues (docs/ipc.md): a queue has a name (without the
 * leading slash, which the C library strips) in one system-wide table, and
 * every mq_open gives a descriptor whose file points at the queue. A queue
 * lives while it is named or open: mq_unlink takes the name away at once
 * and frees the queue when the last descriptor closes. The descriptor
 * polls readable while a message is queued and writable while there is
 * room. There is no mqueue filesystem (/dev/mqueue) yet.
 */
#include <errno.h>
#include <fs/fdtable.h>
#include <fs/poll.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <proc/cred.h>
#include <proc/process.h>
#include <uaccess.h>
#include <uapi/fcntl.h>

#include "mqueue_impl.h"

/* Linux's defaults (/proc/sys/fs/mqueue) and hard limits; root may go past the defaults. */
#define MQ_DFL_MAXMSG 10
#define MQ_DFL_MSGSIZE 8192
#define MQ_HARD_MAXMSG 65536
#define MQ_HARD_MSGSIZE (16 * 1024 * 1024)
#define MQ_QUEUES_MAX 256

static struct list_head mq_names = LIST_HEAD_INIT(mq_names);
static int mq_count;

static bool is_root(void)
{
	return !current_proc() || current_proc()->euid == 0;
}

static void mq_put(struct mqueue *q)
{
	if (--q->refs)
		return;
	struct mq_msg *m, *tmp;
	list_for_each_entry_safe(m, tmp, &q->msgs, link)
		kfree(m);
	mq_count--;
	kfree(q);
}

static void mq_release(struct inode *inode, struct file *file)
{
	mq_put(file->priv);
}

static unsigned mq_poll(struct file *file, struct poll_table *pt)
{
	struct mqueue *q = file->priv;
	poll_wait(pt, &q->wait);
	unsigned mask = 0;
	if (q->curmsgs)
		mask |= POLLIN | POLLRDNORM;
	if (q->curmsgs < q->maxmsg)
		mask |= POLLOUT | POLLWRNORM;
	return mask;
}

static const struct file_ops mq_fops = {
    .poll = mq_poll,
    .release = mq_release,
    .llseek = no_llseek,
};

struct mqueue *mq_from_fd(int fd, struct file **filep)
{
	struct process *p = current_proc();
	struct file *f = p && p->files ? fd_get(p->files, fd) : NULL;
	if (!f)
		return NULL;
	if (f->ops != &mq_fops) {
		file_put(f);
		return NULL;
	}
	*filep = f;
	return f->priv;
}

static struct mqueue *mq_lookup(const char *name)
{
	struct mqueue *q;
	list_for_each_entry(q, &mq_names, link)
		if (!strcmp(q->name, name))
			return q;
	return NULL;
}

/* Copies a queue name from user memory: 0, -EFAULT, -ENOENT (empty), -ENAMETOOLONG, -EACCES ('/'). */
static int mq_name_from_user(char *name, const char *uname)
{
	long n = strncpy_from_user(name, uname, NAME_MAX + 1);
	if (n < 0)
		return (int)n;
	if (n > NAME_MAX)
		return -ENAMETOOLONG;
	if (n == 0)
		return -ENOENT;
	if (strchr(name, '/') || !strcmp(name, ".") || !strcmp(name, ".."))
		return -EACCES;
	return 0;
}

/* Permission of the caller on q for the access mode of an open: 0 or -EACCES. */
static int mq_permission(struct mqueue *q, int acc)
{
	struct process *p = current_proc();
	if (!p || p->euid == 0)
		return 0;
	int want = acc == O_RDONLY ? 4 : acc == O_WRONLY ? 2 : 6;
	uint32_t bits = q->mode;
	if (p->euid == q->uid)
		bits >>= 6;
	else if (cred_in_group(p, q->gid))
		bits >>= 3;
	return (want & ~bits & 7) ? -EACCES : 0;
}

static long mq_create(const char *name, unsigned mode, struct mq_attr *uattr, struct mqueue **out)
{
	long maxmsg = MQ_DFL_MAXMSG, msgsize = MQ_DFL_MSGSIZE;
	if (uattr) {
		struct mq_attr a;
		if (copy_from_user(&a, uattr, sizeof(a)))
			return -EFAULT;
		if (a.mq_maxmsg <= 0 || a.mq_msgsize <= 0)
			return -EINVAL;
		long lim_msg = is_root() ? MQ_HARD_MAXMSG : MQ_DFL_MAXMSG;
		long lim_size = is_root() ? MQ_HARD_MSGSIZE : MQ_DFL_MSGSIZE;
		if (a.mq_maxmsg > lim_msg || a.mq_msgsize > lim_size)
			return -EINVAL;
		maxmsg = a.mq_maxmsg;
		msgsize = a.mq_msgsize;
	}
	if (mq_count >= MQ_QUEUES_MAX && !is_root())
		return -ENOSPC;
	struct mqueue *q = kzalloc(sizeof(*q));
	if (!q)
		return -ENOMEM;
	strcpy(q->name, name);
	struct process *p = current_proc();
	q->uid = p ? p->euid : 0;
	q->gid = p ? p->egid : 0;
	q->mode = mode & 0777 & ~vfs_current_umask();
	q->maxmsg = maxmsg;
	q->msgsize = msgsize;
	list_init(&q->msgs);
	wait_queue_init(&q->wait);
	q->refs = 1; /* the name */
	q->linked = true;
	list_add_tail(&q->link, &mq_names);
	mq_count++;
	*out = q;
	return 0;
}

long sys_mq_open(const char *uname, int flags, unsigned int mode, struct mq_attr *uattr)
{
	struct process *p = current_proc();
	if (!p || !p->files)
		return -EMFILE;
	int acc = flags & O_ACCMODE;
	if (acc == O_ACCMODE)
		return -EINVAL;
	char name[NAME_MAX + 1];
	long err = mq_name_from_user(name, uname);
	if (err)
		return err;
	struct mqueue *q = mq_lookup(name);
	if (q) {
		if ((flags & O_CREAT) && (flags & O_EXCL))
			return -EEXIST;
		if ((err = mq_permission(q, acc)))
			return err;
	} else {
		if (!(flags & O_CREAT))
			return -ENOENT;
		if ((err = mq_create(name, mode, uattr, &q)))
			return err;
	}
	struct file *f = file_alloc(NULL, &mq_fops, acc | (flags & O_NONBLOCK));
	if (!f)
		return -ENOMEM; /* a queue just created stays, named, as after a failed open in Linux */
	q->refs++;
	f->priv = q;
	int fd = fd_install(p->files, f, 0, flags & O_CLOEXEC);
	if (fd < 0)
		file_put(f);
	return fd;
}

long sys_mq_unlink(const char *uname)
{
	char name[NAME_MAX + 1];
	long err = mq_name_from_user(name, uname);
	if (err)
		return err;
	struct mqueue *q = mq_lookup(name);
	if (!q)
		return -ENOENT;
	/* The queue directory is sticky (as /dev/mqueue is): only the owner or root unlinks. */
	struct process *p = current_proc();
	if (p && p->euid != 0 && p->euid != q->uid)
		return -EACCES;
	list_del(&q->link);
	q->linked = false;
	mq_put(q);
	return 0;
}

long sys_mq_getsetattr(int mqd, const struct mq_attr *unew, struct mq_attr *uold)
{
	struct file *f;
	struct mqueue *q = mq_from_fd(mqd, &f);
	if (!q)
		return -EBADF;
	struct mq_attr a;
	long r = 0;
	if (unew) {
		if (copy_from_user(&a, unew, sizeof(a))) {
			r = -EFAULT;
			goto out_put;
		}
		if (a.mq_flags & ~(long)O_NONBLOCK) {
			r = -EINVAL;
			goto out_put;
		}
	}
	if (uold) {
		struct mq_attr old = { 0 };
		old.mq_flags = f->flags & O_NONBLOCK;
		old.mq_maxmsg = q->maxmsg;
		old.mq_msgsize = q->msgsize;
		old.mq_curmsgs = q->curmsgs;
		if (copy_to_user(uold, &old, sizeof(old))) {
			r = -EFAULT;
			goto out_put;
		}
	}
	if (unew)
		f->flags = (f->flags & ~O_NONBLOCK) | (int)(a.mq_flags & O_NONBLOCK);
out_put:
	file_put(f);
	return r;
}
