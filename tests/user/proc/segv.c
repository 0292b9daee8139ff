/*
 * CPU faults in user mode become signals that kill only the faulting process:
 * a child writing to NULL dies of SIGSEGV, one executing ud2 of SIGILL, one
 * dividing by zero of SIGFPE, and so on (the parent reads WIFSIGNALED and
 * WTERMSIG from wait4). Kernel memory is out of reach, NX and read-only text
 * hold, privileged instructions fault. The parent is unaffected.
 */
#include "rt.h"

static volatile int zero = 0;
static volatile long minus_one = -1;
static const int rodata_word = 42;

static int write_null(void *arg)
{
	(void)arg;
	*(volatile int *)0 = 1;
	return 0;
}

static int read_null(void *arg)
{
	(void)arg;
	return *(volatile int *)0;
}

static int do_ud2(void *arg)
{
	(void)arg;
	__asm__ volatile("ud2");
	return 0;
}

static int divide_by_zero(void *arg)
{
	(void)arg;
	return 100 / zero;
}

static int divide_overflow(void *arg)
{
	(void)arg;
	volatile long min = (long)(1UL << 63);
	return (int)(min / minus_one); /* #DE on x86 as well */
}

static int do_int3(void *arg)
{
	(void)arg;
	__asm__ volatile("int3");
	return 0;
}

static int read_kernel(void *arg)
{
	return *(volatile int *)arg;
}

static int write_kernel(void *arg)
{
	*(volatile int *)arg = 1;
	return 0;
}

static int jump_to(void *arg)
{
	((void (*)(void))arg)();
	return 0;
}

static int write_text(void *arg)
{
	*(volatile unsigned char *)arg = 0xc3;
	return 0;
}

static int write_rodata(void *arg)
{
	*(volatile int *)arg = 1;
	return 0;
}

static int do_hlt(void *arg)
{
	(void)arg;
	__asm__ volatile("hlt");
	return 0;
}

static int do_cli(void *arg)
{
	(void)arg;
	__asm__ volatile("cli");
	return 0;
}

static int read_cr3(void *arg)
{
	(void)arg;
	unsigned long v;
	__asm__ volatile("movq %%cr3, %0" : "=r"(v));
	return (int)v;
}

static int do_wrmsr(void *arg)
{
	(void)arg;
	__asm__ volatile("wrmsr" : : "c"(0xc0000100), "a"(0), "d"(0)); /* FS base */
	return 0;
}

static int do_inb(void *arg)
{
	(void)arg;
	unsigned char v;
	__asm__ volatile("inb $0x60, %0" : "=a"(v));
	return v;
}

static int exec_stack(void *arg)
{
	(void)arg;
	volatile unsigned char code[16] = {0xc3}; /* ret */
	((void (*)(void))code)();
	return 0;
}

static int exec_heap(void *arg)
{
	long m =
	    sys_mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m < 0)
		return 2;
	*(volatile unsigned char *)m = 0xc3; /* ret */
	return jump_to((void *)m) + (int)(long)arg;
}

static int bad_stack(void *arg)
{
	(void)arg;
	/* A push with %rsp pointing at kernel memory. */
	__asm__ volatile("movq $0xffff800000001000, %%rsp\n\tpushq $0" : : : "memory");
	return 0;
}

struct fault_case {
	const char *what;
	int (*fn)(void *);
	void *arg;
	int sig;
};

int main(void)
{
	long pid = sys_getpid();
	static int parent_data = 77;
	const struct fault_case cases[] = {
	    {"writing to NULL", write_null, NULL, SIGSEGV},
	    {"reading from NULL", read_null, NULL, SIGSEGV},
	    {"executing ud2", do_ud2, NULL, SIGILL},
	    {"dividing by zero", divide_by_zero, NULL, SIGFPE},
	    {"dividing LONG_MIN by -1", divide_overflow, NULL, SIGFPE},
	    {"executing int3", do_int3, NULL, SIGTRAP},
	    {"reading the kernel's direct map (0xffff800000000000)", read_kernel,
	     (void *)0xffff800000000000UL, SIGSEGV},
	    {"reading kernel text (0xffffffff80100000)", read_kernel, (void *)0xffffffff80100000UL,
	     SIGSEGV},
	    {"writing the kernel's direct map", write_kernel, (void *)0xffff800000100000UL,
	     SIGSEGV},
	    {"reading a non-canonical address", read_kernel, (void *)0x0000800000000000UL, SIGSEGV},
	    {"jumping into the kernel", jump_to, (void *)0xffffffff80100000UL, SIGSEGV},
	    {"jumping to NULL", jump_to, NULL, SIGSEGV},
	    {"writing to the program's text", write_text, (void *)write_null, SIGSEGV},
	    {"writing to .rodata", write_rodata, (void *)&rodata_word, SIGSEGV},
	    {"executing on the stack (NX)", exec_stack, NULL, SIGSEGV},
	    {"executing a PROT_READ | PROT_WRITE mapping (NX)", exec_heap, NULL, SIGSEGV},
	    {"executing hlt", do_hlt, NULL, SIGSEGV},
	    {"executing cli", do_cli, NULL, SIGSEGV},
	    {"reading %cr3", read_cr3, NULL, SIGSEGV},
	    {"executing wrmsr", do_wrmsr, NULL, SIGSEGV},
	    {"executing inb", do_inb, NULL, SIGSEGV},
	    {"pushing with %rsp in kernel memory", bad_stack, NULL, SIGSEGV},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct fault_case *c = &cases[i];
		int st = rt_run_child(c->fn, c->arg);
		T_OK(WIFSIGNALED(st) && WTERMSIG(st) == c->sig,
		     "a child %s dies of signal %d (status %#x)", c->what, c->sig, st);
	}
	T_OK(sys_getpid() == pid && parent_data == 77 && rodata_word == 42,
	     "the parent is unaffected: same pid, same data");
	int st = rt_run_child(write_null, NULL);
	T_OK(WTERMSIG(st) == SIGSEGV, "and can still fork children that fault (status %#x)", st);
	return t_done();
}
