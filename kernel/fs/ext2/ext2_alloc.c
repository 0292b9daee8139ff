/*
 * ext2 core, write side (ext2.h): the group descriptors, the block and inode
 * bitmaps, the superblock's counts and state. The free counts live in memory
 * (fs->sb, fs->gd) and reach the disk in ext2_flush_meta(); bitmaps and
 * inodes are written through fs->write_block as they change.
 */
#include <errno.h>
#include <lib/string.h>
#include <uapi/stat.h>

#include "ext2.h"

static bool block_ok(const struct ext2_fs *fs, uint32_t blk)
{
	return blk >= fs->sb.s_first_data_block && blk < fs->sb.s_blocks_count;
}

static int wblock(struct ext2_fs *fs, uint64_t blk, const void *buf)
{
	if (fs->read_only || !fs->write_block)
		return -EROFS;
	return fs->write_block(fs->ctx, blk, buf) ? -EIO : 0;
}

static uint32_t group_first(const struct ext2_fs *fs, uint32_t g)
{
	return fs->sb.s_first_data_block + g * fs->sb.s_blocks_per_group;
}

static uint32_t group_blocks(const struct ext2_fs *fs, uint32_t g)
{
	uint32_t first = group_first(fs, g);
	uint32_t left = fs->sb.s_blocks_count - first;
	return left < fs->sb.s_blocks_per_group ? left : fs->sb.s_blocks_per_group;
}

static uint32_t inode_table_blocks(const struct ext2_fs *fs)
{
	return (fs->sb.s_inodes_per_group + fs->inodes_per_block - 1) / fs->inodes_per_block;
}

size_t ext2_gdt_bytes(const struct ext2_fs *fs)
{
	return (size_t)fs->nr_groups * sizeof(struct ext2_group_desc);
}

static bool bit_test(const uint8_t *map, uint32_t i)
{
	return map[i / 8] & (1u << (i % 8));
}

static uint32_t count_zero_bits(const uint8_t *map, uint32_t n)
{
	uint32_t zeros = 0;
	for (uint32_t i = 0; i < n; i++)
		zeros += !bit_test(map, i);
	return zeros;
}

static void set_read_only(struct ext2_fs *fs, const char *why)
{
	if (fs->read_only)
		return;
	fs->read_only = true;
	strlcpy(fs->why_read_only, why, sizeof(fs->why_read_only));
}

int ext2_load_groups(struct ext2_fs *fs)
{
	uint32_t bs = fs->block_size;
	size_t bytes = ext2_gdt_bytes(fs);
	fs->gdt_blocks = (uint32_t)((bytes + bs - 1) / bs);
	uint8_t *buf = ext2_scratch(fs, 0);
	for (uint32_t i = 0; i < fs->gdt_blocks; i++) {
		if (fs->read_block(fs->ctx, fs->sb.s_first_data_block + 1 + i, buf))
			return -EIO;
		size_t n = bytes - (size_t)i * bs < bs ? bytes - (size_t)i * bs : bs;
		memcpy((uint8_t *)fs->gd + (size_t)i * bs, buf, n);
	}
	fs->clean_on_disk = (fs->sb.s_state & EXT2_VALID_FS) != 0;
	uint64_t free_blocks = 0, free_inodes = 0;
	uint32_t table = inode_table_blocks(fs);
	for (uint32_t g = 0; g < fs->nr_groups; g++) {
		const struct ext2_group_desc *d = &fs->gd[g];
		if (!block_ok(fs, d->bg_block_bitmap) || !block_ok(fs, d->bg_inode_bitmap) ||
		    !block_ok(fs, d->bg_inode_table) ||
		    (uint64_t)d->bg_inode_table + table > fs->sb.s_blocks_count) {
			set_read_only(fs, "bad group descriptors");
			return 0;
		}
		if (d->bg_free_blocks_count > group_blocks(fs, g) ||
		    d->bg_free_inodes_count > fs->sb.s_inodes_per_group ||
		    d->bg_used_dirs_count > fs->sb.s_inodes_per_group) {
			set_read_only(fs, "bad counts in the group descriptors");
			return 0;
		}
		if (fs->read_only)
			continue; /* the bitmaps matter only for writing */
		if (fs->read_block(fs->ctx, d->bg_block_bitmap, buf))
			return -EIO;
		if (count_zero_bits(buf, group_blocks(fs, g)) != d->bg_free_blocks_count) {
			set_read_only(fs, "block bitmap disagrees with its group's count");
			return 0;
		}
		if (fs->read_block(fs->ctx, d->bg_inode_bitmap, buf))
			return -EIO;
		if (count_zero_bits(buf, fs->sb.s_inodes_per_group) != d->bg_free_inodes_count) {
			set_read_only(fs, "inode bitmap disagrees with its group's count");
			return 0;
		}
		free_blocks += d->bg_free_blocks_count;
		free_inodes += d->bg_free_inodes_count;
	}
	if (!fs->read_only && (free_blocks != fs->sb.s_free_blocks_count ||
			       free_inodes != fs->sb.s_free_inodes_count))
		set_read_only(fs, "bad free counts in the superblock");
	return 0;
}

