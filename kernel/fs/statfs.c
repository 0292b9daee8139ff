/*
 * statfs(2): what a filesystem says about its size (super_ops.statfs), with
 * the VFS's part filled in: the mount flags and defaults for what the
 * filesystem leaves zero.
 */
#include <fs/vfs.h>
#include <lib/string.h>
#include <uapi/statfs.h>

/* ST_* flags of struct statfs's f_flags (Linux's values). */
#define ST_RDONLY 0x0001

int vfs_statfs(struct inode *inode, struct statfs *st)
{
	memset(st, 0, sizeof(*st));
	struct super_block *sb = inode->sb;
	if (sb && sb->ops && sb->ops->statfs) {
		int err = sb->ops->statfs(sb, st);
		if (err)
			return err;
	}
	if (!st->f_bsize)
		st->f_bsize = 4096;
	if (!st->f_frsize)
		st->f_frsize = st->f_bsize;
	if (!st->f_namelen)
		st->f_namelen = NAME_MAX;
	if (sb) {
		st->f_fsid.val[0] = (int)(uint32_t)sb->dev;
		st->f_fsid.val[1] = (int)(uint32_t)(sb->dev >> 32);
		if (sb->flags & SB_RDONLY)
			st->f_flags |= ST_RDONLY;
	}
	return 0;
}
