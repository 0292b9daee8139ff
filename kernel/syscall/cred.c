/*
 * The user and group id calls: get/set of the real, effective, saved and
 * filesystem ids and the supplementary groups, with Linux's rules for
 * unprivileged callers (an effective uid of 0 is privileged). The uid and
 * gid families share one implementation over a struct id_set.
 */
#include <errno.h>
#include <proc/process.h>
#include <uaccess.h>

#define ID_KEEP ((uint32_t)-1)

/* The four ids of one family (user or group) of a process. */
struct id_set {
	uint32_t *r, *e, *s, *fs;
};

static struct id_set uids(struct process *p)
{
	return (struct id_set){&p->uid, &p->euid, &p->suid, &p->fsuid};
}

static struct id_set gids(struct process *p)
{
	return (struct id_set){&p->gid, &p->egid, &p->sgid, &p->fsgid};
}

static bool privileged(void)
{
	return current_proc()->euid == 0;
}

/* Whether an unprivileged caller may take id: one of its real, effective or saved ids. */
static bool is_own(struct id_set ids, uint32_t id)
{
	return id == *ids.r || id == *ids.e || id == *ids.s;
}

static long set_id(struct id_set ids, uint32_t id)
{
	if (privileged()) {
		*ids.r = *ids.e = *ids.s = id;
	} else if (id == *ids.r || id == *ids.s) {
		*ids.e = id;
	} else {
		return -EPERM;
	}
	*ids.fs = *ids.e;
	return 0;
}

static long set_re_id(struct id_set ids, uint32_t r, uint32_t e)
{
	uint32_t old_r = *ids.r;
	if (!privileged()) {
		if (r != ID_KEEP && r != *ids.r && r != *ids.e)
			return -EPERM;
		if (e != ID_KEEP && !is_own(ids, e))
			return -EPERM;
	}
	if (r != ID_KEEP)
		*ids.r = r;
	if (e != ID_KEEP)
		*ids.e = e;
	/* As Linux: the saved id follows a changed real id or an effective id set apart from it. */
	if (r != ID_KEEP || (e != ID_KEEP && e != old_r))
		*ids.s = *ids.e;
	*ids.fs = *ids.e;
	return 0;
}

static long set_res_id(struct id_set ids, uint32_t r, uint32_t e, uint32_t s)
{
	if (!privileged()) {
		if ((r != ID_KEEP && !is_own(ids, r)) || (e != ID_KEEP && !is_own(ids, e)) ||
		    (s != ID_KEEP && !is_own(ids, s)))
			return -EPERM;
	}
	if (r != ID_KEEP)
		*ids.r = r;
	if (e != ID_KEEP)
		*ids.e = e;
	if (s != ID_KEEP)
		*ids.s = s;
	*ids.fs = *ids.e;
	return 0;
}

static long get_res_id(struct id_set ids, uint32_t *r, uint32_t *e, uint32_t *s)
{
	if (copy_to_user(r, ids.r, sizeof(*r)) || copy_to_user(e, ids.e, sizeof(*e)) ||
	    copy_to_user(s, ids.s, sizeof(*s)))
		return -EFAULT;
	return 0;
}

/* setfsuid/setfsgid return the old id whether or not they changed it. */
static long set_fs_id(struct id_set ids, uint32_t id)
{
	uint32_t old = *ids.fs;
	if (privileged() || is_own(ids, id) || id == *ids.fs)
		*ids.fs = id;
	return old;
}

long sys_getuid(void) { return current_proc()->uid; }
long sys_geteuid(void) { return current_proc()->euid; }
long sys_getgid(void) { return current_proc()->gid; }
long sys_getegid(void) { return current_proc()->egid; }

long sys_setuid(uint32_t uid) { return set_id(uids(current_proc()), uid); }
long sys_setgid(uint32_t gid) { return set_id(gids(current_proc()), gid); }

long sys_setreuid(uint32_t r, uint32_t e) { return set_re_id(uids(current_proc()), r, e); }
long sys_setregid(uint32_t r, uint32_t e) { return set_re_id(gids(current_proc()), r, e); }

long sys_setresuid(uint32_t r, uint32_t e, uint32_t s)
{
	return set_res_id(uids(current_proc()), r, e, s);
}

long sys_setresgid(uint32_t r, uint32_t e, uint32_t s)
{
	return set_res_id(gids(current_proc()), r, e, s);
}

long sys_getresuid(uint32_t *r, uint32_t *e, uint32_t *s)
{
	return get_res_id(uids(current_proc()), r, e, s);
}

long sys_getresgid(uint32_t *r, uint32_t *e, uint32_t *s)
{
	return get_res_id(gids(current_proc()), r, e, s);
}

long sys_setfsuid(uint32_t uid) { return set_fs_id(uids(current_proc()), uid); }
long sys_setfsgid(uint32_t gid) { return set_fs_id(gids(current_proc()), gid); }

long sys_getgroups(int size, uint32_t *list)
{
	struct process *p = current_proc();
	if (size < 0)
		return -EINVAL;
	if (size == 0)
		return p->ngroups;
	if (size < p->ngroups)
		return -EINVAL;
	if (copy_to_user(list, p->groups, p->ngroups * sizeof(uint32_t)))
		return -EFAULT;
	return p->ngroups;
}

long sys_setgroups(int size, const uint32_t *list)
{
	struct process *p = current_proc();
	if (!privileged())
		return -EPERM;
	if (size < 0 || size > CRED_NGROUPS)
		return -EINVAL;
	uint32_t groups[CRED_NGROUPS];
	if (copy_from_user(groups, list, size * sizeof(uint32_t)))
		return -EFAULT;
	for (int i = 0; i < size; i++)
		p->groups[i] = groups[i];
	p->ngroups = size;
	return 0;
}