/* Writes fs->sb into the block that holds it. */
static int write_super(struct ext2_fs *fs)
{
	uint32_t blk = EXT2_SUPER_OFFSET / fs->block_size;
	uint32_t off = EXT2_SUPER_OFFSET % fs->block_size;
	uint8_t *buf = ext2_scratch(fs, 0);
	if (fs->read_block(fs->ctx, blk, buf))
		return -EIO;
	fs->sb.s_wtime = fs->now;
	memcpy(buf + off, &fs->sb, sizeof(fs->sb));
	return wblock(fs, blk, buf);
}

int ext2_fail(struct ext2_fs *fs, const char *why)
{
	if (fs->failed)
		return -EIO;
	fs->failed = true;
	if (!fs->read_only && fs->write_block) {
		fs->sb.s_state |= EXT2_ERROR_FS;
		write_super(fs);
	}
	fs->read_only = true;
	strlcpy(fs->why_read_only, why, sizeof(fs->why_read_only));
	return -EIO;
}

int ext2_begin_change(struct ext2_fs *fs)
{
	if (fs->read_only || fs->failed || !fs->write_block || !fs->gd)
		return -EROFS;
	if (fs->clean_on_disk) {
		fs->sb.s_state &= (uint16_t)~EXT2_VALID_FS;
		int err = write_super(fs);
		if (err)
			return err;
		fs->clean_on_disk = false;
	}
	return 0;
}

int ext2_flush_meta(struct ext2_fs *fs, bool clean)
{
	if (fs->read_only || !fs->gd)
		return 0;
	if (!fs->meta_dirty && clean == fs->clean_on_disk)
		return 0;
	uint32_t bs = fs->block_size;
	size_t bytes = ext2_gdt_bytes(fs);
	uint8_t *buf = ext2_scratch(fs, 0);
	for (uint32_t i = 0; i < fs->gdt_blocks; i++) {
		uint64_t blk = fs->sb.s_first_data_block + 1 + i;
		if (fs->read_block(fs->ctx, blk, buf))
			return -EIO;
		size_t n = bytes - (size_t)i * bs < bs ? bytes - (size_t)i * bs : bs;
		memcpy(buf, (uint8_t *)fs->gd + (size_t)i * bs, n);
		int err = wblock(fs, blk, buf);
		if (err)
			return err;
	}
	if (clean)
		fs->sb.s_state |= EXT2_VALID_FS;
	else
		fs->sb.s_state &= (uint16_t)~EXT2_VALID_FS;
	int err = write_super(fs);
	if (err)
		return err;
	fs->meta_dirty = false;
	fs->clean_on_disk = clean;
	return 0;
}

int ext2_mount_rw(struct ext2_fs *fs)
{
	if (fs->read_only || !fs->write_block || !fs->gd)
		return -EROFS;
	fs->sb.s_mnt_count++;
	fs->sb.s_mtime = fs->now;
	fs->sb.s_state &= (uint16_t)~EXT2_VALID_FS;
	int err = write_super(fs);
	if (!err)
		fs->clean_on_disk = false;
	return err;
}

/* True if blk is one of group g's own metadata blocks (bitmaps, inode table). */
static bool is_group_meta(const struct ext2_fs *fs, uint32_t g, uint32_t blk)
{
	const struct ext2_group_desc *d = &fs->gd[g];
	return blk == d->bg_block_bitmap || blk == d->bg_inode_bitmap ||
	       (blk >= d->bg_inode_table && blk < d->bg_inode_table + inode_table_blocks(fs)) ||
	       blk <= fs->sb.s_first_data_block + fs->gdt_blocks;
}

