/*
 * The table of thread-specific data keys. A key's sequence number is odd
 * while the key exists; a thread's value counts only if the thread stored
 * it under the key's current sequence number, so a deleted and re-created
 * key starts out NULL in every thread.
 */
#include "pthread/pthread_keys.h"

struct __pthread_key __pthread_keys[PTHREAD_KEYS_MAX];
volatile int __pthread_keys_lock;
