/*
 * Process groups and sessions. A process group is the set of processes with
 * the same pgid; a session the set with the same sid. Neither is an object of
 * its own: both are found by walking all_processes, which is short on this
 * system and keeps struct process additive (procfs reads pgid and sid).
 *
 * The rules are POSIX's: a process may move itself or a child that has not
 * exec'ed yet (EACCES after exec) into an existing group of its own session,
 * or make a new group named by the mover's PID; a session leader never moves;
 * setsid(2) fails for a group leader. Orphaned groups (no member with a
 * parent in another group of the same session) are the ones a shell no
 * longer controls: when a group becomes orphaned with stopped members, each
 * member gets SIGHUP then SIGCONT.
 */
#include <errno.h>
#include <proc/process.h>
#include <proc/signal.h>
#include <tty.h>
#include <uapi/signal.h>

/*
 * Whether a process group pgid exists (in session sid, if sid > 0). A zombie
 * still belongs to its group until it is reaped, as in Linux: a shell's
 * pipeline `echo x | cat` puts cat into echo's group, and echo may already
 * have exited when cat's setpgid() and tcsetpgrp() run.
 */
bool pgrp_exists(int pgid, int sid)
{
	struct process *p;
	list_for_each_entry(p, &all_processes, all_link)
		if (p->pgid == pgid && (sid <= 0 || p->sid == sid))
			return true;
	return false;
}

int pgrp_setpgid(int pid, int pgid)
{
	struct process *me = current_proc();
	if (pgid < 0)
		return -EINVAL;
	struct process *p = pid == 0 ? me : process_find(pid);
	if (!p || p->zombie || (p != me && p->parent != me))
		return -ESRCH;
	if (p != me) {
		if (p->sid != me->sid)
			return -EPERM;
		if (p->did_exec)
			return -EACCES;
	}
	if (p->sid == p->pid)
		return -EPERM; /* a session leader stays where it is */
	if (pgid == 0)
		pgid = p->pid;
	if (pgid != p->pid && !pgrp_exists(pgid, me->sid))
		return -EPERM;
	p->pgid = pgid;
	return 0;
}

int pgrp_setsid(void)
{
	struct process *me = current_proc();
	if (pgrp_exists(me->pid, 0))
		return -EPERM; /* a group leader (or a group named by our PID) exists */
	me->sid = me->pgid = me->pid;
	me->ctty = NULL;
	return me->sid;
}

bool pgrp_is_orphaned(int pgid, const struct process *ignore)
{
	struct process *p;
	list_for_each_entry(p, &all_processes, all_link)
	{
		if (p == ignore || p->zombie || p->pgid != pgid)
			continue;
		struct process *parent = p->parent;
		if (parent && parent != ignore && !parent->zombie && parent->pgid != pgid &&
		    parent->sid == p->sid)
			return false;
	}
	return true;
}

static bool pgrp_has_stopped(int pgid)
{
	struct process *p;
	list_for_each_entry(p, &all_processes, all_link)
		if (!p->zombie && p->pgid == pgid && p->stopped)
			return true;
	return false;
}

int pgrp_signal(int pgid, int sig)
{
	int err = -ESRCH;
	struct process *p;
	list_for_each_entry(p, &all_processes, all_link)
	{
		if (p->zombie || p->pgid != pgid)
			continue;
		signal_send(p, sig);
		err = 0;
	}
	return err;
}

/* q's group loses the link through "link" (q's parent, or q itself) when p exits. */
static void check_orphaned(struct process *q, struct process *link, struct process *p)
{
	if (!link || link->pgid == q->pgid || link->sid != q->sid)
		return;
	if (pgrp_is_orphaned(q->pgid, p) && pgrp_has_stopped(q->pgid)) {
		pgrp_signal(q->pgid, SIGHUP);
		pgrp_signal(q->pgid, SIGCONT);
	}
}

void pgrp_exit_orphans(struct process *p)
{
	check_orphaned(p, p->parent, p);
	struct process *c;
	list_for_each_entry(c, &p->children, sibling)
		if (!c->zombie)
			check_orphaned(c, p, p);
}
