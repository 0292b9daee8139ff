/*
 * In-kernel self-tests, run when the command line says ktest=all (or
 * ktest=name1,name2). Each test is a function returning 0 on success; the
 * runner prints one "ktest: ok NAME" or "ktest: not ok NAME" line per test and
 * a final "ktest: N passed, M failed" line, which the host harness reads.
 */
#ifndef CAIRN_KTEST_H
#define CAIRN_KTEST_H

#include <printk.h>

struct ktest {
	const char *name;
	int (*fn)(void);
};

#define KTEST(tname)                                                             \
	static int ktest_fn_##tname(void);                                       \
	static const struct ktest ktest_##tname                                  \
		__attribute__((section(".ktest"), used, aligned(8))) = {         \
			#tname, ktest_fn_##tname                                 \
		};                                                               \
	static int ktest_fn_##tname(void)

/* Fails the current test with a log line naming the condition. */
#define KT_ASSERT(cond)                                                          \
	do {                                                                     \
		if (!(cond)) {                                                   \
			pr_err("ktest: assertion failed: %s (%s:%d)\n", #cond,   \
			       __FILE__, __LINE__);                              \
			return -1;                                               \
		}                                                                \
	} while (0)

/* Runs the tests selected by spec ("all" or a comma-separated list); returns failures. */
int ktest_run(const char *spec);

#endif
