/* Reading another address space's memory (mm/vm.h: vm_read_remote), for /proc. */
#include <arch/mmu.h>
#include <lib/string.h>
#include <mm/vm.h>

size_t vm_read_remote(struct mm *mm, uintptr_t addr, void *buf, size_t len)
{
	size_t done = 0;
	while (done < len) {
		uintptr_t va = addr + done;
		if (va < addr || va >= USER_STACK_TOP)
			break;
		phys_addr_t pa;
		uint64_t flags;
		if (!mmu_query(&mm->space, va & ~(PAGE_SIZE - 1), &pa, &flags) ||
		    !(flags & PTE_USER))
			break;
		size_t in = va & (PAGE_SIZE - 1);
		size_t chunk = MIN(PAGE_SIZE - in, len - done);
		memcpy((char *)buf + done, (const char *)phys_to_virt(pa & ~(PAGE_SIZE - 1)) + in,
		       chunk);
		done += chunk;
	}
	return done;
}

size_t vm_resident_pages(struct mm *mm)
{
	size_t n = 0;
	struct vma *v;
	list_for_each_entry(v, &mm->vmas, link)
	{
		for (uintptr_t va = v->start; va < v->end; va += PAGE_SIZE)
			n += mmu_query(&mm->space, va, NULL, NULL);
	}
	return n;
}
