/* struct sysinfo for sysinfo(2): Linux x86-64 layout. */
#ifndef CAIRN_UAPI_SYSINFO_H
#define CAIRN_UAPI_SYSINFO_H

#include <stdint.h>

struct sysinfo {
	long uptime;             /* seconds since boot */
	unsigned long loads[3];  /* 1, 5, 15 minute load averages, scaled by 65536 */
	unsigned long totalram;  /* in units of mem_unit */
	unsigned long freeram;
	unsigned long sharedram;
	unsigned long bufferram;
	unsigned long totalswap;
	unsigned long freeswap;
	uint16_t procs;
	uint16_t pad;
	unsigned long totalhigh;
	unsigned long freehigh;
	uint32_t mem_unit;
};

#endif
