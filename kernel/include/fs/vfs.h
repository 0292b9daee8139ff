/*
 * The virtual filesystem: the objects every filesystem shares and the calls
 * the rest of the kernel makes. The layers, bottom to top (xv6's naming):
 *
 *   block cache  fs/block/bcache.c (block/bcache.h), for ext2 and FAT
 *   inode        fs/inode.c   struct inode, references, the inode lock, stat
 *   directory    fs/dir.c     mkdir, mknod, unlink, rmdir, symlink, link
 *                fs/dirpath.c a directory's path (getcwd)
 *   dentry cache fs/dcache.c  names per directory (fs/dcache.h)
 *   path         fs/namei.c   path walk: vfs_lookup(), vfs_lookup_parent()
 *                fs/rename.c  vfs_rename()
 *   file         fs/file.c    struct file, vfs_read()/vfs_write(), readdir
 *                fs/open.c    vfs_open_at()
 *   descriptor   fs/fdtable.c per-process descriptor tables (fs/fdtable.h)
 *
 * Boot glue is in fs/vfs_init.c and fs/initrd.c; see also docs/vfs.md.
 *
 * Filesystems sit underneath (fs/ramfs/, fs/ext2/, later fat/) and plug in
 * through ops tables; a NULL entry gives the generic behaviour or an error,
 * as each table says.
 *
 * Reference counting: an inode lives while someone holds a reference
 * (inode_get/inode_put); a filesystem's directory entries hold references to
 * the inodes they name. A struct file holds one reference to its inode.
 *
 * Locking: inode->lock (a spinlock) protects the inode's fields and whatever
 * small state the filesystem keeps under it; inode_lock() is a sleeping lock
 * a filesystem takes around operations that may block or fault (copying to
 * user memory, directory changes). Lock order: a directory before its child;
 * the sleeping lock before the spinlock.
 */
#ifndef CAIRN_FS_VFS_H
#define CAIRN_FS_VFS_H

#include <proc/wait.h>
#include <spinlock.h>
#include <types.h>
#include <uapi/fcntl.h>
#include <uapi/limits.h>
#include <uapi/stat.h>
#include <uapi/time.h>

struct inode;
struct file;
struct super_block;
struct dir_context;
struct process;

/* Device numbers in Linux's user-visible dev_t encoding (st_dev, st_rdev). */
static inline uint64_t vfs_mkdev(uint32_t major, uint32_t minor)
{
	return ((uint64_t)(major & 0xfffff000) << 32) | ((uint64_t)(major & 0xfff) << 8) |
	       ((uint64_t)(minor & 0xffffff00) << 12) | (minor & 0xff);
}

static inline uint32_t vfs_dev_major(uint64_t dev)
{
	return ((dev >> 32) & 0xfffff000) | ((dev >> 8) & 0xfff);
}

static inline uint32_t vfs_dev_minor(uint64_t dev)
{
	return ((dev >> 12) & 0xffffff00) | (dev & 0xff);
}

struct statfs;
struct block_device;

/*
 * What a mounted filesystem tells the VFS about itself. Every entry but
 * evict_inode may be NULL: then write_inode and sync_fs do nothing (a
 * filesystem in memory), statfs reports zero blocks, remount succeeds only
 * for a filesystem that needs nothing to change, and put_super does nothing.
 */
