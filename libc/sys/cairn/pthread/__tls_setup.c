/*
 * __tls_setup: one thread's static TLS block and descriptor, laid out as
 * x86-64's TLS variant II wants: the thread pointer is aligned to the TLS
 * segment's alignment, the block ends at it (it starts __tls.offset =
 * round_up(p_memsz, p_align) bytes below, where the linker's local-exec
 * offsets point), and the descriptor starts at it.
 */
#include <string.h>

#include "pthread/pthread_impl.h"

struct __pthread *__tls_setup(void *area)
{
	unsigned long tp = (unsigned long)area + __tls.offset;
	struct __pthread *t;

	tp = (tp + __tls.align - 1) & ~(unsigned long)(__tls.align - 1);
	if (__tls.filesz)
		memcpy((char *)tp - __tls.offset, __tls.image, __tls.filesz);
	t = (struct __pthread *)tp;
	t->self = t;
	return t;
}
