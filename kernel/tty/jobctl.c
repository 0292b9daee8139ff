/*
 * Terminals and job control: the controlling terminal of a session, its
 * foreground process group, and the signals that keep background groups off
 * the terminal (POSIX "General Terminal Interface", 11.1.2-11.1.4).
 *
 * A session has at most one controlling terminal and a terminal controls at
 * most one session (tty->session). Each process keeps a pointer to its
 * session's terminal (process->ctty), inherited by fork and cleared by
 * setsid. Only the foreground group (tty->pgrp) may read; a background
 * reader gets SIGTTIN (EIO when it ignores or blocks it, or its group is
 * orphaned). With TOSTOP a background writer gets SIGTTOU (writes go on when
 * it ignores or blocks it). tcsetpgrp from the background gets SIGTTOU too.
 */
#include <errno.h>
#include <proc/process.h>
#include <proc/signal.h>
#include <tty.h>
#include <uaccess.h>
#include <uapi/fcntl.h>
#include <uapi/signal.h>

void tty_signal_fg(struct tty *tty, int sig)
{
	if (tty->pgrp > 0)
		pgrp_signal(tty->pgrp, sig);
}

/* Makes tty the controlling terminal of the caller's session (a leader's). */
static void set_ctty(struct tty *tty, struct process *me)
{
	tty->session = me->sid;
	tty->pgrp = me->pgid;
	me->ctty = tty;
}

void tty_open_ctty(struct tty *tty, int open_flags)
{
	struct process *me = current ? current_proc() : NULL;
	if (!me || (open_flags & O_NOCTTY) || me->sid != me->pid || me->ctty || tty->session)
		return;
	set_ctty(tty, me);
}

/* Sends sig to the caller's group: 0 to go on, -EIO, or -EINTR to retry after the stop. */
static int background_signal(int sig)
{
	struct process *me = current_proc();
	if (pgrp_is_orphaned(me->pgid, NULL))
		return -EIO;
	pgrp_signal(me->pgid, sig);
	return -EINTR;
}

static bool in_background(struct tty *tty, struct process *me)
{
	return me && me->ctty == tty && tty->session == me->sid && tty->pgrp != me->pgid;
}

int tty_check_read(struct tty *tty)
{
	struct process *me = current_proc();
	if (!in_background(tty, me))
		return 0;
	if (signal_ignored_or_blocked(current, SIGTTIN))
		return -EIO;
	return background_signal(SIGTTIN);
}

int tty_check_write(struct tty *tty)
{
	struct process *me = current_proc();
	if (!(tty->termios.c_lflag & TOSTOP) || !in_background(tty, me))
		return 0;
	if (signal_ignored_or_blocked(current, SIGTTOU))
		return 0;
	return background_signal(SIGTTOU);
}

/* Ends tty's control of its session: every member loses it. */
static void disassociate(struct tty *tty)
{
	struct process *p;
	list_for_each_entry(p, &all_processes, all_link)
		if (p->ctty == tty)
			p->ctty = NULL;
	tty->session = 0;
	tty->pgrp = 0;
}

void tty_session_leader_exit(struct tty *tty, int sid)
{
	if (tty->session != sid)
		return;
	int fg = tty->pgrp;
	disassociate(tty);
	if (fg > 0) {
		pgrp_signal(fg, SIGHUP);
		pgrp_signal(fg, SIGCONT);
	}
}

void tty_hangup(struct tty *tty)
{
	int fg = tty->pgrp, sid = tty->session;
	disassociate(tty);
	if (fg > 0) {
		pgrp_signal(fg, SIGHUP);
		pgrp_signal(fg, SIGCONT);
	}
	/* The leader's group is its session's id (a leader cannot leave it). */
	if (sid > 0 && sid != fg) {
		pgrp_signal(sid, SIGHUP);
		pgrp_signal(sid, SIGCONT);
	}
	unsigned long flags = spin_lock_irqsave(&tty->lock);
	tty->hungup = true;
	spin_unlock_irqrestore(&tty->lock, flags);
	wake_up(&tty->readers);
}

static long ioctl_sctty(struct tty *tty, unsigned long arg)
{
	struct process *me = current_proc();
	bool leader = me->sid == me->pid;
	if (leader && me->ctty == tty && tty->session == me->sid)
		return 0;
	if (!leader || me->ctty)
		return -EPERM;
	if (tty->session) {
		/* Stealing another session's terminal: root with arg 1 only. */
		if (arg != 1 || me->euid != 0)
			return -EPERM;
		disassociate(tty);
	}
	set_ctty(tty, me);
	return 0;
}

static long ioctl_notty(struct tty *tty)
{
	struct process *me = current_proc();
	if (me->ctty != tty)
		return -ENOTTY;
	if (me->sid == me->pid) {
		tty_session_leader_exit(tty, me->sid);
		return 0;
	}
	me->ctty = NULL;
	return 0;
}

static long ioctl_spgrp(struct tty *tty, unsigned long arg)
{
	struct process *me = current_proc();
	int pgrp;
	if (me->ctty != tty || tty->session != me->sid)
		return -ENOTTY;
	if (copy_from_user(&pgrp, (void *)arg, sizeof(pgrp)))
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	if (tty->pgrp != me->pgid && !signal_ignored_or_blocked(current, SIGTTOU)) {
		int err = background_signal(SIGTTOU);
		if (err)
			return err;
	}
	if (!pgrp_exists(pgrp, me->sid))
		return -EPERM;
	tty->pgrp = pgrp;
	return 0;
}

bool tty_jobctl_ioctl(struct tty *tty, unsigned int cmd, unsigned long arg, long *ret)
{
	struct process *me = current_proc();
	switch (cmd) {
	case TIOCSCTTY:
		*ret = ioctl_sctty(tty, arg);
		return true;
	case TIOCNOTTY:
		*ret = ioctl_notty(tty);
		return true;
	case TIOCGPGRP:
	case TIOCGSID:
		if (me->ctty != tty || tty->session != me->sid) {
			*ret = -ENOTTY;
			return true;
		}
		int v = cmd == TIOCGPGRP ? tty->pgrp : tty->session;
		*ret = copy_to_user((void *)arg, &v, sizeof(v));
		return true;
	case TIOCSPGRP:
		*ret = ioctl_spgrp(tty, arg);
		return true;
	default:
		return false;
	}
}
