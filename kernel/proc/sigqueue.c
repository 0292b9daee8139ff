/*
 * The siginfo of pending signals. Each task keeps a list of queued siginfos,
 * oldest first, beside its pending bits: a standard signal (1..31) has at
 * most one entry (a second send while it is pending is merged, as POSIX
 * allows); a real-time signal (SIGRTMIN..SIGRTMAX) has one entry per send,
 * up to RLIMIT_SIGPENDING per thread, and its pending bit stays set while an
 * entry is queued. When no entry can be allocated a standard signal is
 * still made pending (its siginfo says SI_KERNEL); a real-time one is not.
 * Lists are changed with interrupts off: the terminal sends from its
 * interrupt handler.
 */
#include <arch/irqflags.h>
#include <errno.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <proc/process.h>
#include <proc/signal.h>
#include <proc/timer.h>
#include <uapi/signal.h>

struct sigqueue {
	struct sigqueue *next;
	struct siginfo info;
};

int sigqueue_add(struct task *t, int sig, const struct siginfo *info)
{
	bool rt = sig >= SIGRTMIN;
	if (!rt && (t->sig_pending & SIGMASK(sig)))
		return 0; /* merged with the pending one */
	if (rt && t->proc && t->sig_queued >= t->proc->rlimits[RLIMIT_SIGPENDING].rlim_cur)
		return -EAGAIN;
	struct sigqueue *q = kmalloc(sizeof(*q));
	if (!q)
		return rt ? -EAGAIN : 0;
	q->next = NULL;
	q->info = *info;
	q->info.si_signo = sig;
	unsigned long flags = arch_irq_save();
	struct sigqueue **tail = &t->sig_queue;
	while (*tail)
		tail = &(*tail)->next;
	*tail = q;
	t->sig_queued++;
	arch_irq_restore(flags);
	return 0;
}

void sigqueue_take(struct task *t, int sig, struct siginfo *info)
{
	unsigned long flags = arch_irq_save();
	struct sigqueue **pp = &t->sig_queue, *found = NULL;
	bool more = false;
	for (; *pp; pp = &(*pp)->next) {
		if ((*pp)->info.si_signo != sig)
			continue;
		found = *pp;
		*pp = found->next;
		break;
	}
	for (struct sigqueue *q = t->sig_queue; q; q = q->next)
		more |= q->info.si_signo == sig;
	if (found)
		t->sig_queued--;
	if (!more)
		t->sig_pending &= ~SIGMASK(sig);
	arch_irq_restore(flags);
	if (found) {
		*info = found->info;
		kfree(found);
		if (info->si_code == SI_TIMER && t->proc)
			posix_timer_dequeued(t->proc, info);
	} else {
		memset(info, 0, sizeof(*info));
		info->si_signo = sig;
		info->si_code = SI_KERNEL;
	}
}

void sigqueue_discard(struct task *t, int sig)
{
	unsigned long flags = arch_irq_save();
	struct sigqueue **pp = &t->sig_queue, *dead = NULL;
	while (*pp) {
		struct sigqueue *q = *pp;
		if (sig == 0 || q->info.si_signo == sig) {
			*pp = q->next;
			q->next = dead;
			dead = q;
			t->sig_queued--;
		} else {
			pp = &q->next;
		}
	}
	t->sig_pending &= sig ? ~SIGMASK(sig) : 0;
	arch_irq_restore(flags);
	while (dead) {
		struct sigqueue *q = dead;
		dead = q->next;
		kfree(q);
	}
}

bool sigqueue_has_timer(struct process *p, int sig, int timerid)
{
	struct task *t;
	list_for_each_entry(t, &p->threads, thread_link)
		for (struct sigqueue *q = t->sig_queue; q; q = q->next)
			if (q->info.si_signo == sig && q->info.si_code == SI_TIMER &&
			    q->info.si_timerid == timerid)
				return true;
	return false;
}
