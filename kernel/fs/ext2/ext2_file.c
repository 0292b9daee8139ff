/*
 * ext2 core, files (ext2.h): block maps that allocate on the way down,
 * writes, truncation with the freeing of data and indirect blocks, and file
 * sizes with the large_file feature. Indirect block level l (1 = single) is
 * worked on in scratch block l; scratch block 0 is left to the allocator.
 */
#include <errno.h>
#include <lib/string.h>
#include <uapi/stat.h>

#include "ext2.h"

static bool block_ok(const struct ext2_fs *fs, uint32_t blk)
{
	return blk >= fs->sb.s_first_data_block && blk < fs->sb.s_blocks_count;
}

uint64_t ext2_max_size(const struct ext2_fs *fs)
{
	uint64_t a = fs->addr_per_block;
	uint64_t blocks = EXT2_NDIR_BLOCKS + a + a * a + a * a * a;
	uint64_t max = blocks * fs->block_size;
	/* i_blocks counts 512-byte units in 32 bits; leave room for indirect blocks. */
	uint64_t by_iblocks = ((1ull << 32) - 1) * 512 / 2;
	if (max > by_iblocks)
		max = by_iblocks;
	if (fs->sb.s_rev_level < 1 && max > 0x7fffffff)
		max = 0x7fffffff;
	return max;
}

void ext2_set_size(struct ext2_fs *fs, struct ext2_inode *in, uint64_t size)
{
	in->i_size = (uint32_t)size;
	if (!S_ISREG(in->i_mode))
		return;
	in->i_size_high = (uint32_t)(size >> 32);
	if (size > 0x7fffffff && fs->sb.s_rev_level >= 1 &&
	    !(fs->sb.s_feature_ro_compat & EXT2_FEATURE_RO_COMPAT_LARGE_FILE)) {
		fs->sb.s_feature_ro_compat |= EXT2_FEATURE_RO_COMPAT_LARGE_FILE;
		fs->meta_dirty = true;
	}
}

static int wblock(struct ext2_fs *fs, uint64_t blk, const void *buf)
{
	if (fs->read_only || !fs->write_block)
		return -EROFS;
	return fs->write_block(fs->ctx, blk, buf) ? -EIO : 0;
}

/* Allocates a block for in near goal and counts it in i_blocks. */
static int new_block(struct ext2_fs *fs, struct ext2_inode *in, uint32_t goal, uint32_t *blk)
{
	int err = ext2_alloc_block(fs, goal, blk);
	if (!err)
		in->i_blocks += fs->block_size / 512;
	return err;
}

int ext2_map_block(struct ext2_fs *fs, struct ext2_inode *in, uint64_t lblk, bool create,
		   uint32_t goal, uint32_t *pblk, bool *fresh)
{
	uint64_t a = fs->addr_per_block;
	uint32_t offsets[4];
	int levels;
	unsigned slot;
	*fresh = false;
	if (lblk < EXT2_NDIR_BLOCKS) {
		slot = (unsigned)lblk;
		levels = 0;
	} else if ((lblk -= EXT2_NDIR_BLOCKS) < a) {
		slot = EXT2_IND_BLOCK;
		levels = 1;
		offsets[1] = (uint32_t)lblk;
	} else if ((lblk -= a) < a * a) {
		slot = EXT2_DIND_BLOCK;
		levels = 2;
		offsets[1] = (uint32_t)(lblk / a);
		offsets[2] = (uint32_t)(lblk % a);
	} else if ((lblk -= a * a) < a * a * a) {
		slot = EXT2_TIND_BLOCK;
		levels = 3;
		offsets[1] = (uint32_t)(lblk / (a * a));
		offsets[2] = (uint32_t)((lblk / a) % a);
		offsets[3] = (uint32_t)(lblk % a);
	} else {
		return -EFBIG;
	}
	uint32_t cur = in->i_block[slot];
	if (cur && !block_ok(fs, cur))
		return ext2_fail(fs, "block number out of range in an inode");
	if (!cur) {
		if (!create) {
			*pblk = 0;
			return 0;
		}
		int err = new_block(fs, in, goal, &cur);
		if (err)
			return err;
		in->i_block[slot] = cur;
		if (levels > 0) {
			memset(ext2_scratch(fs, 1), 0, fs->block_size);
			if ((err = wblock(fs, cur, ext2_scratch(fs, 1))))
				return err;
		} else {
			*fresh = true;
		}
	}
	for (int l = 1; l <= levels; l++) {
		uint8_t *ind = ext2_scratch(fs, l);
		if (fs->read_block(fs->ctx, cur, ind))
			return ext2_fail(fs, "cannot read an indirect block");
		uint32_t next;
		memcpy(&next, ind + offsets[l] * 4, 4);
		if (next && !block_ok(fs, next))
			return ext2_fail(fs, "block number out of range in an indirect block");
		if (!next) {
			if (!create) {
				*pblk = 0;
				return 0;
			}
			int err = new_block(fs, in, cur + 1, &next);
			if (err)
				return err;
			memcpy(ind + offsets[l] * 4, &next, 4);
			if ((err = wblock(fs, cur, ind)))
				return err;
			if (l < levels) {
				uint8_t *child = ext2_scratch(fs, l + 1);
				memset(child, 0, fs->block_size);
				if ((err = wblock(fs, next, child)))
					return err;
			} else {
				*fresh = true;
			}
		}
		cur = next;
	}
	*pblk = cur;
	return 0;
}

