/* The file allocation table: entries, chains, allocation (fat.h). */
#include <errno.h>
#include <lib/string.h>

#include "fat.h"

/* Where entry c of the first FAT lives: its sector and byte offset. */
static void locate(const struct fat_fs *fs, uint32_t c, uint32_t *sector, uint32_t *off)
{
	uint64_t byte = (uint64_t)c * 4;
	*sector = fs->fat_start + (uint32_t)(byte / fs->sector_size);
	*off = (uint32_t)(byte % fs->sector_size);
}

int fat_get(struct fat_fs *fs, uint32_t c, uint32_t *val)
{
	if (c >= fs->nr_clusters + FAT_FIRST_CLUSTER)
		return -EIO;
	uint32_t s, off, v;
	uint8_t *data;
	locate(fs, c, &s, &off);
	int err = fat_bread(fs, s, &data);
	if (err)
		return err;
	memcpy(&v, data + off, 4);
	*val = v & FAT32_MASK;
	return 0;
}

int fat_set(struct fat_fs *fs, uint32_t c, uint32_t val)
{
	if (c >= fs->nr_clusters + FAT_FIRST_CLUSTER)
		return -EIO;
	if (fs->read_only || fs->broken)
		return -EROFS;
	uint32_t s, off, v;
	uint8_t *data;
	locate(fs, c, &s, &off);
	int err = fat_bread(fs, s, &data);
	if (err)
		return err;
	memcpy(&v, data + off, 4);
	v = (v & ~FAT32_MASK) | (val & FAT32_MASK);
	memcpy(data + off, &v, 4);
	fat_bdirty(fs, s);
	return 0;
}

int fat_next(struct fat_fs *fs, uint32_t c, uint32_t *next)
{
	uint32_t v;
	if (!fat_cluster_ok(fs, c))
		return fat_fs_error(fs, "a cluster number is out of range");
	int err = fat_get(fs, c, &v);
	if (err)
		return err;
	if (v >= FAT32_EOC) {
		*next = 0;
		return 0;
	}
	if (!fat_cluster_ok(fs, v))
		return fat_fs_error(fs, "a cluster chain links to a free, bad or out-of-range cluster");
	*next = v;
	return 0;
}

int fat_chain_length(struct fat_fs *fs, uint32_t start, uint32_t *len)
{
	uint32_t n = 0;
	for (uint32_t c = start; c;) {
		if (++n > fs->nr_clusters)
			return fat_fs_error(fs, "a cluster chain loops");
		int err = fat_next(fs, c, &c);
		if (err)
			return err;
	}
	*len = n;
	return 0;
}

int fat_alloc(struct fat_fs *fs, uint32_t prev, uint32_t *out)
{
	if (fs->read_only || fs->broken)
		return -EROFS;
	if (fs->free_count == 0)
		return -ENOSPC;
	uint32_t start = fat_cluster_ok(fs, fs->next_free) ? fs->next_free : FAT_FIRST_CLUSTER;
	uint32_t c = start;
	for (uint32_t i = 0; i < fs->nr_clusters; i++) {
		uint32_t v;
		int err = fat_get(fs, c, &v);
		if (err)
			return err;
		if (v == 0) {
			err = fat_set(fs, c, FAT32_EOC_MARK);
			if (!err && prev)
				err = fat_set(fs, prev, c);
			if (err)
				return err;
			if (fs->free_count != FAT_FSINFO_UNKNOWN)
				fs->free_count--;
			fs->next_free = c + 1 < fs->nr_clusters + FAT_FIRST_CLUSTER ? c + 1
										   : FAT_FIRST_CLUSTER;
			fs->fsinfo_dirty = true;
			*out = c;
			return 0;
		}
		c = c + 1 < fs->nr_clusters + FAT_FIRST_CLUSTER ? c + 1 : FAT_FIRST_CLUSTER;
	}
	fs->free_count = 0;
	fs->fsinfo_dirty = true;
	return -ENOSPC;
}

int fat_free_chain(struct fat_fs *fs, uint32_t start)
{
	uint32_t n = 0;
	for (uint32_t c = start; c;) {
		if (++n > fs->nr_clusters)
			return fat_fs_error(fs, "a cluster chain loops");
		uint32_t next;
		int err = fat_next(fs, c, &next);
		if (err)
			return err;
		err = fat_set(fs, c, 0);
		if (err)
			return err;
		fat_cache_forget(fs, fat_cluster_sector(fs, c), fs->sec_per_clus);
		if (fs->free_count != FAT_FSINFO_UNKNOWN)
			fs->free_count++;
		fs->fsinfo_dirty = true;
		c = next;
	}
	return 0;
}

int fat_count_free(struct fat_fs *fs)
{
	uint32_t n = 0;
	for (uint32_t c = FAT_FIRST_CLUSTER; c < fs->nr_clusters + FAT_FIRST_CLUSTER; c++) {
		uint32_t v;
		int err = fat_get(fs, c, &v);
		if (err)
			return err;
		n += v == 0;
	}
	fs->free_count = n;
	return 0;
}
