/* Whole-file gzip decompression (zlib). */
#ifndef PKG_GUNZIP_H
#define PKG_GUNZIP_H

#include <stddef.h>
#include <stdint.h>

/*
 * Inflates the gzip file at path into a new malloc'ed buffer (*out, *out_len).
 * Returns 0, or -1 with the reason in err: the file cannot be opened, has no
 * gzip header, is corrupt or truncated, or inflates to max bytes or more.
 */
int gunzip_file(const char *path, size_t max, uint8_t **out, size_t *out_len, char *err,
		size_t errlen);

#endif
