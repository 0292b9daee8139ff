/*
 * Kernel page tables.
 *
 * mmu_init() replaces the boot tables: all memory-map regions are mapped in
 * the direct map (read-write, no-execute, with 2 MiB and 1 GiB pages where
 * aligned), the kernel image is mapped with 4 KiB pages so each part gets
 * exactly its rights (text R-X, rodata R--, data and bss RW-), and the page
 * below the boot stack stays unmapped as a guard. The low identity map is
 * gone afterwards, so a NULL dereference in the kernel faults.
 */
#include <arch/cpu.h>
#include <arch/mmu.h>
#include <boot.h>
#include <errno.h>
#include <lib/string.h>
#include <mm/pmm.h>
#include <panic.h>
#include <printk.h>
#include <spinlock.h>

struct mmu_space kernel_space;
static struct spinlock mmu_lock = SPINLOCK_INIT("mmu");

extern char _text_start[], _text_end[], _rodata_start[], _rodata_end[];
extern char _data_start[], _kernel_end[], boot_stack_guard[];

static const unsigned level_shift[4] = { 39, 30, 21, 12 };

static inline pte_t *table_of(pte_t entry)
{
	return phys_to_virt(entry & PTE_ADDR_MASK);
}

static inline unsigned index_at(uintptr_t va, int level)
{
	return (va >> level_shift[level]) & 511;
}

/*
 * Drops a stale translation. Kernel mappings are shared by every address
 * space, so they are flushed whichever space is active. FIXME: other CPUs
 * need a shootdown IPI once they run tasks; today they only idle.
 */
static void tlb_flush_page(struct mmu_space *s, uintptr_t va)
{
	if (s == &kernel_space || s->pml4 == (read_cr3() & PTE_ADDR_MASK))
		invlpg(va);
}

/*
 * Replaces the huge leaf *entry at level (1 = 1 GiB, 2 = 2 MiB) with a table
 * of the next level carrying the same mapping. Returns 0 or -ENOMEM.
 */
static int split_huge(pte_t *entry, int level)
{
	phys_addr_t tpa = pmm_alloc_zeroed_page();
	if (!tpa)
		return -ENOMEM;
	pte_t *t = phys_to_virt(tpa);
	uint64_t step = 1UL << level_shift[level + 1];
	uint64_t flags = *entry & PTE_FLAGS_MASK;
	phys_addr_t base = *entry & PTE_ADDR_MASK & ~((1UL << level_shift[level]) - 1);
	if (level + 1 == 3)
		flags &= ~PTE_HUGE; /* 4 KiB entries use bit 7 for PAT */
	for (unsigned i = 0; i < 512; i++)
		t[i] = (base + i * step) | flags;
	*entry = tpa | PTE_PRESENT | PTE_WRITE | (flags & PTE_USER);
	return 0;
}

/*
 * Walks to the entry mapping va at target level (3 = 4 KiB page, 2 = 2 MiB,
 * 1 = 1 GiB), creating tables when create is set and splitting huge pages on
 * the way. Returns the entry, NULL if absent, or ERR_PTR(-ENOMEM).
 */
static pte_t *walk(struct mmu_space *s, uintptr_t va, int target, bool create, bool user)
{
	pte_t *table = phys_to_virt(s->pml4);
	for (int level = 0; level < target; level++) {
		pte_t *e = &table[index_at(va, level)];
		if (!(*e & PTE_PRESENT)) {
			if (!create)
				return NULL;
			phys_addr_t pa = pmm_alloc_zeroed_page();
			if (!pa)
				return ERR_PTR(-ENOMEM);
			*e = pa | PTE_PRESENT | PTE_WRITE | (user ? PTE_USER : 0);
		} else if (*e & PTE_HUGE) {
			if (split_huge(e, level) < 0)
				return ERR_PTR(-ENOMEM);
		}
		if (user)
			*e |= PTE_USER;
		table = table_of(*e);
	}
	return &table[index_at(va, target)];
}

