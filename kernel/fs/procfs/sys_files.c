/*
 * The files in /proc itself, in Linux's formats (proc(5)). Where Cairn does
 * not track a number Linux shows (swap, interrupts, context switches, page
 * cache states) it shows 0; estimates are named as such in
 * docs/filesystems.md.
 */
#include <arch/cpuinfo.h>
#include <arch/percpu.h>
#include <block/blkdev.h>
#include <errno.h>
#include <fs/dcache.h>
#include <fs/fstype.h>
#include <fs/mount.h>
#include <fs/ramfs.h>
#include <lib/string.h>
#include <mm/pmm.h>
#include <mm/slab.h>
#include <proc/procinfo.h>
#include <time.h>
#include <version.h>

#include "procfs.h"

#define USER_HZ     100
#define NS_PER_TICK (1000000000ULL / USER_HZ)
#define MAX_PIDS    4096

static void meminfo_line(struct procfs_buf *b, const char *name, uint64_t pages)
{
	pbuf_printf(b, "%-15s %8llu kB\n", name, (unsigned long long)(pages * (PAGE_SIZE / 1024)));
}

static int show_meminfo(struct procfs_buf *b, int pid)
{
	(void)pid;
	struct slab_stats slab;
	slab_get_stats(&slab);
	uint64_t total = pmm_total_count(), free = pmm_free_count(), shmem = ramfs_pages_total();
	meminfo_line(b, "MemTotal:", total);
	meminfo_line(b, "MemFree:", free);
	meminfo_line(b, "MemAvailable:", free);
	meminfo_line(b, "Buffers:", 0);
	meminfo_line(b, "Cached:", shmem);
	meminfo_line(b, "SwapCached:", 0);
	meminfo_line(b, "SwapTotal:", 0);
	meminfo_line(b, "SwapFree:", 0);
	meminfo_line(b, "Shmem:", shmem);
	meminfo_line(b, "Slab:", slab.pages_in_use);
	meminfo_line(b, "SReclaimable:", 0);
	meminfo_line(b, "SUnreclaim:", slab.pages_in_use);
	return 0;
}

static int show_cpuinfo(struct procfs_buf *b, int pid)
{
	(void)pid;
	struct arch_cpu_desc *d = kmalloc(sizeof(*d));
	if (!d)
		return -ENOMEM;
	arch_cpu_describe(d);
	for (unsigned cpu = 0; cpu < nr_cpus; cpu++) {
		pbuf_printf(b,
		            "processor\t: %u\nvendor_id\t: %s\ncpu family\t: %u\nmodel\t\t: %u\n",
		            cpu, d->vendor, d->family, d->model);
		pbuf_printf(b, "model name\t: %s\nstepping\t: %u\n", d->model_name, d->stepping);
		if (d->cache_kb)
			pbuf_printf(b, "cache size\t: %u KB\n", d->cache_kb);
		pbuf_printf(b,
		            "physical id\t: 0\nsiblings\t: %u\ncore id\t\t: %u\ncpu cores\t: %u\n",
		            nr_cpus, cpu, nr_cpus);
		pbuf_printf(b, "fpu\t\t: yes\nfpu_exception\t: yes\nwp\t\t: yes\nflags\t\t: %s\n",
		            d->flags);
		pbuf_printf(b, "clflush size\t: %u\ncache_alignment\t: %u\n", d->clflush_size,
		            d->clflush_size);
		pbuf_printf(b, "address sizes\t: %u bits physical, %u bits virtual\n\n",
		            d->phys_bits, d->virt_bits);
	}
	kfree(d);
	return 0;
}

/* Writes s with blanks, newlines and backslashes as octal escapes, as Linux does. */
static void mounts_escaped(struct procfs_buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\\')
			pbuf_printf(b, "\\%03o", (unsigned char)*s);
		else
			pbuf_write(b, s, 1);
	}
}

static void mounts_line(const struct mount *m, void *arg)
{
	struct procfs_buf *b = arg;
	mounts_escaped(b, m->source);
	pbuf_write(b, " ", 1);
	mounts_escaped(b, m->target);
	unsigned f = m->sb ? m->sb->flags : 0;
	pbuf_printf(b, " %s %s%s%s%s 0 0\n", m->fstype, (m->flags & MNT_READONLY) ? "ro" : "rw",
	            (f & SB_NOSUID) ? ",nosuid" : "", (f & SB_NODEV) ? ",nodev" : "",
	            (f & SB_NOEXEC) ? ",noexec" : "");
}

static int show_mounts(struct procfs_buf *b, int pid)
{
	(void)pid;
	mount_for_each(mounts_line, b);
	return 0;
}

/* CPU time of the processes alive now and of the children they reaped, in ns. */
struct cpu_times {
	uint64_t user, system;
	unsigned nr_tasks, nr_running;
	int last_pid;
};

static int cpu_times(struct cpu_times *t)
{
	memset(t, 0, sizeof(*t));
	int *pids = kmalloc(MAX_PIDS * sizeof(int));
	if (!pids)
		return -ENOMEM;
	size_t n = procinfo_pids(pids, MAX_PIDS);
	for (size_t i = 0; i < n; i++) {
		struct proc_info p;
		if (procinfo_get(pids[i], &p))
			continue;
		t->user += p.utime_ns + p.cutime_ns;
		t->system += p.stime_ns + p.cstime_ns;
		t->nr_tasks += p.nr_threads;
		t->nr_running += p.state == 'R';
		if (p.pid > t->last_pid)
			t->last_pid = p.pid;
	}
	kfree(pids);
	return 0;
}

