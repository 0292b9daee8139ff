/*
 * The ext2 driver's core: pure logic over a block-reading callback, so the
 * same code runs in the kernel (over the block device) and in host unit tests
 * (over an image file). Everything read from disk is validated before use;
 * a corrupt structure gives -EIO (or -EINVAL at mount), never a wild access.
 *
 * Read-only for now: FIXME: writing (bitmaps, allocation, directories) and
 * the superblock state handling are the rest of issue 5.
 */
#ifndef CAIRN_FS_EXT2_H
#define CAIRN_FS_EXT2_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "ext2_format.h"

struct ext2_fs {
	/* Reads one filesystem block into buf; 0 or -EIO. */
	int (*read_block)(void *ctx, uint64_t block, void *buf);
	void *ctx;
	struct ext2_super_block sb;
	uint32_t block_size;
	uint32_t nr_groups;
	uint32_t inode_size;
	uint32_t inodes_per_block;
	uint32_t addr_per_block;   /* block numbers in an indirect block */
	bool read_only;            /* features we cannot write, or an unclean state */
	char why_read_only[64];
	uint8_t *scratch;          /* one block for the caller's thread; the caller serialises */
};

/*
 * Checks a superblock (already read into fs->sb) against the device size in
 * bytes and fills the geometry. Returns 0, or -EINVAL with a reason in
 * fs->why_read_only for a filesystem that must not be mounted at all.
 */
int ext2_check_super(struct ext2_fs *fs, uint64_t dev_bytes);

/* Reads inode ino (1-based) into *out: 0, -EINVAL (bad number) or -EIO. */
int ext2_read_inode(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *out);

/* The size of a regular file (with large_file, 64-bit). */
uint64_t ext2_inode_size(const struct ext2_inode *in);

/*
 * Maps logical block lblk of a file to its disk block: *pblk = 0 for a hole.
 * Returns 0, -EFBIG past what four levels address, -EIO for a block number
 * outside the filesystem.
 */
int ext2_bmap(struct ext2_fs *fs, const struct ext2_inode *in, uint64_t lblk, uint32_t *pblk);

/* Reads len bytes at off (clamped to the size); returns bytes read or -EIO. */
long ext2_read(struct ext2_fs *fs, const struct ext2_inode *in, uint64_t off, void *buf,
	       size_t len);

/* One parsed directory entry. */
struct ext2_dirent_view {
	uint32_t ino;
	uint8_t type;
	uint8_t name_len;
	const char *name;  /* not NUL-terminated */
};

/*
 * Parses the entry at *off in a directory block and advances *off. Returns 1
 * with *out filled (ino 0 means an unused slot), 0 at the end of the block,
 * or -EIO for a corrupt entry (rec_len too small, unaligned, past the block,
 * name longer than the record).
 */
int ext2_dirent_next(const uint8_t *block, uint32_t block_size, uint32_t *off,
		     struct ext2_dirent_view *out);

/* Finds name in directory dir: 0 with *ino, -ENOENT, -ENOTDIR or -EIO. */
int ext2_dir_lookup(struct ext2_fs *fs, const struct ext2_inode *dir, const char *name,
		    size_t len, uint32_t *ino);

/*
 * Reads a symlink's target (fast: inside i_block; slow: its first block)
 * into buf; returns its length or -EIO / -ENAMETOOLONG.
 */
long ext2_readlink(struct ext2_fs *fs, const struct ext2_inode *in, char *buf, size_t size);

#endif
