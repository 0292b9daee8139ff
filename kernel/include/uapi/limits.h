/*
 * Limits the kernel enforces and libc reports, with Linux's values
 * (shared/DESIGN.md decision 3); tests/abi checks them against
 * linux-libc-dev's <linux/limits.h>.
 *
 * ARG_MAX: Linux has not enforced 131072 since 2.6.23 (it allows a quarter
 * of the stack limit) but its header still says 131072. Cairn chooses that
 * fixed value as the bound on execve(2)'s argument and environment strings
 * plus their pointers; beyond it execve(2) fails with E2BIG.
 */
#ifndef CAIRN_UAPI_LIMITS_H
#define CAIRN_UAPI_LIMITS_H

#define NGROUPS_MAX	65536
#define ARG_MAX		131072
#define LINK_MAX	127
#define MAX_CANON	255
#define MAX_INPUT	255
#define NAME_MAX	255  /* bytes in a file name, excluding the NUL */
#define PATH_MAX	4096 /* bytes in a path, including the NUL */
#define PIPE_BUF	4096 /* writes up to this size to a pipe are atomic */
#define RTSIG_MAX	32

#endif
