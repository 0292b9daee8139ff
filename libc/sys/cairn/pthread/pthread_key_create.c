/* pthread_key_create: the first free key; EAGAIN when all
   PTHREAD_KEYS_MAX are in use. */
#include "pthread/pthread_keys.h"

int pthread_key_create(pthread_key_t *key, void (*dtor)(void *))
{
	int err = EAGAIN;

	__lock(&__pthread_keys_lock);
	for (unsigned k = 0; k < PTHREAD_KEYS_MAX; k++) {
		if (__pthread_keys[k].seq & 1)
			continue;
		__pthread_keys[k].dtor = dtor;
		__atomic_store_n(&__pthread_keys[k].seq, __pthread_keys[k].seq + 1, __ATOMIC_RELEASE);
		*key = k;
		err = 0;
		break;
	}
	__unlock(&__pthread_keys_lock, 0);
	return err;
}
