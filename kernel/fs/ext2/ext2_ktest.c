/* Self-test: the test image's ext2 root (sda2, made by mke2fs -d) reads back. */
#include <errno.h>
#include <fs/ext2fs.h>
#include <fs/vfs.h>
#include <ktest.h>
#include <lib/string.h>
#include <uapi/mount.h>
#include <uapi/stat.h>

struct counter {
	struct dir_context ctx;
	int n;
	bool saw_etc;
};

static bool count_actor(struct dir_context *ctx, const char *name, size_t len, uint64_t ino,
			unsigned type)
{
	struct counter *c = (struct counter *)ctx;
	(void)ino, (void)type;
	c->n++;
	if (len == 3 && !memcmp(name, "etc", 3))
		c->saw_etc = true;
	return true;
}

KTEST(ext2_boot_root)
{
	struct super_block *sb;
	KT_ASSERT(ext2_mount("sda2", MS_RDONLY, &sb) == 0);
	struct inode *root = sb->root, *etc, *host;
	KT_ASSERT(S_ISDIR(root->mode));
	KT_ASSERT(root->iops->lookup(root, "etc", &etc) == 0);
	KT_ASSERT(etc->iops->lookup(etc, "hostname", &host) == 0);
	KT_ASSERT(S_ISREG(host->mode) && host->size == 6);
	struct inode *none;
	KT_ASSERT(root->iops->lookup(root, "no-such-file", &none) == -ENOENT);
	struct file *f;
	KT_ASSERT(vfs_open_inode(host, O_RDONLY, &f) == 0);
	char buf[16] = { 0 };
	KT_ASSERT(kernel_read(f, buf, sizeof(buf), 0) == 6);
	KT_ASSERT(!memcmp(buf, "cairn\n", 6));
	file_put(f);
	/* The root directory lists its entries; /tmp is world-writable and sticky. */
	struct file *d;
	KT_ASSERT(vfs_open_inode(root, O_RDONLY | O_DIRECTORY, &d) == 0);
	struct counter c = { .ctx = { .actor = count_actor } };
	KT_ASSERT(vfs_readdir(d, &c.ctx) == 0);
	KT_ASSERT(c.saw_etc && c.n >= 10);
	file_put(d);
	struct inode *tmp;
	KT_ASSERT(root->iops->lookup(root, "tmp", &tmp) == 0);
	KT_ASSERT((tmp->mode & 07777) == 01777);
	inode_put(tmp);
	inode_put(etc);
	return 0;
}
