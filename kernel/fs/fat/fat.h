/*
 * The FAT32 driver's core: pure logic over "read/write device sectors"
 * callbacks, so the same code runs in the kernel (over a block device) and
 * in the host unit tests (over an image file). The layers, bottom to top:
 *
 *   fat_cache.c   a small write-back cache of FAT and directory sectors
 *   fat_super.c   the boot sector and FSInfo: validation, geometry, times
 *   fat_table.c   the FAT: entries, cluster chains, allocation
 *   fat_file.c    file data: cluster maps, read, write, truncate
 *   fat_name.c    names: 8.3 short names, VFAT long names, UTF-16
 *   fat_dir.c     directories: entries with long names, lookup, add, remove
 *   vfs.c         the VFS glue (kernel only)
 *
 * Everything read from the disk is checked before use: cluster numbers
 * against the cluster count, chains against loops (no chain is longer than
 * the filesystem has clusters), directory entries against their directory.
 * A corrupt structure gives -EIO; found while mounted read-write it also
 * marks the filesystem broken (fat_fs_error()), after which nothing more is
 * written to the device. The caller serialises all calls on one fat_fs.
 */
#ifndef CAIRN_FS_FAT_H
#define CAIRN_FS_FAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fat_format.h"

#define FAT_CACHE_SLOTS 128
#define FAT_SECTOR_MAX 4096
#define FAT_NO_SECTOR 0xFFFFFFFFu

struct fat_cache_slot {
	uint32_t sector; /* logical sector held, or FAT_NO_SECTOR */
	uint32_t used;   /* clock value of the last access (LRU) */
	bool dirty;
	uint8_t *data;   /* sector_size bytes */
};

struct fat_fs {
	/* The device, in 512-byte sectors: 0 or -EIO. */
	int (*dev_read)(void *ctx, uint64_t sector, uint32_t count, void *buf);
	int (*dev_write)(void *ctx, uint64_t sector, uint32_t count, const void *buf);
	void *ctx;
	uint64_t dev_sectors;
	/* Called with a sentence when the core finds the filesystem corrupt (may be NULL). */
	void (*warn)(void *ctx, const char *msg);

	/* Geometry, from the boot sector (fat_check_super()); sectors are logical sectors. */
	uint32_t sector_size, dev_per_sector, sec_per_clus, cluster_size;
	uint32_t fat_start, fat_sectors, nr_fats;
	uint32_t data_start, total_sectors, nr_clusters, root_cluster;
	uint32_t fsinfo_sector; /* 0: none */
	uint32_t volume_id;

	/* Allocation state, kept right while mounted and written to FSInfo by fat_sync(). */
	uint32_t free_count; /* FAT_FSINFO_UNKNOWN until counted */
	uint32_t next_free;  /* where the next search starts */
	bool fsinfo_dirty;

	bool read_only;      /* judged unsafe to write at mount: why says why */
	bool broken;         /* corruption found while mounted: nothing more is written */
	char why[96];

	struct fat_cache_slot cache[FAT_CACHE_SLOTS];
	uint32_t clock;
	uint8_t *scratch;    /* one sector for read-modify-write of file data */
};

/* What the core knows about one file or directory (the glue keeps it in its inode). */
struct fat_node {
	uint32_t start;     /* first cluster, 0 for an empty file */
	uint32_t size;      /* bytes; for a directory its chain's length in bytes */
	bool dir;
	uint32_t hint_idx;  /* a known (index, cluster) pair of the chain: sequential access */
	uint32_t hint_clus; /* 0: none */
};

/* ---- fat_cache.c ---- */

/* Sets up the cache over mem (FAT_CACHE_SLOTS * sector_size bytes). */
void fat_cache_init(struct fat_fs *fs, uint8_t *mem);
/* Points *data at logical sector s, read through the cache; valid until the next cache call. */
int fat_bread(struct fat_fs *fs, uint32_t s, uint8_t **data);
/* Like fat_bread() for a sector about to be overwritten whole: zeroed, not read, dirty. */
int fat_bzero(struct fat_fs *fs, uint32_t s, uint8_t **data);
/* Marks cached sector s (just returned by fat_bread()) dirty. */
void fat_bdirty(struct fat_fs *fs, uint32_t s);
/* Drops sectors [s, s + n) from the cache without writing them (freed clusters). */
void fat_cache_forget(struct fat_fs *fs, uint32_t s, uint32_t n);
/* Writes every dirty sector (FAT sectors to every FAT copy). 0, -EIO, or -EROFS if broken. */
int fat_cache_flush(struct fat_fs *fs);
/* Uncached transfers of logical sectors (file data); writes fail with -EROFS if broken. */
int fat_dev_read(struct fat_fs *fs, uint32_t s, uint32_t n, void *buf);
int fat_dev_write(struct fat_fs *fs, uint32_t s, uint32_t n, const void *buf);

