/*
 * The /boot mount at boot: the image's first partition holds GRUB and the
 * kernel on FAT32 (boot/mkimage.sh). rootfs.c calls this once the root
 * filesystem is up.
 */
#include <cmdline.h>
#include <fs/fatfs.h>
#include <fs/mount.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <printk.h>

void fat_mount_boot(const char *root_dev)
{
	char dev[32];
	if (!cmdline_get("boot", dev, sizeof(dev))) {
		/* The root's disk, partition 1: "sda2" -> "/dev/sda1". */
		size_t n = strlen(root_dev);
		while (n > 0 && root_dev[n - 1] >= '0' && root_dev[n - 1] <= '9')
			n--;
		if (n == 0 || n + 6 >= sizeof(dev)) {
			pr_warn("boot: cannot tell the boot partition from %s\n", root_dev);
			return;
		}
		memcpy(dev, "/dev/", 5);
		memcpy(dev + 5, root_dev, n);
		strlcpy(dev + 5 + n, "1", sizeof(dev) - 5 - n);
	}
	struct inode *dir;
	int err = vfs_lookup("/boot", LOOKUP_FOLLOW, &dir);
	bool is_dir = !err && S_ISDIR(dir->mode);
	if (!err)
		inode_put(dir);
	if (!is_dir) {
		pr_info("boot: no /boot directory; %s is not mounted\n", dev);
		return;
	}
	err = vfs_mount_fs(dev, "/boot", "vfat", 0, NULL);
	if (err)
		pr_warn("boot: cannot mount %s on /boot (vfat, error %d)\n", dev, err);
	/* On success the VFS logs "vfs: /dev/sdXN (vfat) mounted on /boot". */
}
