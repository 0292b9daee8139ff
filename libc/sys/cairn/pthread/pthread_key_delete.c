/* pthread_key_delete: the key becomes free; destructors are not run. */
#include "pthread/pthread_keys.h"

int pthread_key_delete(pthread_key_t k)
{
	int err = EINVAL;

	if (k >= PTHREAD_KEYS_MAX)
		return EINVAL;
	__lock(&__pthread_keys_lock);
	if (__pthread_keys[k].seq & 1) {
		__atomic_store_n(&__pthread_keys[k].seq, __pthread_keys[k].seq + 1, __ATOMIC_RELEASE);
		err = 0;
	}
	__unlock(&__pthread_keys_lock, 0);
	return err;
}
