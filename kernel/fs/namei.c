/*
 * The path layer: turns a path into an inode, one component at a time,
 * through the dentry cache (fs/dcache.c) and on a miss each directory's
 * lookup(). Absolute paths start at the caller's
 * root, relative ones at its working directory (or at a given directory for
 * the *at calls). "." stays, ".." goes up (never above the root), repeated
 * slashes are one, a trailing slash demands a directory, and symlinks are
 * spliced into the rest of the path, at most VFS_MAX_SYMLINKS of them.
 *
 * FIXME: permission bits are not checked yet (the security issue adds
 * search permission on each directory).
 */
#include <errno.h>
#include <fs/dcache.h>
#include <fs/mount.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <proc/process.h>

static struct inode *global_root;
/* Guards global_root and every process's root and cwd pointers. */
static struct spinlock vfs_root_lock = SPINLOCK_INIT("vfs_root");

struct inode *vfs_root(void)
{
	return global_root;
}

void vfs_set_root(struct inode *root)
{
	if (root)
		inode_get(root);
	spin_lock(&vfs_root_lock);
	struct inode *old = global_root;
	global_root = root;
	spin_unlock(&vfs_root_lock);
	inode_put(old);
}

static struct process *caller_proc(void)
{
	return current ? current_proc() : NULL;
}

/* Returns *slot, or the global root when it is NULL, with a reference; NULL if neither. */
static struct inode *get_or_root(struct inode *const *slot)
{
	spin_lock(&vfs_root_lock);
	struct inode *inode = slot && *slot ? *slot : global_root;
	if (inode)
		inode_get(inode);
	spin_unlock(&vfs_root_lock);
	return inode;
}

struct inode *vfs_current_root(void)
{
	struct process *p = caller_proc();
	return get_or_root(p ? &p->root : NULL);
}

struct inode *vfs_current_cwd(void)
{
	struct process *p = caller_proc();
	return get_or_root(p ? &p->cwd : NULL);
}

uint32_t vfs_current_umask(void)
{
	struct process *p = caller_proc();
	return p ? p->umask : 0;
}

void vfs_set_cwd(struct process *proc, struct inode *dir)
{
	inode_get(dir);
	spin_lock(&vfs_root_lock);
	struct inode *old = proc->cwd;
	proc->cwd = dir;
	spin_unlock(&vfs_root_lock);
	inode_put(old);
}

void vfs_set_proc_root(struct process *proc, struct inode *dir)
{
	inode_get(dir);
	spin_lock(&vfs_root_lock);
	struct inode *old = proc->root;
	proc->root = dir;
	spin_unlock(&vfs_root_lock);
	inode_put(old);
}

void vfs_proc_fork(struct process *child, struct process *parent)
{
	spin_lock(&vfs_root_lock);
	child->root = parent->root ? inode_get(parent->root) : NULL;
	child->cwd = parent->cwd ? inode_get(parent->cwd) : NULL;
	spin_unlock(&vfs_root_lock);
}

void vfs_proc_exit(struct process *proc)
{
	spin_lock(&vfs_root_lock);
	struct inode *root = proc->root, *cwd = proc->cwd;
	proc->root = proc->cwd = NULL;
	spin_unlock(&vfs_root_lock);
	inode_put(root);
	inode_put(cwd);
}

/* The state of one walk. path and spare are PATH_MAX buffers. */
struct walk {
	struct inode *root; /* referenced */
	struct inode *cur;  /* referenced: the directory reached so far */
	int flags;
	int nlinks;
	char *path;  /* the path being walked */
	char *spare; /* where a symlink target and the rest are joined */
};

static int walk_start(struct walk *w, struct inode *base, const char *path, int flags)
{
	size_t len = strnlen(path, PATH_MAX);
	if (len >= PATH_MAX)
		return -ENAMETOOLONG;
	if (len == 0)
		return -ENOENT;
	w->path = kmalloc(2 * PATH_MAX);
	if (!w->path)
		return -ENOMEM;
	w->spare = w->path + PATH_MAX;
	memcpy(w->path, path, len + 1);
	w->flags = flags;
	w->nlinks = 0;
	w->root = vfs_current_root();
	if (!w->root) {
		kfree(w->path);
		return -ENOENT;
	}
	if (path[0] == '/')
		w->cur = inode_get(w->root);
	else
		w->cur = base ? inode_get(base) : vfs_current_cwd();
	return 0;
}

static void walk_end(struct walk *w)
{
	inode_put(w->cur);
	inode_put(w->root);
	kfree(w->path < w->spare ? w->path : w->spare);
}