/* Finds a zero bit in map[0..n) starting at start and wrapping; n if none. */
static uint32_t find_zero(const uint8_t *map, uint32_t n, uint32_t start)
{
	for (uint32_t k = 0; k < n; k++) {
		uint32_t i = start + k < n ? start + k : start + k - n;
		if ((i % 8) == 0 && i + 8 <= n && map[i / 8] == 0xff) {
			k += 7;
			continue;
		}
		if (!bit_test(map, i))
			return i;
	}
	return n;
}

int ext2_alloc_block(struct ext2_fs *fs, uint32_t goal, uint32_t *blk)
{
	int err = ext2_begin_change(fs);
	if (err)
		return err;
	uint32_t g0 = 0, start = 0;
	if (goal && block_ok(fs, goal)) {
		g0 = (goal - fs->sb.s_first_data_block) / fs->sb.s_blocks_per_group;
		start = goal - group_first(fs, g0);
	}
	uint8_t *map = ext2_scratch(fs, 0);
	for (uint32_t k = 0; k < fs->nr_groups; k++) {
		uint32_t g = (g0 + k) % fs->nr_groups;
		struct ext2_group_desc *d = &fs->gd[g];
		if (d->bg_free_blocks_count == 0)
			continue;
		if (fs->read_block(fs->ctx, d->bg_block_bitmap, map))
			return ext2_fail(fs, "cannot read a block bitmap");
		uint32_t n = group_blocks(fs, g);
		uint32_t i = find_zero(map, n, k == 0 ? start % n : 0);
		if (i == n)
			return ext2_fail(fs, "block bitmap full but its group has free blocks");
		uint32_t b = group_first(fs, g) + i;
		if (is_group_meta(fs, g, b))
			return ext2_fail(fs, "block bitmap marks metadata free");
		map[i / 8] |= (uint8_t)(1u << (i % 8));
		err = wblock(fs, d->bg_block_bitmap, map);
		if (err)
			return err;
		d->bg_free_blocks_count--;
		fs->sb.s_free_blocks_count--;
		fs->meta_dirty = true;
		*blk = b;
		return 0;
	}
	return -ENOSPC;
}

int ext2_free_block(struct ext2_fs *fs, uint32_t blk)
{
	int err = ext2_begin_change(fs);
	if (err)
		return err;
	if (!block_ok(fs, blk))
		return ext2_fail(fs, "freeing a block number out of range");
	uint32_t g = (blk - fs->sb.s_first_data_block) / fs->sb.s_blocks_per_group;
	uint32_t i = blk - group_first(fs, g);
	struct ext2_group_desc *d = &fs->gd[g];
	if (is_group_meta(fs, g, blk))
		return ext2_fail(fs, "a file claims a metadata block");
	uint8_t *map = ext2_scratch(fs, 0);
	if (fs->read_block(fs->ctx, d->bg_block_bitmap, map))
		return ext2_fail(fs, "cannot read a block bitmap");
	if (!bit_test(map, i))
		return ext2_fail(fs, "freeing a block that is already free");
	map[i / 8] &= (uint8_t)~(1u << (i % 8));
	err = wblock(fs, d->bg_block_bitmap, map);
	if (err)
		return err;
	d->bg_free_blocks_count++;
	fs->sb.s_free_blocks_count++;
	fs->meta_dirty = true;
	return 0;
}

/* The group to search first for a new inode. */
static uint32_t inode_goal_group(const struct ext2_fs *fs, uint32_t parent, bool is_dir)
{
	uint32_t pg = parent ? (parent - 1) / fs->sb.s_inodes_per_group : 0;
	if (pg >= fs->nr_groups)
		pg = 0;
	if (!is_dir)
		return pg;
	/* Directories go to the group with the most free inodes, spreading the tree. */
	uint32_t best = pg;
	for (uint32_t g = 0; g < fs->nr_groups; g++)
		if (fs->gd[g].bg_free_inodes_count > fs->gd[best].bg_free_inodes_count)
			best = g;
	return best;
}