struct super_ops {
	/* Frees the filesystem's part of an inode whose last reference is gone. */
	void (*evict_inode)(struct inode *inode);
	/*
	 * Writes the inode's metadata (mode, nlink, uid, gid, size, rdev and
	 * the three times) back to the filesystem's own structures. The VFS
	 * calls it after it has changed those fields itself (chmod, chown,
	 * utimensat); the filesystem need not write to the disk until sync_fs.
	 */
	int (*write_inode)(struct inode *inode);
	/*
	 * Writes everything dirty (data, inodes, bitmaps, the superblock) to
	 * the device and waits for it: sync(2), syncfs(2), fsync(2), umount.
	 */
	int (*sync_fs)(struct super_block *sb);
	/* Fills *st (statfs(2)); the VFS has zeroed it. */
	int (*statfs)(struct super_block *sb, struct statfs *st);
	/*
	 * mount(2) with MS_REMOUNT: flags holds the new SB_* flags. A
	 * filesystem judged inconsistent refuses read-write with -EROFS.
	 */
	int (*remount)(struct super_block *sb, unsigned flags);
	/*
	 * umount: the VFS has called sync_fs and dropped sb->root; no inode of
	 * the filesystem is referenced any more. Frees the super block and
	 * everything the filesystem holds (it marks the disk clean first).
	 */
	void (*put_super)(struct super_block *sb);
	/*
	 * umount, before anything is changed: whether something but the
	 * filesystem's own tree (and the root's usual references) uses its
	 * inodes. NULL: any live inode but the root counts, for filesystems
	 * with put_super.
	 */
	bool (*busy)(struct super_block *sb);
};

#define SB_RDONLY 0x1 /* every write fails with -EROFS (checked by the VFS) */
#define SB_DCACHE 0x2 /* names change only through the VFS: the dentry cache may keep them */
#define SB_NOSUID 0x4  /* MS_NOSUID: exec ignores set-user-ID and set-group-ID bits */
#define SB_NODEV  0x8  /* MS_NODEV: opening a device node by path is -EACCES */
#define SB_NOEXEC 0x10 /* MS_NOEXEC: executing a file is -EACCES */

struct super_block {
	const char *fs_name; /* "ramfs", "ext2", "vfat", ... */
	uint64_t dev;        /* st_dev of every inode in it */
	struct inode *root;  /* holds a reference */
	const struct super_ops *ops;
	void *priv;
	uint64_t next_ino;         /* next inode number handed out by inode_alloc() */
	unsigned flags;            /* SB_* */
	struct block_device *bdev; /* the device it lives on; NULL for memory filesystems */
	/*
	 * Live struct inodes of this filesystem (atomic; inode_alloc() and the
	 * last inode_put() count). A filesystem with put_super keeps no inode
	 * alive but its root while nothing uses it, so umount refuses with
	 * -EBUSY while this is above 1.
	 */
	int nr_inodes;
	/* Open files on inodes of this filesystem (atomic); umount is -EBUSY above 0. */
	int nr_files;
};

/* Whether inode is on a filesystem mounted read-only (writes fail with -EROFS). */
static inline bool inode_readonly(const struct inode *inode);

/*
 * Operations on an inode that names things (a directory) or is a name (a
 * symlink). Each returns 0 or -Exxx unless it says otherwise; names are
 * single components of at most NAME_MAX bytes, never "." or "..", except
 * that lookup() also resolves "..". The VFS has applied the umask to modes.
 * A NULL entry means the operation is not supported by this inode: the VFS
 * then fails as Linux does, with -ENOTDIR (lookup), -EINVAL (readlink) or
 * -EPERM (the others).
 */
struct inode_ops {
	/* Sets *out to the named child with a new reference; -ENOENT if absent. */
	int (*lookup)(struct inode *dir, const char *name, struct inode **out);
	/* Creates a regular file and returns it referenced; -EEXIST if the name exists. */
	int (*create)(struct inode *dir, const char *name, uint32_t mode, struct inode **out);
	int (*mkdir)(struct inode *dir, const char *name, uint32_t mode);
	/* Creates a device node, FIFO or socket (mode says which); rdev as vfs_mkdev(). */
	int (*mknod)(struct inode *dir, const char *name, uint32_t mode, uint64_t rdev);
	/* Removes a non-directory entry; -EISDIR for a directory. */
	int (*unlink)(struct inode *dir, const char *name);
	/* Removes an empty directory; -ENOTEMPTY, -ENOTDIR. */
	int (*rmdir)(struct inode *dir, const char *name);
	int (*symlink)(struct inode *dir, const char *name, const char *target);
	/* Copies the target (no NUL) into buf; returns its full length or -Exxx. */
	int (*readlink)(struct inode *inode, char *buf, size_t size);
	/* Adds a name for target, a non-directory of the same filesystem. */
	int (*link)(struct inode *dir, const char *name, struct inode *target);
	int (*rename)(struct inode *old_dir, const char *old_name, struct inode *new_dir,
	              const char *new_name);
	/* Sets the size of a regular file, freeing or zero-extending its data. */
	int (*truncate)(struct inode *inode, uint64_t size);
};

