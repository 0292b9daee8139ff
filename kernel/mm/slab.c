/*
 * Slab allocator: object caches and kmalloc on top of a page backend.
 *
 * Layers: page backend (buddy via the direct map, or a host stand-in) →
 * slab (one page: header + objects) → kmem_cache (lists of slabs) →
 * kmalloc (size classes 16..2048, and whole pages above that).
 *
 * Each slab page starts with struct slab. Free objects form a singly linked
 * list through their first word and carry SLAB_POISON in their second; the
 * header's bitmap records which objects are allocated, so a double free or a
 * pointer into the middle of an object is caught before it can corrupt the
 * list. A cache keeps its slabs on three lists (partial, full, empty) under
 * its spinlock and holds on to at most one empty slab.
 *
 * A large kmalloc block is 2^k pages beginning with struct large_hdr; the
 * caller gets the address just past it. Both headers begin with a 32-bit
 * magic at the start of a page, which is how kfree() tells them apart.
 */
#include <lib/string.h>
#include <list.h>
#include <mm/buddy.h>
#include <mm/slab.h>
#include <printk.h>
#include <spinlock.h>
#include <types.h>

#define SLAB_MAGIC        0x51ab51abu
#define LARGE_MAGIC       0x1a26eb10u
#define CACHE_MAGIC       0xcac4e5edu
#define SLAB_POISON       ((void *)0x6b6b6b6b6b6b6b6bull)
#define SLAB_BITMAP_WORDS 4
#define SLAB_NAME_LEN     32
#define SLAB_MIN_ALIGN    16
#define KMALLOC_CLASSES   8 /* 16, 32, ..., 2048. */

/* The header at the start of every slab page. */
struct slab {
	uint32_t magic; /* SLAB_MAGIC while the page belongs to a cache. */
	uint16_t inuse; /* Number of allocated objects. */
	struct kmem_cache *cache;
	void *freelist;        /* First free object; each free object's word 0 links the next. */
	struct list_head link; /* On the cache's partial, full or empty list. */
	uint64_t used[SLAB_BITMAP_WORDS]; /* Bit i set: object i is allocated. */
};

/* The header at the start of a large kmalloc block; 16 bytes keeps the result 16-aligned. */
struct large_hdr {
	uint32_t magic; /* LARGE_MAGIC while the block is live. */
	uint32_t order;
	struct large_hdr *self; /* Points at itself: a second check against stray magic. */
};

_Static_assert(sizeof(struct large_hdr) == 16, "large_hdr must keep 16-byte alignment");
_Static_assert(SLAB_BITMAP_WORDS * 64 >= (PAGE_SIZE - sizeof(struct slab)) / SLAB_MIN_ALIGN,
               "the slab bitmap must cover the most objects a page can hold");

struct kmem_cache {
	uint32_t magic; /* CACHE_MAGIC while the cache exists. */
	char name[SLAB_NAME_LEN];
	size_t size;     /* Object size asked for. */
	size_t stride;   /* Distance between objects: size rounded up to the alignment. */
	size_t offset;   /* Offset of object 0 in the slab page. */
	unsigned nobjs;  /* Objects per slab. */
	unsigned nempty; /* Slabs on the empty list: 0 or 1 outside shrinking. */
	struct list_head partial, full, empty;
	struct spinlock lock;    /* Protects the lists and every slab header of this cache. */
	struct list_head caches; /* On slab_caches. */
};

static const struct slab_backend *backend;
static struct kmem_cache cache_cache; /* Holds the struct kmem_cache of created caches. */
static struct kmem_cache kmalloc_caches[KMALLOC_CLASSES];
static const char *const kmalloc_names[KMALLOC_CLASSES] = {
    "kmalloc-16",  "kmalloc-32",  "kmalloc-64",   "kmalloc-128",
    "kmalloc-256", "kmalloc-512", "kmalloc-1024", "kmalloc-2048",
};
static LIST_HEAD(slab_caches);
static struct spinlock slab_caches_lock = SPINLOCK_INIT("slab_caches");
static size_t stat_pages, stat_objects; /* Updated atomically. */

