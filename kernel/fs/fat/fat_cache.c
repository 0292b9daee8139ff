/*
 * The FAT driver's sector cache: FAT sectors and directory sectors, least
 * recently used out, written back when evicted or by fat_cache_flush()
 * (sync_fs). A FAT sector of the first copy is written to every copy, so
 * the copies stay equal. File data bypasses the cache (fat_dev_read/write);
 * sectors of freed clusters are forgotten so a stale directory sector never
 * lands on a cluster reused for data. FIXME: move onto the shared block
 * cache (block/bcache.h) once it exists; only this file changes.
 */
#include <errno.h>
#include <lib/string.h>

#include "fat.h"

void fat_cache_init(struct fat_fs *fs, uint8_t *mem)
{
	for (int i = 0; i < FAT_CACHE_SLOTS; i++) {
		fs->cache[i].sector = FAT_NO_SECTOR;
		fs->cache[i].dirty = false;
		fs->cache[i].used = 0;
		fs->cache[i].data = mem + (size_t)i * fs->sector_size;
	}
	fs->clock = 0;
}

int fat_dev_read(struct fat_fs *fs, uint32_t s, uint32_t n, void *buf)
{
	uint64_t dps = fs->dev_per_sector;
	return fs->dev_read(fs->ctx, (uint64_t)s * dps, (uint32_t)(n * dps), buf);
}

int fat_dev_write(struct fat_fs *fs, uint32_t s, uint32_t n, const void *buf)
{
	if (fs->broken || fs->read_only)
		return -EROFS;
	uint64_t dps = fs->dev_per_sector;
	return fs->dev_write(fs->ctx, (uint64_t)s * dps, (uint32_t)(n * dps), buf);
}

/* Writes one slot back: a sector of the first FAT goes to every FAT copy. */
static int write_slot(struct fat_fs *fs, struct fat_cache_slot *slot)
{
	int err = fat_dev_write(fs, slot->sector, 1, slot->data);
	if (!err && slot->sector >= fs->fat_start && slot->sector < fs->fat_start + fs->fat_sectors) {
		for (uint32_t i = 1; i < fs->nr_fats && !err; i++)
			err = fat_dev_write(fs, slot->sector + i * fs->fat_sectors, 1, slot->data);
	}
	if (!err)
		slot->dirty = false;
	return err;
}

static struct fat_cache_slot *find(struct fat_fs *fs, uint32_t s)
{
	for (int i = 0; i < FAT_CACHE_SLOTS; i++) {
		if (fs->cache[i].sector == s) {
			fs->cache[i].used = ++fs->clock;
			return &fs->cache[i];
		}
	}
	return NULL;
}

/* A slot for sector s: the least recently used one, written back first if dirty. */
static int victim(struct fat_fs *fs, uint32_t s, struct fat_cache_slot **out)
{
	struct fat_cache_slot *v = &fs->cache[0];
	for (int i = 1; i < FAT_CACHE_SLOTS; i++) {
		if (fs->cache[i].used < v->used)
			v = &fs->cache[i];
	}
	if (v->dirty && !fs->broken) { /* a broken filesystem's changes are dropped */
		int err = write_slot(fs, v);
		if (err)
			return err;
	}
	v->sector = s;
	v->dirty = false;
	v->used = ++fs->clock;
	*out = v;
	return 0;
}

int fat_bread(struct fat_fs *fs, uint32_t s, uint8_t **data)
{
	if (s >= fs->total_sectors)
		return -EIO;
	struct fat_cache_slot *slot = find(fs, s);
	if (!slot) {
		int err = victim(fs, s, &slot);
		if (err)
			return err;
		err = fat_dev_read(fs, s, 1, slot->data);
		if (err) {
			slot->sector = FAT_NO_SECTOR;
			return -EIO;
		}
	}
	*data = slot->data;
	return 0;
}

int fat_bzero(struct fat_fs *fs, uint32_t s, uint8_t **data)
{
	if (s >= fs->total_sectors)
		return -EIO;
	struct fat_cache_slot *slot = find(fs, s);
	if (!slot) {
		int err = victim(fs, s, &slot);
		if (err)
			return err;
	}
	memset(slot->data, 0, fs->sector_size);
	slot->dirty = true;
	*data = slot->data;
	return 0;
}

void fat_bdirty(struct fat_fs *fs, uint32_t s)
{
	struct fat_cache_slot *slot = find(fs, s);
	if (slot)
		slot->dirty = true;
}

void fat_cache_forget(struct fat_fs *fs, uint32_t s, uint32_t n)
{
	for (int i = 0; i < FAT_CACHE_SLOTS; i++) {
		struct fat_cache_slot *slot = &fs->cache[i];
		if (slot->sector != FAT_NO_SECTOR && slot->sector >= s && slot->sector - s < n) {
			slot->sector = FAT_NO_SECTOR;
			slot->dirty = false;
			slot->used = 0;
		}
	}
}

int fat_cache_flush(struct fat_fs *fs)
{
	if (fs->broken)
		return -EROFS;
	int ret = 0;
	for (int i = 0; i < FAT_CACHE_SLOTS; i++) {
		if (fs->cache[i].dirty) {
			int err = write_slot(fs, &fs->cache[i]);
			if (err)
				ret = err;
		}
	}
	return ret;
}
