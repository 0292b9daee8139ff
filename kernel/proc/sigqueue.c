/*
 * The siginfo of pending signals. Each task keeps a list of queued siginfos,
 * oldest first, beside its pending bits, and so does each process for the
 * signals sent to it as a whole (the shared set, taken by any thread that
 * does not block them; proc/signal.c): a standard signal (1..31) has at
 * most one entry (a second send while it is pending is merged, as POSIX
 * allows); a real-time signal (SIGRTMIN..SIGRTMAX) has one entry per send,
 * up to RLIMIT_SIGPENDING per set, and its pending bit stays set while an
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

/* One set of pending signals: a thread's own, or its process's shared one. */
struct pendset {
	uint64_t *pending;
	struct sigqueue **queue;
	unsigned *queued;
};

static struct pendset task_set(struct task *t)
{
	return (struct pendset){&t->sig_pending, &t->sig_queue, &t->sig_queued};
}

static struct pendset shared_set(struct process *p)
{
	return (struct pendset){&p->shared_pending, &p->shared_queue, &p->shared_queued};
}

uint64_t signal_pending_set(const struct task *t)
{
	return t->sig_pending | (t->proc ? t->proc->shared_pending : 0);
}

/* Queues info for sig in s (the caller sets the pending bit). */
static int pendset_add(struct pendset s, struct process *p, int sig, const struct siginfo *info)
{
	bool rt = sig >= SIGRTMIN;
	if (!rt && (*s.pending & SIGMASK(sig)))
		return 0; /* merged with the pending one */
	if (rt && p && *s.queued >= p->rlimits[RLIMIT_SIGPENDING].rlim_cur)
		return -EAGAIN;
	struct sigqueue *q = kmalloc(sizeof(*q));
	if (!q)
		return rt ? -EAGAIN : 0;
	q->next = NULL;
	q->info = *info;
	q->info.si_signo = sig;
	unsigned long flags = arch_irq_save();
	struct sigqueue **tail = s.queue;
	while (*tail)
		tail = &(*tail)->next;
	*tail = q;
	(*s.queued)++;
	arch_irq_restore(flags);
	return 0;
}

int sigqueue_add(struct task *t, int sig, const struct siginfo *info)
{
	return pendset_add(task_set(t), t->proc, sig, info);
}

int sigqueue_add_shared(struct process *p, int sig, const struct siginfo *info)
{
	int err = pendset_add(shared_set(p), p, sig, info);
	if (!err) {
		unsigned long flags = arch_irq_save();
		p->shared_pending |= SIGMASK(sig);
		arch_irq_restore(flags);
	}
	return err;
}

/* Takes the oldest entry of sig from s into *info; false when none was queued. */
static bool pendset_take(struct pendset s, int sig, struct siginfo *info)
{
	unsigned long flags = arch_irq_save();
	struct sigqueue **pp = s.queue, *found = NULL;
	bool more = false;
	for (; *pp; pp = &(*pp)->next) {
		if ((*pp)->info.si_signo != sig)
			continue;
		found = *pp;
		*pp = found->next;
		break;
	}
	for (struct sigqueue *q = *s.queue; q; q = q->next)
		more |= q->info.si_signo == sig;
	if (found)
		(*s.queued)--;
	if (!more)
		*s.pending &= ~SIGMASK(sig);
	arch_irq_restore(flags);
	if (!found)
		return false;
	*info = found->info;
	kfree(found);
	return true;
}

void sigqueue_take(struct task *t, int sig, struct siginfo *info)
{
	bool found;
	if ((t->sig_pending & SIGMASK(sig)) || !t->proc)
		found = pendset_take(task_set(t), sig, info);
	else
		found = pendset_take(shared_set(t->proc), sig, info);
	if (found) {
		if (info->si_code == SI_TIMER && t->proc)
			posix_timer_dequeued(t->proc, info);
	} else {
		memset(info, 0, sizeof(*info));
		info->si_signo = sig;
		info->si_code = SI_KERNEL;
	}
}

/* Drops every entry of sig (0: of every signal) from s, and the pending bits. */
static void pendset_discard(struct pendset s, int sig)
{
	unsigned long flags = arch_irq_save();
	struct sigqueue **pp = s.queue, *dead = NULL;
	while (*pp) {
		struct sigqueue *q = *pp;
		if (sig == 0 || q->info.si_signo == sig) {
			*pp = q->next;
			q->next = dead;
			dead = q;
			(*s.queued)--;
		} else {
			pp = &q->next;
		}
	}
	*s.pending &= sig ? ~SIGMASK(sig) : 0;
	arch_irq_restore(flags);
	while (dead) {
		struct sigqueue *q = dead;
		dead = q->next;
		kfree(q);
	}
}

void sigqueue_discard(struct task *t, int sig)
{
	pendset_discard(task_set(t), sig);
}

void sigqueue_discard_shared(struct process *p, int sig)
{
	pendset_discard(shared_set(p), sig);
}

void sigqueue_discard_all(struct process *p, int sig)
{
	struct task *t;
	list_for_each_entry(t, &p->threads, thread_link)
		sigqueue_discard(t, sig);
	sigqueue_discard_shared(p, sig);
}

static bool queue_has_timer(struct sigqueue *q, int sig, int timerid)
{
	for (; q; q = q->next)
		if (q->info.si_signo == sig && q->info.si_code == SI_TIMER &&
		    q->info.si_timerid == timerid)
			return true;
	return false;
}

bool sigqueue_has_timer(struct process *p, int sig, int timerid)
{
	struct task *t;
	list_for_each_entry(t, &p->threads, thread_link)
		if (queue_has_timer(t->sig_queue, sig, timerid))
			return true;
	return queue_has_timer(p->shared_queue, sig, timerid);
}
