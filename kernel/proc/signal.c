/*
 * Signal state of tasks. This issue needs only the pending/blocked sets and
 * the fatal default actions; handlers, queues and the full sigaction set
 * arrive with the signals issue.
 */
#include <proc/task.h>

bool task_signal_pending(void)
{
	struct task *t = current;
	return (t->sig_pending & ~t->sig_blocked) != 0;
}
