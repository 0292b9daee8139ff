/* Credential queries for permission checks and exec (proc/cred.h). */
#include <proc/cred.h>
#include <proc/process.h>
#include <proc/task.h>
#include <uapi/stat.h>

bool cred_in_group(const struct process *p, uint32_t gid)
{
	if (p->fsgid == gid)
		return true;
	for (int i = 0; i < p->ngroups; i++)
		if (p->groups[i] == gid)
			return true;
	return false;
}

bool cred_fs_root(const struct process *p)
{
	return !p || p->fsuid == 0;
}

void cred_exec_setid(struct process *p, uint32_t mode, uint32_t uid, uint32_t gid)
{
	if (mode & S_ISUID)
		p->euid = uid;
	/* Without group execute permission, S_ISGID marks mandatory locking instead. */
	if ((mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP))
		p->egid = gid;
	p->suid = p->euid;
	p->sgid = p->egid;
	p->fsuid = p->euid;
	p->fsgid = p->egid;
}

void cred_current_fs_ids(uint32_t *uid, uint32_t *gid)
{
	struct process *p = current ? current->proc : NULL;
	*uid = p ? p->fsuid : 0;
	*gid = p ? p->fsgid : 0;
}
