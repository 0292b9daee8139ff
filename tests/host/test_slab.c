/* SOURCES: kernel/mm/slab.c tests/host/printk_shim.c */
/*
 * Host tests of the slab allocator and kmalloc over a counting page backend
 * built on aligned_alloc(). Freed backend pages go to a pool and are reused
 * rather than returned to the host, so stale pointers stay readable and the
 * tests can check that bad frees are caught by the allocator itself.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"

#include <mm/buddy.h>
#include <mm/slab.h>

extern int printk_shim_count;

/*
 * The backend: a bounded pool of freed blocks per order (overflow goes back to
 * the host), and a record of handed-out blocks to match frees against.
 */
struct block {
	void *addr;
	unsigned order;
};

static struct block pool[BUDDY_MAX_ORDER][256];
static unsigned pool_len[BUDDY_MAX_ORDER];
static struct block *out;
static size_t out_len, out_cap;
static long be_pages;  /* Pages currently handed out. */
static long be_errors; /* free_pages() calls that did not match an allocation. */
static bool be_fail;   /* Simulates an exhausted machine. */

static void *be_alloc(unsigned order)
{
	size_t bytes = PAGE_SIZE << order;
	void *p;

	if (be_fail || order >= BUDDY_MAX_ORDER)
		return NULL;
	p = pool_len[order] ? pool[order][--pool_len[order]].addr : aligned_alloc(bytes, bytes);
	if (!p)
		return NULL;
	memset(p, 0xa5, bytes); /* Fresh pages hold garbage, as real memory does. */
	if (out_len == out_cap) {
		out_cap = out_cap ? out_cap * 2 : 64;
		out = realloc(out, out_cap * sizeof(*out));
	}
	out[out_len++] = (struct block){p, order};
	be_pages += 1l << order;
	return p;
}

static void be_free(void *addr, unsigned order)
{
	for (size_t i = 0; i < out_len; i++) {
		if (out[i].addr != addr)
			continue;
		if (out[i].order != order) {
			be_errors++;
			return;
		}
		out[i] = out[--out_len];
		if (pool_len[order] < ARRAY_SIZE(pool[order]))
			pool[order][pool_len[order]++] = (struct block){addr, order};
		else
			free(addr);
		be_pages -= 1l << order;
		return;
	}
	be_errors++;
}

static const struct slab_backend test_backend = {
    .alloc_pages = be_alloc,
    .free_pages = be_free,
};

static void be_teardown(void)
{
	for (unsigned k = 0; k < BUDDY_MAX_ORDER; k++)
		while (pool_len[k] > 0)
			free(pool[k][--pool_len[k]].addr);
	for (size_t i = 0; i < out_len; i++)
		free(out[i].addr);
	free(out);
}

static uint64_t rng_state = 0x2545f4914f6cdd1dull;

/* Returns a pseudo-random number (xorshift64*), fixed-seeded for reproducibility. */
static uint64_t rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dull;
}

static struct slab_stats stats(void)
{
	struct slab_stats st;

	slab_get_stats(&st);
	return st;
}

static bool filled_with(const void *p, int byte, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		if (b[i] != (unsigned char)byte)
			return false;
	return true;
}

static void test_every_size(void)
{
	int null = 0, misaligned = 0, small = 0, corrupt = 0;

	for (size_t n = 1; n <= 5000; n++) {
		unsigned char *p = kmalloc(n);

		if (!p) {
			null++;
			continue;
		}
		if ((uintptr_t)p % 16 != 0)
			misaligned++;
		if (ksize(p) < n)
			small++;
		memset(p, (int)(n & 0xff), n);
		if (!filled_with(p, (int)(n & 0xff), n))
			corrupt++;
		kfree(p);
	}
	CHECK(null == 0, "kmalloc succeeds for every size 1..5000");
	CHECK(misaligned == 0, "every kmalloc block is 16-byte aligned");
	CHECK(small == 0, "ksize is at least the requested size");
	CHECK(corrupt == 0, "every block holds its pattern");
	CHECK(stats().objects_in_use == 0, "no objects remain after freeing every size");
	CHECK(stats().pages_in_use <= 8,
	      "at most one empty slab per size class is kept (%zu pages)", stats().pages_in_use);
	CHECK(be_pages == (long)stats().pages_in_use, "the backend agrees on the page count");

	void *z = kmalloc(0);

	CHECK(z != NULL && ksize(z) == 16, "kmalloc(0) returns a 16-byte block");
	kfree(z);
	CHECK(ksize(z) == 0, "ksize of a freed block is 0");
}

