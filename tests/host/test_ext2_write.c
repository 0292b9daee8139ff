/* SOURCES: kernel/fs/ext2/ext2_core.c kernel/fs/ext2/ext2_alloc.c kernel/fs/ext2/ext2_file.c kernel/fs/ext2/ext2_dir.c */
/*
 * Host tests of the ext2 core's write side on images made by mke2fs, through
 * a file-backed block device: files through every level of indirection,
 * sparse files, files over 4 GiB, truncation, directories that grow,
 * unlink, hard links, symlinks, device nodes, renames within and across
 * directories, extended-attribute blocks freed or shared. Afterwards `e2fsck -fn` must find nothing to fix and debugfs
 * must read back what was written. Then mutated images: mounting and writing
 * either works or fails with an error, never a crash (ASan, UBSan).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include <errno.h>
#include "../../kernel/fs/ext2/ext2.h"

size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t n = strlen(src);
	if (size) {
		size_t k = n < size - 1 ? n : size - 1;
		memcpy(dst, src, k);
		dst[k] = 0;
	}
	return n;
}

struct disk {
	int fd;
	uint32_t bs;
	uint64_t size;
};

static int d_read(void *ctx, uint64_t block, void *buf)
{
	struct disk *d = ctx;
	if ((block + 1) * d->bs > d->size)
		return -EIO;
	return pread(d->fd, buf, d->bs, (off_t)(block * d->bs)) == (ssize_t)d->bs ? 0 : -EIO;
}

static int d_write(void *ctx, uint64_t block, const void *buf)
{
	struct disk *d = ctx;
	if ((block + 1) * d->bs > d->size)
		return -EIO;
	return pwrite(d->fd, buf, d->bs, (off_t)(block * d->bs)) == (ssize_t)d->bs ? 0 : -EIO;
}

static uint8_t scratch[EXT2_SCRATCH_BLOCKS * EXT2_MAX_BLOCK];

/* Mounts the image read-write like the kernel does: 0, or the refusal. */
static int open_fs(struct ext2_fs *fs, struct disk *d, const char *path)
{
	memset(fs, 0, sizeof(*fs));
	d->fd = open(path, O_RDWR);
	if (d->fd < 0)
		return -ENOENT;
	struct stat st;
	fstat(d->fd, &st);
	d->size = (uint64_t)st.st_size;
	if (pread(d->fd, &fs->sb, sizeof(fs->sb), 1024) != sizeof(fs->sb))
		return -EIO;
	fs->read_block = d_read;
	fs->write_block = d_write;
	fs->ctx = d;
	fs->scratch = scratch;
	fs->now = 1700000000;
	int err = ext2_check_super(fs, d->size);
	if (err)
		return err;
	d->bs = fs->block_size;
	fs->gd = malloc(ext2_gdt_bytes(fs));
	err = ext2_load_groups(fs);
	if (!err && !fs->read_only)
		err = ext2_mount_rw(fs);
	return err;
}

static int close_fs(struct ext2_fs *fs, struct disk *d)
{
	int err = ext2_flush_meta(fs, true);
	free(fs->gd);
	fs->gd = NULL;
	close(d->fd);
	return err;
}

/* ---- name-level operations, the sequences the VFS glue performs ---- */

static int rd(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *in)
{
	return ext2_read_inode(fs, ino, in);
}

static int lookup(struct ext2_fs *fs, uint32_t dir, const char *name, uint32_t *ino)
{
	struct ext2_inode in;
	int err = rd(fs, dir, &in);
	return err ? err : ext2_dir_lookup(fs, &in, name, strlen(name), ino);
}