/* Looks name up in dir: ".." from the filesystem, other names through the dentry cache. */
static int dir_lookup(struct inode *dir, const char *name, struct inode **out)
{
	if (!dir->iops || !dir->iops->lookup)
		return -ENOTDIR;
	if (!strcmp(name, ".."))
		return dir->iops->lookup(dir, name, out);
	return dcache_lookup(dir, name, out);
}

/*
 * Replaces the walk's path with the target of link followed by rest (the
 * part of the path after the link's name, from its slash on).
 */
static int splice_symlink(struct walk *w, struct inode *link, const char *rest)
{
	if (++w->nlinks > VFS_MAX_SYMLINKS)
		return -ELOOP;
	if (!link->iops || !link->iops->readlink)
		return -ENOENT;
	int n = link->iops->readlink(link, w->spare, PATH_MAX);
	if (n < 0)
		return n;
	if (n == 0)
		return -ENOENT;
	size_t restlen = strlen(rest);
	if ((size_t)n >= PATH_MAX || (size_t)n + restlen >= PATH_MAX)
		return -ENAMETOOLONG;
	memcpy(w->spare + n, rest, restlen + 1);
	char *t = w->path;
	w->path = w->spare;
	w->spare = t;
	return 0;
}

/*
 * Walks w->path from w->cur. Without parent, leaves the inode the path names
 * in w->cur. With parent, stops before the last component and describes it
 * in *parent (w->cur is then its directory).
 */
static int walk(struct walk *w, struct vfs_parent *parent)
{
	char name[NAME_MAX + 1];
	char *p = w->path;

	for (;;) {
		while (*p == '/')
			p++;
		if (!*p) {
			/* The path ended at a directory: "/", "a/." or a link to one. */
			if (parent) {
				parent->name[0] = '\0';
				parent->trailing_slash = false;
			}
			return 0;
		}
		char *end = p;
		while (*end && *end != '/')
			end++;
		size_t len = end - p;
		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		char *next = end;
		while (*next == '/')
			next++;
		bool last = !*next;
		bool trailing = last && next != end;

		if (!S_ISDIR(w->cur->mode))
			return -ENOTDIR;
		int err = inode_permission(w->cur, MAY_EXEC);
		if (err)
			return err;
		memcpy(name, p, len);
		name[len] = '\0';
		if (last && parent) {
			memcpy(parent->name, name, len + 1);
			parent->trailing_slash = trailing;
			return 0;
		}
		if (!strcmp(name, ".") || (!strcmp(name, "..") && w->cur == w->root)) {
			p = next;
			continue;
		}

		if (!strcmp(name, "..")) /* leave a mounted filesystem through its mount point */
			w->cur = mount_cross_up(w->cur);
		struct inode *child;
		err = dir_lookup(w->cur, name, &child);
		if (err)
			return err;
		child = mount_cross_down(child);
		if (S_ISLNK(child->mode) && (!last || trailing || (w->flags & LOOKUP_FOLLOW))) {
			err = splice_symlink(w, child, end);
			inode_put(child);
			if (err)
				return err;
			p = w->path;
			if (*p == '/') {
				inode_put(w->cur);
				w->cur = inode_get(w->root);
			}
			continue;
		}
		inode_put(w->cur);
		w->cur = child;
		p = next;
		if (last)
			return trailing && !S_ISDIR(child->mode) ? -ENOTDIR : 0;
	}
}

int vfs_lookup_at(struct inode *base, const char *path, int flags, struct inode **out)
{
	struct walk w;
	int err;

	if (flags & LOOKUP_PARENT) {
		struct vfs_parent pp;
		err = vfs_lookup_parent(base, path, &pp);
		if (!err)
			*out = pp.dir;
		return err;
	}
	err = walk_start(&w, base, path, flags);
	if (err)
		return err;
	err = walk(&w, NULL);
	if (!err) {
		*out = w.cur;
		w.cur = NULL;
	}
	walk_end(&w);
	return err;
}

int vfs_lookup_parent(struct inode *base, const char *path, struct vfs_parent *out)
{
	struct walk w;
	int err = walk_start(&w, base, path, 0);
	if (err)
		return err;
	err = walk(&w, out);
	if (!err) {
		out->dir = w.cur;
		w.cur = NULL;
	}
	walk_end(&w);
	return err;
}

void vfs_parent_put(struct vfs_parent *p)
{
	inode_put(p->dir);
	p->dir = NULL;
}
