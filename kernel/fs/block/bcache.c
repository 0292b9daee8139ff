/*
 * The block cache (block/bcache.h): buffers of filesystem blocks keyed by
 * (device, block number), an LRU list for eviction under a memory cap, and
 * write-back sorted by block number with adjacent blocks merged into one
 * request. A kernel thread, bsyncd, writes buffers that have been dirty for
 * more than BCACHE_DIRTY_SECONDS.
 */
#include <block/bcache.h>
#include <block/blkdev.h>
#include <errno.h>
#include <lib/string.h>
#include <mm/pmm.h>
#include <mm/slab.h>
#include <panic.h>
#include <printk.h>
#include <proc/sched.h>
#include <proc/task.h>
#include <proc/wait.h>
#include <spinlock.h>
#include <time.h>

#define BUF_VALID 0x1 /* data holds the block's contents */
#define BUF_BUSY 0x2  /* being read from the device; wait on io_wait */
#define BUF_DIRTY 0x4 /* changed since it was last written */

#define HASH_BUCKETS 1024
#define MAX_DEVS 32
#define MERGE_BYTES (64 * 1024) /* the largest request write-back builds */

static struct spinlock cache_lock = SPINLOCK_INIT("bcache");
static struct list_head hash[HASH_BUCKETS];
static LIST_HEAD(lru);
static struct wait_queue io_wait = WAIT_QUEUE_INIT(io_wait);
static bool hash_ready;
static size_t limit_bytes;
static struct bcache_stats stats;

/* The block size of each device that has one (set by bcache_set_block_size()). */
static struct {
	struct block_device *dev;
	uint32_t size;
} dev_sizes[MAX_DEVS];

/* Call with cache_lock held. */
static void init_locked(void)
{
	if (hash_ready)
		return;
	for (size_t i = 0; i < HASH_BUCKETS; i++)
		list_init(&hash[i]);
	if (!limit_bytes) {
		uint64_t total = pmm_total_count() * PAGE_SIZE;
		limit_bytes = MIN(total / 8, (uint64_t)32 << 20);
		if (limit_bytes < (256u << 10))
			limit_bytes = 256u << 10;
	}
	hash_ready = true;
}

static struct list_head *bucket(struct block_device *dev, uint64_t blkno)
{
	uint64_t h = (uint64_t)(uintptr_t)dev * 0x9e3779b97f4a7c15ull ^ blkno * 0xff51afd7ed558ccdull;
	return &hash[(h >> 20) % HASH_BUCKETS];
}

/* The block size of dev, or 0 if none was set. Call with cache_lock held. */
static uint32_t dev_block_size(struct block_device *dev)
{
	for (size_t i = 0; i < MAX_DEVS; i++)
		if (dev_sizes[i].dev == dev)
			return dev_sizes[i].size;
	return 0;
}

static struct buf *lookup_locked(struct block_device *dev, uint64_t blkno)
{
	struct buf *b;
	list_for_each_entry(b, bucket(dev, blkno), hash_link)
	{
		if (b->dev == dev && b->blkno == blkno)
			return b;
	}
	return NULL;
}

static void free_buf(struct buf *b)
{
	kfree(b->data);
	kfree(b);
}

/* Unlinks an unreferenced buffer from the cache. Call with cache_lock held. */
static void unlink_locked(struct buf *b)
{
	list_del(&b->hash_link);
	list_del(&b->lru_link);
	stats.bytes -= b->size;
	stats.buffers--;
	if (b->flags & BUF_DIRTY)
		stats.dirty--;
}

/* Heap sort of write-back candidates by (device, block number). */
static bool buf_less(const struct buf *a, const struct buf *b)
{
	if (a->dev != b->dev)
		return (uintptr_t)a->dev < (uintptr_t)b->dev;
	return a->blkno < b->blkno;
}

static void sift_down(struct buf **v, size_t start, size_t n)
{
	size_t root = start;
	while (2 * root + 1 < n) {
		size_t child = 2 * root + 1;
		if (child + 1 < n && buf_less(v[child], v[child + 1]))
			child++;
		if (!buf_less(v[root], v[child]))
			return;
		struct buf *t = v[root];
		v[root] = v[child];
		v[child] = t;
		root = child;
	}
}

