/*
 * brk(2), the raw system call (it returns the new break, or the current one
 * when it refuses): brk(0) reports the break, which starts after the
 * program's .bss; growing by 1 MiB in 64 KiB steps gives writable zeroed
 * pages; shrinking releases them (growing again gives zeros); requests below
 * the initial break or absurdly high are refused and change nothing.
 */
#include "rt.h"

#define STEP  (64 * 1024UL)
#define TOTAL (1024 * 1024UL)

extern char _end[]; /* the end of .bss, from the linker */

static int child_touch(void *addr)
{
	*(volatile char *)addr = 1;
	return 0;
}

/* Exits 0 if brk(arg) is refused and the program still runs afterwards. */
static int child_brk(void *arg)
{
	long before = sys_brk(0);
	long r = sys_brk((unsigned long)arg);
	return r == before && sys_brk(0) == before ? 0 : 1;
}

int main(void)
{
	unsigned long initial = (unsigned long)sys_brk(0);
	T_OK(initial >= (unsigned long)_end,
	     "brk(0) is at or above the end of .bss (%#lx, _end %p)", initial, (void *)_end);
	T_OK((unsigned long)sys_brk(0) == initial, "brk(0) again returns the same break");

	unsigned long base = (initial + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	bool grew = true, zero = true;
	for (unsigned long off = STEP; off <= TOTAL; off += STEP) {
		unsigned long want = base + off;
		long r = sys_brk(want);
		grew &= (unsigned long)r == want;
		if ((unsigned long)r != want) {
			t_diag("brk(%#lx) returned %#lx", want, r);
			break;
		}
		for (unsigned long p = want - STEP; p < want; p += PAGE_SIZE) {
			volatile unsigned long *w = (unsigned long *)p;
			zero &= w[0] == 0 && w[PAGE_SIZE / 8 - 1] == 0;
			w[0] = p;
			w[PAGE_SIZE / 8 - 1] = ~p;
		}
	}
	T_OK(grew, "growing the break by 1 MiB in 64 KiB steps");
	T_OK(zero, "new heap pages read as zero");
	bool kept = grew;
	for (unsigned long p = base; grew && p < base + TOTAL; p += PAGE_SIZE) {
		volatile unsigned long *w = (unsigned long *)p;
		kept &= w[0] == p && w[PAGE_SIZE / 8 - 1] == ~p;
	}
	T_OK(kept, "every page of the 1 MiB keeps what was written");

	unsigned long half = base + TOTAL / 2;
	long r = sys_brk(half);
	T_OK((unsigned long)r == half, "shrinking the break by 512 KiB (%#lx)", r);
	int st = rt_run_child(child_touch, (void *)(half + PAGE_SIZE));
	T_OK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV,
	     "memory above the shrunk break is gone: touching it is SIGSEGV (status %#x)", st);
	T_OK(*(volatile unsigned long *)(half - PAGE_SIZE) == half - PAGE_SIZE,
	     "memory below the shrunk break keeps its data");
	r = sys_brk(base + TOTAL);
	bool rezero = (unsigned long)r == base + TOTAL;
	for (unsigned long p = half; rezero && p < base + TOTAL; p += PAGE_SIZE)
		rezero = *(volatile unsigned long *)p == 0;
	T_OK(rezero, "growing again gives zeroed pages, not the old data");

	r = sys_brk(initial - PAGE_SIZE);
	T_OK((unsigned long)r == base + TOTAL,
	     "brk below the initial break is refused: returns "
	     "the current break (%#lx)",
	     r);
	r = sys_brk(1UL << 47);
	T_OK((unsigned long)r == base + TOTAL, "brk to 2^47 is refused (%#lx)", r);
	r = sys_brk(0xffff800000001000UL);
	T_OK((unsigned long)r == base + TOTAL, "brk to a kernel address is refused (%#lx)", r);
	/* In a child: a kernel that rounds these up to 0 unmaps the program. */
	int st2 = rt_run_child(child_brk, (void *)0xfffffffffffffa82UL);
	T_OK(st2 == 0, "brk to 2^64 - 1406 is refused: rounding it up must not wrap (status %#x)",
	     st2);
	st2 = rt_run_child(child_brk, (void *)~0UL);
	T_OK(st2 == 0, "brk to 2^64 - 1 is refused (status %#x)", st2);
	T_OK((unsigned long)sys_brk(0) == base + TOTAL, "refusals leave the break alone");

	r = sys_brk(base + 100);
	T_OK((unsigned long)r == base + 100,
	     "an unaligned break is kept as given, as Linux does (%#lx)", r);
	*(volatile char *)(base + PAGE_SIZE - 1) = 1; /* the rest of its page is usable */
	r = sys_brk(initial);
	T_OK((unsigned long)r == initial, "back to the initial break (%#lx)", r);
	return t_done();
}
