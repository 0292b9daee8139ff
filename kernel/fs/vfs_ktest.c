/* Self-tests of the file, directory and path layers over ramfs. */
#include <arch/mmu.h>
#include <errno.h>
#include <lib/string.h>
#include <mm/page.h>
#include <mm/pmm.h>
#include <mm/slab.h>
#include <uapi/dirent.h>

#include "vfs_ktest.h"

KTEST(vfs_file_rw)
{
	struct file *f, *g;
	struct stat st;
	char buf[32];

	KT_ASSERT(vfs_mkdir(NULL, "/kt_rw", 0755) == 0);
	KT_ASSERT(vfs_open("/kt_rw/file", O_CREAT | O_EXCL | O_RDWR, 0644, &f) == 0);
	struct uio u = uio_kernel("hello world", 11);
	KT_ASSERT(vfs_write(f, &u) == 11 && u.len == 0);
	KT_ASSERT(vfs_lseek(f, 0, SEEK_SET) == 0);
	u = uio_kernel(buf, sizeof(buf));
	KT_ASSERT(vfs_read(f, &u) == 11 && !memcmp(buf, "hello world", 11));
	u = uio_kernel(buf, sizeof(buf));
	KT_ASSERT(vfs_read(f, &u) == 0);
	KT_ASSERT(vfs_lseek(f, 0, SEEK_END) == 11);
	KT_ASSERT(vfs_lseek(f, -5, SEEK_CUR) == 6);
	u = uio_kernel(buf, 5);
	KT_ASSERT(vfs_read(f, &u) == 5 && !memcmp(buf, "world", 5));
	KT_ASSERT(vfs_lseek(f, -1, SEEK_SET) == -EINVAL);
	KT_ASSERT(vfs_lseek(f, 0, 42) == -EINVAL);

	KT_ASSERT(kt_stat("/kt_rw/file", true, &st) == 0);
	KT_ASSERT(st.st_size == 11 && st.st_mode == (S_IFREG | 0644) && st.st_nlink == 1);
	KT_ASSERT(vfs_open("/kt_rw/file", O_CREAT | O_EXCL | O_RDWR, 0644, &g) == -EEXIST);
	KT_ASSERT(vfs_open("/kt_rw/nothere", O_RDONLY, 0, &g) == -ENOENT);

	/* Access modes are enforced on the open file. */
	KT_ASSERT(vfs_open("/kt_rw/file", O_RDONLY, 0, &g) == 0);
	u = uio_kernel("x", 1);
	KT_ASSERT(vfs_write(g, &u) == -EBADF);
	file_put(g);

	/* O_APPEND writes at the end whatever the position. */
	KT_ASSERT(vfs_open("/kt_rw/file", O_WRONLY | O_APPEND, 0, &g) == 0);
	u = uio_kernel("!", 1);
	KT_ASSERT(vfs_write(g, &u) == 1);
	file_put(g);
	KT_ASSERT(kt_read_file("/kt_rw/file", buf, sizeof(buf)) == 12 &&
	          !memcmp(buf, "hello world!", 12));

	/* A sparse write: the hole reads as zeros. */
	KT_ASSERT(kernel_write(f, "end", 3, 10000) == 3);
	KT_ASSERT(kernel_read(f, buf, 4, 9998) == 4 && !memcmp(buf, "\0\0en", 4));
	KT_ASSERT(kt_stat("/kt_rw/file", true, &st) == 0 && st.st_size == 10003);

	/* O_TRUNC empties it. */
	KT_ASSERT(vfs_open("/kt_rw/file", O_WRONLY | O_TRUNC, 0, &g) == 0);
	file_put(g);
	KT_ASSERT(kt_stat("/kt_rw/file", true, &st) == 0 && st.st_size == 0 && st.st_blocks == 0);

	/* Unlinked, the file lives on while it is open. */
	KT_ASSERT(kernel_write(f, "still", 5, 0) == 5);
	KT_ASSERT(vfs_unlink(NULL, "/kt_rw/file") == 0);
	KT_ASSERT(kt_stat("/kt_rw/file", true, &st) == -ENOENT);
	KT_ASSERT(kernel_read(f, buf, 5, 0) == 5 && !memcmp(buf, "still", 5));
	KT_ASSERT(vfs_stat(f->inode, &st) == 0 && st.st_nlink == 0);
	file_put(f);
	KT_ASSERT(vfs_unlink(NULL, "/kt_rw/file") == -ENOENT);
	KT_ASSERT(vfs_rmdir(NULL, "/kt_rw") == 0);
	return 0;
}

