/*
 * Shared anonymous memory (MAP_SHARED | MAP_ANONYMOUS): each mapping is
 * backed by an unlinked file in a private ramfs, so a page the parent or a
 * child touches after fork is the same page for both. The file lives as long
 * as some mapping holds it.
 */
#include <errno.h>
#include <fs/ramfs.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/shmem.h>
#include <printk.h>

static struct super_block *shmem_sb;
static uint64_t shmem_seq;

struct file *shmem_file_create(uint64_t size)
{
	if (!shmem_sb) {
		shmem_sb = ramfs_create();
		if (!shmem_sb)
			return ERR_PTR(-ENOMEM);
	}
	struct inode *dir = shmem_sb->root, *inode;
	char name[32];
	ksnprintf(name, sizeof(name), "anon-%lu", shmem_seq++);
	int err = dir->iops->create(dir, name, S_IFREG | 0600, &inode);
	if (err)
		return ERR_PTR(err);
	struct file *f = NULL;
	err = inode->iops && inode->iops->truncate ? inode->iops->truncate(inode, size) : -EINVAL;
	if (!err)
		err = vfs_open_inode(inode, O_RDWR, &f);
	dir->iops->unlink(dir, name);
	inode_put(inode);
	return err ? ERR_PTR(err) : f;
}