static void stat_add(size_t *counter, long delta)
{
	__atomic_fetch_add(counter, (size_t)delta, __ATOMIC_RELAXED);
}

/*
 * Fills in c for objects of size bytes aligned to align (0: the default).
 * Returns false, leaving c unusable, when no slab could hold such an object.
 */
static bool cache_setup(struct kmem_cache *c, const char *name, size_t size, size_t align)
{
	size_t i;

	if (align < SLAB_MIN_ALIGN)
		align = SLAB_MIN_ALIGN;
	if (size == 0 || size > SLAB_MAX_OBJ_SIZE || (align & (align - 1)) != 0 ||
	    align >= PAGE_SIZE)
		return false;

	c->size = size;
	c->stride = ALIGN_UP(size, align);
	c->offset = ALIGN_UP(sizeof(struct slab), align);
	if (c->offset + c->stride > PAGE_SIZE)
		return false;
	c->nobjs = (unsigned)((PAGE_SIZE - c->offset) / c->stride);
	c->nempty = 0;
	for (i = 0; name && name[i] && i < SLAB_NAME_LEN - 1; i++)
		c->name[i] = name[i];
	c->name[i] = '\0';
	list_init(&c->partial);
	list_init(&c->full);
	list_init(&c->empty);
	spin_init(&c->lock, c->name);
	c->magic = CACHE_MAGIC;

	unsigned long flags = spin_lock_irqsave(&slab_caches_lock);
	list_add_tail(&c->caches, &slab_caches);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	return true;
}

void slab_init(const struct slab_backend *be)
{
	backend = be;
	cache_setup(&cache_cache, "kmem_cache", sizeof(struct kmem_cache), 0);
	for (unsigned i = 0; i < KMALLOC_CLASSES; i++)
		cache_setup(&kmalloc_caches[i], kmalloc_names[i], KMALLOC_MIN_SIZE << i, 0);
}

static struct slab *slab_of(const void *obj)
{
	return (struct slab *)ALIGN_DOWN((uintptr_t)obj, PAGE_SIZE);
}

static void *slab_obj(const struct kmem_cache *c, struct slab *s, unsigned idx)
{
	return (char *)s + c->offset + (size_t)idx * c->stride;
}

/* Returns whether obj is the start of an object slot of s, and its index in *idx. */
static bool slab_obj_index(const struct kmem_cache *c, struct slab *s, const void *obj,
                           unsigned *idx)
{
	uintptr_t first = (uintptr_t)s + c->offset, p = (uintptr_t)obj;

	if (p < first || (p - first) % c->stride != 0 || (p - first) / c->stride >= c->nobjs)
		return false;
	*idx = (unsigned)((p - first) / c->stride);
	return true;
}

static bool slab_obj_used(const struct slab *s, unsigned idx)
{
	return s->used[idx / 64] & (1ull << (idx % 64));
}

/* Pushes free object idx of s onto its free list and poisons it. Caller holds c->lock. */
static void slab_push_free(const struct kmem_cache *c, struct slab *s, unsigned idx)
{
	void **obj = slab_obj(c, s, idx);

	obj[0] = s->freelist;
	obj[1] = SLAB_POISON;
	s->freelist = obj;
}

/* Rebuilds the free list of s from its bitmap, in address order. Caller holds c->lock. */
static void slab_rebuild_freelist(const struct kmem_cache *c, struct slab *s)
{
	s->freelist = NULL;
	for (unsigned i = c->nobjs; i-- > 0;)
		if (!slab_obj_used(s, i))
			slab_push_free(c, s, i);
}

/* Gets a fresh page from the backend and formats it as an empty slab of c. */
static struct slab *slab_create(struct kmem_cache *c)
{
	struct slab *s = backend ? backend->alloc_pages(0) : NULL;

