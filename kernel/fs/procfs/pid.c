/*
 * /proc/PID: a fixed list of entries about one process, and /proc/PID/fd
 * with a link per open descriptor. Both find the process again on every
 * lookup and listing; once it has been reaped they are empty and lookups
 * fail with -ENOENT.
 */
#include <errno.h>
#include <fs/fdtable.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <proc/procinfo.h>
#include <uapi/dirent.h>

#include "procfs.h"

static const struct procfs_entry pid_entries[] = {
    {"stat", S_IFREG | 0444, procfs_show_pid_stat, NULL},
    {"status", S_IFREG | 0444, procfs_show_pid_status, NULL},
    {"cmdline", S_IFREG | 0444, procfs_show_pid_cmdline, NULL},
    {"comm", S_IFREG | 0444, procfs_show_pid_comm, NULL},
    {"environ", S_IFREG | 0400, procfs_show_pid_environ, NULL},
    {"maps", S_IFREG | 0444, procfs_show_pid_maps, NULL},
    {"exe", S_IFLNK | 0777, NULL, procfs_link_pid_exe},
    {"cwd", S_IFLNK | 0777, NULL, procfs_link_pid_cwd},
    {"root", S_IFLNK | 0777, NULL, procfs_link_pid_root},
    {"fd", S_IFDIR | 0500, NULL, NULL},
};

/* Entry numbers in inode numbers: 0 is the directory, 1 + i entry i, FD_ENTRY the fd links. */
#define FD_ENTRY 0xff

static bool process_exists(int pid)
{
	struct proc_info info;
	return procinfo_get(pid, &info) == 0;
}

struct inode *procfs_pid_dir(struct super_block *sb, int pid)
{
	if (!process_exists(pid))
		return NULL;
	return procfs_new_inode(sb, PROCFS_PID_DIR, S_IFDIR | 0555, procfs_pid_ino(pid, 0, -1), pid,
	                        -1);
}

static int procfs_pid_lookup(struct inode *dir, const char *name, struct inode **out)
{
	int pid = PROCFS_I(dir)->pid;
	if (!process_exists(pid))
		return -ENOENT;
	if (!strcmp(name, "..")) {
		*out = inode_get(dir->sb->root);
		return 0;
	}
	for (size_t i = 0; i < ARRAY_SIZE(pid_entries); i++) {
		if (strcmp(name, pid_entries[i].name))
			continue;
		struct inode *inode = procfs_entry_inode(dir->sb, &pid_entries[i],
		                                         procfs_pid_ino(pid, 1 + i, -1), pid);
		if (!inode)
			return -ENOMEM;
		*out = inode;
		return 0;
	}
	return -ENOENT;
}

static int procfs_pid_readdir(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file->inode;
	int pid = PROCFS_I(dir)->pid;
	if (!process_exists(pid))
		return 0;
	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, dir->ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, PROCFS_ROOT_INO, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	for (size_t i = (size_t)ctx->pos - 2; i < ARRAY_SIZE(pid_entries); i++) {
		const struct procfs_entry *e = &pid_entries[i];
		if (!dir_emit(ctx, e->name, strlen(e->name), procfs_pid_ino(pid, 1 + i, -1),
		              vfs_dt_type(e->mode)))
			return 0;
		ctx->pos = (int64_t)(3 + i);
	}
	return 0;
}

const struct inode_ops procfs_pid_iops = {
    .lookup = procfs_pid_lookup,
};

const struct file_ops procfs_pid_fops = {
    .readdir = procfs_pid_readdir,
};

/* /proc/PID/fd: "N" for each open descriptor, a link to what it is. */

static int parse_fd(const char *name)
{
	if (!name[0] || (name[0] == '0' && name[1]))
		return -1;
	int v = 0;
	for (const char *c = name; *c; c++) {
		if (*c < '0' || *c > '9' || v > 100000)
			return -1;
		v = v * 10 + (*c - '0');
	}
	return v;
}

static int procfs_fd_lookup(struct inode *dir, const char *name, struct inode **out)
{
	int pid = PROCFS_I(dir)->pid;
	if (!strcmp(name, "..")) {
		*out = procfs_pid_dir(dir->sb, pid);
		return *out ? 0 : -ENOENT;
	}
	int fd = parse_fd(name);
	if (fd < 0)
		return -ENOENT;
	struct file *f = procinfo_fd(pid, fd);
	if (!f)
		return -ENOENT;
	uint32_t mode = S_IFLNK | (file_readable(f) ? 0500 : 0) | (file_writable(f) ? 0200 : 0);
	file_put(f);
	struct inode *inode = procfs_new_inode(dir->sb, PROCFS_LINK, mode,
	                                       procfs_pid_ino(pid, FD_ENTRY, fd), pid, fd);
	if (!inode)
		return -ENOMEM;
	PROCFS_I(inode)->link = procfs_link_pid_fd;
	*out = inode;
	return 0;
}

/* Positions: 0 ".", 1 "..", then 2 + fd. */
static int procfs_fd_readdir(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file->inode;
	int pid = PROCFS_I(dir)->pid;
	if (!process_exists(pid))
		return 0;
	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, dir->ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, procfs_pid_ino(pid, 0, -1), DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	int *fds = kmalloc(FDTABLE_MAX * sizeof(int));
	if (!fds)
		return -ENOMEM;
	size_t n = procinfo_fds(pid, fds, FDTABLE_MAX);
	for (size_t i = 0; i < n; i++) {
		if (2 + (int64_t)fds[i] < ctx->pos)
			continue;
		char name[16];
		int len = ksnprintf(name, sizeof(name), "%d", fds[i]);
		if (!dir_emit(ctx, name, (size_t)len, procfs_pid_ino(pid, FD_ENTRY, fds[i]),
		              DT_LNK))
			break;
		ctx->pos = 2 + fds[i] + 1;
	}
	kfree(fds);
	return 0;
}

const struct inode_ops procfs_fd_iops = {
    .lookup = procfs_fd_lookup,
};

const struct file_ops procfs_fd_fops = {
    .readdir = procfs_fd_readdir,
};
