/* SOURCES: kernel/lib/format.c */
/*
 * Host test of kvsnprintf(), the kernel's formatter. Most cases are checked
 * against the host libc's vsnprintf, which implements the same C99 contract;
 * the cases where Cairn deliberately differs (%p, a NULL %s, unknown
 * conversions) are checked against literal strings. Every case is run at
 * buffer sizes 0, 1, 5, exact length and larger, with guard bytes after the
 * buffer that must stay untouched.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include <printk.h>

#define GUARD_LEN  16
#define GUARD_BYTE 0xa5

/*
 * Runs kvsnprintf(fmt, ap) with buffers of several sizes and checks each
 * against want (want_len bytes, possibly with embedded NULs): the return
 * value, the truncated text, its NUL, and that no byte after the NUL, guard
 * bytes included, was written.
 */
static bool matches(const char *want, size_t want_len, const char *fmt, va_list ap)
{
	size_t sizes[] = {0, 1, 5, want_len, want_len + 1, 300};
	bool ok = true;
	va_list cp;
	size_t i, j;

	va_copy(cp, ap);
	ok &= kvsnprintf(NULL, 0, fmt, cp) == (int)want_len;
	va_end(cp);

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		size_t size = sizes[i], n = 0;
		unsigned char *buf = malloc(size + GUARD_LEN);

		memset(buf, GUARD_BYTE, size + GUARD_LEN);
		va_copy(cp, ap);
		ok &= kvsnprintf((char *)buf, size, fmt, cp) == (int)want_len;
		va_end(cp);
		if (size > 0) {
			n = MIN(want_len, size - 1);
			ok &= memcmp(buf, want, n) == 0 && buf[n] == '\0';
			n++;
		}
		for (j = n; j < size + GUARD_LEN; j++)
			ok &= buf[j] == GUARD_BYTE;
		free(buf);
	}
	return ok;
}

/* Prints what kvsnprintf produced, to explain a failed check. */
static void show_got(const char *fmt, va_list ap)
{
	char got[512];
	int n = kvsnprintf(got, sizeof(got), fmt, ap);

	printf("# got \"%s\" (return %d)\n", got, n);
}

/* Checks that kvsnprintf formats like the host's vsnprintf. */
static void __printf(1, 2) same(const char *fmt, ...)
{
	char want[512];
	va_list ap, cp;
	int want_len;
	bool ok;

	va_start(ap, fmt);
	va_copy(cp, ap);
	want_len = vsnprintf(want, sizeof(want), fmt, cp);
	va_end(cp);
	ok = want_len >= 0 && (size_t)want_len < sizeof(want) &&
	     matches(want, (size_t)want_len, fmt, ap);
	CHECK(ok, "\"%s\" -> \"%s\" as snprintf", fmt, want);
	if (!ok)
		show_got(fmt, ap);
	va_end(ap);
}

/* Checks kvsnprintf against a literal, for the cases libc prints differently. */
static void expect(const char *want, const char *fmt, ...)
{
	va_list ap;
	bool ok;

	va_start(ap, fmt);
	ok = matches(want, strlen(want), fmt, ap);
	CHECK(ok, "\"%s\" -> \"%s\"", fmt, want);
	if (!ok)
		show_got(fmt, ap);
	va_end(ap);
}

static void test_plain(void)
{
	same("hello");
	same("%s", "");
	same("%%");
	same("a%%b%%%%c");
	same("100%% sure");
	same("%s=%d (%#x)%c", "irq", 14, 14, '!');
	same("[%5s|%-5s|%05d]", "ab", "cd", -12);
	same("%d %i %u %x %X %o %c %s", -1, 2, 3u, 0xab, 0xcd, 8, 'z', "end");
}

static void test_signed(void)
{
	same("%d", 0);
	same("%d", 1);
	same("%d", -1);
	same("%i", 123456);
	same("%d", INT_MAX);
	same("%d", INT_MIN);
	same("%5d", 42);
	same("%-5d|", 42);
	same("%05d", 42);
	same("%05d", -42);
	same("%+d", 42);
	same("%+d", -42);
	same("%+d", 0);
	same("% d", 42);
	same("% d", -42);
	same("% 5d", 42);
	same("%+05d", 42);
	same("%.3d", 7);
	same("%.3d", -7);
	same("%8.3d", -7);
	same("%-8.3d|", 7);
	same("%+.3d", 7);
	same("%.0d", 0);
	same("%5.0d", 0);
	same("%-5.0d|", 0);
	same("%.0d", 1);
	same("%+.0d", 0);
	same("% .0d", 0);
	same("%.d", 0);
	same("%12d", INT_MIN);
	same("%-12d|", INT_MIN);
	same("%012d", INT_MIN);
	same("%.12d", INT_MIN);
	same("%1d", 12345);
	same("%40d", 1);
	same("%-40d|", -1);
}