struct inode {
	uint64_t ino;
	uint32_t mode; /* S_IFMT type and permission bits */
	uint32_t nlink;
	uint32_t uid, gid;
	uint64_t size;
	uint64_t blocks; /* storage in 512-byte units, for st_blocks */
	uint64_t rdev;   /* device number of a device node */
	struct timespec atime, mtime, ctime;
	int refcount; /* atomic */
	struct spinlock lock;
	bool locked; /* the sleeping inode_lock(), guarded by lock */
	struct wait_queue lock_wait;
	const struct inode_ops *iops;
	const struct file_ops *fops; /* for regular files, directories and symlinks */
	struct super_block *sb;
	void *priv; /* the filesystem's */
};

/*
 * One I/O buffer, in user or kernel memory: the same read and write code
 * serves read(2) and the kernel's own callers (the ELF loader, initrd).
 */
struct uio {
	void *base;
	size_t len;
	bool user; /* base is a user address: go through copy_to/from_user */
};

static inline struct uio uio_kernel(void *buf, size_t len)
{
	return (struct uio){.base = buf, .len = len, .user = false};
}

static inline struct uio uio_user(void *ubuf, size_t len)
{
	return (struct uio){.base = ubuf, .len = len, .user = true};
}

/*
 * Copy n bytes (clamped to u->len) out to / in from the buffer and advance
 * it. Return 0, or -EFAULT for a bad user buffer (then the uio has not moved
 * and the destination may be partly written).
 */
int uio_copy_out(struct uio *u, const void *src, size_t n);
int uio_copy_in(void *dst, struct uio *u, size_t n);
/* Fills n bytes (clamped to u->len) of the buffer with zeros and advances it. */
int uio_clear(struct uio *u, size_t n);

/*
 * Directory listing: readdir() calls dir_emit() once per entry, starting at
 * ctx->pos (0 = "." first), and after each entry the callback accepted sets
 * ctx->pos to the position of the next one. Positions are opaque cookies the
 * filesystem chooses; they are what lseek(2) and d_off see.
 */
struct dir_context {
	/* Returns false when it cannot take the entry (buffer full): stop there. */
	bool (*actor)(struct dir_context *ctx, const char *name, size_t namelen, uint64_t ino,
	              unsigned type);
	int64_t pos;
};

static inline bool dir_emit(struct dir_context *ctx, const char *name, size_t namelen, uint64_t ino,
                            unsigned type)
{
	return ctx->actor(ctx, name, namelen, ino, type);
}

/* The DT_* type of a mode, for readdir. */
unsigned vfs_dt_type(uint32_t mode);

struct poll_table;

/*
 * Operations on an open file. read and write move data between the file at
 * *pos and the uio, advance *pos and return the bytes moved or -Exxx (a
 * short count only at end of file, on a fault after some bytes, or for
 * pipes and devices). NULL entries: read/write fail with -EINVAL (-EISDIR on a
 * directory), llseek uses generic_file_llseek, readdir fails with -ENOTDIR,
 * ioctl with -ENOTTY, map_page makes shared mappings fail with -ENODEV.
 */
