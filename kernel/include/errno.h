/* Kernel-internal error helpers; the numbers themselves are Linux's (uapi). */
#ifndef CAIRN_ERRNO_H
#define CAIRN_ERRNO_H

#include <uapi/errno.h>
#include <types.h>

#define MAX_ERRNO 4095

static inline void *ERR_PTR(long err)
{
	return (void *)err;
}

static inline long PTR_ERR(const void *p)
{
	return (long)p;
}

static inline bool IS_ERR(const void *p)
{
	return (uintptr_t)p >= (uintptr_t)-MAX_ERRNO;
}

#endif