int ext2_alloc_inode(struct ext2_fs *fs, uint32_t parent, bool is_dir, uint32_t *ino)
{
	int err = ext2_begin_change(fs);
	if (err)
		return err;
	uint32_t g0 = inode_goal_group(fs, parent, is_dir);
	uint32_t first = fs->sb.s_rev_level >= 1 ? fs->sb.s_first_ino : EXT2_GOOD_OLD_FIRST_INO;
	uint8_t *map = ext2_scratch(fs, 0);
	uint32_t ipg = fs->sb.s_inodes_per_group;
	for (uint32_t k = 0; k < fs->nr_groups; k++) {
		uint32_t g = (g0 + k) % fs->nr_groups;
		struct ext2_group_desc *d = &fs->gd[g];
		if (d->bg_free_inodes_count == 0)
			continue;
		if (fs->read_block(fs->ctx, d->bg_inode_bitmap, map))
			return ext2_fail(fs, "cannot read an inode bitmap");
		uint32_t i = 0;
		for (; i < ipg; i++) {
			uint32_t n = g * ipg + i + 1;
			if (!bit_test(map, i) && n >= first && n <= fs->sb.s_inodes_count)
				break;
		}
		if (i == ipg)
			return ext2_fail(fs, "inode bitmap full but its group has free inodes");
		map[i / 8] |= (uint8_t)(1u << (i % 8));
		err = wblock(fs, d->bg_inode_bitmap, map);
		if (err)
			return err;
		d->bg_free_inodes_count--;
		if (is_dir)
			d->bg_used_dirs_count++;
		fs->sb.s_free_inodes_count--;
		fs->meta_dirty = true;
		*ino = g * ipg + i + 1;
		return 0;
	}
	return -ENOSPC;
}

int ext2_free_inode(struct ext2_fs *fs, uint32_t ino, bool is_dir)
{
	int err = ext2_begin_change(fs);
	if (err)
		return err;
	if (ino == 0 || ino > fs->sb.s_inodes_count)
		return ext2_fail(fs, "freeing an inode number out of range");
	uint32_t g = (ino - 1) / fs->sb.s_inodes_per_group;
	uint32_t i = (ino - 1) % fs->sb.s_inodes_per_group;
	struct ext2_group_desc *d = &fs->gd[g];
	uint8_t *map = ext2_scratch(fs, 0);
	if (fs->read_block(fs->ctx, d->bg_inode_bitmap, map))
		return ext2_fail(fs, "cannot read an inode bitmap");
	if (!bit_test(map, i))
		return ext2_fail(fs, "freeing an inode that is already free");
	map[i / 8] &= (uint8_t)~(1u << (i % 8));
	err = wblock(fs, d->bg_inode_bitmap, map);
	if (err)
		return err;
	d->bg_free_inodes_count++;
	if (is_dir && d->bg_used_dirs_count)
		d->bg_used_dirs_count--;
	fs->sb.s_free_inodes_count++;
	fs->meta_dirty = true;
	return 0;
}

/* The block and byte offset of inode ino's slot, from the in-memory descriptors. */
static int inode_slot(struct ext2_fs *fs, uint32_t ino, uint32_t *blk, uint32_t *off)
{
	if (ino == 0 || ino > fs->sb.s_inodes_count)
		return -EINVAL;
	uint32_t g = (ino - 1) / fs->sb.s_inodes_per_group;
	uint32_t i = (ino - 1) % fs->sb.s_inodes_per_group;
	*blk = fs->gd[g].bg_inode_table + i / fs->inodes_per_block;
	*off = (i % fs->inodes_per_block) * fs->inode_size;
	return 0;
}

static int write_slot(struct ext2_fs *fs, uint32_t ino, const struct ext2_inode *in, bool fresh)
{
	int err = ext2_begin_change(fs);
	if (err)
		return err;
	uint32_t blk, off;
	err = inode_slot(fs, ino, &blk, &off);
	if (err)
		return ext2_fail(fs, "writing an inode number out of range");
	uint8_t *buf = ext2_scratch(fs, 0);
	if (fs->read_block(fs->ctx, blk, buf))
		return ext2_fail(fs, "cannot read an inode table block");
	if (fresh) {
		memset(buf + off, 0, fs->inode_size);
		if (fs->inode_size >= EXT2_GOOD_OLD_INODE_SIZE + 4) {
			uint16_t extra = 4; /* i_extra_isize: i_extra_isize and i_checksum_hi */
			memcpy(buf + off + EXT2_GOOD_OLD_INODE_SIZE, &extra, 2);
		}
	}
	memcpy(buf + off, in, sizeof(*in));
	return wblock(fs, blk, buf);
}

int ext2_write_inode(struct ext2_fs *fs, uint32_t ino, const struct ext2_inode *in)
{
	return write_slot(fs, ino, in, false);
}

int ext2_write_new_inode(struct ext2_fs *fs, uint32_t ino, const struct ext2_inode *in)
{
	return write_slot(fs, ino, in, true);
}
