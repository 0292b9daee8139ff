/*
 * wait4 and waitid: a parent collects the status of a zombie child and frees
 * it, or (WUNTRACED/WSTOPPED, WCONTINUED) learns that a child stopped or
 * continued (proc/jobctl.c). The wait status uses Linux's encoding: (code <<
 * 8) after exit, the signal number (| 0x80 for a core dump) after a fatal
 * signal, (sig << 8) | 0x7f after a stop, 0xffff after a continue.
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
	int report; /* 0 (exited), WAIT_REPORT_STOPPED or WAIT_REPORT_CONTINUED */
	int stop_sig;
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

/* Internal option: report exits (wait4 always does, waitid with WEXITED). */
#define WAIT_EXITED 0x00100000

/* Reports a stop or continue of c if options ask for it; true if it did. */
static bool report_jobctl(struct process *c, int options, bool keep, struct wait_result *r)
{
	if (c->wait_report == WAIT_REPORT_STOPPED && (options & WUNTRACED))
		r->status = (c->stop_sig << 8) | 0x7f;
	else if (c->wait_report == WAIT_REPORT_CONTINUED && (options & WCONTINUED))
		r->status = 0xffff;
	else
		return false;
	r->pid = c->pid;
	r->report = c->wait_report;
	r->stop_sig = c->stop_sig;
	r->uid = c->uid;
	r->utime_ns = c->utime_ns;
	r->stime_ns = c->stime_ns;
	if (!keep)
		c->wait_report = 0;
	return true;
}

/*
 * Looks for a child with something to report; -ECHILD when no child matches
 * at all, 0 if none is ready. options: WUNTRACED (= WSTOPPED), WCONTINUED,
 * WAIT_EXITED.
 */
static int reap_one(struct process *me, int idtype, int id, int options, bool keep,
		    struct wait_result *r)
{
	bool any = false;
	struct process *c;
	list_for_each_entry(c, &me->children, sibling)
	{
		if (!matches(me, c, idtype, id))
			continue;
		any = true;
		if (!c->zombie) {
			if (report_jobctl(c, options, keep, r))
				return 1;
			continue;
		}
		if (!(options & WAIT_EXITED))
			continue;
		r->pid = c->pid;
		r->report = 0;
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
		int found = reap_one(me, idtype, id, options, options & WNOWAIT, r);
		if (found != 0)
			return found < 0 ? found : r->pid;
		if (options & WNOHANG)
			return 0;
		int err = wait_event_interruptible(me->child_wait,
						   reap_one(me, idtype, id, options, true, r) != 0);
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
	long ret = do_wait(idtype, id, (options & (WNOHANG | WUNTRACED | WCONTINUED)) | WAIT_EXITED,
			   &r);
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
	struct wait_result r;
	int wopts = options & (WNOHANG | WNOWAIT | WCONTINUED);
	if (options & WSTOPPED)
		wopts |= WUNTRACED;
	if (options & WEXITED)
		wopts |= WAIT_EXITED;
	long ret = do_wait(idtype, id, wopts, &r);
	if (ret < 0)
		return ret;
	if (infop) {
		struct siginfo si;
		memset(&si, 0, sizeof(si));
		if (ret > 0) {
			si.si_signo = SIGCHLD;
			si.si_pid = r.pid;
			si.si_uid = r.uid;
			if (r.report == WAIT_REPORT_STOPPED) {
				si.si_code = CLD_STOPPED;
				si.si_status = r.stop_sig;
			} else if (r.report == WAIT_REPORT_CONTINUED) {
				si.si_code = CLD_CONTINUED;
				si.si_status = SIGCONT;
			} else if (r.status & 0x7f) {
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
