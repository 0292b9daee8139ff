/*
 * User address spaces: areas, mapping and unmapping (see mm/vm.h). The fault
 * handler and fork's copy-on-write live in vm_fault.c.
 */
#include <errno.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/page.h>
#include <mm/shmem.h>
#include <mm/slab.h>
#include <mm/vm.h>
#include <printk.h>
#include <proc/process.h>
#include <uapi/mman.h>

struct mm *mm_create(void)
{
	struct mm *mm = kzalloc(sizeof(*mm));
	if (!mm)
		return NULL;
	if (mmu_space_create(&mm->space) < 0) {
		kfree(mm);
		return NULL;
	}
	list_init(&mm->vmas);
	mm->refs = 1;
	mm->mmap_top = USER_MMAP_TOP;
	mm->stack_top = USER_STACK_TOP;
	return mm;
}

void mm_get(struct mm *mm)
{
	__atomic_add_fetch(&mm->refs, 1, __ATOMIC_RELAXED);
}

/* Drops the pages of [start, end) inside vma: each mapped page loses a reference. */
static void unmap_pages(struct mm *mm, uintptr_t start, uintptr_t end)
{
	for (uintptr_t va = start; va < end; va += PAGE_SIZE) {
		pte_t *pte = mmu_user_pte(&mm->space, va, false);
		if (!pte || IS_ERR(pte) || !(*pte & (PTE_PRESENT | PTE_KEPT)))
			continue;
		phys_addr_t pa = *pte & PTE_ADDR_MASK;
		*pte = 0;
		mmu_flush_page(&mm->space, va);
		page_put(pa);
	}
}

static void vma_free(struct vma *v)
{
	if (v->file)
		file_put(v->file);
	kfree(v);
}

