/* System information and limits: uname, rlimits, getrandom, sysinfo. */
#include <errno.h>
#include <lib/string.h>
#include <mm/pmm.h>
#include <proc/process.h>
#include <proc/sched.h>
#include <random.h>
#include <time.h>
#include <uaccess.h>
#include <uapi/random.h>
#include <uapi/resource.h>
#include <uapi/sysinfo.h>
#include <uapi/utsname.h>
#include <version.h>

/* The host name; sethostname arrives with the networking work. */
static char hostname[65] = "cairn";

long sys_uname(struct utsname *buf)
{
	struct utsname u;
	memset(&u, 0, sizeof(u));
	strlcpy(u.sysname, CAIRN_SYSNAME, sizeof(u.sysname));
	strlcpy(u.nodename, hostname, sizeof(u.nodename));
	strlcpy(u.release, CAIRN_RELEASE, sizeof(u.release));
	strlcpy(u.version, "#1 " __DATE__, sizeof(u.version));
	strlcpy(u.machine, CAIRN_MACHINE, sizeof(u.machine));
	strlcpy(u.domainname, "(none)", sizeof(u.domainname));
	return copy_to_user(buf, &u, sizeof(u));
}

static int rlimit_change(struct process *p, unsigned resource, const struct rlimit *n)
{
	if (n->rlim_cur > n->rlim_max)
		return -EINVAL;
	if (n->rlim_max > p->rlimits[resource].rlim_max && p->euid != 0)
		return -EPERM;
	if (resource == RLIMIT_NOFILE && n->rlim_max > 1024 && n->rlim_max != RLIM_INFINITY)
		return -EPERM; /* the fd table holds at most 1024 */
	p->rlimits[resource] = *n;
	return 0;
}

long sys_prlimit64(int pid, unsigned int resource, const struct rlimit *new_rlim,
		   struct rlimit *old_rlim)
{
	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	struct process *p = current_proc();
	if (pid != 0 && pid != p->pid) {
		p = process_find(pid);
		if (!p || p->zombie)
			return -ESRCH;
		if (current_proc()->euid != 0 && current_proc()->euid != p->uid)
			return -EPERM;
	}
	struct rlimit n, old = p->rlimits[resource];
	if (new_rlim) {
		if (copy_from_user(&n, new_rlim, sizeof(n)))
			return -EFAULT;
		int err = rlimit_change(p, resource, &n);
		if (err)
			return err;
	}
	if (old_rlim && copy_to_user(old_rlim, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_getrlimit(unsigned int resource, struct rlimit *rlim)
{
	if (!rlim)
		return -EFAULT;
	return sys_prlimit64(0, resource, NULL, rlim);
}

long sys_setrlimit(unsigned int resource, const struct rlimit *rlim)
{
	if (!rlim)
		return -EFAULT;
	return sys_prlimit64(0, resource, rlim, NULL);
}

long sys_getrandom(void *buf, size_t count, unsigned int flags)
{
	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & GRND_RANDOM) && (flags & GRND_INSECURE))
		return -EINVAL;
	if (count > 33554431)
		count = 33554431; /* Linux's per-call cap */
	uint8_t chunk[256];
	size_t done = 0;
	while (done < count) {
		size_t n = MIN(sizeof(chunk), count - done);
		random_get_bytes(chunk, n);
		if (copy_to_user((uint8_t *)buf + done, chunk, n))
			return done ? (long)done : -EFAULT;
		done += n;
		if (task_signal_pending())
			return (long)done;
	}
	return (long)done;
}

long sys_sysinfo(struct sysinfo *info)
{
	struct sysinfo si;
	memset(&si, 0, sizeof(si));
	si.uptime = (long)(clock_monotonic_ns() / NSEC_PER_SEC);
	si.totalram = pmm_total_count();
	si.freeram = pmm_free_count();
	si.mem_unit = PAGE_SIZE;
	unsigned n = 0;
	struct process *p;
	list_for_each_entry(p, &all_processes, all_link)
		n++;
	si.procs = (uint16_t)MIN(n, 65535u);
	unsigned running = sched_nr_running();
	for (int i = 0; i < 3; i++)
		si.loads[i] = (unsigned long)running << 16; /* FIXME: an instantaneous load, not an average */
	return copy_to_user(info, &si, sizeof(si));
}
