/*
 * The console terminal: /dev/console and /dev/tty read through the line
 * discipline from the serial port (its receive interrupt, IRQ 4) and write to
 * every kernel console. FIXME: the VGA consoles' keyboard input and
 * tty1..tty4 arrive with the tty issue.
 */
#include <console.h>
#include <errno.h>
#include <fs/chrdev.h>
#include <fs/vfs.h>
#include <mm/slab.h>
#include <printk.h>
#include <proc/process.h>
#include <tty.h>

struct tty console_tty;

static void console_tty_write(struct tty *tty, const char *s, size_t n)
{
	(void)tty;
	console_write_raw(s, n);
}

static ssize_t console_dev_read(struct file *file, struct uio *uio, uint64_t *pos)
{
	(void)pos;
	char buf[256];
	size_t n = MIN(uio->len, sizeof(buf));
	if (n == 0)
		return 0;
	ssize_t got = tty_read(&console_tty, buf, n, file->flags & O_NONBLOCK);
	if (got > 0 && uio_copy_out(uio, buf, (size_t)got))
		return -EFAULT;
	return got;
}

static ssize_t console_dev_write(struct file *file, struct uio *uio, uint64_t *pos)
{
	(void)file, (void)pos;
	char buf[256];
	size_t done = 0;
	int err = current_proc() ? tty_check_write(&console_tty) : 0;
	if (err)
		return err;
	while (uio->len) {
		size_t n = MIN(uio->len, sizeof(buf));
		if (uio_copy_in(buf, uio, n) < 0)
			return done ? (ssize_t)done : -EFAULT;
		console_write_raw(buf, n);
		done += n;
	}
	return (ssize_t)done;
}

static long console_dev_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	(void)file;
	return tty_ioctl(&console_tty, cmd, arg);
}

static unsigned console_dev_poll(struct file *file, struct poll_table *pt)
{
	(void)file;
	return tty_poll(&console_tty, pt);
}

/* A session leader without a controlling terminal acquires the console (tty/jobctl.c). */
static int console_dev_open(struct inode *inode, struct file *file)
{
	(void)inode;
	tty_open_ctty(&console_tty, file->flags);
	return 0;
}

static const struct file_ops console_dev_fops = {
	.open = console_dev_open,
	.read = console_dev_read,
	.write = console_dev_write,
	.ioctl = console_dev_ioctl,
	.poll = console_dev_poll,
	.llseek = no_llseek,
};

void serial_enable_input(void (*rx)(char c));

static void console_rx(char c)
{
	tty_receive(&console_tty, c);
}

void console_dev_init(void)
{
	tty_init(&console_tty, "console", console_tty_write);
	/*
	 * The console is the first serial port's terminal (console=ttyS0), so
	 * /dev/ttyS0 (4,64) is the same tty as /dev/console, as on Linux.
	 */
	if (chrdev_register(TTYAUX_MAJOR, 1, &console_dev_fops) < 0 ||
	    chrdev_register(TTYAUX_MAJOR, 0, &console_dev_fops) < 0 ||
	    chrdev_register(TTY_MAJOR, 64, &console_dev_fops) < 0)
		pr_err("console: cannot register /dev/console, /dev/tty and /dev/ttyS0\n");
	serial_enable_input(console_rx);
}
