/*
 * The initial ramdisk: a newc cpio archive (fs/cpio.h) that the boot loader
 * loads as a module and that is unpacked into the root ramfs, with modes,
 * owners and modification times, until the ext2 root exists.
 *
 * The archive is untrusted input: a malformed one stops the unpacking with a
 * log line and -EINVAL (what was unpacked stays); an entry that cannot be
 * created (a ".." in its name, an unknown type, a name clash with a
 * directory) is logged and skipped. Missing parent directories are created.
 * Hard links (newc: entries sharing an inode number, the data in the last
 * one) become links to the first entry's file.
 */
#include <arch/mmu.h>
#include <boot.h>
#include <errno.h>
#include <fs/cpio.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <printk.h>

/* A regular file seen with nlink > 1, which later entries may link to. */
struct initrd_link {
	uint32_t ino, devmajor, devminor;
	char *path;
	struct initrd_link *next;
};

static bool has_dotdot(const char *path)
{
	for (const char *p = path; (p = strstr(p, "..")); p += 2) {
		bool starts = p == path || p[-1] == '/';
		bool ends = p[2] == '\0' || p[2] == '/';
		if (starts && ends)
			return true;
	}
	return false;
}

/* Creates the directories leading to path, as "mkdir -p" of its dirname would. */
static void make_parents(char *path)
{
	for (char *s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		(void)vfs_mkdir(NULL, path, 0755);
		*s = '/';
	}
}

/* Removes a non-directory at path, so an entry replaces what was there. */
static int clear_path(const char *path)
{
	int err = vfs_unlink(NULL, path);
	return err == -ENOENT ? 0 : err;
}

static int write_data(const char *path, int flags, const struct cpio_entry *e)
{
	struct file *f;
	int err = vfs_open(path, flags | O_WRONLY, e->mode & 07777, &f);
	if (err)
		return err;
	ssize_t n = kernel_write(f, e->data, e->size, 0);
	file_put(f);
	if (n < 0)
		return (int)n;
	return (size_t)n == e->size ? 0 : -ENOSPC;
}

static int unpack_file(const char *path, const struct cpio_entry *e, struct initrd_link **links)
{
	struct initrd_link *l = NULL;

	if (e->nlink > 1) {
		for (l = *links; l; l = l->next) {
			if (l->ino == e->ino && l->devmajor == e->devmajor &&
			    l->devminor == e->devminor)
				break;
		}
	}
	int err = clear_path(path);
	if (err)
		return err;
	if (l) {
		err = vfs_link(NULL, l->path, path);
		if (!err && e->size)
			err = write_data(path, O_TRUNC, e);
		return err;
	}
	err = write_data(path, O_CREAT | O_EXCL, e);
	if (err || e->nlink <= 1)
		return err;

	l = kmalloc(sizeof(*l));
	char *copy = kmalloc(strlen(path) + 1);
	if (!l || !copy) {
		kfree(l);
		kfree(copy);
		return 0; /* the file is there; only later links to it will be missing */
	}
	l->ino = e->ino;
	l->devmajor = e->devmajor;
	l->devminor = e->devminor;
	l->path = strcpy(copy, path);
	l->next = *links;
	*links = l;
	return 0;
}

static int unpack_symlink(const char *path, const struct cpio_entry *e)
{
	if (e->size == 0 || e->size >= PATH_MAX)
		return -EINVAL;
	char *target = kmalloc(e->size + 1);
	if (!target)
		return -ENOMEM;
	memcpy(target, e->data, e->size);
	target[e->size] = '\0';
	int err = -EINVAL;
	if (!memchr(target, '\0', e->size)) {
		err = clear_path(path);
		if (!err)
			err = vfs_symlink(NULL, target, path);
	}
	kfree(target);
	return err;
}

/* Gives the inode at path the entry's permission bits, owner and mtime. */
static int set_attrs(const char *path, const struct cpio_entry *e)
{
	struct inode *inode;
	int err = vfs_lookup(path, 0, &inode);
	if (err)
		return err;
	spin_lock(&inode->lock);
	inode->mode = (inode->mode & S_IFMT) | (e->mode & 07777);
	inode->uid = e->uid;
	inode->gid = e->gid;
	inode->mtime = (struct timespec){.tv_sec = (int64_t)e->mtime, .tv_nsec = 0};
	spin_unlock(&inode->lock);
	inode_put(inode);
	return 0;
}

static int unpack_entry(char *path, const struct cpio_entry *e, struct initrd_link **links)
{
	uint32_t type = e->mode & S_IFMT;
	int err;

	make_parents(path);
	switch (type) {
	case S_IFDIR:
		err = vfs_mkdir(NULL, path, e->mode & 07777);
		if (err == -EEXIST) {
			struct inode *inode;
			err = vfs_lookup(path, 0, &inode);
			if (!err) {
				err = S_ISDIR(inode->mode) ? 0 : -EEXIST;
				inode_put(inode);
			}
		}
		break;
	case S_IFREG:
		err = unpack_file(path, e, links);
		break;
	case S_IFLNK:
		err = unpack_symlink(path, e);
		break;
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
		err = clear_path(path);
		if (!err)
			err = vfs_mknod(NULL, path, e->mode, vfs_mkdev(e->rdevmajor, e->rdevminor));
		break;
	default:
		err = -EINVAL;
		break;
	}
	return err ? err : set_attrs(path, e);
}

int initrd_unpack(const void *archive, size_t len)
{
	struct initrd_link *links = NULL;
	struct cpio_iter it;
	struct cpio_entry e;
	unsigned entries = 0, skipped = 0;
	int rc;

	char *path = kmalloc(PATH_MAX);
	if (!path)
		return -ENOMEM;
	cpio_iter_init(&it, archive, len);
	while ((rc = cpio_next(&it, &e)) == 1) {
		int err = -ENAMETOOLONG;
		if (e.namelen + 1 < PATH_MAX) {
			path[0] = '/';
			memcpy(path + 1, e.name, e.namelen + 1);
			err = has_dotdot(path) ? -EINVAL : unpack_entry(path, &e, &links);
		}
		if (err) {
			pr_warn("initrd: %.*s: not unpacked (error %d)\n", (int)MIN(e.namelen, 200),
			        e.name, err);
			skipped++;
		} else {
			entries++;
		}
	}
	while (links) {
		struct initrd_link *next = links->next;
		kfree(links->path);
		kfree(links);
		links = next;
	}
	kfree(path);
	if (rc < 0) {
		pr_err("initrd: malformed archive at offset %zu; %u entries unpacked before it\n",
		       it.off, entries);
		return -EINVAL;
	}
	pr_info("initrd: %u entries unpacked (%u skipped), %zu bytes\n", entries, skipped, len);
	return 0;
}

void initrd_load_boot_module(void)
{
	const struct boot_module *m = NULL;

	for (unsigned i = 0; i < boot_info.nr_modules; i++) {
		if (!strcmp(boot_info.modules[i].name, "initrd")) {
			m = &boot_info.modules[i];
			break;
		}
	}
	if (!m && boot_info.nr_modules)
		m = &boot_info.modules[0];
	if (!m) {
		pr_info("initrd: no boot module\n");
		return;
	}
	if (m->end <= m->start) {
		pr_err("initrd: module '%s' is empty\n", m->name);
		return;
	}
	pr_info("initrd: unpacking module '%s' (%lu bytes)\n", m->name,
	        (unsigned long)(m->end - m->start));
	(void)initrd_unpack(phys_to_virt(m->start), m->end - m->start);
}
