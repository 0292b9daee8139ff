/*
 * Bringing up the filesystem tree at boot: ramfs as /, the built-in
 * character devices, and /dev with their nodes (until devfs exists).
 */
#include <fs/chrdev.h>
#include <fs/ext2fs.h>
#include <fs/fatfs.h>
#include <fs/ramfs.h>
#include <fs/vfs.h>
#include <panic.h>
#include <printk.h>

struct dev_node {
	const char *path;
	uint32_t mode;
	uint32_t major, minor;
};

static const struct dev_node dev_nodes[] = {
    {"/dev/console", S_IFCHR | 0600, TTYAUX_MAJOR, 1},
    {"/dev/tty", S_IFCHR | 0666, TTYAUX_MAJOR, 0},
    {"/dev/null", S_IFCHR | 0666, MEM_MAJOR, 3},
    {"/dev/zero", S_IFCHR | 0666, MEM_MAJOR, 5},
};

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
	memdev_init();
	console_dev_init();

	int err = vfs_mkdir(NULL, "/dev", 0755);
	if (err)
		pr_err("vfs: cannot create /dev (error %d)\n", err);
	for (size_t i = 0; i < ARRAY_SIZE(dev_nodes); i++) {
		const struct dev_node *d = &dev_nodes[i];
		err = vfs_mknod(NULL, d->path, d->mode, vfs_mkdev(d->major, d->minor));
		if (err)
			pr_err("vfs: cannot create %s (error %d)\n", d->path, err);
	}
	pr_info("vfs: ramfs on /, %zu device nodes in /dev\n", ARRAY_SIZE(dev_nodes));
}
