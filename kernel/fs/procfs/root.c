/*
 * /proc itself: the files of sys_files.c, "self" (a link to the caller's
 * PID) and a directory per process. readdir positions: 0 ".", 1 "..", then
 * 2 + i for file i, then "self", then PID_POS + pid for each process in
 * PID order, so a listing resumes correctly while processes come and go.
 */
#include <errno.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <proc/procinfo.h>
#include <proc/process.h>
#include <uapi/dirent.h>

#include "procfs.h"

#define PID_POS         0x10000
#define MAX_LISTED_PIDS 4096

static int self_link(int pid, int fd, char *buf, size_t size)
{
	(void)pid, (void)fd;
	struct process *p = current_proc();
	if (!p)
		return -ENOENT;
	char s[16];
	int n = ksnprintf(s, sizeof(s), "%d", p->pid);
	memcpy(buf, s, MIN((size_t)n, size));
	return n;
}

static const struct procfs_entry self_entry = {"self", S_IFLNK | 0777, NULL, self_link};

/* A decimal PID without sign or leading zeros, or 0. */
static int parse_pid(const char *name)
{
	if (name[0] < '1' || name[0] > '9')
		return 0;
	long v = 0;
	for (const char *c = name; *c; c++) {
		if (*c < '0' || *c > '9' || v > 0x3fffffff)
			return 0;
		v = v * 10 + (*c - '0');
	}
	return (int)v;
}

static int procfs_root_lookup(struct inode *dir, const char *name, struct inode **out)
{
	struct inode *inode = NULL;
	if (!strcmp(name, "..")) {
		*out = inode_get(dir);
		return 0;
	}
	for (size_t i = 0; i < procfs_nr_root_entries; i++) {
		if (!strcmp(name, procfs_root_entries[i].name)) {
			inode = procfs_entry_inode(dir->sb, &procfs_root_entries[i], 2 + i, 0);
			goto found;
		}
	}
	if (!strcmp(name, "self")) {
		inode = procfs_entry_inode(dir->sb, &self_entry, 2 + procfs_nr_root_entries, 0);
		goto found;
	}
	int pid = parse_pid(name);
	if (!pid)
		return -ENOENT;
	inode = procfs_pid_dir(dir->sb, pid);
	if (!inode)
		return -ENOENT;
found:
	if (!inode)
		return -ENOMEM;
	*out = inode;
	return 0;
}

static int procfs_root_readdir(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file->inode;
	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, dir->ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, dir->ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	for (size_t i = 0; i < procfs_nr_root_entries; i++) {
		const struct procfs_entry *e = &procfs_root_entries[i];
		if (ctx->pos != (int64_t)(2 + i))
			continue;
		if (!dir_emit(ctx, e->name, strlen(e->name), 2 + i, vfs_dt_type(e->mode)))
			return 0;
		ctx->pos = (int64_t)(3 + i);
	}
	if (ctx->pos == (int64_t)(2 + procfs_nr_root_entries)) {
		if (!dir_emit(ctx, "self", 4, 2 + procfs_nr_root_entries, DT_LNK))
			return 0;
		ctx->pos = PID_POS;
	}
	if (ctx->pos < PID_POS)
		ctx->pos = PID_POS;
	int *pids = kmalloc(MAX_LISTED_PIDS * sizeof(int));
	if (!pids)
		return -ENOMEM;
	size_t n = procinfo_pids(pids, MAX_LISTED_PIDS);
	for (size_t i = 0; i < n; i++) {
		if (PID_POS + (int64_t)pids[i] < ctx->pos)
			continue;
		char name[16];
		int len = ksnprintf(name, sizeof(name), "%d", pids[i]);
		if (!dir_emit(ctx, name, (size_t)len, procfs_pid_ino(pids[i], 0, -1), DT_DIR))
			break;
		ctx->pos = PID_POS + pids[i] + 1;
	}
	kfree(pids);
	return 0;
}

const struct inode_ops procfs_root_iops = {
    .lookup = procfs_root_lookup,
};

const struct file_ops procfs_root_fops = {
    .readdir = procfs_root_readdir,
};
