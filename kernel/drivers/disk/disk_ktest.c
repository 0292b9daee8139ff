/*
 * Disk driver self-tests: every DMA buffer path (contiguous, scattered
 * pages, odd addresses through the bounce buffer), writes, the block layer's
 * bounds, the timeout and recovery path, concurrent callers on one queue, and
 * sequential read throughput, and a device that refuses a command.
 *
 * They use the disk named by ktest_disk= (a scratch disk the host checks
 * afterwards; it is overwritten from sector WRITE_BASE on) or, without it,
 * sda, which they only read or rewrite with its own contents.
 */
#include <arch/mmu.h>
#include <block/blkdev.h>
#include <cmdline.h>
#include <drivers/disk.h>
#include <errno.h>
#include <ktest.h>
#include <lib/string.h>
#include <mm/pmm.h>
#include <mm/slab.h>
#include <proc/sched.h>
#include <proc/task.h>
#include <time.h>

#define SCATTER_VA 0xffffc01000000000UL
#define SCATTER_PAGES 130
#define READ_SECTORS 256  /* 128 KiB */
#define WRITE_BASE 2048   /* the scratch pattern starts at 1 MiB */
#define WRITE_SECTORS 2048
#define THROUGHPUT_BYTES (16u << 20)
#define THROUGHPUT_CHUNK (256u << 10)

static bool scratch_given(void)
{
	char name[BLKDEV_NAME_MAX];
	return cmdline_get("ktest_disk", name, sizeof(name));
}

static struct block_device *test_disk(void)
{
	char name[BLKDEV_NAME_MAX] = "sda";
	cmdline_get("ktest_disk", name, sizeof(name));
	return blkdev_find(name);
}

/*
 * Maps SCATTER_PAGES single pages at SCATTER_VA in reverse physical order,
 * so no two neighbours are physically adjacent: DMA must translate each page.
 */
static uint8_t *scatter_map(void)
{
	for (unsigned i = 0; i < SCATTER_PAGES; i++) {
		phys_addr_t pa = pmm_alloc_pages(0);
		if (!pa)
			return NULL;
		uintptr_t va = SCATTER_VA + (uintptr_t)(SCATTER_PAGES - 1 - i) * PAGE_SIZE;
		if (mmu_map(&kernel_space, va, pa, PAGE_SIZE, PTE_WRITE | PTE_NX, false))
			return NULL;
	}
	return (uint8_t *)SCATTER_VA;
}

static void scatter_unmap(void)
{
	for (unsigned i = 0; i < SCATTER_PAGES; i++) {
		phys_addr_t pa;
		uintptr_t va = SCATTER_VA + (uintptr_t)i * PAGE_SIZE;
		if (mmu_query(&kernel_space, va, &pa, NULL)) {
			mmu_unmap(&kernel_space, va, PAGE_SIZE);
			pmm_free_pages(pa & ~(PAGE_SIZE - 1), 0);
		}
	}
}

/* The scratch pattern, also computed by tests/boot/disk.py: word i of sector s. */
static uint64_t pattern_word(uint64_t s, unsigned i)
{
	return (s * 0x9e3779b97f4a7c15ULL) ^ ((uint64_t)i << 48) ^ 0xca1e5eedULL;
}

static void fill_pattern(uint8_t *buf, uint64_t first, uint32_t count)
{
	for (uint32_t s = 0; s < count; s++)
		for (unsigned i = 0; i < SECTOR_SIZE / 8; i++) {
			uint64_t w = pattern_word(first + s, i);
			memcpy(buf + (size_t)s * SECTOR_SIZE + i * 8, &w, 8);
		}
}

KTEST(disk_read_paths)
{
	struct block_device *d = test_disk();
	KT_ASSERT(d && d->nr_sectors >= READ_SECTORS);
	size_t bytes = READ_SECTORS * SECTOR_SIZE;
	uint8_t *ref = kmalloc(bytes), *odd = kmalloc(bytes + 8);
	KT_ASSERT(ref && odd);
	KT_ASSERT(blkdev_read(d, 0, READ_SECTORS, ref) == 0);
	KT_ASSERT(ref[510] == 0x55 && ref[511] == 0xaa);
	/* Scattered pages, starting mid-page. */
	uint8_t *sc = scatter_map();
	KT_ASSERT(sc);
	memset(sc, 0xa5, bytes + 6);
	KT_ASSERT(blkdev_read(d, 0, READ_SECTORS, sc + 6) == 0);
	KT_ASSERT(memcmp(sc + 6, ref, bytes) == 0);
	scatter_unmap();
	/* An odd address: the bounce buffer. */
	KT_ASSERT(blkdev_read(d, 0, READ_SECTORS, odd + 1) == 0);
	KT_ASSERT(memcmp(odd + 1, ref, bytes) == 0);
	/* One sector per request. */
	for (uint32_t s = 0; s < READ_SECTORS; s += 37) {
		KT_ASSERT(blkdev_read(d, s, 1, odd) == 0);
		KT_ASSERT(memcmp(odd, ref + (size_t)s * SECTOR_SIZE, SECTOR_SIZE) == 0);
	}
	kfree(ref);
	kfree(odd);
	return 0;
}

