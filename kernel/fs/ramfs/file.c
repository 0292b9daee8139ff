/*
 * ramfs regular files: data in reference-counted pages (mm/page.h), found by
 * page index in a growable array. A file holds one reference to each of its
 * pages; map_page() gives a shared mapping another, so truncating a mapped
 * file never frees a page still mapped.
 */
#include <arch/mmu.h>
#include <errno.h>
#include <lib/string.h>
#include <mm/page.h>
#include <mm/slab.h>

#include "ramfs.h"

/*
 * Returns the address of the array slot for page pgoff, growing the array
 * when grow is set; NULL past the end (or on no memory). inode->lock is held.
 */
static phys_addr_t *page_slot(struct ramfs_inode *ri, uint64_t pgoff, bool grow)
{
	if (pgoff < ri->nr_slots)
		return &ri->pages[pgoff];
	if (!grow || pgoff >= RAMFS_MAX_PAGES)
		return NULL;
	size_t n = 16;
	while (n <= pgoff)
		n *= 2;
	phys_addr_t *pages = kzalloc(n * sizeof(*pages));
	if (!pages)
		return NULL;
	if (ri->pages)
		memcpy(pages, ri->pages, ri->nr_slots * sizeof(*pages));
	kfree(ri->pages);
	ri->pages = pages;
	ri->nr_slots = n;
	return &ri->pages[pgoff];
}

/* Returns the page at pgoff, or 0 for a hole. inode->lock is held. */
static phys_addr_t page_find(struct ramfs_inode *ri, uint64_t pgoff)
{
	phys_addr_t *slot = page_slot(ri, pgoff, false);
	return slot ? *slot : 0;
}

/* Returns the page at pgoff, allocating a zeroed one for a hole; 0 on no memory. */
static phys_addr_t page_find_or_alloc(struct inode *inode, uint64_t pgoff)
{
	phys_addr_t *slot = page_slot(RAMFS_I(inode), pgoff, true);
	if (!slot)
		return 0;
	if (!*slot) {
		if (!ramfs_charge_page(inode->sb))
			return 0;
		*slot = page_alloc();
		if (*slot)
			inode->blocks += PAGE_SIZE / 512;
		else
			ramfs_uncharge_pages(inode->sb, 1);
	}
	return *slot;
}

static ssize_t ramfs_read(struct file *file, struct uio *uio, uint64_t *pos)
{
	struct inode *inode = file->inode;
	struct ramfs_inode *ri = RAMFS_I(inode);
	uint64_t off = *pos;
	size_t done = 0;
	int err = 0;

	inode_lock(inode);
	uint64_t size = inode->size;
	size_t want = off < size ? MIN(uio->len, size - off) : 0;
	while (done < want) {
		uint64_t at = off + done;
		size_t in = at & (PAGE_SIZE - 1);
		size_t chunk = MIN(PAGE_SIZE - in, want - done);

		spin_lock(&inode->lock);
		phys_addr_t pa = page_find(ri, at >> PAGE_SHIFT);
		spin_unlock(&inode->lock);
		/* The page cannot go away: truncation takes the inode lock we hold. */
		if (pa)
			err = uio_copy_out(uio, (char *)phys_to_virt(pa) + in, chunk);
		else
			err = uio_clear(uio, chunk);
		if (err)
			break;
		done += chunk;
	}
	if (done) {
		spin_lock(&inode->lock);
		inode->atime = vfs_now();
		spin_unlock(&inode->lock);
	}
	inode_unlock(inode);
	*pos = off + done;
	return done ? (ssize_t)done : err;
}

