/*
 * Copies between kernel memory and user memory. Every user pointer a system
 * call receives goes through these: they check that the range lies in user
 * space and recover from faults, returning -EFAULT instead of crashing the
 * kernel. Pages not yet present are faulted in like a user access would.
 */
#ifndef CAIRN_UACCESS_H
#define CAIRN_UACCESS_H

#include <types.h>

/* True when [addr, addr+len) lies entirely in user space (no overflow). */
bool user_range_ok(uintptr_t addr, size_t len);
/* Copy n bytes; return 0 or -EFAULT (the destination may be partly written). */
int copy_from_user(void *dst, const void *usrc, size_t n);
int copy_to_user(void *udst, const void *src, size_t n);
/* Fills n user bytes with zero; 0 or -EFAULT. */
int clear_user(void *udst, size_t n);
/*
 * Copies a NUL-terminated user string of at most max-1 characters into dst.
 * Returns its length, -EFAULT, or -ENAMETOOLONG when no NUL came within max.
 */
long strncpy_from_user(char *dst, const char *usrc, size_t max);

#endif
