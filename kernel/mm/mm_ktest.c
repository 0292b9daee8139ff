/*
 * Self-tests of the memory managers: buddy torture through the pmm, slab
 * torture through kmalloc, and page-table round trips through the mmu API.
 */
#include <arch/mmu.h>
#include <arch/trap.h>
#include <errno.h>
#include <ktest.h>
#include <lib/string.h>
#include <mm/pmm.h>
#include <mm/slab.h>

/* A small xorshift generator: the tests are reproducible run to run. */
static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

#define PMM_SLOTS 512

KTEST(pmm_torture)
{
	static phys_addr_t held[PMM_SLOTS];
	static uint8_t order[PMM_SLOTS];
	uint64_t before = pmm_free_count();
	memset(held, 0, sizeof(held));
	for (int round = 0; round < 20000; round++) {
		unsigned i = rnd() % PMM_SLOTS;
		if (held[i]) {
			/* The pattern written at allocation must still be there. */
			KT_ASSERT(*(uint64_t *)phys_to_virt(held[i]) == (held[i] ^ 0x5a5a5a5a5a5a5a5aULL));
			pmm_free_pages(held[i], order[i]);
			held[i] = 0;
		} else {
			order[i] = (uint8_t)(rnd() % 5);
			held[i] = pmm_alloc_pages(order[i]);
			KT_ASSERT(held[i] != 0);
			KT_ASSERT((held[i] & ((PAGE_SIZE << order[i]) - 1)) == 0);
			*(uint64_t *)phys_to_virt(held[i]) = held[i] ^ 0x5a5a5a5a5a5a5a5aULL;
		}
	}
	for (unsigned i = 0; i < PMM_SLOTS; i++)
		if (held[i])
			pmm_free_pages(held[i], order[i]);
	KT_ASSERT(pmm_free_count() == before);
	return 0;
}

KTEST(pmm_exhaust_and_recover)
{
	/* Take every order-0 page reachable in 4 MiB blocks plus singles, then give all back. */
	uint64_t before = pmm_free_count();
	phys_addr_t chain = 0;
	uint64_t taken = 0;
	phys_addr_t pa;
	while ((pa = pmm_alloc_pages(0)) != 0) {
		*(phys_addr_t *)phys_to_virt(pa) = chain;
		chain = pa;
		taken++;
	}
	KT_ASSERT(pmm_free_count() == 0);
	KT_ASSERT(taken == before);
	KT_ASSERT(pmm_alloc_pages(0) == 0); /* out of memory is an error, not a crash */
	while (chain) {
		phys_addr_t next = *(phys_addr_t *)phys_to_virt(chain);
		pmm_free_pages(chain, 0);
		chain = next;
	}
	KT_ASSERT(pmm_free_count() == before);
	/* Everything coalesced again: a 4 MiB block is available. */
	pa = pmm_alloc_pages(BUDDY_MAX_ORDER - 1);
	KT_ASSERT(pa != 0);
	pmm_free_pages(pa, BUDDY_MAX_ORDER - 1);
	return 0;
}

#define SLAB_SLOTS 1024

KTEST(slab_torture)
{
	static void *obj[SLAB_SLOTS];
	static uint16_t size[SLAB_SLOTS];
	slab_shrink(); /* no cached empty slabs, so the page count is comparable */
	uint64_t pages_before = pmm_free_count();
	memset(obj, 0, sizeof(obj));
	for (int round = 0; round < 30000; round++) {
		unsigned i = rnd() % SLAB_SLOTS;
		if (obj[i]) {
			uint8_t *p = obj[i];
			for (unsigned k = 0; k < size[i]; k++)
				KT_ASSERT(p[k] == (uint8_t)(i + k));
			kfree(obj[i]);
			obj[i] = NULL;
		} else {
			size[i] = (uint16_t)(1 + rnd() % (rnd() % 8 == 0 ? 9000 : 300));
			uint8_t *p = kmalloc(size[i]);
			KT_ASSERT(p != NULL);
			KT_ASSERT(((uintptr_t)p & 15) == 0);
			KT_ASSERT(ksize(p) >= size[i]);
			for (unsigned k = 0; k < size[i]; k++)
				p[k] = (uint8_t)(i + k);
			obj[i] = p;
		}
	}
	for (unsigned i = 0; i < SLAB_SLOTS; i++)
		kfree(obj[i]);
	slab_shrink();
	/* Every page went back once the emptied slabs are released. */
	KT_ASSERT(pmm_free_count() == pages_before);
	return 0;
}

KTEST(slab_cache)
{
	struct kmem_cache *c = kmem_cache_create("ktest64", 200, 64);
	KT_ASSERT(c != NULL);
	void *objs[100];
	for (int i = 0; i < 100; i++) {
		objs[i] = kmem_cache_alloc(c);
		KT_ASSERT(objs[i] != NULL);
		KT_ASSERT(((uintptr_t)objs[i] & 63) == 0);
		memset(objs[i], i, 200);
	}
	for (int i = 0; i < 100; i++)
		kmem_cache_free(c, objs[i]);
	kmem_cache_destroy(c);
	return 0;
}

#define PT_TEST_BASE 0xffffc00000000000UL

