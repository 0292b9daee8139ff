/*
 * User address spaces: a page table plus a sorted list of virtual memory
 * areas (VMAs). Pages arrive on demand (vm_fault): zero-filled for anonymous
 * memory, read from the file for private file mappings, shared with the
 * file's own pages for shared ones. fork shares private pages copy-on-write.
 *
 * Locking: FIXME: an mm is only changed by its own threads, in the kernel,
 * and the kernel is not preempted and schedules on one CPU, so no lock is
 * taken yet; SMP scheduling needs a sleeping lock here.
 */
#ifndef CAIRN_MM_VM_H
#define CAIRN_MM_VM_H

#include <arch/mmu.h>
#include <list.h>
#include <types.h>

struct file;

/* VMA flags (prot uses PROT_READ/WRITE/EXEC). */
#define VMA_SHARED 0x1
#define VMA_GROWSDOWN 0x2
#define VMA_HEAP 0x4

struct vma {
	uintptr_t start, end;   /* page-aligned, end exclusive */
	unsigned prot;
	unsigned flags;
	struct file *file;      /* NULL for anonymous memory */
	uint64_t off;           /* file offset of start */
	uint64_t file_bytes;    /* bytes from start backed by the file; the rest reads as zero */
	struct list_head link;
};

struct mm {
	struct mmu_space space;
	struct list_head vmas;  /* sorted by start, non-overlapping */
	int refs;
	uintptr_t brk_start, brk;
	uintptr_t mmap_top;     /* mmap without a hint searches downwards from here */
	uintptr_t stack_top;
	size_t mapped_pages;    /* virtual size, for RLIMIT_AS */
	/* What /proc/PID/cmdline, environ and exe show: set by exec, kept by fork. */
	uintptr_t arg_start, arg_end; /* the argv strings, NUL-separated */
	uintptr_t env_start, env_end; /* the environment strings */
	char *exe_path;               /* kmalloc'ed absolute path of the program, or NULL */
};

#define USER_STACK_TOP 0x00007ffffffff000UL
#define USER_MMAP_TOP 0x00007f0000000000UL
#define USER_MIN_ADDR 0x10000UL

struct mm *mm_create(void);
void mm_get(struct mm *mm);
void mm_put(struct mm *mm);
/* A copy of src for fork: the same areas, private pages shared copy-on-write. */
struct mm *mm_fork(struct mm *src);
void mm_activate(struct mm *mm);

/*
 * Maps len bytes (MAP_* flags, PROT_* prot) and returns the address, or a
 * negative errno: -EINVAL (bad length, alignment or flags), -ENOMEM (no room,
 * RLIMIT_AS), -EEXIST (MAP_FIXED_NOREPLACE overlap), -EACCES / -ENODEV (the
 * file cannot be mapped that way).
 */
long vm_mmap(struct mm *mm, uintptr_t addr, size_t len, unsigned prot, unsigned flags,
	     struct file *file, uint64_t off);
/* Maps part of a file privately with a zero-filled tail (ELF segments). */
long vm_map_file_private(struct mm *mm, uintptr_t start, size_t len, unsigned prot,
			 struct file *file, uint64_t off, uint64_t file_bytes);
int vm_munmap(struct mm *mm, uintptr_t addr, size_t len);
int vm_mprotect(struct mm *mm, uintptr_t addr, size_t len, unsigned prot);
/* Sets the program break; returns the new (or, on failure, the old) break. */
uintptr_t vm_brk(struct mm *mm, uintptr_t newbrk);
/* Drops the pages of a mapped range (MADV_DONTNEED); they fault in afresh. 0 or -ENOMEM. */
int vm_discard(struct mm *mm, uintptr_t addr, size_t len);

#define VM_FAULT_READ 0x1
#define VM_FAULT_WRITE 0x2
#define VM_FAULT_EXEC 0x4
/*
 * Resolves a fault at addr for the given access. Returns 0 when the access
 * can be retried, -EFAULT when it is not allowed (SIGSEGV), -ENOMEM or -EIO
 * when the page cannot be provided (SIGBUS).
 */
int vm_fault(struct mm *mm, uintptr_t addr, unsigned access);
struct vma *vm_find(struct mm *mm, uintptr_t addr);
/*
 * Copies up to len bytes at user address addr of mm (any address space, not
 * only the current one) into buf, stopping at the first page that is not
 * present or not user-accessible (nothing is faulted in). Returns the bytes
 * copied. mm/vm_access.c; for /proc/PID/cmdline and environ.
 */
size_t vm_read_remote(struct mm *mm, uintptr_t addr, void *buf, size_t len);
/* The pages of mm's areas that are present (the resident set), for /proc. */
size_t vm_resident_pages(struct mm *mm);

#endif