/* ---- fat_super.c ---- */

/*
 * Checks boot sector (sector_size bytes from sector 0 of the device) and
 * fills the geometry. Returns 0 (fs->read_only and why set when it should
 * not be written: FAT mirroring off, the data area past the device, a dirty
 * volume), or -EINVAL with the reason in fs->why (not FAT32, or corrupt).
 */
int fat_check_super(struct fat_fs *fs, const uint8_t *boot);
/*
 * Reads FSInfo and the root directory's chain after fat_check_super() and the
 * cache are set up. Counts the free clusters when FSInfo does not know them.
 * 0, or -EINVAL / -EIO with fs->why.
 */
int fat_load(struct fat_fs *fs);
/* Writes the cache and FSInfo back: 0 or -EIO (-EROFS when broken). */
int fat_sync(struct fat_fs *fs);
/* Marks the filesystem broken (corrupt) with a reason; returns -EIO for the caller to pass on. */
int fat_fs_error(struct fat_fs *fs, const char *msg);
/* The first logical sector of cluster c (2..nr_clusters+1). */
static inline uint32_t fat_cluster_sector(const struct fat_fs *fs, uint32_t c)
{
	return fs->data_start + (c - FAT_FIRST_CLUSTER) * fs->sec_per_clus;
}
/* FAT dates and times (local time, taken as UTC) to and from Unix seconds. */
int64_t fat_time_to_unix(uint16_t date, uint16_t time);
void fat_unix_to_time(int64_t t, uint16_t *date, uint16_t *time);

/* ---- fat_table.c ---- */

static inline bool fat_cluster_ok(const struct fat_fs *fs, uint32_t c)
{
	return c >= FAT_FIRST_CLUSTER && c < fs->nr_clusters + FAT_FIRST_CLUSTER;
}
/* The raw 28-bit entry of cluster c (0..nr_clusters+1): 0 or -EIO. */
int fat_get(struct fat_fs *fs, uint32_t c, uint32_t *val);
/* Sets entry c, keeping its top four bits; the FSInfo counters are the caller's. */
int fat_set(struct fat_fs *fs, uint32_t c, uint32_t val);
/*
 * The cluster after c in a chain: *next = 0 at the end. -EIO when the entry
 * is free, bad or out of range (and the filesystem is marked broken).
 */
int fat_next(struct fat_fs *fs, uint32_t c, uint32_t *next);
/* Counts the clusters of the chain at start: -EIO on a loop or a bad link. */
int fat_chain_length(struct fat_fs *fs, uint32_t start, uint32_t *len);
/* Allocates a cluster, marks it end of chain and links prev (if not 0) to it: 0 or -ENOSPC. */
int fat_alloc(struct fat_fs *fs, uint32_t prev, uint32_t *out);
/* Frees the chain at start (bounded; a loop gives -EIO). */
int fat_free_chain(struct fat_fs *fs, uint32_t start);
/* Counts the free clusters into fs->free_count. */
int fat_count_free(struct fat_fs *fs);

/* ---- fat_file.c ---- */

/*
 * Sets *clus to cluster idx of node's chain. With alloc, extends the chain
 * (a new file gets node->start) so that cluster exists; without, -EIO when the
 * chain is shorter than the node says.
 */
int fat_bmap(struct fat_fs *fs, struct fat_node *node, uint32_t idx, bool alloc, uint32_t *clus);
/* Reads up to len bytes at off (clamped to the size): the count or -EIO. */
long fat_read(struct fat_fs *fs, struct fat_node *node, uint64_t off, void *buf, size_t len);
/*
 * Writes len bytes at off, zero-filling any gap after the old size, and
 * grows node->size. Returns the count (short on -ENOSPC after some bytes) or
 * -ENOSPC, -EFBIG (past 4 GiB - 1), -EIO.
 */
long fat_write(struct fat_fs *fs, struct fat_node *node, uint64_t off, const void *buf, size_t len);
/* Sets the size: frees clusters past it or zero-fills up to it. */
int fat_truncate(struct fat_fs *fs, struct fat_node *node, uint64_t size);

/* ---- fat_name.c ---- */

/* The longest UTF-8 name the driver hands out (NAME_MAX bytes) plus its NUL. */
#define FAT_NAME_BUF 256