static void sort_bufs(struct buf **v, size_t n)
{
	for (size_t i = n / 2; i-- > 0;)
		sift_down(v, i, n);
	for (size_t end = n; end-- > 1;) {
		struct buf *t = v[0];
		v[0] = v[end];
		v[end] = t;
		sift_down(v, 0, end);
	}
}

/*
 * Writes the run v[0..n) (one device, consecutive block numbers) as one
 * request through bounce (MERGE_BYTES), or one buffer directly.
 */
static int write_run(struct buf **v, size_t n, uint8_t *bounce)
{
	struct buf *first = v[0];
	uint32_t spb = first->size / SECTOR_SIZE;
	int err;
	if (n == 1 || !bounce) {
		err = 0;
		for (size_t i = 0; i < n && !err; i++)
			err = blkdev_write(v[i]->dev, v[i]->blkno * spb, spb, v[i]->data);
	} else {
		for (size_t i = 0; i < n; i++)
			memcpy(bounce + i * first->size, v[i]->data, first->size);
		err = blkdev_write(first->dev, first->blkno * spb, (uint32_t)(spb * n), bounce);
	}
	if (err)
		pr_err("bcache: %s: writing blocks %lu-%lu failed (error %d); their changes are lost\n",
		       first->dev->name, first->blkno, first->blkno + n - 1, err);
	return err;
}

/* Collects up to max referenced dirty buffers of dev (NULL: all), clearing their dirty bit. */
static size_t collect_dirty(struct block_device *dev, struct buf **v, size_t max)
{
	size_t n = 0;
	unsigned long irq = spin_lock_irqsave(&cache_lock);
	struct buf *b;
	list_for_each_entry(b, &lru, lru_link)
	{
		if (n == max)
			break;
		if (!(b->flags & BUF_DIRTY) || (dev && b->dev != dev))
			continue;
		b->flags &= ~BUF_DIRTY;
		stats.dirty--;
		b->refcount++;
		v[n++] = b;
	}
	spin_unlock_irqrestore(&cache_lock, irq);
	return n;
}

static size_t count_dirty(struct block_device *dev)
{
	size_t n = 0;
	unsigned long irq = spin_lock_irqsave(&cache_lock);
	if (!dev)
		n = stats.dirty;
	else {
		struct buf *b;
		list_for_each_entry(b, &lru, lru_link)
			n += (b->flags & BUF_DIRTY) && b->dev == dev;
	}
	spin_unlock_irqrestore(&cache_lock, irq);
	return n;
}

static void flush_dev(struct block_device *dev, void *arg)
{
	int *err = arg;
	int e = blkdev_flush(dev);
	if (e && !*err)
		*err = e;
}

int bcache_sync(struct block_device *dev)
{
	int first_err = 0;
	size_t want;
	/* Buffers dirtied while we write are picked up by the next round. */
	while ((want = count_dirty(dev)) > 0) {
		struct buf **v = kmalloc(want * sizeof(*v));
		uint8_t *bounce = kmalloc(MERGE_BYTES);
		if (!v) {
			kfree(bounce);
			return -ENOMEM;
		}
		size_t n = collect_dirty(dev, v, want);
		sort_bufs(v, n);
		for (size_t i = 0; i < n;) {
			size_t j = i + 1;
			while (j < n && v[j]->dev == v[i]->dev && v[j]->blkno == v[j - 1]->blkno + 1 &&
			       (j - i + 1) * v[i]->size <= MERGE_BYTES)
				j++;
			int err = write_run(v + i, j - i, bounce);
			if (err && !first_err)
				first_err = err;
			i = j;
		}
		unsigned long irq = spin_lock_irqsave(&cache_lock);
		stats.writes += n;
		spin_unlock_irqrestore(&cache_lock, irq);
		for (size_t i = 0; i < n; i++)
			bcache_release(v[i]);
		kfree(bounce);
		kfree(v);
		if (n == 0)
			break;
	}
	int ferr = 0;
	if (dev)
		ferr = blkdev_flush(dev);
	else
		blkdev_for_each(flush_dev, &ferr);
	return first_err ? first_err : ferr;
}

/*
 * Frees unreferenced clean buffers from the LRU end until the cache is under
 * its cap; when the least recently used unreferenced buffer is dirty, writes
 * back its device first (all of its dirty buffers, as one sorted batch).
 */
