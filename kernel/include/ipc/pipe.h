/*
 * Pipes: a 64 KiB ring buffer between a read end and a write end. Reads
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

/* The file operations of a FIFO (named pipe) inode; vfs_open_inode uses them (ipc/fifo.c). */
struct file_ops;
extern const struct file_ops fifo_fops;

#endif
