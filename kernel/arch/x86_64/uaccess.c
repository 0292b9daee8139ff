/*
 * User memory access (uaccess.h). The range check keeps every access below
 * USER_TOP; the copy itself runs in uaccess.asm with fixups, and with SMAP
 * the access is allowed only between stac and clac. A fault on a user page
 * that is merely not present yet is resolved by the page-fault handler (demand
 * paging, copy-on-write) before the fixup is considered.
 */
#include <arch/cpu.h>
#include <arch/mmu.h>
#include <errno.h>
#include <lib/string.h>
#include <uaccess.h>

size_t arch_copy_user(void *dst, const void *src, size_t n);
size_t arch_clear_user(void *dst, size_t n);
long arch_strnlen_user(const char *s, size_t max);

static inline void user_access_begin(void)
{
	if (cpu_features.smap)
		__asm__ volatile("stac" ::: "memory");
}

static inline void user_access_end(void)
{
	if (cpu_features.smap)
		__asm__ volatile("clac" ::: "memory");
}

bool user_range_ok(uintptr_t addr, size_t len)
{
	return addr + len >= addr && addr + len <= USER_TOP;
}

int copy_from_user(void *dst, const void *usrc, size_t n)
{
	if (!user_range_ok((uintptr_t)usrc, n))
		return -EFAULT;
	user_access_begin();
	size_t left = arch_copy_user(dst, usrc, n);
	user_access_end();
	return left ? -EFAULT : 0;
}

int copy_to_user(void *udst, const void *src, size_t n)
{
	if (!user_range_ok((uintptr_t)udst, n))
		return -EFAULT;
	user_access_begin();
	size_t left = arch_copy_user(udst, src, n);
	user_access_end();
	return left ? -EFAULT : 0;
}

int clear_user(void *udst, size_t n)
{
	if (!user_range_ok((uintptr_t)udst, n))
		return -EFAULT;
	user_access_begin();
	size_t left = arch_clear_user(udst, n);
	user_access_end();
	return left ? -EFAULT : 0;
}

long strncpy_from_user(char *dst, const char *usrc, size_t max)
{
	if (max == 0)
		return -ENAMETOOLONG;
	uintptr_t a = (uintptr_t)usrc;
	if (a >= USER_TOP)
		return -EFAULT;
	size_t limit = MIN(max, USER_TOP - a);
	user_access_begin();
	long len = arch_strnlen_user(usrc, limit);
	user_access_end();
	if (len < 0)
		return -EFAULT;
	if ((size_t)len >= max)
		return -ENAMETOOLONG;
	if ((size_t)len == limit) /* ran into the end of user space */
		return -EFAULT;
	if (copy_from_user(dst, usrc, (size_t)len + 1))
		return -EFAULT;
	dst[len] = 0;
	return len;
}
