/*
 * The dentry cache: what a directory's lookup() answered, name by name, so
 * the path walk does not ask the filesystem again. An entry maps (parent
 * directory, name) to the child inode (positive) or to "no such name"
 * (negative). Only filesystems whose names change through the VFS alone set
 * SB_DCACHE on their super block (ramfs, tmpfs, ext2); the others (procfs,
 * devtmpfs, FAT with its case-insensitive names) are always asked.
 *
 * An entry holds a reference to its parent and to its child. "." and ".."
 * are never cached, and a mount point is cached as the directory it covers:
 * the walk crosses mounts after the cache answered, so mounting needs no
 * invalidation for correctness (vfs_mount and umount drop entries anyway).
 *
 * Every call that changes a name invalidates it after the filesystem has
 * made the change, and a lookup only caches its answer when no invalidation
 * happened while it asked the filesystem, so an answer is never older than
 * the change it missed. The cache is bounded (DCACHE_MAX entries); the
 * least recently used entry goes first.
 */
#ifndef CAIRN_FS_DCACHE_H
#define CAIRN_FS_DCACHE_H

#include <types.h>

struct inode;
struct super_block;

#define DCACHE_MAX 4096

/*
 * dir->iops->lookup() through the cache: sets *out to the named child with a
 * new reference, or returns -ENOENT (perhaps from a negative entry), or the
 * lookup's error. name is one component, never "." or "..". -ENOTDIR when
 * dir has no lookup op.
 */
int dcache_lookup(struct inode *dir, const char *name, struct inode **out);
/* Forgets what is cached about name in dir (a name was added, removed or moved). */
void dcache_invalidate(struct inode *dir, const char *name);
/* Forgets every entry whose parent is dir (dir was removed). */
void dcache_forget_dir(struct inode *dir);
/* Forgets every entry whose parent or child is on sb (umount); NULL: every entry. */
void dcache_forget_sb(struct super_block *sb);
/*
 * Finds a cached name of child in dir for getcwd(2): copies it into name
 * (NAME_MAX + 1 bytes) and returns true, or false when none is cached.
 */
bool dcache_name_of(struct inode *dir, struct inode *child, char *name);

struct dcache_stats {
	uint64_t hits, negative_hits, misses, entries;
};
void dcache_get_stats(struct dcache_stats *st);
/* Turns the cache on or off (off forgets every entry); for measurements and tests. */
void dcache_set_enabled(bool on);

#endif