void mm_put(struct mm *mm)
{
	if (__atomic_sub_fetch(&mm->refs, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	struct vma *v, *tmp;
	list_for_each_entry_safe(v, tmp, &mm->vmas, link)
	{
		unmap_pages(mm, v->start, v->end);
		list_del(&v->link);
		vma_free(v);
	}
	mmu_space_destroy(&mm->space);
	kfree(mm->exe_path);
	kfree(mm);
}

void mm_activate(struct mm *mm)
{
	mmu_space_activate(mm ? &mm->space : NULL);
}

struct vma *vm_find(struct mm *mm, uintptr_t addr)
{
	struct vma *v;
	list_for_each_entry(v, &mm->vmas, link)
	{
		if (addr < v->start)
			return NULL;
		if (addr < v->end)
			return v;
	}
	return NULL;
}

static void vma_insert(struct mm *mm, struct vma *n)
{
	struct vma *v;
	list_for_each_entry(v, &mm->vmas, link)
	{
		if (v->start > n->start) {
			list_add_tail(&n->link, &v->link);
			goto out;
		}
	}
	list_add_tail(&n->link, &mm->vmas);
out:
	mm->mapped_pages += (n->end - n->start) >> PAGE_SHIFT;
}

static bool range_free(struct mm *mm, uintptr_t start, uintptr_t end)
{
	struct vma *v;
	list_for_each_entry(v, &mm->vmas, link)
		if (v->start < end && start < v->end)
			return false;
	return true;
}

/* Finds room for len bytes below mm->mmap_top, highest first; 0 if none. */
static uintptr_t find_gap(struct mm *mm, size_t len)
{
	uintptr_t top = mm->mmap_top;
	struct vma *v;
	/* Walk areas from the highest down, trying the gap above each. */
	list_for_each_entry_reverse(v, &mm->vmas, link)
	{
		if (v->start >= top)
			continue;
		if (v->end <= top && top - v->end >= len)
			return top - len;
		top = MIN(top, v->start);
	}
	if (top >= USER_MIN_ADDR + len && top - len >= ALIGN_UP(mm->brk, PAGE_SIZE))
		return top - len;
	return 0;
}

static bool as_limit_ok(struct mm *mm, size_t len)
{
	struct process *p = current_proc();
	if (!p)
		return true;
	uint64_t limit = p->rlimits[RLIMIT_AS].rlim_cur;
	return limit == RLIM_INFINITY || ((mm->mapped_pages << PAGE_SHIFT) + len) <= limit;
}

/*
 * Splits the area so that an area boundary falls at addr (if addr is inside
 * one). Returns 0 or -ENOMEM.
 */
static int split_at(struct mm *mm, uintptr_t addr)
{
	struct vma *v = vm_find(mm, addr);
	if (!v || v->start == addr)
		return 0;
	struct vma *hi = kmalloc(sizeof(*hi));
	if (!hi)
		return -ENOMEM;
	*hi = *v;
	uint64_t delta = addr - v->start;
	hi->start = addr;
	hi->off = v->off + delta;
	hi->file_bytes = v->file_bytes > delta ? v->file_bytes - delta : 0;
	if (hi->file)
		file_get(hi->file);
	v->end = addr;
	v->file_bytes = MIN(v->file_bytes, delta);
	list_add(&hi->link, &v->link);
	return 0;
}

int vm_munmap(struct mm *mm, uintptr_t addr, size_t len)
{
	if ((addr & (PAGE_SIZE - 1)) || len == 0)
		return -EINVAL;
	uintptr_t end = ALIGN_UP(addr + len, PAGE_SIZE);
	if (end < addr || end > USER_TOP)
		return -EINVAL;
	if (split_at(mm, addr) < 0 || split_at(mm, end) < 0)
		return -ENOMEM;
	struct vma *v, *tmp;
	list_for_each_entry_safe(v, tmp, &mm->vmas, link)
	{
		if (v->start >= addr && v->end <= end) {
			unmap_pages(mm, v->start, v->end);
			mm->mapped_pages -= (v->end - v->start) >> PAGE_SHIFT;
			list_del(&v->link);
			vma_free(v);
		}
	}
	return 0;
}

static long map_area(struct mm *mm, uintptr_t start, size_t len, unsigned prot, unsigned vflags,
		     struct file *file, uint64_t off, uint64_t file_bytes)
{
	struct vma *v = kzalloc(sizeof(*v));
	if (!v)
		return -ENOMEM;
	v->start = start;
	v->end = start + len;
	v->prot = prot & (PROT_READ | PROT_WRITE | PROT_EXEC);
	v->flags = vflags;
	v->off = off;
	v->file_bytes = file_bytes;
	if (file) {
		file_get(file);
		v->file = file;
	}
	vma_insert(mm, v);
	return (long)start;
}

long vm_mmap(struct mm *mm, uintptr_t addr, size_t len, unsigned prot, unsigned flags,
	     struct file *file, uint64_t off)
{
	unsigned type = flags & MAP_TYPE;
	if (len == 0 || (type != MAP_SHARED && type != MAP_PRIVATE && type != MAP_SHARED_VALIDATE))
		return -EINVAL;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	/* As in Linux, MAP_SHARED_VALIDATE is for files only. */
	if ((flags & MAP_ANONYMOUS) && type == MAP_SHARED_VALIDATE)
		return -EINVAL;
	size_t plen = ALIGN_UP(len, PAGE_SIZE);
	if (plen < len || plen > USER_TOP)
		return -ENOMEM;
	if (off & (PAGE_SIZE - 1))
		return -EINVAL;
	bool shared = type != MAP_PRIVATE;
	bool fixed = flags & (MAP_FIXED | MAP_FIXED_NOREPLACE);
	if (!(flags & MAP_ANONYMOUS)) {
		if (!file)
			return -EBADF;
		if (off + plen < off)
			return -EOVERFLOW;
		int acc = file->flags & O_ACCMODE;
		if (acc == O_WRONLY || (shared && (prot & PROT_WRITE) && acc != O_RDWR))
			return -EACCES;
		if (shared && !file->ops->map_page)
			return -ENODEV;
		if (!shared && !file->ops->read)
			return -ENODEV;
	} else {
		file = NULL;
		off = 0;
	}
	if (!as_limit_ok(mm, plen))
		return -ENOMEM;

	uintptr_t start;
	if (fixed) {
		if ((addr & (PAGE_SIZE - 1)) || addr < USER_MIN_ADDR || addr + plen > USER_TOP ||
		    addr + plen < addr)
			return -EINVAL;
		start = addr;
		if (!range_free(mm, start, start + plen)) {
			if (flags & MAP_FIXED_NOREPLACE)
				return -EEXIST;
			int err = vm_munmap(mm, start, plen);
			if (err)
				return err;
		}
	} else {
		addr = ALIGN_DOWN(addr, PAGE_SIZE);
		if (addr >= USER_MIN_ADDR && addr + plen <= USER_TOP && addr + plen > addr &&
		    range_free(mm, addr, addr + plen))
			start = addr;
		else if (!(start = find_gap(mm, plen)))
			return -ENOMEM;
	}
	/* Shared anonymous memory is a shared mapping of a fresh, unnamed file. */
	struct file *anon = NULL;
	if (shared && (flags & MAP_ANONYMOUS)) {
		anon = shmem_file_create(plen);
		if (IS_ERR(anon))
			return PTR_ERR(anon);
		file = anon;
	}
	unsigned vflags = (shared ? VMA_SHARED : 0) | ((flags & MAP_GROWSDOWN) ? VMA_GROWSDOWN : 0);
	long r = map_area(mm, start, plen, prot, vflags, file, off, file ? (uint64_t)plen : 0);
	if (anon)
		file_put(anon); /* the area holds its own reference */
	if (r >= 0 && (flags & MAP_POPULATE)) {
		for (uintptr_t va = start; va < start + plen; va += PAGE_SIZE)
			(void)vm_fault(mm, va, VM_FAULT_READ);
	}
	return r;
}

long vm_map_file_private(struct mm *mm, uintptr_t start, size_t len, unsigned prot,
			 struct file *file, uint64_t off, uint64_t file_bytes)
{
	if (!range_free(mm, start, start + len))
		return -EINVAL;
	return map_area(mm, start, len, prot, 0, file, off, file_bytes);
}

int vm_mprotect(struct mm *mm, uintptr_t addr, size_t len, unsigned prot)
{
	if ((addr & (PAGE_SIZE - 1)) || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)))
		return -EINVAL;
	uintptr_t end = ALIGN_UP(addr + len, PAGE_SIZE);
	if (end < addr || end > USER_TOP)
		return -ENOMEM;
	if (len == 0)
		return 0;
	/* The whole range must be mapped. */
	for (uintptr_t va = addr; va < end;) {
		struct vma *v = vm_find(mm, va);
		if (!v)
			return -ENOMEM;
		if (v->file && (prot & PROT_WRITE) && (v->flags & VMA_SHARED) &&
		    (v->file->flags & O_ACCMODE) != O_RDWR)
			return -EACCES;
		va = v->end;
	}
	if (split_at(mm, addr) < 0 || split_at(mm, end) < 0)
		return -ENOMEM;
	struct vma *v;
	list_for_each_entry(v, &mm->vmas, link)
	{
		if (v->start < addr || v->end > end)
			continue;
		v->prot = prot;
		for (uintptr_t va = v->start; va < v->end; va += PAGE_SIZE) {
			pte_t *pte = mmu_user_pte(&mm->space, va, false);
			if (!pte || IS_ERR(pte) || !(*pte & (PTE_PRESENT | PTE_KEPT)))
				continue;
			uint64_t f = PTE_PRESENT | PTE_USER | (*pte & PTE_COW);
			if ((prot & PROT_WRITE) && !(*pte & PTE_COW))
				f |= PTE_WRITE;
			if (!(prot & PROT_EXEC))
				f |= PTE_NX;
			/* PROT_NONE keeps the page in a not-present entry, so every access faults. */
			if (!(prot & (PROT_READ | PROT_WRITE | PROT_EXEC)))
				f = PTE_KEPT | (*pte & PTE_COW);
			*pte = (*pte & PTE_ADDR_MASK) | f;
			mmu_flush_page(&mm->space, va);
		}
	}
	return 0;
}

