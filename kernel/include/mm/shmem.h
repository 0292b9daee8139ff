/* Backing files for shared anonymous mappings (mm/shmem.c). */
#ifndef CAIRN_MM_SHMEM_H
#define CAIRN_MM_SHMEM_H

#include <types.h>

struct file;

/* An unlinked, zero-filled file of size bytes, opened read-write; ERR_PTR on failure. */
struct file *shmem_file_create(uint64_t size);

#endif
