/*
 * FAT32 mounts: the "vfat" filesystem type, mount options, the inode cache
 * (one struct inode per directory entry, keyed by the entry's position on
 * the disk, which also gives the inode number) and the super ops.
 */
#include <errno.h>
#include <fs/fatfs.h>
#include <fs/fstype.h>
#include <lib/string.h>
#include <mm/page.h>
#include <mm/slab.h>
#include <printk.h>
#include <uapi/mount.h>
#include <uapi/statfs.h>

#include "fat_vfs.h"

static bool try_lock(struct fat_mount *m)
{
	bool ok = !m->locked;
	m->locked = true;
	return ok;
}

void fat_lock(struct fat_mount *m)
{
	wait_event(m->lock_wait, try_lock(m));
}

void fat_unlock(struct fat_mount *m)
{
	if (m->fs.broken && !(m->sb.flags & SB_RDONLY)) {
		pr_warn("vfat: %s: %s; the filesystem is now read-only\n", m->bdev->name, m->fs.why);
		m->sb.flags |= SB_RDONLY;
	}
	m->locked = false;
	wake_up(&m->lock_wait);
}

uint64_t fat_ino(const struct fat_mount *m, uint32_t sector, uint32_t offset)
{
	return (uint64_t)sector * (m->fs.sector_size / FAT_DIRENT_SIZE) + offset / FAT_DIRENT_SIZE;
}

static unsigned bucket(uint32_t sector, uint32_t offset)
{
	return (sector * 31 + offset / FAT_DIRENT_SIZE) % FAT_ICACHE_BUCKETS;
}

uint32_t fat_mode(const struct fat_mount *m, uint8_t attr)
{
	uint32_t mode = attr & FAT_ATTR_DIR ? S_IFDIR | (0777 & ~m->dmask)
					    : S_IFREG | (0777 & ~m->fmask);
	if (attr & FAT_ATTR_RO)
		mode &= ~0222u;
	return mode;
}

static struct timespec ts(int64_t sec)
{
	return (struct timespec){.tv_sec = sec, .tv_nsec = 0};
}

struct inode *fat_ilookup(struct fat_mount *m, uint32_t sector, uint32_t offset)
{
	for (struct inode *i = m->icache[bucket(sector, offset)]; i; i = FAT_I(i)->next) {
		if (FAT_I(i)->sector == sector && FAT_I(i)->offset == offset &&
		    __atomic_load_n(&i->refcount, __ATOMIC_ACQUIRE) > 0)
			return i;
	}
	return NULL;
}

static void unhash(struct fat_mount *m, struct inode *inode)
{
	struct fat_inode *fi = FAT_I(inode);
	struct inode **pp = &m->icache[bucket(fi->sector, fi->offset)];
	while (*pp && *pp != inode)
		pp = &FAT_I(*pp)->next;
	if (*pp)
		*pp = fi->next;
	fi->next = NULL;
}

void fat_irehash(struct fat_mount *m, struct inode *inode, uint32_t sector, uint32_t offset)
{
	struct fat_inode *fi = FAT_I(inode);
	unhash(m, inode);
	fi->sector = sector;
	fi->offset = offset;
	if (!sector) {
		fi->unlinked = true;
		return;
	}
	unsigned b = bucket(sector, offset);
	fi->next = m->icache[b];
	m->icache[b] = inode;
}

