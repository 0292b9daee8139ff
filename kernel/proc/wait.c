/* Wait queues (see proc/wait.h). */
#include <proc/sched.h>
#include <proc/wait.h>

void wait_queue_init(struct wait_queue *wq)
{
	spin_init(&wq->lock, "wq");
	list_init(&wq->waiters);
}

/*
 * Queues the current task on wq (w->link must start as an empty list) and
 * marks it sleeping. The caller checks its
 * condition afterwards, so a wake_up() between the check and schedule() is
 * not lost: it makes the task runnable again and schedule() returns at once.
 */
void prepare_to_wait(struct wait_queue *wq, struct waiter *w, bool interruptible)
{
	unsigned long flags = spin_lock_irqsave(&wq->lock);
	w->task = current;
	if (list_empty(&w->link))
		list_add_tail(&w->link, &wq->waiters);
	current->state = interruptible ? TASK_INTERRUPTIBLE : TASK_UNINTERRUPTIBLE;
	spin_unlock_irqrestore(&wq->lock, flags);
}

void finish_wait(struct wait_queue *wq, struct waiter *w)
{
	unsigned long flags = spin_lock_irqsave(&wq->lock);
	current->state = TASK_RUNNING;
	list_del(&w->link);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void wake_up(struct wait_queue *wq)
{
	unsigned long flags = spin_lock_irqsave(&wq->lock);
	struct waiter *w;
	list_for_each_entry(w, &wq->waiters, link)
		sched_wake(w->task);
	spin_unlock_irqrestore(&wq->lock, flags);
}
