/*
 * Credentials: a process's real, effective, saved and filesystem user and
 * group ids and its supplementary groups (fields of struct process). File
 * permission checks (fs/permission.c) use the filesystem ids, which follow
 * the effective ids unless setfsuid/setfsgid changed them; "root" there
 * means fsuid 0, which bypasses permission bits as Linux's CAP_DAC_OVERRIDE
 * does. Privilege for changing ids is an effective uid of 0.
 */
#ifndef CAIRN_PROC_CRED_H
#define CAIRN_PROC_CRED_H

#include <types.h>

struct process;

/* Whether gid is p's filesystem group or one of its supplementary groups. */
bool cred_in_group(const struct process *p, uint32_t gid);
/* Whether p is privileged for files (fsuid 0); kernel threads (p NULL) are. */
bool cred_fs_root(const struct process *p);
/* The caller's filesystem ids, the owner of files it creates (0, 0 in kernel threads). */
void cred_current_fs_ids(uint32_t *uid, uint32_t *gid);
/*
 * execve of a set-user-ID or set-group-ID file: the effective (and saved
 * and filesystem) ids become the file's owner or group. The real ids stay.
 */
void cred_exec_setid(struct process *p, uint32_t mode, uint32_t uid, uint32_t gid);

#endif