/*
 * With a scratch disk: writes the pattern over WRITE_SECTORS from
 * WRITE_BASE, half from scattered pages in one request, half in small
 * requests from an odd address, flushes, and reads it back. Without one:
 * rewrites sda's first sectors with their own contents the same two ways.
 */
KTEST(disk_write_paths)
{
	struct block_device *d = test_disk();
	bool scratch = scratch_given();
	uint64_t base = scratch ? WRITE_BASE : 0;
	uint32_t count = scratch ? WRITE_SECTORS : 128;
	KT_ASSERT(d && d->nr_sectors >= base + count);
	size_t bytes = (size_t)count * SECTOR_SIZE, half = bytes / 2;
	uint8_t *want = kmalloc(bytes), *odd = kmalloc(half + 8), *back = kmalloc(bytes);
	KT_ASSERT(want && odd && back);
	if (scratch)
		fill_pattern(want, base, count);
	else
		KT_ASSERT(blkdev_read(d, base, count, want) == 0);
	uint8_t *sc = scatter_map();
	KT_ASSERT(sc && half + 2 <= SCATTER_PAGES * PAGE_SIZE);
	memcpy(sc + 2, want, half);
	KT_ASSERT(blkdev_write(d, base, count / 2, sc + 2) == 0);
	scatter_unmap();
	memcpy(odd + 1, want + half, half);
	for (uint32_t s = 0; s < count / 2;) {
		uint32_t n = MIN(count / 2 - s, 1 + s % 7);
		KT_ASSERT(blkdev_write(d, base + count / 2 + s, n, odd + 1 + (size_t)s * SECTOR_SIZE) ==
			  0);
		s += n;
	}
	KT_ASSERT(blkdev_flush(d) == 0);
	memset(back, 0, bytes);
	KT_ASSERT(blkdev_read(d, base, count, back) == 0);
	KT_ASSERT(memcmp(back, want, bytes) == 0);
	kfree(want);
	kfree(odd);
	kfree(back);
	return 0;
}

KTEST(disk_bounds)
{
	struct block_device *d = test_disk();
	KT_ASSERT(d);
	uint8_t *buf = kmalloc(2 * SECTOR_SIZE);
	KT_ASSERT(buf);
	KT_ASSERT(blkdev_read(d, d->nr_sectors - 1, 1, buf) == 0);
	KT_ASSERT(blkdev_read(d, d->nr_sectors, 1, buf) == -EIO);
	KT_ASSERT(blkdev_read(d, d->nr_sectors - 1, 2, buf) == -EIO);
	KT_ASSERT(blkdev_write(d, d->nr_sectors, 1, buf) == -EIO);
	KT_ASSERT(blkdev_read(d, 0, 0, buf) == -EIO);
	kfree(buf);
	return 0;
}

/*
 * A device that never answers: the driver's interrupt handler drops the next
 * completion, so the request must time out with -EIO after the queue's
 * timeout, and the reset that follows must leave the disk working.
 */
KTEST(disk_timeout)
{
	struct block_device *d = test_disk();
	KT_ASSERT(d);
	struct disk_queue *q = disk_queue_of(d);
	KT_ASSERT(q);
	uint8_t *ref = kmalloc(8 * SECTOR_SIZE), *buf = kmalloc(8 * SECTOR_SIZE);
	KT_ASSERT(ref && buf);
	KT_ASSERT(blkdev_read(d, 0, 8, ref) == 0);
	uint64_t saved = q->timeout_ns;
	q->timeout_ns = 300 * 1000000ULL;
	q->drop_next_completion = true;
	uint64_t t0 = clock_monotonic_ns();
	int err = blkdev_read(d, 0, 8, buf);
	uint64_t ms = (clock_monotonic_ns() - t0) / 1000000;
	q->timeout_ns = saved;
	q->drop_next_completion = false;
	pr_info("ktest: %s: dropped completion gave %d after %lu ms\n", d->name, err, ms);
	KT_ASSERT(err == -EIO);
	KT_ASSERT(ms >= 290 && ms < 5000);
	memset(buf, 0, 8 * SECTOR_SIZE);
	KT_ASSERT(blkdev_read(d, 0, 8, buf) == 0);
	KT_ASSERT(memcmp(buf, ref, 8 * SECTOR_SIZE) == 0);
	kfree(ref);
	kfree(buf);
	return 0;
}