struct file_ops {
	/* Called by open after the file is set up; an error aborts the open. */
	int (*open)(struct inode *inode, struct file *file);
	/* Called when the last reference to the file goes. */
	void (*release)(struct inode *inode, struct file *file);
	ssize_t (*read)(struct file *file, struct uio *uio, uint64_t *pos);
	ssize_t (*write)(struct file *file, struct uio *uio, uint64_t *pos);
	/* Sets and returns the new file->pos, or -Exxx (-EINVAL, -ESPIPE). */
	int64_t (*llseek)(struct file *file, int64_t off, int whence);
	int (*readdir)(struct file *file, struct dir_context *ctx);
	long (*ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	/*
	 * For MAP_SHARED: returns the physical address of page pgoff of the
	 * file with a page reference (mm/page.h) for the caller, allocating the
	 * page if the file has a hole there; 0 beyond the end of the file or
	 * when out of memory.
	 */
	phys_addr_t (*map_page)(struct file *file, uint64_t pgoff);
	/*
	 * Returns the POLL* events ready now and registers the file's wait
	 * queues with poll_wait(pt, ...) when pt is not NULL (fs/poll.h). NULL:
	 * always readable and writable.
	 */
	unsigned (*poll)(struct file *file, struct poll_table *pt);
};

/* An open file description: what open(2) creates and dup(2) shares. */
struct file {
	struct inode *inode; /* holds a reference */
	const struct file_ops *ops;
	uint64_t pos;
	int flags;    /* O_ACCMODE, O_APPEND, O_NONBLOCK, ... as given to open */
	int refcount; /* atomic */
	struct spinlock lock;
	void *priv; /* the file_ops' owner's */
	char *path; /* kmalloc'ed absolute path it was opened by (vfs_open_at), or NULL */
};

static inline bool inode_readonly(const struct inode *inode)
{
	return inode->sb && (inode->sb->flags & SB_RDONLY);
}

static inline bool file_readable(const struct file *f)
{
	int acc = f->flags & O_ACCMODE;
	return acc == O_RDONLY || acc == O_RDWR;
}

static inline bool file_writable(const struct file *f)
{
	int acc = f->flags & O_ACCMODE;
	return acc == O_WRONLY || acc == O_RDWR;
}

/* ---- inode.c ---- */

/*
 * Returns a new inode of sb with one reference, the given mode, a fresh
 * inode number, nlink 1, owner root, every time set to now and no ops; NULL
 * when out of memory. The filesystem fills in the rest.
 */
struct inode *inode_alloc(struct super_block *sb, uint32_t mode);
struct inode *inode_get(struct inode *inode);
/* Drops a reference; the last one evicts the inode (sb->ops->evict_inode) and frees it. */
void inode_put(struct inode *inode);
/* The sleeping per-inode lock (see the top of this file). May sleep. */
void inode_lock(struct inode *inode);
void inode_unlock(struct inode *inode);
/* The current wall-clock time for timestamps. */
struct timespec vfs_now(void);
/* Fills *st from the inode (stat(2)). */
int vfs_stat(struct inode *inode, struct stat *st);

/* ---- permission.c ---- */

#define MAY_EXEC 1
#define MAY_WRITE 2
#define MAY_READ 4

/*
 * Whether the caller may access inode as mask (MAY_* bits) says: the
 * owner, group or other bits against its filesystem ids, with root (fsuid
 * 0) passing everything except executing a file no one may execute. Returns
 * 0, -EACCES, or -EROFS for writing a file, directory or symlink on a
 * read-only filesystem. Kernel threads pass.
 */
int inode_permission(struct inode *inode, int mask);
/* The same for given ids (access(2) checks with the real ids). */
int inode_permission_as(struct inode *inode, int mask, uint32_t uid, uint32_t gid, bool root);
/* Whether the caller owns inode or is root (chmod, utimensat with explicit times). */
bool vfs_is_owner(const struct inode *inode);
/*
 * Whether the caller may remove or rename victim out of dir: write and
 * search permission on dir, and in a sticky directory (S_ISVTX, /tmp)
 * ownership of victim or dir. 0, -EACCES, -EPERM or -EROFS.
 */
int vfs_may_delete(struct inode *dir, struct inode *victim);

/* ---- attr.c: changing attributes (each 0, -EPERM, -EACCES, -EROFS or -EINVAL) ---- */

/* chmod(2): the owner or root sets the permission bits (07777). */
int vfs_chmod(struct inode *inode, uint32_t mode);
/* chown(2): uid or gid (uint32_t)-1 leaves that id alone. */
int vfs_chown(struct inode *inode, uint32_t uid, uint32_t gid);
/*
 * utimensat(2): times[0] is atime, times[1] mtime, each a time or
 * UTIME_NOW/UTIME_OMIT in tv_nsec; times NULL means both now.
 */
int vfs_utimes(struct inode *inode, const struct timespec times[2]);

/* ---- file.c ---- */

/*
 * Opens an inode the caller holds a reference to (the file takes its own)
 * with open(2) flags: finds the file ops (character devices through the
 * chrdev registry, block devices through blkdev_file_lookup()) and calls
 * their open(). Returns 0 and a file with one
 * reference, or -ENOMEM, -ENXIO (no driver) or what open() returned.
 */
int vfs_open_inode(struct inode *inode, int flags, struct file **out);
/*
 * Returns a file with one reference around ops (pipes and other files with no
 * filesystem behind them); inode may be NULL or is taken over. NULL on no memory.
 */
struct file *file_alloc(struct inode *inode, const struct file_ops *ops, int flags);
struct file *file_get(struct file *file);
/* Drops a reference; the last one calls ops->release and drops the inode. */
void file_put(struct file *file);

/* Read/write at file->pos and advance it; -EBADF when not opened for it. */
ssize_t vfs_read(struct file *file, struct uio *uio);
ssize_t vfs_write(struct file *file, struct uio *uio);
/*
 * The same at *pos, advancing *pos and leaving file->pos alone (pread,
 * pwrite). Files that cannot seek keep their own idea of the position.
 */
ssize_t vfs_read_at(struct file *file, struct uio *uio, uint64_t *pos);
ssize_t vfs_write_at(struct file *file, struct uio *uio, uint64_t *pos);
/* Whether pread/pwrite make sense on file (false for pipes, sockets, terminals). */
bool file_positional(const struct file *file);
/* lseek(2): returns the new position or -EINVAL, -ESPIPE. */
int64_t vfs_lseek(struct file *file, int64_t off, int whence);
int64_t generic_file_llseek(struct file *file, int64_t off, int whence);
/* generic_file_llseek for a file whose end is at size (devices, whose inode has no size). */
int64_t llseek_with_size(struct file *file, int64_t off, int whence, int64_t size);
/* For files that cannot seek (pipes, terminals): always -ESPIPE. */
int64_t no_llseek(struct file *file, int64_t off, int whence);
/*
 * Reads up to len bytes at offset off into a kernel buffer without moving
 * file->pos, retrying short reads: returns the bytes read (fewer only at end
 * of file) or -Exxx. For the ELF loader and the page-fault path.
 */
ssize_t kernel_read(struct file *file, void *buf, size_t len, uint64_t off);
ssize_t kernel_write(struct file *file, const void *buf, size_t len, uint64_t off);
/* Lists a directory from file->pos through ctx->actor and advances file->pos. */
int vfs_readdir(struct file *file, struct dir_context *ctx);

/* ---- namei.c: the path walk ---- */

#define LOOKUP_FOLLOW 0x1 /* follow a symlink in the last component */
#define LOOKUP_PARENT 0x2 /* return the directory holding the last component */

#define VFS_MAX_SYMLINKS 40

/*
 * Resolves path from base (NULL: the caller's working directory; an absolute
 * path starts at the caller's root) and returns the inode with a reference.
 * Errors: -ENOENT, -ENOTDIR, -ENAMETOOLONG, -ELOOP, -ENOMEM.
 */
int vfs_lookup_at(struct inode *base, const char *path, int flags, struct inode **out);
static inline int vfs_lookup(const char *path, int flags, struct inode **out)
{
	return vfs_lookup_at(NULL, path, flags, out);
}

/* The directory and last name of a path, for the calls that create or remove names. */
struct vfs_parent {
	struct inode *dir;       /* holds a reference */
	char name[NAME_MAX + 1]; /* "" for "/", may be "." or ".." */
	bool trailing_slash;     /* the path ended in '/' after the name */
};

int vfs_lookup_parent(struct inode *base, const char *path, struct vfs_parent *out);
void vfs_parent_put(struct vfs_parent *p);

/* The global root inode (NULL before vfs_init()). */
struct inode *vfs_root(void);
void vfs_set_root(struct inode *root);
/* The caller's root and working directory, referenced (the global root in kernel threads). */
struct inode *vfs_current_root(void);
struct inode *vfs_current_cwd(void);
/* The caller's umask (0 in kernel threads). */
uint32_t vfs_current_umask(void);
/* Makes dir (a directory; the process takes its own reference) the process's cwd. */
void vfs_set_cwd(struct process *proc, struct inode *dir);
/* chroot(2): makes dir (a directory; the process takes its own reference) proc's root. */
void vfs_set_proc_root(struct process *proc, struct inode *dir);
/* fork: the child gets references to the parent's root and cwd. exit: drops them. */
void vfs_proc_fork(struct process *child, struct process *parent);
void vfs_proc_exit(struct process *proc);

/* ---- open.c and dir.c: the calls behind the system calls (base as in vfs_lookup_at) ---- */

/*
 * open(2): O_CREAT, O_EXCL, O_TRUNC, O_DIRECTORY, O_NOFOLLOW, O_APPEND; mode
 * is used with O_CREAT (the umask applied). Returns 0 and a referenced file.
 */
int vfs_open_at(struct inode *base, const char *path, int flags, uint32_t mode, struct file **out);
static inline int vfs_open(const char *path, int flags, uint32_t mode, struct file **out)
{
	return vfs_open_at(NULL, path, flags, mode, out);
}

int vfs_mkdir(struct inode *base, const char *path, uint32_t mode);
int vfs_mknod(struct inode *base, const char *path, uint32_t mode, uint64_t rdev);
int vfs_unlink(struct inode *base, const char *path);
int vfs_rmdir(struct inode *base, const char *path);
int vfs_symlink(struct inode *base, const char *target, const char *path);
int vfs_link(struct inode *base, const char *old_path, const char *new_path);
/* readlink(2): copies at most size bytes (no NUL) and returns the count. */
int vfs_readlink(struct inode *base, const char *path, char *buf, size_t size);
int vfs_truncate(struct inode *inode, uint64_t size);

/* ---- rename.c ---- */

/*
 * rename(2)/renameat2(2): moves old_path (from old_base) to new_path (from
 * new_base) on one filesystem. flags: RENAME_NOREPLACE (-EEXIST if new_path
 * exists); RENAME_EXCHANGE and RENAME_WHITEOUT are -EINVAL. Errors as
 * Linux's: -EXDEV across filesystems, -EINVAL moving a directory into
 * itself, -EISDIR/-ENOTDIR when the types differ, -ENOTEMPTY, -EBUSY for
 * "." and ".." or a mount point, -EROFS.
 */
int vfs_rename(struct inode *old_base, const char *old_path, struct inode *new_base,
	       const char *new_path, unsigned flags);

/* ---- sync.c ---- */

/* sync_fs of every mounted filesystem (sync(2), and before power-off). */
int vfs_sync_all(void);
/* sync_fs of the filesystem inode lives on (syncfs(2), fsync(2)). */
int vfs_sync_inode(struct inode *inode);
/*
 * Writes the absolute path of directory dir, seen from the caller's root,
 * into buf (NUL-terminated). Returns the length with the NUL, -ERANGE when
 * size is too small, -ENOENT when dir has been removed.
 */
int vfs_path_of(struct inode *dir, char *buf, size_t size);

/* ---- file_path.c ---- */

/*
 * The absolute form of path (relative to base, NULL: the caller's working
 * directory), with "." and ".." applied lexically, in a new kmalloc'ed
 * string; NULL when out of memory or too long. For /proc's links.
 */
char *vfs_absolute_path(struct inode *base, const char *path);

/* ---- statfs.c ---- */

/* statfs(2) of the filesystem holding inode: fills *st (zeroed first). 0 or -Exxx. */
int vfs_statfs(struct inode *inode, struct statfs *st);

/* ---- initrd.c: boot glue ---- */

/* Mounts ramfs as /, registers the built-in devices and creates /dev. */
void vfs_init(void);
/* Unpacks the boot module named "initrd" (or the first module) into /. */
void initrd_load_boot_module(void);
/*
 * Unpacks a newc cpio archive into the root filesystem. Returns 0, or
 * -EINVAL for a malformed archive (what came before the damage stays).
 */
int initrd_unpack(const void *archive, size_t len);

#endif
