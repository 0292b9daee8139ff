/* Reference-counted pages (mm/page.h), on top of the buddy allocator's page array. */
#include <mm/page.h>
#include <mm/pmm.h>
#include <panic.h>
#include <printk.h>

phys_addr_t page_alloc(void)
{
	phys_addr_t pa = pmm_alloc_zeroed_page();
	if (pa)
		__atomic_store_n(&pmm_phys_to_page(pa)->refcount, 1, __ATOMIC_RELAXED);
	return pa;
}

void page_get(phys_addr_t pa)
{
	struct page *p = pmm_phys_to_page(pa);
	KASSERT(p && p->refcount > 0);
	__atomic_add_fetch(&p->refcount, 1, __ATOMIC_RELAXED);
}

void page_put(phys_addr_t pa)
{
	struct page *p = pmm_phys_to_page(pa);
	KASSERT(p && p->refcount > 0);
	if (__atomic_sub_fetch(&p->refcount, 1, __ATOMIC_ACQ_REL) == 0)
		pmm_free_pages(pa & ~(PAGE_SIZE - 1), 0);
}

uint32_t page_refcount(phys_addr_t pa)
{
	struct page *p = pmm_phys_to_page(pa);
	return p ? __atomic_load_n(&p->refcount, __ATOMIC_RELAXED) : 0;
}