/* Takes a reference unless the inode is already on its way out (refcount 0). */
static bool get_live(struct inode *inode)
{
	int r = __atomic_load_n(&inode->refcount, __ATOMIC_ACQUIRE);
	while (r > 0) {
		if (__atomic_compare_exchange_n(&inode->refcount, &r, r + 1, false,
						__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
			return true;
	}
	return false;
}

static void fill_inode(struct fat_mount *m, struct inode *inode, const struct fat_dirent *de)
{
	inode->mode = fat_mode(m, de->attr);
	inode->uid = m->uid;
	inode->gid = m->gid;
	inode->nlink = 1;
	inode->mtime = ts(fat_time_to_unix(de->mdate, de->mtime));
	inode->ctime = inode->mtime;
	inode->atime = de->adate ? ts(fat_time_to_unix(de->adate, 0)) : inode->mtime;
}

int fat_iget(struct fat_mount *m, struct inode *parent, const struct fat_dir_entry *e,
	     struct inode **out)
{
	struct inode *i = fat_ilookup(m, e->sector, e->offset);
	if (i && get_live(i)) {
		*out = i;
		return 0;
	}
	bool dir = e->de.attr & FAT_ATTR_DIR;
	uint32_t start = fat_dirent_start(&e->de), len = 0;
	if (start && !fat_cluster_ok(&m->fs, start))
		return fat_fs_error(&m->fs, "an entry's first cluster is out of range");
	if (dir) {
		int err = start ? fat_chain_length(&m->fs, start, &len) : -EIO;
		if (err)
			return fat_fs_error(&m->fs, "a directory's cluster chain is corrupt");
		if ((uint64_t)len * m->fs.cluster_size > FAT_DIR_MAX_BYTES)
			return fat_fs_error(&m->fs, "a directory is too long");
	} else {
		/* A file's chain holds exactly its size: this also finds loops inside it. */
		uint64_t want = ((uint64_t)e->de.size + m->fs.cluster_size - 1) / m->fs.cluster_size;
		int err = start ? fat_chain_length(&m->fs, start, &len) : 0;
		if (err || len != want)
			return fat_fs_error(&m->fs, "a file's cluster chain does not match its size");
	}
	struct fat_inode *fi = kzalloc(sizeof(*fi));
	if (!fi)
		return -ENOMEM;
	struct inode *inode = inode_alloc(&m->sb, fat_mode(m, e->de.attr));
	if (!inode) {
		kfree(fi);
		return -ENOMEM;
	}
	fi->node.start = start;
	fi->node.dir = dir;
	fi->node.size = dir ? len * m->fs.cluster_size : e->de.size;
	inode->priv = fi;
	inode->ino = fat_ino(m, e->sector, e->offset);
	fill_inode(m, inode, &e->de);
	inode->size = fi->node.size;
	inode->blocks = ((uint64_t)fi->node.size + m->fs.cluster_size - 1) / m->fs.cluster_size *
			(m->fs.cluster_size / 512);
	if (dir) {
		inode->iops = &fat_dir_iops;
		inode->fops = &fat_dir_fops;
		fi->parent = inode_get(parent);
	} else {
		inode->iops = &fat_file_iops;
		inode->fops = &fat_file_fops;
	}
	fat_irehash(m, inode, e->sector, e->offset);
	*out = inode;
	return 0;
}

void fat_new_dirent(struct fat_dirent *de, uint8_t attr)
{
	memset(de, 0, sizeof(*de));
	de->attr = attr;
	struct timespec now = vfs_now();
	uint16_t d, t;
	fat_unix_to_time(now.tv_sec, &d, &t);
	de->mdate = de->cdate = de->adate = d;
	de->mtime = de->ctime = t;
}

uint32_t fat_parent_cluster(struct fat_mount *m, struct inode *dir)
{
	return dir == m->sb.root ? 0 : FAT_I(dir)->node.start;
}

int fat_write_entry(struct fat_mount *m, struct inode *inode)
{
	struct fat_inode *fi = FAT_I(inode);
	inode->size = fi->node.size;
	inode->blocks = ((uint64_t)fi->node.size + m->fs.cluster_size - 1) / m->fs.cluster_size *
			(m->fs.cluster_size / 512);
	if (!fi->sector || inode == m->sb.root)
		return 0;
	struct fat_dirent de;
	int err = fat_dirent_read(&m->fs, fi->sector, fi->offset, &de);
	if (err)
		return err;
	fat_dirent_set_start(&de, fi->node.start);
	if (!fi->node.dir)
		de.size = fi->node.size;
	uint16_t d, t;
	fat_unix_to_time(inode->mtime.tv_sec, &d, &t);
	de.mdate = d;
	de.mtime = t;
	fat_unix_to_time(inode->atime.tv_sec, &d, &t);
	de.adate = d;
	if (inode->mode & 0200)
		de.attr &= (uint8_t)~FAT_ATTR_RO;
	else
		de.attr |= FAT_ATTR_RO;
	if (!fi->node.dir)
		de.attr |= FAT_ATTR_ARCH;
	return fat_dirent_write(&m->fs, fi->sector, fi->offset, &de);
}

static void fat_evict(struct inode *inode)
{
	struct fat_mount *m = FAT_MNT(inode->sb);
	struct fat_inode *fi = FAT_I(inode);
	if (!fi)
		return;
	struct inode *parent = fi->parent;
	fat_lock(m);
	unhash(m, inode);
	if (fi->unlinked && fi->node.start && !(m->sb.flags & SB_RDONLY))
		fat_free_chain(&m->fs, fi->node.start);
	fat_unlock(m);
	kfree(fi);
	inode->priv = NULL;
	if (parent)
		inode_put(parent);
}

static int fat_vfs_write_inode(struct inode *inode)
{
	struct fat_mount *m = FAT_MNT(inode->sb);
	fat_lock(m);
	int err = fat_write_entry(m, inode);
	/* FAT keeps one permission bit, read-only: the mode becomes what it can say. */
	uint8_t attr = (S_ISDIR(inode->mode) ? FAT_ATTR_DIR : 0) |
		       ((inode->mode & 0200) ? 0 : FAT_ATTR_RO);
	inode->mode = fat_mode(m, attr);
	fat_unlock(m);
	return err;
}

static int fat_sync_fs(struct super_block *sb)
{
	struct fat_mount *m = FAT_MNT(sb);
	fat_lock(m);
	int err = fat_sync(&m->fs);
	if (!err)
		err = blkdev_flush(m->bdev);
	fat_unlock(m);
	if (err)
		pr_warn("vfat: %s: sync failed (error %d)\n", m->bdev->name, err);
	return err;
}

static int fat_statfs(struct super_block *sb, struct statfs *st)
{
	struct fat_mount *m = FAT_MNT(sb);
	fat_lock(m);
	if (m->fs.free_count == FAT_FSINFO_UNKNOWN)
		fat_count_free(&m->fs);
	st->f_type = MSDOS_SUPER_MAGIC;
	st->f_bsize = m->fs.cluster_size;
	st->f_frsize = m->fs.cluster_size;
	st->f_blocks = m->fs.nr_clusters;
	st->f_bfree = m->fs.free_count == FAT_FSINFO_UNKNOWN ? 0 : m->fs.free_count;
	st->f_bavail = st->f_bfree;
	st->f_namelen = NAME_MAX;
	st->f_fsid.val[0] = (int)m->fs.volume_id;
	fat_unlock(m);
	return 0;
}

static int fat_remount(struct super_block *sb, unsigned flags)
{
	struct fat_mount *m = FAT_MNT(sb);
	if (flags & SB_RDONLY)
		return 0;
	int err = 0;
	fat_lock(m);
	if (m->fs.read_only || m->fs.broken) {
		pr_warn("vfat: %s: stays read-only: %s\n", m->bdev->name, m->fs.why);
		err = -EROFS;
	} else if (m->fs.free_count == FAT_FSINFO_UNKNOWN) {
		err = fat_count_free(&m->fs);
		m->fs.fsinfo_dirty = true;
	}
	fat_unlock(m);
	return err;
}

static void free_mount(struct fat_mount *m)
{
	kfree(m->cache_mem);
	kfree(m->fs.scratch);
	kfree(m);
}

static void fat_put_super(struct super_block *sb)
{
	struct fat_mount *m = FAT_MNT(sb);
	pr_info("vfat: %s unmounted\n", m->bdev->name);
	free_mount(m);
}

static const struct super_ops fat_sops = {
	.evict_inode = fat_evict,
	.write_inode = fat_vfs_write_inode,
	.sync_fs = fat_sync_fs,
	.statfs = fat_statfs,
	.remount = fat_remount,
	.put_super = fat_put_super,
};

static int dev_read(void *ctx, uint64_t sector, uint32_t count, void *buf)
{
	struct fat_mount *m = ctx;
	return blkdev_read(m->bdev, sector, count, buf) ? -EIO : 0;
}

static int dev_write(void *ctx, uint64_t sector, uint32_t count, const void *buf)
{
	struct fat_mount *m = ctx;
	return blkdev_write(m->bdev, sector, count, buf) ? -EIO : 0;
}

static void warn(void *ctx, const char *msg)
{
	struct fat_mount *m = ctx;
	pr_warn("vfat: %s: corrupt filesystem: %s\n", m->bdev->name, msg);
}

static bool parse_num(const char *s, size_t len, unsigned base, uint32_t *out)
{
	uint64_t v = 0;
	if (len == 0 || len > 10)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] >= '0' + (int)MIN(base, 10u))
			return false;
		v = v * base + (uint64_t)(s[i] - '0');
	}
	if (v > 0xFFFFFFFFu)
		return false;
	*out = (uint32_t)v;
	return true;
}

