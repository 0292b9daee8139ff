/*
 * Writing filesystems back: sync(2), syncfs(2), fsync(2) through each super
 * block's sync_fs op, statfs(2) through its statfs op, and the last sync
 * before the machine powers off.
 */
#include <errno.h>
#include <fs/mount.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <printk.h>
#include <uapi/statfs.h>

struct sync_state {
	int err;
};

static void sync_one(const struct mount *m, void *arg)
{
	struct sync_state *st = arg;
	struct super_block *sb = m->sb;
	if (!sb || !sb->ops || !sb->ops->sync_fs || (sb->flags & SB_RDONLY))
		return;
	int err = sb->ops->sync_fs(sb);
	if (err) {
		pr_warn("vfs: syncing %s failed (error %d)\n", m->target, err);
		if (!st->err)
			st->err = err;
	}
}

int vfs_sync_all(void)
{
	struct sync_state st = {0};
	mount_for_each(sync_one, &st);
	return st.err;
}

int vfs_sync_inode(struct inode *inode)
{
	struct super_block *sb = inode->sb;
	if (!sb || !sb->ops || !sb->ops->sync_fs || (sb->flags & SB_RDONLY))
		return 0;
	return sb->ops->sync_fs(sb);
}