uintptr_t vm_brk(struct mm *mm, uintptr_t newbrk)
{
	if (newbrk < mm->brk_start)
		return mm->brk;
	if (newbrk > USER_TOP - PAGE_SIZE)
		return mm->brk; /* and rounding up below cannot wrap */
	uintptr_t old_end = ALIGN_UP(mm->brk, PAGE_SIZE);
	uintptr_t new_end = ALIGN_UP(newbrk, PAGE_SIZE);
	if (new_end > old_end) {
		if (!range_free(mm, old_end, new_end) || !as_limit_ok(mm, new_end - old_end))
			return mm->brk;
		struct process *p = current_proc();
		if (p && p->rlimits[RLIMIT_DATA].rlim_cur != RLIM_INFINITY &&
		    new_end - mm->brk_start > p->rlimits[RLIMIT_DATA].rlim_cur)
			return mm->brk;
		struct vma *heap = old_end > mm->brk_start ? vm_find(mm, old_end - 1) : NULL;
		if (heap && (heap->flags & VMA_HEAP) && heap->end == old_end) {
			heap->end = new_end;
			mm->mapped_pages += (new_end - old_end) >> PAGE_SHIFT;
		} else if (map_area(mm, old_end, new_end - old_end, PROT_READ | PROT_WRITE, VMA_HEAP,
				    NULL, 0, 0) < 0) {
			return mm->brk;
		}
	} else if (new_end < old_end) {
		vm_munmap(mm, new_end, old_end - new_end);
	}
	mm->brk = newbrk;
	return newbrk;
}

int vm_discard(struct mm *mm, uintptr_t addr, size_t len)
{
	uintptr_t end = ALIGN_UP(addr + len, PAGE_SIZE);
	if (end < addr || end > USER_TOP)
		return -EINVAL;
	for (uintptr_t va = addr; va < end;) {
		struct vma *v = vm_find(mm, va);
		if (!v)
			return -ENOMEM;
		uintptr_t stop = MIN(v->end, end);
		unmap_pages(mm, va, stop);
		va = stop;
	}
	return 0;
}