static int make(struct ext2_fs *fs, uint32_t dir, const char *name, uint32_t mode,
		const char *target, uint32_t *out)
{
	struct ext2_inode d, r;
	uint32_t ino;
	int err = rd(fs, dir, &d);
	if (err)
		return err;
	if (ext2_dir_lookup(fs, &d, name, strlen(name), &ino) == 0)
		return -EEXIST;
	err = ext2_alloc_inode(fs, dir, S_ISDIR(mode), &ino);
	if (err)
		return err;
	memset(&r, 0, sizeof(r));
	r.i_mode = (uint16_t)mode;
	r.i_links_count = S_ISDIR(mode) ? 2 : 1;
	r.i_atime = r.i_mtime = r.i_ctime = fs->now;
	if (S_ISCHR(mode))
		r.i_block[0] = (4 << 8) | 64;
	if (S_ISDIR(mode))
		err = ext2_dir_init(fs, &r, ino, dir);
	else if (S_ISLNK(mode))
		err = ext2_set_symlink(fs, &r, target, strlen(target));
	if (!err)
		err = ext2_write_new_inode(fs, ino, &r);
	if (!err)
		err = ext2_dir_add(fs, &d, name, strlen(name), ino, ext2_ftype(fs, mode));
	if (err)
		return err;
	if (S_ISDIR(mode))
		d.i_links_count++;
	err = ext2_write_inode(fs, dir, &d);
	if (out)
		*out = ino;
	return err;
}

static int put(struct ext2_fs *fs, uint32_t ino, uint64_t off, const void *buf, size_t len)
{
	struct ext2_inode in;
	int err = rd(fs, ino, &in);
	if (err)
		return err;
	long n = ext2_write(fs, &in, off, buf, len);
	if (n < 0)
		return (int)n;
	if ((size_t)n != len)
		return -ENOSPC;
	return ext2_write_inode(fs, ino, &in);
}

static int set_len(struct ext2_fs *fs, uint32_t ino, uint64_t size)
{
	struct ext2_inode in;
	int err = rd(fs, ino, &in);
	if (!err)
		err = ext2_truncate(fs, &in, size);
	return err ? err : ext2_write_inode(fs, ino, &in);
}

/* Drops one link of ino; the last one frees it. */
static int drop_link(struct ext2_fs *fs, uint32_t ino, bool all)
{
	struct ext2_inode c;
	int err = rd(fs, ino, &c);
	if (err)
		return err;
	c.i_links_count = all ? 0 : c.i_links_count - 1;
	if (c.i_links_count == 0)
		return ext2_delete_inode(fs, ino, &c);
	return ext2_write_inode(fs, ino, &c);
}

static int unlink_name(struct ext2_fs *fs, uint32_t dir, const char *name)
{
	struct ext2_inode d, c;
	uint32_t ino;
	int err = rd(fs, dir, &d);
	if (!err)
		err = lookup(fs, dir, name, &ino);
	if (!err)
		err = rd(fs, ino, &c);
	if (err)
		return err;
	bool is_dir = S_ISDIR(c.i_mode);
	if (is_dir && ext2_dir_is_empty(fs, &c) != 1)
		return -ENOTEMPTY;
	err = ext2_dir_remove(fs, &d, name, strlen(name), &ino);
	if (!err && is_dir)
		d.i_links_count--;
	if (!err)
		err = ext2_write_inode(fs, dir, &d);
	return err ? err : drop_link(fs, ino, is_dir);
}

static int link_name(struct ext2_fs *fs, uint32_t dir, const char *name, uint32_t ino)
{
	struct ext2_inode d, c;
	int err = rd(fs, dir, &d);
	if (!err)
		err = rd(fs, ino, &c);
	if (!err)
		err = ext2_dir_add(fs, &d, name, strlen(name), ino, ext2_ftype(fs, c.i_mode));
	if (!err)
		err = ext2_write_inode(fs, dir, &d);
	c.i_links_count++;
	return err ? err : ext2_write_inode(fs, ino, &c);
}

/* Renames a file or directory to a new name that may exist (a file) in another directory. */
static int rename_name(struct ext2_fs *fs, uint32_t od, const char *on, uint32_t nd, const char *nn)
{
	uint32_t src, tgt, x;
	struct ext2_inode s, d;
	int err = lookup(fs, od, on, &src);
	if (!err)
		err = rd(fs, src, &s);
	if (err)
		return err;
	bool is_dir = S_ISDIR(s.i_mode);
	if (rd(fs, nd, &d))
		return -EIO;
	if (ext2_dir_lookup(fs, &d, nn, strlen(nn), &tgt) == 0) {
		err = ext2_dir_set(fs, &d, nn, strlen(nn), src, ext2_ftype(fs, s.i_mode));
		if (!err)
			err = drop_link(fs, tgt, false);
	} else {
		err = ext2_dir_add(fs, &d, nn, strlen(nn), src, ext2_ftype(fs, s.i_mode));
	}
	if (!err && is_dir && od != nd)
		d.i_links_count++;
	if (!err)
		err = ext2_write_inode(fs, nd, &d);
	if (!err)
		err = rd(fs, od, &d);
	if (!err)
		err = ext2_dir_remove(fs, &d, on, strlen(on), &x);
	if (!err && is_dir && od != nd) {
		d.i_links_count--;
		err = ext2_dir_set(fs, &s, "..", 2, nd, ext2_ftype(fs, S_IFDIR));
	}
	return err ? err : ext2_write_inode(fs, od, &d);
}

