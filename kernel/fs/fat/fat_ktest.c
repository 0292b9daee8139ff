/*
 * Self-test of the vfat glue on the test image's boot partition (sda1, made
 * by mkfs.fat + mcopy; the VM runs on a private copy): create, write,
 * rename within and across directories replacing a target, the checks
 * rename makes, unlink of an open file, rmdir, sync and unmount. rename(2)
 * is not a system call yet, so this is where the inode op runs in the kernel.
 */
#include <errno.h>
#include <fs/fatfs.h>
#include <fs/vfs.h>
#include <ktest.h>
#include <lib/string.h>
#include <uapi/stat.h>

static int lookup(struct inode *dir, const char *name, struct inode **out)
{
	return dir->iops->lookup(dir, name, out);
}

static bool exists(struct inode *dir, const char *name)
{
	struct inode *i;
	if (lookup(dir, name, &i))
		return false;
	inode_put(i);
	return true;
}

KTEST(fat_boot_partition_rename)
{
	struct super_block *sb;
	KT_ASSERT(fat_mount("sda1", 0, NULL, &sb) == 0);
	struct inode *root = sb->root, *kernel, *f, *d, *g;
	KT_ASSERT(lookup(root, "kernel", &kernel) == 0 && S_ISREG(kernel->mode) &&
		  kernel->size > 100000);
	inode_put(kernel);

	KT_ASSERT(root->iops->create(root, "ktest file with a long name.txt", S_IFREG | 0644, &f) == 0);
	uint64_t ino = f->ino;
	struct file *file;
	KT_ASSERT(vfs_open_inode(f, O_RDWR, &file) == 0);
	KT_ASSERT(kernel_write(file, "fat ktest\n", 10, 0) == 10);
	KT_ASSERT(root->iops->mkdir(root, "ktest dir", 0755) == 0);
	KT_ASSERT(lookup(root, "ktest dir", &d) == 0);
	KT_ASSERT(d->iops->create(d, "target", S_IFREG | 0644, &g) == 0);
	inode_put(g);

	/* Within a directory, then across directories over an existing target. */
	KT_ASSERT(root->iops->rename(root, "ktest file with a long name.txt", root, "Renamed Once.TXT") == 0);
	KT_ASSERT(!exists(root, "ktest file with a long name.txt") && exists(root, "renamed once.txt"));
	KT_ASSERT(root->iops->rename(root, "Renamed Once.TXT", d, "target") == 0);
	KT_ASSERT(!exists(root, "Renamed Once.TXT"));
	struct inode *moved;
	KT_ASSERT(lookup(d, "target", &moved) == 0);
	KT_ASSERT(moved == f && moved->ino == ino && moved->size == 10);
	inode_put(moved);
	char buf[16] = {0};
	KT_ASSERT(kernel_read(file, buf, sizeof(buf), 0) == 10 && !memcmp(buf, "fat ktest\n", 10));

	/* A directory cannot move into itself; a file cannot replace a directory. */
	KT_ASSERT(d->iops->mkdir(d, "inner", 0755) == 0);
	struct inode *inner, *dotdot;
	KT_ASSERT(lookup(d, "inner", &inner) == 0);
	KT_ASSERT(root->iops->rename(root, "ktest dir", inner, "loop") == -EINVAL);
	KT_ASSERT(d->iops->rename(d, "target", d, "inner") == -EISDIR);
	/* A directory moved up: its ".." follows. */
	KT_ASSERT(d->iops->rename(d, "inner", root, "ktest inner moved") == 0);
	KT_ASSERT(lookup(inner, "..", &dotdot) == 0 && dotdot == root);
	inode_put(dotdot);
	inode_put(inner);
	KT_ASSERT(root->iops->rmdir(root, "ktest inner moved") == 0);

	/* Unlink while open: the data stays readable until the file goes. */
	KT_ASSERT(d->iops->unlink(d, "target") == 0 && !exists(d, "target"));
	KT_ASSERT(kernel_read(file, buf, sizeof(buf), 0) == 10);
	file_put(file);
	inode_put(f);
	KT_ASSERT(root->iops->rmdir(root, "ktest dir") == 0 && !exists(root, "ktest dir"));
	inode_put(d);
	KT_ASSERT(root->iops->symlink == NULL && root->iops->link == NULL && root->iops->mknod == NULL);

	KT_ASSERT(sb->ops->sync_fs(sb) == 0);
	KT_ASSERT(__atomic_load_n(&sb->nr_inodes, __ATOMIC_RELAXED) == 1);
	inode_put(sb->root);
	sb->root = NULL;
	sb->ops->put_super(sb);
	return 0;
}
