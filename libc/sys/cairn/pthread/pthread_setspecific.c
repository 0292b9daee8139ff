/* pthread_setspecific: EINVAL for a key that does not exist. */
#include "pthread/pthread_keys.h"

int pthread_setspecific(pthread_key_t k, const void *value)
{
	struct __pthread *self = __pthread_self();
	unsigned seq;

	if (k >= PTHREAD_KEYS_MAX)
		return EINVAL;
	seq = __atomic_load_n(&__pthread_keys[k].seq, __ATOMIC_ACQUIRE);
	if (!(seq & 1))
		return EINVAL;
	self->specific[k] = (void *)value;
	self->specific_seq[k] = seq;
	return 0;
}