static void test_unsigned(void)
{
	same("%u", 0u);
	same("%u", UINT_MAX);
	same("%10u", 42u);
	same("%-10u|", 42u);
	same("%010u", 42u);
	same("%.5u", 42u);
	same("%.0u", 0u);
	same("%x", 0u);
	same("%x", 255u);
	same("%x", 0xdeadbeefu);
	same("%X", 0xdeadbeefu);
	same("%x", UINT_MAX);
	same("%#x", 255u);
	same("%#X", 255u);
	same("%#x", 0u);
	same("%#010x", 255u);
	same("%#-10x|", 255u);
	same("%#.4x", 255u);
	same("%#10.4x", 255u);
	same("%10.4x", 255u);
	same("%.0x", 0u);
	same("%#.0x", 0u);
	same("%08X", 0xabcu);
	same("%o", 0u);
	same("%o", 8u);
	same("%o", 0777u);
	same("%o", UINT_MAX);
	same("%#o", 0u);
	same("%#o", 8u);
	same("%#.3o", 8u);
	same("%#.0o", 0u);
	same("%.0o", 0u);
	same("%#5o", 8u);
	same("%-#5o|", 8u);
	same("%05o", 8u);
}

static void test_char_and_string(void)
{
	same("%c", 'A');
	same("%5c", 'A');
	same("%-5c|", 'A');
	same("[%c%c%c]", 'x', 'y', 'z');
	same("a%cb", 0);
	same("%c", 0xe9);
	same("%s", "hello");
	same("%10s", "hello");
	same("%-10s|", "hello");
	same("%.3s", "hello");
	same("%10.3s", "hello");
	same("%-10.3s|", "hello");
	same("%.0s", "hello");
	same("%.10s", "hi");
	same("%5s", "");
	same("%2s", "longer than width");
	same("%s%s%s", "a", "", "c");
	same("%s", "a string long enough to exceed every truncation size tested here, "
	           "and then some more text to push it past one hundred bytes in total.");
}

static void test_star(void)
{
	same("%*d", 5, 42);
	same("%*d", -5, 42);
	same("%*d|", 0, 42);
	same("%-*d|", 5, 42);
	same("%-*d|", -5, 42);
	same("%.*d", 4, 42);
	same("%.*d", -1, 42);
	same("%.*d", 0, 0);
	same("%*.*d", 8, 4, -42);
	same("%*.*d|", -8, 4, -42);
	same("%0*d", 6, -42);
	same("%*s|", 6, "ab");
	same("%*s|", -6, "ab");
	same("%.*s", 3, "hello");
	same("%.*s", -1, "hello");
	same("%*c|", 3, 'x');
	same("%#*x", 10, 0x1fu);
	same("%*.*s|", -7, 2, "hello");
}

static void test_length(void)
{
	same("%hhd", 127);
	same("%hhd", -128);
	same("%hhd", 255);
	same("%hhd", 300);
	same("%hhi", -1);
	same("%hhu", 255);
	same("%hhx", 0x1ff);
	same("%hho", 0777);
	same("%hd", 32767);
	same("%hd", -32768);
	same("%hd", 65535);
	same("%hd", 70000);
	same("%hu", 65535);
	same("%hx", 0x12345);
	same("%#hX", 0xbeef);
	same("%ld", LONG_MIN);
	same("%ld", LONG_MAX);
	same("%li", -1L);
	same("%lu", ULONG_MAX);
	same("%lx", ULONG_MAX);
	same("%lo", ULONG_MAX);
	same("%lld", LLONG_MIN);
	same("%lld", LLONG_MAX);
	same("%lld", 0LL);
	same("%llu", ULLONG_MAX);
	same("%llx", ULLONG_MAX);
	same("%#llo", ULLONG_MAX);
	same("%llX", 0x0123456789abcdefULL);
	same("%+25lld", LLONG_MIN);
	same("%-25lld|", LLONG_MIN);
	same("%025lld", LLONG_MIN);
	same("%.25lld", LLONG_MIN);
	same("% lld", LLONG_MAX);
	same("%#.20llx", ULLONG_MAX);
	same("%zu", SIZE_MAX);
	same("%zd", (ssize_t)-5);
	same("%zx", SIZE_MAX);
	same("%zd", (ssize_t)PTRDIFF_MIN);
	same("%td", PTRDIFF_MIN);
	same("%td", PTRDIFF_MAX);
	same("%tx", (ptrdiff_t)-1);
	same("%jd", INTMAX_MIN);
	same("%jd", INTMAX_MAX);
	same("%ju", UINTMAX_MAX);
	same("%jx", UINTMAX_MAX);
	same("%ld %d %lld %hhd", -1L, 2, -3LL, 4);
}

