/* Process group and session system calls: thin wrappers around proc/pgrp.c. */
#include <errno.h>
#include <proc/process.h>

long sys_setpgid(int pid, int pgid)
{
	if (pid < 0)
		return -EINVAL;
	return pgrp_setpgid(pid, pgid);
}

long sys_getpgid(int pid)
{
	if (pid < 0)
		return -ESRCH;
	struct process *p = pid ? process_find(pid) : current_proc();
	if (!p || p->zombie)
		return -ESRCH;
	return p->pgid;
}

long sys_getpgrp(void)
{
	return current_proc()->pgid;
}

long sys_setsid(void)
{
	return pgrp_setsid();
}

long sys_getsid(int pid)
{
	if (pid < 0)
		return -ESRCH;
	struct process *p = pid ? process_find(pid) : current_proc();
	if (!p || p->zombie)
		return -ESRCH;
	return p->sid;
}
