/* FAT32 (kernel/fs/fat/): the "vfat" filesystem type and the /boot mount. */
#ifndef CAIRN_FS_FATFS_H
#define CAIRN_FS_FATFS_H

struct super_block;

/* Registers the "vfat" filesystem type (fs/fstype.h). Called once at boot. */
void fat_register(void);
/* The fs_type mount: FAT32 on block device devname ("sdb1"); see fs/fstype.h. */
int fat_mount(const char *devname, unsigned long flags, const char *data,
	      struct super_block **out);
/*
 * Mounts the boot partition on /boot if that directory exists: boot=/dev/sdXN
 * from the command line, else partition 1 of the disk holding root_dev
 * ("sda2" gives "sda1"). Logs what it did either way.
 */
void fat_mount_boot(const char *root_dev);

#endif
