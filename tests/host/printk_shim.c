/*
 * Host stand-in for the kernel's printk(): messages go to stderr with a
 * "[level] " prefix, formatted by the host's vfprintf. Every message bumps
 * printk_shim_count, so a test can assert that a log line was (or was not)
 * emitted by declaring "extern int printk_shim_count;".
 */
#include <stdio.h>

#include <printk.h>

int printk_shim_count;

static const char *const printk_shim_levels[] = {
    "emerg", "alert", "crit", "err", "warning", "notice", "info", "debug",
};

int vprintk(int level, const char *fmt, va_list ap)
{
	const char *name = "?";
	int n;

	if (level >= 0 && level < (int)ARRAY_SIZE(printk_shim_levels))
		name = printk_shim_levels[level];
	printk_shim_count++;
	fprintf(stderr, "[%s] ", name);
	n = vfprintf(stderr, fmt, ap);
	return n < 0 ? 0 : n;
}

int printk(int level, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(level, fmt, ap);
	va_end(ap);
	return n;
}
