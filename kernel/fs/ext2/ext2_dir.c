/*
 * ext2 core, directory changes (ext2.h): adding an entry in the first gap
 * big enough (splitting a live entry's slack) or in a new block, removing
 * one by merging it into its predecessor, repointing one, the emptiness
 * test for rmdir, a new directory's "." and "..", and symlink targets.
 * Directories are kept unindexed: a change clears EXT2_INDEX_FL.
 */
#include <errno.h>
#include <lib/string.h>
#include <uapi/stat.h>

#include "ext2.h"

static int wblock(struct ext2_fs *fs, uint64_t blk, const void *buf)
{
	if (fs->read_only || !fs->write_block)
		return -EROFS;
	return fs->write_block(fs->ctx, blk, buf) ? -EIO : 0;
}

static uint32_t rec_size(size_t name_len)
{
	return (uint32_t)((8 + name_len + 3) & ~(size_t)3);
}

uint8_t ext2_ftype(const struct ext2_fs *fs, uint32_t mode)
{
	if (fs->sb.s_rev_level < 1 || !(fs->sb.s_feature_incompat & EXT2_FEATURE_INCOMPAT_FILETYPE))
		return 0;
	switch (mode & S_IFMT) {
	case S_IFREG: return EXT2_FT_REG_FILE;
	case S_IFDIR: return EXT2_FT_DIR;
	case S_IFCHR: return EXT2_FT_CHRDEV;
	case S_IFBLK: return EXT2_FT_BLKDEV;
	case S_IFIFO: return EXT2_FT_FIFO;
	case S_IFSOCK: return EXT2_FT_SOCK;
	case S_IFLNK: return EXT2_FT_SYMLINK;
	}
	return EXT2_FT_UNKNOWN;
}

static void put_entry(uint8_t *at, uint32_t ino, uint32_t rec_len, const char *name, size_t len,
		      uint8_t ftype)
{
	struct ext2_dir_entry e = {.inode = ino, .rec_len = (uint16_t)rec_len,
				   .name_len = (uint8_t)len, .file_type = ftype};
	memcpy(at, &e, 8);
	memcpy(at + 8, name, len);
	/* Zero the padding so the block holds no stale name bytes. */
	memset(at + 8 + len, 0, rec_size(len) - 8 - len);
}

/*
 * Reads directory block l into scratch 0: 0 with *pblk, or -EIO (a hole or
 * a bad block number in a directory is corruption).
 */
static int read_dir_block(struct ext2_fs *fs, struct ext2_inode *dir, uint64_t l, uint32_t *pblk)
{
	if (ext2_bmap(fs, dir, l, pblk) || *pblk == 0)
		return ext2_fail(fs, "bad block in a directory");
	if (fs->read_block(fs->ctx, *pblk, ext2_scratch(fs, 0)))
		return ext2_fail(fs, "cannot read a directory block");
	return 0;
}

int ext2_dir_add(struct ext2_fs *fs, struct ext2_inode *dir, const char *name, size_t len,
		 uint32_t ino, uint8_t ftype)
{
	int err = ext2_begin_change(fs);
	if (err)
		return err;
	if (len == 0 || len > 255)
		return -EINVAL;
	uint32_t bs = fs->block_size, need = rec_size(len);
	uint64_t nblocks = ext2_inode_size(dir) / bs;
	dir->i_flags &= ~EXT2_INDEX_FL;
	uint8_t *blk = ext2_scratch(fs, 0);
	for (uint64_t l = 0; l < nblocks; l++) {
		uint32_t pblk;
		if ((err = read_dir_block(fs, dir, l, &pblk)))
			return err;
		uint32_t off = 0, at;
		struct ext2_dirent_view e;
		int r;
		while (at = off, (r = ext2_dirent_next(blk, bs, &off, &e)) > 0) {
			uint32_t rec = off - at;
			uint32_t used = e.ino ? rec_size(e.name_len) : 0;
			if (rec - used < need)
				continue;
			if (used) {
				uint16_t shrunk = (uint16_t)used;
				memcpy(blk + at + 4, &shrunk, 2);
			}
			put_entry(blk + at + used, ino, rec - used, name, len, ftype);
			return wblock(fs, pblk, blk);
		}
		if (r < 0)
			return ext2_fail(fs, "corrupt directory entry");
	}
	/* No room: a new block at the end of the directory. */
	uint32_t pblk;
	bool fresh;
	err = ext2_map_block(fs, dir, nblocks, true, 0, &pblk, &fresh);
	if (err)
		return err;
	memset(blk, 0, bs);
	put_entry(blk, ino, bs, name, len, ftype);
	err = wblock(fs, pblk, blk);
	if (!err)
		ext2_set_size(fs, dir, (nblocks + 1) * bs);
	return err;
}

/*
 * Finds name: 0 with its block's number in *pblk (its contents in scratch 0),
 * the entry's offset in *at and its predecessor's in *prev (UINT32_MAX if it
 * is first in the block).
 */
