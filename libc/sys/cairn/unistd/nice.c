/*
 * nice: adds inc to the caller's nice value (clamped to -20..19 by the
 * kernel) and returns the new value; -1 is a valid result, so callers clear
 * errno first to tell it from an error.
 */
#include <sys/resource.h>
#include <unistd.h>

int nice(int inc)
{
	int now = getpriority(PRIO_PROCESS, 0);

	if (now == -1 && inc == 0)
		return -1;
	if (setpriority(PRIO_PROCESS, 0, now + inc) < 0)
		return -1;
	return getpriority(PRIO_PROCESS, 0);
}
