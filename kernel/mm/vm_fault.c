/*
 * Page faults in user address spaces and the copy-on-write side of fork.
 *
 * A fault is legal when an area covers the address and allows the access.
 * Then: an absent page is provided (zeroed, read from the file, or the file's
 * shared page); a write to a copy-on-write page copies it unless this address
 * space holds the only reference, in which case it just becomes writable.
 * A stack area (VMA_GROWSDOWN) grows down to the address, within RLIMIT_STACK.
 */
#include <errno.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/page.h>
#include <mm/slab.h>
#include <mm/vm.h>
#include <printk.h>
#include <proc/process.h>
#include <uapi/mman.h>

static uint64_t pte_flags_for(const struct vma *v, bool writable)
{
	uint64_t f = PTE_PRESENT | PTE_USER;
	if (writable && (v->prot & PROT_WRITE))
		f |= PTE_WRITE;
	if (!(v->prot & PROT_EXEC))
		f |= PTE_NX;
	return f;
}

/* Grows a stack area down to cover addr, if the stack limit allows. */
static struct vma *grow_stack(struct mm *mm, uintptr_t addr)
{
	struct vma *v;
	list_for_each_entry(v, &mm->vmas, link)
	{
		if (v->start <= addr)
			continue;
		if (!(v->flags & VMA_GROWSDOWN))
			return NULL;
		uint64_t limit = 8UL << 20;
		struct process *p = current_proc();
		if (p && p->rlimits[RLIMIT_STACK].rlim_cur != RLIM_INFINITY)
			limit = p->rlimits[RLIMIT_STACK].rlim_cur;
		uintptr_t new_start = ALIGN_DOWN(addr, PAGE_SIZE);
		if (v->end - new_start > limit)
			return NULL;
		/* Never grow into the area below. */
		if (v->link.prev != &mm->vmas &&
		    list_entry(v->link.prev, struct vma, link)->end > new_start - PAGE_SIZE)
			return NULL;
		mm->mapped_pages += (v->start - new_start) >> PAGE_SHIFT;
		v->start = new_start;
		return v;
	}
	return NULL;
}

/* Fills a new page for a private file mapping: file bytes, then zeros. */
static int read_file_page(struct vma *v, uintptr_t va, void *dst)
{
	uint64_t rel = va - v->start;
	if (rel >= v->file_bytes)
		return 0;
	size_t n = MIN((uint64_t)PAGE_SIZE, v->file_bytes - rel);
	ssize_t got = kernel_read(v->file, dst, n, v->off + rel);
	if (got < 0)
		return (int)got;
	/* Past the end of the file the page stays zero (SIGBUS territory in Linux). */
	return 0;
}

int vm_fault(struct mm *mm, uintptr_t addr, unsigned access)
{
	if (addr >= USER_TOP)
		return -EFAULT;
	uintptr_t va = ALIGN_DOWN(addr, PAGE_SIZE);
	struct vma *v = vm_find(mm, addr);
	if (!v)
		v = grow_stack(mm, addr);
	if (!v)
		return -EFAULT;
	if ((access & VM_FAULT_WRITE) && !(v->prot & PROT_WRITE))
		return -EFAULT;
	if ((access & VM_FAULT_EXEC) && !(v->prot & PROT_EXEC))
		return -EFAULT;
	if (!(v->prot & (PROT_READ | PROT_WRITE | PROT_EXEC)))
		return -EFAULT;

	pte_t *pte = mmu_user_pte(&mm->space, va, true);
	if (IS_ERR(pte))
		return -ENOMEM;

	if (*pte & PTE_PRESENT) {
		if (!(access & VM_FAULT_WRITE) || !(*pte & PTE_COW))
			return 0; /* raced with another fault, or a spurious fault */
		phys_addr_t old = *pte & PTE_ADDR_MASK;
		if (page_refcount(old) == 1) {
			*pte = old | pte_flags_for(v, true);
		} else {
			phys_addr_t copy = page_alloc();
			if (!copy)
				return -ENOMEM;
			memcpy(phys_to_virt(copy), phys_to_virt(old), PAGE_SIZE);
			*pte = copy | pte_flags_for(v, true);
			page_put(old);
		}
		mmu_flush_page(&mm->space, va);
		return 0;
	}

	phys_addr_t pa;
	bool writable = true;
	if (v->file && (v->flags & VMA_SHARED)) {
		uint64_t pgoff = (v->off + (va - v->start)) >> PAGE_SHIFT;
		pa = v->file->ops->map_page(v->file, pgoff);
		if (!pa)
			return -EIO;
	} else {
		pa = page_alloc();
		if (!pa)
			return -ENOMEM;
		if (v->file && read_file_page(v, va, phys_to_virt(pa)) < 0) {
			page_put(pa);
			return -EIO;
		}
	}
	*pte = pa | pte_flags_for(v, writable);
	return 0;
}

/* Copies src's areas into dst; private pages become shared copy-on-write. */
static int fork_area(struct mm *dst, struct mm *src, struct vma *v)
{
	struct vma *n = kmalloc(sizeof(*n));
	if (!n)
		return -ENOMEM;
	*n = *v;
	if (n->file)
		file_get(n->file);
	list_add_tail(&n->link, &dst->vmas);
	dst->mapped_pages += (n->end - n->start) >> PAGE_SHIFT;

	for (uintptr_t va = v->start; va < v->end; va += PAGE_SIZE) {
		pte_t *sp = mmu_user_pte(&src->space, va, false);
		if (!sp || IS_ERR(sp) || !(*sp & (PTE_PRESENT | PTE_KEPT)))
			continue;
		pte_t *dp = mmu_user_pte(&dst->space, va, true);
		if (IS_ERR(dp))
			return -ENOMEM;
		if (!(v->flags & VMA_SHARED)) {
			*sp = (*sp & ~PTE_WRITE) | PTE_COW;
			mmu_flush_page(&src->space, va);
		}
		*dp = *sp;
		page_get(*sp & PTE_ADDR_MASK);
	}
	return 0;
}

struct mm *mm_fork(struct mm *src)
{
	struct mm *dst = mm_create();
	if (!dst)
		return NULL;
	dst->brk_start = src->brk_start;
	dst->brk = src->brk;
	dst->mmap_top = src->mmap_top;
	dst->stack_top = src->stack_top;
	dst->arg_start = src->arg_start;
	dst->arg_end = src->arg_end;
	dst->env_start = src->env_start;
	dst->env_end = src->env_end;
	if (src->exe_path) {
		dst->exe_path = kmalloc(strlen(src->exe_path) + 1);
		if (dst->exe_path)
			strcpy(dst->exe_path, src->exe_path);
	}
	struct vma *v;
	list_for_each_entry(v, &src->vmas, link)
	{
		if (fork_area(dst, src, v) < 0) {
			mm_put(dst);
			return NULL;
		}
	}
	return dst;
}