static void evict(void)
{
	for (int round = 0; round < 2; round++) {
		struct block_device *dirty_dev = NULL;
		for (;;) {
			struct buf *victim = NULL, *b;
			unsigned long irq = spin_lock_irqsave(&cache_lock);
			if (stats.bytes <= limit_bytes) {
				spin_unlock_irqrestore(&cache_lock, irq);
				return;
			}
			list_for_each_entry(b, &lru, lru_link)
			{
				if (b->refcount || (b->flags & BUF_BUSY))
					continue;
				if (b->flags & BUF_DIRTY) {
					/* Write back its device as one sorted batch, then look again. */
					dirty_dev = b->dev;
					break;
				}
				victim = b;
				break;
			}
			if (victim) {
				unlink_locked(victim);
				stats.evictions++;
			}
			spin_unlock_irqrestore(&cache_lock, irq);
			if (!victim)
				break;
			free_buf(victim);
		}
		if (!dirty_dev)
			return; /* everything is in use: the cap is exceeded for now */
		bcache_sync(dirty_dev);
	}
}

/* The common part of bcache_read() and bcache_get_zero(). */
static struct buf *get(struct block_device *dev, uint64_t blkno, bool read)
{
	struct buf *b, *fresh = NULL;
	unsigned long irq = spin_lock_irqsave(&cache_lock);
	init_locked();
	uint32_t size = dev_block_size(dev);
	if (!size) {
		spin_unlock_irqrestore(&cache_lock, irq);
		return ERR_PTR(-EINVAL);
	}
	for (;;) {
		b = lookup_locked(dev, blkno);
		if (b)
			break;
		if (fresh) {
			b = fresh;
			fresh = NULL;
			b->flags = BUF_BUSY;
			b->refcount = 1;
			list_add(&b->hash_link, bucket(dev, blkno));
			list_add_tail(&b->lru_link, &lru);
			stats.bytes += b->size;
			stats.buffers++;
			stats.misses++;
			spin_unlock_irqrestore(&cache_lock, irq);
			goto fill;
		}
		spin_unlock_irqrestore(&cache_lock, irq);
		fresh = kzalloc(sizeof(*fresh));
		if (fresh)
			fresh->data = kmalloc(size);
		if (!fresh || !fresh->data) {
			kfree(fresh);
			return ERR_PTR(-ENOMEM);
		}
		fresh->dev = dev;
		fresh->blkno = blkno;
		fresh->size = size;
		irq = spin_lock_irqsave(&cache_lock);
	}
	/* A cached buffer: wait for a read in progress. */
	b->refcount++;
	list_del(&b->lru_link);
	list_add_tail(&b->lru_link, &lru);
	stats.hits++;
	while (b->flags & BUF_BUSY) {
		spin_unlock_irqrestore(&cache_lock, irq);
		wait_event(io_wait, !(__atomic_load_n(&b->flags, __ATOMIC_ACQUIRE) & BUF_BUSY));
		irq = spin_lock_irqsave(&cache_lock);
	}
	bool valid = b->flags & BUF_VALID;
	if (!valid)
		b->flags |= BUF_BUSY; /* an earlier read failed: try again */
	spin_unlock_irqrestore(&cache_lock, irq);
	if (fresh)
		free_buf(fresh);
	if (valid)
		return b;
fill:;
	int err = 0;
	if (read) {
		uint32_t spb = b->size / SECTOR_SIZE;
		err = blkdev_read(dev, blkno * spb, spb, b->data);
	} else {
		memset(b->data, 0, b->size);
	}
	irq = spin_lock_irqsave(&cache_lock);
	b->flags &= ~BUF_BUSY;
	if (!err)
		b->flags |= BUF_VALID;
	spin_unlock_irqrestore(&cache_lock, irq);
	wake_up(&io_wait);
	if (err) {
		bcache_release(b);
		return ERR_PTR(-EIO);
	}
	evict();
	return b;
}

struct buf *bcache_read(struct block_device *dev, uint64_t blkno)
{
	return get(dev, blkno, true);
}

struct buf *bcache_get_zero(struct block_device *dev, uint64_t blkno)
{
	return get(dev, blkno, false);
}

