/*
 * TAP output for the C library tests in this directory: each program
 * defines AREA ("libc-unistd", ...) and calls CHECK(cond, "what") once per
 * behaviour, which prints "ok - AREA: what" or "not ok - AREA: what
 * (file:line)", and ends with `return tap_done();`, which exits 0 only when
 * every check passed. The programs build both with x86_64-cairn-gcc
 * (newlib, run inside Cairn) and with the host's gcc (glibc), which shows
 * that the checks themselves are right.
 */
#ifndef LIBC_TEST_TAP_H
#define LIBC_TEST_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static int tap_failures, tap_count;

__attribute__((format(printf, 4, 5))) static void tap_check(int ok, const char *file, int line,
                                                            const char *fmt, ...)
{
	va_list ap;

	printf("%s - %s: ", ok ? "ok" : "not ok", AREA);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	if (!ok)
		printf(" (%s:%d)", file, line);
	printf("\n");
	fflush(stdout);
	tap_count++;
	if (!ok)
		tap_failures++;
}

#define CHECK(cond, ...) tap_check(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

static int tap_done(void)
{
	printf("# %s: %d checks, %d failed\n", AREA, tap_count, tap_failures);
	fflush(stdout);
	return tap_failures ? 1 : 0;
}

#endif
