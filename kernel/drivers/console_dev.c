/*
 * /dev/console (5,1) and /dev/tty (5,0): program output goes to every kernel
 * console through console_write_raw().
 *
 * FIXME: input and job control arrive with the tty issue; until then reading
 * gives end of file and /dev/tty is simply the console.
 */
#include <console.h>
#include <errno.h>
#include <fs/chrdev.h>
#include <fs/vfs.h>
#include <printk.h>

#define CONSOLE_CHUNK 256

static ssize_t console_dev_read(struct file *file, struct uio *uio, uint64_t *pos)
{
	return 0;
}

static ssize_t console_dev_write(struct file *file, struct uio *uio, uint64_t *pos)
{
	char buf[CONSOLE_CHUNK];
	size_t done = 0;

	while (uio->len) {
		size_t n = MIN(uio->len, sizeof(buf));
		if (uio_copy_in(buf, uio, n) < 0)
			return done ? (ssize_t)done : -EFAULT;
		console_write_raw(buf, n);
		done += n;
	}
	return (ssize_t)done;
}

static const struct file_ops console_dev_fops = {
    .read = console_dev_read,
    .write = console_dev_write,
    .llseek = no_llseek,
};

void console_dev_init(void)
{
	if (chrdev_register(TTYAUX_MAJOR, 1, &console_dev_fops) < 0 ||
	    chrdev_register(TTYAUX_MAJOR, 0, &console_dev_fops) < 0)
		pr_err("console: cannot register /dev/console and /dev/tty\n");
}