long ext2_write(struct ext2_fs *fs, struct ext2_inode *in, uint64_t off, const void *buf,
		size_t len)
{
	uint64_t max = ext2_max_size(fs);
	if (off >= max)
		return len ? -EFBIG : 0;
	if (len > max - off)
		len = (size_t)(max - off);
	int err = ext2_begin_change(fs);
	if (err)
		return err;
	uint32_t bs = fs->block_size;
	size_t done = 0;
	uint32_t goal = 0;
	while (done < len) {
		uint64_t pos = off + done;
		uint32_t in_block = (uint32_t)(pos % bs);
		size_t chunk = bs - in_block;
		if (chunk > len - done)
			chunk = len - done;
		uint32_t pblk;
		bool fresh;
		err = ext2_map_block(fs, in, pos / bs, true, goal, &pblk, &fresh);
		if (err)
			break;
		goal = pblk + 1;
		const uint8_t *src = (const uint8_t *)buf + done;
		if (chunk == bs) {
			err = wblock(fs, pblk, src);
		} else {
			uint8_t *data = ext2_scratch(fs, 0);
			if (fresh)
				memset(data, 0, bs);
			else if (fs->read_block(fs->ctx, pblk, data))
				err = ext2_fail(fs, "cannot read a data block");
			if (!err) {
				memcpy(data + in_block, src, chunk);
				err = wblock(fs, pblk, data);
			}
		}
		if (err)
			break;
		done += chunk;
	}
	if (done && off + done > ext2_inode_size(in))
		ext2_set_size(fs, in, off + done);
	return done ? (long)done : err;
}

/*
 * Frees the blocks of the subtree in *slot (level 1 = single indirect) that
 * map logical blocks >= first; base is the subtree's first logical block.
 * Frees the indirect block itself when nothing in it is left.
 */
static int free_tree(struct ext2_fs *fs, struct ext2_inode *in, uint32_t *slot, int level,
		     uint64_t base, uint64_t first)
{
	uint64_t a = fs->addr_per_block, span = 1;
	for (int l = 1; l < level; l++)
		span *= a;
	if (*slot == 0 || first >= base + span * a)
		return 0;
	if (!block_ok(fs, *slot))
		return ext2_fail(fs, "block number out of range in an inode");
	uint8_t *ind = ext2_scratch(fs, level);
	if (fs->read_block(fs->ctx, *slot, ind))
		return ext2_fail(fs, "cannot read an indirect block");
	bool changed = false;
	int err = 0;
	for (uint64_t i = 0; i < a && !err; i++) {
		uint64_t child_base = base + i * span;
		uint32_t child;
		memcpy(&child, ind + i * 4, 4);
		if (!child || first >= child_base + span)
			continue;
		if (level == 1) {
			err = ext2_free_block(fs, child);
			if (!err)
				in->i_blocks -= fs->block_size / 512;
			child = 0;
		} else {
			err = free_tree(fs, in, &child, level - 1, child_base, first);
		}
		memcpy(ind + i * 4, &child, 4);
		changed = true;
	}
	if (err)
		return err;
	if (first <= base) {
		err = ext2_free_block(fs, *slot);
		if (!err) {
			in->i_blocks -= fs->block_size / 512;
			*slot = 0;
		}
		return err;
	}
	return changed ? wblock(fs, *slot, ind) : 0;
}