/*
 * Flag combinations that C defines (the extra flag has no effect) but that
 * GCC's format checker warns about.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
static void test_ignored_flags(void)
{
	same("%+ d", 42);
	same("%-05d|", 42);
	same("%08.3d", 7);
	same("%0*.*d", 8, -1, -42);
	same("%0*.*d", 8, 2, -42);
	same("%+u", 42u);
	same("% u", 42u);
	same("%+x", 42u);
	same("% o", 42u);
	same("%+c", 'a');
	same("% s", "a");
	same("%+s", "a");
}
#pragma GCC diagnostic pop

/* The behaviour Cairn defines where C leaves it undefined or libc differs. */
static void test_cairn_defined(void)
{
	char *unterminated = malloc(3);

	expect("0x0000000000000000", "%p", NULL);
	expect("0x0000000000001234", "%p", (void *)0x1234);
	expect("0xffffffff81000000", "%p", (void *)0xffffffff81000000ULL);
	expect("0xffffffffffffffff", "%p", (void *)UINTPTR_MAX);
	expect("  0x00000000deadbeef", "%20p", (void *)0xdeadbeef);
	expect("0x00000000deadbeef  |", "%-20p|", (void *)0xdeadbeef);
	expect("0x0000000000000010", "%5p", (void *)16);
	expect("(null)", "%s", NULL);
	expect("  (null)", "%8s", NULL);
	expect("(null)  |", "%-8s|", NULL);
	expect("(nu", "%.3s", NULL);
	expect("%y", "%y");
	expect("a%yb", "a%yb");
	expect("%5k", "%5k");
	expect("%-#5.3lq", "%-#5.3lq");
	expect("%n5", "%n%d", 5);
	expect("%y7", "%y%d", 7);
	expect("%*y7", "%*y%d", 3, 7);
	expect("abc%", "abc%");
	expect("%-", "%-");
	expect("%5", "%5");
	expect("%ll", "%ll");
	expect("%", "%5%");

	/* A precision bounds the read: ASan flags any byte read past it. */
	memcpy(unterminated, "abc", 3);
	expect("abc", "%.3s", unterminated);
	expect("ab", "%.2s", unterminated);
	expect("  abc", "%5.3s", unterminated);
	free(unterminated);
}

static void test_ksnprintf(void)
{
	char buf[8];

	CHECK(ksnprintf(NULL, 0, "%d", 12345) == 5, "ksnprintf(NULL, 0) returns the full length");
	CHECK(ksnprintf(buf, 4, "%s", "hello") == 5 && strcmp(buf, "hel") == 0,
	      "ksnprintf truncates to size - 1 and returns the full length");
	CHECK(ksnprintf(buf, sizeof(buf), "%d%s", -7, "x") == 3 && strcmp(buf, "-7x") == 0,
	      "ksnprintf formats into a large enough buffer");
}

/* A small xorshift generator, so the random cases repeat run to run. */
static uint64_t rng_state = 0x2545f4914f6cdd1dULL;

static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static unsigned int below(unsigned int n)
{
	return (unsigned int)(rng() % n);
}

enum { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_T, LEN_J, LEN_COUNT };

static const char *const length_text[LEN_COUNT] = {"", "hh", "h", "l", "ll", "z", "t", "j"};

static const char *const random_strings[] = {
    "", "a", "hello", "hello, world", "0123456789abcdefghij", "tab\there",
};

static const uint64_t special_values[] = {
    0,          1,
    UINT64_MAX, (uint64_t)INT64_MIN,
    INT64_MAX,  (uint64_t)INT_MIN,
    INT_MAX,    UINT_MAX,
    0x80,       0xff,
    0x8000,     0xffff,
};

/* One random conversion: the format text and the arguments it consumes. */
struct random_case {
	char fmt[64];
	int nstar;
	int star[2];
	char conv;
	int length;
	uint64_t value;
	const char *str;
};

