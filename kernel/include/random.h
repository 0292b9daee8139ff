/*
 * The kernel's random numbers: a ChaCha20 generator keyed at boot from
 * RDRAND (when the CPU has it) and TSC jitter, and re-keyed from its own
 * output after every request so earlier output cannot be recovered.
 */
#ifndef CAIRN_RANDOM_H
#define CAIRN_RANDOM_H

#include <types.h>

void random_get_bytes(void *buf, size_t n);
/* Stirs more entropy in (interrupt timing, device data). */
void random_mix(uint64_t v);

#endif
