/*
 * Binary buddy allocator core (see mm/buddy.h for the block model).
 *
 * Invariants: the head page of every free block has PG_FREE and its order and
 * sits on free_list[order]; the head of every allocated block has PG_HEAD and
 * its order; every other page of a block has no flags; unmanaged pages have
 * PG_RESERVED. Two free buddies of the same order never coexist: freeing
 * merges them at once. nr_free counts the pages of all free blocks.
 */
#include <errno.h>
#include <mm/buddy.h>

void buddy_init(struct buddy_zone *z, uint64_t base_pfn, uint64_t npages, struct page *pages)
{
	z->base_pfn = base_pfn;
	z->npages = npages;
	z->pages = pages;
	z->nr_free = 0;
	for (unsigned k = 0; k < BUDDY_MAX_ORDER; k++)
		list_init(&z->free_list[k]);
	for (uint64_t i = 0; i < npages; i++) {
		list_init(&pages[i].list);
		pages[i].flags = PG_RESERVED;
		pages[i].order = 0;
		pages[i].owner = NULL;
	}
}

uint64_t buddy_page_to_pfn(const struct buddy_zone *z, const struct page *p)
{
	return z->base_pfn + (uint64_t)(p - z->pages);
}

struct page *buddy_pfn_to_page(const struct buddy_zone *z, uint64_t pfn)
{
	if (pfn < z->base_pfn || pfn - z->base_pfn >= z->npages)
		return NULL;
	return &z->pages[pfn - z->base_pfn];
}

/* Returns whether p points exactly at an element of the zone's page array. */
static bool buddy_owns_page(const struct buddy_zone *z, const struct page *p)
{
	uintptr_t a = (uintptr_t)p, lo = (uintptr_t)z->pages;

	if (a < lo || (a - lo) % sizeof(struct page) != 0)
		return false;
	return (a - lo) / sizeof(struct page) < z->npages;
}

/*
 * Frees the block of 2^order pages at pfn, whose pages carry no flags, merging
 * it with its buddy as long as the buddy is a free block of the same order.
 */
static void buddy_release(struct buddy_zone *z, uint64_t pfn, unsigned order)
{
	struct page *head;

	z->nr_free += 1ull << order;
	while (order + 1 < BUDDY_MAX_ORDER) {
		struct page *buddy = buddy_pfn_to_page(z, pfn ^ (1ull << order));

		if (!buddy || !(buddy->flags & PG_FREE) || buddy->order != order)
			break;
		list_del(&buddy->list);
		buddy->flags = 0;
		buddy->order = 0;
		pfn &= ~(1ull << order);
		order++;
	}
	head = buddy_pfn_to_page(z, pfn);
	head->flags = PG_FREE;
	head->order = order;
	list_add(&head->list, &z->free_list[order]);
}

void buddy_add_range(struct buddy_zone *z, uint64_t pfn, uint64_t count)
{
	uint64_t end = pfn + count;

	if (end < pfn) /* The range wraps: clip it to the top of the pfn space. */
		end = UINT64_MAX;
	if (pfn < z->base_pfn)
		pfn = z->base_pfn;
	if (end > z->base_pfn + z->npages)
		end = z->base_pfn + z->npages;

	for (; pfn < end; pfn++) {
		struct page *p = buddy_pfn_to_page(z, pfn);

		if (!(p->flags & PG_RESERVED))
			continue;
		p->flags = 0;
		p->order = 0;
		buddy_release(z, pfn, 0);
	}
}

struct page *buddy_alloc(struct buddy_zone *z, unsigned order)
{
	struct page *p;
	unsigned k;

	if (order >= BUDDY_MAX_ORDER)
		return NULL;
	for (k = order; k < BUDDY_MAX_ORDER; k++)
		if (!list_empty(&z->free_list[k]))
			break;
	if (k == BUDDY_MAX_ORDER)
		return NULL;

	p = list_first_entry(&z->free_list[k], struct page, list);
	list_del(&p->list);

	/* Split: the upper half of each oversized block goes back on a free list. */
	while (k > order) {
		struct page *upper;

		k--;
		upper = p + (1ull << k);
		upper->flags = PG_FREE;
		upper->order = k;
		list_add(&upper->list, &z->free_list[k]);
	}

	p->flags = PG_HEAD;
	p->order = order;
	p->owner = NULL;
	z->nr_free -= 1ull << order;
	return p;
}

int buddy_free(struct buddy_zone *z, struct page *p, unsigned order)
{
	if (order >= BUDDY_MAX_ORDER || !p || !buddy_owns_page(z, p))
		return -EINVAL;
	if ((p->flags & (PG_HEAD | PG_FREE | PG_RESERVED)) != PG_HEAD || p->order != order)
		return -EINVAL;

	p->flags = 0;
	p->order = 0;
	p->owner = NULL;
	list_init(&p->list);
	buddy_release(z, buddy_page_to_pfn(z, p), order);
	return 0;
}
