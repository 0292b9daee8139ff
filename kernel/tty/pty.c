/*
 * Pseudo-terminals. Opening /dev/ptmx makes a pair: the master (that file)
 * and the slave /dev/pts/N, locked until TIOCSPTLCK unlocks it. Both ends
 * are struct ttys with the common line discipline: what the master writes
 * is the slave's input (edited, echoed and turned into signals by the
 * slave's termios), and what the slave writes, after its output processing,
 * is queued as the master's input (the master's termios is raw and never
 * changes: termios and window-size ioctls on the master act on the slave).
 *
 * Closing the master hangs the slave up: its session loses it and gets
 * SIGHUP, slave reads return 0 and writes EIO, and the node goes from
 * /dev/pts. Closing the last slave file makes master reads return EIO once
 * the queue is empty. A pair is freed when both sides are closed.
 *
 * Writers wait for room (pty->room) instead of losing bytes: a slave writer
 * until the master's queue has room, a master writer until the slave's has.
 * Readers of either end wake them. Locking: pty_lock guards the table and
 * the open counts; a slave echo runs under the slave's lock and takes the
 * master's (never the other way round).
 */
#include <errno.h>
#include <fs/chrdev.h>
#include <fs/poll.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <printk.h>
#include <proc/process.h>
#include <spinlock.h>
#include <tty.h>
#include <uaccess.h>

#include "pty.h"

struct pty {
	struct tty master, slave;
	int index;
	bool locked;      /* the slave cannot be opened (TIOCSPTLCK) */
	bool master_open; /* until the master's release */
	int slave_opens;  /* open slave files */
	struct wait_queue room;
	char name[16];
};

static struct pty *ptys[PTY_MAX];
static struct spinlock pty_lock = SPINLOCK_INIT("pty");

static const struct file_ops pty_slave_fops;

/* The slave's driver: its output becomes the master's input. */
static void pty_slave_out(struct tty *tty, const char *s, size_t n)
{
	struct pty *pty = container_of(tty, struct pty, slave);
	for (size_t i = 0; i < n; i++)
		tty_receive(&pty->master, s[i]);
}

/* The master's driver: its output becomes the slave's input. */
static void pty_master_out(struct tty *tty, const char *s, size_t n)
{
	struct pty *pty = container_of(tty, struct pty, master);
	for (size_t i = 0; i < n; i++)
		tty_receive(&pty->slave, s[i]);
}

/* Frees pty once neither end is open. */
static void pty_put(struct pty *pty)
{
	spin_lock(&pty_lock);
	bool dead = !pty->master_open && pty->slave_opens == 0;
	if (dead)
		ptys[pty->index] = NULL;
	spin_unlock(&pty_lock);
	if (dead)
		kfree(pty);
}

static struct pty *pty_alloc(void)
{
	struct pty *pty = kzalloc(sizeof(*pty));
	if (!pty)
		return ERR_PTR(-ENOMEM);
	spin_lock(&pty_lock);
	int index = -1;
	for (int i = 0; i < PTY_MAX && index < 0; i++)
		if (!ptys[i])
			index = i;
	if (index >= 0)
		ptys[index] = pty;
	spin_unlock(&pty_lock);
	if (index < 0) {
		kfree(pty);
		return ERR_PTR(-ENOSPC);
	}
	pty->index = index;
	ksnprintf(pty->name, sizeof(pty->name), "pts/%d", index);
	tty_init(&pty->slave, pty->name, pty_slave_out);
	tty_init(&pty->master, "ptmx", pty_master_out);
	pty->slave.fops = &pty_slave_fops;
	/* The master is raw: bytes in, bytes out, no echo, no signals. */
	struct termios *t = &pty->master.termios;
	t->c_iflag = t->c_oflag = t->c_lflag = 0;
	t->c_cc[VMIN] = 1;
	pty->locked = true;
	pty->master_open = true;
	wait_queue_init(&pty->room);
	return pty;
}

