/*
 * Physical memory manager.
 *
 * Boot order: pmm_early_init() picks the largest usable region below 4 GiB
 * (covered by the boot page tables) for a bump allocator; mmu_init() takes its
 * page tables from it; pmm_init() takes the struct page array from it, then
 * hands every usable page except the reserved ranges and the bump region to
 * the buddy allocator. After that everything goes through the buddy zone,
 * under pmm_lock.
 */
#include <arch/mmu.h>
#include <boot.h>
#include <lib/string.h>
#include <mm/pmm.h>
#include <panic.h>
#include <printk.h>
#include <spinlock.h>

extern char _boot_start[], _kernel_end[];

#define LOW_RESERVED (1UL << 20) /* real-mode area, BIOS data, AP trampoline */
#define EARLY_LIMIT (4UL << 30)  /* the boot page tables map this much */

static struct buddy_zone zone;
static struct spinlock pmm_lock = SPINLOCK_INIT("pmm");
static bool pmm_ready;
static uint64_t total_pages;
static phys_addr_t early_start, early_next, early_end;

struct range {
	phys_addr_t start, end;
};

/* Ranges no allocator may hand out, besides what the memory map marks unusable. */
static struct range reserved[2 + BOOT_MAX_MODULES];
static unsigned nr_reserved;

static void reserve(phys_addr_t start, phys_addr_t end)
{
	reserved[nr_reserved++] = (struct range){ ALIGN_DOWN(start, PAGE_SIZE),
						  ALIGN_UP(end, PAGE_SIZE) };
}

/* Returns true when [s, e) overlaps any reserved range. */
static bool overlaps_reserved(phys_addr_t s, phys_addr_t e)
{
	for (unsigned i = 0; i < nr_reserved; i++)
		if (s < reserved[i].end && reserved[i].start < e)
			return true;
	return false;
}

void pmm_early_init(void)
{
	reserve(0, LOW_RESERVED);
	reserve((phys_addr_t)_boot_start, virt_to_phys(_kernel_end));
	for (unsigned i = 0; i < boot_info.nr_modules; i++)
		reserve(boot_info.modules[i].start, boot_info.modules[i].end);

	/* The largest stretch of usable memory below 4 GiB that avoids reserved ranges. */
	for (unsigned i = 0; i < boot_info.nr_regions; i++) {
		const struct mem_region *r = &boot_info.regions[i];
		if (r->type != MEM_USABLE)
			continue;
		phys_addr_t s = ALIGN_UP(r->base, PAGE_SIZE);
		phys_addr_t e = ALIGN_DOWN(MIN(r->base + r->length, EARLY_LIMIT), PAGE_SIZE);
		for (unsigned j = 0; j < nr_reserved; j++)
			if (s < reserved[j].end && reserved[j].start < e)
				s = MAX(s, reserved[j].end);
		if (s < e && !overlaps_reserved(s, e) && e - s > early_end - early_start) {
			early_start = early_next = s;
			early_end = e;
		}
	}
	if (early_end == early_start)
		panic("pmm: no usable memory below 4 GiB for boot allocations");
}

static phys_addr_t early_alloc(size_t bytes)
{
	bytes = ALIGN_UP(bytes, PAGE_SIZE);
	if (early_end - early_next < bytes)
		panic("pmm: boot allocator exhausted (%zu bytes wanted)", bytes);
	phys_addr_t pa = early_next;
	early_next += bytes;
	memset(phys_to_virt(pa), 0, bytes);
	return pa;
}

void pmm_init(void)
{
	uint64_t max_pfn = 0;
	for (unsigned i = 0; i < boot_info.nr_regions; i++) {
		const struct mem_region *r = &boot_info.regions[i];
		if (r->type == MEM_USABLE)
			max_pfn = MAX(max_pfn, (r->base + r->length) >> PAGE_SHIFT);
	}
	struct page *pages = phys_to_virt(early_alloc(max_pfn * sizeof(struct page)));
	buddy_init(&zone, 0, max_pfn, pages);
	/* The bump region is now final: nothing else is taken from it. */
	reserve(early_start, early_next);

	for (unsigned i = 0; i < boot_info.nr_regions; i++) {
		const struct mem_region *r = &boot_info.regions[i];
		if (r->type != MEM_USABLE)
			continue;
		phys_addr_t s = ALIGN_UP(r->base, PAGE_SIZE);
		phys_addr_t e = ALIGN_DOWN(r->base + r->length, PAGE_SIZE);
		/* Add the pieces of [s, e) between reserved ranges, page by page runs. */
		while (s < e) {
			phys_addr_t run_end = e;
			bool skip = false;
			for (unsigned j = 0; j < nr_reserved; j++) {
				if (s >= reserved[j].start && s < reserved[j].end) {
					s = reserved[j].end;
					skip = true;
					break;
				}
				if (reserved[j].start > s && reserved[j].start < run_end)
					run_end = reserved[j].start;
			}
			if (skip)
				continue;
			buddy_add_range(&zone, s >> PAGE_SHIFT, (run_end - s) >> PAGE_SHIFT);
			total_pages += (run_end - s) >> PAGE_SHIFT;
			s = run_end;
		}
	}
	pmm_ready = true;
	pr_info("pmm: %lu MiB usable, %lu MiB free, %lu KiB of page structures\n",
		(total_pages << PAGE_SHIFT) >> 20, (zone.nr_free << PAGE_SHIFT) >> 20,
		(max_pfn * sizeof(struct page)) >> 10);
}

phys_addr_t pmm_alloc_pages(unsigned order)
{
	if (!pmm_ready)
		return early_alloc(PAGE_SIZE << order);
	unsigned long flags = spin_lock_irqsave(&pmm_lock);
	struct page *p = buddy_alloc(&zone, order);
	spin_unlock_irqrestore(&pmm_lock, flags);
	if (!p) {
		static uint64_t failures;
		if (failures++ % 1000 == 0)
			pr_warn("pmm: out of memory for an order-%u block (%lu pages free)\n", order,
				zone.nr_free);
		return 0;
	}
	return buddy_page_to_pfn(&zone, p) << PAGE_SHIFT;
}

phys_addr_t pmm_alloc_zeroed_page(void)
{
	phys_addr_t pa = pmm_alloc_pages(0);
	if (pa)
		memset(phys_to_virt(pa), 0, PAGE_SIZE);
	return pa;
}

void pmm_free_pages(phys_addr_t pa, unsigned order)
{
	struct page *p = buddy_pfn_to_page(&zone, pa >> PAGE_SHIFT);
	unsigned long flags = spin_lock_irqsave(&pmm_lock);
	int err = p && !(pa & (PAGE_SIZE - 1)) ? buddy_free(&zone, p, order) : -1;
	spin_unlock_irqrestore(&pmm_lock, flags);
	if (err)
		pr_err("pmm: bad free of %lx (order %u) ignored\n", pa, order);
}

uint64_t pmm_free_count(void)
{
	return zone.nr_free;
}

uint64_t pmm_total_count(void)
{
	return total_pages;
}

struct page *pmm_phys_to_page(phys_addr_t pa)
{
	return buddy_pfn_to_page(&zone, pa >> PAGE_SHIFT);
}
