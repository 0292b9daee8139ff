/*
 * A tiny test vocabulary for host unit tests. CHECK() prints one TAP line per
 * assertion ("ok N - text" or "not ok N - text"); check_done() returns the exit
 * status (nonzero when any assertion failed). The runner counts the lines.
 */
#ifndef CAIRN_CHECK_H
#define CAIRN_CHECK_H

#include <stdio.h>

static int check_count, check_failed;

#define CHECK(cond, ...)                                                         \
	do {                                                                     \
		check_count++;                                                   \
		if (cond) {                                                      \
			printf("ok %d - ", check_count);                         \
		} else {                                                         \
			check_failed++;                                          \
			printf("not ok %d - %s:%d: ", check_count, __FILE__,     \
			       __LINE__);                                        \
		}                                                                \
		printf(__VA_ARGS__);                                             \
		printf("\n");                                                    \
	} while (0)

static inline int check_done(void)
{
	printf("# %d assertions, %d failed\n", check_count, check_failed);
	return check_failed ? 1 : 0;
}

#endif
