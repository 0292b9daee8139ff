/*
 * Self-tests of the block cache over a disk in memory: reads are cached,
 * writes stay in the cache until bcache_sync(), which writes them sorted by
 * block number with adjacent blocks merged, and eviction under the memory
 * cap writes dirty buffers back before dropping them.
 */
#include <block/bcache.h>
#include <block/blkdev.h>
#include <errno.h>
#include <ktest.h>
#include <lib/string.h>
#include <mm/slab.h>

#define MEM_BLOCKS 64
#define MEM_BS 1024
#define MAX_LOG 64

struct memdisk {
	uint8_t *data;
	unsigned reads, writes;
	uint64_t write_lba[MAX_LOG]; /* the first sector of each write request */
	uint32_t write_count[MAX_LOG];
};

static int mem_read(struct block_device *dev, uint64_t lba, uint32_t count, void *buf)
{
	struct memdisk *m = dev->priv;
	m->reads++;
	memcpy(buf, m->data + lba * SECTOR_SIZE, (size_t)count * SECTOR_SIZE);
	return 0;
}

static int mem_write(struct block_device *dev, uint64_t lba, uint32_t count, const void *buf)
{
	struct memdisk *m = dev->priv;
	if (m->writes < MAX_LOG) {
		m->write_lba[m->writes] = lba;
		m->write_count[m->writes] = count;
	}
	m->writes++;
	memcpy(m->data + lba * SECTOR_SIZE, buf, (size_t)count * SECTOR_SIZE);
	return 0;
}

static const struct block_ops mem_ops = {.read = mem_read, .write = mem_write};

KTEST(bcache_basic)
{
	struct memdisk m = {0};
	struct block_device dev = {.name = "ktmem", .nr_sectors = MEM_BLOCKS * MEM_BS / SECTOR_SIZE,
				   .ops = &mem_ops, .priv = &m};
	dev.disk = &dev;
	m.data = kzalloc(MEM_BLOCKS * MEM_BS);
	KT_ASSERT(m.data);
	for (int i = 0; i < MEM_BLOCKS; i++)
		m.data[i * MEM_BS] = (uint8_t)i;
	KT_ASSERT(bcache_read(&dev, 0) == ERR_PTR(-EINVAL)); /* no block size yet */
	KT_ASSERT(bcache_set_block_size(&dev, 1000) == -EINVAL);
	KT_ASSERT(bcache_set_block_size(&dev, MEM_BS) == 0);

	/* A second read of a block is a hit: one device read. */
	struct buf *b = bcache_read(&dev, 5);
	KT_ASSERT(!IS_ERR(b) && b->data[0] == 5 && b->size == MEM_BS);
	bcache_release(b);
	b = bcache_read(&dev, 5);
	KT_ASSERT(!IS_ERR(b) && m.reads == 1);
	bcache_release(b);
	/* Past the end of the device: -EIO, nothing cached. */
	KT_ASSERT(bcache_read(&dev, MEM_BLOCKS) == ERR_PTR(-EIO));

	/* Dirty blocks 9, 3, 4, 5, 20 in that order; sync writes 3-5 as one request, sorted. */
	static const uint64_t order[] = {9, 3, 4, 5, 20};
	for (size_t i = 0; i < ARRAY_SIZE(order); i++) {
		b = order[i] == 20 ? bcache_get_zero(&dev, order[i]) : bcache_read(&dev, order[i]);
		KT_ASSERT(!IS_ERR(b));
		b->data[1] = 0xa0 + (uint8_t)order[i];
		bcache_mark_dirty(b);
		bcache_release(b);
	}
	KT_ASSERT(m.writes == 0 && m.data[9 * MEM_BS + 1] == 0);
	struct bcache_stats st;
	bcache_get_stats(&st);
	KT_ASSERT(st.dirty >= 5);
	KT_ASSERT(bcache_sync(&dev) == 0);
	KT_ASSERT(m.writes == 3);
	KT_ASSERT(m.write_lba[0] == 3 * 2 && m.write_count[0] == 3 * 2);
	KT_ASSERT(m.write_lba[1] == 9 * 2 && m.write_count[1] == 2);
	KT_ASSERT(m.write_lba[2] == 20 * 2);
	KT_ASSERT(m.data[4 * MEM_BS + 1] == 0xa4 && m.data[20 * MEM_BS] == 0 &&
		  m.data[20 * MEM_BS + 1] == 0xb4);
	KT_ASSERT(bcache_sync(&dev) == 0 && m.writes == 3); /* nothing dirty left */

	/* Under a tiny cap, filling the cache evicts, writing dirty blocks back first. */
	bcache_get_stats(&st);
	size_t old_limit = 32u << 20;
	bcache_set_limit(st.bytes - st.bytes % MEM_BS + 4 * MEM_BS);
	for (uint64_t i = 30; i < 50; i++) {
		b = bcache_read(&dev, i);
		KT_ASSERT(!IS_ERR(b));
		b->data[2] = (uint8_t)(i + 1);
		bcache_mark_dirty(b);
		bcache_release(b);
	}
	struct bcache_stats st2;
	bcache_get_stats(&st2);
	KT_ASSERT(st2.evictions > st.evictions);
	KT_ASSERT(m.data[30 * MEM_BS + 2] == 31); /* written back before eviction */
	bcache_set_limit(old_limit);
	/* A referenced buffer keeps the block size fixed. */
	b = bcache_read(&dev, 1);
	KT_ASSERT(!IS_ERR(b));
	KT_ASSERT(bcache_set_block_size(&dev, 2048) == -EBUSY);
	bcache_release(b);
	KT_ASSERT(bcache_forget(&dev) == 0);
	for (uint64_t i = 30; i < 50; i++)
		KT_ASSERT(m.data[i * MEM_BS + 2] == (uint8_t)(i + 1));
	KT_ASSERT(bcache_read(&dev, 1) == ERR_PTR(-EINVAL)); /* forgotten */
	kfree(m.data);
	return 0;
}
