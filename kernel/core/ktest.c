/* The self-test runner: walks the .ktest section filled by KTEST(). */
#include <ktest.h>
#include <lib/string.h>
#include <time.h>

extern const struct ktest __ktest_start[], __ktest_end[];

static bool selected(const char *spec, const char *name)
{
	if (!strcmp(spec, "all"))
		return true;
	size_t n = strlen(name);
	for (const char *p = spec; *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == n && !strncmp(p, name, n))
			return true;
		p += len + (comma != NULL);
	}
	return false;
}

int ktest_run(const char *spec)
{
	int passed = 0, failed = 0;
	for (const struct ktest *t = __ktest_start; t < __ktest_end; t++) {
		if (!selected(spec, t->name))
			continue;
		uint64_t t0 = clock_monotonic_ns();
		int r = t->fn();
		uint64_t ms = (clock_monotonic_ns() - t0) / 1000000;
		if (r == 0) {
			passed++;
			pr_notice("ktest: ok %s (%lu ms)\n", t->name, ms);
		} else {
			failed++;
			pr_notice("ktest: not ok %s\n", t->name);
		}
	}
	pr_notice("ktest: %d passed, %d failed\n", passed, failed);
	return failed;
}