/* Mount options: uid=, gid=, umask=, fmask=, dmask= (octal masks); rw and ro are ignored. */
static int parse_options(struct fat_mount *m, const char *data)
{
	m->fmask = 0133;
	m->dmask = 0022;
	while (data && *data) {
		const char *end = strchr(data, ',');
		size_t len = end ? (size_t)(end - data) : strlen(data);
		const char *eq = memchr(data, '=', len);
		size_t klen = eq ? (size_t)(eq - data) : len;
		const char *val = eq ? eq + 1 : NULL;
		size_t vlen = eq ? len - klen - 1 : 0;
		bool ok = true;
		uint32_t v = 0;
#define KEY(k) (klen == sizeof(k) - 1 && !memcmp(data, k, klen))
		if (len == 0 || KEY("rw") || KEY("ro")) {
		} else if (KEY("uid") && val && parse_num(val, vlen, 10, &v)) {
			m->uid = v;
		} else if (KEY("gid") && val && parse_num(val, vlen, 10, &v)) {
			m->gid = v;
		} else if (KEY("umask") && val && parse_num(val, vlen, 8, &v)) {
			m->fmask = m->dmask = v & 0777;
		} else if (KEY("fmask") && val && parse_num(val, vlen, 8, &v)) {
			m->fmask = v & 0777;
		} else if (KEY("dmask") && val && parse_num(val, vlen, 8, &v)) {
			m->dmask = v & 0777;
		} else {
			ok = false;
		}
#undef KEY
		if (!ok) {
			pr_warn("vfat: %s: unknown or bad mount option \"%.*s\"\n", m->bdev->name,
				(int)len, data);
			return -EINVAL;
		}
		data = end ? end + 1 : data + len;
	}
	return 0;
}

