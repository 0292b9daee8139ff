/*
 * What times(2) writes, in clock ticks (AT_CLKTCK per second), with Linux
 * x86-64's layout (shared/DESIGN.md decision 3); tests/abi checks it against
 * linux-libc-dev.
 */
#ifndef CAIRN_UAPI_TIMES_H
#define CAIRN_UAPI_TIMES_H

struct tms {
	long tms_utime;
	long tms_stime;
	long tms_cutime;
	long tms_cstime;
};

#endif
