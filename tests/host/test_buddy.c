/* SOURCES: kernel/mm/buddy.c */
/*
 * Host tests of the buddy allocator core: range setup with holes, exhaustion,
 * full coalescing back to the maximal blocks, alignment, error detection, and
 * a randomized torture against a shadow model of page ownership.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"

#include <errno.h>
#include <mm/buddy.h>

#define BASE_PFN 0x1003ull /* Deliberately not aligned to any order above 0. */
#define NPAGES   (4096 + 37)

static struct buddy_zone zone;
static struct page *pages;
static bool usable[NPAGES]; /* Which pages the test has handed to the zone. */
static uint64_t nr_usable;

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

/* Returns a pseudo-random number (xorshift64*), fixed-seeded for reproducibility. */
static uint64_t rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dull;
}

static void add_range(uint64_t pfn, uint64_t count)
{
	for (uint64_t p = pfn; p < pfn + count; p++) {
		if (p >= BASE_PFN && p < BASE_PFN + NPAGES && !usable[p - BASE_PFN]) {
			usable[p - BASE_PFN] = true;
			nr_usable++;
		}
	}
	buddy_add_range(&zone, pfn, count);
}

static uint64_t pfn_of(const struct page *p)
{
	return buddy_page_to_pfn(&zone, p);
}

/*
 * Checks the zone's structural invariants: every free-list entry is a
 * correctly flagged, aligned, in-zone block of usable pages whose tails carry
 * no flags, no two free blocks overlap, and the block sizes add up to nr_free.
 * Fills counts[k] with the number of free blocks of order k.
 */
static bool zone_consistent(uint64_t counts[BUDDY_MAX_ORDER])
{
	static bool covered[NPAGES];
	uint64_t total = 0;

	memset(covered, 0, sizeof(covered));
	for (unsigned k = 0; k < BUDDY_MAX_ORDER; k++) {
		struct page *p;

		counts[k] = 0;
		list_for_each_entry(p, &zone.free_list[k], list)
		{
			uint64_t pfn = pfn_of(p);

			if (p < pages || p >= pages + NPAGES)
				return false;
			if (p->flags != PG_FREE || p->order != k || pfn % (1ull << k) != 0)
				return false;
			if (pfn + (1ull << k) > BASE_PFN + NPAGES)
				return false;
			for (uint64_t i = 0; i < (1ull << k); i++) {
				uint64_t idx = pfn - BASE_PFN + i;

				if (!usable[idx] || covered[idx])
					return false;
				if (i > 0 && pages[idx].flags != 0)
					return false;
				covered[idx] = true;
			}
			counts[k]++;
			total += 1ull << k;
		}
	}
	return total == zone.nr_free;
}

/* Returns whether every page of [pfn, pfn + n) is in the zone and usable. */
static bool all_usable(uint64_t pfn, uint64_t n)
{
	if (pfn < BASE_PFN || pfn + n > BASE_PFN + NPAGES)
		return false;
	for (uint64_t i = 0; i < n; i++)
		if (!usable[pfn - BASE_PFN + i])
			return false;
	return true;
}

/*
 * Computes the free blocks a fully coalesced zone must hold when every usable
 * page is free: greedily, from the bottom, the largest aligned all-usable block.
 */
static void expected_blocks(uint64_t counts[BUDDY_MAX_ORDER])
{
	memset(counts, 0, sizeof(uint64_t) * BUDDY_MAX_ORDER);
	for (uint64_t pfn = BASE_PFN; pfn < BASE_PFN + NPAGES;) {
		int k;

		if (!usable[pfn - BASE_PFN]) {
			pfn++;
			continue;
		}
		for (k = BUDDY_MAX_ORDER - 1; k > 0; k--)
			if (pfn % (1ull << k) == 0 && all_usable(pfn, 1ull << k))
				break;
		counts[k]++;
		pfn += 1ull << k;
	}
}

/* Returns whether the zone is consistent and holds exactly the maximal blocks. */
static bool fully_coalesced(void)
{
	uint64_t got[BUDDY_MAX_ORDER], want[BUDDY_MAX_ORDER];

	if (!zone_consistent(got))
		return false;
	expected_blocks(want);
	return memcmp(got, want, sizeof(got)) == 0 && zone.nr_free == nr_usable;
}