static void test_kzalloc(void)
{
	void *p = kmalloc(300);
	unsigned char *z, *big;

	memset(p, 0xff, 300);
	kfree(p);
	z = kzalloc(300);
	CHECK(z == p, "kzalloc reuses the object just freed");
	CHECK(z && filled_with(z, 0, 300), "kzalloc returns zeroed memory");
	big = kzalloc(20000);
	CHECK(big && filled_with(big, 0, 20000), "a large kzalloc is zeroed too");
	kfree(z);
	kfree(big);
}

static void test_large(void)
{
	struct slab_stats before = stats();
	int warnings = printk_shim_count;
	void *a = kmalloc(3000), *b = kmalloc(4081), *c;

	CHECK(a && ksize(a) == 4096 - 16, "a 3000-byte kmalloc takes one page");
	CHECK(b && ksize(b) == 8192 - 16, "a 4081-byte kmalloc takes two pages");
	CHECK(stats().pages_in_use == before.pages_in_use + 3, "large blocks count their pages");
	c = kmalloc((PAGE_SIZE << (BUDDY_MAX_ORDER - 1)) - 16);
	CHECK(c != NULL && (uintptr_t)c % 16 == 0, "the largest possible kmalloc succeeds");
	if (c)
		memset(c, 0x5a, (PAGE_SIZE << (BUDDY_MAX_ORDER - 1)) - 16);
	kfree(c);
	CHECK(kmalloc((PAGE_SIZE << (BUDDY_MAX_ORDER - 1)) - 15) == NULL,
	      "one byte more than the largest block is refused");
	CHECK(kmalloc(SIZE_MAX) == NULL, "kmalloc(SIZE_MAX) is refused");
	CHECK(printk_shim_count == warnings + 2, "each refused size logs one line");
	kfree(a);
	kfree(b);
	CHECK(stats().pages_in_use == before.pages_in_use, "large blocks return their pages");
}

static int cmp_ptr(const void *a, const void *b)
{
	uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;

	return x < y ? -1 : x > y;
}

static void test_cache(void)
{
	enum { N = 1000, SIZE = 200 };
	struct slab_stats before = stats();
	struct kmem_cache *c = kmem_cache_create("test-200", SIZE, 0);
	unsigned char **objs = calloc(N, sizeof(*objs));
	int null = 0, corrupt = 0, overlap = 0;

	CHECK(c != NULL, "a cache of 200-byte objects is created");
	for (int i = 0; i < N; i++) {
		objs[i] = kmem_cache_alloc(c);
		if (!objs[i]) {
			null++;
			continue;
		}
		memset(objs[i], i & 0xff, SIZE);
	}
	CHECK(null == 0, "1000 objects are allocated");
	for (int i = 0; i < N; i++)
		if (objs[i] && !filled_with(objs[i], i & 0xff, SIZE))
			corrupt++;
	CHECK(corrupt == 0, "every object keeps its contents");
	CHECK(stats().pages_in_use - before.pages_in_use >= N / (PAGE_SIZE / SIZE),
	      "the objects span many slabs (%zu pages)",
	      stats().pages_in_use - before.pages_in_use);
	qsort(objs, N, sizeof(*objs), cmp_ptr);
	for (int i = 1; i < N; i++)
		if (objs[i - 1] + SIZE > objs[i])
			overlap++;
	CHECK(overlap == 0, "no two objects overlap");

	/* Free in a shuffled order. */
	for (int i = N; i > 1; i--) {
		int j = (int)(rng() % (uint64_t)i);
		unsigned char *t = objs[i - 1];

		objs[i - 1] = objs[j];
		objs[j] = t;
	}
	for (int i = 0; i < N; i++)
		kmem_cache_free(c, objs[i]);
	CHECK(stats().pages_in_use <= before.pages_in_use + 2,
	      "freeing all objects keeps at most one empty slab (plus the cache's own)");
	CHECK(stats().objects_in_use == before.objects_in_use + 1,
	      "only the cache descriptor itself is still an object");
	kmem_cache_destroy(c);
	slab_shrink();
	CHECK(stats().objects_in_use == 0 && stats().pages_in_use == 0,
	      "destroying the cache and shrinking returns every page");
	CHECK(be_pages == 0 && be_errors == 0, "the backend saw matched frees and has nothing out");
	free(objs);
}

