/*
 * Futexes. Waiters sit in a small hash of buckets keyed by the address
 * space and the user address of the word. FUTEX_WAIT checks the value and
 * queues itself under the bucket lock, so a FUTEX_WAKE that follows a change
 * of the value cannot be missed.
 *
 * FIXME: non-private futexes use the same key, so a futex in MAP_SHARED
 * memory does not wake waiters in another process yet (needs a physical key).
 */
#include <arch/mmu.h>
#include <errno.h>
#include <list.h>
#include <mm/vm.h>
#include <proc/futex.h>
#include <proc/sched.h>
#include <proc/signal.h>
#include <spinlock.h>
#include <time.h>
#include <uaccess.h>

#define FUTEX_BUCKETS 64

struct futex_waiter {
	uintptr_t key_a, key_b;
	struct task *task;
	bool woken;
	struct list_head link;
};

struct futex_bucket {
	struct spinlock lock;
	struct list_head waiters;
};

static struct futex_bucket buckets[FUTEX_BUCKETS];
static bool buckets_ready;

static struct futex_bucket *bucket_for(uintptr_t a, uintptr_t b)
{
	if (!buckets_ready) {
		for (int i = 0; i < FUTEX_BUCKETS; i++) {
			spin_init(&buckets[i].lock, "futex");
			list_init(&buckets[i].waiters);
		}
		buckets_ready = true;
	}
	uint64_t h = (a ^ (b >> 2)) * 0x9e3779b97f4a7c15ULL;
	return &buckets[h >> 58];
}

/* The key of a private futex: (address space, user address). */
static void private_key(struct mm *mm, uintptr_t uaddr, uintptr_t *a, uintptr_t *b)
{
	*a = (uintptr_t)mm;
	*b = uaddr;
}

int futex_wake(struct mm *mm, uintptr_t uaddr, int n)
{
	uintptr_t a, b;
	private_key(mm, uaddr, &a, &b);
	struct futex_bucket *bk = bucket_for(a, b);
	int woken = 0;
	unsigned long flags = spin_lock_irqsave(&bk->lock);
	struct futex_waiter *w, *tmp;
	list_for_each_entry_safe(w, tmp, &bk->waiters, link)
	{
		if (woken >= n)
			break;
		if (w->key_a == a && w->key_b == b) {
			list_del(&w->link);
			w->woken = true;
			sched_wake(w->task);
			woken++;
		}
	}
	spin_unlock_irqrestore(&bk->lock, flags);
	return woken;
}

int futex_wait(struct mm *mm, uint32_t *uaddr, uint32_t val, uint64_t deadline_ns)
{
	if ((uintptr_t)uaddr & 3)
		return -EINVAL;
	uintptr_t a, b;
	private_key(mm, (uintptr_t)uaddr, &a, &b);
	struct futex_bucket *bk = bucket_for(a, b);
	struct futex_waiter w = { .key_a = a, .key_b = b, .task = current };
	list_init(&w.link);

	/* Fault the word in first, so the check below does not fault under the lock. */
	uint32_t cur;
	if (copy_from_user(&cur, uaddr, sizeof(cur)))
		return -EFAULT;
	unsigned long flags = spin_lock_irqsave(&bk->lock);
	if (copy_from_user(&cur, uaddr, sizeof(cur))) {
		spin_unlock_irqrestore(&bk->lock, flags);
		return -EFAULT;
	}
	if (cur != val) {
		spin_unlock_irqrestore(&bk->lock, flags);
		return -EAGAIN;
	}
	list_add_tail(&w.link, &bk->waiters);
	current->state = TASK_INTERRUPTIBLE;
	spin_unlock_irqrestore(&bk->lock, flags);

	if (deadline_ns)
		sched_timer_arm(current, deadline_ns);
	if (!task_signal_pending())
		schedule();
	current->state = TASK_RUNNING;
	if (deadline_ns)
		sched_timer_cancel(current);

	flags = spin_lock_irqsave(&bk->lock);
	bool woken = w.woken;
	if (!woken)
		list_del(&w.link);
	spin_unlock_irqrestore(&bk->lock, flags);
	if (woken)
		return 0;
	if (task_signal_pending())
		return -EINTR;
	if (deadline_ns && clock_monotonic_ns() >= deadline_ns)
		return -ETIMEDOUT;
	return 0; /* a spurious wake-up: callers re-check the word */
}

int futex_requeue(struct mm *mm, uintptr_t uaddr, uintptr_t uaddr2, int n, int n2)
{
	int woken = futex_wake(mm, uaddr, n);
	uintptr_t a, b, a2, b2;
	private_key(mm, uaddr, &a, &b);
	private_key(mm, uaddr2, &a2, &b2);
	struct futex_bucket *from = bucket_for(a, b), *to = bucket_for(a2, b2);
	int moved = 0;
	/* Lock both buckets in address order. */
	struct futex_bucket *first = from < to ? from : to, *second = from < to ? to : from;
	unsigned long flags = spin_lock_irqsave(&first->lock);
	if (second != first)
		spin_lock(&second->lock);
	struct futex_waiter *w, *tmp;
	list_for_each_entry_safe(w, tmp, &from->waiters, link)
	{
		if (moved >= n2)
			break;
		if (w->key_a == a && w->key_b == b) {
			list_del(&w->link);
			w->key_a = a2;
			w->key_b = b2;
			list_add_tail(&w->link, &to->waiters);
			moved++;
		}
	}
	if (second != first)
		spin_unlock(&second->lock);
	spin_unlock_irqrestore(&first->lock, flags);
	return woken + moved;
}
