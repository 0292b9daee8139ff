/* DMA memory and address translation for the disk drivers (drivers/disk.h). */
#include <arch/mmu.h>
#include <drivers/disk.h>
#include <lib/string.h>
#include <mm/pmm.h>
#include <printk.h>

#define LOW_LIMIT (1ULL << 32)
#define LOW_TRIES 16

phys_addr_t dma_virt_to_phys(const void *va)
{
	phys_addr_t pa;
	if (!mmu_query(&kernel_space, (uintptr_t)va, &pa, NULL))
		return 0;
	return pa;
}

/*
 * The buddy allocator has no zones, so blocks above 4 GiB are set aside until
 * one below turns up, then given back.
 */
phys_addr_t dma_alloc_low(unsigned order)
{
	phys_addr_t rejected[LOW_TRIES];
	unsigned nrej = 0;
	phys_addr_t found = 0;
	while (nrej < LOW_TRIES) {
		phys_addr_t pa = pmm_alloc_pages(order);
		if (!pa)
			break;
		if (pa + (PAGE_SIZE << order) <= LOW_LIMIT) {
			found = pa;
			break;
		}
		rejected[nrej++] = pa;
	}
	while (nrej > 0)
		pmm_free_pages(rejected[--nrej], order);
	if (!found) {
		pr_warn("dma: no memory below 4 GiB for %lu bytes\n", PAGE_SIZE << order);
		return 0;
	}
	memset(phys_to_virt(found), 0, PAGE_SIZE << order);
	return found;
}