static void test_alignment(void)
{
	struct kmem_cache *c = kmem_cache_create("align-64", 100, 64), *big;
	int misaligned = 0, null = 0;
	void *objs[100];

	CHECK(c != NULL, "a cache with 64-byte alignment is created");
	for (int i = 0; i < 100; i++) {
		objs[i] = kmem_cache_alloc(c);
		if (!objs[i])
			null++;
		else if ((uintptr_t)objs[i] % 64 != 0)
			misaligned++;
	}
	CHECK(null == 0 && misaligned == 0, "every object is 64-byte aligned");
	for (int i = 0; i < 100; i++)
		kmem_cache_free(c, objs[i]);
	kmem_cache_destroy(c);

	big = kmem_cache_create("align-2048", 2048, 2048);
	objs[0] = big ? kmem_cache_alloc(big) : NULL;
	CHECK(objs[0] && (uintptr_t)objs[0] % 2048 == 0, "2048-byte objects aligned to 2048 work");
	kmem_cache_free(big, objs[0]);
	kmem_cache_destroy(big);

	int logged = printk_shim_count;

	CHECK(kmem_cache_create("bad", 100, 48) == NULL, "a non-power-of-two alignment is refused");
	CHECK(kmem_cache_create("bad", 0, 0) == NULL, "a zero size is refused");
	CHECK(kmem_cache_create("bad", 2049, 0) == NULL, "objects over 2048 bytes are refused");
	CHECK(kmem_cache_create("bad", 64, 4096) == NULL, "page alignment is refused");
	CHECK(printk_shim_count == logged + 4, "each refused cache logs a line");
	slab_shrink();
	CHECK(stats().pages_in_use == 0 && stats().objects_in_use == 0,
	      "refused caches leak nothing");
}

static void test_bad_frees(void)
{
	struct kmem_cache *other = kmem_cache_create("other", 64, 0);
	unsigned char *p = kmalloc(64), *keep = kmalloc(64), *big = kmalloc(10000);
	void *foreign = aligned_alloc(PAGE_SIZE, PAGE_SIZE), *o = kmem_cache_alloc(other);
	struct slab_stats before;
	int logged;

	memset(foreign, 0, PAGE_SIZE);
	memset(big, 0, 10000);
	kfree(p);
	before = stats();
	logged = printk_shim_count;
	kfree(NULL);
	kmem_cache_free(other, NULL);
	CHECK(printk_shim_count == logged && stats().objects_in_use == before.objects_in_use,
	      "kfree(NULL) and kmem_cache_free(c, NULL) do nothing");
	kfree(p);
	CHECK(printk_shim_count == logged + 1, "a double free is logged");
	CHECK(stats().objects_in_use == before.objects_in_use &&
	          stats().pages_in_use == before.pages_in_use,
	      "a double free leaves the stats unchanged");
	void *q1 = kmalloc(64), *q2 = kmalloc(64);

	CHECK(q1 && q2 && q1 != q2 && q1 != keep && q2 != keep,
	      "the free list is intact after a double free");
	kfree(q1);
	kfree(q2);

	before = stats();
	logged = printk_shim_count;
	kfree((char *)foreign + 100);
	CHECK(printk_shim_count == logged + 1, "a foreign pointer is logged");
	kfree(keep + 8);
	CHECK(printk_shim_count == logged + 2, "a pointer into the middle of an object is logged");
	CHECK(ksize(keep) == 64, "the object stays live after a misaligned free");
	kfree(big + 1);
	kfree(big + PAGE_SIZE);
	CHECK(printk_shim_count == logged + 4, "pointers into a large block are logged");
	kmem_cache_free(other, keep);
	CHECK(printk_shim_count == logged + 5, "freeing into the wrong cache is logged");
	kfree(o);
	CHECK(printk_shim_count == logged + 6, "kfree of a non-kmalloc cache object is logged");
	CHECK(stats().objects_in_use == before.objects_in_use &&
	          stats().pages_in_use == before.pages_in_use,
	      "bad frees leave the stats unchanged");

	kfree(big);
	before = stats();
	logged = printk_shim_count;
	kfree(big);
	CHECK(printk_shim_count == logged + 1, "a large double free is logged");
	CHECK(stats().pages_in_use == before.pages_in_use, "a large double free frees nothing");

	logged = printk_shim_count;
	kmem_cache_destroy(other);
	CHECK(printk_shim_count == logged + 1, "destroying a cache with live objects is logged");
	p = kmem_cache_alloc(other);
	CHECK(p != NULL && p != o, "the refused cache keeps working");
	kmem_cache_free(other, p);
	kmem_cache_free(other, o);
	before = stats();
	kmem_cache_destroy(other);
	CHECK(stats().objects_in_use == before.objects_in_use - 1,
	      "the cache is destroyed once its objects are freed");
	kfree(keep);
	free(foreign);
}

