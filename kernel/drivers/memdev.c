/*
 * The memory character devices: /dev/null (1,3) swallows writes and reads
 * as empty; /dev/zero (1,5) swallows writes and reads as endless zeros.
 */
#include <errno.h>
#include <fs/chrdev.h>
#include <fs/vfs.h>
#include <printk.h>

static ssize_t null_read(struct file *file, struct uio *uio, uint64_t *pos)
{
	return 0;
}

static ssize_t null_write(struct file *file, struct uio *uio, uint64_t *pos)
{
	size_t n = uio->len;
	uio->base = (char *)uio->base + n;
	uio->len = 0;
	return (ssize_t)n;
}

/* Seeking a memory device always succeeds and changes nothing, as in Linux. */
static int64_t null_llseek(struct file *file, int64_t off, int whence)
{
	file->pos = 0;
	return 0;
}

static ssize_t zero_read(struct file *file, struct uio *uio, uint64_t *pos)
{
	size_t n = uio->len;
	if (uio_clear(uio, n) < 0)
		return -EFAULT;
	return (ssize_t)n;
}

static const struct file_ops null_fops = {
    .read = null_read,
    .write = null_write,
    .llseek = null_llseek,
};

static const struct file_ops zero_fops = {
    .read = zero_read,
    .write = null_write,
    .llseek = null_llseek,
};

void memdev_init(void)
{
	if (chrdev_register(MEM_MAJOR, 3, &null_fops) < 0 ||
	    chrdev_register(MEM_MAJOR, 5, &zero_fops) < 0)
		pr_err("memdev: cannot register /dev/null and /dev/zero\n");
}
