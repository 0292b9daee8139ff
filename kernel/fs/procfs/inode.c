/*
 * procfs inodes: making them, text files (generated whole at open, read
 * from the snapshot) and symlinks (the target computed on each readlink).
 */
#include <errno.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <proc/procinfo.h>

#include "procfs.h"

struct inode *procfs_new_inode(struct super_block *sb, enum procfs_kind kind, uint32_t mode,
                               uint64_t ino, int pid, int fd)
{
	struct inode *inode = inode_alloc(sb, mode);
	if (!inode)
		return NULL;
	struct procfs_inode *pi = kzalloc(sizeof(*pi));
	if (!pi) {
		inode_put(inode);
		return NULL;
	}
	pi->kind = kind;
	pi->pid = pid;
	pi->fd = fd;
	inode->priv = pi;
	inode->ino = ino;
	if (S_ISDIR(mode))
		inode->nlink = 2;
	if (pid) {
		struct proc_info info;
		if (procinfo_get(pid, &info) == 0) {
			inode->uid = info.euid;
			inode->gid = info.egid;
		}
	}
	switch (kind) {
	case PROCFS_ROOT:
		inode->iops = &procfs_root_iops;
		inode->fops = &procfs_root_fops;
		break;
	case PROCFS_PID_DIR:
		inode->iops = &procfs_pid_iops;
		inode->fops = &procfs_pid_fops;
		break;
	case PROCFS_FD_DIR:
		inode->iops = &procfs_fd_iops;
		inode->fops = &procfs_fd_fops;
		break;
	case PROCFS_FILE:
		inode->fops = &procfs_text_fops;
		break;
	case PROCFS_LINK:
		inode->iops = &procfs_link_iops;
		break;
	}
	return inode;
}

struct inode *procfs_entry_inode(struct super_block *sb, const struct procfs_entry *e, uint64_t ino,
                                 int pid)
{
	enum procfs_kind kind = S_ISLNK(e->mode) ? PROCFS_LINK : PROCFS_FILE;
	if (S_ISDIR(e->mode))
		kind = PROCFS_FD_DIR; /* the only fixed subdirectory */
	struct inode *inode = procfs_new_inode(sb, kind, e->mode, ino, pid, -1);
	if (inode) {
		PROCFS_I(inode)->show = e->show;
		PROCFS_I(inode)->link = e->link;
	}
	return inode;
}

/* Generates the file's text; an error (the process is gone) fails the open. */
static int procfs_text_open(struct inode *inode, struct file *file)
{
	struct procfs_inode *pi = PROCFS_I(inode);
	if (file_writable(file))
		return -EACCES;
	struct procfs_buf *b = kzalloc(sizeof(*b));
	if (!b)
		return -ENOMEM;
	int err = pi->show(b, pi->pid);
	if (!err && b->failed && !b->len)
		err = -ENOMEM;
	if (err) {
		pbuf_free(b);
		kfree(b);
		return err == -ESRCH ? -ENOENT : err;
	}
	file->priv = b;
	return 0;
}

static void procfs_text_release(struct inode *inode, struct file *file)
{
	(void)inode;
	struct procfs_buf *b = file->priv;
	if (b) {
		pbuf_free(b);
		kfree(b);
	}
}

static ssize_t procfs_text_read(struct file *file, struct uio *uio, uint64_t *pos)
{
	struct procfs_buf *b = file->priv;
	if (*pos >= b->len)
		return 0;
	size_t n = MIN(uio->len, b->len - (size_t)*pos);
	int err = uio_copy_out(uio, b->data + *pos, n);
	if (err)
		return err;
	*pos += n;
	return (ssize_t)n;
}

const struct file_ops procfs_text_fops = {
    .open = procfs_text_open,
    .release = procfs_text_release,
    .read = procfs_text_read,
};

static int procfs_readlink(struct inode *inode, char *buf, size_t size)
{
	struct procfs_inode *pi = PROCFS_I(inode);
	char *target = kmalloc(PATH_MAX);
	if (!target)
		return -ENOMEM;
	int n = pi->link(pi->pid, pi->fd, target, PATH_MAX);
	if (n >= 0)
		memcpy(buf, target, MIN((size_t)n, size));
	kfree(target);
	return n == -ESRCH ? -ENOENT : n;
}

const struct inode_ops procfs_link_iops = {
    .readlink = procfs_readlink,
};
