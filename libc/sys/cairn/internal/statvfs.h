/* Private: struct statvfs from struct statfs, shared by statvfs() and fstatvfs(). */
#ifndef CAIRN_INTERNAL_STATVFS_H
#define CAIRN_INTERNAL_STATVFS_H

#include <sys/statfs.h>
#include <sys/statvfs.h>

void __statfs_to_statvfs(const struct statfs *in, struct statvfs *out);

#endif