static void test_setup(void)
{
	uint64_t counts[BUDDY_MAX_ORDER];
	struct page *p;

	pages = calloc(NPAGES, sizeof(*pages));
	buddy_init(&zone, BASE_PFN, NPAGES, pages);
	CHECK(zone.nr_free == 0, "a fresh zone has no free pages");
	CHECK(buddy_alloc(&zone, 0) == NULL, "a fresh zone allocates nothing");
	CHECK(pages[0].flags == PG_RESERVED && pages[NPAGES - 1].flags == PG_RESERVED,
	      "every page starts reserved");

	/* Holes at [100, 200) and [2000, 2100), and ranges hanging off both ends. */
	add_range(BASE_PFN - 10, 110);
	add_range(BASE_PFN + 200, 1800);
	add_range(BASE_PFN + 2100, NPAGES - 2100 + 50);
	CHECK(nr_usable == NPAGES - 200, "the test model holds %llu usable pages",
	      (unsigned long long)nr_usable);
	CHECK(zone.nr_free == nr_usable, "nr_free counts exactly the added pages");
	CHECK(zone_consistent(counts), "free lists are consistent after adding ranges");
	CHECK(fully_coalesced(), "added ranges coalesce into the maximal blocks");
	CHECK(counts[BUDDY_MAX_ORDER - 1] >= 1, "at least one 4 MiB block exists");

	add_range(BASE_PFN + 300, 500);
	CHECK(zone.nr_free == nr_usable, "re-adding free pages changes nothing");
	CHECK(fully_coalesced(), "re-adding free pages keeps the lists intact");

	buddy_add_range(&zone, 0, BASE_PFN);
	buddy_add_range(&zone, BASE_PFN + NPAGES, 1000);
	buddy_add_range(&zone, UINT64_MAX - 5, 100);
	CHECK(zone.nr_free == nr_usable, "ranges outside the zone are ignored");

	CHECK(buddy_pfn_to_page(&zone, BASE_PFN - 1) == NULL, "pfn below the zone has no page");
	CHECK(buddy_pfn_to_page(&zone, BASE_PFN + NPAGES) == NULL, "pfn past the zone has no page");
	p = buddy_pfn_to_page(&zone, BASE_PFN + 77);
	CHECK(p == &pages[77] && pfn_of(p) == BASE_PFN + 77, "pfn and page convert both ways");
}

static int cmp_ptr(const void *a, const void *b)
{
	uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;

	return x < y ? -1 : x > y;
}

static void test_exhaust(void)
{
	struct page **got = calloc(NPAGES + 1, sizeof(*got));
	uint64_t n = 0, bad_range = 0, bad_flags = 0, dup = 0, bad_free = 0;

	while (n <= NPAGES && (got[n] = buddy_alloc(&zone, 0)) != NULL)
		n++;
	CHECK(n == nr_usable, "order-0 allocation yields every usable page (%llu)",
	      (unsigned long long)n);
	CHECK(zone.nr_free == 0, "nr_free is 0 when exhausted");
	CHECK(buddy_alloc(&zone, 0) == NULL, "an exhausted zone returns NULL for order 0");
	CHECK(buddy_alloc(&zone, 5) == NULL, "an exhausted zone returns NULL for order 5");

	for (uint64_t i = 0; i < n; i++) {
		if (!all_usable(pfn_of(got[i]), 1))
			bad_range++;
		if (got[i]->flags != PG_HEAD || got[i]->order != 0)
			bad_flags++;
	}
	qsort(got, n, sizeof(*got), cmp_ptr);
	for (uint64_t i = 1; i < n; i++)
		if (got[i] == got[i - 1])
			dup++;
	CHECK(bad_range == 0, "every allocated page lies in a usable range");
	CHECK(bad_flags == 0, "every allocated page is a PG_HEAD of order 0");
	CHECK(dup == 0, "no page is handed out twice");

	/* Free in a random order. */
	for (uint64_t i = n; i > 1; i--) {
		uint64_t j = rng() % i;
		struct page *t = got[i - 1];

		got[i - 1] = got[j];
		got[j] = t;
	}
	for (uint64_t i = 0; i < n; i++)
		if (buddy_free(&zone, got[i], 0) != 0)
			bad_free++;
	CHECK(bad_free == 0, "every page frees successfully");
	CHECK(zone.nr_free == nr_usable, "nr_free is restored after freeing everything");
	CHECK(fully_coalesced(), "freeing in random order coalesces fully");
	free(got);
}

