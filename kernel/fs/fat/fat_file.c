/* File data: cluster maps, read, write and truncate over the FAT (fat.h). */
#include <errno.h>
#include <lib/string.h>

#include "fat.h"

#define FAT_FILE_MAX 0xFFFFFFFFull

int fat_bmap(struct fat_fs *fs, struct fat_node *node, uint32_t idx, bool alloc, uint32_t *clus)
{
	uint32_t i = 0, c = node->start, next;
	int err;
	if (!c) {
		if (!alloc)
			return fat_fs_error(fs, "a file's cluster chain is shorter than its size");
		err = fat_alloc(fs, 0, &c);
		if (err)
			return err;
		node->start = c;
	}
	if (node->hint_clus && node->hint_idx <= idx) {
		i = node->hint_idx;
		c = node->hint_clus;
	}
	for (; i < idx; i++) {
		err = fat_next(fs, c, &next);
		if (err)
			return err;
		if (!next) {
			if (!alloc)
				return fat_fs_error(fs, "a file's cluster chain is shorter than its size");
			err = fat_alloc(fs, c, &next);
			if (err)
				return err;
		}
		c = next;
	}
	node->hint_idx = idx;
	node->hint_clus = c;
	*clus = c;
	return 0;
}

/*
 * Moves [off, off + len) of one cluster, c, between the device and buf:
 * whole sectors directly, partial ones through fs->scratch.
 */
static int cluster_io(struct fat_fs *fs, uint32_t c, uint32_t off, uint8_t *buf, uint32_t len,
		      bool write)
{
	uint32_t ss = fs->sector_size, base = fat_cluster_sector(fs, c);
	while (len > 0) {
		uint32_t s = base + off / ss, in = off % ss;
		uint32_t n = ss - in < len ? ss - in : len;
		int err;
		if (in == 0 && len >= ss) {
			uint32_t whole = len / ss;
			n = whole * ss;
			err = write ? fat_dev_write(fs, s, whole, buf) : fat_dev_read(fs, s, whole, buf);
		} else {
			err = fat_dev_read(fs, s, 1, fs->scratch);
			if (!err && write) {
				memcpy(fs->scratch + in, buf, n);
				err = fat_dev_write(fs, s, 1, fs->scratch);
			} else if (!err) {
				memcpy(buf, fs->scratch + in, n);
			}
		}
		if (err)
			return err;
		buf += n;
		off += n;
		len -= n;
	}
	return 0;
}

long fat_read(struct fat_fs *fs, struct fat_node *node, uint64_t off, void *buf, size_t len)
{
	if (off >= node->size)
		return 0;
	if (len > node->size - off)
		len = (size_t)(node->size - off);
	size_t done = 0;
	while (done < len) {
		uint64_t at = off + done;
		uint32_t c, in = (uint32_t)(at % fs->cluster_size);
		int err = fat_bmap(fs, node, (uint32_t)(at / fs->cluster_size), false, &c);
		if (!err) {
			uint32_t n = fs->cluster_size - in;
			if (n > len - done)
				n = (uint32_t)(len - done);
			err = cluster_io(fs, c, in, (uint8_t *)buf + done, n, false);
			if (!err)
				done += n;
		}
		if (err)
			return done ? (long)done : err;
	}
	return (long)done;
}

/* Writes len bytes (buf, or zeros when buf is NULL) at off; grows nothing but the chain. */
static long write_range(struct fat_fs *fs, struct fat_node *node, uint64_t off, const uint8_t *buf,
			size_t len)
{
	size_t done = 0;
	while (done < len) {
		uint64_t at = off + done;
		uint32_t c, in = (uint32_t)(at % fs->cluster_size);
		int err = fat_bmap(fs, node, (uint32_t)(at / fs->cluster_size), true, &c);
		if (!err) {
			uint32_t n = fs->cluster_size - in;
			if (n > len - done)
				n = (uint32_t)(len - done);
			if (buf) {
				err = cluster_io(fs, c, in, (uint8_t *)buf + done, n, true);
			} else {
				/* Zeros: sector by sector from a zeroed scratch sector. */
				uint32_t ss = fs->sector_size, left = n, o = in;
				while (!err && left) {
					uint32_t k = ss - o % ss < left ? ss - o % ss : left;
					uint32_t s = fat_cluster_sector(fs, c) + o / ss;
					if (k == ss) {
						memset(fs->scratch, 0, ss);
					} else {
						err = fat_dev_read(fs, s, 1, fs->scratch);
						memset(fs->scratch + o % ss, 0, k);
					}
					if (!err)
						err = fat_dev_write(fs, s, 1, fs->scratch);
					o += k;
					left -= k;
				}
			}
			if (!err)
				done += n;
		}
		if (err)
			return done ? (long)done : err;
	}
	return (long)done;
}

long fat_write(struct fat_fs *fs, struct fat_node *node, uint64_t off, const void *buf, size_t len)
{
	if (fs->read_only || fs->broken)
		return -EROFS;
	if (len == 0)
		return 0;
	if (off >= FAT_FILE_MAX)
		return -EFBIG;
	if (len > FAT_FILE_MAX - off)
		len = (size_t)(FAT_FILE_MAX - off);
	if (off > node->size) {
		long n = write_range(fs, node, node->size, NULL, (size_t)(off - node->size));
		if (n > 0)
			node->size += (uint32_t)n;
		if (n < 0 || node->size < off)
			return n < 0 ? n : -ENOSPC;
	}
	long n = write_range(fs, node, off, buf, len);
	if (n > 0 && off + (uint64_t)n > node->size)
		node->size = (uint32_t)(off + (uint64_t)n);
	return n;
}

int fat_truncate(struct fat_fs *fs, struct fat_node *node, uint64_t size)
{
	if (fs->read_only || fs->broken)
		return -EROFS;
	if (size > FAT_FILE_MAX)
		return -EFBIG;
	if (size > node->size) {
		uint64_t want = size - node->size;
		long n = write_range(fs, node, node->size, NULL, (size_t)want);
		if (n > 0)
			node->size += (uint32_t)n;
		if (n < 0)
			return (int)n;
		return (uint64_t)n < want ? -ENOSPC : 0;
	}
	uint32_t keep = (uint32_t)((size + fs->cluster_size - 1) / fs->cluster_size);
	node->hint_clus = 0;
	node->hint_idx = 0;
	int err;
	if (keep == 0) {
		uint32_t start = node->start;
		node->start = 0;
		node->size = 0;
		return start ? fat_free_chain(fs, start) : 0;
	}
	uint32_t last, rest;
	err = fat_bmap(fs, node, keep - 1, false, &last);
	if (err)
		return err;
	err = fat_next(fs, last, &rest);
	if (!err && rest)
		err = fat_set(fs, last, FAT32_EOC_MARK);
	if (!err && rest)
		err = fat_free_chain(fs, rest);
	if (!err)
		node->size = (uint32_t)size;
	return err;
}