KTEST(vfs_dirs)
{
	struct inode *a, *b;
	struct stat st;
	struct file *f;

	KT_ASSERT(vfs_mkdir(NULL, "/kt_dir", 0755) == 0);
	KT_ASSERT(vfs_mkdir(NULL, "/kt_dir", 0755) == -EEXIST);
	KT_ASSERT(vfs_mkdir(NULL, "/kt_dir/a/", 0700) == 0); /* a trailing slash is fine */
	KT_ASSERT(vfs_mkdir(NULL, "/kt_dir/a/b", 0755) == 0);
	KT_ASSERT(vfs_mkdir(NULL, "/kt_dir/x/y", 0755) == -ENOENT);
	KT_ASSERT(vfs_mkdir(NULL, "/", 0755) == -EEXIST);
	KT_ASSERT(kt_stat("/kt_dir/a", true, &st) == 0);
	KT_ASSERT(st.st_mode == (S_IFDIR | 0700) && st.st_nlink == 3);
	KT_ASSERT(kt_write_file("/kt_dir/a/file", "x", 1) == 0);

	/* ".", "..", repeated and trailing slashes. */
	KT_ASSERT(vfs_lookup("/kt_dir/a/b", 0, &a) == 0);
	KT_ASSERT(vfs_lookup("//kt_dir///a/./b/../b/", 0, &b) == 0 && a == b);
	inode_put(b);
	KT_ASSERT(vfs_lookup("/kt_dir/a/b/../../..", 0, &b) == 0 && b == vfs_root());
	inode_put(b);
	KT_ASSERT(vfs_lookup("/../../kt_dir/a/b", 0, &b) == 0 && a == b);
	inode_put(b);
	KT_ASSERT(vfs_lookup_at(a, "..", 0, &b) == 0 && b->ino != a->ino && S_ISDIR(b->mode));
	inode_put(b);
	KT_ASSERT(vfs_lookup("/kt_dir/a/b", LOOKUP_PARENT, &b) == 0);
	struct inode *parent = b;
	KT_ASSERT(vfs_lookup_at(parent, "b", 0, &b) == 0 && a == b);
	inode_put(b);
	inode_put(parent);
	inode_put(a);

	/* ENOTDIR: through a file, a trailing slash on a file, O_DIRECTORY. */
	KT_ASSERT(vfs_lookup("/kt_dir/a/file/x", 0, &a) == -ENOTDIR);
	KT_ASSERT(vfs_lookup("/kt_dir/a/file/", 0, &a) == -ENOTDIR);
	KT_ASSERT(vfs_open("/kt_dir/a/file", O_RDONLY | O_DIRECTORY, 0, &f) == -ENOTDIR);
	KT_ASSERT(vfs_open("/kt_dir/a", O_WRONLY, 0, &f) == -EISDIR);
	KT_ASSERT(vfs_open("/kt_dir/a", O_RDONLY | O_CREAT, 0644, &f) == -EISDIR);
	KT_ASSERT(vfs_open("/kt_dir/new/", O_RDWR | O_CREAT, 0644, &f) == -EISDIR);
	KT_ASSERT(vfs_open("/kt_dir/a", O_RDONLY | O_DIRECTORY, 0, &f) == 0);
	struct uio u = uio_kernel(&st, 1);
	KT_ASSERT(vfs_read(f, &u) == -EISDIR);
	file_put(f);

	/* Removing: the wrong kind, not empty, then in order. */
	KT_ASSERT(vfs_rmdir(NULL, "/kt_dir/a") == -ENOTEMPTY);
	KT_ASSERT(vfs_rmdir(NULL, "/kt_dir/a/file") == -ENOTDIR);
	KT_ASSERT(vfs_unlink(NULL, "/kt_dir/a/b") == -EISDIR);
	KT_ASSERT(vfs_unlink(NULL, "/kt_dir/a/file/") == -ENOTDIR);
	KT_ASSERT(vfs_rmdir(NULL, "/kt_dir/a/.") == -EINVAL);
	KT_ASSERT(vfs_rmdir(NULL, "/") == -EBUSY);
	KT_ASSERT(vfs_unlink(NULL, "/kt_dir/a/file") == 0);
	KT_ASSERT(vfs_lookup("/kt_dir/a", 0, &a) == 0);
	KT_ASSERT(vfs_rmdir(NULL, "/kt_dir/a/b") == 0);
	KT_ASSERT(vfs_rmdir(NULL, "/kt_dir/a") == 0);
	/* A removed directory still referenced is empty and refuses new names. */
	KT_ASSERT(a->nlink == 0 && vfs_lookup_at(a, "..", 0, &b) == -ENOENT);
	KT_ASSERT(vfs_mkdir(a, "c", 0755) == -ENOENT);
	inode_put(a);
	KT_ASSERT(kt_stat("/kt_dir", true, &st) == 0 && st.st_nlink == 2);
	KT_ASSERT(vfs_rmdir(NULL, "/kt_dir") == 0);
	return 0;
}

