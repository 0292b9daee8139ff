/*
 * File locks (fs/locks.c): POSIX record locks, owned by processes, and
 * flock(2) locks, owned by open file descriptions. Advisory only: read and
 * write never look at them.
 */
#ifndef CAIRN_FS_LOCKS_H
#define CAIRN_FS_LOCKS_H

struct file;
struct flock;
struct inode;
struct process;

/*
 * fcntl(2) F_GETLK, F_SETLK or F_SETLKW on file with *fl (a kernel copy;
 * F_GETLK rewrites it). Returns 0, -EAGAIN (F_SETLK: another process holds
 * a conflicting lock), -EINTR (F_SETLKW interrupted), -EDEADLK (F_SETLKW
 * would wait for a process that waits for the caller), -EBADF (the access
 * mode does not allow the lock type), -EINVAL, -ENOLCK.
 */
int locks_fcntl(struct file *file, int cmd, struct flock *fl);
/* flock(2): LOCK_SH, LOCK_EX or LOCK_UN, with LOCK_NB; -EWOULDBLOCK, -EINTR, -EINVAL. */
int locks_flock(struct file *file, int op);
/* close(2) of any descriptor for inode drops p's record locks on it. */
void locks_close(struct process *p, struct inode *inode);
/* Exit drops every record lock of p. */
void locks_exit(struct process *p);
/* The last reference to file going drops its flock lock. */
void locks_release_file(struct file *file);

#endif
