/*
 * wait4 and waitid: a parent collects the status of a zombie child and frees
 * it. The wait status uses Linux's encoding: (code << 8) after exit, the
 * signal number (| 0x80 for a core dump) after a fatal signal.
 */
#include <errno.h>
#include <lib/string.h>
#include <proc/process.h>
#include <proc/sched.h>
#include <time.h>
#include <uaccess.h>
#include <uapi/resource.h>
#include <uapi/signal.h>
#include <uapi/wait.h>

struct wait_result {
	int pid;
	int status;
	uint32_t uid;
	uint64_t utime_ns, stime_ns;
};

static bool matches(struct process *me, struct process *c, int idtype, int id)
{
	switch (idtype) {
	case P_ALL:
		return true;
	case P_PID:
		return c->pid == id;
	case P_PGID:
		return c->pgid == (id ? id : me->pgid);
	default:
		return false;
	}
}

/* Looks for a zombie child; -ECHILD when no child matches at all, 0 if none is ready. */
static int reap_one(struct process *me, int idtype, int id, bool keep, struct wait_result *r)
{
	bool any = false;
	struct process *c;
	list_for_each_entry(c, &me->children, sibling)
	{
		if (!matches(me, c, idtype, id))
			continue;
		any = true;
		if (!c->zombie)
			continue;
		r->pid = c->pid;
		r->status = c->exit_status;
		r->uid = c->uid;
		r->utime_ns = c->utime_ns + c->cutime_ns;
		r->stime_ns = c->stime_ns + c->cstime_ns;
		if (!keep) {
			me->cutime_ns += r->utime_ns;
			me->cstime_ns += r->stime_ns;
			process_free(c);
		}
		return 1;
	}
	return any ? 0 : -ECHILD;
}

static long do_wait(int idtype, int id, int options, struct wait_result *r)
{
	struct process *me = current_proc();
	for (;;) {
		int found = reap_one(me, idtype, id, options & WNOWAIT, r);
		if (found != 0)
			return found < 0 ? found : r->pid;
		if (options & WNOHANG)
			return 0;
		int err = wait_event_interruptible(me->child_wait,
						   reap_one(me, idtype, id, true, r) != 0);
		if (err)
			return err;
	}
}

static void fill_rusage(struct rusage *ru, const struct wait_result *r)
{
	memset(ru, 0, sizeof(*ru));
	ru->ru_utime.tv_sec = (long)(r->utime_ns / NSEC_PER_SEC);
	ru->ru_utime.tv_usec = (long)(r->utime_ns % NSEC_PER_SEC / 1000);
	ru->ru_stime.tv_sec = (long)(r->stime_ns / NSEC_PER_SEC);
	ru->ru_stime.tv_usec = (long)(r->stime_ns % NSEC_PER_SEC / 1000);
}

long sys_wait4(int pid, int *wstatus, int options, struct rusage *ru)
{
	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WALL | __WCLONE | __WNOTHREAD))
		return -EINVAL;
	int idtype = P_PID, id = pid;
	if (pid == -1)
		idtype = P_ALL;
	else if (pid == 0)
		idtype = P_PGID, id = 0;
	else if (pid < -1)
		idtype = P_PGID, id = -pid;
	struct wait_result r;
	long ret = do_wait(idtype, id, options & WNOHANG, &r);
	if (ret <= 0)
		return ret;
	if (wstatus && copy_to_user(wstatus, &r.status, sizeof(int)))
		return -EFAULT;
	if (ru) {
		struct rusage kru;
		fill_rusage(&kru, &r);
		if (copy_to_user(ru, &kru, sizeof(kru)))
			return -EFAULT;
	}
	return ret;
}

long sys_waitid(int idtype, int id, struct siginfo *infop, int options, struct rusage *ru)
{
	if (idtype != P_ALL && idtype != P_PID && idtype != P_PGID)
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)) ||
	    (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED | __WALL | __WCLONE |
			 __WNOTHREAD)))
		return -EINVAL;
	if (!(options & WEXITED)) /* FIXME: stopped/continued children arrive with job control */
		return (options & WNOHANG) ? 0 : -ECHILD;
	struct wait_result r;
	long ret = do_wait(idtype, id, options & (WNOHANG | WNOWAIT), &r);
	if (ret < 0)
		return ret;
	if (infop) {
		struct siginfo si;
		memset(&si, 0, sizeof(si));
		if (ret > 0) {
			si.si_signo = SIGCHLD;
			si.si_pid = r.pid;
			si.si_uid = r.uid;
			if (r.status & 0x7f) {
				si.si_code = (r.status & 0x80) ? CLD_DUMPED : CLD_KILLED;
				si.si_status = r.status & 0x7f;
			} else {
				si.si_code = CLD_EXITED;
				si.si_status = (r.status >> 8) & 0xff;
			}
		}
		if (copy_to_user(infop, &si, sizeof(si)))
			return -EFAULT;
	}
	if (ru) {
		struct rusage kru;
		fill_rusage(&kru, &r);
		if (copy_to_user(ru, &kru, sizeof(kru)))
			return -EFAULT;
	}
	return 0;
}
