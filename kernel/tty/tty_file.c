/*
 * The file side of every terminal: one set of file ops serves each tty device
 * node. A driver registers its struct tty under a device number with
 * tty_register(); opening a node with that number finds the tty here and
 * keeps it in file->priv, so read, write, ioctl and poll reach the right
 * line discipline whatever the driver is (serial, VGA console, pty).
 */
#include <errno.h>
#include <fs/chrdev.h>
#include <fs/vfs.h>
#include <list.h>
#include <mm/slab.h>
#include <printk.h>
#include <proc/process.h>
#include <spinlock.h>
#include <tty.h>

/* One device number of a tty; a tty may have several (the console has three). */
struct tty_dev {
	struct list_head link;
	uint64_t rdev;
	struct tty *tty;
};

static LIST_HEAD(tty_devices);
static struct spinlock tty_devices_lock = SPINLOCK_INIT("tty_devices");

struct tty *tty_lookup(uint64_t rdev)
{
	struct tty *found = NULL;
	spin_lock(&tty_devices_lock);
	struct tty_dev *d;
	list_for_each_entry(d, &tty_devices, link) {
		if (d->rdev == rdev) {
			found = d->tty;
			break;
		}
	}
	spin_unlock(&tty_devices_lock);
	return found;
}

void tty_write(struct tty *tty, const char *s, size_t n)
{
	tty_output(tty, s, n);
}

static ssize_t tty_file_read(struct file *file, struct uio *uio, uint64_t *pos)
{
	(void)pos;
	struct tty *tty = file->priv;
	char buf[256];
	size_t n = MIN(uio->len, sizeof(buf));
	if (n == 0)
		return 0;
	ssize_t got = tty_read(tty, buf, n, file->flags & O_NONBLOCK);
	if (got > 0 && uio_copy_out(uio, buf, (size_t)got))
		return -EFAULT;
	return got;
}

static ssize_t tty_file_write(struct file *file, struct uio *uio, uint64_t *pos)
{
	(void)pos;
	struct tty *tty = file->priv;
	char buf[256];
	size_t done = 0;
	int err = current_proc() ? tty_check_write(tty) : 0;
	if (err)
		return err;
	while (uio->len) {
		size_t n = MIN(uio->len, sizeof(buf));
		if (uio_copy_in(buf, uio, n) < 0)
			return done ? (ssize_t)done : -EFAULT;
		tty_write(tty, buf, n);
		done += n;
	}
	return (ssize_t)done;
}

static long tty_file_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	return tty_ioctl(file->priv, cmd, arg);
}

static unsigned tty_file_poll(struct file *file, struct poll_table *pt)
{
	return tty_poll(file->priv, pt);
}

/* A session leader without a controlling terminal acquires the tty (tty/jobctl.c). */
static int tty_file_open(struct inode *inode, struct file *file)
{
	/* /dev/tty's open chose the tty already (tty_ctty_open). */
	struct tty *tty = file->priv ? file->priv : tty_lookup(inode->rdev);
	if (!tty)
		return -ENXIO;
	file->priv = tty;
	tty_open_ctty(tty, file->flags);
	return 0;
}

const struct file_ops tty_fops = {
	.open = tty_file_open,
	.read = tty_file_read,
	.write = tty_file_write,
	.ioctl = tty_file_ioctl,
	.poll = tty_file_poll,
	.llseek = no_llseek,
};

/*
 * /dev/tty: the file becomes one of the caller's controlling terminal, with
 * that terminal's own file ops (a pty slave's count its opens).
 */
static int tty_ctty_open(struct inode *inode, struct file *file)
{
	struct process *me = current_proc();
	struct tty *tty = me ? me->ctty : NULL;
	if (!tty)
		return -ENXIO;
	file->priv = tty;
	file->ops = tty->fops ? tty->fops : &tty_fops;
	return file->ops->open ? file->ops->open(inode, file) : 0;
}

const struct file_ops tty_ctty_fops = {
	.open = tty_ctty_open,
};

int tty_register(struct tty *tty, uint32_t major, uint32_t minor)
{
	struct tty_dev *d = kmalloc(sizeof(*d));
	if (!d)
		return -ENOMEM;
	int err = chrdev_register(major, minor, &tty_fops);
	if (err < 0) {
		kfree(d);
		return err;
	}
	d->rdev = vfs_mkdev(major, minor);
	d->tty = tty;
	spin_lock(&tty_devices_lock);
	list_add_tail(&d->link, &tty_devices);
	spin_unlock(&tty_devices_lock);
	return 0;
}
