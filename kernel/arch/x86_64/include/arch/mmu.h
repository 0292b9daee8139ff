/*
 * x86-64 4-level paging. All physical memory is mapped at DIRECT_MAP_BASE;
 * the kernel image is linked at KERNEL_VMA. Page-table pages come from the
 * physical page allocator and are reached through the direct map.
 */
#ifndef CAIRN_ARCH_MMU_H
#define CAIRN_ARCH_MMU_H

#include <types.h>

#define KERNEL_VMA 0xffffffff80000000UL
#define DIRECT_MAP_BASE 0xffff800000000000UL
#define USER_TOP 0x0000800000000000UL

/* Mapping flags understood by mmu_map(); they are the hardware PTE bits. */
#define PTE_PRESENT (1UL << 0)
#define PTE_WRITE (1UL << 1)
#define PTE_USER (1UL << 2)
#define PTE_PWT (1UL << 3)
#define PTE_PCD (1UL << 4)
#define PTE_ACCESSED (1UL << 5)
#define PTE_DIRTY (1UL << 6)
#define PTE_HUGE (1UL << 7)
#define PTE_GLOBAL (1UL << 8)
#define PTE_NX (1UL << 63)
#define PTE_ADDR_MASK 0x000ffffffffff000UL
#define PTE_FLAGS_MASK (~PTE_ADDR_MASK)

#define PAGE_2M (2UL << 20)
#define PAGE_1G (1UL << 30)

static inline void *phys_to_virt(phys_addr_t pa)
{
	return (void *)(pa + DIRECT_MAP_BASE);
}

/* Translates a direct-map or kernel-image address to its physical address. */
static inline phys_addr_t virt_to_phys(const void *va)
{
	uintptr_t v = (uintptr_t)va;
	if (v >= KERNEL_VMA)
		return v - KERNEL_VMA;
	return v - DIRECT_MAP_BASE;
}

typedef uint64_t pte_t;

/* An address space: the physical address of its top-level table. */
struct mmu_space {
	phys_addr_t pml4;
};

extern struct mmu_space kernel_space;

/*
 * Maps [va, va+size) to [pa, pa+size) with flags (PTE_* bits; PTE_PRESENT is
 * implied). Uses 1 GiB and 2 MiB pages where alignment allows and huge is
 * true. Returns 0 or -ENOMEM (mappings made so far stay in place) or -EEXIST
 * when a page is already mapped.
 */
int mmu_map(struct mmu_space *s, uintptr_t va, phys_addr_t pa, size_t size, uint64_t flags,
	    bool huge);
/* Removes mappings in [va, va+size); splits huge pages as needed. Returns 0 or -ENOMEM. */
int mmu_unmap(struct mmu_space *s, uintptr_t va, size_t size);
/* Replaces the flags of mapped 4 KiB pages in [va, va+size). Returns 0 or -ENOMEM / -EFAULT. */
int mmu_protect(struct mmu_space *s, uintptr_t va, size_t size, uint64_t flags);
/* Looks up va: returns true and fills *pa and *flags (if non-NULL) when mapped. */
bool mmu_query(struct mmu_space *s, uintptr_t va, phys_addr_t *pa, uint64_t *flags);
/* Maps a device's registers uncached in the direct map and returns their address. */
void *mmu_map_mmio(phys_addr_t pa, size_t size);

/* Builds the kernel's final page tables and switches to them. */
void mmu_init(void);

/* Software PTE bit: a private page shared after fork, copied on the first write. */
#define PTE_COW (1UL << 9)
/* Software PTE bit on a not-present entry: the page is kept but PROT_NONE. */
#define PTE_KEPT (1UL << 10)

/* User address spaces (mmu_user.c). The kernel half is shared with kernel_space. */
int mmu_space_create(struct mmu_space *s);
/* Frees the user-half page tables of s (not the pages they map). */
void mmu_space_destroy(struct mmu_space *s);
void mmu_space_activate(struct mmu_space *s);
/*
 * Returns the 4 KiB-level entry for user address va in s, creating the tables
 * on the way when create is set: NULL when absent, ERR_PTR(-ENOMEM).
 */
pte_t *mmu_user_pte(struct mmu_space *s, uintptr_t va, bool create);
/* Invalidates va in this CPU's TLB if s is the active space. */
void mmu_flush_page(struct mmu_space *s, uintptr_t va);

#endif
