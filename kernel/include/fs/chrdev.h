/*
 * Character devices: a registry from (major, minor) to the file ops that
 * serve a device node. Opening an S_IFCHR inode looks its rdev up here, so a
 * driver registers once and every filesystem's device nodes reach it.
 */
#ifndef CAIRN_FS_CHRDEV_H
#define CAIRN_FS_CHRDEV_H

#include <fs/vfs.h>
#include <types.h>

/* Linux's numbers for the devices Cairn has so far. */
#define MEM_MAJOR    1 /* 1,3 null; 1,5 zero; 1,7 full; 1,8 random; 1,9 urandom; 1,11 kmsg */
#define TTY_MAJOR    4 /* 4,N ttyN (N < 64); 4,64+N ttySN */
#define TTYAUX_MAJOR 5 /* 5,0 tty; 5,1 console; 5,2 ptmx */
#define PTS_MAJOR    136 /* 136,N /dev/pts/N (pty slaves) */
/* A minor that registers the whole major (its nodes come from elsewhere: devpts). */
#define CHRDEV_ALL_MINORS 0xffffffffu

/*
 * Registers fops for the device (minor CHRDEV_ALL_MINORS: every minor of
 * major not registered on its own); 0, -EBUSY when taken, -ENOMEM.
 */
int chrdev_register(uint32_t major, uint32_t minor, const struct file_ops *fops);
/* Returns the ops registered for a device number (vfs_mkdev encoding), or NULL. */
const struct file_ops *chrdev_lookup(uint64_t rdev);
/*
 * Copies the device numbers of at most max registered devices, in
 * registration order, into rdevs; returns how many (devfs lists them).
 */
size_t chrdev_list(uint64_t *rdevs, size_t max);
/*
 * Block device nodes (fs/block/blkdev_file.c): the file ops that read and
 * write the block device with number rdev, or NULL when there is none.
 * Opening an S_IFBLK inode looks here.
 */
const struct file_ops *blkdev_file_lookup(uint64_t rdev);

/* Built-in drivers, registered by vfs_init(). */
void memdev_init(void);      /* drivers/memdev.c: null, zero, full, random, urandom */
void kmsg_dev_init(void);    /* drivers/kmsg.c: kmsg */
void console_dev_init(void); /* drivers/console_dev.c: console, tty */
void pty_init(void);         /* tty/pty.c: ptmx, pts slaves, the devpts type */

#endif
