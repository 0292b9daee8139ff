/*
 * The scheduler.
 *
 * Each CPU has a run queue of runnable tasks other than the one running.
 * The next task is the one with the smallest virtual run time: a task's
 * vruntime grows by the time it runs, scaled by 1024 / weight, where the
 * weight comes from its nice value (Linux's table: each nice step is about
 * 10% of CPU). A task runs for SCHED_SLICE_NS before the timer asks for a
 * reschedule; the switch happens at the next safe point (return to user mode,
 * a sleep, or the idle loop), so kernel code is never preempted.
 *
 * FIXME: only CPU 0 schedules today (the APs idle); the per-CPU queues and
 * locks are ready for the others, which also need a "still on its CPU" check
 * before a task that was just switched out can run elsewhere.
 */
#include <arch/context.h>
#include <arch/cpu.h>
#include <arch/platform.h>
#include <errno.h>
#include <mm/vm.h>
#include <proc/process.h>
#include <proc/sched.h>
#include <proc/timer.h>
#include <spinlock.h>
#include <time.h>

struct runqueue {
	struct spinlock lock;
	struct list_head tasks;
	unsigned nr;
	uint64_t min_vruntime;
	bool need_resched;
};

static struct runqueue rqs[MAX_CPUS];
static LIST_HEAD(sleepers);
static struct spinlock sleepers_lock = SPINLOCK_INIT("sleepers");

static const uint32_t nice_weight[40] = {
	88761, 71755, 56483, 46273, 36291, 29154, 23254, 18705, 14949, 11916,
	9548,  7620,  6100,  4904,  3906,  3121,  2501,  1991,  1586,  1277,
	1024,  820,   655,   526,   423,   335,   272,   215,   172,   137,
	110,   87,    70,    56,    45,    36,    29,    23,    18,    15,
};

static uint32_t task_weight(const struct task *t)
{
	int n = t->nice < -20 ? -20 : (t->nice > 19 ? 19 : t->nice);
	return nice_weight[n + 20];
}

void sched_init(void)
{
	for (unsigned i = 0; i < MAX_CPUS; i++) {
		spin_init(&rqs[i].lock, "rq");
		list_init(&rqs[i].tasks);
	}
	task_init_idle(0);
}

/* Charges the running task for the time since it last started. */
static void account(struct task *t, uint64_t now)
{
	if (task_is_idle(t) || now <= t->last_run)
		return;
	uint64_t delta = now - t->last_run;
	t->vruntime += delta * 1024 / task_weight(t);
	t->last_run = now;
	if (t->proc)
		t->utime_ns += delta; /* FIXME: split user and system time at kernel entry */
}

static void enqueue(struct runqueue *rq, struct task *t)
{
	if (t->on_rq)
		return;
	/* A task that slept does not get to monopolise the CPU with an old vruntime. */
	uint64_t floor = rq->min_vruntime > SCHED_SLICE_NS ? rq->min_vruntime - SCHED_SLICE_NS : 0;
	if (t->vruntime < floor)
		t->vruntime = floor;
	list_add_tail(&t->rq_link, &rq->tasks);
	t->on_rq = true;
	rq->nr++;
}

static struct task *pick_next(struct runqueue *rq)
{
	struct task *best = NULL, *t;
	list_for_each_entry(t, &rq->tasks, rq_link)
		if (!best || t->vruntime < best->vruntime)
			best = t;
	if (best) {
		list_del(&best->rq_link);
		best->on_rq = false;
		rq->nr--;
		rq->min_vruntime = best->vruntime;
	}
	return best;
}

void sched_wake(struct task *t)
{
	struct runqueue *rq = &rqs[t->cpu];
	unsigned long flags = spin_lock_irqsave(&rq->lock);
	if (t->state != TASK_ZOMBIE && t->state != TASK_DEAD) {
		t->state = TASK_RUNNING;
		if (cpus[t->cpu].cur != t)
			enqueue(rq, t);
		if (task_is_idle(cpus[t->cpu].cur))
			rq->need_resched = true;
	}
	spin_unlock_irqrestore(&rq->lock, flags);
}

/* A task that exited is freed by whoever runs after it, off its stack. */
static struct task *dead_task[MAX_CPUS];

static void reap_dead(void)
{
	struct task **slot = &dead_task[this_cpu()->id];
	if (*slot) {
		task_free(*slot);
		*slot = NULL;
	}
}

/* First thing a new task does after its first switch-in (switch.asm). */
void sched_finish_switch(void)
{
	reap_dead();
	arch_irq_enable();
}

