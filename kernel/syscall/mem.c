/* Memory system calls: brk, mmap, munmap, mprotect, madvise (over mm/vm.c). */
#include <errno.h>
#include <fs/fdtable.h>
#include <fs/vfs.h>
#include <mm/vm.h>
#include <proc/process.h>
#include <uapi/mman.h>

long sys_brk(unsigned long brk)
{
	struct mm *mm = current_proc()->mm;
	return (long)vm_brk(mm, brk);
}

long sys_mmap(unsigned long addr, size_t len, int prot, int flags, int fd, long off)
{
	struct process *p = current_proc();
	struct file *f = NULL;
	if (off < 0)
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS)) {
		f = fd_get(p->files, fd);
		if (!f)
			return -EBADF;
	}
	long r = vm_mmap(p->mm, addr, len, (unsigned)prot, (unsigned)flags, f, (uint64_t)off);
	if (f)
		file_put(f);
	return r;
}

long sys_munmap(unsigned long addr, size_t len)
{
	return vm_munmap(current_proc()->mm, addr, len);
}

long sys_mprotect(unsigned long addr, size_t len, int prot)
{
	return vm_mprotect(current_proc()->mm, addr, len, (unsigned)prot);
}

/*
 * Advice is only advice: every value POSIX and Linux define is accepted and
 * changes nothing, except MADV_DONTNEED, which Linux defines to drop the
 * pages (private anonymous memory reads back as zero afterwards).
 */
long sys_madvise(unsigned long addr, size_t len, int advice)
{
	if (addr & (PAGE_SIZE - 1))
		return -EINVAL;
	switch (advice) {
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_WILLNEED:
	case MADV_FREE:
	case MADV_DONTFORK:
	case MADV_DOFORK:
	case MADV_MERGEABLE:
	case MADV_UNMERGEABLE:
	case MADV_HUGEPAGE:
	case MADV_NOHUGEPAGE:
	case MADV_DONTDUMP:
	case MADV_DODUMP:
		return 0;
	case MADV_DONTNEED:
		return vm_discard(current_proc()->mm, addr, len);
	default:
		return -EINVAL;
	}
}
