/*
 * Pipes: a ring buffer (64 KiB unless F_SETPIPE_SZ changes it) between a read end and a write end. Reads
 * block while the pipe is empty and there is a writer; writes block while it
 * is full and there is a reader. Writes of at most PIPE_BUF bytes are atomic.
 */
#ifndef CAIRN_IPC_PIPE_H
#define CAIRN_IPC_PIPE_H

struct file;

#define PIPE_ORDER 4                       /* the ring is 2^4 pages, */
#define PIPE_SIZE (4096 << PIPE_ORDER)     /* 64 KiB, as Linux's default */

/*
 * Creates a pipe and returns its two ends, each with one reference; flags
 * may hold O_NONBLOCK, which both ends get. 0, -EINVAL (other flags) or -ENOMEM.
 */
int pipe_create(int flags, struct file **read_end, struct file **write_end);

/*
 * fcntl F_GETPIPE_SZ and F_SETPIPE_SZ on a pipe or FIFO file (-EBADF for
 * other files). F_SETPIPE_SZ rounds arg up to a power-of-two number of
 * pages (at least one) and returns the new size: -EBUSY when more is queued
 * than fits, -EPERM above PIPE_MAX_SIZE unless root (Linux's
 * /proc/sys/fs/pipe-max-size), -ENOMEM above PIPE_SIZE_LIMIT or without memory.
 */
#define PIPE_MAX_SIZE (1024 * 1024)
#define PIPE_SIZE_LIMIT (16 * 1024 * 1024)
long pipe_fcntl(struct file *file, int cmd, unsigned long arg);

/* The file operations of a FIFO (named pipe) inode; vfs_open_inode uses them (ipc/fifo.c). */
struct file_ops;
extern const struct file_ops fifo_fops;

#endif
