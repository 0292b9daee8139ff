/* Thread-specific data keys (__pthread_keys.c). */
#ifndef _CAIRN_PTHREAD_KEYS_H
#define _CAIRN_PTHREAD_KEYS_H

#include "pthread/pthread_impl.h"

struct __pthread_key {
	unsigned seq;              /* odd: in use */
	void (*dtor)(void *);
};

extern struct __pthread_key __pthread_keys[PTHREAD_KEYS_MAX];
extern volatile int __pthread_keys_lock; /* a __lock word for create/delete */

#endif