static ssize_t ramfs_write(struct file *file, struct uio *uio, uint64_t *pos)
{
	struct inode *inode = file->inode;
	size_t done = 0;
	int err = 0;

	inode_lock(inode);
	uint64_t off = (file->flags & O_APPEND) ? inode->size : *pos;
	if (off >= RAMFS_MAX_SIZE) {
		err = -EFBIG;
		goto out_unlock;
	}
	size_t len = MIN(uio->len, RAMFS_MAX_SIZE - off);
	while (done < len) {
		uint64_t at = off + done;
		size_t in = at & (PAGE_SIZE - 1);
		size_t chunk = MIN(PAGE_SIZE - in, len - done);

		spin_lock(&inode->lock);
		phys_addr_t pa = page_find_or_alloc(inode, at >> PAGE_SHIFT);
		spin_unlock(&inode->lock);
		if (!pa) {
			err = -ENOSPC;
			break;
		}
		char *dst = (char *)phys_to_virt(pa) + in;
		if (uio_copy_in(dst, uio, chunk) < 0) {
			/* Keep the bytes past the end zero (see ramfs.h). */
			uint64_t size = inode->size;
			if (at + chunk > size) {
				size_t keep = size > at ? size - at : 0;
				memset(dst + keep, 0, chunk - keep);
			}
			err = -EFAULT;
			break;
		}
		done += chunk;
		spin_lock(&inode->lock);
		if (at + chunk > inode->size)
			inode->size = at + chunk;
		spin_unlock(&inode->lock);
	}
	if (done) {
		spin_lock(&inode->lock);
		inode->mtime = inode->ctime = vfs_now();
		spin_unlock(&inode->lock);
	}
out_unlock:
	inode_unlock(inode);
	*pos = off + done;
	return done ? (ssize_t)done : err;
}

static int ramfs_truncate(struct inode *inode, uint64_t size)
{
	struct ramfs_inode *ri = RAMFS_I(inode);

	uint64_t freed = 0;

	if (size > RAMFS_MAX_SIZE)
		return -EFBIG;
	inode_lock(inode);
	spin_lock(&inode->lock);
	if (size < inode->size) {
		uint64_t first_gone = ALIGN_UP(size, PAGE_SIZE) >> PAGE_SHIFT;
		for (uint64_t i = first_gone; i < ri->nr_slots; i++) {
			if (ri->pages[i]) {
				page_put(ri->pages[i]);
				ri->pages[i] = 0;
				inode->blocks -= PAGE_SIZE / 512;
				freed++;
			}
		}
		size_t in = size & (PAGE_SIZE - 1);
		phys_addr_t pa = page_find(ri, size >> PAGE_SHIFT);
		if (in && pa)
			memset((char *)phys_to_virt(pa) + in, 0, PAGE_SIZE - in);
	}
	inode->size = size;
	inode->mtime = inode->ctime = vfs_now();
	spin_unlock(&inode->lock);
	inode_unlock(inode);
	ramfs_uncharge_pages(inode->sb, freed);
	return 0;
}

/*
 * FIXME: a page shared with a mapping and then truncated away stays mapped
 * (Linux unmaps it); with the mapping's reference it is at least not freed.
 */
static phys_addr_t ramfs_map_page(struct file *file, uint64_t pgoff)
{
	struct inode *inode = file->inode;
	phys_addr_t pa = 0;

	spin_lock(&inode->lock);
	if (pgoff < ALIGN_UP(inode->size, PAGE_SIZE) >> PAGE_SHIFT) {
		pa = page_find_or_alloc(inode, pgoff);
		if (pa)
			page_get(pa);
	}
	spin_unlock(&inode->lock);
	return pa;
}

void ramfs_file_free_data(struct inode *inode)
{
	struct ramfs_inode *ri = RAMFS_I(inode);
	uint64_t freed = 0;
	for (size_t i = 0; i < ri->nr_slots; i++) {
		if (ri->pages[i]) {
			page_put(ri->pages[i]);
			freed++;
		}
	}
	ramfs_uncharge_pages(inode->sb, freed);
	kfree(ri->pages);
	ri->pages = NULL;
	ri->nr_slots = 0;
	inode->blocks = 0;
}

const struct inode_ops ramfs_file_iops = {
    .truncate = ramfs_truncate,
};

const struct file_ops ramfs_file_fops = {
    .read = ramfs_read,
    .write = ramfs_write,
    .map_page = ramfs_map_page,
};
