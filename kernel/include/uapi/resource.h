/*
 * Resource limits and usage shared by the kernel and libc, with Linux x86-64's
 * layouts and values (shared/DESIGN.md decision 3); tests/abi checks them
 * against linux-libc-dev.
 */
#ifndef CAIRN_UAPI_RESOURCE_H
#define CAIRN_UAPI_RESOURCE_H

#include <stdint.h>
#include <uapi/time.h>

/* getrlimit(2), setrlimit(2) and prlimit64(2) all use this 64-bit form on x86-64. */
struct rlimit {
	uint64_t rlim_cur;
	uint64_t rlim_max;
};

#define RLIM_INFINITY		(~0ULL)

#define RLIMIT_CPU		0
#define RLIMIT_FSIZE		1
#define RLIMIT_DATA		2
#define RLIMIT_STACK		3
#define RLIMIT_CORE		4
#define RLIMIT_RSS		5
#define RLIMIT_NPROC		6
#define RLIMIT_NOFILE		7
#define RLIMIT_MEMLOCK		8
#define RLIMIT_AS		9
#define RLIMIT_LOCKS		10
#define RLIMIT_SIGPENDING	11
#define RLIMIT_MSGQUEUE		12
#define RLIMIT_NICE		13
#define RLIMIT_RTPRIO		14
#define RLIMIT_RTTIME		15
#define RLIM_NLIMITS		16

/* getrusage(2) and wait4(2): 144 bytes. */
struct rusage {
	struct timeval ru_utime;
	struct timeval ru_stime;
	long ru_maxrss; /* in KiB */
	long ru_ixrss;
	long ru_idrss;
	long ru_isrss;
	long ru_minflt;
	long ru_majflt;
	long ru_nswap;
	long ru_inblock;
	long ru_oublock;
	long ru_msgsnd;
	long ru_msgrcv;
	long ru_nsignals;
	long ru_nvcsw;
	long ru_nivcsw;
};

#define RUSAGE_SELF		0
#define RUSAGE_CHILDREN		(-1)
#define RUSAGE_THREAD		1

/* getpriority(2) and setpriority(2). */
#define PRIO_PROCESS		0
#define PRIO_PGRP		1
#define PRIO_USER		2

#endif