KTEST(page_table_round_trip)
{
	uint64_t free_before = pmm_free_count();
	phys_addr_t frames[64];
	for (int i = 0; i < 64; i++) {
		frames[i] = pmm_alloc_zeroed_page();
		KT_ASSERT(frames[i]);
	}
	/* Map the frames at scattered addresses, write through the mapping, read via the direct map. */
	for (int i = 0; i < 64; i++) {
		uintptr_t va = PT_TEST_BASE + (uintptr_t)i * 0x40201000UL;
		KT_ASSERT(mmu_map(&kernel_space, va, frames[i], PAGE_SIZE, PTE_WRITE | PTE_NX, false) == 0);
		phys_addr_t pa;
		uint64_t flags;
		KT_ASSERT(mmu_query(&kernel_space, va + 123, &pa, &flags));
		KT_ASSERT(pa == frames[i] + 123);
		KT_ASSERT((flags & PTE_WRITE) && (flags & PTE_NX));
		*(volatile uint64_t *)va = 0x1234000 + (uint64_t)i;
		KT_ASSERT(*(uint64_t *)phys_to_virt(frames[i]) == 0x1234000 + (uint64_t)i);
		KT_ASSERT(mmu_map(&kernel_space, va, frames[i], PAGE_SIZE, 0, false) == -EEXIST);
	}
	/* Read-only: the flags change and the page still reads. */
	uintptr_t va0 = PT_TEST_BASE;
	KT_ASSERT(mmu_protect(&kernel_space, va0, PAGE_SIZE, PTE_NX) == 0);
	uint64_t flags;
	KT_ASSERT(mmu_query(&kernel_space, va0, NULL, &flags) && !(flags & PTE_WRITE));
	uint64_t v;
	KT_ASSERT(arch_probe_read64((void *)va0, &v) == 0 && v == 0x1234000);
	/* Unmapped: lookups fail and a probe faults cleanly. */
	for (int i = 0; i < 64; i++) {
		uintptr_t va = PT_TEST_BASE + (uintptr_t)i * 0x40201000UL;
		KT_ASSERT(mmu_unmap(&kernel_space, va, PAGE_SIZE) == 0);
		KT_ASSERT(!mmu_query(&kernel_space, va, NULL, NULL));
		KT_ASSERT(arch_probe_read64((void *)va, &v) == -EFAULT);
		pmm_free_pages(frames[i], 0);
	}
	/* Page-table pages stay allocated for reuse; the frames themselves came back. */
	KT_ASSERT(pmm_free_count() <= free_before);
	return 0;
}

KTEST(huge_page_split)
{
	/* A 2 MiB mapping, then unmapping one 4 KiB page in its middle splits it. */
	phys_addr_t block = pmm_alloc_pages(9);
	KT_ASSERT(block);
	uintptr_t va = PT_TEST_BASE + 0x200000000UL;
	KT_ASSERT(mmu_map(&kernel_space, va, block, PAGE_2M, PTE_WRITE | PTE_NX, true) == 0);
	phys_addr_t pa;
	KT_ASSERT(mmu_query(&kernel_space, va + 0x12345, &pa, NULL) && pa == block + 0x12345);
	KT_ASSERT(mmu_unmap(&kernel_space, va + 5 * PAGE_SIZE, PAGE_SIZE) == 0);
	KT_ASSERT(!mmu_query(&kernel_space, va + 5 * PAGE_SIZE, NULL, NULL));
	KT_ASSERT(mmu_query(&kernel_space, va + 6 * PAGE_SIZE, &pa, NULL) &&
		  pa == block + 6 * PAGE_SIZE);
	KT_ASSERT(mmu_query(&kernel_space, va + 4 * PAGE_SIZE + 8, &pa, NULL) &&
		  pa == block + 4 * PAGE_SIZE + 8);
	KT_ASSERT(mmu_unmap(&kernel_space, va, PAGE_2M) == 0);
	KT_ASSERT(!mmu_query(&kernel_space, va + 6 * PAGE_SIZE, NULL, NULL));
	pmm_free_pages(block, 9);
	return 0;
}

KTEST(kernel_wx)
{
	/* Kernel text is not writable, rodata and data are not executable. */
	extern char _text_start[], _rodata_start[], _data_start[];
	uint64_t f;
	KT_ASSERT(mmu_query(&kernel_space, (uintptr_t)_text_start, NULL, &f));
	KT_ASSERT(!(f & PTE_WRITE) && !(f & PTE_NX));
	KT_ASSERT(mmu_query(&kernel_space, (uintptr_t)_rodata_start, NULL, &f));
	KT_ASSERT(!(f & PTE_WRITE) && (f & PTE_NX));
	KT_ASSERT(mmu_query(&kernel_space, (uintptr_t)_data_start, NULL, &f));
	KT_ASSERT((f & PTE_WRITE) && (f & PTE_NX));
	/* The low identity map is gone: NULL is unmapped. */
	KT_ASSERT(!mmu_query(&kernel_space, 0, NULL, NULL));
	uint64_t v;
	KT_ASSERT(arch_probe_read64((void *)8, &v) == -EFAULT);
	return 0;
}
