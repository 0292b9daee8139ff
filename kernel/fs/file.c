/*
 * The file layer: open file descriptions (struct file), their references,
 * and the generic read, write, seek and readdir paths every file goes
 * through. What a read means is the file ops' business; this layer checks the
 * access mode, keeps the position and takes the defaults the ops leave NULL.
 */
#include <errno.h>
#include <fs/chrdev.h>
#include <ipc/pipe.h>
#include <fs/vfs.h>
#include <fs/locks.h>
#include <mm/slab.h>
#include <panic.h>

/* Ops of files with nothing to do (e.g. a symlink opened with O_NOFOLLOW|O_PATH). */
static const struct file_ops empty_fops = {0};

struct file *file_alloc(struct inode *inode, const struct file_ops *ops, int flags)
{
	struct file *f = kzalloc(sizeof(*f));
	if (!f)
		return NULL;
	f->inode = inode;
	if (inode && inode->sb)
		__atomic_add_fetch(&inode->sb->nr_files, 1, __ATOMIC_RELAXED);
	f->ops = ops ? ops : &empty_fops;
	f->flags = flags;
	f->refcount = 1;
	spin_init(&f->lock, "file");
	return f;
}

/* The flags that describe the open file, as opposed to the act of opening it. */
#define FILE_KEPT_FLAGS (~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC))

int vfs_open_inode(struct inode *inode, int flags, struct file **out)
{
	const struct file_ops *ops;

	switch (inode->mode & S_IFMT) {
	case S_IFCHR:
		ops = chrdev_lookup(inode->rdev);
		if (!ops)
			return -ENXIO;
		break;
	case S_IFBLK:
		ops = blkdev_file_lookup(inode->rdev);
		if (!ops)
			return -ENXIO;
		break;
	case S_IFIFO:
		ops = &fifo_fops; /* ipc/fifo.c */
		break;
	case S_IFSOCK:
		/* FIXME: sockets come with the networking issue. */
		return -ENXIO;
	default:
		ops = inode->fops;
		break;
	}

	/* ops->open still sees O_NOCTTY (a tty's open acquires a controlling terminal). */
	struct file *f = file_alloc(inode_get(inode), ops, flags & (FILE_KEPT_FLAGS | O_NOCTTY));
	if (!f) {
		inode_put(inode);
		return -ENOMEM;
	}
	if (f->ops->open) {
		int err = f->ops->open(inode, f);
		if (err) {
			/* Not opened, so not released: undo file_alloc() by hand. */
			if (inode->sb)
				__atomic_sub_fetch(&inode->sb->nr_files, 1, __ATOMIC_RELAXED);
			inode_put(inode);
			kfree(f);
			return err;
		}
	}
	f->flags &= FILE_KEPT_FLAGS;
	*out = f;
	return 0;
}

struct file *file_get(struct file *file)
{
	KASSERT(__atomic_load_n(&file->refcount, __ATOMIC_RELAXED) > 0);
	__atomic_add_fetch(&file->refcount, 1, __ATOMIC_RELAXED);
	return file;
}

void file_put(struct file *file)
{
	if (!file)
		return;
	int left = __atomic_sub_fetch(&file->refcount, 1, __ATOMIC_ACQ_REL);
	KASSERT(left >= 0);
	if (left)
		return;
	if (file->ops->release)
		file->ops->release(file->inode, file);
	locks_release_file(file);
	if (file->inode && file->inode->sb)
		__atomic_sub_fetch(&file->inode->sb->nr_files, 1, __ATOMIC_RELAXED);
	inode_put(file->inode);
	kfree(file->path);
	kfree(file);
}

/* The error for a read or write the ops do not provide. */
static ssize_t no_rw_error(struct file *file)
{
	return file->inode && S_ISDIR(file->inode->mode) ? -EISDIR : -EINVAL;
}

/*
 * FIXME: two threads reading one file description at once may both see the
 * same position (Linux serialises them with f_pos_lock).
 */
ssize_t vfs_read(struct file *file, struct uio *uio)
{
	uint64_t pos = __atomic_load_n(&file->pos, __ATOMIC_RELAXED);
	ssize_t r = vfs_read_at(file, uio, &pos);
	if (r > 0)
		__atomic_store_n(&file->pos, pos, __ATOMIC_RELAXED);
	return r;
}