KTEST(vfs_symlinks)
{
	char buf[PATH_MAX + 8];
	struct inode *inode;
	struct file *f;
	struct stat st;

	KT_ASSERT(vfs_mkdir(NULL, "/kt_sym", 0755) == 0);
	KT_ASSERT(vfs_mkdir(NULL, "/kt_sym/d", 0755) == 0);
	KT_ASSERT(kt_write_file("/kt_sym/d/target", "data", 4) == 0);
	KT_ASSERT(vfs_symlink(NULL, "d/target", "/kt_sym/rel") == 0);
	KT_ASSERT(vfs_symlink(NULL, "/kt_sym/d", "/kt_sym/abs") == 0);
	KT_ASSERT(vfs_symlink(NULL, "../d/target", "/kt_sym/d/up") == 0);
	KT_ASSERT(vfs_symlink(NULL, "nowhere", "/kt_sym/dangling") == 0);
	KT_ASSERT(vfs_symlink(NULL, "x", "/kt_sym/rel") == -EEXIST);

	KT_ASSERT(kt_read_file("/kt_sym/rel", buf, 8) == 4 && !memcmp(buf, "data", 4));
	KT_ASSERT(kt_read_file("/kt_sym/abs/target", buf, 8) == 4);
	KT_ASSERT(kt_read_file("/kt_sym/abs/up", buf, 8) == 4);
	KT_ASSERT(kt_read_file("/kt_sym/dangling", buf, 8) == -ENOENT);
	KT_ASSERT(vfs_readlink(NULL, "/kt_sym/rel", buf, sizeof(buf)) == 8 &&
	          !memcmp(buf, "d/target", 8));
	KT_ASSERT(vfs_readlink(NULL, "/kt_sym/rel", buf, 3) == 3);
	KT_ASSERT(vfs_readlink(NULL, "/kt_sym/d", buf, sizeof(buf)) == -EINVAL);
	KT_ASSERT(kt_stat("/kt_sym/rel", false, &st) == 0 && S_ISLNK(st.st_mode) &&
	          st.st_size == 8);
	KT_ASSERT(kt_stat("/kt_sym/rel", true, &st) == 0 && S_ISREG(st.st_mode));
	KT_ASSERT(vfs_open("/kt_sym/rel", O_RDONLY | O_NOFOLLOW, 0, &f) == -ELOOP);
	KT_ASSERT(vfs_open("/kt_sym/rel", O_RDONLY | O_CREAT | O_EXCL, 0644, &f) == -EEXIST);
	KT_ASSERT(vfs_open("/kt_sym/rel", O_RDONLY | O_CREAT, 0644, &f) == 0);
	file_put(f);
	/* A trailing slash follows even a final link, which must then be a directory. */
	KT_ASSERT(vfs_lookup("/kt_sym/abs/", 0, &inode) == 0 && S_ISDIR(inode->mode));
	inode_put(inode);
	KT_ASSERT(vfs_lookup("/kt_sym/rel/", 0, &inode) == -ENOTDIR);

	/* Loops, and the limit of 40 links. */
	KT_ASSERT(vfs_symlink(NULL, "loop_b", "/kt_sym/loop_a") == 0);
	KT_ASSERT(vfs_symlink(NULL, "loop_a", "/kt_sym/loop_b") == 0);
	KT_ASSERT(vfs_symlink(NULL, "self", "/kt_sym/self") == 0);
	KT_ASSERT(vfs_lookup("/kt_sym/loop_a", LOOKUP_FOLLOW, &inode) == -ELOOP);
	KT_ASSERT(vfs_lookup("/kt_sym/self/x", 0, &inode) == -ELOOP);
	KT_ASSERT(vfs_lookup("/kt_sym/loop_a", 0, &inode) == 0 && S_ISLNK(inode->mode));
	inode_put(inode);
	for (int i = 0; i <= VFS_MAX_SYMLINKS; i++) {
		char name[32], target[32];
		ksnprintf(name, sizeof(name), "/kt_sym/c%d", i);
		if (i == VFS_MAX_SYMLINKS)
			ksnprintf(target, sizeof(target), "d/target");
		else
			ksnprintf(target, sizeof(target), "c%d", i + 1);
		KT_ASSERT(vfs_symlink(NULL, target, name) == 0);
	}
	KT_ASSERT(vfs_lookup("/kt_sym/c1", LOOKUP_FOLLOW, &inode) == 0 && S_ISREG(inode->mode));
	inode_put(inode);
	KT_ASSERT(vfs_lookup("/kt_sym/c0", LOOKUP_FOLLOW, &inode) == -ELOOP);

	/* A target too long to splice into the path. */
	memset(buf, 'a', PATH_MAX);
	buf[PATH_MAX] = '\0';
	KT_ASSERT(vfs_symlink(NULL, buf, "/kt_sym/long") == -ENAMETOOLONG);
	buf[PATH_MAX - 10] = '\0';
	for (int i = 100; i < PATH_MAX - 10; i += 100)
		buf[i] = '/';
	KT_ASSERT(vfs_symlink(NULL, buf, "/kt_sym/long") == 0);
	KT_ASSERT(vfs_lookup("/kt_sym/long/0123456789", 0, &inode) == -ENAMETOOLONG);
	return 0;
}