	if (!s) {
		pr_warn("slab %s: out of memory\n", c->name);
		return NULL;
	}
	s->magic = SLAB_MAGIC;
	s->inuse = 0;
	s->cache = c;
	list_init(&s->link);
	for (unsigned i = 0; i < SLAB_BITMAP_WORDS; i++)
		s->used[i] = 0;
	slab_rebuild_freelist(c, s);
	stat_add(&stat_pages, 1);
	return s;
}

/* Returns the page of s, which no list references any more, to the backend. */
static void slab_destroy(struct slab *s)
{
	s->magic = 0; /* Later kfree()s of stale pointers into this page fail the magic check. */
	s->cache = NULL;
	backend->free_pages(s, 0);
	stat_add(&stat_pages, -1);
}

/*
 * Takes the first object off the free list of s. A free list that points
 * outside the free slots is logged and rebuilt from the bitmap; if the bitmap
 * then shows no free slot, s is marked full and NULL returned. Caller holds
 * c->lock.
 */
static void *slab_take(struct kmem_cache *c, struct slab *s)
{
	void **obj = s->freelist;
	unsigned idx = 0;

	if (!obj || !slab_obj_index(c, s, obj, &idx) || slab_obj_used(s, idx)) {
		pr_err("slab %s: free list of slab %p corrupted, rebuilding\n", c->name, (void *)s);
		slab_rebuild_freelist(c, s);
		obj = s->freelist;
		if (!obj) {
			s->inuse = (uint16_t)c->nobjs;
			return NULL;
		}
		slab_obj_index(c, s, obj, &idx);
	}
	if (obj[1] != SLAB_POISON)
		pr_err("slab %s: object %p modified after free\n", c->name, (void *)obj);
	s->freelist = obj[0];
	s->used[idx / 64] |= 1ull << (idx % 64);
	s->inuse++;
	return obj;
}

void *kmem_cache_alloc(struct kmem_cache *c)
{
	struct slab *s;
	unsigned long flags;
	void *obj;

	if (!c || c->magic != CACHE_MAGIC) {
		pr_err("kmem_cache_alloc: %p is not a cache\n", (void *)c);
		return NULL;
	}

	do {
		flags = spin_lock_irqsave(&c->lock);
		if (!list_empty(&c->partial)) {
			s = list_first_entry(&c->partial, struct slab, link);
		} else if (!list_empty(&c->empty)) {
			s = list_first_entry(&c->empty, struct slab, link);
			list_del(&s->link);
			list_add(&s->link, &c->partial);
			c->nempty--;
		} else {
			/* The backend may take its own lock; do not hold ours across it. */
			spin_unlock_irqrestore(&c->lock, flags);
			s = slab_create(c);
			if (!s)
				return NULL;
			flags = spin_lock_irqsave(&c->lock);
			list_add(&s->link, &c->partial);
		}

		/* A NULL from slab_take() leaves s full, so the next round picks another slab. */
		obj = slab_take(c, s);
		if (s->inuse == c->nobjs) {
			list_del(&s->link);
			list_add(&s->link, &c->full);
		}
		spin_unlock_irqrestore(&c->lock, flags);
	} while (!obj);

	stat_add(&stat_objects, 1);
	return obj;
}

