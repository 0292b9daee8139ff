/*
 * Physical memory manager: the buddy allocator over all usable RAM, fed from
 * the boot memory map with the kernel image, boot modules, the first MiB and
 * firmware areas kept out. Before pmm_init() a bump allocator serves the
 * page tables and the page array.
 */
#ifndef CAIRN_MM_PMM_H
#define CAIRN_MM_PMM_H

#include <mm/buddy.h>
#include <types.h>

/* Returns the physical address of 2^order contiguous pages (contents undefined), or 0
 * when out of memory. Physical page 0 is never handed out, so 0 means failure. */
phys_addr_t pmm_alloc_pages(unsigned order);
/* Returns a physical page filled with zeros, or 0 when out of memory. */
phys_addr_t pmm_alloc_zeroed_page(void);
/* Frees pages from pmm_alloc_pages(); a bad address or order is logged and ignored. */
void pmm_free_pages(phys_addr_t pa, unsigned order);
uint64_t pmm_free_count(void);   /* free pages */
uint64_t pmm_total_count(void);  /* pages handed to the allocator at boot */
struct page *pmm_phys_to_page(phys_addr_t pa);

void pmm_early_init(void);
void pmm_init(void);

#endif
