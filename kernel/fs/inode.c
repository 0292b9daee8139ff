/*
 * The inode layer: allocation, references, the sleeping inode lock and
 * stat(2). A filesystem allocates its inodes here and keeps its own state in
 * inode->priv; the last reference hands the inode back to the filesystem's
 * evict_inode() before the memory is freed.
 */
#include <errno.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <panic.h>
#include <time.h>
#include <uapi/dirent.h>

struct inode *inode_alloc(struct super_block *sb, uint32_t mode)
{
	struct inode *inode = kzalloc(sizeof(*inode));
	if (!inode)
		return NULL;
	inode->ino = __atomic_fetch_add(&sb->next_ino, 1, __ATOMIC_RELAXED);
	inode->mode = mode;
	inode->nlink = 1;
	inode->refcount = 1;
	inode->sb = sb;
	__atomic_add_fetch(&sb->nr_inodes, 1, __ATOMIC_RELAXED);
	inode->atime = inode->mtime = inode->ctime = vfs_now();
	spin_init(&inode->lock, "inode");
	wait_queue_init(&inode->lock_wait);
	return inode;
}

struct inode *inode_get(struct inode *inode)
{
	KASSERT(__atomic_load_n(&inode->refcount, __ATOMIC_RELAXED) > 0);
	__atomic_add_fetch(&inode->refcount, 1, __ATOMIC_RELAXED);
	return inode;
}

void inode_put(struct inode *inode)
{
	if (!inode)
		return;
	int left = __atomic_sub_fetch(&inode->refcount, 1, __ATOMIC_ACQ_REL);
	KASSERT(left >= 0);
	if (left)
		return;
	if (inode->sb && inode->sb->ops && inode->sb->ops->evict_inode)
		inode->sb->ops->evict_inode(inode);
	if (inode->sb)
		__atomic_sub_fetch(&inode->sb->nr_inodes, 1, __ATOMIC_RELAXED);
	kfree(inode);
}

/* Takes the sleeping lock if it is free; the condition of inode_lock()'s wait. */
static bool inode_trylock(struct inode *inode)
{
	bool taken = false;

	spin_lock(&inode->lock);
	if (!inode->locked) {
		inode->locked = true;
		taken = true;
	}
	spin_unlock(&inode->lock);
	return taken;
}

/*
 * Sleeps until the inode's sleeping lock is free and takes it. The caller
 * must not hold a spinlock. Not recursive.
 */
void inode_lock(struct inode *inode)
{
	if (inode_trylock(inode))
		return;
	wait_event(inode->lock_wait, inode_trylock(inode));
}

void inode_unlock(struct inode *inode)
{
	spin_lock(&inode->lock);
	KASSERT(inode->locked);
	inode->locked = false;
	spin_unlock(&inode->lock);
	wake_up(&inode->lock_wait);
}

/* FIXME: nanoseconds need a wall clock finer than clock_realtime_sec(). */
struct timespec vfs_now(void)
{
	return (struct timespec){.tv_sec = (int64_t)clock_realtime_sec(), .tv_nsec = 0};
}

int vfs_stat(struct inode *inode, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	spin_lock(&inode->lock);
	st->st_dev = inode->sb ? inode->sb->dev : 0;
	st->st_ino = inode->ino;
	st->st_nlink = inode->nlink;
	st->st_mode = inode->mode;
	st->st_uid = inode->uid;
	st->st_gid = inode->gid;
	st->st_rdev = inode->rdev;
	st->st_size = (int64_t)inode->size;
	st->st_blksize = PAGE_SIZE;
	st->st_blocks = (int64_t)inode->blocks;
	st->st_atim = inode->atime;
	st->st_mtim = inode->mtime;
	st->st_ctim = inode->ctime;
	spin_unlock(&inode->lock);
	return 0;
}

unsigned vfs_dt_type(uint32_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG:
		return DT_REG;
	case S_IFDIR:
		return DT_DIR;
	case S_IFLNK:
		return DT_LNK;
	case S_IFCHR:
		return DT_CHR;
	case S_IFBLK:
		return DT_BLK;
	case S_IFIFO:
		return DT_FIFO;
	case S_IFSOCK:
		return DT_SOCK;
	default:
		return DT_UNKNOWN;
	}
}
