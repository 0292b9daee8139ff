/*
 * Binary buddy allocator core: pure bookkeeping over an array of struct page,
 * one per physical page frame of a zone. It takes no locks, prints nothing and
 * never touches the memory of the pages it manages; the free lists are
 * intrusive in the metadata array. The caller (the physical memory manager)
 * serialises access and maps frames to addresses.
 *
 * A block of order k is 2^k pages starting at a pfn that is a multiple of 2^k
 * (absolute alignment, independent of the zone's base), and lies entirely
 * inside the zone. The buddy of such a block starts at pfn ^ 2^k.
 */
#ifndef CAIRN_MM_BUDDY_H
#define CAIRN_MM_BUDDY_H

#include <list.h>
#include <types.h>

#define BUDDY_MAX_ORDER 11 /* Orders 0..10: blocks of 1 page .. 4 MiB. */

/* Page flags. A page with none of them is a tail page of a free or allocated block. */
#define PG_RESERVED (1u << 0) /* Not managed: never allocatable. */
#define PG_FREE     (1u << 1) /* Head of a free block, linked on free_list[order]. */
#define PG_HEAD     (1u << 2) /* Head of an allocated block of the given order. */
#define PG_SLAB     (1u << 3) /* Owned by the slab allocator; set and cleared by it. */

/* One per physical page frame. */
struct page {
	/* Free-list link while free; the owner's to use (e.g. slab lists) while allocated. */
	struct list_head list;
	uint32_t flags;
	/* Order of the block this page heads (valid with PG_FREE or PG_HEAD). */
	uint8_t order;
	/* Free for the owner's use (slab stores its cache here). */
	void *owner;
	/* References to a shared page (user mappings, a file's page cache); see mm/page.h. */
	uint32_t refcount;
};

struct buddy_zone {
	uint64_t base_pfn;
	uint64_t npages;
	struct page *pages; /* pages[i] describes pfn base_pfn + i. */
	struct list_head free_list[BUDDY_MAX_ORDER];
	uint64_t nr_free; /* Number of free pages. */
};

/*
 * Sets up a zone covering npages frames from base_pfn, described by the
 * caller-provided array pages[npages]. Every page starts PG_RESERVED, so the
 * zone has nothing to allocate until buddy_add_range().
 */
void buddy_init(struct buddy_zone *z, uint64_t base_pfn, uint64_t npages, struct page *pages);

/*
 * Makes the reserved pages in [pfn, pfn + count) free, coalescing them into
 * the largest possible blocks. Parts outside the zone are ignored, and pages
 * that are already managed (free or allocated) are left alone.
 */
void buddy_add_range(struct buddy_zone *z, uint64_t pfn, uint64_t count);

/*
 * Allocates a block of 2^order pages and returns its head page, marked
 * PG_HEAD. Returns NULL when no block is free or order >= BUDDY_MAX_ORDER.
 */
struct page *buddy_alloc(struct buddy_zone *z, unsigned order);

/*
 * Frees the block headed by p, which must come from buddy_alloc() with the
 * same order, and coalesces it with free buddies. Returns 0, or -EINVAL
 * without changing anything when p is not the head of an allocated block of
 * exactly that order (double free, wrong order, reserved or foreign page).
 */
int buddy_free(struct buddy_zone *z, struct page *p, unsigned order);

/* Returns the pfn described by p, which must belong to z. */
uint64_t buddy_page_to_pfn(const struct buddy_zone *z, const struct page *p);

/* Returns the page describing pfn, or NULL if pfn is outside the zone. */
struct page *buddy_pfn_to_page(const struct buddy_zone *z, uint64_t pfn);

#endif
