/*
 * tmpfs (filesystem type "tmpfs"): a ramfs instance with a size limit, so a
 * full filesystem fails writes with -ENOSPC instead of eating all memory,
 * and statfs reporting TMPFS_MAGIC and its usage. See docs/filesystems.md.
 */
#ifndef CAIRN_FS_TMPFS_H
#define CAIRN_FS_TMPFS_H

#include <types.h>

/* Registers the "tmpfs" filesystem type. Call from vfs_init(). */
void tmpfs_register(void);

struct tmpfs_options {
	uint64_t max_pages; /* 0: no limit */
	uint32_t mode;      /* permissions of the root directory */
	uint32_t uid, gid;  /* owner of the root directory */
};

/*
 * Parses mount(2)'s option string for tmpfs (fs/tmpfs/options.c), a comma-
 * separated list of size=BYTES[k|m|g|%] (bytes rounded up to whole pages;
 * % of total_pages; 0 for no limit), nr_blocks=PAGES, mode=OCTAL, uid=N and
 * gid=N. data may be NULL or empty. Options not given keep their defaults:
 * half of total_pages, mode 1777, owner 0:0. Returns 0, or -EINVAL for an
 * unknown option or a malformed or overflowing value.
 */
int tmpfs_parse_options(const char *data, uint64_t total_pages, struct tmpfs_options *out);

#endif