void kmem_cache_free(struct kmem_cache *c, void *obj)
{
	struct slab *s = slab_of(obj), *dead = NULL;
	unsigned long flags;
	unsigned idx;
	bool was_full;

	if (!obj)
		return;
	if (!c || c->magic != CACHE_MAGIC) {
		pr_err("kmem_cache_free: %p is not a cache (object %p)\n", (void *)c, obj);
		return;
	}

	flags = spin_lock_irqsave(&c->lock);
	if (s->magic != SLAB_MAGIC || s->cache != c || !slab_obj_index(c, s, obj, &idx)) {
		pr_err("slab %s: free of %p, which is not an object of this cache\n", c->name, obj);
		goto out_unlock;
	}
	if (!slab_obj_used(s, idx)) {
		pr_err("slab %s: double free of %p\n", c->name, obj);
		goto out_unlock;
	}

	s->used[idx / 64] &= ~(1ull << (idx % 64));
	slab_push_free(c, s, idx);
	was_full = s->inuse == c->nobjs;
	s->inuse--;
	if (s->inuse == 0) {
		list_del(&s->link);
		if (c->nempty == 0) {
			list_add(&s->link, &c->empty);
			c->nempty++;
		} else {
			dead = s;
		}
	} else if (was_full) {
		list_del(&s->link);
		list_add(&s->link, &c->partial);
	}
	stat_add(&stat_objects, -1);
out_unlock:
	spin_unlock_irqrestore(&c->lock, flags);
	if (dead)
		slab_destroy(dead);
}

/* Detaches every empty slab of c under its lock, then returns them to the backend. */
static void cache_release_empty(struct kmem_cache *c)
{
	struct slab *s, *n;
	unsigned long flags;
	LIST_HEAD(dead);

	flags = spin_lock_irqsave(&c->lock);
	list_for_each_entry_safe(s, n, &c->empty, link)
	{
		list_del(&s->link);
		list_add(&s->link, &dead);
	}
	c->nempty = 0;
	spin_unlock_irqrestore(&c->lock, flags);

	list_for_each_entry_safe(s, n, &dead, link)
	{
		list_del(&s->link);
		slab_destroy(s);
	}
}

void kmem_cache_shrink(struct kmem_cache *c)
{
	if (c && c->magic == CACHE_MAGIC)
		cache_release_empty(c);
}

void slab_shrink(void)
{
	struct kmem_cache *c;
	unsigned long flags;

	flags = spin_lock_irqsave(&slab_caches_lock);
	list_for_each_entry(c, &slab_caches, caches) cache_release_empty(c);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
}

struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align)
{
	struct kmem_cache *c = kmem_cache_alloc(&cache_cache);

	if (!c)
		return NULL;
	if (!cache_setup(c, name, size, align)) {
		pr_err("kmem_cache_create(%s): bad size %lu or alignment %lu\n", name ? name : "?",
		       (unsigned long)size, (unsigned long)align);
		kmem_cache_free(&cache_cache, c);
		return NULL;
	}
	return c;
}

/* Returns whether c is one of the statically allocated caches. */
static bool cache_is_static(const struct kmem_cache *c)
{
	return c == &cache_cache || (c >= kmalloc_caches && c < kmalloc_caches + KMALLOC_CLASSES);
}

void kmem_cache_destroy(struct kmem_cache *c)
{
	unsigned long flags;
	bool busy;

	if (!c)
		return;
	if (c->magic != CACHE_MAGIC || cache_is_static(c)) {
		pr_err("kmem_cache_destroy: %p is not a destroyable cache\n", (void *)c);
		return;
	}

	flags = spin_lock_irqsave(&c->lock);
	busy = !list_empty(&c->partial) || !list_empty(&c->full);
	spin_unlock_irqrestore(&c->lock, flags);
	if (busy) {
		pr_err("kmem_cache_destroy(%s): objects still in use, leaking the cache\n",
		       c->name);
		return;
	}

	flags = spin_lock_irqsave(&slab_caches_lock);
	list_del(&c->caches);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	cache_release_empty(c);
	c->magic = 0;
	kmem_cache_free(&cache_cache, c);
}

/* Returns the kmalloc size class serving size bytes (size <= KMALLOC_MAX_CACHE_SIZE). */
static struct kmem_cache *kmalloc_cache_for(size_t size)
{
	unsigned i = 0;

	while ((size_t)KMALLOC_MIN_SIZE << i < size)
		i++;
	return &kmalloc_caches[i];
}