/*
 * A device error: the driver itself (below the block layer's bounds check)
 * asks for a sector past the end; the device refuses it, the request fails
 * with -EIO, and after the driver's recovery the disk reads correctly.
 */
KTEST(disk_device_error)
{
	struct block_device *d = test_disk();
	KT_ASSERT(d && d->disk == d);
	uint8_t *ref = kmalloc(8 * SECTOR_SIZE), *buf = kmalloc(8 * SECTOR_SIZE);
	KT_ASSERT(ref && buf);
	KT_ASSERT(blkdev_read(d, 0, 8, ref) == 0);
	KT_ASSERT(d->ops->read(d, d->nr_sectors + 8, 1, buf) == -EIO);
	KT_ASSERT(d->ops->write == NULL || d->ops->write(d, d->nr_sectors + 8, 1, ref) == -EIO);
	memset(buf, 0, 8 * SECTOR_SIZE);
	KT_ASSERT(blkdev_read(d, 0, 8, buf) == 0);
	KT_ASSERT(memcmp(buf, ref, 8 * SECTOR_SIZE) == 0);
	kfree(ref);
	kfree(buf);
	return 0;
}

#define READERS 4
#define READER_ROUNDS 16
#define READER_SECTORS 32

struct reader {
	struct block_device *disk;
	const uint8_t *ref; /* READERS * READER_SECTORS sectors from 0 */
	unsigned index;
	volatile int result; /* 1 running, 0 ok, -1 mismatch or error */
};

static void reader_thread(void *arg)
{
	struct reader *r = arg;
	size_t bytes = READER_SECTORS * SECTOR_SIZE;
	uint8_t *buf = kmalloc(bytes);
	int result = buf ? 0 : -1;
	for (unsigned i = 0; i < READER_ROUNDS && result == 0; i++) {
		unsigned slot = (r->index + i) % READERS;
		if (blkdev_read(r->disk, (uint64_t)slot * READER_SECTORS, READER_SECTORS, buf) ||
		    memcmp(buf, r->ref + slot * bytes, bytes))
			result = -1;
	}
	kfree(buf);
	r->result = result;
	kthread_exit();
}

/* Callers on different threads share one queue; each gets its own data back. */
KTEST(disk_concurrent)
{
	struct block_device *d = test_disk();
	KT_ASSERT(d);
	struct disk_queue *q = disk_queue_of(d);
	KT_ASSERT(q);
	size_t total = READERS * READER_SECTORS * SECTOR_SIZE;
	uint8_t *ref = kmalloc(total);
	KT_ASSERT(ref);
	KT_ASSERT(blkdev_read(d, 0, READERS * READER_SECTORS, ref) == 0);
	uint64_t before = q->requests;
	static struct reader readers[READERS];
	for (unsigned i = 0; i < READERS; i++) {
		readers[i] = (struct reader){ d, ref, i, 1 };
		KT_ASSERT(kthread_create(reader_thread, &readers[i], "ktest-disk"));
	}
	uint64_t end = clock_monotonic_ns() + 60 * NSEC_PER_SEC;
	for (unsigned i = 0; i < READERS; i++) {
		while (readers[i].result == 1 && clock_monotonic_ns() < end)
			sched_sleep_ns(10000000);
		KT_ASSERT(readers[i].result == 0);
	}
	KT_ASSERT(q->requests - before >= READERS * READER_ROUNDS);
	kfree(ref);
	return 0;
}

/* Sequential reads of 16 MiB (or the whole disk) in 256 KiB requests. */
KTEST(disk_throughput)
{
	struct block_device *d = test_disk();
	KT_ASSERT(d);
	uint8_t *buf = kmalloc(THROUGHPUT_CHUNK);
	KT_ASSERT(buf);
	uint32_t per = THROUGHPUT_CHUNK / SECTOR_SIZE;
	uint64_t sectors = MIN((uint64_t)THROUGHPUT_BYTES / SECTOR_SIZE, d->nr_sectors / per * per);
	KT_ASSERT(sectors > 0);
	uint64_t t0 = clock_monotonic_ns();
	for (uint64_t s = 0; s < sectors; s += per)
		KT_ASSERT(blkdev_read(d, s, per, buf) == 0);
	uint64_t ns = clock_monotonic_ns() - t0;
	KT_ASSERT(ns > 0);
	uint64_t kib = sectors / 2;
	pr_notice("ktest: disk_throughput: %s read %lu KiB in %lu ms: %lu KiB/s\n", d->name, kib,
		  ns / 1000000, (uint64_t)(kib * NSEC_PER_SEC / ns));
	kfree(buf);
	return 0;
}
