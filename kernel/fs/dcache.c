/*
 * The dentry cache (fs/dcache.h): a hash table of (parent, name) entries
 * with one LRU list, under one spinlock.
 *
 * Locking: dcache_lock guards the table, the LRU list, the counters and
 * dcache_gen. Entries leave the table under the lock and their references
 * are dropped after it is released, since the last inode_put() may call a
 * filesystem's evict_inode(), which may sleep. The filesystem's lookup() is
 * called without the lock; dcache_gen, bumped by every invalidation, tells
 * whether its answer may still be cached when it returns.
 */
#include <errno.h>
#include <fs/dcache.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <list.h>
#include <mm/slab.h>
#include <spinlock.h>

#define DCACHE_BUCKETS 1024

struct dentry {
	struct list_head hash_link; /* in its bucket */
	struct list_head lru_link;  /* in dcache_lru, most recently used first */
	struct inode *parent;       /* referenced */
	struct inode *child;        /* referenced; NULL for a negative entry */
	uint32_t hash;
	size_t len;
	char name[]; /* len bytes and a NUL */
};

static struct list_head dcache_table[DCACHE_BUCKETS];
static LIST_HEAD(dcache_lru);
static struct spinlock dcache_lock = SPINLOCK_INIT("dcache");
static uint64_t dcache_gen;
static struct dcache_stats dcache_st;
static bool dcache_ready;
static bool dcache_enabled = true;

static uint32_t dcache_hash(const struct inode *dir, const char *name, size_t len)
{
	uint64_t h = 1469598103934665603ull ^ (uint64_t)(uintptr_t)dir;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)name[i]) * 1099511628211ull;
	return (uint32_t)(h ^ (h >> 32));
}

/* Sets up the buckets on first use. Called with dcache_lock held. */
static void dcache_setup(void)
{
	if (dcache_ready)
		return;
	for (int i = 0; i < DCACHE_BUCKETS; i++)
		list_init(&dcache_table[i]);
	dcache_ready = true;
}

/* Whether dir's names may be cached: its filesystem changes them only through the VFS. */
static bool dcache_applies(const struct inode *dir)
{
	return dir->sb && (dir->sb->flags & SB_DCACHE);
}

/* The entry for (dir, name), or NULL. Called with dcache_lock held. */
static struct dentry *dcache_find(struct inode *dir, const char *name, size_t len, uint32_t hash)
{
	struct dentry *d;
	list_for_each_entry(d, &dcache_table[hash % DCACHE_BUCKETS], hash_link)
	{
		if (d->hash == hash && d->parent == dir && d->len == len &&
		    !memcmp(d->name, name, len))
			return d;
	}
	return NULL;
}

/*
 * Takes d out of the table onto the list dead (through lru_link), whose
 * references dcache_free_list() drops later. Called with dcache_lock held.
 */
static void dcache_unhash(struct dentry *d, struct list_head *dead)
{
	list_del(&d->hash_link);
	list_del(&d->lru_link);
	list_add(&d->lru_link, dead);
	dcache_st.entries--;
}

/* Drops the references of the entries on dead and frees them. No lock held. */
static void dcache_free_list(struct list_head *dead)
{
	struct dentry *d, *n;
	list_for_each_entry_safe(d, n, dead, lru_link)
	{
		inode_put(d->child);
		inode_put(d->parent);
		kfree(d);
	}
}

