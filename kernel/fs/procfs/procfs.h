/*
 * procfs internals. Inodes are made afresh on every lookup and carry a
 * struct procfs_inode: what the node is (kind), and for the per-process
 * nodes the PID (and descriptor) it describes, looked up again on each use,
 * so a node of a process that has gone fails with -ENOENT rather than
 * showing stale data. Text files are generated whole when opened (a
 * snapshot, as Linux's seq_file gives for small files) and read from that
 * buffer.
 *
 * Layers: buf.c (the text buffer), inode.c (inodes, text files and links),
 * root.c (/proc), pid.c (/proc/PID and /proc/PID/fd), pid_files.c and
 * sys_files.c (the contents).
 */
#ifndef CAIRN_FS_PROCFS_PROCFS_H
#define CAIRN_FS_PROCFS_PROCFS_H

#include <fs/vfs.h>
#include <printk.h>

/* A growable text buffer. */
struct procfs_buf {
	char *data;
	size_t len, cap;
	bool failed; /* out of memory or over PROCFS_BUF_MAX: the text is cut */
};

#define PROCFS_BUF_MAX (1UL << 20)

void pbuf_printf(struct procfs_buf *b, const char *fmt, ...) __printf(2, 3);
void pbuf_write(struct procfs_buf *b, const void *data, size_t n);
void pbuf_free(struct procfs_buf *b);

/* Fills the text of a file; pid is the process's for per-process files. 0 or -Exxx. */
typedef int (*procfs_show_fn)(struct procfs_buf *b, int pid);
/* Writes a link's target (no NUL) into buf; returns its length or -Exxx. */
typedef int (*procfs_link_fn)(int pid, int fd, char *buf, size_t size);

enum procfs_kind {
	PROCFS_ROOT,
	PROCFS_FILE, /* a text file: show */
	PROCFS_LINK, /* a symlink: link */
	PROCFS_PID_DIR,
	PROCFS_FD_DIR,
};

struct procfs_inode {
	enum procfs_kind kind;
	int pid; /* 0 outside /proc/PID */
	int fd;  /* -1 except for /proc/PID/fd/N */
	procfs_show_fn show;
	procfs_link_fn link;
};

static inline struct procfs_inode *PROCFS_I(struct inode *inode)
{
	return inode->priv;
}

/* A named entry of a fixed directory (/proc's files, /proc/PID's). */
struct procfs_entry {
	const char *name;
	uint32_t mode; /* S_IFREG, S_IFLNK or S_IFDIR and permissions */
	procfs_show_fn show;
	procfs_link_fn link;
};

/*
 * inode.c: a new inode for kind with the given mode and number; pid and fd
 * as in struct procfs_inode. A per-process node is owned by the process's
 * effective user. NULL when out of memory.
 */
struct inode *procfs_new_inode(struct super_block *sb, enum procfs_kind kind, uint32_t mode,
                               uint64_t ino, int pid, int fd);
/* An inode for entry e of a fixed directory. */
struct inode *procfs_entry_inode(struct super_block *sb, const struct procfs_entry *e, uint64_t ino,
                                 int pid);

extern const struct file_ops procfs_text_fops;
extern const struct inode_ops procfs_link_iops;

/* root.c */
extern const struct inode_ops procfs_root_iops;
extern const struct file_ops procfs_root_fops;
/* pid.c */
extern const struct inode_ops procfs_pid_iops;
extern const struct file_ops procfs_pid_fops;
extern const struct inode_ops procfs_fd_iops;
extern const struct file_ops procfs_fd_fops;
/* The inode of /proc/PID, or NULL when there is no such process. */
struct inode *procfs_pid_dir(struct super_block *sb, int pid);

/* Inode numbers: the root is 1, /proc's files 2.., per-process nodes above. */
#define PROCFS_ROOT_INO 1
static inline uint64_t procfs_pid_ino(int pid, unsigned entry, int fd)
{
	return ((uint64_t)pid << 32) | ((uint64_t)entry << 16) | (uint64_t)(fd + 1);
}

/* pid_files.c */
int procfs_show_pid_stat(struct procfs_buf *b, int pid);
int procfs_show_pid_status(struct procfs_buf *b, int pid);
int procfs_show_pid_cmdline(struct procfs_buf *b, int pid);
int procfs_show_pid_environ(struct procfs_buf *b, int pid);
int procfs_show_pid_maps(struct procfs_buf *b, int pid);
int procfs_show_pid_comm(struct procfs_buf *b, int pid);
int procfs_link_pid_exe(int pid, int fd, char *buf, size_t size);
int procfs_link_pid_cwd(int pid, int fd, char *buf, size_t size);
int procfs_link_pid_root(int pid, int fd, char *buf, size_t size);
int procfs_link_pid_fd(int pid, int fd, char *buf, size_t size);

/* sys_files.c: the files in /proc itself. */
extern const struct procfs_entry procfs_root_entries[];
extern const size_t procfs_nr_root_entries;

#endif