ssize_t vfs_write(struct file *file, struct uio *uio)
{
	uint64_t pos = __atomic_load_n(&file->pos, __ATOMIC_RELAXED);
	ssize_t r = vfs_write_at(file, uio, &pos);
	if (r > 0)
		__atomic_store_n(&file->pos, pos, __ATOMIC_RELAXED);
	return r;
}

ssize_t vfs_read_at(struct file *file, struct uio *uio, uint64_t *pos)
{
	if (!file_readable(file))
		return -EBADF;
	if (!file->ops->read)
		return no_rw_error(file);
	if (uio->len == 0)
		return 0;
	return file->ops->read(file, uio, pos);
}

ssize_t vfs_write_at(struct file *file, struct uio *uio, uint64_t *pos)
{
	if (!file_writable(file))
		return -EBADF;
	if (!file->ops->write)
		return no_rw_error(file);
	if (uio->len == 0)
		return 0;
	return file->ops->write(file, uio, pos);
}

bool file_positional(const struct file *file)
{
	return file->ops->llseek != no_llseek && file->inode &&
	       !S_ISFIFO(file->inode->mode) && !S_ISSOCK(file->inode->mode);
}

int64_t vfs_lseek(struct file *file, int64_t off, int whence)
{
	if (file->ops->llseek)
		return file->ops->llseek(file, off, whence);
	return generic_file_llseek(file, off, whence);
}

/* Seeking relative to the start, the position or the size of the inode. */
int64_t generic_file_llseek(struct file *file, int64_t off, int whence)
{
	if (!file->inode)
		return -ESPIPE;
	return llseek_with_size(file, off, whence,
				(int64_t)__atomic_load_n(&file->inode->size, __ATOMIC_RELAXED));
}

int64_t llseek_with_size(struct file *file, int64_t off, int whence, int64_t size)
{
	int64_t base, pos;

	spin_lock(&file->lock);
	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = (int64_t)file->pos;
		break;
	case SEEK_END:
		base = size;
		break;
	case SEEK_DATA:
	case SEEK_HOLE:
		/* The whole file counts as data, as in Linux's generic version. */
		if (off < 0 || off >= size) {
			spin_unlock(&file->lock);
			return -ENXIO;
		}
		base = 0;
		if (whence == SEEK_HOLE)
			off = size;
		break;
	default:
		spin_unlock(&file->lock);
		return -EINVAL;
	}
	if (__builtin_add_overflow(base, off, &pos) || pos < 0) {
		spin_unlock(&file->lock);
		return -EINVAL;
	}
	file->pos = (uint64_t)pos;
	spin_unlock(&file->lock);
	return pos;
}

int64_t no_llseek(struct file *file, int64_t off, int whence)
{
	return -ESPIPE;
}

ssize_t kernel_read(struct file *file, void *buf, size_t len, uint64_t off)
{
	if (!file_readable(file))
		return -EBADF;
	if (!file->ops->read)
		return no_rw_error(file);
	struct uio u = uio_kernel(buf, len);
	while (u.len) {
		size_t before = u.len;
		ssize_t r = file->ops->read(file, &u, &off);
		if (r < 0)
			return len - before ? (ssize_t)(len - before) : r;
		if (r == 0)
			break;
	}
	return (ssize_t)(len - u.len);
}

ssize_t kernel_write(struct file *file, const void *buf, size_t len, uint64_t off)
{
	if (!file_writable(file))
		return -EBADF;
	if (!file->ops->write)
		return no_rw_error(file);
	struct uio u = uio_kernel((void *)buf, len);
	while (u.len) {
		size_t before = u.len;
		ssize_t r = file->ops->write(file, &u, &off);
		if (r < 0)
			return len - before ? (ssize_t)(len - before) : r;
		if (r == 0)
			break;
	}
	return (ssize_t)(len - u.len);
}

int vfs_readdir(struct file *file, struct dir_context *ctx)
{
	if (!file->ops->readdir)
		return -ENOTDIR;
	ctx->pos = (int64_t)__atomic_load_n(&file->pos, __ATOMIC_RELAXED);
	int err = file->ops->readdir(file, ctx);
	__atomic_store_n(&file->pos, (uint64_t)ctx->pos, __ATOMIC_RELAXED);
	return err;
}