uint8_t fat_lfn_checksum(const uint8_t short_name[11]);
/* UTF-16 to UTF-8 (bad surrogates become '?'): the length, or 0 if it does not fit size - 1. */
size_t fat_utf16_to_utf8(const uint16_t *in, size_t n, char *out, size_t size);
/* UTF-8 to UTF-16: the unit count, or -EINVAL (bad UTF-8) / -ENAMETOOLONG (over max). */
int fat_utf8_to_utf16(const char *in, size_t len, uint16_t *out, size_t max);
/* The display form of a short name ("README.TXT", lower case as nt_case says). */
size_t fat_short_display(const struct fat_dirent *de, char *out);
/* Whether name can be a new long name: no control or reserved characters, no trailing dot or space. */
bool fat_name_valid(const char *name, size_t len);
/* Whether name is exactly a valid upper-case 8.3 name; fills out (space padded) if so. */
bool fat_name_is_short(const char *name, size_t len, uint8_t out[11]);
/* The basis short name of a long name (Microsoft's algorithm, without the ~N tail). */
void fat_short_basis(const char *name, size_t len, uint8_t out[11]);
/* Puts the tail ~n into a basis name (1 <= n <= 999999). */
void fat_short_tail(uint8_t name[11], unsigned n);
/* Case-insensitive (ASCII) comparison of two names. */
bool fat_name_eq(const char *a, size_t alen, const char *b, size_t blen);

/* ---- fat_dir.c ---- */

/* One directory entry as the directory layer reports it. */
struct fat_dir_entry {
	struct fat_dirent de;    /* the short entry */
	char name[FAT_NAME_BUF]; /* the long name if valid, else the short one (UTF-8, NUL) */
	size_t name_len;
	uint32_t first;          /* byte offset in the directory of its first slot */
	uint32_t pos;            /* byte offset of the short entry */
	uint32_t sector, offset; /* where the short entry is: logical sector, byte in it */
};

static inline uint32_t fat_dirent_start(const struct fat_dirent *de)
{
	return ((uint32_t)de->start_hi << 16) | de->start_lo;
}

static inline void fat_dirent_set_start(struct fat_dirent *de, uint32_t c)
{
	de->start_hi = (uint16_t)(c >> 16);
	de->start_lo = (uint16_t)c;
}

/*
 * Reads the next entry at or after byte *pos of directory dir (skipping free
 * slots and volume labels; "." and ".." are reported) and moves *pos past it.
 * Returns 1, 0 at the end, or -EIO.
 */
int fat_dir_next(struct fat_fs *fs, struct fat_node *dir, uint32_t *pos, struct fat_dir_entry *out);
/* Finds name (long or short, case-insensitively): 0, -ENOENT or -EIO. */
int fat_dir_find(struct fat_fs *fs, struct fat_node *dir, const char *name, size_t len,
		 struct fat_dir_entry *out);
/*
 * Adds name with the fields of *tmpl (attr, start, size, times; the short
 * name is generated), growing the directory if needed. Returns 0 and the new
 * entry in *out, -EEXIST, -EINVAL (a name FAT cannot hold), -ENAMETOOLONG,
 * -ENOSPC, -EIO.
 */
int fat_dir_add(struct fat_fs *fs, struct fat_node *dir, const char *name, size_t len,
		const struct fat_dirent *tmpl, struct fat_dir_entry *out);
/* Frees the slots of entry e (its long name and its short entry). */
int fat_dir_remove(struct fat_fs *fs, const struct fat_node *dir, const struct fat_dir_entry *e);
/* Reads / rewrites the short entry at (sector, offset). */
int fat_dirent_read(struct fat_fs *fs, uint32_t sector, uint32_t offset, struct fat_dirent *de);
int fat_dirent_write(struct fat_fs *fs, uint32_t sector, uint32_t offset,
		     const struct fat_dirent *de);
/* 1 if directory dir holds nothing but "." and "..", 0 if it holds more, or -EIO. */
int fat_dir_empty(struct fat_fs *fs, struct fat_node *dir);
/*
 * Fills the new directory cluster clus: "." (clus), ".." (parent; 0 for
 * the root) with tmpl's times, the rest zero.
 */
int fat_dir_init(struct fat_fs *fs, uint32_t clus, uint32_t parent, const struct fat_dirent *tmpl);
/* Points the ".." entry of directory dir at parent (0 for the root). */
int fat_dir_set_parent(struct fat_fs *fs, struct fat_node *dir, uint32_t parent);

#endif