/* ---- checks with e2fsprogs ---- */

static int run(const char *cmd)
{
	int r = system(cmd);
	return WIFEXITED(r) ? WEXITSTATUS(r) : -1;
}

/* debugfs dumps path from img into a buffer; returns its length or -1. */
static long dump(const char *img, const char *path, uint8_t *buf, size_t max)
{
	char cmd[512];
	snprintf(cmd, sizeof(cmd), "debugfs -R 'dump %s /tmp/cairn-ext2w-dump' %s >/dev/null 2>&1",
		 path, img);
	if (run(cmd) != 0)
		return -1;
	FILE *f = fopen("/tmp/cairn-ext2w-dump", "rb");
	if (!f)
		return -1;
	long n = (long)fread(buf, 1, max, f);
	fclose(f);
	unlink("/tmp/cairn-ext2w-dump");
	return n;
}

static void fill(uint8_t *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (uint8_t)((i * 2654435761u + seed) >> 13);
}

#define BIG (3 * 1024 * 1024 + 123)

static void workload(int bs)
{
	char img[64], cmd[512];
	snprintf(img, sizeof(img), "/tmp/cairn-ext2w-%d.img", bs);
	snprintf(cmd, sizeof(cmd), "rm -f %s && mke2fs -q -F -t ext2 -b %d %s 96M >/dev/null 2>&1",
		 img, bs, img);
	CHECK(run(cmd) == 0, "%d: mke2fs", bs);
	struct ext2_fs fs;
	struct disk d;
	CHECK(open_fs(&fs, &d, img) == 0 && !fs.read_only, "%d: mounted read-write", bs);
	uint16_t mnt_count = fs.sb.s_mnt_count;
	static uint8_t big[BIG], got[BIG + 8192];
	fill(big, BIG, (unsigned)bs);
	uint32_t root = EXT2_ROOT_INO, f_big, f_sparse, f_huge, f_trunc, dir_a, dir_b, many, x;

	/* A 3 MiB file written in odd-sized pieces: direct, single and double indirect. */
	CHECK(make(&fs, root, "big.bin", S_IFREG | 0644, NULL, &f_big) == 0, "%d: create", bs);
	int err = 0;
	for (size_t off = 0; off < BIG && !err; off += 7777)
		err = put(&fs, f_big, off, big + off, off + 7777 <= BIG ? 7777 : BIG - off);
	CHECK(err == 0, "%d: 3 MiB file written", bs);
	struct ext2_inode in;
	rd(&fs, f_big, &in);
	CHECK(ext2_read(&fs, &in, 0, got, sizeof(got)) == BIG && !memcmp(got, big, BIG),
	      "%d: 3 MiB file reads back", bs);

	/* Sparse: a block far out (triple indirect with 1 KiB blocks). */
	CHECK(make(&fs, root, "sparse.bin", S_IFREG | 0644, NULL, &f_sparse) == 0 &&
		      put(&fs, f_sparse, 100u << 20, "far", 3) == 0,
	      "%d: sparse file at 100 MiB", bs);
	rd(&fs, f_sparse, &in);
	CHECK(ext2_inode_size(&in) == (100u << 20) + 3 && in.i_blocks < 64,
	      "%d: sparse file size %lu, %u sectors", bs, (unsigned long)ext2_inode_size(&in),
	      in.i_blocks);
	/* Past 4 GiB (large_file; triple indirect with 4 KiB blocks). */
	uint64_t huge_off = bs == 1024 ? (5ull << 30) : (6ull << 30);
	CHECK(make(&fs, root, "huge.bin", S_IFREG | 0644, NULL, &f_huge) == 0 &&
		      put(&fs, f_huge, huge_off, "beyond4G", 8) == 0,
	      "%d: write at %lu GiB", bs, (unsigned long)(huge_off >> 30));
	rd(&fs, f_huge, &in);
	char tail[8];
	CHECK(ext2_inode_size(&in) == huge_off + 8 &&
		      ext2_read(&fs, &in, huge_off, tail, 8) == 8 && !memcmp(tail, "beyond4G", 8),
	      "%d: file over 4 GiB reads back", bs);
	CHECK(fs.sb.s_feature_ro_compat & EXT2_FEATURE_RO_COMPAT_LARGE_FILE, "%d: large_file set",
	      bs);

	/* Truncation: shrink into the middle of a block, grow again: the gap reads as zeros. */
	CHECK(make(&fs, root, "trunc.bin", S_IFREG | 0600, NULL, &f_trunc) == 0 &&
		      put(&fs, f_trunc, 0, big, 600000) == 0,
	      "%d: file to truncate", bs);
	uint32_t free_before = fs.sb.s_free_blocks_count;
	CHECK(set_len(&fs, f_trunc, 1000) == 0 && set_len(&fs, f_trunc, 5000) == 0,
	      "%d: truncate down and up", bs);
	CHECK(fs.sb.s_free_blocks_count > free_before, "%d: truncation freed blocks", bs);
	rd(&fs, f_trunc, &in);
	memset(got, 0xee, 5000);
	bool zeros = true;
	long n = ext2_read(&fs, &in, 0, got, 5000);
	for (int i = 1000; i < 5000; i++)
		zeros &= got[i] == 0;
	CHECK(n == 5000 && !memcmp(got, big, 1000) && zeros, "%d: truncated tail is zeros", bs);
	CHECK(set_len(&fs, f_sparse, 0) == 0, "%d: sparse file truncated to 0", bs);

	/* Directories: one that grows over several blocks, names removed and reused. */
	CHECK(make(&fs, root, "a", S_IFDIR | 0755, NULL, &dir_a) == 0 &&
		      make(&fs, root, "b", S_IFDIR | 0755, NULL, &dir_b) == 0 &&
		      make(&fs, dir_a, "many", S_IFDIR | 0755, NULL, &many) == 0,
	      "%d: mkdir", bs);
	err = 0;
	char name[64];
	for (int i = 0; i < 400 && !err; i++) {
		snprintf(name, sizeof(name), "file-with-a-longish-name-%04d", i);
		uint32_t ino;
		err = make(&fs, many, name, S_IFREG | 0644, NULL, &ino);
		if (!err)
			err = put(&fs, ino, 0, name, strlen(name));
	}
	CHECK(err == 0, "%d: 400 files in one directory", bs);
	err = 0;
	for (int i = 0; i < 400 && !err; i += 2) {
		snprintf(name, sizeof(name), "file-with-a-longish-name-%04d", i);
		err = unlink_name(&fs, many, name);
	}
	CHECK(err == 0, "%d: every other one unlinked", bs);
	CHECK(lookup(&fs, many, "file-with-a-longish-name-0010", &x) == -ENOENT &&
		      lookup(&fs, many, "file-with-a-longish-name-0011", &x) == 0,
	      "%d: lookups after unlink", bs);
	CHECK(make(&fs, many, "x", S_IFREG | 0644, NULL, NULL) == 0 &&
		      make(&fs, many, "x", S_IFREG | 0644, NULL, NULL) == -EEXIST,
	      "%d: create, then EEXIST", bs);

	/* Links, symlinks, nodes. */
	CHECK(link_name(&fs, dir_b, "big-link", f_big) == 0, "%d: hard link", bs);
	char longtarget[300];
	memset(longtarget, 'y', 299);
	longtarget[299] = 0;
	CHECK(make(&fs, root, "fast", S_IFLNK | 0777, "big.bin", NULL) == 0 &&
		      make(&fs, root, "slow", S_IFLNK | 0777, longtarget, NULL) == 0,
	      "%d: fast and slow symlinks", bs);
	CHECK(make(&fs, root, "tty", S_IFCHR | 0600, NULL, NULL) == 0 &&
		      make(&fs, root, "fifo", S_IFIFO | 0600, NULL, NULL) == 0 &&
		      make(&fs, root, "sock", S_IFSOCK | 0600, NULL, NULL) == 0,
	      "%d: device node, FIFO, socket", bs);

	/* Renames: within a directory, across, over an existing file, a directory across. */
	CHECK(rename_name(&fs, many, "file-with-a-longish-name-0001", many, "renamed") == 0,
	      "%d: rename within a directory", bs);
	CHECK(rename_name(&fs, many, "renamed", dir_b, "moved") == 0, "%d: rename across", bs);
	CHECK(rename_name(&fs, many, "file-with-a-longish-name-0003", dir_b, "moved") == 0,
	      "%d: rename over an existing file", bs);
	CHECK(rename_name(&fs, dir_a, "many", dir_b, "many2") == 0, "%d: directory moved", bs);
	uint32_t dotdot;
	CHECK(lookup(&fs, many, "..", &dotdot) == 0 && dotdot == dir_b, "%d: '..' points at the new parent",
	      bs);
	CHECK(unlink_name(&fs, root, "a") == 0, "%d: rmdir of the emptied directory", bs);

	CHECK(close_fs(&fs, &d) == 0, "%d: unmounted", bs);

	snprintf(cmd, sizeof(cmd), "e2fsck -fn %s >/tmp/cairn-ext2w-fsck.log 2>&1", img);
	int fsck = run(cmd);
	CHECK(fsck == 0, "%d: e2fsck -fn finds nothing (exit %d)", bs, fsck);
	if (fsck != 0)
		run("cat /tmp/cairn-ext2w-fsck.log | head -40 | sed 's/^/# /'");
	n = dump(img, "/big.bin", got, sizeof(got));
	CHECK(n == BIG && !memcmp(got, big, BIG), "%d: debugfs reads the 3 MiB file", bs);
	n = dump(img, "/b/big-link", got, sizeof(got));
	CHECK(n == BIG, "%d: debugfs reads the hard link", bs);
	n = dump(img, "/trunc.bin", got, sizeof(got));
	CHECK(n == 5000 && !memcmp(got, big, 1000), "%d: debugfs reads the truncated file", bs);
	n = dump(img, "/b/moved", got, sizeof(got));
	CHECK(n == 29 && !memcmp(got, "file-with-a-longish-name-0003", 29),
	      "%d: debugfs reads the file renamed over another", bs);
	n = dump(img, "/b/many2/file-with-a-longish-name-0399", got, sizeof(got));
	CHECK(n == 29, "%d: debugfs reads a file in the moved directory", bs);
	snprintf(cmd, sizeof(cmd),
		 "debugfs -R 'stat /slow' %s 2>/dev/null | grep -q 'Fast link dest' && exit 1;"
		 "debugfs -R 'stat /fast' %s 2>/dev/null | grep -q 'Fast link dest: \"big.bin\"'",
		 img, img);
	CHECK(run(cmd) == 0, "%d: debugfs sees a fast and a slow symlink", bs);

	/* Mounting again counts the mount and finds the disk clean. */
	CHECK(open_fs(&fs, &d, img) == 0 && fs.sb.s_mnt_count == mnt_count + 1,
	      "%d: clean after unmount; mount count %u", bs, fs.sb.s_mnt_count);
	/* Without a clean unmount, the next mount is read-only. */
	close(d.fd);
	free(fs.gd);
	CHECK(open_fs(&fs, &d, img) == 0 && fs.read_only, "%d: unclean filesystem is read-only (%s)",
	      bs, fs.why_read_only);
	close(d.fd);
	free(fs.gd);
	unlink(img);
}

