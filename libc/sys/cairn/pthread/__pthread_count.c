/* The number of live threads (pthread_impl.h); the main thread counts. */
#include "pthread/pthread_impl.h"

volatile int __pthread_count = 1;
