/*
 * Deliberate kernel faults for the panic tests (crash=pf|gp|df|ud on the
 * command line). Each lives in its own non-inlined function so the harness can
 * find its name in the symbolized backtrace.
 */
#include <lib/string.h>
#include <panic.h>
#include <printk.h>

/* Hides a constant address from the compiler's bounds and null-pointer analysis. */
static volatile uint64_t *opaque_ptr(uintptr_t addr)
{
	__asm__("" : "+r"(addr));
	return (volatile uint64_t *)addr;
}

/* Each crash function calls announce() before faulting, so its frame is
 * fully set up (GCC may schedule the frame-pointer setup late otherwise) and
 * the backtrace shows it and its caller, and survived() after. */
static void announce(const char *what)
{
	pr_notice("crash test: %s\n", what);
}

static void survived(const char *what)
{
	pr_err("crash test: %s did not fault\n", what);
}

__attribute__((noinline)) void crash_pf(void)
{
	announce("write to 0x10");
	*opaque_ptr(0x10) = 0xdead;
	survived("write to 0x10");
}

__attribute__((noinline)) void crash_gp(void)
{
	announce("non-canonical read");
	(void)*opaque_ptr(0x8000000000000000UL);
	survived("non-canonical read");
}

__attribute__((noinline)) void crash_ud(void)
{
	announce("ud2");
	__asm__ volatile("ud2");
	survived("ud2");
}

/* Recurses until the boot stack runs into its guard page: #PF cannot be
 * delivered on that stack, so the CPU raises #DF, which runs on an IST stack. */
__attribute__((noinline)) int crash_df_recurse(int depth)
{
	volatile char pad[512];
	pad[0] = (char)depth;
	if (depth > (1 << 30)) /* never true: the stack is far smaller */
		return 0;
	return crash_df_recurse(depth + 1) + pad[0];
}

__attribute__((noinline)) void crash_test(const char *kind)
{
	if (!strcmp(kind, "pf"))
		crash_pf();
	else if (!strcmp(kind, "gp"))
		crash_gp();
	else if (!strcmp(kind, "ud"))
		crash_ud();
	else if (!strcmp(kind, "df"))
		crash_df_recurse(0);
	else if (!strcmp(kind, "panic"))
		panic("requested by crash=panic");
	pr_err("crash test: unknown kind '%s'\n", kind);
}
