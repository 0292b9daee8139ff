/*
 * From a directory back to its path, for getcwd(2). The path is rebuilt the
 * classic Unix way: go up through "..", and find the name of where we came
 * from in the dentry cache or else by listing the parent and matching the
 * inode number, until the caller's root is reached.
 *
 * At the root of a mounted filesystem the walk steps to the directory it
 * is mounted on, whose name its parent directory lists.
 */
#include <errno.h>
#include <fs/dcache.h>
#include <fs/mount.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/slab.h>

struct name_search {
	struct dir_context ctx;
	uint64_t ino;
	bool found;
	char name[NAME_MAX + 1];
};

static bool match_ino(struct dir_context *ctx, const char *name, size_t namelen, uint64_t ino,
                      unsigned type)
{
	struct name_search *s = container_of(ctx, struct name_search, ctx);
	if (ino != s->ino || namelen > NAME_MAX || (namelen == 1 && name[0] == '.') ||
	    (namelen == 2 && name[0] == '.' && name[1] == '.'))
		return true;
	memcpy(s->name, name, namelen);
	s->name[namelen] = '\0';
	s->found = true;
	return false;
}

/* Finds the name of child in dir into s->name; -ENOENT when it is not there. */
static int name_in_parent(struct inode *dir, struct inode *child, struct name_search *s)
{
	struct file *f;
	int err = vfs_open_inode(dir, O_RDONLY | O_DIRECTORY, &f);
	if (err)
		return err;
	s->ctx.actor = match_ino;
	s->ino = child->ino;
	s->found = false;
	err = vfs_readdir(f, &s->ctx);
	file_put(f);
	if (err)
		return err;
	return s->found ? 0 : -ENOENT;
}

int vfs_path_of(struct inode *dir, char *buf, size_t size)
{
	struct inode *root = vfs_current_root();
	if (!root)
		return -ENOENT;
	char *path = kmalloc(PATH_MAX);
	struct name_search *s = kmalloc(sizeof(*s));
	struct inode *cur = inode_get(dir);
	size_t pos = PATH_MAX - 1; /* the path is built backwards from the end of path */
	int err = -ENOMEM;

	if (!path || !s)
		goto out;
	path[pos] = '\0';
	for (;;) {
		cur = mount_cross_up(cur);
		if (cur == root)
			break;
		struct inode *parent;
		if (!cur->iops || !cur->iops->lookup) {
			err = -ENOTDIR;
			goto out;
		}
		err = cur->iops->lookup(cur, "..", &parent);
		if (err)
			goto out;
		if (parent == cur) {
			/* A filesystem root that is not our root: outside our view. */
			inode_put(parent);
			err = -ENOENT;
			goto out;
		}
		err = dcache_name_of(parent, cur, s->name) ? 0 : name_in_parent(parent, cur, s);
		inode_put(cur);
		cur = parent;
		if (err)
			goto out;
		size_t len = strlen(s->name);
		if (len + 1 > pos) {
			err = -ENAMETOOLONG;
			goto out;
		}
		pos -= len;
		memcpy(path + pos, s->name, len);
		path[--pos] = '/';
	}
	if (pos == PATH_MAX - 1)
		path[--pos] = '/';
	size_t total = PATH_MAX - pos; /* with the NUL */
	if (total > size) {
		err = -ERANGE;
		goto out;
	}
	memcpy(buf, path + pos, total);
	err = (int)total;
out:
	inode_put(cur);
	inode_put(root);
	kfree(s);
	kfree(path);
	return err;
}
