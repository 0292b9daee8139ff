/*
 * Kernel stacks with guard pages. Each stack lives in its own slot of a
 * reserved virtual area: KSTACK_SIZE bytes mapped, then an unmapped page
 * below, so running off the bottom faults (and, with no stack left to push
 * the fault frame on, becomes a double fault on its IST stack) instead of
 * overwriting a neighbour.
 */
#include <arch/mmu.h>
#include <mm/kstack.h>
#include <mm/pmm.h>
#include <printk.h>
#include <proc/task.h>
#include <spinlock.h>

#define KSTACK_AREA 0xffffc80000000000UL
#define KSTACK_SLOT (KSTACK_SIZE + PAGE_SIZE)
#define KSTACK_SLOTS 8192

static uint32_t free_slots[KSTACK_SLOTS];
static unsigned nr_free, next_new;
static struct spinlock kstack_lock = SPINLOCK_INIT("kstack");

void *kstack_alloc(void)
{
	unsigned long flags = spin_lock_irqsave(&kstack_lock);
	unsigned slot;
	if (nr_free)
		slot = free_slots[--nr_free];
	else if (next_new < KSTACK_SLOTS)
		slot = next_new++;
	else
		slot = UINT32_MAX;
	spin_unlock_irqrestore(&kstack_lock, flags);
	if (slot == UINT32_MAX) {
		pr_warn("kstack: all %u stack slots in use\n", KSTACK_SLOTS);
		return NULL;
	}
	phys_addr_t pa = pmm_alloc_pages(KSTACK_ORDER);
	uintptr_t base = KSTACK_AREA + (uintptr_t)slot * KSTACK_SLOT + PAGE_SIZE;
	if (!pa || mmu_map(&kernel_space, base, pa, KSTACK_SIZE, PTE_WRITE | PTE_NX, false) < 0) {
		if (pa)
			pmm_free_pages(pa, KSTACK_ORDER);
		flags = spin_lock_irqsave(&kstack_lock);
		free_slots[nr_free++] = slot;
		spin_unlock_irqrestore(&kstack_lock, flags);
		return NULL;
	}
	return (void *)base;
}

void kstack_free(void *stack)
{
	uintptr_t base = (uintptr_t)stack;
	phys_addr_t pa;
	if (!mmu_query(&kernel_space, base, &pa, NULL))
		return;
	mmu_unmap(&kernel_space, base, KSTACK_SIZE);
	pmm_free_pages(pa, KSTACK_ORDER);
	unsigned slot = (unsigned)((base - PAGE_SIZE - KSTACK_AREA) / KSTACK_SLOT);
	unsigned long flags = spin_lock_irqsave(&kstack_lock);
	free_slots[nr_free++] = slot;
	spin_unlock_irqrestore(&kstack_lock, flags);
}
