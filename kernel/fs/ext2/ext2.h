/*
 * The ext2 driver's core: pure logic over a block-reading callback, so the
 * same code runs in the kernel (over the block device) and in host unit tests
 * (over an image file). Everything read from disk is validated before use;
 * a corrupt structure gives -EIO (or -EINVAL at mount), never a wild access.
 *
 * The write side lives in ext2_alloc.c (bitmaps, group descriptors, the
 * superblock and its state), ext2_file.c (block maps that allocate, writes,
 * truncation) and ext2_dir.c (adding, removing and changing entries). Every
 * change goes through fs->write_block; a filesystem judged read-only at mount
 * (fs->read_only) is never written. An inconsistency found while working
 * (a block number out of range, a bitmap that disagrees, a corrupt entry)
 * gives -EIO and sets fs->failed with a reason: the caller then treats the
 * filesystem as read-only.
 *
 * Buffers: fs->scratch is EXT2_SCRATCH_BLOCKS blocks of block_size bytes;
 * scratch block 0 serves single reads (inodes, bitmaps, directory blocks),
 * blocks 1-3 the indirect levels of a block map being changed.
 */
#ifndef CAIRN_FS_EXT2_H
#define CAIRN_FS_EXT2_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "ext2_format.h"

#define EXT2_SCRATCH_BLOCKS 4
#define EXT2_MAX_BLOCK 4096

struct ext2_fs {
	/* Reads one filesystem block into buf; 0 or -EIO. */
	int (*read_block)(void *ctx, uint64_t block, void *buf);
	/* Writes one filesystem block (NULL: a read-only device); 0 or -EIO. */
	int (*write_block)(void *ctx, uint64_t block, const void *buf);
	void *ctx;
	struct ext2_super_block sb;
	uint32_t block_size;
	uint32_t nr_groups;
	uint32_t inode_size;
	uint32_t inodes_per_block;
	uint32_t addr_per_block;   /* block numbers in an indirect block */
	bool read_only;            /* features we cannot write, or an unclean state */
	char why_read_only[64];
	uint8_t *scratch;          /* EXT2_SCRATCH_BLOCKS blocks; the caller serialises */
	/* The write side (ext2_load_groups() sets these up). */
	struct ext2_group_desc *gd; /* nr_groups descriptors, from ext2_gdt_bytes() bytes */
	uint32_t gdt_blocks;        /* blocks of the descriptor table */
	bool meta_dirty;            /* the superblock or descriptors changed since ext2_flush_meta() */
	bool clean_on_disk;         /* the superblock on the device says "cleanly unmounted" */
	bool failed;                /* an inconsistency was found; why_read_only says which */
	uint32_t now;               /* the time for timestamps, set by the caller */
};

static inline uint8_t *ext2_scratch(struct ext2_fs *fs, int i)
{
	return fs->scratch + (size_t)i * fs->block_size;
}

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

/* ---- ext2_alloc.c: group descriptors, bitmaps, superblock ---- */

/* The bytes fs->gd needs (call after ext2_check_super()). */
size_t ext2_gdt_bytes(const struct ext2_fs *fs);
/*
 * Reads the group descriptors into fs->gd and checks them: bitmaps and inode
 * tables inside the filesystem, free counts within their groups and equal to
 * the bitmaps, totals equal to the superblock's. A disagreement makes the
 * filesystem read-only (fs->read_only, with the reason). Returns 0 or -EIO
 * when the table cannot be read.
 */
int ext2_load_groups(struct ext2_fs *fs);
/*
 * Marks an inconsistency found at run time: records why, sets fs->failed and
 * (once) writes the error state into the superblock. Returns -EIO.
 */
int ext2_fail(struct ext2_fs *fs, const char *why);
/*
 * Called before any change: -EROFS when the filesystem may not be written;
 * the first change after a sync marks the superblock "not clean" on disk.
 */
int ext2_begin_change(struct ext2_fs *fs);
/*
 * Writes the superblock and descriptors when changed; with clean, marks the
 * superblock "cleanly unmounted" (sync, umount). Returns 0 or -EIO.
 */
int ext2_flush_meta(struct ext2_fs *fs, bool clean);
/* Mount read-write: counts the mount, stamps its time, marks the disk not clean. */
int ext2_mount_rw(struct ext2_fs *fs);

