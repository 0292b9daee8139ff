/*
 * The per-disk request queue (drivers/disk.h): a ticket lock whose waiters
 * sleep, so requests are served strictly in arrival order, plus the timed
 * wait for a command's completion interrupt.
 */
#include <drivers/disk.h>
#include <errno.h>
#include <proc/sched.h>
#include <proc/task.h>
#include <time.h>

void disk_queue_init(struct disk_queue *q)
{
	spin_init(&q->lock, "diskq");
	q->next_ticket = 0;
	q->serving = 0;
	wait_queue_init(&q->turn);
	wait_queue_init(&q->done);
	q->timeout_ns = DISK_TIMEOUT_NS;
	q->drop_next_completion = false;
	q->requests = 0;
}

static bool my_turn(struct disk_queue *q, uint64_t ticket)
{
	unsigned long flags = spin_lock_irqsave(&q->lock);
	bool yes = q->serving == ticket;
	spin_unlock_irqrestore(&q->lock, flags);
	return yes;
}

void disk_queue_enter(struct disk_queue *q)
{
	unsigned long flags = spin_lock_irqsave(&q->lock);
	uint64_t ticket = q->next_ticket++;
	spin_unlock_irqrestore(&q->lock, flags);
	wait_event(q->turn, my_turn(q, ticket));
}

void disk_queue_leave(struct disk_queue *q)
{
	unsigned long flags = spin_lock_irqsave(&q->lock);
	q->serving++;
	q->requests++;
	spin_unlock_irqrestore(&q->lock, flags);
	wake_up(&q->turn);
}

int disk_queue_wait(struct disk_queue *q, volatile bool *done)
{
	uint64_t deadline = clock_monotonic_ns() + q->timeout_ns;
	struct waiter w;
	list_init(&w.link);
	int err = 0;
	for (;;) {
		prepare_to_wait(&q->done, &w, false);
		if (*done)
			break;
		if (clock_monotonic_ns() >= deadline) {
			err = -ETIMEDOUT;
			break;
		}
		sched_timer_arm(current, deadline);
		schedule();
	}
	sched_timer_cancel(current);
	finish_wait(&q->done, &w);
	return err;
}
