/*
 * fork(2) + exit(2) + wait4(2) leak nothing: free memory as sysinfo(2)
 * reports it (freeram * mem_unit) is the same before and after 1000 cycles.
 * Each child dirties a stack page and a .data page (copy-on-write copies)
 * before exiting. One warm-up cycle runs first so lazily built kernel caches
 * (slabs, page tables of this process) exist before the first reading.
 *
 * The kernel may free a dead task's last pieces a little after wait4
 * returns, so a difference is re-read a few times over half a second before
 * it counts as a leak. On a Linux host free memory moves with the rest of
 * the system, so only the Cairn run is meaningful.
 */
#include "rt.h"

#define CYCLES 1000

static volatile int dirty = 1;

static unsigned long free_bytes(void)
{
	struct sysinfo si;
	memset(&si, 0, sizeof(si));
	if (sys_sysinfo(&si) < 0)
		return 0;
	return si.freeram * (si.mem_unit ? si.mem_unit : 1);
}

/* Returns the number of cycles whose fork, wait or status was wrong. */
static int cycles(int n)
{
	int bad = 0;
	for (int i = 0; i < n; i++) {
		long pid = sys_fork();
		if (pid == 0) {
			volatile char page[128];
			page[0] = 1;
			dirty = page[0] + 1;
			sys_exit_group(dirty);
		}
		int st = -1;
		if (pid < 0 || sys_wait4((pid_t)pid, &st, 0, NULL) != pid || st != 2 << 8)
			bad++;
	}
	return bad;
}

int main(void)
{
	struct sysinfo si;
	memset(&si, 0xff, sizeof(si));
	long r = sys_sysinfo(&si);
	T_OK(r == 0, "sysinfo() succeeds (%ld)", r);
	T_OK(si.mem_unit >= 1 && si.totalram > 0 && si.freeram <= si.totalram,
	     "sysinfo: totalram %lu, freeram %lu, mem_unit %u", si.totalram, si.freeram,
	     si.mem_unit);
	T_OK(si.procs >= 2, "sysinfo: procs counts at least init and this test (%u)", si.procs);
	T_OK(sys_sysinfo(NULL) == -EFAULT, "sysinfo(NULL) gives -EFAULT");

	T_OK(cycles(1) == 0, "warm-up fork + exit + wait");
	unsigned long before = free_bytes();
	int bad = cycles(CYCLES);
	T_OK(bad == 0, "%d fork + exit + wait cycles, each child exiting 2 (%d wrong)", CYCLES,
	     bad);
	unsigned long after = free_bytes();
	for (int i = 0; i < 10 && after != before; i++) {
		rt_sleep_ms(50);
		after = free_bytes();
	}
	long diff = (long)(before - after);
	T_OK(before && after == before,
	     "free memory is unchanged after %d cycles: before %lu, after %lu bytes (lost %ld)",
	     CYCLES, before, after, diff);
	return t_done();
}