/* Reads from one end's input queue into uio (at most 256 bytes). */
static ssize_t pty_read_end(struct pty *pty, struct tty *tty, struct file *file, struct uio *uio)
{
	char buf[256];
	size_t n = MIN(uio->len, sizeof(buf));
	if (n == 0)
		return 0;
	ssize_t got = tty_read(tty, buf, n, file->flags & O_NONBLOCK);
	if (got > 0) {
		wake_up(&pty->room);
		if (uio_copy_out(uio, buf, (size_t)got))
			return -EFAULT;
	}
	return got;
}

/* Room in to's input queue for n more bytes (the line being edited counts). */
static bool has_room(struct tty *to, size_t n)
{
	return to->count + to->line_len + n <= TTY_BUF;
}

/*
 * Writes uio through from's output to the other end, chunk by chunk, each
 * once to has room for twice its size (output processing may double it).
 */
static ssize_t pty_write_end(struct pty *pty, struct tty *from, struct tty *to, struct file *file,
                             struct uio *uio)
{
	char buf[128];
	size_t done = 0;
	while (uio->len) {
		size_t n = MIN(uio->len, sizeof(buf));
		if (pty->slave.hungup && from == &pty->slave)
			return done ? (ssize_t)done : -EIO;
		if (!has_room(to, 2 * n)) {
			if (file->flags & O_NONBLOCK)
				return done ? (ssize_t)done : -EAGAIN;
			int err = wait_event_interruptible(pty->room,
			                                   has_room(to, 2 * n) || pty->slave.hungup);
			if (err)
				return done ? (ssize_t)done : err;
			continue;
		}
		if (uio_copy_in(buf, uio, n) < 0)
			return done ? (ssize_t)done : -EFAULT;
		tty_write(from, buf, n);
		done += n;
	}
	return (ssize_t)done;
}

/* --- the master: /dev/ptmx ------------------------------------------------- */

static int ptmx_open(struct inode *inode, struct file *file)
{
	(void)inode;
	struct pty *pty = pty_alloc();
	if (IS_ERR(pty))
		return (int)PTR_ERR(pty);
	struct process *me = current_proc();
	int err = devpts_add(pty->index, me ? me->fsuid : 0, me ? me->fsgid : 0);
	if (err) {
		pty->master_open = false;
		pty_put(pty);
		return err;
	}
	file->priv = pty;
	return 0;
}

static void ptmx_release(struct inode *inode, struct file *file)
{
	(void)inode;
	struct pty *pty = file->priv;
	devpts_remove(pty->index);
	spin_lock(&pty_lock);
	pty->master_open = false;
	spin_unlock(&pty_lock);
	tty_hangup(&pty->slave);
	wake_up(&pty->room);
	pty_put(pty);
}

static ssize_t ptmx_read(struct file *file, struct uio *uio, uint64_t *pos)
{
	(void)pos;
	struct pty *pty = file->priv;
	ssize_t got = pty_read_end(pty, &pty->master, file, uio);
	/* The slave was closed and everything it wrote has been read. */
	return got == 0 && uio->len ? -EIO : got;
}

static ssize_t ptmx_write(struct file *file, struct uio *uio, uint64_t *pos)
{
	(void)pos;
	struct pty *pty = file->priv;
	return pty_write_end(pty, &pty->master, &pty->slave, file, uio);
}

static long ptmx_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pty *pty = file->priv;
	void *uarg = (void *)arg;
	switch (cmd) {
	case TIOCGPTN: {
		unsigned int n = (unsigned int)pty->index;
		return copy_to_user(uarg, &n, sizeof(n));
	}
	case TIOCSPTLCK: {
		int lock;
		if (copy_from_user(&lock, uarg, sizeof(lock)))
			return -EFAULT;
		pty->locked = lock != 0;
		return 0;
	}
	case FIONREAD: {
		int n = (int)pty->master.count;
		return copy_to_user(uarg, &n, sizeof(n));
	}
	case TIOCGPGRP: {
		/* The slave's foreground group, as Linux reports it to the master. */
		int pgrp = pty->slave.pgrp;
		return copy_to_user(uarg, &pgrp, sizeof(pgrp));
	}
	case TIOCSCTTY:
	case TIOCNOTTY:
	case TIOCSPGRP:
	case TIOCGSID:
		return -ENOTTY; /* FIXME: Linux lets the master control a session too. */
	default:
		/* termios and the window size are the slave's. */
		return tty_ioctl(&pty->slave, cmd, arg);
	}
}