/* free_tree() on the inode's own slot i. */
static int free_top(struct ext2_fs *fs, struct ext2_inode *in, unsigned i, int level,
		    uint64_t base, uint64_t first)
{
	uint32_t slot = in->i_block[i];
	int err = free_tree(fs, in, &slot, level, base, first);
	in->i_block[i] = slot;
	return err;
}

int ext2_truncate(struct ext2_fs *fs, struct ext2_inode *in, uint64_t size)
{
	if (size > ext2_max_size(fs))
		return -EFBIG;
	int err = ext2_begin_change(fs);
	if (err)
		return err;
	uint32_t bs = fs->block_size;
	uint64_t old = ext2_inode_size(in);
	bool fast_link = S_ISLNK(in->i_mode) && in->i_blocks == 0;
	if (size < old && !fast_link) {
		uint64_t first = (size + bs - 1) / bs, a = fs->addr_per_block;
		for (uint64_t i = first; i < EXT2_NDIR_BLOCKS && !err; i++) {
			if (!in->i_block[i])
				continue;
			err = ext2_free_block(fs, in->i_block[i]);
			if (!err) {
				in->i_blocks -= bs / 512;
				in->i_block[i] = 0;
			}
		}
		uint64_t base = EXT2_NDIR_BLOCKS;
		if (!err)
			err = free_top(fs, in, EXT2_IND_BLOCK, 1, base, first);
		base += a;
		if (!err)
			err = free_top(fs, in, EXT2_DIND_BLOCK, 2, base, first);
		base += a * a;
		if (!err)
			err = free_top(fs, in, EXT2_TIND_BLOCK, 3, base, first);
		if (err)
			return err;
		/* Bytes past the new end of the last block read as zeros if the file grows again. */
		if (size % bs) {
			uint32_t pblk;
			bool fresh;
			err = ext2_map_block(fs, in, size / bs, false, 0, &pblk, &fresh);
			if (err)
				return err;
			if (pblk) {
				uint8_t *data = ext2_scratch(fs, 0);
				if (fs->read_block(fs->ctx, pblk, data))
					return ext2_fail(fs, "cannot read a data block");
				memset(data + size % bs, 0, bs - size % bs);
				if ((err = wblock(fs, pblk, data)))
					return err;
			}
		}
	}
	if (size == 0 && fast_link)
		memset(in->i_block, 0, sizeof(in->i_block));
	ext2_set_size(fs, in, size);
	return 0;
}

int ext2_release_xattr(struct ext2_fs *fs, struct ext2_inode *in)
{
	uint32_t blk = in->i_file_acl;
	if (!blk)
		return 0;
	int err = ext2_begin_change(fs);
	if (err)
		return err;
	if (!block_ok(fs, blk))
		return ext2_fail(fs, "extended-attribute block number out of range");
	uint8_t *data = ext2_scratch(fs, 1); /* ext2_free_block() uses scratch 0 */
	if (fs->read_block(fs->ctx, blk, data))
		return ext2_fail(fs, "cannot read an extended-attribute block");
	struct ext2_xattr_header h;
	memcpy(&h, data, sizeof(h));
	if (h.h_magic != EXT2_XATTR_MAGIC || h.h_blocks != 1 || h.h_refcount == 0)
		return ext2_fail(fs, "bad extended-attribute block header");
	if (h.h_refcount > 1) {
		h.h_refcount--;
		memcpy(data, &h, sizeof(h));
		err = wblock(fs, blk, data);
	} else {
		err = ext2_free_block(fs, blk);
	}
	if (err)
		return err;
	uint32_t units = fs->block_size / 512;
	in->i_blocks = in->i_blocks > units ? in->i_blocks - units : 0;
	in->i_file_acl = 0;
	return 0;
}

int ext2_delete_inode(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *in)
{
	int err = ext2_release_xattr(fs, in);
	if (!err)
		err = ext2_truncate(fs, in, 0);
	in->i_dtime = fs->now;
	if (!err)
		err = ext2_write_inode(fs, ino, in);
	return err ? err : ext2_free_inode(fs, ino, S_ISDIR(in->i_mode));
}