/*
 * Extended-attribute blocks: debugfs gives /a and /b a block each, the test
 * makes /c share /b's (reference count 2, as Linux shares identical blocks);
 * deleting /a frees its block, deleting /b leaves the shared block to /c
 * with a count of 1, deleting /c frees it; e2fsck is clean at every step.
 */
static void xattrs(int bs)
{
	char img[64], cmd[768];
	snprintf(img, sizeof(img), "/tmp/cairn-ext2x-%d.img", bs);
	snprintf(cmd, sizeof(cmd),
		 "rm -f %s && mke2fs -q -F -t ext2 -I 128 -b %d %s 8M >/dev/null 2>&1 && "
		 "printf 'write /etc/hostname a\\nwrite /etc/hostname b\\nwrite /etc/hostname c\\n"
		 "ea_set a user.one first-value\\nea_set b user.two second-value\\n' | "
		 "debugfs -w -f - %s >/dev/null 2>&1",
		 img, bs, img, img);
	CHECK(run(cmd) == 0, "%d: xattr image made by mke2fs and debugfs ea_set", bs);
	struct ext2_fs fs;
	struct disk d;
	struct ext2_inode a, b, c;
	uint32_t ia = 0, ib = 0, ic = 0;
	CHECK(open_fs(&fs, &d, img) == 0 && !fs.read_only, "%d: xattr image mounts read-write", bs);
	CHECK(lookup(&fs, EXT2_ROOT_INO, "a", &ia) == 0 && lookup(&fs, EXT2_ROOT_INO, "b", &ib) == 0 &&
		      lookup(&fs, EXT2_ROOT_INO, "c", &ic) == 0 && rd(&fs, ia, &a) == 0 &&
		      rd(&fs, ib, &b) == 0 && rd(&fs, ic, &c) == 0 && a.i_file_acl &&
		      b.i_file_acl && a.i_file_acl != b.i_file_acl && !c.i_file_acl,
	      "%d: /a and /b have their own attribute blocks (%u, %u)", bs, a.i_file_acl,
	      b.i_file_acl);
	uint32_t shared = b.i_file_acl, own = a.i_file_acl;
	/* Share /b's block with /c. */
	uint8_t *blk = malloc(bs);
	struct ext2_xattr_header h;
	CHECK(blk && d_read(&d, shared, blk) == 0, "%d: read the shared block", bs);
	memcpy(&h, blk, sizeof(h));
	CHECK(h.h_magic == EXT2_XATTR_MAGIC && h.h_refcount == 1, "%d: header magic and count 1", bs);
	h.h_refcount = 2;
	memcpy(blk, &h, sizeof(h));
	c.i_file_acl = shared;
	c.i_blocks += bs / 512;
	CHECK(d_write(&d, shared, blk) == 0 && ext2_write_inode(&fs, ic, &c) == 0,
	      "%d: /c shares /b's block (count 2)", bs);
	CHECK(close_fs(&fs, &d) == 0, "%d: unmount", bs);
	snprintf(cmd, sizeof(cmd), "e2fsck -fn %s >/dev/null 2>&1", img);
	CHECK(run(cmd) == 0, "%d: e2fsck -fn accepts the shared block", bs);

	CHECK(open_fs(&fs, &d, img) == 0, "%d: mount again", bs);
	uint32_t free0 = fs.sb.s_free_blocks_count;
	CHECK(unlink_name(&fs, EXT2_ROOT_INO, "a") == 0 && fs.sb.s_free_blocks_count == free0 + 2,
	      "%d: deleting /a frees its data and attribute blocks (%u -> %u)", bs, free0,
	      fs.sb.s_free_blocks_count);
	CHECK(unlink_name(&fs, EXT2_ROOT_INO, "b") == 0 && fs.sb.s_free_blocks_count == free0 + 3,
	      "%d: deleting /b frees only its data block", bs);
	CHECK(d_read(&d, shared, blk) == 0 && (memcpy(&h, blk, sizeof(h)), h.h_refcount == 1),
	      "%d: the shared block's count is 1", bs);
	CHECK(close_fs(&fs, &d) == 0 && run(cmd) == 0, "%d: e2fsck -fn clean after two deletes", bs);
	CHECK(open_fs(&fs, &d, img) == 0, "%d: mount a third time", bs);
	free0 = fs.sb.s_free_blocks_count;
	CHECK(unlink_name(&fs, EXT2_ROOT_INO, "c") == 0 && fs.sb.s_free_blocks_count == free0 + 2,
	      "%d: deleting /c frees its data block and the shared block", bs);
	CHECK(close_fs(&fs, &d) == 0 && run(cmd) == 0, "%d: e2fsck -fn clean after the last", bs);
	(void)own;

	/* A corrupt header fails the filesystem instead of freeing a stranger's block. */
	snprintf(cmd, sizeof(cmd),
		 "printf 'write /etc/hostname e\\nea_set e user.x y\\n' | debugfs -w -f - %s "
		 ">/dev/null 2>&1",
		 img);
	CHECK(run(cmd) == 0 && open_fs(&fs, &d, img) == 0, "%d: a fourth file with attributes", bs);
	uint32_t ie = 0;
	struct ext2_inode e;
	CHECK(lookup(&fs, EXT2_ROOT_INO, "e", &ie) == 0 && rd(&fs, ie, &e) == 0 && e.i_file_acl &&
		      d_read(&d, e.i_file_acl, blk) == 0,
	      "%d: its attribute block", bs);
	memset(blk, 0x5a, 16);
	d_write(&d, e.i_file_acl, blk);
	CHECK(unlink_name(&fs, EXT2_ROOT_INO, "e") != 0 && fs.failed,
	      "%d: a bad attribute header is an error (%s)", bs, fs.why_read_only);
	free(fs.gd);
	close(d.fd);
	free(blk);
	unlink(img);
}

