/* The character device registry (fs/chrdev.h): a short list, searched on open. */
#include <errno.h>
#include <fs/chrdev.h>
#include <list.h>
#include <mm/slab.h>
#include <spinlock.h>

struct chrdev {
	uint32_t major, minor;
	const struct file_ops *fops;
	struct list_head link;
};

static LIST_HEAD(chrdevs);
static struct spinlock chrdev_lock = SPINLOCK_INIT("chrdev");

static struct chrdev *chrdev_find(uint32_t major, uint32_t minor)
{
	struct chrdev *c;
	list_for_each_entry(c, &chrdevs, link)
	{
		if (c->major == major && (c->minor == minor || c->minor == CHRDEV_ALL_MINORS))
			return c;
	}
	return NULL;
}

int chrdev_register(uint32_t major, uint32_t minor, const struct file_ops *fops)
{
	struct chrdev *c = kmalloc(sizeof(*c));
	if (!c)
		return -ENOMEM;
	c->major = major;
	c->minor = minor;
	c->fops = fops;

	spin_lock(&chrdev_lock);
	if (chrdev_find(major, minor)) {
		spin_unlock(&chrdev_lock);
		kfree(c);
		return -EBUSY;
	}
	list_add_tail(&c->link, &chrdevs);
	spin_unlock(&chrdev_lock);
	return 0;
}

const struct file_ops *chrdev_lookup(uint64_t rdev)
{
	const struct file_ops *fops = NULL;

	spin_lock(&chrdev_lock);
	struct chrdev *c = chrdev_find(vfs_dev_major(rdev), vfs_dev_minor(rdev));
	if (c)
		fops = c->fops;
	spin_unlock(&chrdev_lock);
	return fops;
}

size_t chrdev_list(uint64_t *rdevs, size_t max)
{
	size_t n = 0;
	struct chrdev *c;

	spin_lock(&chrdev_lock);
	list_for_each_entry(c, &chrdevs, link)
	{
		if (n == max)
			break;
		if (c->minor == CHRDEV_ALL_MINORS)
			continue; /* no node of its own (devpts makes them) */
		rdevs[n++] = vfs_mkdev(c->major, c->minor);
	}
	spin_unlock(&chrdev_lock);
	return n;
}
