/*
 * Copy-on-write after fork(2): parent and child write different values to
 * the same .data and .bss variables, stack variable, brk heap pages and
 * anonymous mmap pages (some touched before the fork, some never touched),
 * and each sees only its own writes. Two rounds: the child writes first,
 * then the parent writes first. The child also checks that it inherited a
 * 128 KiB buffer intact. It reports a bit mask of failed checks through a pipe.
 */
#include "rt.h"

#define NVARS     8
#define BIG_PAGES 32

static int data_var = 1;
static int bss_var;

static const char *const names[NVARS] = {
    ".data variable",
    ".bss variable",
    "stack variable",
    "brk page touched before fork",
    "brk page untouched before fork",
    "mmap page touched before fork",
    "mmap page untouched before fork",
    "last page of a 128 KiB buffer",
};

/* Returns a mask with bit i set where *vars[i] != base + i. */
static uint32_t check(volatile int *const *vars, int base)
{
	uint32_t bad = 0;
	for (int i = 0; i < NVARS; i++) {
		if (*vars[i] != base + i)
			bad |= 1u << i;
	}
	return bad;
}

static void set(volatile int *const *vars, int base)
{
	for (int i = 0; i < NVARS; i++)
		*vars[i] = base + i;
}

/* True if every byte of big but the last int (vars[7]) still is (i * 31) & 0xff. */
static bool big_intact(const unsigned char *big)
{
	for (size_t i = 0; i < BIG_PAGES * PAGE_SIZE - sizeof(int); i++) {
		if (big[i] != ((i * 31) & 0xff))
			return false;
	}
	return true;
}

static void sync_read(int fd)
{
	char c;
	sys_read(fd, &c, 1);
}

static void sync_write(int fd)
{
	sys_write(fd, "x", 1);
}

static void report(const char *who, const char *what, uint32_t bad)
{
	for (int i = 0; i < NVARS; i++)
		T_OK(!(bad & (1u << i)), "%s: %s %s", who, what, names[i]);
}

static void cow_round(bool child_first)
{
	const char *order = child_first ? "child writes first" : "parent writes first";
	volatile int stack_var = 0;
	/* Whole pages above the current break (which may be unaligned). */
	unsigned long brk0 = (unsigned long)sys_brk(0);
	unsigned long heap = (brk0 + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	long brk1 = sys_brk(heap + 4 * PAGE_SIZE);
	long map = sys_mmap(NULL, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE,
	                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long big = sys_mmap(NULL, BIG_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE,
	                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!T_OK((unsigned long)brk1 == heap + 4 * PAGE_SIZE && map > 0 && big > 0,
	          "%s: set up brk (%#lx) and mmap (%#lx, %#lx) memory", order, brk1, map, big))
		return;
	unsigned char *b = (unsigned char *)big;
	for (size_t i = 0; i < BIG_PAGES * PAGE_SIZE; i++)
		b[i] = (unsigned char)(i * 31);
	volatile int *const vars[NVARS] = {
	    &data_var,
	    &bss_var,
	    &stack_var,
	    (int *)(heap + 8),
	    (int *)(heap + 2 * PAGE_SIZE + 8),
	    (int *)(map + 8),
	    (int *)(map + 3 * PAGE_SIZE + 8),
	    (int *)(big + BIG_PAGES * PAGE_SIZE - sizeof(int)),
	};
	/* Touch the "touched" ones; leave the untouched pages alone (they read as 0). */
	for (int i = 0; i < NVARS; i++) {
		if (i != 4 && i != 6)
			*vars[i] = 1000 + i;
	}
	int to_child[2], to_parent[2];
	sys_pipe2(to_child, 0);
	sys_pipe2(to_parent, 0);

	long pid = sys_fork();
	if (pid == 0) {
		uint32_t bad = 0;
		/* Inherited values: the untouched pages read as zero. */
		uint32_t inh = check(vars, 1000) & ~((1u << 4) | (1u << 6));
		if (*vars[4] != 0 || *vars[6] != 0)
			inh |= 1u << 8;
		if (!big_intact(b))
			inh |= 1u << 9;
		if (!child_first)
			sync_read(to_child[0]); /* the parent has written its values */
		bad |= check(vars, 1000) & ~((1u << 4) | (1u << 6)); /* not the parent's */
		set(vars, 2000);
		bad |= check(vars, 2000);
		sync_write(to_parent[1]);
		sync_read(to_child[0]); /* the parent has (also) written */
		bad |= check(vars, 2000);
		uint32_t msg[2] = {inh, bad};
		sys_write(to_parent[1], msg, sizeof(msg));
		sys_exit_group(0);
	}
	uint32_t pbad_before = 0, pbad_after;
	if (child_first) {
		sync_read(to_parent[0]); /* the child has written */
		pbad_before = check(vars, 1000) & ~((1u << 4) | (1u << 6));
		if (*vars[4] != 0 || *vars[6] != 0)
			pbad_before |= (1u << 4) | (1u << 6);
		set(vars, 3000);
		sync_write(to_child[1]);
	} else {
		set(vars, 3000);
		sync_write(to_child[1]);
		sync_read(to_parent[0]); /* the child has written */
		sync_write(to_child[1]);
	}
	uint32_t msg[2] = {~0u, ~0u};
	long n = sys_read(to_parent[0], msg, sizeof(msg));
	int status = -1;
	sys_wait4((pid_t)pid, &status, 0, NULL);
	pbad_after = check(vars, 3000);

	T_OK(n == sizeof(msg) && status == 0, "%s: the child reported back (status %#x)", order,
	     status);
	report(order, "child inherited the", msg[0]);
	T_OK(!(msg[0] & (1u << 8)), "%s: child inherited: untouched pages read as zero", order);
	T_OK(!(msg[0] & (1u << 9)), "%s: child inherited the 128 KiB buffer intact", order);
	report(order, "child sees only its own writes to the", msg[1]);
	if (child_first)
		report(order, "parent does not see the child's writes to the", pbad_before);
	report(order, "parent sees only its own writes to the", pbad_after);

	sys_close(to_child[0]);
	sys_close(to_child[1]);
	sys_close(to_parent[0]);
	sys_close(to_parent[1]);
	sys_munmap((void *)map, 4 * PAGE_SIZE);
	sys_munmap((void *)big, BIG_PAGES * PAGE_SIZE);
	sys_brk(brk0);
}

int main(void)
{
	cow_round(true);
	cow_round(false);
	return t_done();
}
