/*
 * Bringing up the filesystem tree at boot: ramfs as /, the filesystem
 * types mount(2) knows, and the built-in character devices. rootfs_mount()
 * (fs/rootfs.c) then chooses the root and mounts devtmpfs on its /dev.
 */
#include <cmdline.h>
#include <fs/chrdev.h>
#include <fs/dcache.h>
#include <fs/ext2fs.h>
#include <fs/fatfs.h>
#include <fs/devfs.h>
#include <fs/procfs.h>
#include <fs/ramfs.h>
#include <fs/tmpfs.h>
#include <fs/vfs.h>
#include <panic.h>
#include <printk.h>
#include <tty/vt.h>

/* Runs once; later calls do nothing. Call from a thread, before the first process. */
void vfs_init(void)
{
	if (vfs_root())
		return;
	if (ramfs_mount_root() < 0)
		panic("vfs: cannot mount the root ramfs");
	ramfs_register();
	ext2_register();
	fat_register();
	devfs_register();
	tmpfs_register();
	procfs_register();
	memdev_init();
	kmsg_dev_init();
	console_dev_init();
	vt_dev_init();
	pty_init();
	if (cmdline_has("nodcache")) /* for measuring what the dentry cache buys */
		dcache_set_enabled(false);
	pr_info("vfs: ramfs on /\n");
}