/* Mutated images: mount, write, remove; errors are fine, crashes are not. */
static void mutations(void)
{
	const char *img = "/tmp/cairn-ext2w-fuzz.img", *work = "/tmp/cairn-ext2w-fuzz-work.img";
	char cmd[512];
	snprintf(cmd, sizeof(cmd),
		 "rm -f %s && mkdir -p /tmp/cairn-ext2w-src/d && echo hi > /tmp/cairn-ext2w-src/d/f && "
		 "head -c 300000 /dev/urandom > /tmp/cairn-ext2w-src/r && "
		 "mke2fs -q -F -t ext2 -b 1024 -d /tmp/cairn-ext2w-src %s 2M >/dev/null 2>&1",
		 img, img);
	CHECK(run(cmd) == 0, "fuzz: base image");
	FILE *f = fopen(img, "rb");
	static uint8_t base[2 << 20], buf[2 << 20];
	size_t size = fread(base, 1, sizeof(base), f);
	fclose(f);
	srand(99);
	int mounted = 0, refused = 0, ops_ok = 0, ops_err = 0;
	for (int round = 0; round < 300; round++) {
		memcpy(buf, base, size);
		int flips = 1 + rand() % 6;
		for (int k = 0; k < flips; k++)
			buf[1024 + (size_t)rand() % (48 * 1024)] = (uint8_t)rand();
		f = fopen(work, "wb");
		fwrite(buf, 1, size, f);
		fclose(f);
		struct ext2_fs fs;
		struct disk d;
		int err = open_fs(&fs, &d, work);
		if (err || fs.read_only) {
			refused++;
			if (d.fd >= 0)
				close(d.fd);
			free(fs.gd);
			continue;
		}
		mounted++;
		uint32_t ino, dir;
		static uint8_t data[70000];
		int e = make(&fs, EXT2_ROOT_INO, "new", S_IFREG | 0644, NULL, &ino);
		if (!e)
			e = put(&fs, ino, 0, data, sizeof(data));
		e |= make(&fs, EXT2_ROOT_INO, "nd", S_IFDIR | 0755, NULL, &dir);
		e |= unlink_name(&fs, EXT2_ROOT_INO, "r");
		if (lookup(&fs, EXT2_ROOT_INO, "d", &dir) == 0)
			e |= unlink_name(&fs, dir, "f");
		e |= rename_name(&fs, EXT2_ROOT_INO, "new", EXT2_ROOT_INO, "renamed");
		if (e)
			ops_err++;
		else
			ops_ok++;
		close_fs(&fs, &d);
	}
	CHECK(mounted + refused == 300, "fuzz: %d mounted read-write (%d with all operations "
	      "working, %d with errors), %d refused or read-only; no crash",
	      mounted, ops_ok, ops_err, refused);
	unlink(work);
	unlink(img);
	run("rm -rf /tmp/cairn-ext2w-src");
}

int main(void)
{
	workload(1024);
	workload(4096);
	xattrs(1024);
	xattrs(4096);
	mutations();
	return check_done();
}
