/*
 * /dev/kmsg (1,11): the kernel log, one record per read(2) as Linux formats
 * it: "LEVEL,SEQ,MICROSECONDS,-;TEXT\n". The file position is the sequence
 * number of the next record to read; a reader starts at the oldest record
 * kept. A buffer too small for the record fails with -EINVAL; a reader the
 * ring has overtaken gets -EPIPE once and continues with the oldest record;
 * at the end, read blocks (or fails with -EAGAIN under O_NONBLOCK).
 * lseek(fd, 0, SEEK_SET) rewinds to the oldest record, SEEK_END skips to the
 * end. Writing stores the text as a kernel message (level LOG_INFO, or the
 * "<N>" prefix's).
 */
#include <errno.h>
#include <fs/chrdev.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <log.h>
#include <mm/slab.h>
#include <printk.h>

#define KMSG_LINE_MAX (LOG_LINE_MAX + 64)

static int kmsg_open(struct inode *inode, struct file *file)
{
	(void)inode;
	file->pos = log_oldest_seq();
	return 0;
}

static ssize_t kmsg_read(struct file *file, struct uio *uio, uint64_t *pos)
{
	struct log_record rec;
	char *text = kmalloc(LOG_LINE_MAX + KMSG_LINE_MAX);
	if (!text)
		return -ENOMEM;
	char *line = text + LOG_LINE_MAX;
	ssize_t r;

	for (;;) {
		int err = log_get_record(*pos, &rec, text, LOG_LINE_MAX);
		if (err == -EPIPE) {
			/* Tell the reader it lost records; the next read continues. */
			__atomic_store_n(&file->pos, rec.seq, __ATOMIC_RELAXED);
			r = -EPIPE;
			goto out_free;
		}
		if (err == 0)
			break;
		if (file->flags & O_NONBLOCK) {
			r = -EAGAIN;
			goto out_free;
		}
		r = log_wait_for(*pos);
		if (r < 0)
			goto out_free;
	}
	size_t len = rec.len;
	while (len && text[len - 1] == '\n')
		len--;
	uint64_t us = rec.ns / 1000;
	int n = ksnprintf(line, KMSG_LINE_MAX, "%d,%llu,%llu,-;%.*s\n", rec.level,
	                  (unsigned long long)rec.seq, (unsigned long long)us, (int)len, text);
	if (n >= KMSG_LINE_MAX)
		n = KMSG_LINE_MAX - 1;
	if ((size_t)n > uio->len) {
		r = -EINVAL;
		goto out_free;
	}
	r = uio_copy_out(uio, line, (size_t)n);
	if (r == 0) {
		r = n;
		*pos = rec.seq + 1;
	}
out_free:
	kfree(text);
	return r;
}

static ssize_t kmsg_write(struct file *file, struct uio *uio, uint64_t *pos)
{
	(void)file, (void)pos;
	char buf[LOG_LINE_MAX];
	size_t n = MIN(uio->len, sizeof(buf) - 1);
	size_t total = uio->len;
	if (uio_copy_in(buf, uio, n) < 0)
		return -EFAULT;
	buf[n] = '\0';
	int level = LOG_INFO;
	const char *text = buf;
	if (buf[0] == '<' && buf[1] >= '0' && buf[1] <= '7' && buf[2] == '>') {
		level = buf[1] - '0';
		text += 3;
	}
	printk(level, "%s", text);
	/* Like Linux, a message longer than a record is cut, but counts as written. */
	uio->base = (char *)uio->base + uio->len;
	uio->len = 0;
	return (ssize_t)total;
}

static int64_t kmsg_llseek(struct file *file, int64_t off, int whence)
{
	if (off != 0)
		return -ESPIPE;
	uint64_t seq;
	if (whence == SEEK_SET) {
		seq = log_oldest_seq();
	} else if (whence == SEEK_END) {
		seq = log_end_seq();
	} else {
		return -EINVAL;
	}
	__atomic_store_n(&file->pos, seq, __ATOMIC_RELAXED);
	return 0;
}

static const struct file_ops kmsg_fops = {
    .open = kmsg_open,
    .read = kmsg_read,
    .write = kmsg_write,
    .llseek = kmsg_llseek,
};

void kmsg_dev_init(void)
{
	if (chrdev_register(MEM_MAJOR, 11, &kmsg_fops) < 0)
		pr_err("kmsg: cannot register /dev/kmsg\n");
}
