/*
 * tmpfs: a ramfs instance (fs/ramfs/) with a page limit from its mount
 * options (options.c). ramfs charges every file page against the limit,
 * fails writes with -ENOSPC when it is reached, and reports the usage to
 * statfs with TMPFS_MAGIC.
 */
#include <errno.h>
#include <fs/fstype.h>
#include <fs/ramfs.h>
#include <fs/tmpfs.h>
#include <fs/vfs.h>
#include <mm/pmm.h>
#include <printk.h>
#include <uapi/statfs.h>

static int tmpfs_mount(const char *source, unsigned long flags, const char *data,
                       struct super_block **out)
{
	(void)source, (void)flags;
	struct tmpfs_options opts;
	int err = tmpfs_parse_options(data, pmm_total_count(), &opts);
	if (err) {
		pr_info("tmpfs: bad options \"%s\"\n", data);
		return err;
	}
	struct super_block *sb =
	    ramfs_create_fs("tmpfs", TMPFS_MAGIC, opts.max_pages, S_IFDIR | opts.mode);
	if (!sb)
		return -ENOMEM;
	sb->root->uid = opts.uid;
	sb->root->gid = opts.gid;
	sb->flags |= SB_DCACHE; /* its names change only through the VFS */
	ramfs_free_on_umount(sb);
	*out = sb;
	return 0;
}

static struct fs_type tmpfs_type = {.name = "tmpfs", .mount = tmpfs_mount};

void tmpfs_register(void)
{
	fs_type_register(&tmpfs_type);
}