int fat_mount(const char *devname, unsigned long flags, const char *data,
	      struct super_block **out)
{
	struct block_device *bdev = blkdev_find(devname);
	if (!bdev)
		return -ENXIO;
	struct fat_mount *m = kzalloc(sizeof(*m));
	if (!m)
		return -ENOMEM;
	m->bdev = bdev;
	wait_queue_init(&m->lock_wait);
	m->fs.dev_read = dev_read;
	m->fs.dev_write = dev_write;
	m->fs.warn = warn;
	m->fs.ctx = m;
	m->fs.dev_sectors = bdev->nr_sectors;
	int err = parse_options(m, data);
	if (err)
		goto fail;
	err = -ENOMEM;
	uint8_t *boot = kmalloc(FAT_SECTOR_MAX);
	if (!boot)
		goto fail;
	err = blkdev_read(bdev, 0, 1, boot) ? -EIO : 0;
	if (!err)
		err = fat_check_super(&m->fs, boot);
	kfree(boot);
	if (err) {
		pr_warn("vfat: %s: not mountable: %s\n", devname,
			err == -EIO ? "cannot read the boot sector" : m->fs.why);
		goto fail;
	}
	if (bdev->readonly)
		m->fs.read_only = true;
	err = -ENOMEM;
	m->cache_mem = kmalloc((size_t)FAT_CACHE_SLOTS * m->fs.sector_size);
	m->fs.scratch = kmalloc(m->fs.sector_size);
	if (!m->cache_mem || !m->fs.scratch)
		goto fail;
	fat_cache_init(&m->fs, m->cache_mem);
	err = fat_load(&m->fs);
	if (err) {
		pr_warn("vfat: %s: not mountable: %s\n", devname, m->fs.why);
		goto fail;
	}
	m->sb.fs_name = "vfat";
	m->sb.dev = vfs_mkdev(bdev->major, bdev->minor);
	m->sb.ops = &fat_sops;
	m->sb.priv = m;
	m->sb.bdev = bdev;
	m->sb.next_ino = 2;
	if (m->fs.read_only || (flags & MS_RDONLY))
		m->sb.flags |= SB_RDONLY;

	err = -ENOMEM;
	struct fat_inode *fi = kzalloc(sizeof(*fi));
	struct inode *root = fi ? inode_alloc(&m->sb, fat_mode(m, FAT_ATTR_DIR)) : NULL;
	if (!root) {
		kfree(fi);
		goto fail;
	}
	fi->node.start = m->fs.root_cluster;
	fi->node.dir = true;
	uint32_t len = 0;
	fat_chain_length(&m->fs, m->fs.root_cluster, &len); /* checked by fat_load() */
	fi->node.size = len * m->fs.cluster_size;
	root->priv = fi;
	root->ino = FAT_ROOT_INO;
	root->uid = m->uid;
	root->gid = m->gid;
	root->size = fi->node.size;
	root->iops = &fat_dir_iops;
	root->fops = &fat_dir_fops;
	root->mtime = root->ctime = root->atime = ts(0);
	m->sb.root = root;
	if (m->fs.read_only)
		pr_warn("vfat: %s mounted read-only: %s\n", devname, m->fs.why);
	else
		pr_info("vfat: %s mounted %s, %u-byte clusters, %u clusters, %u free\n", devname,
			(m->sb.flags & SB_RDONLY) ? "read-only" : "read-write", m->fs.cluster_size,
			m->fs.nr_clusters, m->fs.free_count);
	*out = &m->sb;
	return 0;
fail:
	free_mount(m);
	return err;
}

static struct fs_type vfat_type = {
	.name = "vfat",
	.requires_dev = true,
	.mount = fat_mount,
};

void fat_register(void)
{
	fs_type_register(&vfat_type);
}
