/*
 * The test runtime's C half (see rt.h): string helpers, formatted output
 * through the kernel's formatter, and the TAP counters.
 */
#include "rt.h"

/* kernel/lib/format.c, linked into the runtime (declared in the kernel's printk.h). */
int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

size_t strlen(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b || !*a)
			return (unsigned char)*a - (unsigned char)*b;
	}
	return 0;
}

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

/*
 * GCC may turn loops into calls to memcpy and memset, even in these very
 * functions; the attribute keeps it from turning memset into a call to itself.
 */
#define NO_LOOP_CALLS __attribute__((optimize("no-tree-loop-distribute-patterns")))

NO_LOOP_CALLS void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	while (n--)
		*d++ = *s++;
	return dst;
}

NO_LOOP_CALLS void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	if (d < s) {
		while (n--)
			*d++ = *s++;
	} else {
		while (n--)
			d[n] = s[n];
	}
	return dst;
}

NO_LOOP_CALLS void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;
	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;
	for (; n; n--, x++, y++) {
		if (*x != *y)
			return *x - *y;
	}
	return 0;
}

long rt_atol(const char *s)
{
	long v = 0;
	bool neg = false;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	while (*s >= '0' && *s <= '9')
		v = v * 10 + (*s++ - '0');
	return neg ? -v : v;
}

const char *rt_getenv(char **envp, const char *name)
{
	size_t n = strlen(name);
	for (; envp && *envp; envp++) {
		if (!strncmp(*envp, name, n) && (*envp)[n] == '=')
			return *envp + n + 1;
	}
	return NULL;
}

unsigned long *rt_auxv(void)
{
	char **p = __rt_envp;
	while (*p)
		p++;
	return (unsigned long *)(p + 1);
}

unsigned long rt_getauxval(unsigned long key)
{
	for (unsigned long *a = rt_auxv(); a[0] != 0; a += 2) {
		if (a[0] == key)
			return a[1];
	}
	return 0;
}

/* Writes all of buf, retrying short writes. */
static void write_all(int fd, const char *buf, size_t n)
{
	while (n) {
		long r = sys_write(fd, buf, n);
		if (r <= 0)
			return;
		buf += r;
		n -= (size_t)r;
	}
}

#define LINE_MAX 1024

static int vdprintf_(int fd, const char *fmt, va_list ap)
{
	char buf[LINE_MAX];
	int n = kvsnprintf(buf, sizeof(buf), fmt, ap);
	if (n < 0)
		return n;
	if ((size_t)n >= sizeof(buf)) {
		/* Truncated: keep the line structure. */
		n = sizeof(buf) - 1;
		buf[n - 1] = '\n';
	}
	write_all(fd, buf, (size_t)n);
	return n;
}

int tprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vdprintf_(1, fmt, ap);
	va_end(ap);
	return n;
}

int tdprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vdprintf_(fd, fmt, ap);
	va_end(ap);
	return n;
}

int tsnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = kvsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

static char prog_name[64];
static int t_passed, t_failed;

void t_set_prog(const char *name)
{
	size_t n = strlen(name);
	if (n >= sizeof(prog_name))
		n = sizeof(prog_name) - 1;
	memcpy(prog_name, name, n);
	prog_name[n] = '\0';
}

const char *t_prog(void)
{
	if (!prog_name[0]) {
		const char *p = (__rt_argc > 0 && __rt_argv[0]) ? __rt_argv[0] : "test";
		for (const char *s = p; *s; s++) {
			if (*s == '/')
				p = s + 1;
		}
		if (!strncmp(p, "test-", 5))
			p += 5;
		t_set_prog(p);
	}
	return prog_name;
}

/* Formats "<head><prog>: <text><tail>\n" into one line and writes it with one write(2). */
static void t_line(const char *head, const char *tail, const char *fmt, va_list ap)
{
	char text[LINE_MAX - 128];
	kvsnprintf(text, sizeof(text), fmt, ap);
	for (char *s = text; *s; s++) {
		if (*s == '\n')
			*s = ' '; /* one result, one line */
	}
	tprintf("%s%s: %s%s\n", head, t_prog(), text, tail);
}

bool t_ok(bool cond, const char *file, int line, const char *fmt, ...)
{
	char tail[128];
	va_list ap;
	if (cond) {
		t_passed++;
		tail[0] = '\0';
	} else {
		t_failed++;
		tsnprintf(tail, sizeof(tail), " (%s:%d)", file, line);
	}
	va_start(ap, fmt);
	t_line(cond ? "ok - " : "not ok - ", tail, fmt, ap);
	va_end(ap);
	return cond;
}

void t_diag(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	t_line("# ", "", fmt, ap);
	va_end(ap);
}

int t_failures(void)
{
	return t_failed;
}

int t_done(void)
{
	t_diag("%d passed, %d failed", t_passed, t_failed);
	return t_failed ? 1 : 0;
}

int64_t rt_now_ns(void)
{
	struct timespec ts = {0, 0};
	sys_clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

void rt_sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	sys_nanosleep(&ts, NULL);
}

int rt_run_child(int (*fn)(void *), void *arg)
{
	long pid = sys_fork();
	if (pid < 0)
		return (int)pid;
	if (pid == 0)
		sys_exit_group(fn(arg));
	int status = 0;
	long r = sys_wait4((pid_t)pid, &status, 0, NULL);
	if (r < 0)
		return (int)r;
	return status;
}
