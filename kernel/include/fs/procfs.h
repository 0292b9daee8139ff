/*
 * procfs (filesystem type "proc"): processes and kernel state as text files
 * in Linux's formats, for ps, top, free, mount, df and friends. See
 * docs/filesystems.md for the files.
 */
#ifndef CAIRN_FS_PROCFS_H
#define CAIRN_FS_PROCFS_H

/* Registers the "proc" filesystem type. Call from vfs_init(). */
void procfs_register(void);

#endif