static int find_entry(struct ext2_fs *fs, struct ext2_inode *dir, const char *name, size_t len,
		      uint32_t *pblk, uint32_t *at, uint32_t *prev)
{
	if (!S_ISDIR(dir->i_mode))
		return -ENOTDIR;
	uint32_t bs = fs->block_size;
	uint64_t nblocks = ext2_inode_size(dir) / bs;
	uint8_t *blk = ext2_scratch(fs, 0);
	for (uint64_t l = 0; l < nblocks; l++) {
		int err = read_dir_block(fs, dir, l, pblk);
		if (err)
			return err;
		uint32_t off = 0, here;
		*prev = UINT32_MAX;
		struct ext2_dirent_view e;
		int r;
		while (here = off, (r = ext2_dirent_next(blk, bs, &off, &e)) > 0) {
			if (e.ino && e.name_len == len && !memcmp(e.name, name, len)) {
				if (e.ino > fs->sb.s_inodes_count)
					return ext2_fail(fs, "directory entry names a bad inode");
				*at = here;
				return 0;
			}
			*prev = here;
		}
		if (r < 0)
			return ext2_fail(fs, "corrupt directory entry");
	}
	return -ENOENT;
}

int ext2_dir_remove(struct ext2_fs *fs, struct ext2_inode *dir, const char *name, size_t len,
		    uint32_t *ino)
{
	int err = ext2_begin_change(fs);
	if (err)
		return err;
	uint32_t pblk, at, prev;
	if ((err = find_entry(fs, dir, name, len, &pblk, &at, &prev)))
		return err;
	uint8_t *blk = ext2_scratch(fs, 0);
	struct ext2_dir_entry e;
	memcpy(&e, blk + at, 8);
	*ino = e.inode;
	dir->i_flags &= ~EXT2_INDEX_FL;
	if (prev == UINT32_MAX) {
		uint32_t zero = 0;
		memcpy(blk + at, &zero, 4);
	} else {
		uint16_t prev_rec;
		memcpy(&prev_rec, blk + prev + 4, 2);
		prev_rec = (uint16_t)(prev_rec + e.rec_len);
		memcpy(blk + prev + 4, &prev_rec, 2);
	}
	return wblock(fs, pblk, blk);
}

int ext2_dir_set(struct ext2_fs *fs, struct ext2_inode *dir, const char *name, size_t len,
		 uint32_t ino, uint8_t ftype)
{
	int err = ext2_begin_change(fs);
	if (err)
		return err;
	uint32_t pblk, at, prev;
	if ((err = find_entry(fs, dir, name, len, &pblk, &at, &prev)))
		return err;
	uint8_t *blk = ext2_scratch(fs, 0);
	memcpy(blk + at, &ino, 4);
	blk[at + 7] = ftype;
	return wblock(fs, pblk, blk);
}

int ext2_dir_is_empty(struct ext2_fs *fs, struct ext2_inode *dir)
{
	uint32_t bs = fs->block_size;
	uint64_t nblocks = ext2_inode_size(dir) / bs;
	uint8_t *blk = ext2_scratch(fs, 0);
	for (uint64_t l = 0; l < nblocks; l++) {
		uint32_t pblk;
		int err = read_dir_block(fs, dir, l, &pblk);
		if (err)
			return err;
		uint32_t off = 0;
		struct ext2_dirent_view e;
		int r;
		while ((r = ext2_dirent_next(blk, bs, &off, &e)) > 0) {
			if (!e.ino)
				continue;
			if ((e.name_len == 1 && e.name[0] == '.') ||
			    (e.name_len == 2 && e.name[0] == '.' && e.name[1] == '.'))
				continue;
			return 0;
		}
		if (r < 0)
			return ext2_fail(fs, "corrupt directory entry");
	}
	return 1;
}

int ext2_dir_init(struct ext2_fs *fs, struct ext2_inode *dir, uint32_t self, uint32_t parent)
{
	uint32_t pblk;
	bool fresh;
	int err = ext2_map_block(fs, dir, 0, true, 0, &pblk, &fresh);
	if (err)
		return err;
	uint8_t *blk = ext2_scratch(fs, 0);
	uint8_t ft = ext2_ftype(fs, S_IFDIR);
	memset(blk, 0, fs->block_size);
	put_entry(blk, self, 12, ".", 1, ft);
	put_entry(blk + 12, parent, fs->block_size - 12, "..", 2, ft);
	err = wblock(fs, pblk, blk);
	if (!err)
		ext2_set_size(fs, dir, fs->block_size);
	return err;
}

int ext2_set_symlink(struct ext2_fs *fs, struct ext2_inode *in, const char *target, size_t len)
{
	if (len < sizeof(in->i_block)) {
		memcpy(in->i_block, target, len);
		ext2_set_size(fs, in, len);
		return 0;
	}
	long n = ext2_write(fs, in, 0, target, len);
	return n < 0 ? (int)n : (size_t)n == len ? 0 : -ENOSPC;
}
