/* Signal system calls: thin checks around proc/signal.c (see proc/signal.h). */
#include <errno.h>
#include <lib/string.h>
#include <proc/process.h>
#include <proc/signal.h>
#include <uaccess.h>
#include <arch/trap.h>
#include <uapi/sigcontext.h>
#include <uapi/signal.h>

long sys_rt_sigaction(int sig, const struct k_sigaction *act, struct k_sigaction *oact,
		      size_t sigsetsize)
{
	if (sigsetsize != sizeof(uint64_t))
		return -EINVAL;
	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	struct process *p = current_proc();
	struct k_sigaction old = p->sigactions[sig];
	if (act) {
		if (sig == SIGKILL || sig == SIGSTOP)
			return -EINVAL;
		struct k_sigaction n;
		if (copy_from_user(&n, act, sizeof(n)))
			return -EFAULT;
		n.sa_mask &= ~(SIGMASK(SIGKILL) | SIGMASK(SIGSTOP));
		p->sigactions[sig] = n;
		/* Setting SIG_IGN discards what is pending. */
		if ((uintptr_t)n.sa_handler == SIG_IGN)
			sigqueue_discard_all(p, sig);
	}
	if (oact && copy_to_user(oact, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_rt_sigprocmask(int how, const uint64_t *set, uint64_t *oset, size_t sigsetsize)
{
	if (sigsetsize != sizeof(uint64_t))
		return -EINVAL;
	struct task *t = current;
	uint64_t old = t->sig_blocked;
	if (set) {
		uint64_t s;
		if (copy_from_user(&s, set, sizeof(s)))
			return -EFAULT;
		s &= ~(SIGMASK(SIGKILL) | SIGMASK(SIGSTOP));
		switch (how) {
		case SIG_BLOCK:
			t->sig_blocked |= s;
			break;
		case SIG_UNBLOCK:
			t->sig_blocked &= ~s;
			break;
		case SIG_SETMASK:
			t->sig_blocked = s;
			break;
		default:
			return -EINVAL;
		}
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* The siginfo of a signal sent by the calling process. */
static struct siginfo user_info(int sig, int code)
{
	struct siginfo info;
	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = code;
	info.si_pid = current_proc()->pid;
	info.si_uid = current_proc()->uid;
	return info;
}

/*
 * May the caller send sig to p? Root may; others when their real or
 * effective UID is p's real or saved UID; SIGCONT within a session always.
 */
static bool may_signal(struct process *me, struct process *p, int sig)
{
	if (me->euid == 0 || me->euid == p->uid || me->uid == p->uid || me->euid == p->suid ||
	    me->uid == p->suid)
		return true;
	return sig == SIGCONT && me->sid == p->sid;
}

/*
 * kill(2): pid > 0 names a process, 0 the caller's process group, -1 every
 * process but init and the caller, < -1 the process group -pid (killpg).
 * Succeeds when at least one process got the signal; -EPERM when some
 * matched but none could be signalled; -ESRCH when none matched.
 */
long sys_kill(int pid, int sig)
{
	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	struct process *me = current_proc();
	if (pid > 0) {
		struct process *p = process_find(pid);
		if (!p || p->zombie)
			return -ESRCH;
		if (!may_signal(me, p, sig))
			return -EPERM;
		struct siginfo info = user_info(sig, SI_USER);
		return sig ? signal_send_info(p, sig, &info) : 0;
	}
	if (pid == INT32_MIN)
		return -ESRCH;
	int found = 0, sent = 0;
	struct process *p;
	list_for_each_entry(p, &all_processes, all_link)
	{
		if (p->zombie)
			continue;
		if (pid == 0 && p->pgid != me->pgid)
			continue;
		if (pid == -1 && (p->pid == 1 || p == me))
			continue;
		if (pid < -1 && p->pgid != -pid)
			continue;
		found++;
		if (!may_signal(me, p, sig))
			continue;
		sent++;
		struct siginfo info = user_info(sig, SI_USER);
		if (sig)
			signal_send_info(p, sig, &info);
	}
	if (!found)
		return -ESRCH;
	return sent ? 0 : -EPERM;
}

/* The thread tid (of process tgid, if tgid > 0); NULL if there is none. */
static struct task *find_thread(int tgid, int tid)
{
	struct process *p;
	list_for_each_entry(p, &all_processes, all_link)
	{
		if (p->zombie || (tgid > 0 && p->pid != tgid))
			continue;
		struct task *t;
		list_for_each_entry(t, &p->threads, thread_link)
			if (t->tid == tid)
				return t;
	}
	return NULL;
}

static long thread_kill(int tgid, int tid, int sig)
{
	if (tid <= 0 || sig < 0 || sig > _NSIG)
		return -EINVAL;
	struct task *t = find_thread(tgid, tid);
	if (!t)
		return -ESRCH;
	if (!may_signal(current_proc(), t->proc, sig))
		return -EPERM;
	struct siginfo info = user_info(sig, SI_TKILL);
	return sig ? signal_send_task_info(t, sig, &info) : 0;
}

long sys_tkill(int tid, int sig)
{
	return thread_kill(0, tid, sig);
}

long sys_tgkill(int tgid, int tid, int sig)
{
	if (tgid <= 0)
		return -EINVAL;
	return thread_kill(tgid, tid, sig);
}

/*
 * rt_sigqueueinfo/rt_tgsigqueueinfo: the caller's siginfo goes with the
 * signal. Only to itself may a process claim a kernel or kill() origin
 * (si_code >= 0, or SI_TKILL): EPERM otherwise, as in Linux.
 */
static long queue_info(int tgid, int tid, int sig, const struct siginfo *uinfo)
{
	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	struct siginfo info;
	if (copy_from_user(&info, uinfo, sizeof(info)))
		return -EFAULT;
	struct process *me = current_proc();
	struct task *t = NULL;
	struct process *p;
	if (tid > 0) {
		t = find_thread(tgid, tid);
		p = t ? t->proc : NULL;
	} else {
		p = process_find(tgid);
	}
	if (!p || p->zombie)
		return -ESRCH;
	if ((info.si_code >= 0 || info.si_code == SI_TKILL) && p != me)
		return -EPERM;
	if (!may_signal(me, p, sig))
		return -EPERM;
	if (!sig)
		return 0;
	info.si_signo = sig;
	return t ? signal_send_task_info(t, sig, &info) : signal_send_info(p, sig, &info);
}

long sys_rt_sigqueueinfo(int tgid, int sig, const struct siginfo *uinfo)
{
	if (tgid <= 0)
		return -EINVAL;
	return queue_info(tgid, 0, sig, uinfo);
}

long sys_rt_tgsigqueueinfo(int tgid, int tid, int sig, const struct siginfo *uinfo)
{
	if (tgid <= 0 || tid <= 0)
		return -EINVAL;
	return queue_info(tgid, tid, sig, uinfo);
}

bool signal_on_altstack(const struct task *t, uintptr_t sp)
{
	return t->sas_size && sp > t->sas_sp && sp - t->sas_sp <= t->sas_size;
}

/*
 * sigaltstack(2): the old setting (SS_ONSTACK while running on it,
 * SS_DISABLE when there is none); a new one may not be set while on it
 * (EPERM), takes ss_flags 0 or SS_DISABLE (EINVAL otherwise) and at least
 * MINSIGSTKSZ bytes (ENOMEM).
 */
long sys_sigaltstack(const struct k_sigaltstack *uss, struct k_sigaltstack *uold)
{
	struct task *t = current;
	bool on = signal_on_altstack(t, t->user_frame->rsp);
	struct k_sigaltstack old = {
		.ss_sp = (void *)t->sas_sp,
		.ss_size = t->sas_size,
		.ss_flags = on ? SS_ONSTACK : (t->sas_size ? 0 : SS_DISABLE),
	};
	if (uss) {
		struct k_sigaltstack ss;
		if (copy_from_user(&ss, uss, sizeof(ss)))
			return -EFAULT;
		if (on)
			return -EPERM;
		if (ss.ss_flags != 0 && ss.ss_flags != SS_DISABLE && ss.ss_flags != SS_ONSTACK)
			return -EINVAL;
		if (ss.ss_flags == SS_DISABLE) {
			t->sas_sp = 0;
			t->sas_size = 0;
		} else {
			if (ss.ss_size < MINSIGSTKSZ)
				return -ENOMEM;
			t->sas_sp = (uintptr_t)ss.ss_sp;
			t->sas_size = ss.ss_size;
		}
	}
	if (uold && copy_to_user(uold, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}
