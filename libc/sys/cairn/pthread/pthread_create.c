/*
 * pthread_create: one mapping holds the new thread's guard pages (lowest,
 * PROT_NONE), its stack, its static TLS block and its descriptor (highest);
 * with pthread_attr_setstack the caller's stack is used and the mapping
 * holds only TLS and descriptor. clone(2) shares everything a thread shares
 * (CLONE_VM, _FS, _FILES, _SIGHAND, _THREAD, _SYSVSEM), sets the FS base to
 * the descriptor (CLONE_SETTLS), and writes the thread id into the
 * descriptor, which the kernel clears and wakes when the thread exits
 * (CLONE_PARENT_SETTID, CLONE_CHILD_CLEARTID): pthread_join waits on it.
 *
 * Before the first thread starts, newlib's stdio is initialised in the
 * global struct _reent: exit() flushes the streams only through it, and a
 * thread's first printf would otherwise initialise only its own.
 */
#include <sys/mman.h>

#include "pthread/pthread_impl.h"

/* newlib's stdio initialisation (libc/stdio/findfp.c). */
extern void __sinit(struct _reent *);

#define DEFAULT_STACK (1024 * 1024)
#define PAGE          4096UL

#define CLONE_THREAD_FLAGS                                                                         \
	(0x100 /* CLONE_VM */ | 0x200 /* CLONE_FS */ | 0x400 /* CLONE_FILES */ |                   \
	 0x800 /* CLONE_SIGHAND */ | 0x10000 /* CLONE_THREAD */ | 0x40000 /* CLONE_SYSVSEM */ |     \
	 0x80000 /* CLONE_SETTLS */ | 0x100000 /* CLONE_PARENT_SETTID */ |                          \
	 0x200000 /* CLONE_CHILD_CLEARTID */)

static size_t page_round(size_t n)
{
	return (n + PAGE - 1) & ~(PAGE - 1);
}

int pthread_create(pthread_t *restrict res, const pthread_attr_t *restrict attr,
		   void *(*start)(void *), void *restrict arg)
{
	size_t stack = DEFAULT_STACK, guard = PAGE, tls = page_round(__tls_area_size()), size;
	char *map, *stack_top;
	struct __pthread *t;
	long tid;

	if (!_GLOBAL_REENT->__sdidinit)
		__sinit(_GLOBAL_REENT);
	if (attr) {
		if (attr->__stacksize)
			stack = attr->__stacksize;
		if (attr->__guardsize_set)
			guard = page_round(attr->__guardsize);
	}
	if (attr && attr->__stackaddr) {
		size = tls;
		guard = 0;
	} else {
		stack = page_round(stack);
		size = guard + stack + tls;
	}
	map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED)
		return EAGAIN;
	if (guard && mprotect(map, guard, PROT_NONE) != 0) {
		munmap(map, size);
		return EAGAIN;
	}
	t = __tls_setup(map + size - tls);
	t->map_base = map;
	t->map_size = size;
	t->start = start;
	t->arg = arg;
	t->detach_state = attr && attr->__detachstate == PTHREAD_CREATE_DETACHED ? DT_DETACHED
										   : DT_JOINABLE;
	t->reent = &t->reent_storage;
	_REENT_INIT_PTR(t->reent);
	stack_top = attr && attr->__stackaddr ? (char *)attr->__stackaddr + attr->__stacksize
					      : map + guard + stack;

	__atomic_fetch_add(&__pthread_count, 1, __ATOMIC_SEQ_CST);
	tid = __pthread_clone(CLONE_THREAD_FLAGS, stack_top, &t->tid, &t->tid, t, t);
	if (tid < 0) {
		__atomic_fetch_sub(&__pthread_count, 1, __ATOMIC_SEQ_CST);
		munmap(map, size);
		return EAGAIN;
	}
	*res = t;
	return 0;
}