int mmu_map(struct mmu_space *s, uintptr_t va, phys_addr_t pa, size_t size, uint64_t flags,
	    bool huge)
{
	if ((va | pa | size) & (PAGE_SIZE - 1))
		return -EINVAL;
	flags |= PTE_PRESENT;
	if (!cpu_features.nx)
		flags &= ~PTE_NX;
	bool user = flags & PTE_USER;
	int err = 0;
	unsigned long irq = spin_lock_irqsave(&mmu_lock);
	uintptr_t end = va + size;
	while (va < end) {
		int level = 3;
		uint64_t step = PAGE_SIZE;
		if (huge && cpu_features.pdpe1gb && !((va | pa) & (PAGE_1G - 1)) &&
		    end - va >= PAGE_1G) {
			level = 1;
			step = PAGE_1G;
		} else if (huge && !((va | pa) & (PAGE_2M - 1)) && end - va >= PAGE_2M) {
			level = 2;
			step = PAGE_2M;
		}
		pte_t *e = walk(s, va, level, true, user);
		if (IS_ERR(e)) {
			err = (int)PTR_ERR(e);
			break;
		}
		if (*e & PTE_PRESENT) {
			err = -EEXIST;
			break;
		}
		*e = pa | flags | (level < 3 ? PTE_HUGE : 0);
		va += step;
		pa += step;
	}
	spin_unlock_irqrestore(&mmu_lock, irq);
	return err;
}

int mmu_unmap(struct mmu_space *s, uintptr_t va, size_t size)
{
	int err = 0;
	unsigned long irq = spin_lock_irqsave(&mmu_lock);
	for (uintptr_t end = va + size; va < end; va += PAGE_SIZE) {
		if (!mmu_query(s, va, NULL, NULL))
			continue;
		pte_t *e = walk(s, va, 3, false, false);
		if (IS_ERR(e)) {
			err = (int)PTR_ERR(e);
			break;
		}
		if (e) {
			*e = 0;
			tlb_flush_page(s, va);
		}
	}
	spin_unlock_irqrestore(&mmu_lock, irq);
	return err;
}

int mmu_protect(struct mmu_space *s, uintptr_t va, size_t size, uint64_t flags)
{
	int err = 0;
	flags |= PTE_PRESENT;
	if (!cpu_features.nx)
		flags &= ~PTE_NX;
	unsigned long irq = spin_lock_irqsave(&mmu_lock);
	for (uintptr_t end = va + size; va < end; va += PAGE_SIZE) {
		pte_t *e = walk(s, va, 3, false, false);
		if (IS_ERR(e) || !e || !(*e & PTE_PRESENT)) {
			err = IS_ERR(e) ? (int)PTR_ERR(e) : -EFAULT;
			break;
		}
		*e = (*e & PTE_ADDR_MASK) | flags;
		tlb_flush_page(s, va);
	}
	spin_unlock_irqrestore(&mmu_lock, irq);
	return err;
}

bool mmu_query(struct mmu_space *s, uintptr_t va, phys_addr_t *pa, uint64_t *flags)
{
	pte_t *table = phys_to_virt(s->pml4);
	for (int level = 0; level < 4; level++) {
		pte_t e = table[index_at(va, level)];
		if (!(e & PTE_PRESENT))
			return false;
		if (level == 3 || (level > 0 && (e & PTE_HUGE))) {
			uint64_t mask = (1UL << level_shift[level]) - 1;
			if (pa)
				*pa = (e & PTE_ADDR_MASK & ~mask) | (va & mask);
			if (flags)
				*flags = e & PTE_FLAGS_MASK;
			return true;
		}
		table = table_of(e);
	}
	return false;
}

