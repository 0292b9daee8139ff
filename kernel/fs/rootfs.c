/*
 * Choosing the root filesystem at boot. With an initrd, the ramfs it was
 * unpacked into stays the root. Otherwise root=/dev/<device> names a block
 * device holding ext2, which becomes "/" (read-write unless the command
 * line says "ro"). If that fails the ramfs stays the root and the reason
 * is logged. Whichever root it is, devtmpfs (fs/devfs.h) is mounted on its
 * /dev.
 */
#include <boot.h>
#include <cmdline.h>
#include <errno.h>
#include <fs/devfs.h>
#include <fs/fstype.h>
#include <fs/ext2fs.h>
#include <fs/fatfs.h>
#include <fs/mount.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <printk.h>
#include <uapi/mount.h>

/* Mounts devtmpfs on the root's /dev, creating the directory if it can. */
static void rootfs_mount_dev(void)
{
	int err = devfs_mount("/dev");
	if (err)
		pr_err("rootfs: cannot mount devtmpfs on /dev (error %d)\n", err);
}

void rootfs_mount(void)
{
	if (boot_info.nr_modules > 0 && !cmdline_has("noinitrd")) {
		vfs_mount_root(vfs_root(), "ramfs", "initrd", 0);
		rootfs_mount_dev();
		return;
	}
	char root[48];
	if (!cmdline_get("root", root, sizeof(root)) || strncmp(root, "/dev/", 5)) {
		pr_warn("rootfs: no root= device; the root stays in memory\n");
		vfs_mount_root(vfs_root(), "ramfs", "none", 0);
		rootfs_mount_dev();
		return;
	}
	struct super_block *sb;
	struct fs_type *type = fs_type_find("ext2");
	unsigned long flags = cmdline_has("ro") ? MS_RDONLY : 0;
	int err = type ? type->mount(root + 5, flags, NULL, &sb) : -ENODEV;
	if (err) {
		pr_err("rootfs: cannot mount %s (error %d); the root stays in memory\n", root, err);
		vfs_mount_root(vfs_root(), "ramfs", "none", 0);
		rootfs_mount_dev();
		return;
	}
	vfs_mount_root(sb->root, "ext2", root, (sb->flags & SB_RDONLY) ? MNT_READONLY : 0);
	rootfs_mount_dev();
	pr_notice("rootfs: %s (ext2) is the root filesystem\n", root);
	fat_mount_boot(root + 5);
}
