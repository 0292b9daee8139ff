/*
 * _sbrk: moves the program break by `incr` bytes and returns the old break,
 * or (void *)-1 with errno ENOMEM. newlib's malloc grows its heap through it
 * (_sbrk_r), as does libc/syscalls' sbrk().
 *
 * brk(2) returns the new break, or the unchanged one when it cannot move it,
 * never -errno; brk(0) asks for the current break. The break is read once and
 * cached; only this file moves it. newlib's malloc calls _sbrk with its lock
 * held.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>

#include "internal/syscall.h"

static uintptr_t cur_brk;

void *_sbrk(ptrdiff_t incr)
{
	uintptr_t old, want;

	if (!cur_brk)
		cur_brk = (uintptr_t)__syscall1(SYS_brk, 0);
	old = cur_brk;
	if (incr == 0)
		return (void *)old;
	want = old + (uintptr_t)incr;
	if ((incr > 0 && want < old) || (incr < 0 && want > old) ||
	    (uintptr_t)__syscall1(SYS_brk, (long)want) != want) {
		errno = ENOMEM;
		return (void *)-1;
	}
	cur_brk = want;
	return (void *)old;
}
