/*
 * Wait queues: a task sleeps on a queue until a condition holds; whoever
 * makes the condition true calls wake_up(). The condition is re-checked after
 * every wake-up, so spurious wake-ups are harmless.
 */
#ifndef CAIRN_PROC_WAIT_H
#define CAIRN_PROC_WAIT_H

#include <list.h>
#include <spinlock.h>
#include <types.h>

struct task;

struct wait_queue {
	struct spinlock lock;
	struct list_head waiters;
};

struct waiter {
	struct task *task;
	struct list_head link;
};

#define WAIT_QUEUE_INIT(name) { SPINLOCK_INIT("wq"), LIST_HEAD_INIT((name).waiters) }

void wait_queue_init(struct wait_queue *wq);
/* Wakes every task sleeping on wq. Safe from interrupt handlers. */
void wake_up(struct wait_queue *wq);

/* Low-level steps of a sleep; wait_event*() below are the normal interface. */
void prepare_to_wait(struct wait_queue *wq, struct waiter *w, bool interruptible);
void finish_wait(struct wait_queue *wq, struct waiter *w);
/* True when the current task has a signal that should interrupt a sleep. */
bool task_signal_pending(void);
void schedule(void);

/*
 * Sleeps until cond is true. Returns 0, or -EINTR when a signal arrived first
 * (the _interruptible form only).
 */
#define wait_event(wq, cond)                                                     \
	do {                                                                     \
		struct waiter __w;                                               \
		list_init(&__w.link);                                            \
		for (;;) {                                                       \
			prepare_to_wait(&(wq), &__w, false);                     \
			if (cond)                                                \
				break;                                           \
			schedule();                                              \
		}                                                                \
		finish_wait(&(wq), &__w);                                        \
	} while (0)

#define wait_event_interruptible(wq, cond)                                       \
	({                                                                       \
		int __ret = 0;                                                   \
		struct waiter __w;                                               \
		list_init(&__w.link);                                            \
		for (;;) {                                                       \
			prepare_to_wait(&(wq), &__w, true);                      \
			if (cond)                                                \
				break;                                           \
			if (task_signal_pending()) {                             \
				__ret = -EINTR;                                  \
				break;                                           \
			}                                                        \
			schedule();                                              \
		}                                                                \
		finish_wait(&(wq), &__w);                                        \
		__ret;                                                           \
	})

#endif
