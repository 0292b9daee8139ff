/* ext2 core: superblock checks, inodes, block maps, directories (ext2.h). */
#include <errno.h>
#include <lib/string.h>
#include <uapi/stat.h>

#include "ext2.h"

int ext2_check_super(struct ext2_fs *fs, uint64_t dev_bytes)
{
	const struct ext2_super_block *s = &fs->sb;
	fs->read_only = false;
	fs->why_read_only[0] = 0;
#define REFUSE(msg)                                                               \
	do {                                                                      \
		strlcpy(fs->why_read_only, msg, sizeof(fs->why_read_only));       \
		return -EINVAL;                                                   \
	} while (0)
	if (s->s_magic != EXT2_MAGIC)
		REFUSE("bad magic");
	if (s->s_log_block_size > 2)
		REFUSE("block size above 4 KiB");
	fs->block_size = 1024u << s->s_log_block_size;
	if (s->s_blocks_per_group == 0 || s->s_blocks_per_group > fs->block_size * 8)
		REFUSE("bad blocks per group");
	if (s->s_inodes_per_group == 0 || s->s_inodes_per_group > fs->block_size * 8)
		REFUSE("bad inodes per group");
	if (s->s_first_data_block != (fs->block_size == 1024 ? 1u : 0u))
		REFUSE("bad first data block");
	if (s->s_blocks_count <= s->s_first_data_block)
		REFUSE("no blocks");
	if ((uint64_t)s->s_blocks_count * fs->block_size > dev_bytes)
		REFUSE("larger than its device");
	fs->inode_size = s->s_rev_level >= 1 ? s->s_inode_size : 128;
	if (fs->inode_size < 128 || fs->inode_size > fs->block_size ||
	    (fs->inode_size & (fs->inode_size - 1)))
		REFUSE("bad inode size");
	fs->nr_groups = (s->s_blocks_count - s->s_first_data_block + s->s_blocks_per_group - 1) /
			s->s_blocks_per_group;
	if ((uint64_t)fs->nr_groups * s->s_inodes_per_group < s->s_inodes_count)
		REFUSE("inode count does not fit the groups");
	if (s->s_rev_level >= 1 && (s->s_feature_incompat & ~EXT2_FEATURE_INCOMPAT_FILETYPE))
		REFUSE("unsupported incompatible features");
	/* The group descriptor table must fit before the end of the filesystem. */
	uint64_t gdt_blocks = ((uint64_t)fs->nr_groups * sizeof(struct ext2_group_desc) +
			       fs->block_size - 1) / fs->block_size;
	if (s->s_first_data_block + 1 + gdt_blocks > s->s_blocks_count)
		REFUSE("group descriptors past the end");
#undef REFUSE
	fs->inodes_per_block = fs->block_size / fs->inode_size;
	fs->addr_per_block = fs->block_size / 4;
	if (s->s_rev_level >= 1 &&
	    (s->s_feature_ro_compat &
	     ~(EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER | EXT2_FEATURE_RO_COMPAT_LARGE_FILE))) {
		fs->read_only = true;
		strlcpy(fs->why_read_only, "unsupported read-only features",
			sizeof(fs->why_read_only));
	} else if (!(s->s_state & EXT2_VALID_FS) || (s->s_state & EXT2_ERROR_FS)) {
		fs->read_only = true;
		strlcpy(fs->why_read_only, "not cleanly unmounted or has errors",
			sizeof(fs->why_read_only));
	}
	return 0;
}

static bool block_ok(struct ext2_fs *fs, uint32_t blk)
{
	return blk >= fs->sb.s_first_data_block && blk < fs->sb.s_blocks_count;
}

int ext2_read_inode(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *out)
{
	if (ino == 0 || ino > fs->sb.s_inodes_count)
		return -EINVAL;
	uint32_t group = (ino - 1) / fs->sb.s_inodes_per_group;
	uint32_t index = (ino - 1) % fs->sb.s_inodes_per_group;
	/* The group descriptor. */
	uint64_t gd_byte = (uint64_t)group * sizeof(struct ext2_group_desc);
	uint64_t gd_block = fs->sb.s_first_data_block + 1 + gd_byte / fs->block_size;
	int err = fs->read_block(fs->ctx, gd_block, fs->scratch);
	if (err)
		return -EIO;
	struct ext2_group_desc gd;
	memcpy(&gd, fs->scratch + gd_byte % fs->block_size, sizeof(gd));
	uint64_t table_blocks = ((uint64_t)fs->sb.s_inodes_per_group + fs->inodes_per_block - 1) /
				fs->inodes_per_block;
	if (!block_ok(fs, gd.bg_inode_table) ||
	    gd.bg_inode_table + table_blocks > fs->sb.s_blocks_count)
		return -EIO;
	uint64_t blk = gd.bg_inode_table + index / fs->inodes_per_block;
	if (fs->read_block(fs->ctx, blk, fs->scratch))
		return -EIO;
	memcpy(out, fs->scratch + (index % fs->inodes_per_block) * fs->inode_size, sizeof(*out));
	return 0;
}

uint64_t ext2_inode_size(const struct ext2_inode *in)
{
	uint64_t size = in->i_size;
	if (S_ISREG(in->i_mode))
		size |= (uint64_t)in->i_size_high << 32;
	return size;
}

