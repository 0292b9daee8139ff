/*
 * The block cache: the layer between filesystems and block devices
 * (docs/filesystems.md). A buffer holds one filesystem block of one device;
 * buffers are keyed by (device, block number), the block size being fixed per
 * device by bcache_set_block_size(). Buffers are reference counted; unused
 * ones stay cached in LRU order until the cache grows past its memory cap.
 * Writes go to the buffer and are marked dirty; they reach the device when
 * bcache_sync() is called, when a buffer has been dirty for more than
 * BCACHE_DIRTY_SECONDS (the sync daemon), or when eviction needs the memory.
 * Every write-back sorts the buffers by block number (the request queue) and
 * sends runs of adjacent blocks as one device request.
 *
 * Locking: the cache's own lock (a spinlock) guards the index and the
 * reference counts; a buffer's data is guarded by whoever uses it (the
 * filesystem's lock). A buffer being read from the device is waited for.
 */
#ifndef CAIRN_BLOCK_BCACHE_H
#define CAIRN_BLOCK_BCACHE_H

#include <list.h>
#include <types.h>

struct block_device;

#define BCACHE_DIRTY_SECONDS 5

struct buf {
	struct block_device *dev;
	uint64_t blkno;
	uint32_t size;
	uint8_t *data;
	/* The rest belongs to bcache.c. */
	int refcount;      /* guarded by the cache lock */
	unsigned flags;    /* BUF_* in bcache.c, guarded by the cache lock */
	uint64_t dirty_ns; /* when it became dirty (clock_monotonic_ns) */
	struct list_head hash_link;
	struct list_head lru_link; /* most recently used at the tail */
};

/*
 * Sets the block size (512 to 4096, a power of two) of dev's buffers. Any
 * buffers the device has are written back and dropped first. Returns 0,
 * -EINVAL for a bad size, -EBUSY while a buffer of dev is referenced, or the
 * write-back's error.
 */
int bcache_set_block_size(struct block_device *dev, uint32_t size);

/*
 * Returns the buffer of block blkno of dev with a reference, its data read
 * from the device if it was not cached; ERR_PTR(-EIO) if the read failed (a
 * block past the device's end) or ERR_PTR(-ENOMEM). May sleep.
 */
struct buf *bcache_read(struct block_device *dev, uint64_t blkno);
/*
 * Like bcache_read() but for a block about to be overwritten whole: the
 * data is not read from the device (a new buffer is zero-filled).
 */
struct buf *bcache_get_zero(struct block_device *dev, uint64_t blkno);
/* Marks a referenced buffer dirty, after its data was changed. */
void bcache_mark_dirty(struct buf *b);
/* Drops a reference. */
void bcache_release(struct buf *b);

/*
 * Writes every dirty buffer of dev (every device if dev is NULL) sorted by
 * block number, then flushes the device's write cache. Returns 0 or the
 * first error (the buffers that failed stay dirty).
 */
int bcache_sync(struct block_device *dev);
/*
 * Writes back and drops every unreferenced buffer of dev (umount); when none
 * is left, dev also forgets its block size. Returns bcache_sync()'s result.
 */
int bcache_forget(struct block_device *dev);

/* The memory cap in bytes (buffers in use may exceed it). */
void bcache_set_limit(size_t bytes);

struct bcache_stats {
	size_t bytes;       /* buffer data held */
	size_t buffers;
	size_t dirty;
	uint64_t hits, misses, writes, evictions;
};
void bcache_get_stats(struct bcache_stats *st);

/* Starts the sync daemon (kernel thread "bsyncd"); call once at boot. */
void bcache_start_daemon(void);

#endif