/* Largest request the page path can serve: the biggest buddy block minus the header. */
#define KMALLOC_MAX_SIZE ((PAGE_SIZE << (BUDDY_MAX_ORDER - 1)) - sizeof(struct large_hdr))

static void *kmalloc_large(size_t size)
{
	struct large_hdr *h;
	unsigned order = 0;

	if (size > KMALLOC_MAX_SIZE) {
		pr_warn("kmalloc: %lu bytes is more than the largest block\n", (unsigned long)size);
		return NULL;
	}
	while ((PAGE_SIZE << order) < size + sizeof(*h))
		order++;
	h = backend ? backend->alloc_pages(order) : NULL;
	if (!h) {
		pr_warn("kmalloc: out of memory for %lu bytes\n", (unsigned long)size);
		return NULL;
	}
	h->magic = LARGE_MAGIC;
	h->order = order;
	h->self = h;
	stat_add(&stat_pages, 1l << order);
	stat_add(&stat_objects, 1);
	return h + 1;
}

void *kmalloc(size_t size)
{
	if (size <= KMALLOC_MAX_CACHE_SIZE)
		return kmem_cache_alloc(kmalloc_cache_for(size));
	return kmalloc_large(size);
}

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);

	if (p)
		memset(p, 0, size);
	return p;
}

/* Returns the live large block whose payload starts at p, or NULL. */
static struct large_hdr *large_of(const void *p)
{
	struct large_hdr *h = (struct large_hdr *)ALIGN_DOWN((uintptr_t)p, PAGE_SIZE);

	if (h->magic != LARGE_MAGIC || h->self != h || (const void *)(h + 1) != p ||
	    h->order >= BUDDY_MAX_ORDER)
		return NULL;
	return h;
}

/* Returns the kmalloc cache owning the slab page under p, or NULL. */
static struct kmem_cache *kmalloc_cache_of(const void *p)
{
	const struct slab *s = slab_of(p);
	uintptr_t c = (uintptr_t)s->cache, lo = (uintptr_t)kmalloc_caches;

	if (s->magic != SLAB_MAGIC || c < lo || (c - lo) % sizeof(struct kmem_cache) != 0 ||
	    (c - lo) / sizeof(struct kmem_cache) >= KMALLOC_CLASSES)
		return NULL;
	return s->cache;
}

void kfree(void *p)
{
	struct kmem_cache *c;
	struct large_hdr *h;
	unsigned order;

	if (!p)
		return;
	c = kmalloc_cache_of(p);
	if (c) {
		kmem_cache_free(c, p);
		return;
	}
	h = large_of(p);
	if (!h) {
		pr_err("kfree: %p is not a kmalloc block\n", p);
		return;
	}
	order = h->order;
	h->magic = 0; /* A second kfree() of p now fails the magic check. */
	h->self = NULL;
	backend->free_pages(h, order);
	stat_add(&stat_pages, -(1l << order));
	stat_add(&stat_objects, -1);
}

size_t ksize(const void *p)
{
	struct kmem_cache *c;
	struct large_hdr *h;

	if (!p)
		return 0;
	c = kmalloc_cache_of(p);
	if (c) {
		struct slab *s = slab_of(p);
		unsigned long flags = spin_lock_irqsave(&c->lock);
		unsigned idx;
		bool live = slab_obj_index(c, s, p, &idx) && slab_obj_used(s, idx);

		spin_unlock_irqrestore(&c->lock, flags);
		return live ? c->stride : 0;
	}
	h = large_of(p);
	return h ? (PAGE_SIZE << h->order) - sizeof(*h) : 0;
}

void slab_get_stats(struct slab_stats *st)
{
	st->pages_in_use = __atomic_load_n(&stat_pages, __ATOMIC_RELAXED);
	st->objects_in_use = __atomic_load_n(&stat_objects, __ATOMIC_RELAXED);
}