KTEST(vfs_names)
{
	char *path = kmalloc(PATH_MAX + 16);
	struct inode *inode;
	KT_ASSERT(path);

	KT_ASSERT(vfs_mkdir(NULL, "/kt_names", 0755) == 0);
	memcpy(path, "/kt_names/", 10);
	memset(path + 10, 'n', NAME_MAX);
	path[10 + NAME_MAX] = '\0';
	KT_ASSERT(kt_write_file(path, "", 0) == 0); /* exactly NAME_MAX is fine */
	KT_ASSERT(vfs_lookup(path, 0, &inode) == 0);
	inode_put(inode);
	path[10 + NAME_MAX] = 'n';
	path[11 + NAME_MAX] = '\0';
	KT_ASSERT(kt_write_file(path, "", 0) == -ENAMETOOLONG);
	KT_ASSERT(vfs_lookup(path, 0, &inode) == -ENAMETOOLONG);
	KT_ASSERT(vfs_mkdir(NULL, path, 0755) == -ENAMETOOLONG);

	/* A path of PATH_MAX bytes without its NUL is too long, even if it is all slashes. */
	memset(path, '/', PATH_MAX);
	path[PATH_MAX] = '\0';
	KT_ASSERT(vfs_lookup(path, 0, &inode) == -ENAMETOOLONG);
	path[PATH_MAX - 1] = '\0';
	KT_ASSERT(vfs_lookup(path, 0, &inode) == 0 && inode == vfs_root());
	inode_put(inode);
	KT_ASSERT(vfs_lookup("", 0, &inode) == -ENOENT);
	kfree(path);
	return 0;
}