int dcache_lookup(struct inode *dir, const char *name, struct inode **out)
{
	if (!dir->iops || !dir->iops->lookup)
		return -ENOTDIR;
	size_t len = strlen(name);
	if (!dcache_applies(dir))
		return dir->iops->lookup(dir, name, out);

	uint32_t hash = dcache_hash(dir, name, len);
	spin_lock(&dcache_lock);
	dcache_setup();
	bool enabled = dcache_enabled;
	struct dentry *d = enabled ? dcache_find(dir, name, len, hash) : NULL;
	if (d) {
		list_del(&d->lru_link);
		list_add(&d->lru_link, &dcache_lru);
		struct inode *child = d->child ? inode_get(d->child) : NULL;
		if (child)
			dcache_st.hits++;
		else
			dcache_st.negative_hits++;
		spin_unlock(&dcache_lock);
		if (!child)
			return -ENOENT;
		*out = child;
		return 0;
	}
	dcache_st.misses++;
	uint64_t gen = dcache_gen;
	spin_unlock(&dcache_lock);

	int err = dir->iops->lookup(dir, name, out);
	if (!enabled || (err && err != -ENOENT))
		return err;

	struct dentry *nd = kmalloc(sizeof(*nd) + len + 1);
	if (!nd)
		return err; /* the answer stands; it just is not remembered */
	nd->parent = inode_get(dir);
	nd->child = err ? NULL : inode_get(*out);
	nd->hash = hash;
	nd->len = len;
	memcpy(nd->name, name, len + 1);

	LIST_HEAD(dead);
	spin_lock(&dcache_lock);
	if (gen != dcache_gen || !dcache_enabled || dcache_find(dir, name, len, hash)) {
		/* A name changed meanwhile (or another walk cached it): do not remember. */
		list_add(&nd->lru_link, &dead);
	} else {
		list_add(&nd->hash_link, &dcache_table[hash % DCACHE_BUCKETS]);
		list_add(&nd->lru_link, &dcache_lru);
		dcache_st.entries++;
		while (dcache_st.entries > DCACHE_MAX)
			dcache_unhash(list_entry(dcache_lru.prev, struct dentry, lru_link), &dead);
	}
	spin_unlock(&dcache_lock);
	dcache_free_list(&dead);
	return err;
}

void dcache_invalidate(struct inode *dir, const char *name)
{
	size_t len = strlen(name);
	uint32_t hash = dcache_hash(dir, name, len);
	LIST_HEAD(dead);
	spin_lock(&dcache_lock);
	dcache_setup();
	dcache_gen++;
	struct dentry *d = dcache_find(dir, name, len, hash);
	if (d)
		dcache_unhash(d, &dead);
	spin_unlock(&dcache_lock);
	dcache_free_list(&dead);
}

/* Forgets every entry match() accepts. */
static void dcache_forget_if(bool (*match)(const struct dentry *d, const void *arg),
			     const void *arg)
{
	LIST_HEAD(dead);
	spin_lock(&dcache_lock);
	dcache_setup();
	dcache_gen++;
	struct dentry *d, *n;
	list_for_each_entry_safe(d, n, &dcache_lru, lru_link)
	{
		if (match(d, arg))
			dcache_unhash(d, &dead);
	}
	spin_unlock(&dcache_lock);
	dcache_free_list(&dead);
}

static bool match_parent(const struct dentry *d, const void *dir)
{
	return d->parent == dir;
}

static bool match_sb(const struct dentry *d, const void *sb)
{
	return !sb || d->parent->sb == sb || (d->child && d->child->sb == sb);
}

void dcache_forget_dir(struct inode *dir)
{
	dcache_forget_if(match_parent, dir);
}

void dcache_forget_sb(struct super_block *sb)
{
	dcache_forget_if(match_sb, sb);
}

bool dcache_name_of(struct inode *dir, struct inode *child, char *name)
{
	bool found = false;
	spin_lock(&dcache_lock);
	dcache_setup();
	struct dentry *d;
	list_for_each_entry(d, &dcache_lru, lru_link)
	{
		if (d->parent == dir && d->child == child) {
			memcpy(name, d->name, d->len + 1);
			found = true;
			break;
		}
	}
	spin_unlock(&dcache_lock);
	return found;
}

void dcache_get_stats(struct dcache_stats *st)
{
	spin_lock(&dcache_lock);
	*st = dcache_st;
	spin_unlock(&dcache_lock);
}

void dcache_set_enabled(bool on)
{
	spin_lock(&dcache_lock);
	dcache_enabled = on;
	spin_unlock(&dcache_lock);
	if (!on)
		dcache_forget_sb(NULL);
}