static void test_orders(void)
{
	struct page *blocks[BUDDY_MAX_ORDER];
	uint64_t misaligned = 0, outside = 0, failed = 0, bad_free = 0;

	for (unsigned k = 0; k < BUDDY_MAX_ORDER; k++) {
		blocks[k] = buddy_alloc(&zone, k);
		if (!blocks[k]) {
			failed++;
			continue;
		}
		if (pfn_of(blocks[k]) % (1ull << k) != 0)
			misaligned++;
		if (!all_usable(pfn_of(blocks[k]), 1ull << k))
			outside++;
	}
	CHECK(failed == 0, "one block of every order can be allocated");
	CHECK(misaligned == 0, "blocks are aligned to their order in absolute pfns");
	CHECK(outside == 0, "blocks lie entirely in usable memory");
	CHECK(buddy_alloc(&zone, BUDDY_MAX_ORDER) == NULL, "order BUDDY_MAX_ORDER is refused");
	CHECK(buddy_alloc(&zone, 64) == NULL, "a huge order is refused");
	for (unsigned k = 0; k < BUDDY_MAX_ORDER; k++)
		if (blocks[k] && buddy_free(&zone, blocks[k], k) != 0)
			bad_free++;
	CHECK(bad_free == 0, "blocks of every order free successfully");
	CHECK(fully_coalesced(), "the zone is fully coalesced again");

	/* Only 4 MiB blocks: allocate them all, then ask for one more. */
	uint64_t want[BUDDY_MAX_ORDER], big = 0;
	struct page *bigs[8], *small;

	expected_blocks(want);
	while (big < 8 && (bigs[big] = buddy_alloc(&zone, BUDDY_MAX_ORDER - 1)) != NULL)
		big++;
	CHECK(big == want[BUDDY_MAX_ORDER - 1], "exactly the maximal blocks of order 10 exist");
	CHECK(buddy_alloc(&zone, BUDDY_MAX_ORDER - 1) == NULL,
	      "order 10 fails once those blocks are gone");
	small = buddy_alloc(&zone, 0);
	CHECK(small != NULL, "smaller orders still succeed meanwhile");
	buddy_free(&zone, small, 0);
	while (big > 0)
		buddy_free(&zone, bigs[--big], BUDDY_MAX_ORDER - 1);
}

static void test_errors(void)
{
	struct page *p, *q, stranger;
	uint64_t before;

	CHECK(fully_coalesced(), "the zone is whole before the error tests");

	p = buddy_alloc(&zone, 2);
	before = zone.nr_free;
	CHECK(p != NULL, "an order-2 block is allocated");
	CHECK(buddy_free(&zone, p, 1) == -EINVAL, "freeing with a smaller order is -EINVAL");
	CHECK(buddy_free(&zone, p, 3) == -EINVAL, "freeing with a larger order is -EINVAL");
	CHECK(buddy_free(&zone, p + 1, 0) == -EINVAL, "freeing a tail page is -EINVAL");
	CHECK(buddy_free(&zone, p, BUDDY_MAX_ORDER) == -EINVAL, "an invalid order is -EINVAL");
	CHECK(zone.nr_free == before, "rejected frees do not change nr_free");
	CHECK(buddy_free(&zone, p, 2) == 0, "freeing with the right order succeeds");
	before = zone.nr_free;
	CHECK(buddy_free(&zone, p, 2) == -EINVAL, "a double free is -EINVAL");
	CHECK(buddy_free(&zone, &pages[150], 0) == -EINVAL, "freeing a reserved page is -EINVAL");
	CHECK(buddy_free(&zone, &stranger, 0) == -EINVAL, "freeing a foreign page is -EINVAL");
	CHECK(buddy_free(&zone, (struct page *)((char *)&pages[3] + 1), 0) == -EINVAL,
	      "freeing a misaligned page pointer is -EINVAL");
	CHECK(buddy_free(&zone, NULL, 0) == -EINVAL, "freeing NULL is -EINVAL");
	q = buddy_pfn_to_page(&zone, BASE_PFN + 3000);
	CHECK(buddy_free(&zone, q, 0) == -EINVAL, "freeing a page inside a free block is -EINVAL");
	CHECK(zone.nr_free == before, "nr_free is unchanged by all rejected frees");
	CHECK(fully_coalesced(), "rejected frees leave the free lists intact");
}

