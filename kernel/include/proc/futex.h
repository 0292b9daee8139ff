/* Fast user-space mutexes: sleeping on a 32-bit word in an address space. */
#ifndef CAIRN_PROC_FUTEX_H
#define CAIRN_PROC_FUTEX_H

#include <types.h>

struct mm;

/* Wakes up to n waiters on (mm, uaddr); returns how many were woken. */
int futex_wake(struct mm *mm, uintptr_t uaddr, int n);
/*
 * Sleeps while *uaddr == val, until woken, the deadline (monotonic ns, 0 for
 * none) passes or a signal arrives: 0, -EAGAIN, -ETIMEDOUT, -EINTR, -EFAULT.
 */
int futex_wait(struct mm *mm, uint32_t *uaddr, uint32_t val, uint64_t deadline_ns);
/* Wakes n waiters on uaddr and moves up to n2 of the rest to uaddr2. */
int futex_requeue(struct mm *mm, uintptr_t uaddr, uintptr_t uaddr2, int n, int n2);

#endif
