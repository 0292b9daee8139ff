/* The static TLS template, filled in by __pthread_init_main. */
#include "pthread/pthread_impl.h"

struct __tls_template __tls;
