/*
 * CMOS real-time clock, read once at boot for the wall-clock time. The read
 * waits out an update in progress and repeats until two reads agree, then
 * converts BCD and 12-hour formats as the status register says.
 */
#include <arch/io.h>
#include <printk.h>
#include <time.h>

#define CMOS_ADDR 0x70
#define CMOS_DATA 0x71

static uint64_t boot_epoch;
static uint64_t boot_epoch_ns;

static uint8_t cmos_read(uint8_t reg)
{
	outb(CMOS_ADDR, reg | 0x80); /* keep NMI disabled while selecting */
	return inb(CMOS_DATA);
}

struct rtc_time {
	unsigned sec, min, hour, day, mon, year;
};

static void rtc_read_raw(struct rtc_time *t)
{
	for (int i = 0; i < 100000 && (cmos_read(0x0a) & 0x80); i++)
		;
	t->sec = cmos_read(0x00);
	t->min = cmos_read(0x02);
	t->hour = cmos_read(0x04);
	t->day = cmos_read(0x07);
	t->mon = cmos_read(0x08);
	t->year = cmos_read(0x09);
}

static unsigned bcd(unsigned v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

/* Days from 1970-01-01 to the given civil date (proleptic Gregorian). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

void rtc_init(void)
{
	struct rtc_time a, b;
	int tries = 0;
	rtc_read_raw(&a);
	do {
		b = a;
		rtc_read_raw(&a);
	} while (++tries < 10 && (a.sec != b.sec || a.min != b.min || a.hour != b.hour ||
				  a.day != b.day || a.mon != b.mon || a.year != b.year));
	uint8_t status_b = cmos_read(0x0b);
	bool pm = a.hour & 0x80;
	a.hour &= 0x7f;
	if (!(status_b & 0x04)) {
		a.sec = bcd(a.sec);
		a.min = bcd(a.min);
		a.hour = bcd(a.hour);
		a.day = bcd(a.day);
		a.mon = bcd(a.mon);
		a.year = bcd(a.year);
	}
	if (!(status_b & 0x02) && pm)
		a.hour = (a.hour + 12) % 24;
	unsigned year = 2000 + a.year;
	if (a.mon < 1 || a.mon > 12 || a.day < 1 || a.day > 31 || a.hour > 23 || a.min > 59 ||
	    a.sec > 60) {
		pr_warn("rtc: implausible CMOS time, using the epoch\n");
		return;
	}
	boot_epoch = (uint64_t)days_from_civil(year, a.mon, a.day) * 86400 + a.hour * 3600 +
		     a.min * 60 + a.sec;
	boot_epoch_ns = clock_monotonic_ns();
	pr_info("rtc: %04u-%02u-%02u %02u:%02u:%02u UTC\n", year, a.mon, a.day, a.hour, a.min,
		a.sec);
}

uint64_t clock_realtime_sec(void)
{
	return boot_epoch + (clock_monotonic_ns() - boot_epoch_ns) / NSEC_PER_SEC;
}

uint64_t clock_realtime_ns(void)
{
	return boot_epoch * NSEC_PER_SEC + (clock_monotonic_ns() - boot_epoch_ns);
}