/* Allocates a block near goal (0: anywhere): 0 with *blk, -ENOSPC or -EIO. */
int ext2_alloc_block(struct ext2_fs *fs, uint32_t goal, uint32_t *blk);
int ext2_free_block(struct ext2_fs *fs, uint32_t blk);
/* Allocates an inode, directories spread over groups, files near parent: 0 with *ino. */
int ext2_alloc_inode(struct ext2_fs *fs, uint32_t parent, bool is_dir, uint32_t *ino);
int ext2_free_inode(struct ext2_fs *fs, uint32_t ino, bool is_dir);
/* Writes inode ino (its first 128 bytes; the rest of a larger slot is kept). */
int ext2_write_inode(struct ext2_fs *fs, uint32_t ino, const struct ext2_inode *in);
/* Zeroes a fresh inode's whole on-disk slot and writes *in into it. */
int ext2_write_new_inode(struct ext2_fs *fs, uint32_t ino, const struct ext2_inode *in);

/* ---- ext2_file.c: block maps, writes, truncation ---- */

/*
 * Maps lblk like ext2_bmap(); with create, allocates the missing indirect
 * blocks (zeroed) and the data block (counted in i_blocks). *fresh says the
 * data block is new: its contents are undefined and the caller writes all of
 * it. goal guides placement. Uses scratch blocks 0-3.
 */
int ext2_map_block(struct ext2_fs *fs, struct ext2_inode *in, uint64_t lblk, bool create,
		   uint32_t goal, uint32_t *pblk, bool *fresh);
/* Sets the size of a regular file (64-bit with large_file) and the feature. */
void ext2_set_size(struct ext2_fs *fs, struct ext2_inode *in, uint64_t size);
/*
 * Writes len bytes at off, allocating blocks (and indirect blocks) as needed
 * and growing the size; in is updated (the caller writes it back). Returns
 * the bytes written (short only when the disk filled up) or -Exxx.
 */
long ext2_write(struct ext2_fs *fs, struct ext2_inode *in, uint64_t off, const void *buf,
		size_t len);
/* Sets the size, freeing the blocks past it and zeroing the tail of the last. */
int ext2_truncate(struct ext2_fs *fs, struct ext2_inode *in, uint64_t size);
/*
 * Lets go of in's extended-attribute block (i_file_acl): drops the block's
 * reference count, frees the block when it was the last user, and clears
 * i_file_acl (the caller writes the inode). A block number out of range or
 * a block without the xattr magic fails the filesystem (ext2_fail).
 */
int ext2_release_xattr(struct ext2_fs *fs, struct ext2_inode *in);
/*
 * Frees an inode whose last link and last user are gone: its attribute
 * block, its data, then its number (i_dtime set, the inode written).
 */
int ext2_delete_inode(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *in);
/* The largest file size the block map addresses. */
uint64_t ext2_max_size(const struct ext2_fs *fs);

/* ---- ext2_dir.c: directory changes ---- */

/* The directory entry type of a mode (0 without the filetype feature). */
uint8_t ext2_ftype(const struct ext2_fs *fs, uint32_t mode);
/* Adds name -> ino; the directory may grow by a block. -EEXIST is not checked here. */
int ext2_dir_add(struct ext2_fs *fs, struct ext2_inode *dir, const char *name, size_t len,
		 uint32_t ino, uint8_t ftype);
/* Removes name; 0 with *ino (what it named), -ENOENT or -EIO. */
int ext2_dir_remove(struct ext2_fs *fs, struct ext2_inode *dir, const char *name, size_t len,
		    uint32_t *ino);
/* Points the existing entry name at ino (rename over a target, ".." fixup). */
int ext2_dir_set(struct ext2_fs *fs, struct ext2_inode *dir, const char *name, size_t len,
		 uint32_t ino, uint8_t ftype);
/* 1 if the directory holds only "." and "..", 0 if not, -EIO. */
int ext2_dir_is_empty(struct ext2_fs *fs, struct ext2_inode *dir);
/* Gives a new directory inode its first block with "." and "..". */
int ext2_dir_init(struct ext2_fs *fs, struct ext2_inode *dir, uint32_t self, uint32_t parent);
/* Stores a symlink target: inside the inode below 60 bytes, else in a block. */
int ext2_set_symlink(struct ext2_fs *fs, struct ext2_inode *in, const char *target, size_t len);

#endif