static void test_oom(void)
{
	struct kmem_cache *c = kmem_cache_create("oom", 512, 0), *made[64];
	void *objs[64], *small[64];
	int n = 0, m = 0, k = 0, logged;
	struct slab_stats before;

	be_fail = true;
	before = stats();
	logged = printk_shim_count;
	while (n < 64 && (objs[n] = kmem_cache_alloc(c)) != NULL)
		n++;
	CHECK(n < 64, "a cache stops allocating when the backend is out of pages (%d objects)", n);
	CHECK(printk_shim_count == logged + 1, "the failure logs one warning");
	CHECK(stats().pages_in_use == before.pages_in_use, "no page was taken while out of memory");

	logged = printk_shim_count;
	CHECK(kmalloc(100000) == NULL, "a large kmalloc fails when out of pages");
	CHECK(printk_shim_count == logged + 1, "the large failure logs one warning");
	while (m < 64 && (small[m] = kmalloc(1500)) != NULL)
		m++;
	CHECK(m < 64, "kmalloc of a size class fails cleanly when out of pages");
	while (k < 64 && (made[k] = kmem_cache_create("more", 32, 0)) != NULL)
		k++;
	CHECK(k < 64, "kmem_cache_create returns NULL when out of pages");
	be_fail = false;

	objs[n] = kmem_cache_alloc(c);
	CHECK(objs[n] != NULL, "allocation works again once pages are back");
	n++;
	while (n > 0)
		kmem_cache_free(c, objs[--n]);
	while (m > 0)
		kfree(small[--m]);
	while (k > 0)
		kmem_cache_destroy(made[--k]);
	kmem_cache_destroy(c);
	slab_shrink();
	CHECK(stats().pages_in_use == 0 && stats().objects_in_use == 0,
	      "everything allocated around the failures is freed");
}

struct live {
	unsigned char *p;
	size_t size;
	unsigned char tag;
	bool cached;
};

static int cmp_live(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct live *)a)->p;
	uintptr_t y = (uintptr_t)((const struct live *)b)->p;

	return x < y ? -1 : x > y;
}

static void test_torture(void)
{
	enum { OPS = 50000, MAX_LIVE = 2000, CACHED_SIZE = 72 };
	struct kmem_cache *c = kmem_cache_create("torture", CACHED_SIZE, 64);
	struct live *live = calloc(MAX_LIVE, sizeof(*live));
	size_t nlive = 0, null = 0, misaligned = 0, corrupt = 0, overlap = 0, bad_stats = 0;
	size_t objects0 = stats().objects_in_use;

	for (int op = 0; op < OPS; op++) {
		if (nlive < MAX_LIVE && (nlive == 0 || rng() % 100 < 52)) {
			struct live l = {.tag = (unsigned char)rng()};
			uint64_t r = rng() % 100;

			if (r < 10) {
				l.cached = true;
				l.size = CACHED_SIZE;
				l.p = kmem_cache_alloc(c);
			} else {
				l.size = r < 14 ? 2049 + rng() % 30000 : rng() % 2049;
				l.p = kmalloc(l.size);
			}
			if (!l.p) {
				null++;
				continue;
			}
			if ((uintptr_t)l.p % (l.cached ? 64 : 16) != 0)
				misaligned++;
			memset(l.p, l.tag, l.size);
			live[nlive++] = l;
		} else {
			size_t j = rng() % nlive;
			struct live l = live[j];

			live[j] = live[--nlive];
			if (!filled_with(l.p, l.tag, l.size))
				corrupt++;
			if (l.cached)
				kmem_cache_free(c, l.p);
			else
				kfree(l.p);
		}
		if (op % 500 == 0) {
			qsort(live, nlive, sizeof(*live), cmp_live);
			for (size_t i = 0; i < nlive; i++) {
				if (i > 0 && live[i - 1].p + live[i - 1].size > live[i].p)
					overlap++;
				if (!filled_with(live[i].p, live[i].tag, live[i].size))
					corrupt++;
			}
			if (stats().objects_in_use != objects0 + nlive)
				bad_stats++;
		}
	}
	CHECK(null == 0, "torture: no allocation fails");
	CHECK(misaligned == 0, "torture: every block is aligned");
	CHECK(overlap == 0, "torture: no two live blocks overlap");
	CHECK(corrupt == 0, "torture: contents survive until freed");
	CHECK(bad_stats == 0, "torture: objects_in_use tracks the live set");
	while (nlive > 0) {
		struct live l = live[--nlive];

		if (l.cached)
			kmem_cache_free(c, l.p);
		else
			kfree(l.p);
	}
	kmem_cache_destroy(c);
	free(live);
}

int main(void)
{
	slab_init(&test_backend);
	CHECK(stats().pages_in_use == 0 && stats().objects_in_use == 0,
	      "slab_init takes no pages up front");
	test_every_size();
	test_kzalloc();
	test_large();
	test_cache();
	test_alignment();
	test_bad_frees();
	test_oom();
	test_torture();

	slab_shrink();
	CHECK(stats().objects_in_use == 0 && stats().pages_in_use == 0,
	      "everything is freed at the end");
	CHECK(be_pages == 0 && be_errors == 0,
	      "the backend got every page back, matched (%ld, %ld)", be_pages, be_errors);
	be_teardown();
	return check_done();
}