/* Collects a listing as "name:type " strings, at most max entries per call. */
struct listing {
	struct dir_context ctx;
	char text[256];
	size_t len;
	int taken, max;
};

static bool listing_actor(struct dir_context *ctx, const char *name, size_t namelen, uint64_t ino,
                          unsigned type)
{
	struct listing *l = container_of(ctx, struct listing, ctx);
	if (l->taken == l->max)
		return false;
	l->len += ksnprintf(l->text + l->len, sizeof(l->text) - l->len, "%.*s:%u ", (int)namelen,
	                    name, type);
	l->taken++;
	return true;
}

/* Lists the directory open as f from its position, max entries at a time. */
static void list_dir(struct file *f, struct listing *l, int max)
{
	l->ctx.actor = listing_actor;
	l->len = 0;
	l->text[0] = '\0';
	l->max = max;
	do {
		l->taken = 0;
		vfs_readdir(f, &l->ctx);
	} while (l->taken == max);
}

KTEST(vfs_readdir)
{
	struct listing l;
	struct file *f;

	KT_ASSERT(vfs_mkdir(NULL, "/kt_ls", 0755) == 0);
	KT_ASSERT(kt_write_file("/kt_ls/a", "", 0) == 0);
	KT_ASSERT(kt_write_file("/kt_ls/b", "", 0) == 0);
	KT_ASSERT(vfs_mkdir(NULL, "/kt_ls/c", 0755) == 0);
	KT_ASSERT(vfs_symlink(NULL, "a", "/kt_ls/d") == 0);
	KT_ASSERT(vfs_mknod(NULL, "/kt_ls/e", S_IFCHR | 0600, vfs_mkdev(1, 3)) == 0);

	KT_ASSERT(vfs_open("/kt_ls", O_RDONLY | O_DIRECTORY, 0, &f) == 0);
	list_dir(f, &l, 100);
	KT_ASSERT(!strcmp(l.text, ".:4 ..:4 a:8 b:8 c:4 d:10 e:2 "));
	/* Again from the start, two entries per call: the positions resume correctly. */
	KT_ASSERT(vfs_lseek(f, 0, SEEK_SET) == 0);
	list_dir(f, &l, 2);
	KT_ASSERT(!strcmp(l.text, ".:4 ..:4 a:8 b:8 c:4 d:10 e:2 "));
	/* Entries removed at and after the position do not disturb the rest. */
	KT_ASSERT(vfs_lseek(f, 0, SEEK_SET) == 0);
	l.taken = 0;
	l.max = 3;
	l.len = 0;
	KT_ASSERT(vfs_readdir(f, &l.ctx) == 0 && !strcmp(l.text, ".:4 ..:4 a:8 "));
	KT_ASSERT(vfs_unlink(NULL, "/kt_ls/a") == 0);
	KT_ASSERT(vfs_unlink(NULL, "/kt_ls/b") == 0);
	list_dir(f, &l, 100);
	KT_ASSERT(!strcmp(l.text, "c:4 d:10 e:2 "));
	file_put(f);

	KT_ASSERT(vfs_open("/kt_ls/e", O_RDONLY, 0, &f) == 0);
	KT_ASSERT(vfs_readdir(f, &l.ctx) == -ENOTDIR);
	file_put(f);
	return 0;
}

static uint8_t pattern(size_t i)
{
	return (uint8_t)(i * 7 + (i >> 8) + (i >> 16));
}