struct live {
	struct page *page;
	unsigned order;
};

static void test_torture(void)
{
	enum { OPS = 100000, MAX_LIVE = NPAGES };
	struct live *live = calloc(MAX_LIVE, sizeof(*live));
	bool *owned = calloc(NPAGES, sizeof(*owned));
	uint64_t nlive = 0, allocated = 0, overlaps = 0, strays = 0, bad_null = 0;
	uint64_t bad_free = 0, bad_state = 0, allocs = 0, frees = 0;

	for (int op = 0; op < OPS; op++) {
		bool do_alloc = nlive == 0 || (nlive < MAX_LIVE && rng() % 100 < 55);

		if (do_alloc) {
			/* Mostly small orders, occasionally large ones. */
			unsigned order =
			    (unsigned)(__builtin_ctzll(rng() | (1ull << 40)) % BUDDY_MAX_ORDER);
			struct page *p = buddy_alloc(&zone, order);
			uint64_t pfn;

			if (!p) {
				for (unsigned k = order; k < BUDDY_MAX_ORDER; k++)
					if (!list_empty(&zone.free_list[k]))
						bad_null++;
				continue;
			}
			allocs++;
			pfn = pfn_of(p);
			if (pfn % (1ull << order) != 0 || !all_usable(pfn, 1ull << order)) {
				strays++;
				continue;
			}
			for (uint64_t i = 0; i < (1ull << order); i++) {
				if (owned[pfn - BASE_PFN + i])
					overlaps++;
				owned[pfn - BASE_PFN + i] = true;
			}
			live[nlive++] = (struct live){p, order};
			allocated += 1ull << order;
		} else {
			uint64_t j = rng() % nlive;
			struct live l = live[j];
			uint64_t pfn = pfn_of(l.page);

			live[j] = live[--nlive];
			for (uint64_t i = 0; i < (1ull << l.order); i++)
				owned[pfn - BASE_PFN + i] = false;
			if (buddy_free(&zone, l.page, l.order) != 0)
				bad_free++;
			allocated -= 1ull << l.order;
			frees++;
		}
		if (op % 1000 == 0) {
			uint64_t counts[BUDDY_MAX_ORDER];

			if (!zone_consistent(counts) || zone.nr_free != nr_usable - allocated)
				bad_state++;
		}
	}
	CHECK(allocs > 10000 && frees > 10000, "torture ran %llu allocations and %llu frees",
	      (unsigned long long)allocs, (unsigned long long)frees);
	CHECK(strays == 0, "torture: every block is aligned and in usable memory");
	CHECK(overlaps == 0, "torture: no two live blocks overlap");
	CHECK(bad_null == 0, "torture: allocation fails only when no large enough block is free");
	CHECK(bad_free == 0, "torture: every free succeeds");
	CHECK(bad_state == 0, "torture: lists stay consistent and nr_free matches the model");

	while (nlive > 0) {
		nlive--;
		buddy_free(&zone, live[nlive].page, live[nlive].order);
	}
	CHECK(fully_coalesced(), "torture: freeing the survivors coalesces fully");
	free(live);
	free(owned);
}

/* A zone whose single page sits at an odd pfn: no block may exceed order 0. */
static void test_tiny_zone(void)
{
	struct buddy_zone z;
	struct page pg[3];

	buddy_init(&z, 7, 3, pg);
	buddy_add_range(&z, 0, 100);
	CHECK(z.nr_free == 3, "a 3-page zone at pfn 7 has 3 free pages");
	CHECK(!list_empty(&z.free_list[0]) && !list_empty(&z.free_list[1]),
	      "pfn 7 stays order 0 and pfns 8-9 form an order-1 block");
	CHECK(buddy_alloc(&z, 2) == NULL, "no order-2 block fits in 3 unaligned pages");
}

int main(void)
{
	test_setup();
	test_exhaust();
	test_orders();
	test_errors();
	test_torture();
	test_tiny_zone();
	free(pages);
	return check_done();
}