void *mmu_map_mmio(phys_addr_t pa, size_t size)
{
	phys_addr_t start = ALIGN_DOWN(pa, PAGE_SIZE);
	phys_addr_t end = ALIGN_UP(pa + size, PAGE_SIZE);
	for (phys_addr_t p = start; p < end; p += PAGE_SIZE) {
		if (mmu_query(&kernel_space, DIRECT_MAP_BASE + p, NULL, NULL))
			continue;
		if (mmu_map(&kernel_space, DIRECT_MAP_BASE + p, p, PAGE_SIZE,
			    PTE_WRITE | PTE_NX | PTE_PCD | PTE_PWT, false) < 0)
			panic("mmu: cannot map MMIO page %lx", p);
	}
	return phys_to_virt(pa);
}

static void map_or_panic(uintptr_t va, phys_addr_t pa, size_t size, uint64_t flags, bool huge)
{
	int err = mmu_map(&kernel_space, va, pa, size, flags, huge);
	if (err == -EEXIST)
		return;
	if (err)
		panic("mmu: boot mapping of %lx failed (%d)", va, err);
}

/*
 * Maps every memory-map region above 1 MiB in the direct map. The regions are
 * rounded outward to pages, sorted and merged first, so overlapping or
 * adjacent firmware entries become one mapping with the largest pages.
 */
static void map_direct_regions(void)
{
	struct {
		phys_addr_t start, end;
	} r[BOOT_MAX_REGIONS];
	unsigned n = 0;
	for (unsigned i = 0; i < boot_info.nr_regions; i++) {
		phys_addr_t s = ALIGN_DOWN(boot_info.regions[i].base, PAGE_SIZE);
		phys_addr_t e = ALIGN_UP(boot_info.regions[i].base + boot_info.regions[i].length,
					 PAGE_SIZE);
		s = MAX(s, 1UL << 20);
		if (s >= e)
			continue;
		unsigned j = n++;
		for (; j > 0 && r[j - 1].start > s; j--)
			r[j] = r[j - 1];
		r[j].start = s;
		r[j].end = e;
	}
	for (unsigned i = 0; i < n;) {
		phys_addr_t s = r[i].start, e = r[i].end;
		for (i++; i < n && r[i].start <= e; i++)
			e = MAX(e, r[i].end);
		map_or_panic(DIRECT_MAP_BASE + s, s, e - s, PTE_WRITE | PTE_NX, true);
	}
}

void mmu_init(void)
{
	kernel_space.pml4 = pmm_alloc_zeroed_page();
	/* Pre-create the kernel half's top-level entries so every space can share them. */
	pte_t *pml4 = phys_to_virt(kernel_space.pml4);
	for (unsigned i = 256; i < 512; i++)
		pml4[i] = pmm_alloc_zeroed_page() | PTE_PRESENT | PTE_WRITE;

	/* The first MiB (VGA memory, BIOS areas) uncached; then every memory-map region. */
	map_or_panic(DIRECT_MAP_BASE, 0, 1UL << 20, PTE_WRITE | PTE_NX | PTE_PCD | PTE_PWT, false);
	map_direct_regions();

	uintptr_t text = (uintptr_t)_text_start, rodata = (uintptr_t)_rodata_start;
	uintptr_t data = (uintptr_t)_data_start, end = (uintptr_t)_kernel_end;
	map_or_panic(text, virt_to_phys(_text_start), rodata - text, 0, false);
	map_or_panic(rodata, virt_to_phys(_rodata_start), data - rodata, PTE_NX, false);
	map_or_panic(data, virt_to_phys(_data_start), end - data, PTE_WRITE | PTE_NX, false);
	mmu_unmap(&kernel_space, (uintptr_t)boot_stack_guard, PAGE_SIZE);

	uint64_t cr4 = read_cr4();
	if (cpu_features.smep)
		cr4 |= 1UL << 20;
	if (cpu_features.smap)
		cr4 |= 1UL << 21;
	write_cr4(cr4);
	write_cr3(kernel_space.pml4);
}
