/*
 * System V IPC ids, keys and permissions (ipc/sysv.h). An id is
 * seq * 32768 + index, as in Linux: the index is the lowest free slot and
 * seq changes at every creation, so an id that outlived its object rarely
 * names a new one.
 */
#include <errno.h>
#include <ipc/sysv.h>
#include <proc/cred.h>
#include <proc/process.h>

#define IPC_MNI 32768

struct ipc_obj *ipc_find_key(struct ipc_ids *ids, int key)
{
	struct ipc_obj *o;
	if (key == IPC_PRIVATE)
		return NULL;
	list_for_each_entry(o, &ids->objs, link)
		if (o->perm.key == key)
			return o;
	return NULL;
}

struct ipc_obj *ipc_find_id(struct ipc_ids *ids, int id)
{
	struct ipc_obj *o;
	if (id < 0)
		return NULL;
	list_for_each_entry(o, &ids->objs, link)
		if (o->id == id)
			return o;
	return NULL;
}

static bool index_used(struct ipc_ids *ids, int idx)
{
	struct ipc_obj *o;
	list_for_each_entry(o, &ids->objs, link)
		if (o->id % IPC_MNI == idx)
			return true;
	return false;
}

int ipc_add(struct ipc_ids *ids, struct ipc_obj *obj, int key, int flags)
{
	if (ids->count >= ids->max)
		return -ENOSPC;
	int idx = 0;
	while (index_used(ids, idx))
		idx++;
	struct process *p = current_proc();
	obj->perm = (struct ipc64_perm){ 0 };
	obj->perm.key = key;
	obj->perm.uid = obj->perm.cuid = p ? p->euid : 0;
	obj->perm.gid = obj->perm.cgid = p ? p->egid : 0;
	obj->perm.mode = flags & 0777;
	obj->perm.seq = ids->seq;
	obj->id = (int)ids->seq * IPC_MNI + idx;
	ids->seq = (ids->seq + 1) % (0x7fffffff / IPC_MNI);
	list_add_tail(&obj->link, &ids->objs);
	ids->count++;
	return 0;
}

void ipc_remove(struct ipc_ids *ids, struct ipc_obj *obj)
{
	list_del(&obj->link);
	list_init(&obj->link);
	ids->count--;
}

int ipc_check_perm(const struct ipc_obj *obj, int flag)
{
	struct process *p = current_proc();
	if (!p || p->euid == 0)
		return 0;
	int requested = ((flag >> 6) | (flag >> 3) | flag) & 07;
	int granted = obj->perm.mode;
	if (p->euid == obj->perm.uid || p->euid == obj->perm.cuid)
		granted >>= 6;
	else if (cred_in_group(p, obj->perm.gid) || cred_in_group(p, obj->perm.cgid))
		granted >>= 3;
	return (requested & ~granted & 07) ? -EACCES : 0;
}

bool ipc_is_owner(const struct ipc_obj *obj)
{
	struct process *p = current_proc();
	return !p || p->euid == 0 || p->euid == obj->perm.uid || p->euid == obj->perm.cuid;
}

int ipc_set_perm(struct ipc_obj *obj, const struct ipc64_perm *in)
{
	if (!ipc_is_owner(obj))
		return -EPERM;
	obj->perm.uid = in->uid;
	obj->perm.gid = in->gid;
	obj->perm.mode = (obj->perm.mode & ~0777u) | (in->mode & 0777);
	return 0;
}

struct ipc_obj *ipc_lookup(struct ipc_ids *ids, int key, int flags, int *err)
{
	*err = 0;
	if (key == IPC_PRIVATE)
		return NULL;
	struct ipc_obj *o = ipc_find_key(ids, key);
	if (!o) {
		if (!(flags & IPC_CREAT))
			*err = -ENOENT;
		return NULL;
	}
	if ((flags & IPC_CREAT) && (flags & IPC_EXCL))
		*err = -EEXIST;
	else
		*err = ipc_check_perm(o, flags & 0777);
	return *err ? NULL : o;
}