/* Idle time of all CPUs: what the processes did not use (an estimate). */
static uint64_t idle_ns(uint64_t uptime_ns, const struct cpu_times *t)
{
	uint64_t all = uptime_ns * nr_cpus, busy = t->user + t->system;
	return all > busy ? all - busy : 0;
}

static int show_uptime(struct procfs_buf *b, int pid)
{
	(void)pid;
	struct cpu_times t;
	int err = cpu_times(&t);
	if (err)
		return err;
	uint64_t up = clock_monotonic_ns(), idle = idle_ns(up, &t);
	pbuf_printf(b, "%llu.%02llu %llu.%02llu\n", (unsigned long long)(up / 1000000000),
	            (unsigned long long)(up / 10000000 % 100),
	            (unsigned long long)(idle / 1000000000),
	            (unsigned long long)(idle / 10000000 % 100));
	return 0;
}

/*
 * FIXME: the load is the number of runnable processes now (the reader
 * included), not a decaying average.
 */
static int show_loadavg(struct procfs_buf *b, int pid)
{
	(void)pid;
	struct cpu_times t;
	int err = cpu_times(&t);
	if (err)
		return err;
	unsigned running = t.nr_running;
	pbuf_printf(b, "%u.00 %u.00 %u.00 %u/%u %d\n", running, running, running, running,
	            t.nr_tasks, t.last_pid);
	return 0;
}

static int show_stat(struct procfs_buf *b, int pid)
{
	(void)pid;
	struct cpu_times t;
	int err = cpu_times(&t);
	if (err)
		return err;
	uint64_t up = clock_monotonic_ns();
	unsigned long long user = t.user / NS_PER_TICK, sys = t.system / NS_PER_TICK;
	unsigned long long idle = idle_ns(up, &t) / NS_PER_TICK, up_ticks = up / NS_PER_TICK;
	pbuf_printf(b, "cpu  %llu 0 %llu %llu 0 0 0 0 0 0\n", user, sys, idle);
	/* Only CPU 0 runs processes so far (proc/sched.c); the others idle. */
	unsigned long long idle0 = up_ticks > user + sys ? up_ticks - user - sys : 0;
	pbuf_printf(b, "cpu0 %llu 0 %llu %llu 0 0 0 0 0 0\n", user, sys, idle0);
	for (unsigned cpu = 1; cpu < nr_cpus; cpu++)
		pbuf_printf(b, "cpu%u 0 0 0 %llu 0 0 0 0 0 0\n", cpu, up_ticks);
	pbuf_printf(
	    b, "intr 0\nctxt 0\nbtime %llu\nprocesses %d\nprocs_running %u\nprocs_blocked 0\n",
	    (unsigned long long)(clock_realtime_sec() - up / 1000000000), t.last_pid, t.nr_running);
	return 0;
}

static int show_version(struct procfs_buf *b, int pid)
{
	(void)pid;
	pbuf_printf(b, "%s version %s (cairn@cairn) (gcc %s) #1 %s\n", CAIRN_SYSNAME, CAIRN_RELEASE,
	            __VERSION__, __DATE__);
	return 0;
}

static void filesystems_line(const struct fs_type *type, void *arg)
{
	pbuf_printf(arg, "%s\t%s\n", type->requires_dev ? "" : "nodev", type->name);
}

static int show_filesystems(struct procfs_buf *b, int pid)
{
	(void)pid;
	fs_type_for_each(filesystems_line, b);
	return 0;
}

static void partitions_line(struct block_device *dev, void *arg)
{
	pbuf_printf(arg, "%4u  %7u %10llu %s\n", dev->major, dev->minor,
	            (unsigned long long)(dev->nr_sectors / 2), dev->name);
}

static int show_partitions(struct procfs_buf *b, int pid)
{
	(void)pid;
	pbuf_printf(b, "major minor  #blocks  name\n\n");
	blkdev_for_each(partitions_line, b);
	return 0;
}

/* Cairn's own: the dentry cache's size and counters (fs/dcache.h), one "name value" a line. */
static int show_dcache(struct procfs_buf *b, int pid)
{
	(void)pid;
	struct dcache_stats st;
	dcache_get_stats(&st);
	pbuf_printf(b, "entries %llu\nlimit %u\nhits %llu\nnegative_hits %llu\nmisses %llu\n",
	            (unsigned long long)st.entries, DCACHE_MAX, (unsigned long long)st.hits,
	            (unsigned long long)st.negative_hits, (unsigned long long)st.misses);
	return 0;
}

const struct procfs_entry procfs_root_entries[] = {
    {"cpuinfo", S_IFREG | 0444, show_cpuinfo, NULL},
    {"dcache", S_IFREG | 0444, show_dcache, NULL},
    {"filesystems", S_IFREG | 0444, show_filesystems, NULL},
    {"loadavg", S_IFREG | 0444, show_loadavg, NULL},
    {"meminfo", S_IFREG | 0444, show_meminfo, NULL},
    {"mounts", S_IFREG | 0444, show_mounts, NULL},
    {"partitions", S_IFREG | 0444, show_partitions, NULL},
    {"stat", S_IFREG | 0444, show_stat, NULL},
    {"uptime", S_IFREG | 0444, show_uptime, NULL},
    {"version", S_IFREG | 0444, show_version, NULL},
};

const size_t procfs_nr_root_entries = ARRAY_SIZE(procfs_root_entries);