static unsigned ptmx_poll(struct file *file, struct poll_table *pt)
{
	struct pty *pty = file->priv;
	return tty_poll(&pty->master, pt);
}

static const struct file_ops ptmx_fops = {
	.open = ptmx_open,
	.release = ptmx_release,
	.read = ptmx_read,
	.write = ptmx_write,
	.ioctl = ptmx_ioctl,
	.poll = ptmx_poll,
	.llseek = no_llseek,
};

/* --- the slave: /dev/pts/N --------------------------------------------------- */

/*
 * Opens /dev/pts/N, or the pty /dev/tty chose (file->priv). EIO while the
 * pty is locked or its master is closed; ENXIO when there is no such pty.
 */
static int pty_slave_open(struct inode *inode, struct file *file)
{
	struct pty *pty = NULL;
	int err = 0;
	spin_lock(&pty_lock);
	if (file->priv) {
		pty = container_of((struct tty *)file->priv, struct pty, slave);
	} else {
		uint32_t minor = vfs_dev_minor(inode->rdev);
		pty = minor < PTY_MAX ? ptys[minor] : NULL;
	}
	if (!pty)
		err = -ENXIO;
	else if (pty->locked || !pty->master_open || pty->slave.hungup)
		err = -EIO;
	else
		pty->slave_opens++;
	spin_unlock(&pty_lock);
	if (err)
		return err;
	unsigned long flags = spin_lock_irqsave(&pty->master.lock);
	pty->master.hungup = false;
	spin_unlock_irqrestore(&pty->master.lock, flags);
	file->priv = &pty->slave;
	tty_open_ctty(&pty->slave, file->flags);
	return 0;
}

static void pty_slave_release(struct inode *inode, struct file *file)
{
	(void)inode;
	struct pty *pty = container_of((struct tty *)file->priv, struct pty, slave);
	spin_lock(&pty_lock);
	bool last = --pty->slave_opens == 0;
	spin_unlock(&pty_lock);
	if (last) {
		unsigned long flags = spin_lock_irqsave(&pty->master.lock);
		pty->master.hungup = true;
		spin_unlock_irqrestore(&pty->master.lock, flags);
		wake_up(&pty->master.readers);
	}
	pty_put(pty);
}

static ssize_t pty_slave_read(struct file *file, struct uio *uio, uint64_t *pos)
{
	(void)pos;
	struct pty *pty = container_of((struct tty *)file->priv, struct pty, slave);
	return pty_read_end(pty, &pty->slave, file, uio);
}

static ssize_t pty_slave_write(struct file *file, struct uio *uio, uint64_t *pos)
{
	(void)pos;
	struct pty *pty = container_of((struct tty *)file->priv, struct pty, slave);
	if (pty->slave.hungup)
		return -EIO;
	int err = tty_check_write(&pty->slave);
	if (err)
		return err;
	return pty_write_end(pty, &pty->slave, &pty->master, file, uio);
}

static long pty_slave_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pty *pty = container_of((struct tty *)file->priv, struct pty, slave);
	if (pty->slave.hungup)
		return -EIO;
	if (cmd == TIOCGPTN) {
		unsigned int n = (unsigned int)pty->index;
		return copy_to_user((void *)arg, &n, sizeof(n));
	}
	return tty_ioctl(&pty->slave, cmd, arg);
}

static unsigned pty_slave_poll(struct file *file, struct poll_table *pt)
{
	struct pty *pty = container_of((struct tty *)file->priv, struct pty, slave);
	return tty_poll(&pty->slave, pt);
}

static const struct file_ops pty_slave_fops = {
	.open = pty_slave_open,
	.release = pty_slave_release,
	.read = pty_slave_read,
	.write = pty_slave_write,
	.ioctl = pty_slave_ioctl,
	.poll = pty_slave_poll,
	.llseek = no_llseek,
};

void pty_init(void)
{
	if (chrdev_register(TTYAUX_MAJOR, 2, &ptmx_fops) < 0 ||
	    chrdev_register(PTS_MAJOR, CHRDEV_ALL_MINORS, &pty_slave_fops) < 0)
		pr_err("pty: cannot register /dev/ptmx and the pts major\n");
	devpts_register();
}
