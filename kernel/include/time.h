/* Kernel time: a monotonic nanosecond clock and the wall clock read at boot. */
#ifndef CAIRN_TIME_H
#define CAIRN_TIME_H

#include <types.h>

#define NSEC_PER_SEC 1000000000ULL
#define HZ 100

/* Nanoseconds since the TSC was calibrated (0 before); never goes backwards. */
uint64_t clock_monotonic_ns(void);
/* Seconds since the Unix epoch, from the CMOS clock at boot plus uptime. */
uint64_t clock_realtime_sec(void);
/* Nanoseconds since the Unix epoch. */
uint64_t clock_realtime_ns(void);
/* Timer interrupts since boot on the boot CPU. */
extern volatile uint64_t jiffies;
/* Busy-waits at least ns nanoseconds (uses the calibrated TSC). */
void udelay_ns(uint64_t ns);

#endif
