/*
 * Reference-counted pages: the pages user mappings and file caches share.
 * A page from page_alloc() starts with one reference; every user mapping and
 * every cache that keeps the page holds one; the last page_put() frees it.
 */
#ifndef CAIRN_MM_PAGE_H
#define CAIRN_MM_PAGE_H

#include <types.h>

/* A zeroed page with one reference, or 0 when out of memory. */
phys_addr_t page_alloc(void);
void page_get(phys_addr_t pa);
void page_put(phys_addr_t pa);
uint32_t page_refcount(phys_addr_t pa);

#endif
