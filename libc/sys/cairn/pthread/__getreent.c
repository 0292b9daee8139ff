/*
 * __getreent: the calling thread's struct _reent. newlib is built with
 * __DYNAMIC_REENT__ (libc/patches/0004-threads.patch), so _REENT, and with
 * it errno and the state of every _r function, comes from here: the main
 * thread's is newlib's _impure_ptr, every other thread's lives in its
 * descriptor.
 */
#include "pthread/pthread_impl.h"

struct _reent *__getreent(void)
{
	return __pthread_self()->reent;
}
