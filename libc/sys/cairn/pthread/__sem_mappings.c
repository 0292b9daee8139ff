/* The registry of named semaphores mapped by this process (sem_named.h). */
#include "pthread/sem_named.h"

struct __sem_mapping *__sem_mappings;
volatile int __sem_mappings_lock;