static void random_case_make(struct random_case *rc)
{
	bool integer;
	char *f = rc->fmt;

	rc->conv = "diuxXocs"[below(8)];
	integer = rc->conv != 'c' && rc->conv != 's';
	rc->nstar = 0;
	rc->length = integer ? (int)below(LEN_COUNT) : LEN_NONE;
	rc->value =
	    below(6) == 0 ? special_values[below(ARRAY_SIZE(special_values))] : rng() >> below(64);
	if (rc->conv == 'c')
		rc->value = below(10) == 0 ? 0 : 32 + below(95);
	rc->str = random_strings[below(ARRAY_SIZE(random_strings))];

	*f++ = '%';
	/* Leave out the flag combinations C leaves undefined. */
	if (below(3) == 0)
		*f++ = '-';
	if (below(3) == 0 && integer)
		*f++ = '0';
	if (below(3) == 0)
		*f++ = '+';
	if (below(3) == 0)
		*f++ = ' ';
	if (below(3) == 0 && (rc->conv == 'o' || rc->conv == 'x' || rc->conv == 'X'))
		*f++ = '#';

	switch (below(3)) {
	case 0:
		f += sprintf(f, "%u", below(25));
		break;
	case 1:
		*f++ = '*';
		rc->star[rc->nstar++] = (int)below(51) - 25;
		break;
	default:
		break;
	}

	/* A precision on %c is undefined. */
	switch (rc->conv == 'c' ? 0 : below(4)) {
	case 1:
		f += sprintf(f, ".%u", below(25));
		break;
	case 2:
		f += sprintf(f, ".*");
		rc->star[rc->nstar++] = (int)below(41) - 15;
		break;
	case 3:
		*f++ = '.';
		break;
	default:
		break;
	}

	f += sprintf(f, "%s%c", length_text[rc->length], rc->conv);
	*f = '\0';
}

/*
 * Compares kvsnprintf with vsnprintf for the random case's format; the
 * variadic arguments are the case's arguments, passed with their real types.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static bool random_case_matches(const struct random_case *rc, ...)
{
	char want[512];
	va_list ap, cp;
	int want_len;
	bool ok;

	va_start(ap, rc);
	va_copy(cp, ap);
	want_len = vsnprintf(want, sizeof(want), rc->fmt, cp);
	va_end(cp);
	ok = want_len >= 0 && (size_t)want_len < sizeof(want) &&
	     matches(want, (size_t)want_len, rc->fmt, ap);
	if (!ok) {
		printf("# mismatch for \"%s\": want \"%s\"\n", rc->fmt, want);
		show_got(rc->fmt, ap);
	}
	va_end(ap);
	return ok;
}
#pragma GCC diagnostic pop

#define RANDOM_CALL(rc, T, v)                                                                      \
	((rc)->nstar == 0   ? random_case_matches(rc, (T)(v))                                      \
	 : (rc)->nstar == 1 ? random_case_matches(rc, (rc)->star[0], (T)(v))                       \
	                    : random_case_matches(rc, (rc)->star[0], (rc)->star[1], (T)(v)))

/* Passes the case's value with the type its conversion and length expect. */
static bool random_case_run(const struct random_case *rc)
{
	bool is_signed = rc->conv == 'd' || rc->conv == 'i';

	if (rc->conv == 'c')
		return RANDOM_CALL(rc, int, rc->value);
	if (rc->conv == 's')
		return RANDOM_CALL(rc, const char *, rc->str);

	switch (rc->length) {
	case LEN_L:
		return is_signed ? RANDOM_CALL(rc, long, rc->value)
		                 : RANDOM_CALL(rc, unsigned long, rc->value);
	case LEN_LL:
		return is_signed ? RANDOM_CALL(rc, long long, rc->value)
		                 : RANDOM_CALL(rc, unsigned long long, rc->value);
	case LEN_Z:
		return is_signed ? RANDOM_CALL(rc, ssize_t, rc->value)
		                 : RANDOM_CALL(rc, size_t, rc->value);
	case LEN_T:
		return is_signed ? RANDOM_CALL(rc, ptrdiff_t, rc->value)
		                 : RANDOM_CALL(rc, size_t, rc->value);
	case LEN_J:
		return is_signed ? RANDOM_CALL(rc, intmax_t, rc->value)
		                 : RANDOM_CALL(rc, uintmax_t, rc->value);
	default:
		/* hh and h arguments arrive promoted to int. */
		return is_signed ? RANDOM_CALL(rc, int, rc->value)
		                 : RANDOM_CALL(rc, unsigned int, rc->value);
	}
}

static void test_random(void)
{
	struct random_case rc;
	int i, runs = 2000, mismatched = 0;

	for (i = 0; i < runs; i++) {
		random_case_make(&rc);
		if (!random_case_run(&rc))
			mismatched++;
	}
	CHECK(mismatched == 0, "random differential against snprintf: %d of %d mismatched",
	      mismatched, runs);
}

int main(void)
{
	test_plain();
	test_signed();
	test_unsigned();
	test_char_and_string();
	test_star();
	test_length();
	test_ignored_flags();
	test_cairn_defined();
	test_ksnprintf();
	test_random();
	return check_done();
}