/* Follows one indirect level: the index-th block number in block blk. */
static int indirect(struct ext2_fs *fs, uint32_t blk, uint64_t index, uint32_t *out)
{
	if (blk == 0) {
		*out = 0;
		return 0;
	}
	if (!block_ok(fs, blk) || fs->read_block(fs->ctx, blk, fs->scratch))
		return -EIO;
	memcpy(out, fs->scratch + index * 4, 4);
	return 0;
}

int ext2_bmap(struct ext2_fs *fs, const struct ext2_inode *in, uint64_t lblk, uint32_t *pblk)
{
	uint64_t a = fs->addr_per_block;
	uint32_t b;
	int err = 0;
	if (lblk < EXT2_NDIR_BLOCKS) {
		b = in->i_block[lblk];
	} else if ((lblk -= EXT2_NDIR_BLOCKS) < a) {
		err = indirect(fs, in->i_block[EXT2_IND_BLOCK], lblk, &b);
	} else if ((lblk -= a) < a * a) {
		err = indirect(fs, in->i_block[EXT2_DIND_BLOCK], lblk / a, &b);
		if (!err)
			err = indirect(fs, b, lblk % a, &b);
	} else if ((lblk -= a * a) < a * a * a) {
		err = indirect(fs, in->i_block[EXT2_TIND_BLOCK], lblk / (a * a), &b);
		if (!err)
			err = indirect(fs, b, (lblk / a) % a, &b);
		if (!err)
			err = indirect(fs, b, lblk % a, &b);
	} else {
		return -EFBIG;
	}
	if (err)
		return err;
	if (b != 0 && !block_ok(fs, b))
		return -EIO;
	*pblk = b;
	return 0;
}

long ext2_read(struct ext2_fs *fs, const struct ext2_inode *in, uint64_t off, void *buf,
	       size_t len)
{
	uint64_t size = ext2_inode_size(in);
	if (off >= size)
		return 0;
	if (len > size - off)
		len = (size_t)(size - off);
	size_t done = 0;
	while (done < len) {
		uint64_t pos = off + done;
		uint32_t in_block = (uint32_t)(pos % fs->block_size);
		size_t chunk = fs->block_size - in_block;
		if (chunk > len - done)
			chunk = len - done;
		uint32_t pblk;
		int err = ext2_bmap(fs, in, pos / fs->block_size, &pblk);
		if (err)
			return done ? (long)done : -EIO;
		if (pblk == 0) {
			memset((uint8_t *)buf + done, 0, chunk);
		} else {
			if (fs->read_block(fs->ctx, pblk, fs->scratch))
				return done ? (long)done : -EIO;
			memcpy((uint8_t *)buf + done, fs->scratch + in_block, chunk);
		}
		done += chunk;
	}
	return (long)done;
}

int ext2_dirent_next(const uint8_t *block, uint32_t block_size, uint32_t *off,
		     struct ext2_dirent_view *out)
{
	if (*off >= block_size)
		return 0;
	if (block_size - *off < 8)
		return -EIO;
	struct ext2_dir_entry e;
	memcpy(&e, block + *off, 8);
	if (e.rec_len < 8 || (e.rec_len & 3) || e.rec_len > block_size - *off ||
	    (uint32_t)e.name_len + 8 > e.rec_len)
		return -EIO;
	out->ino = e.inode;
	out->type = e.file_type;
	out->name_len = e.name_len;
	out->name = (const char *)block + *off + 8;
	*off += e.rec_len;
	return 1;
}

int ext2_dir_lookup(struct ext2_fs *fs, const struct ext2_inode *dir, const char *name,
		    size_t len, uint32_t *ino)
{
	if (!S_ISDIR(dir->i_mode))
		return -ENOTDIR;
	uint64_t nblocks = (ext2_inode_size(dir) + fs->block_size - 1) / fs->block_size;
	for (uint64_t l = 0; l < nblocks; l++) {
		uint32_t pblk;
		if (ext2_bmap(fs, dir, l, &pblk))
			return -EIO;
		if (pblk == 0)
			continue;
		if (fs->read_block(fs->ctx, pblk, fs->scratch))
			return -EIO;
		uint32_t off = 0;
		struct ext2_dirent_view e;
		int r;
		while ((r = ext2_dirent_next(fs->scratch, fs->block_size, &off, &e)) > 0) {
			if (e.ino && e.name_len == len && !memcmp(e.name, name, len)) {
				if (e.ino > fs->sb.s_inodes_count)
					return -EIO;
				*ino = e.ino;
				return 0;
			}
		}
		if (r < 0)
			return -EIO;
	}
	return -ENOENT;
}

long ext2_readlink(struct ext2_fs *fs, const struct ext2_inode *in, char *buf, size_t size)
{
	uint64_t len = ext2_inode_size(in);
	if (len >= 4096)
		return -ENAMETOOLONG;
	if (len > size)
		len = size;
	if (len < sizeof(in->i_block) && in->i_blocks == 0) {
		memcpy(buf, in->i_block, (size_t)len);
		return (long)len;
	}
	long n = ext2_read(fs, in, 0, buf, (size_t)len);
	return n;
}
