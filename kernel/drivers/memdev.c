/*
 * The memory character devices: /dev/null (1,3) swallows writes and reads
 * as empty; /dev/zero (1,5) swallows writes and reads as endless zeros;
 * /dev/full (1,7) reads as zeros and fails every write with -ENOSPC;
 * /dev/random (1,8) and /dev/urandom (1,9) read from the kernel's ChaCha20
 * generator (random.h), never blocking (it is seeded at boot), and accept
 * writes as extra entropy.
 */
#include <errno.h>
#include <fs/chrdev.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <printk.h>
#include <random.h>

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

static ssize_t full_write(struct file *file, struct uio *uio, uint64_t *pos)
{
	return -ENOSPC;
}

/* Reads random bytes through a small buffer; a fault after some bytes returns the count. */
static ssize_t random_read(struct file *file, struct uio *uio, uint64_t *pos)
{
	char buf[256];
	size_t done = 0;
	while (uio->len) {
		size_t n = MIN(uio->len, sizeof(buf));
		random_get_bytes(buf, n);
		if (uio_copy_out(uio, buf, n) < 0)
			break;
		done += n;
	}
	memset(buf, 0, sizeof(buf));
	return done ? (ssize_t)done : -EFAULT;
}

/* Mixes written bytes into the generator, eight at a time. */
static ssize_t random_write(struct file *file, struct uio *uio, uint64_t *pos)
{
	size_t done = 0;
	while (uio->len) {
		uint64_t v = 0;
		size_t n = MIN(uio->len, sizeof(v));
		if (uio_copy_in(&v, uio, n) < 0)
			return done ? (ssize_t)done : -EFAULT;
		random_mix(v);
		done += n;
	}
	return (ssize_t)done;
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

static const struct file_ops full_fops = {
    .read = zero_read,
    .write = full_write,
    .llseek = null_llseek,
};

static const struct file_ops random_fops = {
    .read = random_read,
    .write = random_write,
    .llseek = null_llseek,
};

void memdev_init(void)
{
	if (chrdev_register(MEM_MAJOR, 3, &null_fops) < 0 ||
	    chrdev_register(MEM_MAJOR, 5, &zero_fops) < 0 ||
	    chrdev_register(MEM_MAJOR, 7, &full_fops) < 0 ||
	    chrdev_register(MEM_MAJOR, 8, &random_fops) < 0 ||
	    chrdev_register(MEM_MAJOR, 9, &random_fops) < 0)
		pr_err("memdev: cannot register the memory devices\n");
}
