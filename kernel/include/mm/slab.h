/*
 * Object caches and kmalloc, layered on a page backend so the logic runs in
 * host tests as well as in the kernel (where the backend is the buddy
 * allocator seen through the direct map).
 *
 * A slab is one naturally aligned 4 KiB page: a header (magic, owning cache,
 * free-object list, allocated bitmap, list link) followed by equally sized
 * objects. kmalloc() serves sizes up to KMALLOC_MAX_CACHE_SIZE from size
 * classes 16, 32, ..., 2048 and larger sizes from 2^k pages carrying a 16-byte
 * header, so kfree() tells them apart from the magic at the start of the page.
 *
 * Bad frees (double free, foreign or misaligned pointer) are detected, logged
 * with pr_err() and ignored, leaving the allocator's state intact. Running out
 * of memory returns NULL and logs one pr_warn() line.
 */
#ifndef CAIRN_MM_SLAB_H
#define CAIRN_MM_SLAB_H

#include <types.h>

#define KMALLOC_MIN_SIZE       16
#define KMALLOC_MAX_CACHE_SIZE 2048 /* Larger kmalloc() requests take whole pages. */
#define SLAB_MAX_OBJ_SIZE      2048 /* Largest object a kmem_cache can hold. */

struct slab_backend {
	/*
	 * Returns the kernel virtual address of 2^order contiguous pages aligned
	 * to their size, or NULL.
	 */
	void *(*alloc_pages)(unsigned order);
	void (*free_pages)(void *addr, unsigned order);
};

struct kmem_cache;

struct slab_stats {
	size_t pages_in_use;   /* Pages held from the backend, slabs and large blocks. */
	size_t objects_in_use; /* Live cache objects plus live large kmalloc blocks. */
};

/* Sets the page backend and creates the kmalloc size classes; call once, first. */
void slab_init(const struct slab_backend *be);

/*
 * Creates a cache of objects of size bytes (1..SLAB_MAX_OBJ_SIZE) aligned to
 * align, a power of two (0 means the default); objects are always at least
 * 16-byte aligned. The name is copied. Returns NULL on bad arguments or when
 * out of memory.
 */
struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align);

/* Returns a new object from c, or NULL when out of memory. Takes c's lock. */
void *kmem_cache_alloc(struct kmem_cache *c);

/* Returns obj to c; a pointer that is not a live object of c is logged and ignored. */
void kmem_cache_free(struct kmem_cache *c, void *obj);

/*
 * Destroys c and returns all its pages to the backend. Every object must have
 * been freed; if some are still live the cache is left in place (leaked) with
 * an error logged, so those objects stay valid.
 */
void kmem_cache_destroy(struct kmem_cache *c);

/* Returns c's cached empty slab, if any, to the backend. */
void kmem_cache_shrink(struct kmem_cache *c);

/* Shrinks every cache, including the kmalloc size classes. */
void slab_shrink(void);

/*
 * Returns a 16-byte aligned block of at least size bytes, or NULL when out of
 * memory or when size needs more than 2^(BUDDY_MAX_ORDER - 1) pages.
 * kmalloc(0) returns a valid minimum-size (16-byte) block, to be kfree()d like
 * any other, so NULL always means failure.
 */
void *kmalloc(size_t size);

/* Like kmalloc(), with the first size bytes zeroed. */
void *kzalloc(size_t size);

/* Frees a kmalloc() block; kfree(NULL) is a no-op and bad pointers are logged and ignored. */
void kfree(void *p);

/* Returns the usable size of a live kmalloc() block (at least what was asked), or 0. */
size_t ksize(const void *p);

/* Fills st with a snapshot of the allocator's usage. */
void slab_get_stats(struct slab_stats *st);

#endif
