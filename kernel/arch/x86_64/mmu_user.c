/*
 * User address spaces: their own top-level table whose upper half points at
 * the kernel's shared tables (created once by mmu_init, so kernel mappings
 * made later are visible everywhere), and 4 KiB pages only below USER_TOP.
 */
#include <arch/cpu.h>
#include <arch/mmu.h>
#include <errno.h>
#include <lib/string.h>
#include <mm/pmm.h>

int mmu_space_create(struct mmu_space *s)
{
	phys_addr_t pml4 = pmm_alloc_zeroed_page();
	if (!pml4)
		return -ENOMEM;
	pte_t *dst = phys_to_virt(pml4), *src = phys_to_virt(kernel_space.pml4);
	memcpy(&dst[256], &src[256], 256 * sizeof(pte_t));
	s->pml4 = pml4;
	return 0;
}

static void free_level(phys_addr_t table, int level)
{
	pte_t *t = phys_to_virt(table);
	if (level < 3) {
		for (unsigned i = 0; i < 512; i++)
			if (t[i] & PTE_PRESENT)
				free_level(t[i] & PTE_ADDR_MASK, level + 1);
	}
	pmm_free_pages(table, 0);
}

void mmu_space_destroy(struct mmu_space *s)
{
	pte_t *pml4 = phys_to_virt(s->pml4);
	for (unsigned i = 0; i < 256; i++)
		if (pml4[i] & PTE_PRESENT)
			free_level(pml4[i] & PTE_ADDR_MASK, 1);
	if ((read_cr3() & PTE_ADDR_MASK) == s->pml4)
		write_cr3(kernel_space.pml4);
	pmm_free_pages(s->pml4, 0);
	s->pml4 = 0;
}

void mmu_space_activate(struct mmu_space *s)
{
	phys_addr_t pa = s ? s->pml4 : kernel_space.pml4;
	if ((read_cr3() & PTE_ADDR_MASK) != pa)
		write_cr3(pa);
}

pte_t *mmu_user_pte(struct mmu_space *s, uintptr_t va, bool create)
{
	if (va >= USER_TOP)
		return NULL;
	pte_t *table = phys_to_virt(s->pml4);
	for (int level = 0; level < 3; level++) {
		unsigned idx = (va >> (39 - 9 * level)) & 511;
		if (!(table[idx] & PTE_PRESENT)) {
			if (!create)
				return NULL;
			phys_addr_t pa = pmm_alloc_zeroed_page();
			if (!pa)
				return ERR_PTR(-ENOMEM);
			table[idx] = pa | PTE_PRESENT | PTE_WRITE | PTE_USER;
		}
		table = phys_to_virt(table[idx] & PTE_ADDR_MASK);
	}
	return &table[(va >> 12) & 511];
}

void mmu_flush_page(struct mmu_space *s, uintptr_t va)
{
	if ((read_cr3() & PTE_ADDR_MASK) == s->pml4)
		invlpg(va);
}
