/* pthread_getspecific: the calling thread's value for the key, or NULL. */
#include "pthread/pthread_keys.h"

void *pthread_getspecific(pthread_key_t k)
{
	struct __pthread *self = __pthread_self();

	if (k >= PTHREAD_KEYS_MAX ||
	    self->specific_seq[k] != __atomic_load_n(&__pthread_keys[k].seq, __ATOMIC_ACQUIRE))
		return NULL;
	return self->specific[k];
}
