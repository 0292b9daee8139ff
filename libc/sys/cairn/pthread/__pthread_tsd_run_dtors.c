/*
 * __pthread_tsd_run_dtors: at thread exit, each non-NULL value of a key with
 * a destructor is set to NULL and passed to the destructor; values set by
 * destructors get further rounds, PTHREAD_DESTRUCTOR_ITERATIONS in all.
 */
#include "pthread/pthread_keys.h"

void __pthread_tsd_run_dtors(struct __pthread *self)
{
	for (int round = 0; round < PTHREAD_DESTRUCTOR_ITERATIONS; round++) {
		int ran = 0;
		for (unsigned k = 0; k < PTHREAD_KEYS_MAX; k++) {
			unsigned seq = __atomic_load_n(&__pthread_keys[k].seq, __ATOMIC_ACQUIRE);
			void (*dtor)(void *) = __pthread_keys[k].dtor;
			void *v = self->specific[k];
			if (!(seq & 1) || self->specific_seq[k] != seq || !v || !dtor)
				continue;
			self->specific[k] = NULL;
			dtor(v);
			ran = 1;
		}
		if (!ran)
			break;
	}
}