void schedule(void)
{
	unsigned long flags = arch_irq_save();
	struct cpu *c = this_cpu();
	struct runqueue *rq = &rqs[c->id];
	struct task *prev = c->cur;
	uint64_t now = clock_monotonic_ns();

	spin_lock(&rq->lock);
	account(prev, now);
	if (prev->state == TASK_RUNNING && !task_is_idle(prev))
		enqueue(rq, prev);
	/* A running prev was just queued, so an empty queue means: nothing but idle. */
	struct task *next = pick_next(rq);
	if (!next)
		next = task_idle_of(c->id);
	rq->need_resched = false;
	next->last_run = now;
	next->slice_end = now + SCHED_SLICE_NS;
	next->cpu = c->id;
	spin_unlock(&rq->lock);

	if (next != prev) {
		c->cur = next;
		if (prev->state == TASK_DEAD)
			dead_task[c->id] = prev;
		if (next->proc && next->proc->mm)
			mm_activate(next->proc->mm);
		arch_context_switch_prepare(prev, next);
		switch_context(&prev->ksp, next->ksp);
		reap_dead();
	}
	arch_irq_restore(flags);
}

void sched_tick(void)
{
	struct cpu *c = this_cpu();
	uint64_t now = clock_monotonic_ns();
	if (now >= c->cur->slice_end || task_is_idle(c->cur))
		rqs[c->id].need_resched = rqs[c->id].nr > 0 || !task_is_idle(c->cur);
	if (c->cur->proc)
		itimer_charge_cpu(c->cur->proc, NSEC_PER_SEC / HZ);
	if (c->id != 0)
		return;
	ktimer_tick(now);
	/* Wake the sleepers whose time has come. */
	spin_lock(&sleepers_lock);
	struct task *t, *tmp;
	list_for_each_entry_safe(t, tmp, &sleepers, timer_link)
	{
		if (t->wake_at <= now) {
			list_del(&t->timer_link);
			sched_wake(t);
		}
	}
	spin_unlock(&sleepers_lock);
}

bool sched_need_resched(void)
{
	return rqs[this_cpu()->id].need_resched;
}

int sched_sleep_ns(uint64_t ns)
{
	uint64_t until = clock_monotonic_ns() + ns;
	int err = 0;
	while (clock_monotonic_ns() < until) {
		if (task_signal_pending()) {
			err = -EINTR;
			break;
		}
		unsigned long flags = spin_lock_irqsave(&sleepers_lock);
		current->wake_at = until;
		current->state = TASK_INTERRUPTIBLE;
		if (list_empty(&current->timer_link))
			list_add_tail(&current->timer_link, &sleepers);
		spin_unlock_irqrestore(&sleepers_lock, flags);
		schedule();
	}
	unsigned long flags = spin_lock_irqsave(&sleepers_lock);
	list_del(&current->timer_link);
	current->wake_at = 0;
	current->state = TASK_RUNNING;
	spin_unlock_irqrestore(&sleepers_lock, flags);
	return err;
}

void sched_yield(void)
{
	/* Give up the rest of the slice: move behind the other runnable tasks. */
	struct runqueue *rq = &rqs[this_cpu()->id];
	unsigned long flags = spin_lock_irqsave(&rq->lock);
	struct task *t;
	uint64_t max = current->vruntime;
	list_for_each_entry(t, &rq->tasks, rq_link)
		if (t->vruntime > max)
			max = t->vruntime;
	current->vruntime = max;
	spin_unlock_irqrestore(&rq->lock, flags);
	schedule();
}

unsigned sched_nr_running(void)
{
	unsigned n = 0;
	for (unsigned i = 0; i < MAX_CPUS; i++)
		n += rqs[i].nr;
	return n;
}

void sched_idle_loop(void)
{
	for (;;) {
		arch_irq_disable();
		if (rqs[this_cpu()->id].nr > 0) {
			arch_irq_enable();
			schedule();
			continue;
		}
		arch_idle_wait();
	}
}

void sched_timer_arm(struct task *t, uint64_t deadline_ns)
{
	unsigned long flags = spin_lock_irqsave(&sleepers_lock);
	t->wake_at = deadline_ns;
	if (list_empty(&t->timer_link))
		list_add_tail(&t->timer_link, &sleepers);
	spin_unlock_irqrestore(&sleepers_lock, flags);
}

void sched_timer_cancel(struct task *t)
{
	unsigned long flags = spin_lock_irqsave(&sleepers_lock);
	list_del(&t->timer_link);
	t->wake_at = 0;
	spin_unlock_irqrestore(&sleepers_lock, flags);
}