void bcache_mark_dirty(struct buf *b)
{
	unsigned long irq = spin_lock_irqsave(&cache_lock);
	if (!(b->flags & BUF_DIRTY)) {
		b->flags |= BUF_DIRTY;
		b->dirty_ns = clock_monotonic_ns();
		stats.dirty++;
	}
	spin_unlock_irqrestore(&cache_lock, irq);
}

void bcache_release(struct buf *b)
{
	unsigned long irq = spin_lock_irqsave(&cache_lock);
	KASSERT(b->refcount > 0);
	b->refcount--;
	spin_unlock_irqrestore(&cache_lock, irq);
}

/* Drops every unreferenced buffer of dev; returns how many are still referenced. */
static size_t drop_dev(struct block_device *dev)
{
	size_t busy = 0;
	for (;;) {
		struct buf *victim = NULL, *b;
		busy = 0;
		unsigned long irq = spin_lock_irqsave(&cache_lock);
		init_locked();
		list_for_each_entry(b, &lru, lru_link)
		{
			if (b->dev != dev)
				continue;
			if (b->refcount || (b->flags & (BUF_BUSY | BUF_DIRTY))) {
				busy++;
				continue;
			}
			victim = b;
			break;
		}
		if (victim)
			unlink_locked(victim);
		spin_unlock_irqrestore(&cache_lock, irq);
		if (!victim)
			return busy;
		free_buf(victim);
	}
}

int bcache_forget(struct block_device *dev)
{
	int err = bcache_sync(dev);
	if (drop_dev(dev))
		return err; /* still in use: keep the block size */
	unsigned long irq = spin_lock_irqsave(&cache_lock);
	for (int i = 0; i < MAX_DEVS; i++)
		if (dev_sizes[i].dev == dev)
			dev_sizes[i].dev = NULL;
	spin_unlock_irqrestore(&cache_lock, irq);
	return err;
}

int bcache_set_block_size(struct block_device *dev, uint32_t size)
{
	if (size < SECTOR_SIZE || size > 4096 || (size & (size - 1)))
		return -EINVAL;
	int err = bcache_sync(dev);
	if (err)
		return err;
	if (drop_dev(dev))
		return -EBUSY;
	unsigned long irq = spin_lock_irqsave(&cache_lock);
	int slot = -1;
	for (int i = 0; i < MAX_DEVS; i++) {
		if (dev_sizes[i].dev == dev) {
			slot = i;
			break;
		}
		if (slot < 0 && !dev_sizes[i].dev)
			slot = i;
	}
	if (slot >= 0) {
		dev_sizes[slot].dev = dev;
		dev_sizes[slot].size = size;
	}
	spin_unlock_irqrestore(&cache_lock, irq);
	return slot >= 0 ? 0 : -ENOMEM;
}

void bcache_set_limit(size_t bytes)
{
	unsigned long irq = spin_lock_irqsave(&cache_lock);
	init_locked();
	limit_bytes = bytes;
	spin_unlock_irqrestore(&cache_lock, irq);
	evict();
}

void bcache_get_stats(struct bcache_stats *st)
{
	unsigned long irq = spin_lock_irqsave(&cache_lock);
	*st = stats;
	spin_unlock_irqrestore(&cache_lock, irq);
}

/* Whether some buffer has been dirty for longer than BCACHE_DIRTY_SECONDS. */
static bool old_dirty(void)
{
	uint64_t now = clock_monotonic_ns();
	uint64_t age = (uint64_t)BCACHE_DIRTY_SECONDS * 1000000000ull;
	bool found = false;
	unsigned long irq = spin_lock_irqsave(&cache_lock);
	if (hash_ready && stats.dirty) {
		struct buf *b;
		list_for_each_entry(b, &lru, lru_link)
		{
			if ((b->flags & BUF_DIRTY) && now - b->dirty_ns > age) {
				found = true;
				break;
			}
		}
	}
	spin_unlock_irqrestore(&cache_lock, irq);
	return found;
}

static void sync_daemon(void *arg)
{
	(void)arg;
	for (;;) {
		sched_sleep_ns(1000000000ull);
		if (old_dirty())
			bcache_sync(NULL);
	}
}

void bcache_start_daemon(void)
{
	if (!kthread_create(sync_daemon, NULL, "bsyncd"))
		pr_err("bcache: cannot start the sync daemon; dirty blocks wait for sync(2)\n");
}
