/*
 * Task allocation and kernel threads. A task's kernel stack is a buddy block;
 * the task structure itself comes from a slab cache.
 */
#include <arch/context.h>
#include <arch/mmu.h>
#include <errno.h>
#include <lib/string.h>
#include <mm/kstack.h>
#include <mm/pmm.h>
#include <mm/slab.h>
#include <proc/sched.h>
#include <proc/task.h>
#include <panic.h>
#include <printk.h>

static int next_tid = 1;
static unsigned nr_tasks;
static struct spinlock tid_lock = SPINLOCK_INIT("tid");
static struct task idle_tasks[MAX_CPUS];
LIST_HEAD(all_tasks);
struct spinlock all_tasks_lock = SPINLOCK_INIT("tasks");

/* Returns a new thread ID. FIXME: IDs are not reused; wrap-around needs a bitmap. */
int task_alloc_tid(void)
{
	unsigned long flags = spin_lock_irqsave(&tid_lock);
	int tid = next_tid++;
	spin_unlock_irqrestore(&tid_lock, flags);
	return tid;
}

/*
 * The most tasks the system runs at once, whoever owns them: their kernel
 * stacks may take at most a quarter of memory. This is what stops a fork
 * bomb started by root, whom RLIMIT_NPROC does not bind.
 */
unsigned task_limit(void)
{
	uint64_t pages = pmm_total_count() / 4 / (KSTACK_SIZE / PAGE_SIZE + 1);
	return (unsigned)MIN(MAX(pages, 64UL), 32768UL);
}

struct task *task_alloc(const char *name)
{
	if (nr_tasks >= task_limit()) {
		pr_warn("task: limit of %u tasks reached\n", task_limit());
		return NULL;
	}
	struct task *t = kzalloc(sizeof(*t));
	if (!t)
		return NULL;
	t->kstack = kstack_alloc();
	if (!t->kstack) {
		kfree(t);
		return NULL;
	}
	t->tid = task_alloc_tid();
	t->state = TASK_UNINTERRUPTIBLE;
	strlcpy(t->comm, name, sizeof(t->comm));
	list_init(&t->rq_link);
	list_init(&t->timer_link);
	list_init(&t->thread_link);
	arch_fpu_init(t);
	unsigned long flags = spin_lock_irqsave(&all_tasks_lock);
	list_add_tail(&t->all_link, &all_tasks);
	nr_tasks++;
	spin_unlock_irqrestore(&all_tasks_lock, flags);
	return t;
}

void task_free(struct task *t)
{
	unsigned long flags = spin_lock_irqsave(&all_tasks_lock);
	list_del(&t->all_link);
	nr_tasks--;
	spin_unlock_irqrestore(&all_tasks_lock, flags);
	kstack_free(t->kstack);
	kfree(t);
}

struct task *kthread_create(void (*fn)(void *), void *arg, const char *name)
{
	struct task *t = task_alloc(name);
	if (!t)
		return NULL;
	arch_context_init_kthread(t, fn, arg);
	t->state = TASK_RUNNING;
	sched_wake(t);
	return t;
}

void task_init_idle(unsigned cpu)
{
	struct task *t = &idle_tasks[cpu];
	t->tid = 0;
	t->state = TASK_RUNNING;
	t->cpu = cpu;
	strlcpy(t->comm, "idle", sizeof(t->comm));
	list_init(&t->rq_link);
	list_init(&t->timer_link);
	list_init(&t->thread_link);
	list_init(&t->all_link);
	cpus[cpu].cur = t;
}

bool task_is_idle(const struct task *t)
{
	return t >= &idle_tasks[0] && t < &idle_tasks[MAX_CPUS];
}

struct task *task_idle_of(unsigned cpu)
{
	return &idle_tasks[cpu];
}

void kthread_exit(void)
{
	arch_irq_disable();
	current->state = TASK_DEAD;
	schedule();
	panic("kthread_exit: a dead task was scheduled again");
}