KTEST(vfs_bigfile)
{
	const size_t size = 1 << 20;
	uint8_t *buf = kmalloc(5000);
	struct file *f;
	struct stat st;
	KT_ASSERT(buf);

	uint64_t free_before = pmm_free_count();
	KT_ASSERT(vfs_open("/kt_big", O_CREAT | O_RDWR | O_TRUNC, 0600, &f) == 0);
	for (size_t off = 0; off < size; off += 3000) {
		size_t n = MIN((size_t)3000, size - off);
		for (size_t i = 0; i < n; i++)
			buf[i] = pattern(off + i);
		struct uio u = uio_kernel(buf, n);
		KT_ASSERT(vfs_write(f, &u) == (ssize_t)n);
	}
	KT_ASSERT(vfs_stat(f->inode, &st) == 0 && st.st_size == (int64_t)size);
	KT_ASSERT(st.st_blocks == (int64_t)(size / 512));
	KT_ASSERT(vfs_lseek(f, 0, SEEK_SET) == 0);
	size_t total = 0;
	for (;;) {
		struct uio u = uio_kernel(buf, 5000);
		ssize_t n = vfs_read(f, &u);
		KT_ASSERT(n >= 0);
		if (n == 0)
			break;
		for (ssize_t i = 0; i < n; i++)
			KT_ASSERT(buf[i] == pattern(total + i));
		total += n;
	}
	KT_ASSERT(total == size);

	/* Shrink into the middle of a page, then grow: the new bytes are zero. */
	KT_ASSERT(vfs_truncate(f->inode, 1000) == 0);
	KT_ASSERT(vfs_stat(f->inode, &st) == 0 && st.st_size == 1000 && st.st_blocks == 8);
	KT_ASSERT(vfs_truncate(f->inode, 8192) == 0);
	KT_ASSERT(kernel_read(f, buf, 5000, 0) == 5000);
	for (size_t i = 0; i < 5000; i++)
		KT_ASSERT(buf[i] == (i < 1000 ? pattern(i) : 0));

	/* Shared mapping pages: referenced for the mapper, surviving truncation. */
	phys_addr_t pa = f->ops->map_page(f, 1);
	KT_ASSERT(pa && page_refcount(pa) == 2);
	memcpy((char *)phys_to_virt(pa) + 10, "mapped", 6);
	KT_ASSERT(kernel_read(f, buf, 6, PAGE_SIZE + 10) == 6 && !memcmp(buf, "mapped", 6));
	KT_ASSERT(f->ops->map_page(f, 2) == 0); /* beyond the end */
	KT_ASSERT(vfs_truncate(f->inode, 0) == 0);
	KT_ASSERT(page_refcount(pa) == 1);
	page_put(pa);

	file_put(f);
	KT_ASSERT(vfs_unlink(NULL, "/kt_big") == 0);
	kfree(buf);
	/* Every data page went back (a little slack for the allocators' own pages). */
	KT_ASSERT(pmm_free_count() + 8 >= free_before);
	return 0;
}

KTEST(vfs_getcwd)
{
	char buf[64];
	struct inode *dir;

	KT_ASSERT(vfs_path_of(vfs_root(), buf, sizeof(buf)) == 2 && !strcmp(buf, "/"));
	KT_ASSERT(vfs_mkdir(NULL, "/kt_cwd", 0755) == 0);
	KT_ASSERT(vfs_mkdir(NULL, "/kt_cwd/one", 0755) == 0);
	KT_ASSERT(vfs_mkdir(NULL, "/kt_cwd/one/two", 0755) == 0);
	KT_ASSERT(vfs_mkdir(NULL, "/kt_cwd/one/other", 0755) == 0);
	KT_ASSERT(vfs_lookup("/kt_cwd/one/two", 0, &dir) == 0);
	KT_ASSERT(vfs_path_of(dir, buf, sizeof(buf)) == 16 && !strcmp(buf, "/kt_cwd/one/two"));
	KT_ASSERT(vfs_path_of(dir, buf, 15) == -ERANGE);
	KT_ASSERT(vfs_rmdir(NULL, "/kt_cwd/one/two") == 0);
	KT_ASSERT(vfs_path_of(dir, buf, sizeof(buf)) == -ENOENT);
	inode_put(dir);
	return 0;
}
